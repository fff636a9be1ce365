//! Parity vectors for the TypeScript mirror: random accounts under both models, options included, each with the
//! exact `quote` output. Inputs are in the `quote` JSON shape, outputs are the `quote` output verbatim, so a mirror
//! that reproduces `quote` bit for bit reproduces the file.
//!
//! After them come `cases`: whole command lines (`quote`, `liquidation-price`, `liquidation-size`) on those accounts
//! with the exact output or error message, so the mirror is also held to the liquidation searches and to every
//! refusal: one bound or name broken per error case. They draw from their own stream of the seed, so the `vectors`
//! of a seed are what they were before cases existed.

use super::decimal::format;
use super::{quote_value, run};
use crate::model::MAX_EXPIRY_SECONDS;
use serde_json::{json, Value};

use crate::rng::SplitMix64 as Rng;

/// `value / 10^scale` as an input string.
fn dec(value: i128, scale: u32) -> Value {
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

/// The case stream's offset from the seed: any constant, fixed forever so files stay reproducible.
const CASE_STREAM: u64 = 0xCA5E_5EED_0000_0001;

/// One broken bound or name per mutation (see `break_input`); the input keeps every other field.
const MUTATIONS: usize = 30;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

/// Index of a random risky asset (every account has at least one after USDC).
fn risky(rng: &mut Rng, input: &Value) -> usize {
    let count = input["assets"].as_array().map_or(2, Vec::len);
    rng.range(1, count as i128 - 1) as usize
}

/// Index of a random option position (every account holds one).
fn some_option(rng: &mut Rng, input: &Value) -> usize {
    let positions = input["positions"].as_array().cloned().unwrap_or_default();
    let options: Vec<usize> = (0..positions.len())
        .filter(|&i| positions[i]["type"] == "option")
        .collect();
    options[rng.range(0, options.len() as i128 - 1) as usize]
}

/// Breaks one bound or name of `input`, each mutation aimed at one of the CLI's or the engine's refusals.
fn break_input(rng: &mut Rng, input: &mut Value, mutation: usize) {
    let a = risky(rng, input);
    let o = some_option(rng, input);
    let tier = rng.range(1, 3) as usize; // index, major or alt (see `tiers`)
    let asset = &mut input["assets"][a];
    match mutation {
        0 => asset["price"] = json!("0"),
        1 => asset["price"] = json!("1.0000000000001"),
        2 => asset["conf"] = json!("-1"),
        3 => asset["decimals"] = json!(13),
        4 => asset["stable_price"] = json!("1000000001"),
        5 => asset["tier"] = json!("nope"),
        6 => asset["rules"]["preset"] = json!("nope"),
        7 => asset["rules"]["house_per_unit"] = json!("1000000001"),
        8 => asset["rules"]["maintenance_short"] = json!("10.000000000001"),
        9 => input["tiers"][tier]["band_down"] = json!("1.5"),
        10 => input["tiers"][tier]["initial_multiplier"] = json!("0.5"),
        11 => input["tiers"][tier]["band_up"] = json!("0.7"), // × 1.5 initial: beyond 100%
        12 => input["tiers"][tier]["points_up"] = json!(17),
        13 => input["tiers"][tier]["vol_down"] = json!("1.5"),
        14 => input["tiers"][1]["points_down"] = json!(3), // index and major share a product group
        15 => input["tiers"][tier]["preset"] = json!("nope"),
        16 => input["tiers"][tier]["product_group"] = json!("nope"),
        17 => input["product_groups"][0]["offset"] = json!("1.5"),
        18 => input["conf_multiplier"] = json!("10.5"),
        19 => {
            let spot = input["positions"][0].clone();
            if let Some(p) = input["positions"].as_array_mut() {
                p.push(spot);
            }
        }
        20 => input["positions"][o]["strike"] = json!("0"),
        21 => input["positions"][o]["multiplier"] = json!("0"),
        22 => {
            let now = input["now"].as_i64().unwrap_or(0);
            input["positions"][o]["expiry_days"] = Value::Null;
            input["positions"][o]["expiry_seconds"] = json!(now + MAX_EXPIRY_SECONDS + 1);
        }
        23 => input["positions"][o]["vol"] = json!(rng.pick(&["11", "9"])), // 9 fails once shifted up
        24 => {
            input["positions"][o]["expiry_days"] =
                json!(rng.pick(&["1.00001", "1e3", "999999999999999999"]))
        }
        25 => input["positions"][o]["expiry_seconds"] = json!(0), // beside expiry_days: one too many
        26 => input["positions"][o]["contracts"] = json!("9223372036854775808"),
        27 => input["positions"][o]["mark"] = json!("-1"),
        28 => input["positions"][0]["deposit"] = json!("-1"),
        _ => {
            let option = input["positions"][o].clone();
            if let Some(p) = input["positions"].as_array_mut() {
                p.extend(std::iter::repeat_n(option, 32));
            }
        }
    }
}

/// Adds digits below the vectors' fourth decimal to every price and a ragged multiplier to every option: the
/// vectors' round numbers often divide exactly, and these exercise the rounding of each value, charge and move.
fn refine(rng: &mut Rng, input: &mut Value) -> Result<(), String> {
    let fine = |rng: &mut Rng, v: Option<&mut Value>| -> Result<(), String> {
        if let Some(v) = v.filter(|v| v.is_string()) {
            let x = super::decimal::parse(v.as_str().unwrap_or("0"), 12)?;
            *v = dec(x + rng.range(0, 99_999_999), 12);
        }
        Ok(())
    };
    let mut decimals = std::collections::HashMap::new();
    for a in input["assets"].as_array_mut().into_iter().flatten().skip(1) {
        for key in ["price", "conf", "stable_price"] {
            fine(rng, a.get_mut(key))?;
        }
        decimals.insert(
            a["symbol"].clone(),
            a["decimals"].as_u64().unwrap_or(6) as u32,
        );
    }
    for p in input["positions"].as_array_mut().into_iter().flatten() {
        for key in ["strike", "entry_price", "mark"] {
            fine(rng, p.get_mut(key))?;
        }
        if p["type"] == "option" {
            let d = decimals.get(&p["asset"]).copied().unwrap_or(6);
            p["multiplier"] = dec(rng.range(1, 10 * 10i128.pow(d)), d);
        }
    }
    Ok(())
}

/// Borrows enough more quote to sit `shortfall` below maintenance: the quote asset is charged nothing under either
/// model, so each extra unit borrowed lowers maintenance health by exactly one unit.
fn underwater(input: &mut Value, health: &str, shortfall: i128) -> Result<(), String> {
    let health = super::decimal::parse(health, 6)?.max(0);
    let borrowed =
        super::decimal::parse(input["positions"][0]["borrow"].as_str().unwrap_or("0"), 6)?;
    input["positions"][0]["borrow"] = dec(borrowed + health + shortfall, 6);
    Ok(())
}

/// The case built on vector `i`, if any: an error case for one vector in 5, a quote at finer prices for one in 5,
/// a liquidation size for one in 25, a liquidation price (the costliest search) for one in 101, odd so that both
/// models (they alternate) get them.
fn case(rng: &mut Rng, i: usize, input: &Value, output: &Value) -> Result<Option<Value>, String> {
    let mut input = input.clone();
    let symbol = |input: &Value, a: usize| {
        input["assets"][a]["symbol"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let command = if i.is_multiple_of(5) {
        let mutation = rng.range(0, MUTATIONS as i128 - 1) as usize;
        break_input(rng, &mut input, mutation);
        let a = symbol(&input, risky(rng, &input));
        match rng.range(0, 9) {
            0 => args(&[
                "liquidation-price",
                "--asset",
                rng.pick(&[a.as_str(), "DOGE"]),
            ]),
            1 => {
                // An empty discount leaves the flag out: the usage error.
                let discount = rng.pick(&["0.05", "1", "0.0000000000001", ""]);
                let mut line = args(&[
                    "liquidation-size",
                    "--liability",
                    "USDC",
                    "--collateral",
                    &a,
                ]);
                if !discount.is_empty() {
                    line.extend(args(&["--discount", discount]));
                }
                line
            }
            _ => args(&["quote"]),
        }
    } else if i % 5 == 3 {
        refine(rng, &mut input)?;
        args(&["quote"])
    } else if i % 25 == 1 {
        let shortfall = rng.range(1, 5_000_000_000);
        underwater(
            &mut input,
            output["maintenance_health"].as_str().unwrap_or("0"),
            shortfall,
        )?;
        let a = symbol(&input, risky(rng, &input));
        let discount = dec(rng.range(0, 1_000), 4);
        let target = dec(rng.range(0, 100_000_000), 6);
        let discount = discount.as_str().unwrap_or("0");
        let target = target.as_str().unwrap_or("0");
        args(&[
            "liquidation-size",
            "--liability",
            "USDC",
            "--collateral",
            &a,
            "--discount",
            discount,
            "--target",
            target,
        ])
    } else if i % 101 == 2 {
        args(&[
            "liquidation-price",
            "--asset",
            &symbol(&input, risky(rng, &input)),
        ])
    } else {
        return Ok(None);
    };
    let text = input.to_string();
    Ok(Some(match run(&command, || Ok(text)) {
        Ok(out) => json!({ "args": command, "input": input,
                           "output": serde_json::from_str::<Value>(&out).map_err(|e| e.to_string())? }),
        Err(message) => json!({ "args": command, "input": input, "error": message }),
    }))
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
