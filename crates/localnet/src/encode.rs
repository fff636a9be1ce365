//! Wire formats: decoding sent transactions, and encoding accounts and transactions the way a validator's RPC
//! does (the response types are Agave's own client types, so the JSON shapes match).
use base64::prelude::{Engine, BASE64_STANDARD};
use jsonrpsee::types::ErrorObjectOwned;
use solana_account_decoder_client_types::{UiAccount, UiAccountData, UiAccountEncoding, UiDataSliceConfig};
use solana_rpc_client_api::custom_error;
use solana_rpc_client_api::response::{Response, RpcResponseContext};
use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::transaction::VersionedTransaction;
use solana_transaction_status_client_types::TransactionBinaryEncoding;

pub type RpcResult<T> = Result<T, ErrorObjectOwned>;

/// Binary accounts larger than this cannot be returned base58, as on a validator.
const MAX_BASE58_BYTES: usize = 128;
/// Transactions on the wire are at most one packet.
const PACKET_DATA_SIZE: usize = 1232;

pub fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(jsonrpsee::types::error::INVALID_PARAMS_CODE, message.into(), None::<()>)
}

pub fn server_error(code: i64, message: impl Into<String>, data: Option<impl serde::Serialize>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(code as i32, message.into(), data)
}

pub fn with_context<T>(slot: u64, value: T) -> Response<T> {
    Response { context: RpcResponseContext::new(slot), value }
}

pub fn pubkey(text: &str) -> RpcResult<Pubkey> {
    text.parse().map_err(|err| invalid_params(format!("Invalid param: {err:?}")))
}

/// Decodes a transaction as sendTransaction and simulateTransaction receive it (base58 by default).
pub fn decode_transaction(encoded: &str, encoding: TransactionBinaryEncoding) -> RpcResult<VersionedTransaction> {
    let too_large = |size: usize| invalid_params(format!("encoded solana_transaction::versioned::VersionedTransaction too large: {size} bytes (max: encoded/raw {}/{PACKET_DATA_SIZE})", base64_len(PACKET_DATA_SIZE)));
    let bytes = match encoding {
        TransactionBinaryEncoding::Base58 => {
            if encoded.len() > base58_len(PACKET_DATA_SIZE) {
                return Err(too_large(encoded.len()));
            }
            bs58::decode(encoded).into_vec().map_err(|err| invalid_params(format!("invalid base58 encoding: {err:?}")))?
        }
        TransactionBinaryEncoding::Base64 => {
            if encoded.len() > base64_len(PACKET_DATA_SIZE) {
                return Err(too_large(encoded.len()));
            }
            BASE64_STANDARD.decode(encoded).map_err(|err| invalid_params(format!("invalid base64 encoding: {err:?}")))?
        }
    };
    if bytes.len() > PACKET_DATA_SIZE {
        return Err(too_large(bytes.len()));
    }
    bincode::deserialize(&bytes).map_err(|err| {
        invalid_params(format!("failed to deserialize solana_transaction::versioned::VersionedTransaction: {err}"))
    })
}

fn base58_len(bytes: usize) -> usize {
    bytes * 138 / 100 + 1
}

fn base64_len(bytes: usize) -> usize {
    bytes.div_ceil(3) * 4
}

/// An account as getAccountInfo and the subscriptions return it. `jsonParsed` is answered base64, as a validator
/// does for accounts it cannot parse.
pub fn ui_account(account: &Account, encoding: UiAccountEncoding, slice: Option<UiDataSliceConfig>) -> RpcResult<UiAccount> {
    let data = match slice {
        Some(UiDataSliceConfig { offset, length }) => {
            let start = offset.min(account.data.len());
            &account.data[start..(start.saturating_add(length)).min(account.data.len())]
        }
        None => &account.data[..],
    };
    let data = match encoding {
        UiAccountEncoding::Binary | UiAccountEncoding::Base58 if data.len() > MAX_BASE58_BYTES => {
            return Err(invalid_params(format!(
                "Encoded binary (base 58) data should be less than {MAX_BASE58_BYTES} bytes, please use Base64 encoding."
            )))
        }
        UiAccountEncoding::Binary => UiAccountData::LegacyBinary(bs58::encode(data).into_string()),
        UiAccountEncoding::Base58 => UiAccountData::Binary(bs58::encode(data).into_string(), encoding),
        UiAccountEncoding::Base64Zstd => {
            let compressed = zstd_compress(data).map_err(|err| invalid_params(format!("zstd: {err}")))?;
            UiAccountData::Binary(BASE64_STANDARD.encode(compressed), encoding)
        }
        UiAccountEncoding::Base64 | UiAccountEncoding::JsonParsed => {
            UiAccountData::Binary(BASE64_STANDARD.encode(data), UiAccountEncoding::Base64)
        }
    };
    Ok(UiAccount {
        lamports: account.lamports,
        data,
        owner: account.owner.to_string(),
        executable: account.executable,
        rent_epoch: account.rent_epoch,
        space: Some(account.data.len() as u64),
    })
}

fn zstd_compress(data: &[u8]) -> std::io::Result<Vec<u8>> {
    zstd::encode_all(data, 0)
}

/// The preflight failure a validator answers sendTransaction with.
pub fn preflight_failure(message: String, data: impl serde::Serialize) -> ErrorObjectOwned {
    server_error(custom_error::JSON_RPC_SERVER_ERROR_SEND_TRANSACTION_PREFLIGHT_FAILURE, message, Some(data))
}

pub fn signature_verification_failure() -> ErrorObjectOwned {
    server_error(
        custom_error::JSON_RPC_SERVER_ERROR_TRANSACTION_SIGNATURE_VERIFICATION_FAILURE,
        "Transaction signature verification failure",
        None::<()>,
    )
}
