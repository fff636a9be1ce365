//! Findings of the program review, each reproduced through the runtime: the stable price after an idle spell,
//! same-asset loops, listings the engine cannot price, deposits that lower health, and oracle updates that go
//! back in time. Every refusal asserts its named error and that nothing changed.
mod common;

use common::book::{Book, USDC};
use common::*;
use solana_sdk::instruction::{AccountMeta, Instruction};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::state::{AssetConfig, MarginAccount, RulesConfig};

const DAY: i64 = 86_400;

/// The common book with 100,000 USDC and 100 SOL supplied by lenders.
fn market() -> Book {
    let mut b = Book::new();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    b.lend(&usdc, 100_000 * USDC);
    b.lend(&sol, 100 * SOL);
    b
}

/// Nobody touches SOL for a day; then its oracle spikes to 200. Returns the time of the spike.
fn idle_day_then_spike(m: &mut Book) -> i64 {
    let now = m.w.rt.clock().unix_timestamp + DAY;
    m.w.rt.set_unix_timestamp(now);
    let (usdc, sol) = (m.usdc.clone(), m.sol.clone());
    m.w.set_price(&usdc, 100_000_000, 0);
    m.w.set_price(&sol, 200 * 100_000_000, 0);
    now
}

impl Book {
    /// Deposits `amount` of SOL and borrows `usdc` against it in one transaction.
    fn deposit_and_borrow(&self, amount: u64, usdc: u64) -> Vec<Instruction> {
        let deposit = instruction(self.w.deposit_accounts(&self.trader, &self.sol, &self.sol_wallet), tightrope::instruction::Deposit { amount });
        let mut borrow = instruction(self.w.withdraw_accounts(&self.trader, &self.usdc, &self.usdc_wallet), tightrope::instruction::Borrow { amount: usdc });
        borrow.accounts.extend([AccountMeta::new_readonly(self.sol.asset, false), AccountMeta::new_readonly(self.sol.oracle, false)]);
        vec![deposit, borrow]
    }

    fn shares(&self, listed: &Listed) -> (u128, u128) {
        let account: MarginAccount = self.w.rt.load(&self.trader.margin_account).unwrap();
        account.balance(&listed.asset).map_or((0, 0), |b| (b.deposit_shares(), b.borrow_shares()))
    }

    fn totals(&self, listed: &Listed) -> (u128, u128) {
        let asset: tightrope::state::Asset = self.w.rt.load(&listed.asset).unwrap();
        (asset.total_deposits().unwrap(), asset.total_borrows().unwrap())
    }
}

#[test]
fn a_spike_after_a_long_idle_spell_is_not_collateral_at_once() {
    let mut m = market();
    m.fund(&m.sol.clone(), SOL);
    idle_day_then_spike(&mut m);
    // At the spiked price 1 SOL backs 200 × 50% = 100 USDC of borrowing; at the stable price only 50.
    let (owner, watched) = (m.trader.owner.insecure_clone(), m.watched());
    let before = m.w.snapshot(&watched);
    let ixs = m.deposit_and_borrow(SOL, 99 * USDC);
    let outcome = m.w.rt.process(&ixs, &[&owner]);
    assert_eq!(outcome.custom_error(), Some(code(E::InitialMarginShortfall)), "{}", outcome.logs.join("\n"));
    assert!(before == m.w.snapshot(&watched));
    let ixs = m.deposit_and_borrow(SOL, 50 * USDC + 1);
    let outcome = m.w.rt.process(&ixs, &[&owner]);
    assert_eq!(outcome.custom_error(), Some(code(E::InitialMarginShortfall)));
    let ixs = m.deposit_and_borrow(SOL, 50 * USDC);
    m.w.rt.process(&ixs, &[&owner]).assert_ok();
}

#[test]
fn a_borrow_draws_down_the_accounts_own_deposit_and_a_deposit_repays_its_borrow_first() {
    let mut m = market();
    let (usdc, sol, trader) = (m.usdc.clone(), m.sol.clone(), m.trader.clone());
    m.fund(&usdc, 1_000 * USDC);
    m.w.deposit(&trader, &usdc, &m.usdc_wallet, 1_000 * USDC).assert_ok();
    m.fund(&sol, 10 * SOL);
    let start = m.totals(&sol);
    // Indices are still 1: shares equal native units.
    m.w.deposit(&trader, &sol, &m.sol_wallet, 10 * SOL).assert_ok();
    m.w.borrow(&trader, &sol, &m.sol_wallet, 4 * SOL).assert_ok();
    assert_eq!(m.shares(&sol), (6 * SOL as u128, 0));
    m.w.borrow(&trader, &sol, &m.sol_wallet, 8 * SOL).assert_ok();
    assert_eq!(m.shares(&sol), (0, 2 * SOL as u128));
    m.w.deposit(&trader, &sol, &m.sol_wallet, 5 * SOL).assert_ok();
    assert_eq!(m.shares(&sol), (3 * SOL as u128, 0));
    assert_eq!(m.w.rt.token_amount(&m.sol_wallet), 7 * SOL);
    // Looping deposit → borrow → deposit → borrow moves nothing but the net.
    m.w.withdraw(&trader, &sol, &m.sol_wallet, 3 * SOL).assert_ok();
    for _ in 0..3 {
        m.w.deposit(&trader, &sol, &m.sol_wallet, 10 * SOL).assert_ok();
        m.w.borrow(&trader, &sol, &m.sol_wallet, 10 * SOL).assert_ok();
    }
    assert_eq!(m.shares(&sol), (0, 0));
    assert_eq!(m.totals(&sol), start);
}

#[test]
fn a_mint_with_more_decimals_than_the_engine_prices_is_not_listed() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    let mint = w.rt.create_mint(&admin.pubkey(), 13);
    let oracle = Pubkey::new_unique();
    let listed = Listed { mint, mint_authority: Keypair::new(), asset: Pubkey::default(), vault: Pubkey::default(), oracle, feed_id: oracle.to_bytes() };
    w.set_price(&listed, 100_000_000, 0);
    let accounts = w.add_asset_accounts(&mint, &oracle);
    let watched = [w.group, accounts.asset, accounts.vault];
    let ix = instruction(accounts, tightrope::instruction::AddAsset { feed_id: oracle.to_bytes(), config: volatile_config() });
    w.assert_refused(ix, &[&admin], code(E::MintDecimalsUnsupported), &watched);
    // Twelve decimals, the engine's limit, are listed.
    let mint = w.rt.create_mint(&admin.pubkey(), 12);
    let ix = instruction(w.add_asset_accounts(&mint, &oracle), tightrope::instruction::AddAsset { feed_id: oracle.to_bytes(), config: volatile_config() });
    w.rt.process(&[ix], &[&admin]).assert_ok();
}

#[test]
fn a_long_charged_more_than_its_value_is_not_listed() {
    let mut w = World::new();
    let admin = w.admin.insecure_clone();
    for (initial_long, maintenance_long, house_rate) in [(FX * 95 / 100, FX / 4, FX / 10), (FX, FX, 1), (FX, FX / 2, 0)] {
        let rules = RulesConfig { initial_long, maintenance_long, house_rate, ..volatile_config().rules };
        let config = AssetConfig { rules, ..volatile_config() };
        let mint = w.rt.create_mint(&admin.pubkey(), 9);
        let oracle = Pubkey::new_unique();
        let listed = Listed { mint, mint_authority: Keypair::new(), asset: Pubkey::default(), vault: Pubkey::default(), oracle, feed_id: oracle.to_bytes() };
        w.set_price(&listed, 100_000_000, 0);
        let accounts = w.add_asset_accounts(&mint, &oracle);
        let watched = [w.group, accounts.asset, accounts.vault];
        let ix = instruction(accounts, tightrope::instruction::AddAsset { feed_id: oracle.to_bytes(), config });
        if initial_long + house_rate > FX {
            w.assert_refused(ix, &[&admin], code(E::InvalidAssetConfig), &watched);
        } else {
            w.rt.process(&[ix], &[&admin]).assert_ok();
        }
    }
}

#[test]
fn a_delegates_deposit_never_lowers_the_owners_health() {
    let mut m = market();
    let (usdc, trader) = (m.usdc.clone(), m.trader.clone());
    m.fund(&usdc, 1_000 * USDC);
    m.w.deposit(&trader, &usdc, &m.usdc_wallet, 1_000 * USDC).assert_ok();
    m.w.borrow(&trader, &m.sol.clone(), &m.sol_wallet, 5 * SOL).assert_ok();
    // A per-unit house charge (150 a unit) above what the asset is worth (100).
    let group = m.w.group;
    let rules = RulesConfig { house_per_unit: 150 * FX, ..volatile_config().rules };
    let costly = m.w.list_with(&group, 9, 100, AssetConfig { rules, ..volatile_config() });
    let delegate = Keypair::new();
    m.w.rt.fund(&delegate.pubkey(), SOL);
    m.w.rt.process(&[set_delegate_ix(&trader, &trader.owner.pubkey(), delegate.pubkey())], &[&trader.owner]).assert_ok();
    let before = m.w.health(&trader).0.health;
    let delegate_wallet = m.w.wallet(&costly, &delegate.pubkey(), 10 * SOL);
    let mut accounts = m.w.deposit_accounts(&trader, &costly, &delegate_wallet);
    accounts.authority = delegate.pubkey();
    let ix = instruction(accounts, tightrope::instruction::Deposit { amount: 10 * SOL });
    m.w.rt.process(&[ix], &[&delegate]).assert_ok();
    let after = m.w.health(&trader).0.health;
    assert!(after.initial_health >= before.initial_health, "{before:?} -> {after:?}");
    assert!(after.maintenance_health >= before.maintenance_health, "{before:?} -> {after:?}");
}

#[test]
fn an_oracle_update_older_than_the_last_one_used_or_from_the_future_is_refused() {
    let mut m = market();
    let (usdc, sol, trader) = (m.usdc.clone(), m.sol.clone(), m.trader.clone());
    m.fund(&usdc, 1_000 * USDC);
    m.w.deposit(&trader, &usdc, &m.usdc_wallet, 1_000 * USDC).assert_ok();
    m.w.borrow(&trader, &sol, &m.sol_wallet, SOL).assert_ok();
    let used = m.w.rt.clock().unix_timestamp;
    m.w.rt.set_unix_timestamp(used + 10);
    m.w.set_price(&usdc, 100_000_000, 0);
    let clock = m.w.rt.clock();
    // Fresh enough (15 s old against a 60 s limit) but older than the price the last borrow used.
    let older = tightrope_runtime::pyth::full_update(sol.feed_id, 100 * 100_000_000, 0, PRICE_EXPONENT, used - 5, clock.slot);
    m.w.rt.set_price_update(&sol.oracle, &older);
    let (owner, watched) = (trader.owner.insecure_clone(), m.watched());
    let borrow = m.w.move_out_ix(&trader, &sol, &m.sol_wallet, tightrope::instruction::Borrow { amount: SOL });
    m.w.assert_refused(borrow.clone(), &[&owner], code(E::OraclePublishTimeRegressed), &watched);
    // Also where SOL is only a health account: withdrawing USDC prices SOL read-only.
    let withdraw = m.w.move_out_ix(&trader, &usdc, &m.usdc_wallet, tightrope::instruction::Withdraw { amount: USDC });
    m.w.assert_refused(withdraw, &[&owner], code(E::OraclePublishTimeRegressed), &watched);
    let future = tightrope_runtime::pyth::full_update(sol.feed_id, 100 * 100_000_000, 0, PRICE_EXPONENT, clock.unix_timestamp + 3_600, clock.slot);
    m.w.rt.set_price_update(&sol.oracle, &future);
    m.w.assert_refused(borrow, &[&owner], code(E::OraclePublishTimeInFuture), &watched);
    // A current update prices again.
    m.w.set_price(&sol, 100 * 100_000_000, 0);
    m.w.borrow(&trader, &sol, &m.sol_wallet, SOL).assert_ok();
}

#[test]
fn a_spike_is_followed_at_the_configured_rate_from_when_it_is_first_observed() {
    let mut m = market();
    m.fund(&m.sol.clone(), SOL);
    let now = idle_day_then_spike(&mut m);
    let (usdc, sol) = (m.usdc.clone(), m.sol.clone());
    // Anyone observes the spike; ten seconds later the stable price has moved 0.1% a second for ten seconds.
    let observe = instruction(tightrope::accounts::ObservePrice { asset: sol.asset, oracle: sol.oracle }, tightrope::instruction::ObservePrice {});
    let outcome = m.w.rt.process(&[observe.clone()], &[]);
    let event = &outcome.assert_ok().events::<tightrope::events::PriceObserved>()[0];
    assert_eq!((event.stable_price_before, event.stable_price_after), (100 * FX as i128, 100 * FX as i128));
    m.w.rt.set_unix_timestamp(now + 10);
    m.w.set_price(&usdc, 100_000_000, 0);
    m.w.set_price(&sol, 200 * 100_000_000, 0);
    // 1 SOL at the stable price of 101 backs 50.5 USDC at 50%, to the minor unit.
    let owner = m.trader.owner.insecure_clone();
    let outcome = m.w.rt.process(&m.deposit_and_borrow(SOL, 50_500_001), &[&owner]);
    assert_eq!(outcome.custom_error(), Some(code(E::InitialMarginShortfall)));
    m.w.rt.process(&m.deposit_and_borrow(SOL, 50_500_000), &[&owner]).assert_ok();
    m.w.rt.advance_slots(1);
    let outcome = m.w.rt.process(&[observe.clone()], &[]);
    assert_eq!(outcome.assert_ok().events::<tightrope::events::PriceObserved>()[0].stable_price_after, 101 * FX as i128);
    // A stale or foreign oracle is refused by the crank as anywhere else, and changes nothing.
    let mut wrong = observe.clone();
    wrong.accounts[1].pubkey = usdc.oracle;
    let watched = [sol.asset];
    m.w.assert_refused(wrong, &[], code(E::OracleAccountMismatch), &watched);
    m.w.rt.set_unix_timestamp(now + 100);
    m.w.assert_refused(observe, &[], code(E::StaleOracle), &watched);
}
