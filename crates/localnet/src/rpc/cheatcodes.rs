//! Surfpool-compatible cheatcodes: write accounts and token balances directly, and travel in time.
use anchor_spl::token::spl_token;
use jsonrpsee::types::Params;
use jsonrpsee::RpcModule;
use serde::Deserialize;
use solana_sdk::account::Account;
use solana_sdk::program_option::COption;
use solana_sdk::program_pack::Pack;
use solana_sdk::pubkey::Pubkey;

use super::method;
use crate::cluster::{Cluster, Shared};
use crate::encode::{invalid_params, pubkey, with_context, RpcResult};
use crate::rpc::cluster_info::epoch_info;

/// The associated token account program, whose address derivation surfnet_setTokenAccount writes to.
const ASSOCIATED_TOKEN_PROGRAM: Pubkey = solana_sdk::pubkey!("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AccountUpdate {
    lamports: Option<u64>,
    /// Hex, as Surfpool takes it.
    data: Option<String>,
    owner: Option<String>,
    executable: Option<bool>,
    rent_epoch: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TokenAccountUpdate {
    amount: Option<u64>,
    delegate: Option<Option<String>>,
    delegated_amount: Option<u64>,
    state: Option<String>,
    close_authority: Option<Option<String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TimeTravel {
    absolute_slot: Option<u64>,
    /// Milliseconds since the Unix epoch.
    absolute_timestamp: Option<i64>,
    absolute_epoch: Option<u64>,
}

pub fn register(module: &mut RpcModule<Shared>) {
    method!(module, "surfnet_setAccount", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let address = pubkey(&seq.next::<String>()?)?;
        let update: AccountUpdate = seq.next()?;
        let mut account = c.runtime.account(&address).unwrap_or_default();
        if let Some(data) = update.data {
            account.data = decode_hex(&data)?;
        }
        if let Some(owner) = update.owner {
            account.owner = pubkey(&owner)?;
        }
        account.lamports = update.lamports.unwrap_or(account.lamports);
        account.executable = update.executable.unwrap_or(account.executable);
        account.rent_epoch = update.rent_epoch.unwrap_or(account.rent_epoch);
        write(c, address, account);
        Ok(with_context(c.slot(), ()))
    });
    method!(module, "surfnet_setTokenAccount", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let owner = pubkey(&seq.next::<String>()?)?;
        let mint = pubkey(&seq.next::<String>()?)?;
        let update: TokenAccountUpdate = seq.next()?;
        let token_program = seq.optional_next::<String>()?.map(|p| pubkey(&p)).transpose()?.unwrap_or(spl_token::ID);
        let address = Pubkey::find_program_address(
            &[owner.as_ref(), token_program.as_ref(), mint.as_ref()],
            &ASSOCIATED_TOKEN_PROGRAM,
        )
        .0;
        let existing = c.runtime.account(&address);
        let mut state = existing
            .as_ref()
            .and_then(|account| spl_token::state::Account::unpack_from_slice(&account.data).ok())
            .unwrap_or(spl_token::state::Account {
                mint,
                owner,
                state: spl_token::state::AccountState::Initialized,
                ..Default::default()
            });
        apply_token_update(&mut state, update)?;
        let mut data = vec![0; spl_token::state::Account::LEN];
        state.pack_into_slice(&mut data);
        let lamports = c.runtime.rent().minimum_balance(data.len());
        write(c, address, Account { lamports, data, owner: token_program, executable: false, rent_epoch: 0 });
        Ok(with_context(c.slot(), ()))
    });
    method!(module, "surfnet_timeTravel", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let travel: TimeTravel = params.sequence().next()?;
        let target_slot = match (travel.absolute_slot, travel.absolute_epoch, travel.absolute_timestamp) {
            (Some(slot), None, None) => Some(slot),
            (None, Some(epoch), None) => Some(c.runtime.bank().epoch_schedule().get_first_slot_in_epoch(epoch)),
            (None, None, Some(timestamp_ms)) => {
                let now_ms = c.runtime.clock().unix_timestamp * 1000;
                c.time_offset_ms += timestamp_ms - now_ms;
                c.follow_wall_clock();
                None
            }
            _ => return Err(invalid_params("Invalid param: give exactly one of absoluteSlot, absoluteEpoch, absoluteTimestamp")),
        };
        if let Some(slot) = target_slot {
            if slot <= c.slot() {
                return Err(invalid_params(format!("Invalid param: slot {slot} is not after the current slot {}", c.slot())));
            }
            c.advance(slot - c.slot());
        }
        Ok(epoch_info(c))
    });
}

fn write(c: &mut Cluster, address: Pubkey, account: Account) {
    c.runtime.set_account(&address, account);
    c.publish_accounts([address]);
}

fn decode_hex(text: &str) -> RpcResult<Vec<u8>> {
    let text = text.strip_prefix("0x").unwrap_or(text);
    if text.len() % 2 != 0 {
        return Err(invalid_params("Invalid param: hex data has an odd length"));
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|_| invalid_params("Invalid param: data is not hex")))
        .collect()
}

fn apply_token_update(state: &mut spl_token::state::Account, update: TokenAccountUpdate) -> RpcResult<()> {
    let optional_key = |key: Option<String>| -> RpcResult<COption<Pubkey>> {
        Ok(key.map(|k| pubkey(&k)).transpose()?.map_or(COption::None, COption::Some))
    };
    if let Some(amount) = update.amount {
        state.amount = amount;
    }
    if let Some(delegate) = update.delegate {
        state.delegate = optional_key(delegate)?;
    }
    if let Some(delegated) = update.delegated_amount {
        state.delegated_amount = delegated;
    }
    if let Some(close_authority) = update.close_authority {
        state.close_authority = optional_key(close_authority)?;
    }
    if let Some(text) = update.state {
        state.state = match text.as_str() {
            "initialized" => spl_token::state::AccountState::Initialized,
            "frozen" => spl_token::state::AccountState::Frozen,
            "uninitialized" => spl_token::state::AccountState::Uninitialized,
            other => return Err(invalid_params(format!("Invalid param: unknown token account state {other}"))),
        };
    }
    Ok(())
}
