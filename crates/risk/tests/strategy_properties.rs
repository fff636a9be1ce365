//! Strategy pairing never charges more than every leg alone, and a deposit never lowers health, over random books
//! of options on one underlying with deposits, borrows, perps and an asset that tracks it.

mod common;
use common::*;
use proptest::prelude::*;
use tightrope_risk::rules::position_charge;
use tightrope_risk::*;

fn leg() -> impl Strategy<Value = Position> {
    (
        any::<bool>(),
        80i128..=120,
        -6i64..=6,
        1u64..=3,
        prop::option::of(0i128..=2_000),
        1i64..=3,
        0i128..=80,
    )
        .prop_map(|(call, strike, contracts, multiplier, mark, months, vol)| {
            Position::Option(OptionPosition {
                asset: 1,
                kind: if call {
                    OptionKind::Call
                } else {
                    OptionKind::Put
                },
                // Strikes on a 5-wide grid so legs share strikes, expiries on three dates so they share those.
                strike: fx(5 * (strike / 5), 1),
                expiry: 30 * DAY * months,
                contracts,
                multiplier: 100 * multiplier,
                vol: fx(vol, 100),
                mark: mark.map(|m| fx(m, 100)),
            })
        })
}

fn book() -> impl Strategy<Value = (Vec<Position>, i128, i128)> {
    (
        prop::collection::vec(leg(), 1..12),
        0u64..3_000,
        0u64..3_000,
        -2_000i64..2_000,
        0u64..20_000,
        90i128..=110,
        0i128..=3,
    )
        .prop_map(
            |(mut legs, deposit, borrow, quantity, tracker, price, conf)| {
                legs.push(spot(1, deposit, borrow));
                legs.push(perp(1, quantity, fx(price, 1)));
                legs.push(spot(2, tracker, 0));
                (legs, price, conf)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn pairing_never_charges_more_than_every_leg_alone((positions, price, conf) in book()) {
        let underlying = Asset { conf: fx(conf, 10), ..stock(fx(price, 1), 1, RulesRates::volatile()) };
        let tracker = Asset {
            tracks: Some(Tracking { underlying: 1, ratio: fx(1, 10) }),
            ..stock(fx(price, 10), 1, RulesRates::volatile())
        };
        let assets = [usdc(), underlying, tracker];
        let tiers = [Tier::cash(), Tier::single_name()];
        let p = Portfolio { conf_multiplier: FX_ONE, ..portfolio(&assets, &tiers, &positions) };
        let q = quote(&p, Model::Rules).unwrap();
        for (level, paired) in [(Level::Initial, q.initial_requirement), (Level::Maintenance, q.maintenance_requirement)] {
            let alone: Money = positions.iter().map(|x| position_charge(&p, x, level).unwrap()).sum();
            prop_assert!(paired <= alone, "{:?}: paired {} > alone {}", level, paired, alone);
            prop_assert!(paired >= 0);
        }
        // Deterministic: the same book gives the same figures.
        prop_assert_eq!(quote(&p, Model::Rules).unwrap(), q);
    }
}

/// Cases: `PROPTEST_CASES` when set (the deposit property is worth running long), 512 otherwise.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_deposit_never_lowers_health_in_a_strategy_book(
        (positions, price, conf) in book(), per_unit in 0i128..=200, extra in 1u64..5_000, tracker in any::<bool>(),
    ) {
        // A house add-on per unit up to twice the price: the deposit's cap binds for some books.
        let rules = RulesRates { house_per_unit: fx(per_unit, 1), ..RulesRates::volatile() };
        let underlying = Asset { conf: fx(conf, 10), ..stock(fx(price, 1), 1, rules) };
        let tracking = Asset {
            tracks: Some(Tracking { underlying: 1, ratio: fx(1, 10) }),
            ..stock(fx(price, 10), 1, rules)
        };
        let assets = [usdc(), underlying, tracking];
        let tiers = [Tier::cash(), Tier::single_name()];
        let asset = if tracker { 2 } else { 1 };
        let mut more = positions.clone();
        for x in &mut more {
            if let Position::Spot { asset: a, deposit, .. } = x {
                if *a == asset {
                    *deposit += extra;
                }
            }
        }
        let health = |positions: &[Position]| {
            let p = Portfolio { conf_multiplier: FX_ONE, ..portfolio(&assets, &tiers, positions) };
            let q = quote(&p, Model::Rules).unwrap();
            (q.initial_health, q.maintenance_health)
        };
        let (before, after) = (health(&positions), health(&more));
        prop_assert!(after.0 >= before.0 && after.1 >= before.1, "{:?} {:?}", before, after);
    }
}

#[test]
fn a_deposit_covering_a_straddled_call_marked_below_intrinsic_leaves_it_straddled() {
    // Stock at 90, its deposit charged its whole value (a house add-on above the price). A short call struck 80
    // marked at 0 is the lesser side of a straddle with a short put, so it costs its premium, 0; covered it would
    // cost its in-the-money amount, 10. The share that covers it must not cost the account those 10.
    let rules = RulesRates {
        house_per_unit: fx(200, 1),
        ..RulesRates::volatile()
    };
    let assets = [usdc(), stock(fx(90, 1), 1, rules)];
    let tiers = [Tier::cash(), Tier::single_name()];
    let health = |deposit: u64| {
        let positions = [
            option(1, OptionKind::Put, fx(80, 1), -1, 1, 0, Some(fx(15, 1))),
            option(1, OptionKind::Call, fx(80, 1), -1, 1, 0, Some(0)),
            spot(1, deposit, 0),
        ];
        let q = quote(&portfolio(&assets, &tiers, &positions), Model::Rules).unwrap();
        (q.initial_health, q.maintenance_health)
    };
    let (before, after) = (health(0), health(1));
    assert!(
        after.0 >= before.0 && after.1 >= before.1,
        "{before:?} {after:?}"
    );
}
