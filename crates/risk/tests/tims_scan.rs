//! The two-level class scan against the direct computation: every point's P&L equals each option repriced alone
//! at that point, and scanning both levels together equals scanning each alone. Tiers are drawn so that the two
//! levels often share scenario prices (multiplier 1.5 or 2, round bands) or a level repeats one (zero band).

mod common;
use common::*;
use proptest::prelude::*;
use tightrope_risk::fixed::{add, mul, mul_fx, raw_to_money, sub, Rounding};
use tightrope_risk::options::position::{pricer, units};
use tightrope_risk::tims::class::{scan_class, ClassScan};
use tightrope_risk::tims::scenarios::{point_count, scenario_price, shock};
use tightrope_risk::*;

const BOTH: [Level; 2] = [Level::Initial, Level::Maintenance];

fn tier() -> impl Strategy<Value = Tier> {
    let band = prop::sample::select(vec![
        0,
        FX_ONE / 20,
        FX_ONE * 3 / 50,
        FX_ONE * 15 / 100,
        12_345_678_901,
    ]);
    let multiplier =
        prop::sample::select(vec![FX_ONE, FX_ONE * 3 / 2, 2 * FX_ONE, 1_234_567_890_123]);
    (
        band.clone(),
        band,
        0u8..=8,
        0u8..=8,
        multiplier,
        0..=FX_ONE,
        0..=FX_ONE,
    )
        .prop_map(
            |(band_down, band_up, points_down, points_up, initial_multiplier, vol_down, vol_up)| {
                Tier {
                    band_down,
                    band_up,
                    points_down,
                    points_up,
                    vol_down: vol_down / 2,
                    vol_up,
                    initial_multiplier,
                    ..Tier::single_name()
                }
            },
        )
}

/// One option or perp on asset 1 (price 100, 6 decimals).
fn position() -> impl Strategy<Value = Position> {
    (
        any::<bool>(),
        any::<bool>(),
        50i128..=150,
        -20i64..=20,
        0i128..=150,
        -3i64..=400,
    )
        .prop_map(|(is_option, call, strike, contracts, vol_percent, days)| {
            if !is_option {
                return perp(1, contracts * 1_000_000, 100 * FX_ONE);
            }
            let kind = if call {
                OptionKind::Call
            } else {
                OptionKind::Put
            };
            Position::Option(OptionPosition {
                asset: 1,
                kind,
                strike: strike * FX_ONE,
                expiry: days * DAY,
                contracts,
                multiplier: 1_000_000,
                vol: vol_percent * FX_ONE / 100,
                mark: None,
            })
        })
}

/// Raw P&L (native × Fx) of the class at `price`, each option repriced alone at the volatility `shifted` gives.
fn direct_raw(p: &Portfolio, price: Fx, shifted: impl Fn(Fx) -> Fx) -> i128 {
    let a = &p.assets[1];
    p.positions.iter().fold(0, |total, position| {
        let pnl = match position {
            Position::Option(o) => {
                let base = pricer(o, o.vol, p.now, a.carry).value(a.price);
                let value = pricer(o, shifted(o.vol), p.now, a.carry).value(price);
                mul(units(o).unwrap(), sub(value, base).unwrap()).unwrap()
            }
            Position::Linear { quantity, .. } => *quantity as i128 * (price - a.price),
            Position::Spot { .. } => 0,
        };
        add(total, pnl).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_two_level_scan_equals_direct_revaluation_and_single_level_scans(
        tier in tier(),
        positions in prop::collection::vec(position(), 1..16),
    ) {
        let assets = [usdc(), Asset { decimals: 6, ..stock(100 * FX_ONE, 1, RulesRates::volatile()) }];
        let tiers = [Tier::cash(), tier];
        let p = portfolio(&assets, &tiers, &positions);
        let mut both = ClassScan::default();
        scan_class(&p, 1, &BOTH, &mut both).unwrap();
        for (i, level) in BOTH.into_iter().enumerate() {
            let mut alone = ClassScan::default();
            scan_class(&p, 1, &[level], &mut alone).unwrap();
            prop_assert_eq!(alone.pnl[0], both.pnl[i]);
            prop_assert_eq!(alone.vol_shift[0], both.vol_shift[i]);
            prop_assert_eq!((alone.worst_point[0], alone.worst_loss[0]), (both.worst_point[i], both.worst_loss[i]));
            prop_assert_eq!(alone.floor, both.floor);
            let mut worst = (None, 0);
            for j in 0..point_count(&tier) {
                let price = scenario_price(assets[1].price, shock(&tier, level, j).unwrap()).unwrap();
                let raw = if both.vol_shift[i][j] > 0 {
                    direct_raw(&p, price, |vol| vol + mul_fx(vol, tier.vol_up, Rounding::Up).unwrap())
                } else {
                    direct_raw(&p, price, |vol| vol - mul_fx(vol, tier.vol_down, Rounding::Up).unwrap())
                };
                let pnl = raw_to_money(raw, 6, Rounding::Down).unwrap();
                prop_assert_eq!(both.pnl[i][j], pnl, "level {:?} point {}", level, j);
                if -pnl > worst.1 {
                    worst = (Some(j), -pnl);
                }
            }
            prop_assert_eq!((both.worst_point[i], both.worst_loss[i]), worst);
        }
    }
}
