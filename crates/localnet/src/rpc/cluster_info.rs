//! Cluster, slot, blockhash and fee queries.
use jsonrpsee::types::Params;
use jsonrpsee::RpcModule;
use solana_rpc_client_api::response::{RpcBlockhash, RpcIdentity, RpcPrioritizationFee, RpcVersionInfo};
use solana_sdk::epoch_info::EpochInfo;
use solana_sdk::hash::Hash;
use solana_sdk::message::VersionedMessage;
use solana_sdk::transaction::VersionedTransaction;
use base64::prelude::{Engine, BASE64_STANDARD};

use super::method;
use crate::cluster::{Cluster, Shared};
use crate::encode::{invalid_params, pubkey, with_context, RpcResult};

/// The Agave release whose RPC this server speaks.
pub const SOLANA_CORE_VERSION: &str = "2.3.13";
const COMPUTE_BUDGET_PROGRAM: solana_sdk::pubkey::Pubkey = solana_sdk::pubkey!("ComputeBudget111111111111111111111111111111");
/// How many recent slots getRecentPrioritizationFees reports, as a validator's cache holds.
const PRIORITIZATION_FEE_SLOTS: usize = 150;

pub fn register(module: &mut RpcModule<Shared>) {
    method!(module, "getVersion", |_: Params, c: &mut Cluster| -> RpcResult<RpcVersionInfo> {
        Ok(RpcVersionInfo { solana_core: SOLANA_CORE_VERSION.to_string(), feature_set: Some(feature_set_id(c)) })
    });
    method!(module, "getHealth", |_: Params, _: &mut Cluster| -> RpcResult<&'static str> { Ok("ok") });
    method!(module, "getGenesisHash", |_: Params, c: &mut Cluster| -> RpcResult<String> {
        Ok(c.runtime.genesis_hash().to_string())
    });
    method!(module, "getIdentity", |_: Params, c: &mut Cluster| -> RpcResult<RpcIdentity> {
        Ok(RpcIdentity { identity: c.runtime.bank().collector_id().to_string() })
    });
    method!(module, "getSlot", |_: Params, c: &mut Cluster| -> RpcResult<u64> { Ok(c.slot()) });
    method!(module, "getBlockHeight", |_: Params, c: &mut Cluster| -> RpcResult<u64> {
        Ok(c.runtime.bank().block_height())
    });
    method!(module, "getEpochInfo", |_: Params, c: &mut Cluster| -> RpcResult<EpochInfo> { Ok(epoch_info(c)) });
    method!(module, "getLatestBlockhash", |_: Params, c: &mut Cluster| -> RpcResult<_> {
        Ok(with_context(c.slot(), latest_blockhash(c)))
    });
    method!(module, "isBlockhashValid", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let hash: String = params.sequence().next()?;
        let hash: Hash = hash.parse().map_err(|err| invalid_params(format!("Invalid param: {err:?}")))?;
        Ok(with_context(c.slot(), c.runtime.bank().is_blockhash_valid(&hash)))
    });
    method!(module, "getFeeForMessage", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let encoded: String = params.sequence().next()?;
        let bytes = BASE64_STANDARD.decode(encoded).map_err(|err| invalid_params(format!("invalid base64 encoding: {err:?}")))?;
        let message: VersionedMessage = bincode::deserialize(&bytes).map_err(|err| invalid_params(format!("invalid message: {err}")))?;
        Ok(with_context(c.slot(), c.runtime.fee_for_message(message)))
    });
    method!(module, "getMinimumBalanceForRentExemption", |params: Params, c: &mut Cluster| -> RpcResult<u64> {
        let length: usize = params.sequence().next()?;
        Ok(c.runtime.rent().minimum_balance(length))
    });
    method!(module, "getRecentPrioritizationFees", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let keys: Option<Vec<String>> = params.sequence().optional_next()?;
        let keys = keys.unwrap_or_default().iter().map(|key| pubkey(key)).collect::<RpcResult<Vec<_>>>()?;
        Ok(prioritization_fees(c, &keys))
    });
}

/// Identifies the active feature set, as a validator's version does: the first four bytes of a hash over the
/// active feature ids.
fn feature_set_id(c: &Cluster) -> u32 {
    let mut features: Vec<_> = c.runtime.bank().feature_set.active().keys().copied().collect();
    features.sort();
    let bytes: Vec<&[u8]> = features.iter().map(|feature| feature.as_ref()).collect();
    let hash = solana_sdk::hash::hashv(&bytes).to_bytes();
    u32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]])
}

pub fn epoch_info(c: &Cluster) -> EpochInfo {
    let bank = c.runtime.bank();
    let (epoch, slot_index) = bank.get_epoch_and_slot_index(bank.slot());
    EpochInfo {
        epoch,
        slot_index,
        slots_in_epoch: bank.get_slots_in_epoch(epoch),
        absolute_slot: bank.slot(),
        block_height: bank.block_height(),
        transaction_count: Some(bank.transaction_count()),
    }
}

pub fn latest_blockhash(c: &Cluster) -> RpcBlockhash {
    let bank = c.runtime.bank();
    let blockhash = bank.last_blockhash();
    let last_valid_block_height = bank.get_blockhash_last_valid_block_height(&blockhash).unwrap_or_default();
    RpcBlockhash { blockhash: blockhash.to_string(), last_valid_block_height }
}

/// Per recent slot with transactions touching `keys` (any, when empty): the lowest compute-unit price paid.
fn prioritization_fees(c: &Cluster, keys: &[solana_sdk::pubkey::Pubkey]) -> Vec<RpcPrioritizationFee> {
    let mut fees: Vec<RpcPrioritizationFee> = Vec::new();
    for record in c.newest_first() {
        if !keys.is_empty() && !keys.iter().any(|key| record.mentions(key)) {
            continue;
        }
        let price = compute_unit_price(&record.transaction);
        if let Some(last) = fees.last_mut().filter(|last| last.slot == record.outcome.slot) {
            last.prioritization_fee = last.prioritization_fee.min(price);
        } else if fees.len() == PRIORITIZATION_FEE_SLOTS {
            break;
        } else {
            fees.push(RpcPrioritizationFee { slot: record.outcome.slot, prioritization_fee: price });
        }
    }
    fees.reverse();
    fees
}

/// The micro-lamports per compute unit a transaction's ComputeBudget instruction sets (0 without one).
fn compute_unit_price(transaction: &VersionedTransaction) -> u64 {
    let keys = transaction.message.static_account_keys();
    transaction
        .message
        .instructions()
        .iter()
        .filter(|ix| keys.get(ix.program_id_index as usize) == Some(&COMPUTE_BUDGET_PROGRAM))
        .find_map(|ix| match ix.data.split_first() {
            Some((3, price)) => price.try_into().ok().map(u64::from_le_bytes),
            _ => None,
        })
        .unwrap_or(0)
}

