use anchor_lang::{AnchorDeserialize, Discriminator, Event};
use base64::prelude::{Engine, BASE64_STANDARD};
use solana_program_test::BanksTransactionResultWithMetadata;
use solana_sdk::instruction::InstructionError;
use solana_sdk::signature::Signature;
use solana_sdk::transaction::TransactionError;

/// What executing one transaction produced: its status and its logs, shaped as a validator records them.
#[derive(Debug, Clone)]
pub struct TxOutcome {
    pub signature: Signature,
    pub result: Result<(), TransactionError>,
    pub logs: Vec<String>,
    pub compute_units: u64,
}

impl TxOutcome {
    pub(crate) fn new(signature: Signature, executed: BanksTransactionResultWithMetadata) -> Self {
        let (logs, compute_units) = executed
            .metadata
            .map(|metadata| (metadata.log_messages, metadata.compute_units_consumed))
            .unwrap_or_default();
        Self { signature, result: executed.result, logs, compute_units }
    }

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
        match &self.result {
            Err(TransactionError::InstructionError(_, InstructionError::Custom(code))) => Some(*code),
            _ => None,
        }
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
