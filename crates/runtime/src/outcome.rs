use anchor_lang::{AnchorDeserialize, Discriminator, Event};
use base64::prelude::{Engine, BASE64_STANDARD};
use solana_runtime::bank::TransactionSimulationResult;
use solana_sdk::account::Account;
use solana_sdk::instruction::InstructionError;
use solana_sdk::signature::Signature;
use solana_sdk::transaction::TransactionError;
use solana_sdk::transaction_context::TransactionReturnData;

/// What executing one transaction produced: its status and its logs, shaped as a validator records them.
#[derive(Debug, Clone)]
pub struct TxOutcome {
    pub signature: Signature,
    pub slot: u64,
    pub result: Result<(), TransactionError>,
    /// False when the transaction was refused before execution: no fee, no logs, nothing recorded.
    pub executed: bool,
    pub logs: Vec<String>,
    pub compute_units: u64,
    pub fee: u64,
    pub return_data: Option<TransactionReturnData>,
    /// Lamports of the message's static account keys before and after, in key order.
    pub pre_balances: Vec<u64>,
    pub post_balances: Vec<u64>,
}

/// What a simulation produced, with the requested accounts as they would be afterwards.
#[derive(Debug, Clone)]
pub struct Simulation {
    pub result: Result<(), TransactionError>,
    pub logs: Vec<String>,
    pub compute_units: u64,
    pub return_data: Option<TransactionReturnData>,
    pub accounts: Vec<Option<Account>>,
}

impl TxOutcome {
    pub fn is_ok(&self) -> bool {
        self.result.is_ok()
    }

    /// Panics with the logs when the transaction failed.
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        if let Err(err) = &self.result {
            panic!("transaction failed: {err:?}\n{}", self.logs.join("\n"));
        }
        self
    }

    /// The custom error code of the failing instruction (Anchor error numbers, SPL Token errors, ...).
    pub fn custom_error(&self) -> Option<u32> {
        custom_error(&self.result)
    }

    /// Every event of type `E` the transaction emitted, decoded from its `Program data:` lines.
    pub fn events<E: Event + Discriminator + AnchorDeserialize>(&self) -> Vec<E> {
        self.logs
            .iter()
            .filter_map(|line| line.strip_prefix("Program data: "))
            .filter_map(|encoded| BASE64_STANDARD.decode(encoded).ok())
            .filter_map(|bytes| {
                let body = bytes.strip_prefix(E::DISCRIMINATOR)?;
                E::deserialize(&mut &body[..]).ok()
            })
            .collect()
    }
}

impl Simulation {
    pub(crate) fn new(result: TransactionSimulationResult, accounts: Vec<Option<Account>>) -> Self {
        Self {
            result: result.result,
            logs: result.logs,
            compute_units: result.units_consumed,
            return_data: result.return_data,
            accounts,
        }
    }

    pub(crate) fn refused(error: TransactionError) -> Self {
        Self { result: Err(error), logs: Vec::new(), compute_units: 0, return_data: None, accounts: Vec::new() }
    }

    pub fn custom_error(&self) -> Option<u32> {
        custom_error(&self.result)
    }
}

fn custom_error(result: &Result<(), TransactionError>) -> Option<u32> {
    match result {
        Err(TransactionError::InstructionError(_, InstructionError::Custom(code))) => Some(*code),
        _ => None,
    }
}
