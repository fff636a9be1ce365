//! The seeds' worked examples, each with the figures the texts give.

mod common;
use common::*;
use tightrope_risk::*;

const TIERS: [Tier; 2] = [Tier::cash(), Tier::single_name()];

fn rates(initial_long: Fx, maintenance_long: Fx) -> RulesRates {
    RulesRates {
        initial_long,
        maintenance_long,
        ..RulesRates::volatile()
    }
}

#[test]
fn buying_10000_with_5000_borrowed_reaches_the_25_percent_floor_at_6666_67() {
    let assets = [usdc(), stock(fx(100, 1), 1, RulesRates::volatile())];
    let positions = [spot(1, 100, 0), spot(0, 0, dollars(5_000))];
    let p = portfolio(&assets, &TIERS, &positions);
    let q = quote(&p, Model::Rules).unwrap();
    assert_eq!(q.equity, 5_000 * QUOTE);
    assert_eq!(q.maintenance_requirement, 2_500 * QUOTE);
    assert_eq!(q.initial_health, 0); // exactly Reg T's 50%
    let trigger = liquidation_prices(&p, Model::Rules, 1).unwrap();
    let lower = trigger.lower.unwrap();
    assert_is_boundary(&p, Model::Rules, 1, lower, true);
    // 100 shares at the trigger: $6,666.67 of value, where equity is 25% of it.
    assert_eq!(cents(100 * lower), 666_667);
    assert_eq!(trigger.upper, None);
}

#[test]
fn buying_20000_at_50_percent_with_a_30_percent_house_maintenance_calls_below_14285_71() {
    let assets = [usdc(), stock(fx(100, 1), 1, rates(fx(1, 2), fx(30, 100)))];
    let positions = [spot(1, 200, 0), spot(0, 0, dollars(10_000))];
    let p = portfolio(&assets, &TIERS, &positions);
    let q = quote(&p, Model::Rules).unwrap();
    assert_eq!((q.equity, q.initial_health), (10_000 * QUOTE, 0));
    let lower = liquidation_prices(&p, Model::Rules, 1)
        .unwrap()
        .lower
        .unwrap();
    assert_is_boundary(&p, Model::Rules, 1, lower, true);
    assert_eq!(cents(200 * lower), 1_428_571);
}

#[test]
fn bought_at_50_with_60_percent_initial_and_25_percent_maintenance_triggers_at_26_67() {
    let assets = [usdc(), stock(fx(50, 1), 1, rates(fx(60, 100), fx(25, 100)))];
    let positions = [spot(1, 1_000, 0), spot(0, 0, dollars(20_000))];
    let p = portfolio(&assets, &TIERS, &positions);
    let q = quote(&p, Model::Rules).unwrap();
    assert_eq!(q.initial_requirement, 30_000 * QUOTE);
    assert_eq!(q.initial_health, 0);
    let lower = liquidation_prices(&p, Model::Rules, 1)
        .unwrap()
        .lower
        .unwrap();
    assert_is_boundary(&p, Model::Rules, 1, lower, true);
    // P = P0·(1 − IM)/(1 − MM) = 50 × 0.4 / 0.75 = 26.666…
    assert_eq!(cents(lower), 2_667);
    assert!((lower - 26_666_666_666_667).abs() < 1_000_000, "{lower}");
}

#[test]
fn a_short_sale_at_100_with_20_own_cash_is_worth_5_at_115() {
    let assets = [usdc(), stock(fx(115, 1), 1, RulesRates::volatile())];
    let positions = [spot(0, dollars(120), 0), spot(1, 0, 1)];
    let q = quote(&portfolio(&assets, &TIERS, &positions), Model::Rules).unwrap();
    assert_eq!(q.equity, 5 * QUOTE);
}

#[test]
fn a_short_at_100_with_50_percent_initial_and_30_percent_maintenance_triggers_at_115_38() {
    // The short-side generalisation: P = P0·(1 + IM)/(1 + MM) = 100 × 1.5 / 1.3.
    let assets = [usdc(), stock(fx(100, 1), 1, RulesRates::volatile())];
    let positions = [spot(0, dollars(150), 0), spot(1, 0, 1)];
    let p = portfolio(&assets, &TIERS, &positions);
    assert_eq!(quote(&p, Model::Rules).unwrap().initial_health, 0);
    let trigger = liquidation_prices(&p, Model::Rules, 1).unwrap();
    let upper = trigger.upper.unwrap();
    assert_is_boundary(&p, Model::Rules, 1, upper, false);
    assert_eq!(cents(upper), 11_538);
    assert_eq!(trigger.lower, None);
}

#[test]
fn fifty_shares_at_1_20_with_a_20_cent_house_add_on_may_borrow_50() {
    let house = RulesRates {
        house_per_unit: fx(20, 100),
        ..RulesRates::cash()
    };
    let assets = [usdc(), stock(fx(120, 100), 1, house)];
    let positions = [spot(1, 50, 0)];
    let q = quote(&portfolio(&assets, &TIERS, &positions), Model::Rules).unwrap();
    assert_eq!(q.equity, 60 * QUOTE);
    assert_eq!(q.maintenance_requirement, 10 * QUOTE);
    assert_eq!(q.maintenance_health, 50 * QUOTE);
    assert_eq!(q.initial_health, 50 * QUOTE);
}

fn short_option_charge(kind: OptionKind, strike: i128, mark: Fx) -> Money {
    let assets = [usdc(), stock(fx(52, 1), 1, RulesRates::volatile())];
    let positions = [option(
        1,
        kind,
        fx(strike, 1),
        -5,
        100,
        fx(30, 100),
        Some(mark),
    )];
    let p = portfolio(&assets, &TIERS, &positions);
    let mut b = Breakdown::default();
    let q = quote_with_breakdown(&p, Model::Rules, &mut b).unwrap();
    assert_eq!(b.positions()[0].initial, b.positions()[0].maintenance);
    // Options carry no collateral value under rules: the premium is inside the charge.
    assert_eq!(q.equity, 0);
    assert_eq!(q.maintenance_requirement, b.positions()[0].maintenance);
    q.maintenance_requirement
}

#[test]
fn a_naked_short_call_charges_the_20_percent_leg_5700_over_the_10_percent_floor_4600() {
    // 5 × 100 calls, premium 4, underlying 52, strike 55: 2,000 + 5,200 − 1,500 = 5,700 vs 2,000 + 2,600 = 4,600.
    assert_eq!(
        short_option_charge(OptionKind::Call, 55, fx(4, 1)),
        5_700 * QUOTE
    );
}

#[test]
fn a_far_out_of_the_money_short_call_is_held_at_the_floor() {
    // Strike 80: 5,200 − 14,000 is below the floor 2,600; premium 0.10 × 500 = 50.
    assert_eq!(
        short_option_charge(OptionKind::Call, 80, fx(1, 10)),
        2_650 * QUOTE
    );
}

#[test]
fn a_short_put_floors_on_the_strike_value() {
    // Strike 50, premium 2: 1,000 + max(5,200 − 1,000, 10% × 25,000) = 5,200; strike 30: floor 1,500 binds.
    assert_eq!(
        short_option_charge(OptionKind::Put, 50, fx(2, 1)),
        5_200 * QUOTE
    );
    assert_eq!(
        short_option_charge(OptionKind::Put, 30, fx(1, 100)),
        (5 + 1_500) * QUOTE
    );
}

#[test]
fn long_options_are_paid_in_full_and_carry_no_collateral_value() {
    let assets = [usdc(), stock(fx(52, 1), 1, RulesRates::volatile())];
    let positions = [option(
        1,
        OptionKind::Call,
        fx(50, 1),
        5,
        100,
        fx(30, 100),
        Some(fx(4, 1)),
    )];
    let q = quote(&portfolio(&assets, &TIERS, &positions), Model::Rules).unwrap();
    assert_eq!((q.equity, q.maintenance_requirement), (0, 0));
    let tims = quote(&portfolio(&assets, &TIERS, &positions), Model::Tims).unwrap();
    assert_eq!(tims.equity, 2_000 * QUOTE); // portfolio margin counts the option at its mark
}

#[test]
fn deposits_and_borrows_of_one_asset_do_not_net_under_rules() {
    let assets = [usdc(), stock(fx(100, 1), 1, RulesRates::volatile())];
    let positions = [spot(1, 10, 10)];
    let q = quote(&portfolio(&assets, &TIERS, &positions), Model::Rules).unwrap();
    assert_eq!(q.equity, 0);
    assert_eq!(q.maintenance_requirement, (250 + 300) * QUOTE);
    let tims = quote(&portfolio(&assets, &TIERS, &positions), Model::Tims).unwrap();
    // TIMS nets them; only the 1% gross-notional floor remains.
    assert_eq!(tims.maintenance_requirement, 20 * QUOTE);
}
