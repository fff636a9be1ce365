//! The bad inputs the review found untested: broken oracles behind health accounts, malformed `PriceUpdateV2`
//! accounts, the admin's oracle checks, foreign token programs and mints, accounts of another group, duplicated
//! mutable accounts, closed accounts, zero amounts, empty vaults and queues. Each asserts its named error and that
//! nothing changed.
mod common;

use anchor_lang::error::ErrorCode as AnchorError;
use common::admin::{apply_guards_ix, apply_tiers_ix};
use common::book::{Book, USDC};
use common::*;
use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::oracle::{PriceUpdateV2, VerificationLevel};
use tightrope::state::MarginModel;
use tightrope_runtime::pyth;

/// The common book with 1,000 USDC and 10 SOL deposited by the trader and 5 SOL supplied by a lender.
fn book() -> Book {
    let mut b = Book::new();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    b.deposit(&usdc, 1_000 * USDC);
    b.deposit(&sol, 10 * SOL);
    b.lend(&sol, 5 * SOL);
    b
}

impl Book {
    fn withdraw_usdc(&mut self, amount: u64) -> solana_sdk::instruction::Instruction {
        let (trader, usdc, wallet) = (self.trader.clone(), self.usdc.clone(), self.usdc_wallet);
        self.w.move_out_ix(&trader, &usdc, &wallet, tightrope::instruction::Withdraw { amount })
    }

    fn good_sol_update(&self) -> PriceUpdateV2 {
        let clock = self.w.rt.clock();
        pyth::full_update(self.sol.feed_id, 100 * 100_000_000, 1_000_000, PRICE_EXPONENT, clock.unix_timestamp, clock.slot)
    }
}

#[test]
fn a_broken_oracle_behind_a_health_account_is_refused_by_name() {
    let mut b = book();
    // Withdrawing USDC reads SOL's oracle only as a health account.
    let cases: Vec<(Box<dyn Fn(&mut PriceUpdateV2)>, E)> = vec![
        (Box::new(|u| u.price_message.feed_id = [9; 32]), E::OracleFeedMismatch),
        (Box::new(|u| u.price_message.publish_time -= 61), E::StaleOracle),
        (Box::new(|u| u.price_message.conf = 3_00000000), E::OracleConfidenceTooWide),
        (Box::new(|u| u.verification_level = VerificationLevel::Partial { num_signatures: 5 }), E::OracleNotFullyVerified),
        (Box::new(|u| u.price_message.price = 0), E::InvalidOraclePrice),
    ];
    for (corrupt, error) in cases {
        let mut update = b.good_sol_update();
        corrupt(&mut update);
        b.w.rt.set_price_update(&b.sol.oracle, &update);
        let ix = b.withdraw_usdc(1);
        b.refuse(ix, code(error));
    }
    let mut foreign = b.w.rt.account(&b.sol.oracle).unwrap();
    foreign.owner = Pubkey::new_unique();
    b.w.rt.set_account(&b.sol.oracle, foreign);
    let ix = b.withdraw_usdc(1);
    b.refuse(ix, code(E::OracleWrongOwner));
}

#[test]
fn a_malformed_price_update_is_refused_by_name() {
    let mut b = book();
    let good = b.good_sol_update();
    let raw = |data: Vec<u8>| Account { lamports: 10_000_000, data, owner: pyth::PYTH_RECEIVER_ID, executable: false, rent_epoch: 0 };
    let mut bad_discriminator = good.to_account_data();
    bad_discriminator[0] ^= 1;
    let truncated = good.to_account_data()[..60].to_vec();
    for data in [bad_discriminator, truncated, Vec::new()] {
        b.w.rt.set_account(&b.sol.oracle, raw(data));
        let ix = b.withdraw_usdc(1);
        b.refuse(ix, code(E::InvalidOracleAccount));
    }
    // Exponents outside [−18, 12], and a price above the engine's 10^9 maximum.
    let cases: [(i64, i32); 3] = [(100, -19), (100, 13), (1_000_000_001, 0)];
    for (price, exponent) in cases {
        let mut update = good;
        (update.price_message.price, update.price_message.exponent) = (price, exponent);
        b.w.rt.set_price_update(&b.sol.oracle, &update);
        let ix = b.withdraw_usdc(1);
        b.refuse(ix, code(E::InvalidOraclePrice));
    }
}

#[test]
fn the_admins_listing_checks_the_oracle() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let mint = w.rt.create_mint(&admin.pubkey(), 9);
    let oracle = Pubkey::new_unique();
    let listed = Listed { mint, mint_authority: Keypair::new(), asset: Pubkey::default(), vault: Pubkey::default(), oracle, feed_id: oracle.to_bytes() };
    let accounts = w.add_asset_accounts(&mint, &oracle);
    let watched = [w.group, accounts.asset, accounts.vault, oracle];
    let add = |w: &World, feed_id| instruction(w.add_asset_accounts(&mint, &oracle), tightrope::instruction::AddAsset { feed_id, config: volatile_config() });
    // Stale, then of another feed, then owned by someone else.
    let clock = w.rt.clock();
    let stale = pyth::full_update(listed.feed_id, 100_00000000, 0, PRICE_EXPONENT, clock.unix_timestamp - 61, clock.slot);
    w.rt.set_price_update(&oracle, &stale);
    let ix = add(&w, listed.feed_id);
    w.assert_refused(ix, &[&admin], code(E::StaleOracle), &watched);
    w.set_price(&listed, 100_00000000, 0);
    let ix = add(&w, [7; 32]);
    w.assert_refused(ix, &[&admin], code(E::OracleFeedMismatch), &watched);
    let mut foreign = w.rt.account(&oracle).unwrap();
    foreign.owner = Pubkey::new_unique();
    w.rt.set_account(&oracle, foreign);
    let ix = add(&w, listed.feed_id);
    w.assert_refused(ix, &[&admin], code(E::OracleWrongOwner), &watched);
}

#[test]
fn foreign_token_programs_vaults_and_mints_are_refused() {
    let mut b = book();
    let (trader, sol, wallet) = (b.trader.clone(), b.sol.clone(), b.sol_wallet);
    let mut accounts = b.w.deposit_accounts(&trader, &sol, &wallet);
    accounts.token_program = anchor_lang::system_program::ID;
    b.refuse(instruction(accounts, tightrope::instruction::Deposit { amount: SOL }), AnchorError::InvalidProgramId as u32);
    // The vault's address with another owner.
    let real = b.w.rt.account(&sol.vault).unwrap();
    b.w.rt.set_account(&sol.vault, Account { owner: Pubkey::new_unique(), ..real.clone() });
    let ix = instruction(b.w.deposit_accounts(&trader, &sol, &wallet), tightrope::instruction::Deposit { amount: SOL });
    b.refuse(ix, AnchorError::AccountOwnedByWrongProgram as u32);
    b.w.rt.set_account(&sol.vault, real);
    // A Token-2022 mint cannot be listed.
    let admin = b.w.admin.insecure_clone();
    let mint = b.w.rt.create_mint(&admin.pubkey(), 6);
    let copy = b.w.rt.account(&mint).unwrap();
    b.w.rt.set_account(&mint, Account { owner: anchor_spl::token_2022::ID, ..copy });
    let accounts = b.w.add_asset_accounts(&mint, &sol.oracle);
    let watched = [b.w.group, accounts.asset, accounts.vault];
    let ix = instruction(accounts, tightrope::instruction::AddAsset { feed_id: sol.feed_id, config: volatile_config() });
    b.w.assert_refused(ix, &[&admin], AnchorError::AccountOwnedByWrongProgram as u32, &watched);
}

#[test]
fn a_margin_account_of_another_group_is_refused_everywhere() {
    let mut b = book();
    let other_group = b.w.create_group(1, OPEN_GUARDS);
    let owner = b.trader.owner.insecure_clone();
    let foreign = Trader { margin_account: tightrope::pda::margin_account_address(&other_group, &owner.pubkey(), 0), owner: owner.insecure_clone() };
    let accounts = tightrope::accounts::CreateMarginAccount {
        group: other_group,
        owner: owner.pubkey(),
        margin_account: foreign.margin_account,
        system_program: anchor_lang::system_program::ID,
    };
    b.w.rt.process(&[instruction(accounts, tightrope::instruction::CreateMarginAccount { account_num: 0 })], &[&owner]).assert_ok();
    let (sol, wallet) = (b.sol.clone(), b.sol_wallet);
    let mut watched = b.watched();
    watched.push(foreign.margin_account);
    let withdraw = instruction(b.w.withdraw_accounts(&foreign, &sol, &wallet), tightrope::instruction::Withdraw { amount: 1 });
    let borrow = instruction(b.w.withdraw_accounts(&foreign, &sol, &wallet), tightrope::instruction::Borrow { amount: 1 });
    let health = instruction(tightrope::accounts::Health { group: b.w.group, margin_account: foreign.margin_account }, tightrope::instruction::Health {});
    let accounts = tightrope::accounts::SetMarginModel { group: b.w.group, margin_account: foreign.margin_account, authority: owner.pubkey() };
    let set_model = instruction(accounts, tightrope::instruction::SetMarginModel { model: MarginModel::Tims });
    for ix in [withdraw, borrow, set_model] {
        b.w.assert_refused(ix, &[&owner], code(E::GroupMismatch), &watched);
    }
    b.w.assert_refused(health, &[], code(E::GroupMismatch), &watched);
}

#[test]
fn a_vault_as_its_own_destination_or_source_is_refused() {
    let mut b = book();
    let (trader, sol) = (b.trader.clone(), b.sol.clone());
    let ix = b.w.move_out_ix(&trader, &sol, &sol.vault, tightrope::instruction::Withdraw { amount: SOL });
    b.refuse(ix, code(E::VaultAsTokenAccount));
    let ix = instruction(b.w.deposit_accounts(&trader, &sol, &sol.vault), tightrope::instruction::Deposit { amount: SOL });
    b.refuse(ix, code(E::VaultAsTokenAccount));
}

#[test]
fn a_closed_account_cannot_be_used_in_the_same_transaction_and_reopens_empty() {
    let mut w = World::new();
    let sol = w.list(9);
    let trader = w.trader(0);
    let wallet = w.wallet(&sol, &trader.owner.pubkey(), SOL);
    let close = instruction(w.close_accounts(&trader), tightrope::instruction::CloseMarginAccount {});
    let deposit = instruction(w.deposit_accounts(&trader, &sol, &wallet), tightrope::instruction::Deposit { amount: SOL });
    let watched = [trader.margin_account, sol.asset, sol.vault, wallet];
    let before = w.snapshot(&watched);
    let outcome = w.rt.process(&[close.clone(), deposit], &[&trader.owner]);
    assert_eq!(outcome.custom_error(), Some(AnchorError::AccountOwnedByWrongProgram as u32), "{}", outcome.logs.join("\n"));
    assert!(before == w.snapshot(&watched));
    // Closed for good, the same address opens again with nothing in it.
    w.rt.process(&[close], &[&trader.owner]).assert_ok();
    assert!(w.rt.account(&trader.margin_account).is_none());
    w.open(&trader, 0).assert_ok();
    let (report, _) = w.health(&trader);
    assert_eq!((report.health.equity, report.health.maintenance_requirement), (0, 0));
    w.deposit(&trader, &sol, &wallet, SOL).assert_ok();
}

#[test]
fn zero_borrows_and_repays_empty_vaults_and_strangers_are_refused() {
    let mut b = book();
    let (trader, sol, wallet) = (b.trader.clone(), b.sol.clone(), b.sol_wallet);
    let ix = b.w.move_out_ix(&trader, &sol, &wallet, tightrope::instruction::Borrow { amount: 0 });
    b.refuse(ix, code(E::ZeroAmount));
    b.w.borrow(&trader, &sol, &wallet, 11 * SOL).assert_ok();
    let ix = instruction(b.w.deposit_accounts(&trader, &sol, &wallet), tightrope::instruction::Repay { amount: 0 });
    b.refuse(ix, code(E::ZeroAmount));
    // The trader's 10 SOL were drawn down first; the lender's 5 SOL minus the 1 borrowed are all that is left.
    let ix = b.w.move_out_ix(&trader, &sol, &wallet, tightrope::instruction::Borrow { amount: 4 * SOL + 1 });
    b.refuse(ix, code(E::InsufficientLiquidity));
    let stranger = Keypair::new();
    b.w.rt.fund(&stranger.pubkey(), SOL);
    let ix = b.w.set_model_ix(&trader, &stranger.pubkey(), MarginModel::Tims);
    let watched = b.watched();
    b.w.assert_refused(ix, &[&stranger], code(E::NotOwner), &watched);
}

#[test]
fn applying_an_empty_tier_or_guard_queue_is_refused() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let watched = [w.group];
    w.assert_refused(apply_tiers_ix(&w, &admin.pubkey()), &[&admin], code(E::NothingQueued), &watched);
    w.assert_refused(apply_guards_ix(&w, &admin.pubkey()), &[&admin], code(E::NothingQueued), &watched);
}

#[test]
fn interest_owed_on_an_untouched_liability_decides_a_withdrawal() {
    let mut b = book();
    let (trader, sol, wallet) = (b.trader.clone(), b.sol.clone(), b.sol_wallet);
    // 10 SOL deposited are drawn down, 4 more borrowed: utilization of the pool is high, interest is steep.
    b.w.borrow(&trader, &sol, &wallet, 14 * SOL).assert_ok();
    let year = b.w.rt.clock().unix_timestamp + 31_536_000;
    b.w.rt.set_unix_timestamp(year);
    let (usdc, sol_listed) = (b.usdc.clone(), b.sol.clone());
    b.w.set_price(&usdc, 100_000_000, 0);
    b.w.set_price(&sol_listed, 100 * 100_000_000, 0);
    // The initial health the program reports now includes a year of interest on SOL, which nobody accrued.
    let initial = b.w.health(&trader).0.health.initial_health;
    let asset: tightrope::state::Asset = b.w.rt.load(&sol.asset).unwrap();
    let stored_debt = 4 * SOL;
    assert!(asset.total_borrows().unwrap() == u128::from(stored_debt), "the SOL asset was not touched");
    // Withdrawing all of the initial health passes; one more minor unit does not.
    let too_much = u64::try_from(initial).unwrap() + 1;
    let ix = b.withdraw_usdc(too_much);
    b.refuse(ix, code(E::InitialMarginShortfall));
    let ix = b.withdraw_usdc(too_much - 1);
    let owner = b.trader.owner.insecure_clone();
    b.w.rt.process(&[ix], &[&owner]).assert_ok();
}
