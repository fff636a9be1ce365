//! The cluster's state behind the RPC server: the runtime, a bounded transaction history, the clock, and the
//! events subscriptions listen to.
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signature;
use solana_sdk::transaction::VersionedTransaction;
use tightrope_runtime::{Runtime, TxOutcome};
use tokio::sync::broadcast;

/// A transaction the cluster executed, as getTransaction and the subscriptions report it.
pub struct TxRecord {
    pub transaction: VersionedTransaction,
    pub outcome: TxOutcome,
    pub block_time: i64,
}

impl TxRecord {
    pub fn mentions(&self, address: &Pubkey) -> bool {
        self.transaction.message.static_account_keys().contains(address)
    }
}

#[derive(Clone)]
pub enum Event {
    Slot { slot: u64, parent: u64, root: u64 },
    Transaction(Arc<TxRecord>),
    /// Accounts a transaction or a cheatcode wrote at `slot`. Only keys: the channel keeps its last events, and
    /// subscribers read the (small number of) accounts they match.
    Accounts { slot: u64, keys: Arc<Vec<Pubkey>> },
}

pub struct Cluster {
    pub runtime: Runtime,
    history: HashMap<Signature, Arc<TxRecord>>,
    /// Signatures oldest first; the oldest are forgotten past `history_limit`.
    order: VecDeque<Signature>,
    history_limit: usize,
    /// Milliseconds added to wall time for the Clock sysvar (moved by surfnet_timeTravel).
    pub time_offset_ms: i64,
    events: broadcast::Sender<Event>,
}

pub type Shared = Arc<Mutex<Cluster>>;

pub fn lock(shared: &Shared) -> MutexGuard<'_, Cluster> {
    shared.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn wall_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

impl Cluster {
    pub fn new(history_limit: usize) -> Self {
        let (events, _) = broadcast::channel(4096);
        let mut cluster = Self {
            runtime: Runtime::new(),
            history: HashMap::new(),
            order: VecDeque::new(),
            history_limit,
            time_offset_ms: 0,
            events,
        };
        cluster.follow_wall_clock();
        cluster
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }

    fn publish(&self, event: Event) {
        // No receiver is not an error: nobody is subscribed.
        let _ = self.events.send(event);
    }

    pub fn slot(&self) -> u64 {
        self.runtime.bank().slot()
    }

    /// The Clock's unix timestamp follows wall time (plus any time travel), as a validator's does.
    pub fn follow_wall_clock(&mut self) {
        let now = (wall_ms() + self.time_offset_ms).div_euclid(1000);
        self.runtime.set_unix_timestamp(now);
    }

    /// Closes the current slot and opens `slots` ahead, as the slot clock does every tick.
    pub fn advance(&mut self, slots: u64) {
        let parent = self.slot();
        self.runtime.advance_slots(slots);
        self.follow_wall_clock();
        let slot = self.slot();
        self.publish(Event::Slot { slot, parent, root: parent });
    }

    /// Executes a transaction that passed the caller's checks, records it if it was executed, and notifies.
    pub fn execute(&mut self, transaction: VersionedTransaction) -> Arc<TxRecord> {
        let outcome = self.runtime.execute(transaction.clone());
        let record = Arc::new(TxRecord { transaction, outcome, block_time: self.runtime.clock().unix_timestamp });
        if record.outcome.executed {
            self.remember(record.clone());
            let keys = record.transaction.message.static_account_keys();
            let written = keys
                .iter()
                .enumerate()
                .filter(|(index, _)| record.transaction.message.is_maybe_writable(*index, None))
                .map(|(_, key)| *key);
            self.publish_accounts(written);
            self.publish(Event::Transaction(record.clone()));
        }
        record
    }

    /// Notifies account and program subscribers that `addresses` changed.
    pub fn publish_accounts(&self, addresses: impl IntoIterator<Item = Pubkey>) {
        let keys: Vec<Pubkey> = addresses.into_iter().collect();
        self.publish(Event::Accounts { slot: self.slot(), keys: Arc::new(keys) });
    }

    /// An account as subscribers see it: a closed account is reported empty, as a validator does.
    pub fn account_or_empty(&self, address: &Pubkey) -> Account {
        self.runtime.account(address).unwrap_or_default()
    }

    fn remember(&mut self, record: Arc<TxRecord>) {
        let signature = record.outcome.signature;
        if self.history.insert(signature, record).is_none() {
            self.order.push_back(signature);
        }
        while self.order.len() > self.history_limit {
            if let Some(oldest) = self.order.pop_front() {
                self.history.remove(&oldest);
            }
        }
    }

    pub fn transaction(&self, signature: &Signature) -> Option<Arc<TxRecord>> {
        self.history.get(signature).cloned()
    }

    /// Remembered transactions, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Arc<TxRecord>> {
        self.order.iter().rev().filter_map(|signature| self.history.get(signature))
    }
}
