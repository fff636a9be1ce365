//! The bank itself, built the way program-test builds its own but kept in our hands, so the runtime can simulate
//! with post-transaction accounts, scan accounts by owner and advance slots as a validator does.
use std::sync::{Arc, Once, RwLock};

use solana_program_test::{programs, ProgramTest};
use solana_runtime::bank::Bank;
use solana_runtime::bank_forks::BankForks;
use solana_runtime::genesis_utils::create_genesis_config_with_leader_ex;
use solana_runtime::runtime_config::RuntimeConfig;
use solana_sdk::fee_calculator::{FeeRateGovernor, DEFAULT_TARGET_LAMPORTS_PER_SIGNATURE};
use solana_sdk::genesis_config::{ClusterType, GenesisConfig};
use solana_sdk::native_token::LAMPORTS_PER_SOL;
use solana_sdk::poh_config::PohConfig;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::rent::Rent;
use solana_sdk::signature::{Keypair, Signer};
use solana_vote_program::vote_state::VoteState;

use crate::native;

/// Lamports the genesis mint (the runtime's payer) starts with.
const PAYER_LAMPORTS: u64 = 1_000_000_000 * LAMPORTS_PER_SOL;

/// A development cluster's genesis with every feature active, mainnet's rent and a validator's signature fee.
pub(crate) fn genesis() -> (GenesisConfig, Keypair) {
    let payer = Keypair::new();
    let rent = Rent::default();
    let fees = FeeRateGovernor {
        lamports_per_signature: DEFAULT_TARGET_LAMPORTS_PER_SIGNATURE / 2,
        ..FeeRateGovernor::default()
    };
    let validator_stake = rent.minimum_balance(VoteState::size_of()) + 1_000_000 * LAMPORTS_PER_SOL;
    let mut genesis = create_genesis_config_with_leader_ex(
        PAYER_LAMPORTS,
        &payer.pubkey(),
        &Pubkey::new_unique(),
        &Pubkey::new_unique(),
        &Pubkey::new_unique(),
        validator_stake,
        42,
        fees,
        rent,
        ClusterType::Development,
        Vec::new(),
    );
    genesis.poh_config = PohConfig::default();
    (genesis, payer)
}

/// Bank forks rooted at slot 1, with SPL Token (and program-test's other SPL and core programs) as SBF and
/// Tightrope native. The forks are the program cache's fork graph.
pub(crate) fn start(genesis: &GenesisConfig) -> Arc<RwLock<BankForks>> {
    install_stubs();
    let bank = Bank::new_with_paths(
        genesis,
        Arc::new(RuntimeConfig::default()),
        Vec::new(),
        None,
        None,
        false,
        None,
        None,
        None,
        Arc::default(),
        None,
        None,
    );
    let rent = genesis.rent.clone();
    for (address, account) in programs::spl_programs(&rent) {
        bank.store_account(&address, &account);
    }
    for (address, account) in programs::core_bpf_programs(&rent, |feature| genesis.accounts.contains_key(feature)) {
        bank.store_account(&address, &account);
    }
    native::register(&bank);
    bank.set_capitalization();
    let bank = Arc::new(bank);
    bank.fill_bank_with_ticks_for_tests();
    BankForks::new_rw_arc(Bank::new_from_parent(bank.clone(), bank.collector_id(), bank.slot() + 1))
}

/// Closes the working bank's slot (registering its blockhash), opens the child `slots` ahead and roots the closed
/// slot (rooting freezes), so older banks are released rather than chained; returns the child.
pub(crate) fn next_slot(forks: &RwLock<BankForks>, slots: u64) -> Arc<Bank> {
    let mut forks = forks.write().expect("bank forks lock");
    let parent = forks.working_bank();
    parent.fill_bank_with_ticks_for_tests();
    let child = Bank::new_from_parent(parent.clone(), parent.collector_id(), parent.slot() + slots.max(1));
    let child = forks.insert(child).clone_without_scheduler();
    forks.set_root(parent.slot(), None, None).expect("root the closed slot");
    if parent.slot() % MAINTENANCE_INTERVAL_SLOTS == 0 {
        // What a validator's accounts background service does: move rooted slots out of the write cache, drop
        // outdated account versions and compact their storage, so memory stays flat however long the bank runs.
        parent.force_flush_accounts_cache();
        parent.rc.accounts.accounts_db.clean_accounts_for_tests();
        parent.shrink_candidate_slots();
    }
    child
}

/// Rooted slots between two accounts-DB maintenance passes (40 s at 400 ms slots).
const MAINTENANCE_INTERVAL_SLOTS: u64 = 100;

/// program-test's host syscalls (CPI, sysvars, return data) are installed only when a `ProgramTest` starts; start a
/// throwaway one once per process, then wrap them with the log bridge.
fn install_stubs() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // On its own thread, so a caller already inside a tokio runtime (the RPC server) can start a bank too.
        std::thread::spawn(|| {
            let tokio = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio");
            drop(tokio.block_on(ProgramTest::default().start()));
        })
        .join()
        .expect("program-test starts");
        // ProgramTest turned on debug logging of every transaction to stderr; RUST_LOG still overrides this.
        solana_logger::setup_with_default("error");
        native::install_log_bridge();
    });
}
