//! Liquidation through the runtime: a rally makes a short liquidatable under both margin models; a liquidator's
//! account takes over part of the debt for collateral at a discount, sized by `tightrope_risk` to the group's
//! target and no further; the grace window and the hard threshold decide when; every refusal is named and changes
//! nothing.
mod common;

use common::book::{Book, USDC};
use common::liquidation::*;
use common::*;
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{Liquidated, MarginCallOpened};
use tightrope::state::{Asset, Group, MarginAccount, MarginCallConfig, MarginModel};
use common::engine::EngineInputs;
use tightrope_risk::{liquidation_size_in, LiquidationTerms};

/// The book's trader short 5 SOL against 1,000 USDC (under `model`), and a liquidator account holding 10,000 USDC.
struct Scene {
    b: Book,
    liquidator: Trader,
}

fn scene(model: MarginModel, config: MarginCallConfig) -> Scene {
    let mut b = Book::new();
    let ix = set_margin_call_ix(&b.w, config);
    let admin = b.w.admin.insecure_clone();
    b.w.rt.process(&[ix], &[&admin]).assert_ok();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    b.deposit(&usdc, 1_000 * USDC);
    b.lend(&sol, 100 * SOL);
    let (trader, wallet) = (b.trader.clone(), b.sol_wallet);
    if model == MarginModel::Tims {
        b.w.set_model(&trader, model).assert_ok();
    }
    b.w.borrow(&trader, &sol, &wallet, 5 * SOL).assert_ok();
    let liquidator = b.w.trader(50);
    let source = b.w.wallet(&usdc, &liquidator.owner.pubkey(), 10_000 * USDC);
    b.w.deposit(&liquidator, &usdc, &source, 10_000 * USDC).assert_ok();
    Scene { b, liquidator }
}

impl Scene {
    fn price_sol(&mut self, seconds_later: i64, dollars: i64) {
        let now = self.b.w.rt.clock().unix_timestamp + seconds_later;
        self.b.w.rt.set_unix_timestamp(now);
        let (usdc, sol) = (self.b.usdc.clone(), self.b.sol.clone());
        self.b.w.set_price(&usdc, 100_000_000, 0);
        self.b.w.set_price(&sol, dollars * 100_000_000, 0);
    }

    /// The liquidator repays up to `max_repay` of the trader's SOL debt for USDC.
    fn liquidate_ix(&mut self, max_repay: u64) -> Instruction {
        let (sol, usdc) = (self.b.sol.clone(), self.b.usdc.clone());
        let (liquidator, authority, liquidatee) = (self.liquidator.margin_account, self.liquidator.owner.pubkey(), self.b.trader.margin_account);
        liquidate_ix(&mut self.b.w, &liquidator, &authority, &liquidatee, &sol, &usdc, max_repay)
    }

    fn liquidate(&mut self, max_repay: u64) -> Liquidated {
        let ix = self.liquidate_ix(max_repay);
        let owner = self.liquidator.owner.insecure_clone();
        let outcome = self.b.w.rt.process(&[ix], &[&owner]);
        outcome.assert_ok().events::<Liquidated>().pop().expect("a Liquidated event")
    }

    fn watched(&self) -> Vec<Pubkey> {
        let mut watched = self.b.watched();
        watched.push(self.liquidator.margin_account);
        watched
    }

    #[track_caller]
    fn refuse(&mut self, ix: Instruction, code: u32) {
        let (watched, owner) = (self.watched(), self.liquidator.owner.insecure_clone());
        self.b.w.assert_refused(ix, &[&owner], code, &watched);
    }

    fn flag(&mut self) -> MarginCallOpened {
        let accounts = tightrope::accounts::MarginCall { group: self.b.w.group, margin_account: self.b.trader.margin_account };
        let mut ix = instruction(accounts, tightrope::instruction::FlagMarginCall {});
        let trader = self.b.trader.clone();
        ix.accounts.extend(self.b.w.health_accounts(&trader, None));
        self.b.w.rt.process(&[ix], &[]).assert_ok().events::<MarginCallOpened>().pop().unwrap()
    }
}

/// The engine's size for the liquidation `event` reports, from the inputs it carries (prices, discount, target,
/// maximum) and the account's balances before it.
fn engine_size(w: &World, before: &MarginAccount, event: &Liquidated, model: MarginModel) -> tightrope_risk::LiquidationSize {
    let group: Group = w.rt.load(&w.group).unwrap();
    let inputs = EngineInputs::of(w, before, &event.liquidatee_prices);
    let index = |key: &Pubkey| before.active_balances().position(|b| b.asset == *key).unwrap() as u8;
    let terms = LiquidationTerms {
        liability: index(&event.liability_asset),
        collateral: index(&event.collateral_asset),
        discount: event.discount.into(),
        insurance_share: group.margin_call.insurance_share.into(),
        target_health: event.target_health,
        max_repay: event.max_repay,
        dust: group.margin_call.dust.into(),
    };
    liquidation_size_in(&inputs.portfolio(), model.risk_model(), &terms, &mut inputs.positions.clone()).unwrap()
}

#[test]
fn a_rally_makes_shorts_liquidatable_under_both_models_and_liquidation_stops_at_the_target() {
    for model in [MarginModel::Rules, MarginModel::Tims] {
        let mut s = scene(model, TERMS);
        let ix = s.liquidate_ix(u64::MAX);
        s.refuse(ix, code(E::NotBelowMaintenance));
        s.price_sol(1, 180);
        let before: MarginAccount = s.b.w.rt.load(&s.b.trader.margin_account).unwrap();
        let insurance_before = s.b.w.rt.load::<Asset>(&s.b.usdc.asset).unwrap().insurance();
        let event = s.liquidate(u64::MAX);
        let size = engine_size(&s.b.w, &before, &event, model);
        println!(
            "{model:?}: repay {} lamports, seize {} USDC minor units, insurance fee {}, maintenance health {} -> {} (target {}), requirement {} -> {}",
            event.repay, event.seize, event.insurance_fee, event.liquidatee_before.maintenance_health, event.liquidatee_after.maintenance_health,
            event.target_health, event.liquidatee_before.maintenance_requirement, event.liquidatee_after.maintenance_requirement
        );
        // The program moved exactly the engine's figures.
        assert_eq!((event.repay, event.seize, event.insurance_fee), (size.repay, size.seize, size.fee), "{model:?}");
        assert_eq!(event.discount, FX / 20, "the larger of the two assets' 5%");
        assert!(event.insurance_fee > 0 && event.insurance_after == insurance_before + u128::from(event.insurance_fee));
        // Health strictly improves, to the target (10% of the requirement before) and no further.
        let (before_h, after_h) = (event.liquidatee_before.maintenance_health, event.liquidatee_after.maintenance_health);
        assert!(before_h < 0 && after_h > before_h, "{model:?}: {before_h} -> {after_h}");
        assert_eq!(event.target_health, (event.liquidatee_before.maintenance_requirement + 9) / 10);
        assert!(after_h <= event.target_health && size.health_after <= event.target_health, "{model:?}");
        assert!(event.liquidator_after.initial_health >= 0);
        let trader = s.b.trader.clone();
        assert_eq!(s.b.w.health(&trader).0.health, event.liquidatee_after);
        // The account is no longer liquidatable; every vault still covers every claim.
        let ix = s.liquidate_ix(u64::MAX);
        s.refuse(ix, code(E::NotBelowMaintenance));
        let (usdc, sol) = (s.b.usdc.clone(), s.b.sol.clone());
        for listed in [&usdc, &sol] {
            assert!((0..=2).contains(&s.b.w.surplus(listed)), "{model:?}");
        }
    }
}

#[test]
fn two_liquidations_in_one_slot_never_go_past_the_target() {
    let mut s = scene(MarginModel::Rules, MarginCallConfig { liquidation_target: 0, ..TERMS });
    s.price_sol(1, 180);
    // A small first liquidation leaves the account liquidatable; the second, in the same slot, is sized from what
    // the first left and stops at the target; a third is refused.
    let first = s.liquidate(SOL / 10);
    assert_eq!(first.repay, SOL / 10);
    assert!(first.liquidatee_after.maintenance_health < 0);
    let second = s.liquidate(u64::MAX);
    assert_eq!(second.liquidatee_before, first.liquidatee_after);
    assert!(second.liquidatee_after.maintenance_health <= 0 && second.liquidatee_after.maintenance_health > first.liquidatee_after.maintenance_health);
    let ix = s.liquidate_ix(u64::MAX);
    let outcome = s.b.w.rt.process(&[ix], &[&s.liquidator.owner.insecure_clone()]);
    // At the target of zero the account is at most a rounding below it: a third liquidation finds it healthy, or
    // one unit too small to improve it.
    let refusals = [E::NotBelowMaintenance, E::NothingToLiquidate, E::LiquidationNotImproving].map(code);
    assert!(outcome.custom_error().is_some_and(|c| refusals.contains(&c)), "{:?}", outcome.custom_error());
}

#[test]
fn the_grace_window_holds_liquidation_until_it_ends_and_the_hard_threshold_skips_it() {
    let grace = MarginCallConfig { grace_seconds: 600, hard_threshold: FX, cure_buffer: FX / 10, ..TERMS };
    let mut s = scene(MarginModel::Rules, grace);
    s.price_sol(1, 180); // health −170, equity 100: inside the hard threshold
    let ix = s.liquidate_ix(u64::MAX);
    s.refuse(ix, code(E::MarginCallNotFlagged));
    let called = s.flag();
    s.price_sol(599, 180);
    let ix = s.liquidate_ix(u64::MAX);
    s.refuse(ix, code(E::MarginCallGraceRunning));
    s.price_sol(1, 180);
    let event = s.liquidate(u64::MAX);
    assert_eq!(event.margin_call_at, called.called_at);
    // Lifted to 10% of the requirement, which is the cure buffer: the call is cleared by the liquidation.
    assert!(event.margin_call_cleared);
    let account: MarginAccount = s.b.w.rt.load(&s.b.trader.margin_account).unwrap();
    assert_eq!(account.margin_call(), None);

    // Equity gone (SOL at 240: the short is worth 1,200 against 1,000): no window, no call needed.
    let mut s = scene(MarginModel::Rules, grace);
    s.price_sol(1, 240);
    let event = s.liquidate(u64::MAX);
    assert!(event.liquidatee_before.equity <= 0 && event.margin_call_at == 0);
}

#[test]
fn liquidations_that_could_not_be_right_are_refused_by_name_and_change_nothing() {
    let mut s = scene(MarginModel::Rules, TERMS);
    s.price_sol(1, 180);
    let (usdc, sol) = (s.b.usdc.clone(), s.b.sol.clone());
    let (liquidator, owner, liquidatee) = (s.liquidator.margin_account, s.liquidator.owner.pubkey(), s.b.trader.margin_account);
    // Oneself; one asset on both legs; a liability the account does not owe (its USDC is a deposit).
    let ix = liquidate_ix(&mut s.b.w, &liquidatee, &owner, &liquidatee, &sol, &usdc, u64::MAX);
    s.refuse(ix, code(E::SelfLiquidation));
    let ix = liquidate_ix(&mut s.b.w, &liquidator, &owner, &liquidatee, &sol, &sol, u64::MAX);
    s.refuse(ix, code(E::SameAssetLiquidation));
    let ix = liquidate_ix(&mut s.b.w, &liquidator, &owner, &liquidatee, &usdc, &sol, u64::MAX);
    s.refuse(ix, code(E::AssetNotHeld));
    // Someone else's account as the liquidator; a zero maximum.
    let stranger = Keypair::new();
    s.b.w.rt.fund(&stranger.pubkey(), SOL);
    let ix = liquidate_ix(&mut s.b.w, &liquidator, &stranger.pubkey(), &liquidatee, &sol, &usdc, u64::MAX);
    let watched = s.watched();
    s.b.w.assert_refused(ix, &[&stranger], code(E::NotOwner), &watched);
    let ix = s.liquidate_ix(0);
    s.refuse(ix, code(E::NothingToLiquidate));
    // A liquidator from another group.
    let other = s.b.w.create_group(1, OPEN_GUARDS);
    let outsider = Trader { owner: Keypair::new(), margin_account: Pubkey::default() };
    s.b.w.rt.fund(&outsider.owner.pubkey(), SOL);
    let outsider = Trader { margin_account: tightrope::pda::margin_account_address(&other, &outsider.owner.pubkey(), 0), ..outsider };
    let open = instruction(
        tightrope::accounts::CreateMarginAccount { group: other, owner: outsider.owner.pubkey(), margin_account: outsider.margin_account, system_program: anchor_lang::system_program::ID },
        tightrope::instruction::CreateMarginAccount { account_num: 0 },
    );
    s.b.w.rt.process(&[open], &[&outsider.owner]).assert_ok();
    let ix = liquidate_ix(&mut s.b.w, &outsider.margin_account, &outsider.owner.pubkey(), &liquidatee, &sol, &usdc, u64::MAX);
    let watched = s.watched();
    s.b.w.assert_refused(ix, &[&outsider.owner], code(E::GroupMismatch), &watched);
    // A stale SOL price.
    let now = s.b.w.rt.clock().unix_timestamp;
    s.b.w.rt.set_unix_timestamp(now + 120);
    let ix = s.liquidate_ix(u64::MAX);
    s.refuse(ix, code(E::StaleOracle));
}

#[test]
fn a_liquidator_must_meet_initial_margin_after_taking_the_debt() {
    let mut s = scene(MarginModel::Rules, TERMS);
    // A liquidator with 100 USDC cannot carry ~2.5 SOL of short at 50% initial.
    let poor = s.b.w.trader(60);
    let usdc = s.b.usdc.clone();
    let source = s.b.w.wallet(&usdc, &poor.owner.pubkey(), 100 * USDC);
    s.b.w.deposit(&poor, &usdc, &source, 100 * USDC).assert_ok();
    s.liquidator = poor;
    s.price_sol(1, 180);
    let ix = s.liquidate_ix(u64::MAX);
    s.refuse(ix, code(E::InitialMarginShortfall));
}
