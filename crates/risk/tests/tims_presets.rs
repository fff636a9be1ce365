//! The FINRA 4210(g) preset, carry in the scan, and the crypto add-ons: time-scaled volatility shocks and SPAN's
//! extreme moves.
//!
//! Sources: FINRA Rule 4210(g)(2)(F) (equities ±15%, high-capitalisation broad-based indexes −8% / +6%, ten
//! equidistant valuation points, $.375 per contract × multiplier minimum); CBOE, "Margin Requirement Examples for
//! Sample Options-based Positions" (portfolio margin column, IBM at 97.73); CME SPAN (extreme moves: 3 × the
//! price scan range, 35% of the loss).

mod common;
use common::*;
use tightrope_risk::*;

fn tims(assets: &[Asset], tiers: &[Tier], positions: &[Position]) -> Quote {
    quote(&portfolio(assets, tiers, positions), Model::Tims).unwrap()
}

#[test]
fn finra_4210g_long_stock_is_the_band_alone_at_both_levels() {
    // 1,000 shares at 75: 15% is 11,250; no 1.5× initial scan, no notional floor under a hedge.
    let tiers = [Tier::cash(), Tier::finra_4210g()];
    let assets = [usdc(), stock(fx(75, 1), 1, RulesRates::volatile())];
    let q = tims(&assets, &tiers, &[spot(1, 1_000, 0)]);
    assert_eq!(
        (q.initial_requirement, q.maintenance_requirement),
        (11_250 * QUOTE, 11_250 * QUOTE)
    );
    let hedged = tims(
        &assets,
        &tiers,
        &[spot(1, 1_000, 0), perp(1, -1_000, fx(75, 1))],
    );
    assert_eq!(hedged.maintenance_requirement, 0);
    // The house preset adds its 1% floor and scans initial margin at 1.5×.
    let house = tims(
        &assets,
        &[Tier::cash(), Tier::single_name()],
        &[spot(1, 1_000, 0)],
    );
    assert_eq!(house.initial_requirement, 16_875 * QUOTE);
}

#[test]
fn finra_4210g_broad_index_takes_the_8_percent_down_move() {
    let tiers = [Tier::cash(), Tier::finra_4210g_broad_index()];
    let assets = [usdc(), stock(fx(5_000, 1), 1, RulesRates::broad_index())];
    let long = tims(&assets, &tiers, &[spot(1, 36, 0)]);
    assert_eq!(long.maintenance_requirement, 14_400 * QUOTE);
    let short = tims(&assets, &tiers, &[spot(1, 0, 36)]);
    assert_eq!(short.maintenance_requirement, 10_800 * QUOTE);
}

/// IBM April options in the CBOE table: 54 days, a 5.25% rate, and the 15.57% volatility at which the model
/// values the 100 call at its 1.68 mark.
fn ibm_option(kind: OptionKind, contracts: i64) -> Position {
    Position::Option(OptionPosition {
        asset: 1,
        kind,
        strike: fx(100, 1),
        expiry: 54 * DAY,
        contracts,
        multiplier: 100,
        vol: 155_726_658_070,
        mark: None,
    })
}

fn ibm_with_carry() -> Asset {
    Asset {
        carry: Carry {
            rate: fx(525, 10_000),
            yield_rate: 0,
        },
        ..stock(fx(9_773, 100), 1, RulesRates::volatile())
    }
}

#[test]
fn carry_reprices_both_ibm_marks_and_the_short_call_portfolio_margin() {
    let tiers = [Tier::cash(), Tier::finra_4210g()];
    let assets = [usdc(), ibm_with_carry()];
    // The call is worth its 1.68 mark and, by put–call parity with the rate, the put its 3.18 (within a cent).
    let value = |kind| {
        let q = tims(&assets, &tiers, &[ibm_option(kind, 1)]);
        q.equity as f64 / 100.0 / QUOTE as f64
    };
    assert!(
        (value(OptionKind::Call) - 1.68).abs() < 0.005,
        "{}",
        value(OptionKind::Call)
    );
    assert!(
        (value(OptionKind::Put) - 3.18).abs() < 0.01,
        "{}",
        value(OptionKind::Put)
    );
    // Short 100 calls: the table's portfolio margin is 115,429; the engine, revaluing at +15%, is within 0.2%.
    let short =
        tims(&assets, &tiers, &[ibm_option(OptionKind::Call, -100)]).maintenance_requirement;
    let published = 115_429.0;
    let engine = short as f64 / QUOTE as f64;
    assert!((engine / published - 1.0).abs() < 0.002, "{engine}");
    // Without the rate no single volatility fits both marks: at the call's, the put is valued 0.4 off its mark.
    let flat = [
        usdc(),
        Asset {
            carry: Carry::NONE,
            ..assets[1]
        },
    ];
    let zero_rate_put =
        tims(&flat, &tiers, &[ibm_option(OptionKind::Put, 1)]).equity as f64 / 100.0 / QUOTE as f64;
    assert!((zero_rate_put - 3.18).abs() > 0.4, "{zero_rate_put}");
}

#[test]
fn cboe_table_long_straddle_portfolio_margin_is_the_per_contract_minimum() {
    // Long 100 calls and 100 puts gain at every point with volatility unshifted: 200 × 100 × $.375 = 7,500.
    let tiers = [Tier::cash(), Tier::finra_4210g()];
    let assets = [usdc(), ibm_with_carry()];
    let straddle = [
        ibm_option(OptionKind::Call, 100),
        ibm_option(OptionKind::Put, 100),
    ];
    let q = tims(&assets, &tiers, &straddle);
    assert_eq!(
        (q.initial_requirement, q.maintenance_requirement),
        (7_500 * QUOTE, 7_500 * QUOTE)
    );
}

fn short_call(days_and_seconds: i64) -> Position {
    Position::Option(OptionPosition {
        expiry: days_and_seconds,
        ..match ibm_option(OptionKind::Call, -10) {
            Position::Option(o) => o,
            _ => unreachable!(),
        }
    })
}

#[test]
fn the_vol_term_scales_the_up_shift_by_the_root_of_reference_over_days_left() {
    let assets = [usdc(), ibm_with_carry()];
    let flat = |vol_up| {
        [
            Tier::cash(),
            Tier {
                vol_up,
                ..Tier::finra_4210g()
            },
        ]
    };
    let term = Tier {
        vol_up: fx(25, 100),
        vol_term: VolTerm {
            reference_days: 30,
            min_scale: fx(1, 2),
            max_scale: fx(3, 1),
        },
        ..Tier::finra_4210g()
    };
    let scaled = [Tier::cash(), term];
    // 7.5 days: √(30 / 7.5) = 2, so 25% becomes 50%; 30 days: unchanged; 365 days: held at half, 12.5%.
    for (seconds, same_as) in [
        (15 * DAY / 2, fx(50, 100)),
        (30 * DAY, fx(25, 100)),
        (365 * DAY, fx(125, 1_000)),
    ] {
        let position = [short_call(seconds)];
        assert_eq!(
            tims(&assets, &scaled, &position),
            tims(&assets, &flat(same_as), &position),
            "{seconds}"
        );
    }
    // A short option's requirement grows as expiry nears, beyond what the flat shift gives.
    let near = [short_call(2 * DAY)];
    assert!(
        tims(&assets, &scaled, &near).maintenance_requirement
            > tims(&assets, &flat(fx(25, 100)), &near).maintenance_requirement
    );
}

#[test]
fn an_extreme_move_counts_at_its_weight_when_it_is_the_worst() {
    let assets = [usdc(), stock(fx(75, 1), 1, RulesRates::volatile())];
    let extreme = |weight| {
        [
            Tier::cash(),
            Tier {
                extreme: ExtremeMove {
                    multiple: fx(3, 1),
                    weight,
                },
                ..Tier::finra_4210g()
            },
        ]
    };
    let long = [spot(1, 1_000, 0)];
    // 3 × 15% = 45% of 75,000 at 35%: 11,812.50, above the band's 11,250, found at the outermost point.
    let mut b = Breakdown::default();
    let q = quote_with_breakdown(
        &portfolio(&assets, &extreme(fx(35, 100)), &long),
        Model::Tims,
        &mut b,
    )
    .unwrap();
    assert_eq!(q.maintenance_requirement, 11_812_500_000);
    let class = b.maintenance.classes()[0];
    assert_eq!((class.worst_point, class.shock), (Some(0), -fx(45, 100)));
    // At 20% it is 6,750 and the band's worst point (now index 1) decides.
    let q = quote_with_breakdown(
        &portfolio(&assets, &extreme(fx(20, 100)), &long),
        Model::Tims,
        &mut b,
    )
    .unwrap();
    assert_eq!(q.maintenance_requirement, 11_250 * QUOTE);
    assert_eq!(b.maintenance.classes()[0].worst_point, Some(1));
}
