//! Account reads: single, multiple, by owner program, balances, token balances and token accounts by owner.
use anchor_spl::token::spl_token;
use jsonrpsee::types::Params;
use jsonrpsee::RpcModule;
use solana_account_decoder_client_types::token::UiTokenAmount;
use solana_account_decoder_client_types::{UiAccountEncoding, UiDataSliceConfig};
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcTokenAccountsFilter};
use solana_rpc_client_api::filter::RpcFilterType;
use solana_rpc_client_api::response::{OptionalContext, RpcKeyedAccount};
use solana_sdk::account::Account;
use solana_sdk::program_pack::{IsInitialized, Pack};
use solana_sdk::pubkey::Pubkey;

use super::method;
use crate::cluster::{Cluster, Shared};
use crate::encode::{invalid_params, pubkey, ui_account, with_context, RpcResult};

/// getMultipleAccounts' limit on a validator.
const MAX_MULTIPLE_ACCOUNTS: usize = 100;
/// Offsets in an SPL token account (identical in Token-2022's base layout).
const TOKEN_MINT_OFFSET: usize = 0;
const TOKEN_OWNER_OFFSET: usize = 32;

pub fn register(module: &mut RpcModule<Shared>) {
    method!(module, "getAccountInfo", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let address = pubkey(&seq.next::<String>()?)?;
        let config: RpcAccountInfoConfig = seq.optional_next()?.unwrap_or_default();
        let (encoding, slice) = encoding_of(&config);
        let account = c.runtime.account(&address).map(|a| ui_account(&a, encoding, slice)).transpose()?;
        Ok(with_context(c.slot(), account))
    });
    method!(module, "getMultipleAccounts", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let keys: Vec<String> = seq.next()?;
        if keys.len() > MAX_MULTIPLE_ACCOUNTS {
            return Err(invalid_params(format!("Too many inputs provided; max {MAX_MULTIPLE_ACCOUNTS}")));
        }
        let config: RpcAccountInfoConfig = seq.optional_next()?.unwrap_or_default();
        let (encoding, slice) = encoding_of(&config);
        let accounts = keys
            .iter()
            .map(|key| {
                let address = pubkey(key)?;
                c.runtime.account(&address).map(|a| ui_account(&a, encoding, slice)).transpose()
            })
            .collect::<RpcResult<Vec<_>>>()?;
        Ok(with_context(c.slot(), accounts))
    });
    method!(module, "getProgramAccounts", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let program = pubkey(&seq.next::<String>()?)?;
        let config: RpcProgramAccountsConfig = seq.optional_next()?.unwrap_or_default();
        let filters = verified_filters(config.filters)?;
        let (encoding, slice) = encoding_of(&config.account_config);
        let accounts = keyed_accounts(c, &program, &filters, encoding, slice)?;
        Ok(match config.with_context {
            Some(true) => OptionalContext::Context(with_context(c.slot(), accounts)),
            _ => OptionalContext::NoContext(accounts),
        })
    });
    method!(module, "getBalance", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let address = pubkey(&params.sequence().next::<String>()?)?;
        Ok(with_context(c.slot(), c.runtime.lamports(&address)))
    });
    method!(module, "getTokenAccountBalance", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let address = pubkey(&params.sequence().next::<String>()?)?;
        let token = c
            .runtime
            .account(&address)
            .and_then(|account| spl_token::state::Account::unpack_from_slice(&account.data).ok())
            .ok_or_else(|| invalid_params("Invalid param: not a Token account"))?;
        let decimals = mint_decimals(c, &token.mint).ok_or_else(|| invalid_params("Invalid param: could not find mint"))?;
        Ok(with_context(c.slot(), token_amount(token.amount, decimals)))
    });
    method!(module, "getTokenAccountsByOwner", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let owner = pubkey(&seq.next::<String>()?)?;
        let filter: RpcTokenAccountsFilter = seq.next()?;
        let config: RpcAccountInfoConfig = seq.optional_next()?.unwrap_or_default();
        let (encoding, slice) = encoding_of(&config);
        let mut filters = vec![RpcFilterType::Memcmp(memcmp(TOKEN_OWNER_OFFSET, &owner))];
        let programs = match filter {
            RpcTokenAccountsFilter::Mint(mint) => {
                let mint = pubkey(&mint)?;
                filters.push(RpcFilterType::Memcmp(memcmp(TOKEN_MINT_OFFSET, &mint)));
                let program = c.runtime.account(&mint).map(|a| a.owner).ok_or_else(|| invalid_params("Invalid param: could not find mint"))?;
                vec![program]
            }
            RpcTokenAccountsFilter::ProgramId(program) => vec![pubkey(&program)?],
        };
        let mut accounts = Vec::new();
        for program in programs {
            if program != spl_token::ID && program != anchor_spl::token_2022::ID {
                return Err(invalid_params(format!("Invalid param: unrecognized Token program id")));
            }
            accounts.extend(keyed_accounts(c, &program, &filters, encoding, slice)?);
        }
        Ok(with_context(c.slot(), accounts))
    });
}

fn encoding_of(config: &RpcAccountInfoConfig) -> (UiAccountEncoding, Option<UiDataSliceConfig>) {
    (config.encoding.unwrap_or(UiAccountEncoding::Binary), config.data_slice)
}

fn memcmp(offset: usize, key: &Pubkey) -> solana_rpc_client_api::filter::Memcmp {
    solana_rpc_client_api::filter::Memcmp::new_raw_bytes(offset, key.to_bytes().to_vec())
}

/// The filters of a getProgramAccounts or programSubscribe request, each checked as a validator checks them.
pub fn verified_filters(filters: Option<Vec<RpcFilterType>>) -> RpcResult<Vec<RpcFilterType>> {
    let filters = filters.unwrap_or_default();
    for filter in &filters {
        filter.verify().map_err(|err| invalid_params(format!("Invalid param: {err:?}")))?;
    }
    Ok(filters)
}

/// Whether `account` passes every getProgramAccounts-style filter.
pub fn passes(filters: &[RpcFilterType], account: &Account) -> bool {
    filters.iter().all(|filter| match filter {
        RpcFilterType::DataSize(size) => account.data.len() as u64 == *size,
        RpcFilterType::Memcmp(memcmp) => memcmp.bytes_match(&account.data),
        RpcFilterType::TokenAccountState => {
            account.data.len() == spl_token::state::Account::LEN
                && spl_token::state::Account::unpack_from_slice(&account.data).is_ok_and(|a| a.is_initialized())
        }
    })
}

fn keyed_accounts(
    c: &Cluster,
    program: &Pubkey,
    filters: &[RpcFilterType],
    encoding: UiAccountEncoding,
    slice: Option<UiDataSliceConfig>,
) -> RpcResult<Vec<RpcKeyedAccount>> {
    c.runtime
        .program_accounts(program)
        .into_iter()
        .filter(|(_, account)| passes(filters, account))
        .map(|(address, account)| {
            Ok(RpcKeyedAccount { pubkey: address.to_string(), account: ui_account(&account, encoding, slice)? })
        })
        .collect()
}

fn mint_decimals(c: &Cluster, mint: &Pubkey) -> Option<u8> {
    let account = c.runtime.account(mint)?;
    spl_token::state::Mint::unpack_from_slice(&account.data).ok().map(|mint| mint.decimals)
}

/// A token amount as the RPC reports it; `uiAmount` is a display float, never used for money here.
pub fn token_amount(amount: u64, decimals: u8) -> UiTokenAmount {
    // Decimal-point placement on the digit string: exact for any decimals, no scaling arithmetic to overflow.
    let digits = format!("{amount:0>width$}", width = usize::from(decimals) + 1);
    let (whole, fraction) = digits.split_at(digits.len() - usize::from(decimals));
    let fraction = fraction.trim_end_matches('0');
    let ui_amount_string = if fraction.is_empty() { whole.to_string() } else { format!("{whole}.{fraction}") };
    UiTokenAmount {
        ui_amount: ui_amount_string.parse().ok(),
        decimals,
        amount: amount.to_string(),
        ui_amount_string,
    }
}
