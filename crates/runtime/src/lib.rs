//! The embedded Solana runtime: Tightrope compiled for the host and registered natively inside a bank built as
//! `solana-program-test` builds its own, next to the real SPL Token program (run as SBF). Rust tests drive it
//! directly; the local JSON-RPC cluster (`crates/localnet`) serves it.
//!
//! Everything runs on the caller's thread: each call reads or changes the bank and returns.
mod bank;
mod native;
mod outcome;
mod stdout_bridge;
pub mod pyth;
mod tokens;

use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use anchor_lang::solana_program::clock::Clock;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::rent::Rent;
use anchor_lang::{AccountDeserialize, Discriminator, Owner, ZeroCopy};
use solana_runtime::bank::Bank;
use solana_runtime::bank_forks::BankForks;
use solana_runtime_transaction::runtime_transaction::RuntimeTransaction;
use solana_sdk::account::{Account, AccountSharedData};
use solana_sdk::hash::Hash;
use solana_sdk::message::VersionedMessage;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signature, Signer};
use solana_sdk::transaction::{MessageHash, SanitizedTransaction, Transaction, VersionedTransaction};
use solana_system_interface::instruction as system_instruction;

pub use outcome::{Simulation, TxOutcome};
pub use solana_runtime;

/// One bank with Tightrope (native) and SPL Token (SBF), and a funded fee payer.
pub struct Runtime {
    forks: Arc<RwLock<BankForks>>,
    /// The working (and root) bank of `forks`.
    bank: Arc<Bank>,
    payer: Keypair,
    rent: Rent,
    genesis_hash: Hash,
    /// A timestamp pinned by `set_unix_timestamp`, carried into every later slot.
    pinned_time: Option<i64>,
    /// Signatures `process` has sent: resending one would be refused as already processed, so the bank moves to
    /// a new slot (and blockhash) first, as a validator's clients would see over time.
    sent: HashSet<Signature>,
}

impl Runtime {
    pub fn new() -> Self {
        let (genesis, payer) = bank::genesis();
        let forks = bank::start(&genesis);
        let bank = forks.read().expect("bank forks lock").working_bank();
        let genesis_hash = genesis.hash();
        Self { forks, bank, payer, rent: genesis.rent, genesis_hash, pinned_time: None, sent: HashSet::new() }
    }

    /// The working bank, for servers that need more than this API (epoch schedule, blockhash queue, fees).
    pub fn bank(&self) -> &Arc<Bank> {
        &self.bank
    }

    pub fn genesis_hash(&self) -> Hash {
        self.genesis_hash
    }

    /// The funded keypair that pays every `process`ed transaction's fee.
    pub fn payer(&self) -> &Keypair {
        &self.payer
    }

    /// Signs with the payer and `signers`, executes, and returns the outcome; failures are outcomes, not panics.
    pub fn process(&mut self, instructions: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
        let payer = self.payer.insecure_clone();
        let mut all_signers = vec![&payer];
        all_signers.extend_from_slice(signers);
        let sign = |blockhash| {
            Transaction::new_signed_with_payer(instructions, Some(&payer.pubkey()), &all_signers, blockhash)
        };
        let mut transaction = sign(self.bank.last_blockhash());
        if self.sent.contains(&transaction.signatures[0]) {
            self.advance_slots(1);
            transaction = sign(self.bank.last_blockhash());
        }
        self.sent.insert(transaction.signatures[0]);
        self.execute(transaction.into())
    }

    /// Verifies signatures, then executes and commits, as a leader does with a transaction it receives. A
    /// transaction refused before execution (bad signature, unknown blockhash, already processed, ...) comes back
    /// with that error, no logs and no fee.
    pub fn execute(&mut self, transaction: VersionedTransaction) -> TxOutcome {
        let signature = transaction.signatures.first().copied().unwrap_or_default();
        let keys = transaction.message.static_account_keys().to_vec();
        let pre_balances = self.balances(&keys);
        let committed = self
            .bank
            .fully_verify_transaction(transaction.clone())
            .and_then(|_| self.bank.process_transaction_with_metadata(transaction));
        let post_balances = self.balances(&keys);
        let mut outcome = TxOutcome {
            signature,
            slot: self.bank.slot(),
            result: Ok(()),
            executed: false,
            logs: Vec::new(),
            compute_units: 0,
            fee: 0,
            return_data: None,
            pre_balances,
            post_balances,
        };
        match committed {
            Err(error) => outcome.result = Err(error),
            Ok(committed) => {
                outcome.executed = true;
                outcome.result = committed.status;
                outcome.logs = committed.log_messages.unwrap_or_default();
                outcome.compute_units = committed.executed_units;
                outcome.fee = committed.fee_details.total_fee();
                outcome.return_data = committed.return_data;
            }
        }
        outcome
    }

    /// Executes without committing. `sig_verify` checks signatures first; `accounts` are returned as they would be
    /// after the transaction (or as they are, where it does not touch them).
    pub fn simulate(&self, transaction: VersionedTransaction, sig_verify: bool, accounts: &[Pubkey]) -> Simulation {
        let sanitized = if sig_verify {
            self.bank.fully_verify_transaction(transaction)
        } else {
            RuntimeTransaction::<SanitizedTransaction>::try_create(
                transaction,
                MessageHash::Compute,
                Some(false),
                self.bank.as_ref(),
                self.bank.get_reserved_account_keys(),
            )
        };
        match sanitized {
            Err(err) => Simulation::refused(err),
            Ok(sanitized) => {
                let result = self.bank.simulate_transaction_unchecked(&sanitized, true);
                let post = |address: &Pubkey| {
                    result
                        .post_simulation_accounts
                        .iter()
                        .find(|(key, _)| key == address)
                        .map(|(_, account)| Account::from(account.clone()))
                        .or_else(|| self.account(address))
                };
                let accounts = accounts.iter().map(post).collect();
                Simulation::new(result, accounts)
            }
        }
    }

    /// The fee `message` would pay, or `None` when it does not sanitise or its blockhash is unknown.
    pub fn fee_for_message(&self, message: VersionedMessage) -> Option<u64> {
        let signatures = vec![Signature::default(); usize::from(message.header().num_required_signatures)];
        let transaction = RuntimeTransaction::<SanitizedTransaction>::try_create(
            VersionedTransaction { signatures, message },
            MessageHash::Compute,
            Some(false),
            self.bank.as_ref(),
            self.bank.get_reserved_account_keys(),
        )
        .ok()?;
        self.bank.get_fee_for_message(transaction.message())
    }

    pub fn account(&self, address: &Pubkey) -> Option<Account> {
        self.bank.get_account(address).map(Account::from)
    }

    /// Every account owned by `owner`, from the bank's index.
    pub fn program_accounts(&self, owner: &Pubkey) -> Vec<(Pubkey, Account)> {
        let scan = solana_accounts_db::accounts_index::ScanConfig::default();
        self.bank
            .get_program_accounts(owner, &scan)
            .expect("account scan")
            .into_iter()
            .map(|(address, account)| (address, Account::from(account)))
            .collect()
    }

    /// Writes an account directly, as a fixture (oracles, token balances no mint could reach) or a cheatcode.
    pub fn set_account(&mut self, address: &Pubkey, account: Account) {
        self.bank.store_account(address, &AccountSharedData::from(account));
    }

    /// Deserialises a borsh Anchor account (discriminator checked); `None` when missing or of another type.
    pub fn anchor_account<T: AccountDeserialize>(&self, address: &Pubkey) -> Option<T> {
        let account = self.account(address)?;
        T::try_deserialize(&mut account.data.as_slice()).ok()
    }

    /// Reads a zero-copy Tightrope account; `None` when missing, owned elsewhere, or of another type.
    pub fn load<T: ZeroCopy + Owner + Discriminator>(&self, address: &Pubkey) -> Option<T> {
        let account = self.account(address)?;
        let body = account.data.strip_prefix(T::DISCRIMINATOR)?;
        (account.owner == T::owner()).then(|| {
            anchor_lang::__private::bytemuck::pod_read_unaligned(&body[..std::mem::size_of::<T>()])
        })
    }

    pub fn lamports(&self, address: &Pubkey) -> u64 {
        self.bank.get_balance(address)
    }

    fn balances(&self, addresses: &[Pubkey]) -> Vec<u64> {
        addresses.iter().map(|address| self.lamports(address)).collect()
    }

    /// Sends `lamports` from the payer, so `to` can sign as a rent payer.
    pub fn fund(&mut self, to: &Pubkey, lamports: u64) -> TxOutcome {
        let transfer = system_instruction::transfer(&self.payer.pubkey(), to, lamports);
        let outcome = self.process(&[transfer], &[]);
        outcome.assert_ok();
        outcome
    }

    pub fn rent(&self) -> Rent {
        self.rent.clone()
    }

    pub fn clock(&self) -> Clock {
        self.bank.clock()
    }

    /// Sets the Clock's unix timestamp (oracle staleness is judged against it); it stays pinned across later
    /// slots until set again.
    pub fn set_unix_timestamp(&mut self, unix_timestamp: i64) {
        self.pinned_time = Some(unix_timestamp);
        self.apply_pinned_time();
    }

    /// Moves the bank `slots` ahead (at least one), with a new blockhash.
    pub fn advance_slots(&mut self, slots: u64) {
        self.bank = bank::next_slot(&self.forks, slots);
        self.apply_pinned_time();
    }

    fn apply_pinned_time(&self) {
        if let Some(unix_timestamp) = self.pinned_time {
            self.bank.set_sysvar_for_tests(&Clock { unix_timestamp, ..self.bank.clock() });
        }
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Self::new()
    }
}
