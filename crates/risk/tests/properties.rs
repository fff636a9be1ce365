//! The properties over generated accounts within the documented bounds.

mod common;
use common::gen::{case, Case, Shape, ALL};
use common::*;
use proptest::prelude::*;
use tightrope_risk::*;

const MODELS: [Model; 2] = [Model::Rules, Model::Tims];

fn healths(c: &Case, model: Model) -> (Money, Money) {
    let q = quote(&c.portfolio(), model).unwrap();
    (q.initial_health, q.maintenance_health)
}

fn requirements(c: &Case, model: Model) -> (Money, Money) {
    let q = quote(&c.portfolio(), model).unwrap();
    (q.initial_requirement, q.maintenance_requirement)
}

/// Every class alone, no floors: the TIMS scan is all that is charged.
fn without_floors_or_groups(c: &mut Case) {
    for t in &mut c.tiers {
        (t.floor_share, t.per_contract_min, t.product_group) = (0, 0, None);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn no_panic_and_ok_for_any_account_within_bounds(c in case(ALL)) {
        for model in MODELS {
            let q = quote(&c.portfolio(), model);
            prop_assert!(q.is_ok(), "{:?}", q);
            let q = q.unwrap();
            prop_assert_eq!(q.maintenance_health, q.equity - q.maintenance_requirement);
            prop_assert!(q.initial_requirement >= 0 && q.maintenance_requirement >= 0);
        }
    }

    #[test]
    fn a_health_check_agrees_with_the_quote(c in case(ALL)) {
        // One level alone (the liquidation check) must give the figures a two-level quote gives.
        for model in MODELS {
            let q = quote(&c.portfolio(), model).unwrap();
            prop_assert_eq!(health(&c.portfolio(), model, Level::Maintenance).unwrap(), q.maintenance_health, "{:?}", model);
            prop_assert_eq!(health(&c.portfolio(), model, Level::Initial).unwrap(), q.initial_health, "{:?}", model);
        }
    }

    #[test]
    fn no_panic_for_arbitrary_out_of_range_numbers(
        c in case(ALL),
        price in any::<i128>(), conf in any::<i128>(), quantity in any::<i64>(), deposit in any::<u64>(),
        strike in any::<i128>(), vol in any::<i128>(), expiry in any::<i64>(), now in any::<i64>(),
        band in any::<i128>(), decimals in any::<u8>(), multiplier in any::<u64>(), contracts in any::<i64>(),
    ) {
        let mut c = c;
        c.assets[1] = Asset { price, conf, decimals, ..c.assets[1] };
        c.tiers[1].band_down = band;
        c.now = now;
        c.positions.push(Position::Linear { asset: 1, quantity, entry_price: price });
        c.positions.push(Position::Option(OptionPosition {
            asset: 1, kind: OptionKind::Put, strike, expiry, contracts, multiplier, vol, mark: None,
        }));
        if let Some(Position::Spot { deposit: d, .. }) = c.positions.first_mut() {
            *d = deposit;
        }
        for model in MODELS {
            let _ = quote(&c.portfolio(), model); // any Result, never a panic
            let _ = liquidation_size(&c.portfolio(), model, &terms(FX_ONE / 10, 0));
        }
    }

    #[test]
    fn more_collateral_never_lowers_health(c in case(ALL), extra in 1u64..1_000_000_000_000) {
        let mut more = c.clone();
        match more.positions.iter_mut().find(|p| matches!(p, Position::Spot { asset: 0, .. })) {
            Some(Position::Spot { deposit, .. }) => *deposit += extra,
            _ => more.positions.push(spot(0, extra, 0)),
        }
        for model in MODELS {
            let (before, after) = (healths(&c, model), healths(&more, model));
            prop_assert!(after.0 >= before.0 && after.1 >= before.1, "{:?} {:?} {:?}", model, before, after);
        }
    }

    #[test]
    fn a_deposit_of_any_asset_never_lowers_rules_health(c in case(ALL), pick in 0usize..4, extra in 1u64..1_000_000_000_000) {
        // Whatever its rates and house add-ons: a deposit's charge never exceeds what it adds to equity. (Under
        // TIMS an initial scan reaching below the stable price's discount can still cost more than the deposit's
        // initial value: band × multiplier > stable / price.)
        let asset = (pick % c.assets.len()) as u8;
        let mut more = c.clone();
        match more.positions.iter_mut().find(|p| matches!(p, Position::Spot { asset: a, .. } if *a == asset)) {
            Some(Position::Spot { deposit, .. }) => *deposit += extra,
            _ => more.positions.push(spot(asset, extra, 0)),
        }
        let (before, after) = (healths(&c, Model::Rules), healths(&more, Model::Rules));
        prop_assert!(after.0 >= before.0 && after.1 >= before.1, "{:?} {:?}", before, after);
    }

    #[test]
    fn a_wider_band_never_lowers_a_tims_requirement(
        c in case(ALL), widen_down in FX_ONE / 100..FX_ONE / 4, widen_up in FX_ONE / 100..FX_ONE / 4,
    ) {
        // Linear positions and short options: every class's loss is convex in the move, so the worst point is
        // an end of the band (long options can lose most near the centre, which the grid may step over).
        let mut c = c;
        for p in &mut c.positions {
            if let Position::Option(o) = p {
                o.contracts = -o.contracts.abs();
            }
        }
        let mut wider = c.clone();
        for t in &mut wider.tiers[1..] {
            // Kept within the bound band × initial multiplier (× an extreme multiple) ≤ 100%.
            let widest = t.initial_multiplier * t.extreme.multiple.max(FX_ONE) / FX_ONE;
            let limit = FX_ONE * FX_ONE / widest - 1;
            t.band_down = (t.band_down + widen_down).min(limit);
            t.band_up = (t.band_up + widen_up).min(limit);
        }
        let (before, after) = (requirements(&c, Model::Tims), requirements(&wider, Model::Tims));
        prop_assert!(after.0 >= before.0 && after.1 >= before.1, "{:?} {:?}", before, after);
    }

    #[test]
    fn an_exact_hedge_never_raises_the_tims_requirement(c in case(Shape { groups: false, ..ALL }), pick in 0usize..8) {
        // Floors are charged on gross notional by design, so they are set aside: the property is about the scan.
        let mut c = c;
        without_floors_or_groups(&mut c);
        let mut hedged = c.clone();
        let asset = 1 + pick % (c.assets.len() - 1);
        let option = c.positions.iter().find_map(|p| match p {
            Position::Option(o) if o.asset as usize == asset => Some(*o),
            _ => None,
        });
        match option {
            // A class with options: add an option line together with its exact opposite.
            Some(o) => {
                hedged.positions.push(Position::Option(OptionPosition { contracts: 7, ..o }));
                hedged.positions.push(Position::Option(OptionPosition { contracts: -7, ..o }));
            }
            // A linear class: flatten its net exposure with a perp.
            None => {
                let net: i64 = c.positions.iter().map(|p| match *p {
                    Position::Spot { asset: a, deposit, borrow } if a as usize == asset => deposit as i64 - borrow as i64,
                    Position::Linear { asset: a, quantity, .. } if a as usize == asset => quantity,
                    _ => 0,
                }).sum();
                let entry_price = c.assets[asset].price;
                hedged.positions.push(Position::Linear { asset: asset as u8, quantity: -net, entry_price });
            }
        }
        let (before, after) = (requirements(&c, Model::Tims), requirements(&hedged, Model::Tims));
        prop_assert!(after.0 <= before.0 && after.1 <= before.1, "{:?} {:?}", before, after);
    }

    #[test]
    fn without_options_tims_needs_no_more_than_rules_when_bands_lie_within_the_rates(
        c in case(Shape { options: false, model_valued: false, groups: true, conf: false }),
    ) {
        let mut c = c;
        for a in &mut c.assets[1..] {
            a.stable_price = a.price;
            let t = c.tiers[a.tier as usize];
            // Rates strictly above the (widened) bands and the floor share; an extreme move reaches the band ×
            // its multiple, counted at its weight.
            let reach = |band: Fx| match t.extreme.is_on() {
                true => band.max(band * t.extreme.multiple / FX_ONE * t.extreme.weight / FX_ONE + 2),
                false => band,
            };
            let above = |band: Fx, multiplier: Fx| (reach(band) * multiplier / FX_ONE + 2).max(t.floor_share);
            let r = &mut a.rules;
            r.initial_long = r.initial_long.max(above(t.band_down, t.initial_multiplier));
            r.initial_short = r.initial_short.max(above(t.band_up, t.initial_multiplier));
            r.maintenance_long = r.maintenance_long.max(above(t.band_down, FX_ONE));
            r.maintenance_short = r.maintenance_short.max(above(t.band_up, FX_ONE));
        }
        let (tims, rules) = (requirements(&c, Model::Tims), requirements(&c, Model::Rules));
        prop_assert!(tims.0 <= rules.0 && tims.1 <= rules.1, "{:?} {:?}", tims, rules);
    }

    #[test]
    fn liquidation_size_grows_with_the_target(c in case(ALL), shortfall in 1u64..1_000_000_000, raise in 0i128..10_000_000_000) {
        // Make the account unhealthy: collateral in asset 1, then enough quote borrowed to push health below zero.
        // Options on the quote asset go: the borrow would cover its short puts and lower their charge.
        let mut c = c;
        c.positions.retain(|p| !matches!(p, Position::Spot { asset: 0 | 1, .. }) && p.asset() != 0);
        c.positions.push(spot(1, 10u64.pow(c.assets[1].decimals as u32) * 1_000, 0));
        for model in MODELS {
            let mut c = c.clone();
            let health = quote(&c.portfolio(), model).unwrap().maintenance_health;
            c.positions.push(spot(0, 0, health.max(0) as u64 + shortfall));
            let p = c.portfolio();
            let low = liquidation_size(&p, model, &terms(FX_ONE / 20, 0)).unwrap();
            let high = liquidation_size(&p, model, &terms(FX_ONE / 20, raise)).unwrap();
            prop_assert!(low.health_before < 0);
            prop_assert!(high.repay >= low.repay, "{:?} {:?}", low, high);
        }
    }
}

/// The corner of the documented bounds: 32 positions in one class, 12 decimals, price 10^9, each position's
/// notional 10^12 quote, a 100% band, options at the largest volatility.
#[test]
fn the_documented_corner_evaluates() {
    let tier = Tier {
        band_down: FX_ONE,
        band_up: FX_ONE,
        initial_multiplier: FX_ONE,
        vol_up: 0,
        ..Tier::single_name()
    };
    let asset = Asset {
        decimals: 12,
        price: MAX_PRICE,
        conf: MAX_PRICE / 2,
        stable_price: MAX_PRICE,
        tier: 1,
        rules: RulesRates::volatile(),
        ..Asset::quote(0)
    };
    let thousand_units = 1_000 * 10u64.pow(12); // 10^12 quote at 10^9 each
    let mut positions = vec![spot(1, thousand_units, thousand_units)];
    for i in 0..15 {
        positions.push(perp(
            1,
            if i % 2 == 0 { 1 } else { -1 } * thousand_units as i64,
            MAX_PRICE,
        ));
    }
    for i in 0..16 {
        let kind = if i % 2 == 0 {
            OptionKind::Call
        } else {
            OptionKind::Put
        };
        let contracts = if i % 3 == 0 { -1_000 } else { 1_000 };
        positions.push(option(
            1,
            kind,
            MAX_PRICE,
            contracts,
            10u64.pow(12),
            MAX_RATE,
            None,
        ));
    }
    let assets = [usdc(), asset];
    let tiers = [Tier::cash(), tier];
    let p = Portfolio {
        conf_multiplier: 2 * FX_ONE,
        ..portfolio(&assets, &tiers, &positions)
    };
    for model in MODELS {
        assert!(
            quote(&p, model).is_ok(),
            "{model:?}: {:?}",
            quote(&p, model)
        );
    }
}
