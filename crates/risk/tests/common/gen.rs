//! proptest strategies for accounts within the documented bounds.

use super::*;
use proptest::prelude::*;
use tightrope_risk::*;

pub type Case = OwnedPortfolio;

/// What a generated account may contain.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub options: bool,
    /// Options valued by the model (no mark) allowed; off when an exact rational reference is needed.
    pub model_valued: bool,
    pub groups: bool,
    pub conf: bool,
}

pub const ALL: Shape = Shape {
    options: true,
    model_valued: true,
    groups: true,
    conf: true,
};

pub fn tier(groups: bool) -> impl Strategy<Value = Tier> {
    (
        (0..=FX_ONE / 2, 0..=FX_ONE / 2, 1u8..=6, 1u8..=6),
        (0..=FX_ONE / 2, 0..=FX_ONE, FX_ONE..=2 * FX_ONE),
        (0..=FX_ONE, 0..=FX_ONE / 20, prop::option::of(0u8..2)),
        (
            0u16..=60,
            prop::option::of(FX_ONE..=19 * FX_ONE / 10),
            0..=FX_ONE,
        ),
    )
        .prop_map(
            move |(
                (band_down, band_up, points_down, points_up),
                (vol_down, vol_up, initial_multiplier),
                rest,
                (reference_days, multiple, weight),
            )| {
                let (per_contract_min, floor_share, group) = rest;
                let product_group = if groups { group } else { None };
                // Grouped tiers share a point layout so their classes can offset point by point.
                let (points_down, points_up) = if product_group.is_some() {
                    (5, 5)
                } else {
                    (points_down, points_up)
                };
                Tier {
                    band_down,
                    band_up,
                    points_down,
                    points_up,
                    vol_down,
                    vol_up,
                    initial_multiplier,
                    per_contract_min,
                    floor_share,
                    product_group,
                    vol_term: VolTerm {
                        reference_days,
                        min_scale: FX_ONE / 2,
                        max_scale: 2 * FX_ONE,
                    },
                    // An extreme move only where it keeps within ±100%, and never in a group (they must agree).
                    extreme: match multiple {
                        Some(multiple)
                            if product_group.is_none() && band_down.max(band_up) <= FX_ONE / 4 =>
                        {
                            ExtremeMove { multiple, weight }
                        }
                        _ => ExtremeMove::OFF,
                    },
                }
            },
        )
}

pub fn rules() -> impl Strategy<Value = RulesRates> {
    (
        prop::array::uniform4(0..=FX_ONE),
        0..=FX_ONE / 10,
        0..=FX_ONE,
        0..=FX_ONE / 2,
        0..=FX_ONE / 4,
    )
        .prop_map(
            |(
                [initial_long, initial_short, maintenance_long, maintenance_short],
                house_rate,
                per_unit,
                option_rate,
                min,
            )| {
                RulesRates {
                    initial_long,
                    initial_short,
                    maintenance_long,
                    maintenance_short,
                    house_rate,
                    house_per_unit: per_unit / 10,
                    option_rate,
                    option_min_rate: min,
                }
            },
        )
}

/// Assets after the quote asset: decimals, a price from 0.01 to 10,000, conf up to 1%, stable within ±10%.
pub fn asset(conf: bool) -> impl Strategy<Value = Asset> {
    (
        prop::sample::select(vec![0u8, 6, 9]),
        FX_ONE / 100..10_000 * FX_ONE,
        0..=100i128,
        -100..=100i128,
        1u8..=2,
        rules(),
        (0..=FX_ONE * 3 / 10, 0..=FX_ONE * 3 / 10),
    )
        .prop_map(
            move |(decimals, price, conf_bp, stable_pm, tier, rules, (rate, yield_rate))| Asset {
                decimals,
                price,
                conf: if conf { price * conf_bp / 10_000 } else { 0 },
                stable_price: price + price * stable_pm / 1_000,
                tier,
                rules,
                carry: Carry { rate, yield_rate },
                tracks: None,
            },
        )
}

/// A position description, sized once its asset is known.
#[derive(Clone, Copy, Debug)]
pub struct Draft {
    pub asset: usize,
    pub kind: u8,
    pub whole: i64,
    pub ratio_per_mille: i128,
    pub vol_percent: i128,
    pub expiry_days: i64,
    pub marked: bool,
}

pub fn draft(assets: usize) -> impl Strategy<Value = Draft> {
    (
        0..assets,
        0u8..4,
        -100_000i64..=100_000,
        500i128..=2_000,
        5i128..=200,
        -2i64..=730,
        any::<bool>(),
    )
        .prop_map(
            |(asset, kind, whole, ratio_per_mille, vol_percent, expiry_days, marked)| Draft {
                asset,
                kind,
                whole,
                ratio_per_mille,
                vol_percent,
                expiry_days,
                marked,
            },
        )
}

fn build(d: &Draft, a: &Asset, shape: Shape) -> Position {
    let unit = 10i64.pow(a.decimals as u32);
    let asset = d.asset as u8;
    if !shape.options || d.kind < 2 {
        let entry_price = a.price * d.ratio_per_mille / 1_000;
        return Position::Linear {
            asset,
            quantity: d.whole * unit + d.kind as i64,
            entry_price,
        };
    }
    let strike = (a.price * d.ratio_per_mille / 1_000).max(1);
    let mark = (d.marked || !shape.model_valued).then(|| a.price * d.vol_percent / 1_000);
    Position::Option(OptionPosition {
        asset,
        kind: if d.kind == 2 {
            OptionKind::Call
        } else {
            OptionKind::Put
        },
        strike,
        expiry: d.expiry_days * DAY,
        contracts: d.whole / 100,
        multiplier: unit as u64,
        vol: d.vol_percent * FX_ONE / 100,
        mark,
    })
}

pub fn case(shape: Shape) -> impl Strategy<Value = Case> {
    (
        prop::collection::vec(asset(shape.conf), 1..4),
        prop::collection::vec(tier(shape.groups), 2),
        0..=3i128,
    )
        .prop_flat_map(move |(mut risky, tiers, k)| {
            let mut assets = vec![usdc()];
            assets.append(&mut risky);
            let n = assets.len();
            let spots =
                prop::collection::vec(prop::option::of((0u64..1_000_000, 0u64..1_000_000)), n);
            let drafts = prop::collection::vec(draft(n), 0..8);
            let share = 0..=FX_ONE;
            (Just(assets), Just(tiers), Just(k), spots, drafts, share)
        })
        .prop_map(move |(assets, tiers, k, spots, drafts, share)| {
            let mut positions: Vec<Position> = Vec::new();
            for (i, balance) in spots.iter().enumerate() {
                if let Some((deposit, borrow)) = balance {
                    let unit = 10u64.pow(assets[i].decimals as u32);
                    positions.push(spot(i as u8, deposit * unit / 7, borrow * unit / 11));
                }
            }
            positions.extend(drafts.iter().map(|d| build(d, &assets[d.asset], shape)));
            let mut all_tiers = vec![Tier::cash()];
            all_tiers.extend(tiers);
            let group_offsets = if shape.groups {
                vec![GroupOffset { group: 0, share }]
            } else {
                vec![]
            };
            Case {
                assets,
                tiers: all_tiers,
                group_offsets,
                positions,
                now: 0,
                conf_multiplier: k * FX_ONE,
            }
        })
}
