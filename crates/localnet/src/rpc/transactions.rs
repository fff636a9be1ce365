//! Sending, simulating and looking up transactions.
use base64::prelude::{Engine, BASE64_STANDARD};
use jsonrpsee::types::Params;
use jsonrpsee::RpcModule;
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_rpc_client_api::config::{
    RpcSendTransactionConfig, RpcSignatureStatusConfig, RpcSignaturesForAddressConfig, RpcSimulateTransactionConfig,
    RpcTransactionConfig,
};
use solana_rpc_client_api::custom_error::JSON_RPC_SERVER_ERROR_UNSUPPORTED_TRANSACTION_VERSION;
use solana_rpc_client_api::response::{RpcConfirmedTransactionStatusWithSignature, RpcSimulateTransactionResult};
use solana_sdk::signature::Signature;
use solana_sdk::signer::Signer;
use solana_sdk::transaction::{Transaction, TransactionError, VersionedTransaction};
use solana_transaction_status_client_types::{
    EncodedConfirmedTransactionWithStatusMeta, EncodedTransaction, EncodedTransactionWithStatusMeta,
    TransactionBinaryEncoding, TransactionConfirmationStatus, TransactionStatus, TransactionStatusMeta, UiMessage,
    UiRawMessage, UiCompiledInstruction, UiTransaction, UiTransactionEncoding, UiTransactionStatusMeta,
    UiAddressTableLookup,
};
use solana_sdk::transaction::TransactionVersion;
use solana_sdk::message::VersionedMessage;

use super::method;
use crate::cluster::{Cluster, Shared, TxRecord};
use crate::encode::{
    decode_transaction, invalid_params, preflight_failure, pubkey, server_error, signature_verification_failure,
    ui_account, with_context, RpcResult,
};
use crate::rpc::cluster_info::latest_blockhash;

/// Validator limits on list lengths.
const MAX_SIGNATURE_STATUSES: usize = 256;
const MAX_SIGNATURES_FOR_ADDRESS: usize = 1000;

pub fn register(module: &mut RpcModule<Shared>) {
    method!(module, "sendTransaction", |params: Params, c: &mut Cluster| -> RpcResult<String> {
        let mut seq = params.sequence();
        let encoded: String = seq.next()?;
        let config: RpcSendTransactionConfig = seq.optional_next()?.unwrap_or_default();
        let transaction = decode_transaction(&encoded, binary_encoding(config.encoding)?)?;
        send(c, transaction, config.skip_preflight)
    });
    method!(module, "simulateTransaction", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let encoded: String = seq.next()?;
        let config: RpcSimulateTransactionConfig = seq.optional_next()?.unwrap_or_default();
        let mut transaction = decode_transaction(&encoded, binary_encoding(config.encoding)?)?;
        if config.sig_verify && config.replace_recent_blockhash {
            return Err(invalid_params("sigVerify may not be used with replaceRecentBlockhash"));
        }
        let replacement = config.replace_recent_blockhash.then(|| latest_blockhash(c));
        if let Some(blockhash) = &replacement {
            transaction.message.set_recent_blockhash(blockhash.blockhash.parse().expect("a hash we printed"));
        }
        let (addresses, encoding) = match &config.accounts {
            Some(accounts) => (
                accounts.addresses.iter().map(|key| pubkey(key)).collect::<RpcResult<Vec<_>>>()?,
                accounts.encoding.unwrap_or(UiAccountEncoding::Base64),
            ),
            None => (Vec::new(), UiAccountEncoding::Base64),
        };
        let mut result = simulate(c, transaction, config.sig_verify, &addresses, encoding)?;
        result.replacement_blockhash = replacement;
        if config.accounts.is_none() {
            result.accounts = None;
        }
        Ok(with_context(c.slot(), result))
    });
    method!(module, "requestAirdrop", |params: Params, c: &mut Cluster| -> RpcResult<String> {
        let mut seq = params.sequence();
        let to = pubkey(&seq.next::<String>()?)?;
        let lamports: u64 = seq.next()?;
        let payer = c.runtime.payer().insecure_clone();
        let transfer = solana_sdk::system_instruction::transfer(&payer.pubkey(), &to, lamports);
        let transaction = Transaction::new_signed_with_payer(
            &[transfer],
            Some(&payer.pubkey()),
            &[&payer],
            c.runtime.bank().last_blockhash(),
        );
        send(c, transaction.into(), false)
    });
    method!(module, "getSignatureStatuses", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let signatures: Vec<String> = seq.next()?;
        let _: Option<RpcSignatureStatusConfig> = seq.optional_next()?;
        if signatures.len() > MAX_SIGNATURE_STATUSES {
            return Err(invalid_params(format!("Too many inputs provided; max {MAX_SIGNATURE_STATUSES}")));
        }
        let statuses = signatures
            .iter()
            .map(|text| Ok(c.transaction(&signature(text)?).map(|record| status(c, &record))))
            .collect::<RpcResult<Vec<_>>>()?;
        Ok(with_context(c.slot(), statuses))
    });
    method!(module, "getTransaction", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let signature = signature(&seq.next::<String>()?)?;
        let config = transaction_config(seq.optional_next()?);
        let found = c.transaction(&signature).map(|record| encode_transaction(&record, &config)).transpose()?;
        Ok(serde_json::to_value(found).expect("a transaction serialises"))
    });
    method!(module, "getSignaturesForAddress", |params: Params, c: &mut Cluster| -> RpcResult<_> {
        let mut seq = params.sequence();
        let address = pubkey(&seq.next::<String>()?)?;
        let config: RpcSignaturesForAddressConfig = seq.optional_next()?.unwrap_or_default();
        let limit = config.limit.unwrap_or(MAX_SIGNATURES_FOR_ADDRESS);
        if !(1..=MAX_SIGNATURES_FOR_ADDRESS).contains(&limit) {
            return Err(invalid_params(format!("Invalid limit; max {MAX_SIGNATURES_FOR_ADDRESS}")));
        }
        let before = config.before.as_deref().map(signature).transpose()?;
        let until = config.until.as_deref().map(signature).transpose()?;
        let newest = c.newest_first().filter(|record| record.mentions(&address));
        let after_before = newest.skip_while(|r| before.is_some_and(|b| r.outcome.signature != b)).skip(usize::from(before.is_some()));
        let found: Vec<RpcConfirmedTransactionStatusWithSignature> = after_before
            .take_while(|r| until != Some(r.outcome.signature))
            .take(limit)
            .map(|record| RpcConfirmedTransactionStatusWithSignature {
                signature: record.outcome.signature.to_string(),
                slot: record.outcome.slot,
                err: record.outcome.result.clone().err(),
                memo: None,
                block_time: Some(record.block_time),
                confirmation_status: Some(confirmation(c, record)),
            })
            .collect();
        Ok(found)
    });
}

fn signature(text: &str) -> RpcResult<Signature> {
    text.parse().map_err(|err| invalid_params(format!("Invalid param: {err:?}")))
}

fn binary_encoding(encoding: Option<UiTransactionEncoding>) -> RpcResult<TransactionBinaryEncoding> {
    match encoding.unwrap_or(UiTransactionEncoding::Base58) {
        UiTransactionEncoding::Base58 => Ok(TransactionBinaryEncoding::Base58),
        UiTransactionEncoding::Base64 => Ok(TransactionBinaryEncoding::Base64),
        other => Err(invalid_params(format!("unsupported encoding: {other}. Supported encodings: base58, base64"))),
    }
}

/// A validator's send path: signatures, then preflight simulation unless skipped, then execution.
fn send(c: &mut Cluster, transaction: VersionedTransaction, skip_preflight: bool) -> RpcResult<String> {
    match c.runtime.bank().fully_verify_transaction(transaction.clone()) {
        Err(TransactionError::SignatureFailure) => return Err(signature_verification_failure()),
        Err(err) => return Err(invalid_params(format!("invalid transaction: {err}"))),
        Ok(_) => {}
    }
    if !skip_preflight {
        let result = simulate(c, transaction.clone(), false, &[], UiAccountEncoding::Base64)?;
        if let Some(err) = &result.err {
            return Err(preflight_failure(format!("Transaction simulation failed: {err}"), result));
        }
    }
    let record = c.execute(transaction);
    Ok(record.outcome.signature.to_string())
}

fn simulate(
    c: &Cluster,
    transaction: VersionedTransaction,
    sig_verify: bool,
    addresses: &[solana_sdk::pubkey::Pubkey],
    encoding: UiAccountEncoding,
) -> RpcResult<RpcSimulateTransactionResult> {
    let simulation = c.runtime.simulate(transaction, sig_verify, addresses);
    if sig_verify && simulation.result == Err(TransactionError::SignatureFailure) {
        return Err(signature_verification_failure());
    }
    let accounts = simulation
        .accounts
        .iter()
        .map(|account| account.as_ref().map(|a| ui_account(a, encoding, None)).transpose())
        .collect::<RpcResult<Vec<_>>>()?;
    Ok(RpcSimulateTransactionResult {
        err: simulation.result.err(),
        logs: Some(simulation.logs),
        accounts: Some(accounts),
        units_consumed: Some(simulation.compute_units),
        loaded_accounts_data_size: None,
        return_data: simulation.return_data.map(Into::into),
        inner_instructions: None,
        replacement_blockhash: None,
    })
}

/// Every slot but the working one is rooted, so a transaction is finalized once its slot has closed.
fn confirmation(c: &Cluster, record: &TxRecord) -> TransactionConfirmationStatus {
    if record.outcome.slot < c.slot() {
        TransactionConfirmationStatus::Finalized
    } else {
        TransactionConfirmationStatus::Confirmed
    }
}

fn status(c: &Cluster, record: &TxRecord) -> TransactionStatus {
    let confirmation_status = confirmation(c, record);
    TransactionStatus {
        slot: record.outcome.slot,
        confirmations: match confirmation_status {
            TransactionConfirmationStatus::Finalized => None,
            _ => Some(0),
        },
        status: record.outcome.result.clone(),
        err: record.outcome.result.clone().err(),
        confirmation_status: Some(confirmation_status),
    }
}

fn transaction_config(config: Option<serde_json::Value>) -> RpcTransactionConfig {
    match config {
        // The legacy form passes the encoding alone as a string.
        Some(serde_json::Value::String(encoding)) => RpcTransactionConfig {
            encoding: serde_json::from_value(serde_json::Value::String(encoding)).ok(),
            ..RpcTransactionConfig::default()
        },
        Some(value) => serde_json::from_value(value).unwrap_or_default(),
        None => RpcTransactionConfig::default(),
    }
}

fn encode_transaction(record: &TxRecord, config: &RpcTransactionConfig) -> RpcResult<EncodedConfirmedTransactionWithStatusMeta> {
    let transaction = &record.transaction;
    let version = match (transaction.version(), config.max_supported_transaction_version) {
        (TransactionVersion::Legacy(_), None) => None,
        (version @ TransactionVersion::Legacy(_), Some(_)) => Some(version),
        (TransactionVersion::Number(n), Some(max)) if n <= max => Some(TransactionVersion::Number(n)),
        (TransactionVersion::Number(n), _) => {
            return Err(server_error(
                JSON_RPC_SERVER_ERROR_UNSUPPORTED_TRANSACTION_VERSION,
                format!("Transaction version ({n}) is not supported by the requesting client. Please try the request again with the following configuration parameter: \"maxSupportedTransactionVersion\": {n}"),
                None::<()>,
            ))
        }
    };
    let encoded = match config.encoding.unwrap_or(UiTransactionEncoding::Json) {
        UiTransactionEncoding::Binary => EncodedTransaction::LegacyBinary(bs58::encode(wire(transaction)).into_string()),
        UiTransactionEncoding::Base58 => {
            EncodedTransaction::Binary(bs58::encode(wire(transaction)).into_string(), TransactionBinaryEncoding::Base58)
        }
        UiTransactionEncoding::Base64 => {
            EncodedTransaction::Binary(BASE64_STANDARD.encode(wire(transaction)), TransactionBinaryEncoding::Base64)
        }
        UiTransactionEncoding::Json | UiTransactionEncoding::JsonParsed => EncodedTransaction::Json(ui_transaction(transaction)),
    };
    let outcome = &record.outcome;
    let meta = TransactionStatusMeta {
        status: outcome.result.clone(),
        fee: outcome.fee,
        pre_balances: outcome.pre_balances.clone(),
        post_balances: outcome.post_balances.clone(),
        // Inner instructions are not recorded by this cluster.
        inner_instructions: None,
        log_messages: Some(outcome.logs.clone()),
        pre_token_balances: Some(Vec::new()),
        post_token_balances: Some(Vec::new()),
        rewards: Some(Vec::new()),
        loaded_addresses: Default::default(),
        return_data: outcome.return_data.clone(),
        compute_units_consumed: Some(outcome.compute_units),
        cost_units: None,
    };
    Ok(EncodedConfirmedTransactionWithStatusMeta {
        slot: outcome.slot,
        transaction: EncodedTransactionWithStatusMeta {
            transaction: encoded,
            meta: Some(UiTransactionStatusMeta::from(meta)),
            version,
        },
        block_time: Some(record.block_time),
    })
}

fn wire(transaction: &VersionedTransaction) -> Vec<u8> {
    bincode::serialize(transaction).expect("a transaction serialises")
}

fn ui_transaction(transaction: &VersionedTransaction) -> UiTransaction {
    let message = &transaction.message;
    let lookups = match message {
        VersionedMessage::Legacy(_) => None,
        VersionedMessage::V0(v0) => Some(v0.address_table_lookups.iter().map(UiAddressTableLookup::from).collect()),
    };
    UiTransaction {
        signatures: transaction.signatures.iter().map(ToString::to_string).collect(),
        message: UiMessage::Raw(UiRawMessage {
            header: *message.header(),
            account_keys: message.static_account_keys().iter().map(ToString::to_string).collect(),
            recent_blockhash: message.recent_blockhash().to_string(),
            instructions: message.instructions().iter().map(|ix| UiCompiledInstruction::from(ix, None)).collect(),
            address_table_lookups: lookups,
        }),
    }
}
