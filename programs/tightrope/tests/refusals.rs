//! Every bad input gets a named error and changes nothing: each test asserts the error code and compares every
//! account the instruction touches before and after.
mod common;

use anchor_lang::error::ErrorCode as AnchorError;
use common::*;
use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;

/// SystemError::AccountAlreadyInUse: what `init` of an existing PDA fails with, as on any validator.
const ACCOUNT_ALREADY_IN_USE: u32 = 0;

struct Setup {
    w: World,
    sol: Listed,
    eth: Listed,
    trader: Trader,
    wallet: Pubkey,
}

/// A trader with 4 SOL deposited and 6 SOL left in the wallet.
fn setup() -> Setup {
    let mut w = World::new();
    let sol = w.list(9);
    let eth = w.list(8);
    let trader = w.trader(0);
    let wallet = w.wallet(&sol, &trader.owner.pubkey(), 10 * SOL);
    w.deposit(&trader, &sol, &wallet, 4 * SOL).assert_ok();
    Setup { w, sol, eth, trader, wallet }
}

impl Setup {
    fn watched(&self) -> Vec<Pubkey> {
        vec![self.trader.margin_account, self.sol.asset, self.sol.vault, self.wallet, self.eth.asset, self.eth.vault]
    }
}

#[test]
fn deposit_without_the_owners_signature() {
    let mut s = setup();
    let mut ix = instruction(s.w.deposit_accounts(&s.trader, &s.sol, &s.wallet), tightrope::instruction::Deposit { amount: 1 });
    ix.accounts.iter_mut().filter(|m| m.pubkey == s.trader.owner.pubkey()).for_each(|m| m.is_signer = false);
    let watched = s.watched();
    s.w.assert_refused(ix, &[], AnchorError::AccountNotSigner as u32, &watched);
}

#[test]
fn withdraw_signed_by_someone_else() {
    let mut s = setup();
    let thief = Keypair::new();
    let mut accounts = s.w.withdraw_accounts(&s.trader, &s.sol, &s.wallet);
    accounts.authority = thief.pubkey();
    let ix = instruction(accounts, tightrope::instruction::Withdraw { amount: SOL });
    let watched = s.watched();
    s.w.assert_refused(ix, &[&thief], code(E::NotOwner), &watched);
}

#[test]
fn margin_account_owned_by_another_program() {
    let mut s = setup();
    // A byte-for-byte copy of the real account, owned by another program.
    let real = s.w.rt.account(&s.trader.margin_account).unwrap();
    let forged = Pubkey::new_unique();
    s.w.rt.set_account(&forged, Account { owner: Pubkey::new_unique(), ..real });
    let mut accounts = s.w.withdraw_accounts(&s.trader, &s.sol, &s.wallet);
    accounts.margin_account = forged;
    let ix = instruction(accounts, tightrope::instruction::Withdraw { amount: SOL });
    let mut watched = s.watched();
    watched.push(forged);
    let owner = s.trader.owner.insecure_clone();
    s.w.assert_refused(ix, &[&owner], AnchorError::AccountOwnedByWrongProgram as u32, &watched);
}

#[test]
fn vault_of_another_asset() {
    let mut s = setup();
    let mut accounts = s.w.withdraw_accounts(&s.trader, &s.sol, &s.wallet);
    accounts.vault = s.eth.vault;
    let ix = instruction(accounts, tightrope::instruction::Withdraw { amount: SOL });
    let (watched, owner) = (s.watched(), s.trader.owner.insecure_clone());
    s.w.assert_refused(ix, &[&owner], code(E::VaultMismatch), &watched);
}

#[test]
fn asset_of_another_group() {
    let mut s = setup();
    let other_group = s.w.create_group(1, OPEN_GUARDS);
    let foreign = s.w.list_in(&other_group, 9);
    let mut accounts = s.w.deposit_accounts(&s.trader, &s.sol, &s.wallet);
    (accounts.asset, accounts.vault) = (foreign.asset, foreign.vault);
    let ix = instruction(accounts, tightrope::instruction::Deposit { amount: SOL });
    let mut watched = s.watched();
    watched.extend([foreign.asset, foreign.vault]);
    let owner = s.trader.owner.insecure_clone();
    s.w.assert_refused(ix, &[&owner], code(E::GroupMismatch), &watched);
}

#[test]
fn source_token_account_of_another_mint() {
    let mut s = setup();
    let eth_wallet = s.w.wallet(&s.eth, &s.trader.owner.pubkey(), 5 * SOL);
    let ix = instruction(s.w.deposit_accounts(&s.trader, &s.sol, &eth_wallet), tightrope::instruction::Deposit { amount: SOL });
    let mut watched = s.watched();
    watched.push(eth_wallet);
    let owner = s.trader.owner.insecure_clone();
    s.w.assert_refused(ix, &[&owner], code(E::MintMismatch), &watched);
}

#[test]
fn withdraw_to_a_token_account_of_another_mint() {
    let mut s = setup();
    let eth_wallet = s.w.wallet(&s.eth, &s.trader.owner.pubkey(), 0);
    let ix = s.w.move_out_ix(&s.trader, &s.sol, &eth_wallet, tightrope::instruction::Withdraw { amount: SOL });
    let mut watched = s.watched();
    watched.push(eth_wallet);
    let owner = s.trader.owner.insecure_clone();
    s.w.assert_refused(ix, &[&owner], code(E::MintMismatch), &watched);
}

#[test]
fn source_token_account_of_another_owner() {
    let mut s = setup();
    let victim = Keypair::new();
    let victim_wallet = s.w.wallet(&s.sol, &victim.pubkey(), 5 * SOL);
    let ix = instruction(s.w.deposit_accounts(&s.trader, &s.sol, &victim_wallet), tightrope::instruction::Deposit { amount: SOL });
    let mut watched = s.watched();
    watched.push(victim_wallet);
    let owner = s.trader.owner.insecure_clone();
    s.w.assert_refused(ix, &[&owner], code(E::TokenOwnerMismatch), &watched);
}

#[test]
fn zero_amounts() {
    let mut s = setup();
    let owner = s.trader.owner.insecure_clone();
    let watched = s.watched();
    let deposit = instruction(s.w.deposit_accounts(&s.trader, &s.sol, &s.wallet), tightrope::instruction::Deposit { amount: 0 });
    s.w.assert_refused(deposit, &[&owner], code(E::ZeroAmount), &watched);
    let withdraw = s.w.move_out_ix(&s.trader, &s.sol, &s.wallet, tightrope::instruction::Withdraw { amount: 0 });
    s.w.assert_refused(withdraw, &[&owner], code(E::ZeroAmount), &watched);
}

#[test]
fn deposit_that_would_overflow_the_vault() {
    let mut s = setup();
    // No real mint reaches this supply; the fixture writes the balance to probe the vault's u64 bound. Total
    // deposits past u64::MAX exceed any deposit cap (a u64), which is the refusal that names it.
    s.w.rt.set_token_amount(&s.wallet, u64::MAX);
    let ix = instruction(s.w.deposit_accounts(&s.trader, &s.sol, &s.wallet), tightrope::instruction::Deposit { amount: u64::MAX });
    let (watched, owner) = (s.watched(), s.trader.owner.insecure_clone());
    s.w.assert_refused(ix, &[&owner], code(E::DepositCapExceeded), &watched);
}

#[test]
fn withdraw_more_than_deposited() {
    let mut s = setup();
    let (watched, owner) = (s.watched(), s.trader.owner.insecure_clone());
    for amount in [4 * SOL + 1, u64::MAX] {
        let ix = s.w.move_out_ix(&s.trader, &s.sol, &s.wallet, tightrope::instruction::Withdraw { amount });
        s.w.assert_refused(ix, &[&owner], code(E::InsufficientDeposit), &watched);
    }
    // An asset the account never deposited.
    let eth_wallet = s.w.wallet(&s.eth, &owner.pubkey(), 0);
    let ix = s.w.move_out_ix(&s.trader, &s.eth, &eth_wallet, tightrope::instruction::Withdraw { amount: 1 });
    s.w.assert_refused(ix, &[&owner], code(E::InsufficientDeposit), &watched);
}

#[test]
fn reinitialising_group_asset_and_account() {
    let mut s = setup();
    let admin = s.w.admin.insecure_clone();
    let watched = vec![s.w.group, s.sol.asset, s.sol.vault, s.trader.margin_account];

    let again = init_group_ix(&admin.pubkey(), &s.w.quote_mint, 0, OPEN_GUARDS);
    let outcome = s.w.assert_refused(again, &[&admin], ACCOUNT_ALREADY_IN_USE, &watched);
    assert!(outcome.logs.iter().any(|l| l.contains("already in use")), "{:#?}", outcome.logs);

    let relist = instruction(
        s.w.add_asset_accounts(&s.sol.mint, &s.sol.oracle),
        tightrope::instruction::AddAsset { feed_id: s.sol.feed_id, config: volatile_config() },
    );
    s.w.assert_refused(relist, &[&admin], ACCOUNT_ALREADY_IN_USE, &watched);

    let before = s.w.snapshot(&watched);
    let outcome = s.w.open(&s.trader, 0);
    assert_eq!(outcome.custom_error(), Some(ACCOUNT_ALREADY_IN_USE));
    assert!(before == s.w.snapshot(&watched));
}

#[test]
fn closing_a_non_empty_account() {
    let mut s = setup();
    let ix = instruction(s.w.close_accounts(&s.trader), tightrope::instruction::CloseMarginAccount {});
    let (watched, owner) = (s.watched(), s.trader.owner.insecure_clone());
    s.w.assert_refused(ix, &[&owner], code(E::AccountNotEmpty), &watched);
}

#[test]
fn closing_someone_elses_account() {
    let mut s = setup();
    s.w.withdraw(&s.trader, &s.sol, &s.wallet, 4 * SOL).assert_ok();
    let thief = Keypair::new();
    let mut accounts = s.w.close_accounts(&s.trader);
    accounts.owner = thief.pubkey();
    let ix = instruction(accounts, tightrope::instruction::CloseMarginAccount {});
    let mut watched = s.watched();
    watched.push(thief.pubkey());
    s.w.assert_refused(ix, &[&thief], code(E::NotOwner), &watched);
}

#[test]
fn non_admin_adding_an_asset() {
    let mut s = setup();
    let outsider = Keypair::new();
    s.w.rt.fund(&outsider.pubkey(), 10 * SOL);
    let mint = s.w.rt.create_mint(&outsider.pubkey(), 6);
    let mut accounts = s.w.add_asset_accounts(&mint, &Pubkey::new_unique());
    accounts.admin = outsider.pubkey();
    let (asset, vault) = (accounts.asset, accounts.vault);
    let ix = instruction(accounts, tightrope::instruction::AddAsset { feed_id: [0; 32], config: volatile_config() });
    s.w.assert_refused(ix, &[&outsider], code(E::NotAdmin), &[s.w.group, asset, vault, outsider.pubkey()]);
}
