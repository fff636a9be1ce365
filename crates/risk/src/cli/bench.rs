//! `tightrope-risk bench`: nanoseconds per full quote (both levels, both equities) for 1, 4 and 16 positions
//! under both models, options included. A command, not a test: run it from a release build. With
//! `--portfolios FILE` it times the caller's accounts instead, so another engine (the TypeScript mirror) can set
//! its figures for the very same portfolios beside these.

use super::account::parse_account;
use crate::engine::{health, quote};
use crate::fixed::{Fx, FX_ONE};
use crate::model::*;
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

const DAY: i64 = 86_400;

fn assets() -> Vec<Asset> {
    let mut assets = vec![Asset::quote(0)];
    for (i, price) in [150i128, 60_000, 3_000, 1].iter().enumerate() {
        let price = price * FX_ONE;
        let rules = RulesRates::volatile();
        assets.push(Asset {
            decimals: 9,
            price,
            conf: price / 1_000,
            stable_price: price,
            tier: 1 + (i % 2) as u8,
            rules,
            carry: Carry::NONE,
            tracks: None,
        });
    }
    assets
}

/// Position `i`: cycles over the four risky assets; calls, then spot, perps, puts (or options only).
fn position(i: usize, options_only: bool, assets: &[Asset]) -> Position {
    let asset = 1 + (i % 4) as u8;
    let price: Fx = assets[asset as usize].price;
    let kind = if options_only {
        3 * (i / 4 % 2)
    } else {
        i / 4 % 4
    };
    let option = |kind, strike_percent: i128| {
        Position::Option(OptionPosition {
            asset,
            kind,
            strike: price * strike_percent / 100,
            expiry: (7 + 30 * i as i64) * DAY,
            contracts: if i.is_multiple_of(3) { -10 } else { 10 },
            multiplier: 1_000_000_000,
            vol: FX_ONE * 7 / 10,
            mark: None,
        })
    };
    match kind {
        0 => option(OptionKind::Call, 90 + 5 * (i as i128 % 5)),
        1 => Position::Spot {
            asset,
            deposit: 50_000_000_000,
            borrow: 0,
        },
        2 => Position::Linear {
            asset,
            quantity: -20_000_000_000,
            entry_price: price,
        },
        _ => option(OptionKind::Put, 80 + 5 * (i as i128 % 5)),
    }
}

/// Mean nanoseconds of `evaluate` after a 10% warm-up.
fn nanoseconds_per<T>(iterations: u32, mut evaluate: impl FnMut() -> T) -> u128 {
    for _ in 0..iterations / 10 + 1 {
        black_box(evaluate());
    }
    let start = Instant::now();
    for _ in 0..iterations {
        black_box(evaluate());
    }
    start.elapsed().as_nanos() / iterations as u128
}

pub fn run(iterations: u32) -> String {
    let assets = assets();
    let tiers = [
        Tier::cash(),
        Tier::single_name(),
        Tier {
            product_group: Some(0),
            ..Tier::broad_index()
        },
    ];
    let offsets = [GroupOffset {
        group: 0,
        share: FX_ONE / 2,
    }];
    let mut lines = vec![format!(
        "tightrope-risk bench: {iterations} evaluations per figure; a quote computes both levels, health only maintenance"
    )];
    for (count, options_only) in [(1, false), (4, false), (16, false), (16, true)] {
        let positions: Vec<Position> = (0..count)
            .map(|i| position(i, options_only, &assets))
            .collect();
        let options = positions
            .iter()
            .filter(|p| matches!(p, Position::Option(_)))
            .count();
        let p = Portfolio {
            assets: &assets,
            tiers: &tiers,
            group_offsets: &offsets,
            positions: &positions,
            now: 0,
            conf_multiplier: 2 * FX_ONE,
        };
        for model in [Model::Rules, Model::Tims] {
            if let Err(e) = quote(&p, model) {
                lines.push(format!("{model:?}: {e}"));
                continue;
            }
            let full = nanoseconds_per(iterations, || quote(black_box(&p), model));
            let maintenance = nanoseconds_per(iterations, || {
                health(black_box(&p), model, Level::Maintenance)
            });
            lines.push(format!(
                "{:<5} {count:>2} positions ({options:>2} options): {full:>7} ns per quote, {maintenance:>7} ns per maintenance health",
                format!("{model:?}")
            ));
        }
    }
    lines.join("\n")
}

/// Times each `{ "name", "input" }` of a JSON array (`input` as for `quote`) and prints the figures as JSON:
/// `[{ "name", "quote_ns", "health_ns" }]`, health at maintenance as in `run`.
pub fn run_portfolios(json: &str, iterations: u32) -> Result<String, String> {
    let cases: Vec<Value> =
        serde_json::from_str(json).map_err(|e| format!("invalid portfolios: {e}"))?;
    let mut figures = Vec::with_capacity(cases.len());
    for case in &cases {
        let account = parse_account(&case["input"].to_string())?;
        let (p, model) = (account.portfolio(), account.model);
        quote(&p, model).map_err(|e| format!("{}: {e}", case["name"]))?;
        let full = nanoseconds_per(iterations, || quote(black_box(&p), model));
        let maintenance = nanoseconds_per(iterations, || {
            health(black_box(&p), model, Level::Maintenance)
        });
        figures.push(json!({ "name": case["name"], "quote_ns": full as u64, "health_ns": maintenance as u64 }));
    }
    serde_json::to_string_pretty(&figures).map_err(|e| e.to_string())
}
