//! The embedded Solana runtime: Tightrope compiled for the host and registered natively inside
//! `solana-program-test`'s bank, next to the real SPL Token program (run as SBF). Rust tests drive it directly;
//! the local JSON-RPC cluster serves it.
//!
//! The API is synchronous: a `Runtime` owns a current-thread tokio runtime and the bank's client, so tests read
//! as a sequence of transactions.
mod native;
mod outcome;
pub mod pyth;
mod tokens;

use std::collections::HashSet;

use anchor_lang::solana_program::clock::Clock;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::rent::Rent;
use solana_system_interface::instruction as system_instruction;
use anchor_lang::{AccountDeserialize, Discriminator, Owner, ZeroCopy};
use solana_program_test::{ProgramTest, ProgramTestContext};
use solana_sdk::account::{Account, AccountSharedData};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signature, Signer};
use solana_sdk::transaction::Transaction;

pub use outcome::TxOutcome;

/// One bank with Tightrope (native) and SPL Token (SBF), and a funded fee payer.
pub struct Runtime {
    tokio: tokio::runtime::Runtime,
    context: ProgramTestContext,
    /// Signatures already sent: resending one would be refused as already processed, so the bank moves to a new
    /// slot (and blockhash) first, as a validator's clients would see over time.
    sent: HashSet<Signature>,
}

impl Runtime {
    pub fn new() -> Self {
        let mut program_test = ProgramTest::default();
        // program-test turns on debug logging of every transaction to stderr; RUST_LOG still overrides this.
        solana_logger::setup_with_default("error");
        program_test.prefer_bpf(false);
        program_test.add_builtin_program("tightrope", tightrope::ID, native::tightrope_builtin);
        let tokio = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime");
        let context = tokio.block_on(program_test.start_with_context());
        native::install_log_bridge();
        Self { tokio, context, sent: HashSet::new() }
    }

    /// The funded keypair that pays every transaction's fee.
    pub fn payer(&self) -> &Keypair {
        &self.context.payer
    }

    /// Signs with the payer and `signers`, executes, and returns the outcome; failures are outcomes, not panics.
    pub fn process(&mut self, instructions: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
        let payer = self.context.payer.insecure_clone();
        let mut all_signers = vec![&payer];
        all_signers.extend_from_slice(signers);
        let mut transaction = Transaction::new_signed_with_payer(
            instructions,
            Some(&payer.pubkey()),
            &all_signers,
            self.context.last_blockhash,
        );
        if self.sent.contains(&transaction.signatures[0]) {
            self.advance_slots(1);
            transaction.sign(&all_signers, self.context.last_blockhash);
        }
        self.sent.insert(transaction.signatures[0]);
        let signature = transaction.signatures[0];
        let executed = self
            .tokio
            .block_on(self.context.banks_client.process_transaction_with_metadata(transaction))
            .expect("the bank accepts the transaction for execution");
        TxOutcome::new(signature, executed)
    }

    pub fn account(&mut self, address: &Pubkey) -> Option<Account> {
        self.tokio
            .block_on(self.context.banks_client.get_account(*address))
            .expect("bank answers")
    }

    /// Writes an account directly, as a test fixture (oracles, token balances no mint could reach).
    pub fn set_account(&mut self, address: &Pubkey, account: Account) {
        self.context.set_account(address, &AccountSharedData::from(account));
    }

    /// Deserialises a borsh Anchor account (discriminator checked); `None` when missing or of another type.
    pub fn anchor_account<T: AccountDeserialize>(&mut self, address: &Pubkey) -> Option<T> {
        let account = self.account(address)?;
        T::try_deserialize(&mut account.data.as_slice()).ok()
    }

    /// Reads a zero-copy Tightrope account; `None` when missing, owned elsewhere, or of another type.
    pub fn load<T: ZeroCopy + Owner + Discriminator>(&mut self, address: &Pubkey) -> Option<T> {
        let account = self.account(address)?;
        let body = account.data.strip_prefix(T::DISCRIMINATOR)?;
        (account.owner == T::owner()).then(|| {
            anchor_lang::__private::bytemuck::pod_read_unaligned(&body[..std::mem::size_of::<T>()])
        })
    }

    pub fn lamports(&mut self, address: &Pubkey) -> u64 {
        self.account(address).map_or(0, |account| account.lamports)
    }

    /// Sends `lamports` from the payer, so `to` can sign as a rent payer.
    pub fn fund(&mut self, to: &Pubkey, lamports: u64) {
        let transfer = system_instruction::transfer(&self.context.payer.pubkey(), to, lamports);
        self.process(&[transfer], &[]).assert_ok();
    }

    pub fn rent(&mut self) -> Rent {
        self.tokio.block_on(self.context.banks_client.get_rent()).expect("rent sysvar")
    }

    pub fn clock(&mut self) -> Clock {
        self.tokio
            .block_on(self.context.banks_client.get_sysvar::<Clock>())
            .expect("clock sysvar")
    }

    /// Sets the Clock's unix timestamp (oracle staleness is judged against it); the slot is unchanged.
    pub fn set_unix_timestamp(&mut self, unix_timestamp: i64) {
        let clock = Clock { unix_timestamp, ..self.clock() };
        self.context.set_sysvar(&clock);
    }

    /// Moves the bank `slots` ahead, with a new blockhash.
    pub fn advance_slots(&mut self, slots: u64) {
        let slot = self.clock().slot;
        self.context.warp_to_slot(slot + slots.max(1)).expect("warp forward");
        self.context.last_blockhash = self
            .tokio
            .block_on(self.context.banks_client.get_latest_blockhash())
            .expect("blockhash");
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Self::new()
    }
}
