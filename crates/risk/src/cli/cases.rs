//! The command cases after the parity vectors: whole command lines (`quote`, `quote --points`,
//! `liquidation-price`, `liquidation-size`) on the vectors' accounts with the exact output or error message, so a
//! mirror is also held to the liquidation searches, the valuation points and every refusal: one bound or name
//! broken per error case. They draw from their own stream of the seed, so the `vectors` of a seed do not depend
//! on them.

use super::run;
use super::vectors::dec;
use crate::model::MAX_EXPIRY_SECONDS;
use crate::rng::SplitMix64 as Rng;
use serde_json::{json, Value};

/// The case stream's offset from the seed: any constant, fixed forever so files stay reproducible.
pub(super) const CASE_STREAM: u64 = 0xCA5E_5EED_0000_0001;

/// One broken bound or name per mutation (see `break_input`); the input keeps every other field.
const MUTATIONS: usize = 41;

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
        29 => asset["rate"] = json!("1.5"),
        30 => asset["yield"] = json!("-0.01"),
        31 => asset["tracks"] = json!({ "asset": asset["symbol"].clone(), "ratio": "1" }),
        32 => asset["tracks"] = json!({ "asset": "USDC", "ratio": "0" }),
        33 => asset["tracks"] = json!({ "asset": "DOGE", "ratio": "1" }),
        34 => {
            let t = &mut input["tiers"][tier];
            (t["vol_term_days"], t["vol_scale_min"], t["vol_scale_max"]) = (json!(30), json!("2"), json!("1"));
        }
        35 => input["tiers"][tier]["extreme_multiple"] = json!("0.5"),
        36 => input["tiers"][tier]["extreme_multiple"] = json!("9"), // beyond ±100% once scaled
        37 => {
            let t = &mut input["tiers"][tier];
            (t["extreme_multiple"], t["extreme_weight"]) = (json!("2"), json!("1.5"));
        }
        38 => input["tiers"][2]["extreme_multiple"] = json!("2"), // major's group partner (index) has none
        39 => {
            // Needed only where the model values the option (TIMS, or no mark).
            if let Some(o) = input["positions"][o].as_object_mut() {
                o.remove("vol");
            }
        }
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
/// models (they alternate) get them, and `quote --points` for one in 7 of the rest.
pub(super) fn case(rng: &mut Rng, i: usize, input: &Value, output: &Value) -> Result<Option<Value>, String> {
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
        let share = dec(rng.range(0, 10_000), 4);
        let dust = dec(rng.range(0, 1_000_000_000), 6);
        let discount = discount.as_str().unwrap_or("0");
        let target = target.as_str().unwrap_or("0");
        let mut line = args(&[
            "liquidation-size",
            "--liability",
            "USDC",
            "--collateral",
            &a,
            "--discount",
            discount,
            "--target",
            target,
            "--insurance-share",
            share.as_str().unwrap_or("0"),
            "--dust",
            dust.as_str().unwrap_or("0"),
        ]);
        // Half the cases cap the repay (USDC has 6 decimals).
        if rng.chance(50) {
            line.extend(args(&["--max-repay", dec(rng.range(0, 5_000_000_000), 6).as_str().unwrap_or("0")]));
        }
        line
    } else if i % 101 == 2 {
        args(&[
            "liquidation-price",
            "--asset",
            &symbol(&input, risky(rng, &input)),
        ])
    } else if i % 7 == 4 {
        // Both models: TIMS prints every class's points, rules refuses the flag.
        args(&["quote", "--points"])
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

