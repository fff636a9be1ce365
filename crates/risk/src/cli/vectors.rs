//! Parity vectors for the TypeScript mirror: random accounts under both models, options included, each with the
//! exact `quote` output. Inputs are in the `quote` JSON shape, outputs are the `quote` output verbatim, so a mirror
//! that reproduces `quote` bit for bit reproduces the file.
//!
//! After them come `cases` (see `cases`): whole command lines on those accounts with the exact output or error.

use super::cases::{case, CASE_STREAM};
use super::decimal::format;
use super::quote_value;
use serde_json::{json, Value};

use crate::rng::SplitMix64 as Rng;

/// `value / 10^scale` as an input string.
pub(super) fn dec(value: i128, scale: u32) -> Value {
    Value::String(format(value, scale))
}

fn tiers(rng: &mut Rng) -> Value {
    let vol = |rng: &mut Rng| dec(rng.range(0, 40), 2);
    let mut alt = json!({ "name": "alt", "preset": "single_name", "points_down": rng.range(1, 8),
        "points_up": rng.range(1, 8), "initial_multiplier": dec(rng.range(100, 250), 2),
        "per_contract_min": dec(rng.range(0, 500), 3) });
    // The crypto add-ons: an up-shift scaled by time to expiry, and an extreme move at a weight.
    if rng.chance(50) {
        alt["vol_term_days"] = json!(rng.range(7, 60));
        alt["vol_scale_min"] = dec(rng.range(20, 100), 2);
        alt["vol_scale_max"] = dec(rng.range(100, 300), 2);
    }
    if rng.chance(50) {
        alt["extreme_multiple"] = dec(rng.range(15, 25), 1);
        alt["extreme_weight"] = dec(rng.range(10, 50), 2);
    }
    json!([
        { "name": "cash", "preset": "cash" },
        { "name": "index", "preset": "broad_index", "vol_down": vol(rng), "vol_up": vol(rng), "product_group": "majors" },
        { "name": "major", "preset": "single_name", "band_down": dec(rng.range(5, 30), 2),
          "band_up": dec(rng.range(5, 30), 2), "product_group": "majors", "floor_share": dec(rng.range(0, 20), 3) },
        alt,
        { "name": "finra", "preset": rng.pick(&["finra_4210g", "finra_4210g_broad_index"]) },
    ])
}

fn asset(rng: &mut Rng, symbol: &str) -> Value {
    let decimals = rng.pick(&["0", "6", "8", "9"]).parse::<u32>().unwrap_or(6);
    let price = rng.range(5_000, 1_000_000_000); // 0.5 to 100,000 at 4 decimals
    let mut rules = json!({ "preset": rng.pick(&["volatile", "broad_index"]) });
    if rng.chance(30) {
        rules["house_rate"] = dec(rng.range(0, 10), 2);
        rules["house_per_unit"] = dec(rng.range(0, 5_000), 4);
    }
    let mut a = json!({
        "symbol": symbol,
        "decimals": decimals,
        "price": dec(price, 4),
        "conf": dec(price * rng.range(0, 50) / 10_000, 4),
        "stable_price": dec(price * rng.range(950, 1_050) / 1_000, 4),
        "tier": rng.pick(&["index", "major", "alt", "finra"]),
        "rules": rules,
    });
    if rng.chance(50) {
        a["rate"] = dec(rng.range(0, 1_000), 4);
        a["yield"] = dec(rng.range(0, 500), 4);
    }
    a
}

/// Between `low` and `high` whole units plus a random fraction at the asset's decimals, as an input string.
fn units(rng: &mut Rng, low: i128, high: i128, decimals: u32) -> Value {
    let unit = 10i128.pow(decimals);
    let whole = rng.range(low, high);
    dec(whole * unit + rng.range(0, unit - 1), decimals)
}

fn option(rng: &mut Rng, symbol: &str, price: i128, decimals: u32, now: i64, rules: bool) -> Value {
    // 0.1 to 1 whole unit per contract, or 1 to 10 for whole-unit assets.
    let tenths = rng.range(1, 10);
    let multiplier = if decimals == 0 {
        tenths
    } else {
        10i128.pow(decimals) * tenths / 10
    };
    let mut o = json!({
        "type": "option",
        "asset": symbol,
        "kind": rng.pick(&["call", "put"]),
        // Strikes on a grid and a few expiries, so legs share them and the rules model finds strategies.
        "strike": dec(price * rng.range(14, 26) * 5 / 100, 4),
        "contracts": rng.range(-50, 50).to_string(),
        "multiplier": dec(multiplier, decimals),
        "vol": dec(rng.range(10, 150), 2),
    });
    if rng.chance(15) {
        o["expiry_seconds"] = json!(now - rng.range(0, 86_400) as i64); // at or after expiry
    } else {
        o["expiry_days"] = dec(rng.pick(&[7, 30, 91, 365]) * 100 + rng.range(0, 1) * 25, 2);
    }
    if rng.chance(40) {
        o["mark"] = dec(price * rng.range(1, 200) / 1_000, 4);
        // Under rules a marked option needs neither volatility nor expiry.
        if rules && rng.chance(30) {
            let o = o.as_object_mut().expect("an object");
            o.remove("vol");
            o.remove("expiry_days");
            o.remove("expiry_seconds");
        }
    }
    o
}

/// Four legs of one expiry that pair as two spreads charged as one: an iron condor, a call butterfly or a short
/// box. Random legs rarely share an expiry four at a time.
fn two_spreads(rng: &mut Rng, symbol: &str, price: i128, decimals: u32) -> Vec<Value> {
    let multiplier = dec(10i128.pow(decimals) * rng.range(1, 10), decimals);
    let expiry = dec(rng.pick(&[7, 30, 91]) * 100, 2);
    let n = rng.range(1, 20);
    // Strikes 5% of the price apart, increasing.
    let low = rng.range(14, 19);
    let strike = |step: i128| dec(price * (low + step) * 5 / 100, 4);
    let (a, b, c, d) = (strike(0), strike(rng.range(1, 2)), strike(3), strike(4));
    let leg = |kind: &str, strike: &Value, contracts: i128| {
        json!({ "type": "option", "asset": symbol, "kind": kind, "strike": strike, "expiry_days": expiry,
                "contracts": contracts.to_string(), "multiplier": multiplier, "vol": "0.6" })
    };
    match rng.range(0, 2) {
        0 => vec![leg("put", &a, n), leg("put", &b, -n), leg("call", &c, -n), leg("call", &d, n)],
        1 => vec![leg("call", &a, n), leg("call", &strike(2), -2 * n), leg("call", &d, n)],
        _ => vec![leg("call", &a, -n), leg("call", &d, n), leg("put", &d, -n), leg("put", &a, n)],
    }
}

/// Legs for a deposit covering short calls that also straddle a short put, and protected by a long put: calls in
/// the money marked below their intrinsic value (or on an asset with a yield) cost less straddled than covered,
/// and calls of two strikes cover the deposit's units at a cap. Random legs rarely line up this way.
fn covered_straddle(rng: &mut Rng, symbol: &str, price: i128, decimals: u32) -> Vec<Value> {
    let multiplier = dec(10i128.pow(decimals) * rng.range(1, 10), decimals);
    let expiry = dec(rng.pick(&[7, 30, 91]) * 100, 2);
    let strike = |percent: i128| dec(price * percent / 100, 4);
    let leg = |kind: &str, strike: Value, contracts: i128, mark: Value| {
        let mut o = json!({ "type": "option", "asset": symbol, "kind": kind, "strike": strike,
                            "expiry_days": expiry, "contracts": contracts.to_string(),
                            "multiplier": multiplier, "vol": "0.6" });
        if !mark.is_null() {
            o["mark"] = mark;
        }
        o
    };
    // A mark from nothing to a little above the intrinsic value of a call struck `percent` of the price.
    let mark = |rng: &mut Rng, percent: i128| match rng.range(0, 2) {
        0 => Value::Null,
        _ => dec(price * (100 - percent).max(0) * rng.range(0, 120) / 10_000, 4),
    };
    let (low, high) = (rng.range(70, 100), rng.range(100, 130));
    let (low_mark, high_mark) = (mark(rng, low), mark(rng, high));
    vec![
        leg("call", strike(low), -rng.range(1, 20), low_mark),
        leg("call", strike(high), -rng.range(1, 20), high_mark),
        leg("put", strike(rng.range(70, 110)), -rng.range(1, 30), Value::Null),
        leg("put", strike(rng.range(60, 100)), rng.range(1, 20), Value::Null),
    ]
}

fn account(rng: &mut Rng, index: usize) -> Value {
    let now = rng.range(1_700_000_000, 1_800_000_000) as i64;
    let symbols = ["SOL", "BTC", "ETH", "JUP"];
    let count = rng.range(1, 3) as usize;
    let mut assets = vec![
        json!({ "symbol": "USDC", "decimals": 6, "price": "1", "tier": "cash", "rules": { "preset": "cash" } }),
    ];
    assets.extend(symbols[..count].iter().map(|s| asset(rng, s)));
    // Sometimes the second asset tracks the first (an ETF on it), so it covers the first's short calls.
    if count > 1 && rng.chance(40) {
        assets[2]["tracks"] = json!({ "asset": symbols[0], "ratio": dec(rng.range(1, 200), 2) });
    }
    // Sometimes the first risky asset is cheap with a house add-on per unit above its price: a deposit's charge is
    // then capped at its value, alone and where it covers or is hedged.
    if rng.chance(15) {
        let price = rng.range(500, 20_000); // 0.05 to 2 at 4 decimals
        assets[1]["price"] = dec(price, 4);
        assets[1]["stable_price"] = dec(price * rng.range(950, 1_050) / 1_000, 4);
        assets[1]["conf"] = dec(price * rng.range(0, 50) / 10_000, 4);
        assets[1]["rules"]["house_per_unit"] = dec(price * rng.range(100, 300) / 100, 4);
    }
    let rules = index.is_multiple_of(2);
    let mut positions = vec![
        json!({ "type": "spot", "asset": "USDC", "deposit": units(rng, 0, 50_000, 6),
                                     "borrow": units(rng, 0, 20_000, 6) }),
    ];
    for (i, symbol) in symbols[..count].iter().enumerate() {
        let decimals = assets[i + 1]["decimals"].as_u64().unwrap_or(6) as u32;
        let price = super::decimal::parse(assets[i + 1]["price"].as_str().unwrap_or("1"), 4)
            .unwrap_or(10_000);
        if rng.chance(70) {
            positions.push(
                json!({ "type": "spot", "asset": symbol, "deposit": units(rng, 0, 100, decimals),
                                   "borrow": units(rng, 0, 20, decimals) }),
            );
        }
        if rng.chance(60) {
            let quantity = units(rng, -50, 50, decimals);
            positions.push(
                json!({ "type": "perp", "asset": symbol, "quantity": quantity,
                                   "entry_price": dec(price * rng.range(80, 120) / 100, 4) }),
            );
        }
        // At least one option per account.
        for _ in 0..rng.range(if i == 0 { 1 } else { 0 }, 5) {
            positions.push(option(rng, symbol, price, decimals, now, rules));
        }
        if i == 0 && rng.chance(20) {
            positions.extend(two_spreads(rng, symbol, price, decimals));
        }
        if i == 0 && rules && rng.chance(20) {
            if !positions.iter().any(|p| p["type"] == "spot" && p["asset"] == *symbol) {
                positions.push(json!({ "type": "spot", "asset": symbol, "deposit": units(rng, 0, 40, decimals) }));
            }
            positions.extend(covered_straddle(rng, symbol, price, decimals));
        }
    }
    json!({
        "model": if rules { "rules" } else { "tims" },
        "now": now,
        "conf_multiplier": rng.pick(&["0", "1", "2", "2.5"]),
        "tiers": tiers(rng),
        "product_groups": [{ "name": "majors", "offset": dec(rng.range(0, 100), 2) }],
        "assets": assets,
        "positions": positions,
    })
}

pub fn generate(count: usize, seed: u64) -> Result<Value, String> {
    let mut rng = Rng(seed);
    let mut vectors = Vec::with_capacity(count);
    for i in 0..count {
        let input = account(&mut rng, i);
        let output =
            quote_value(&input.to_string(), false).map_err(|e| format!("vector {i}: {e}"))?;
        vectors.push(json!({ "input": input, "output": output }));
    }
    let mut rng = Rng(seed.wrapping_add(CASE_STREAM));
    let mut cases = Vec::new();
    for (i, v) in vectors.iter().enumerate() {
        cases.extend(case(&mut rng, i, &v["input"], &v["output"])?);
    }
    Ok(json!({
        "format": "tightrope-risk vectors 2",
        "about": "Each input is a `tightrope-risk quote` input (docs/risk-json.md); each output is its exact quote \
                  output. Money: decimal strings with 6 decimals (quote minor units). Fixed point: 12 decimals.",
        "seed": seed,
        "count": count,
        "vectors": vectors,
        "cases": cases,
    }))
}
