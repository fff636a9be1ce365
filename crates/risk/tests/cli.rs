//! The CLI's own behaviour: vectors are deterministic and cover both models and options; errors are named.

use serde_json::{json, Value};
use tightrope_risk::cli::account::parse_account;
use tightrope_risk::cli::{run, vectors};
use tightrope_risk::rules::position_charge;
use tightrope_risk::{quote as engine_quote, Level, Model};

#[test]
fn vectors_are_reproducible_and_cover_both_models_options_and_the_new_inputs() {
    let file = vectors::generate(48, 42).unwrap();
    assert_eq!(file, vectors::generate(48, 42).unwrap());
    assert_ne!(file, vectors::generate(48, 43).unwrap());
    let all = file["vectors"].as_array().unwrap();
    assert_eq!(all.len(), 48);
    for model in ["rules", "tims"] {
        assert!(all.iter().any(|v| v["output"]["model"] == model));
    }
    let mut paired = 0;
    for v in all {
        let positions = v["input"]["positions"].as_array().unwrap();
        assert!(positions.iter().any(|p| p["type"] == "option"));
        // Replaying an input gives its recorded output.
        let replay = run(&["quote".into()], || Ok(v["input"].to_string())).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&replay).unwrap(), v["output"]);
        // Rules accounts whose strategies charge less than their legs alone.
        let account = parse_account(&v["input"].to_string()).unwrap();
        let p = account.portfolio();
        if account.model == Model::Rules {
            let alone: i128 = p
                .positions
                .iter()
                .map(|x| position_charge(&p, x, Level::Maintenance).unwrap())
                .sum();
            paired += (engine_quote(&p, Model::Rules)
                .unwrap()
                .maintenance_requirement
                < alone) as usize;
        }
    }
    assert!(paired >= 3, "{paired}");
    let inputs = serde_json::to_string(&file).unwrap();
    for field in [
        "\"rate\"",
        "\"yield\"",
        "\"tracks\"",
        "\"vol_term_days\"",
        "\"extreme_multiple\"",
        "finra_4210g",
    ] {
        assert!(inputs.contains(field), "{field}");
    }
    let unvalued = all
        .iter()
        .flat_map(|v| v["input"]["positions"].as_array().unwrap())
        .any(|p| p["type"] == "option" && p.get("vol").is_none());
    assert!(unvalued);
}

fn quote(json: &str) -> Result<String, String> {
    run(&["quote".into()], || Ok(json.to_string()))
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

#[test]
fn inexact_decimals_and_unknown_names_are_refused() {
    let input = |price: &str, tier: &str| {
        format!(
            r#"{{"model":"rules","tiers":[{{"name":"cash","preset":"cash"}}],
                "assets":[{{"symbol":"USD","decimals":6,"price":"{price}","tier":"{tier}"}}],
                "positions":[{{"type":"spot","asset":"USD","deposit":"1.5"}}]}}"#
        )
    };
    assert!(quote(&input("1", "cash")).is_ok());
    assert!(quote(&input("1.0000000000001", "cash"))
        .unwrap_err()
        .contains("12 fractional"));
    assert!(quote(&input("1", "nope"))
        .unwrap_err()
        .contains("unknown tier"));
    assert_eq!(
        quote(&input("0", "cash")).unwrap_err(),
        "asset 0 (`USD`): `price` 0.000000000000 is outside [0.000000000001, 1000000000.000000000000] \
         (PriceOutOfRange)"
    );
}

#[test]
fn help_is_an_answer_on_stdout_with_exit_code_zero() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tightrope-risk"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Usage: tightrope-risk") && stdout.contains("liquidation-price"));
    assert!(out.stderr.is_empty());
    let sub = run(&args(&["quote", "--help"]), || unreachable!()).unwrap();
    assert!(sub.contains("--points"));
}

#[test]
fn unknown_and_unused_flags_and_commands_are_errors() {
    let never = || -> Result<String, String> { panic!("stdin must not be read") };
    for bad in [
        &["frobnicate"][..],
        &["quote", "--asset", "SOL"],
        &["quote", "--pionts"],
        &["liquidation-price"],
        &["liquidation-price", "--asset", "SOL", "--discount", "0.1"],
        &["bench", "--iterations", "many"],
        &[],
    ] {
        let error = run(&args(bad), never).unwrap_err();
        assert!(
            error.contains("Usage:") || error.contains("error:"),
            "{bad:?}: {error}"
        );
    }
}

/// One option on XYZ at 52 with the fields `option` adds, under `model`, USD cash beside it.
fn option_account(model: &str, option: &str) -> String {
    format!(
        r#"{{"model":"{model}","tiers":[{{"name":"cash","preset":"cash"}},{{"name":"stocks"}}],
            "assets":[{{"symbol":"USD","decimals":6,"price":"1","tier":"cash","rules":{{"preset":"cash"}}}},
                      {{"symbol":"XYZ","decimals":0,"price":"52","tier":"stocks"}}],
            "positions":[{{"type":"spot","asset":"USD","deposit":"10000"}},
                         {{"type":"option","asset":"XYZ","kind":"call","strike":"55","contracts":"-5",
                           "multiplier":"100"{option}}}]}}"#
    )
}

#[test]
fn a_marked_option_under_rules_needs_neither_vol_nor_expiry() {
    let out: Value =
        serde_json::from_str(&quote(&option_account("rules", r#","mark":"4""#)).unwrap()).unwrap();
    assert_eq!(out["maintenance_requirement"], "5700.000000");
    // Valued by the model (no mark, or TIMS), both are needed, and the error says which and why.
    let unmarked = quote(&option_account("rules", r#","expiry_days":"30""#)).unwrap_err();
    assert_eq!(
        unmarked,
        "position 1: `vol` is needed to value an option by the model (no `mark`, or TIMS)"
    );
    let tims = quote(&option_account("tims", r#","mark":"4","vol":"0.4""#)).unwrap_err();
    assert!(
        tims.starts_with("position 1: `expiry_seconds` or `expiry_days` is needed"),
        "{tims}"
    );
}

#[test]
fn every_engine_refusal_names_the_subject_the_field_and_the_value() {
    let option = |fields: &str| {
        quote(&option_account(
            "rules",
            &format!(r#","expiry_days":"30"{fields}"#),
        ))
    };
    assert_eq!(
        option(r#","vol":"12""#).unwrap_err(),
        "position 1 (on `XYZ`): `vol` 12.000000000000 is outside [0.000000000000, 10.000000000000] (RateOutOfRange)"
    );
    assert_eq!(
        option(r#","vol":"0.4","mark":"2000000000""#).unwrap_err(),
        "position 1 (on `XYZ`): `mark` 2000000000.000000000000 is outside [0.000000000000, \
         1000000000.000000000000] (InvalidOption)"
    );
    let with_tier = |tier: &str| {
        quote(&option_account("rules", r#","mark":"4""#).replace(r#"{"name":"stocks"}"#, tier))
            .unwrap_err()
    };
    assert_eq!(
        with_tier(r#"{"name":"stocks","band_down":"0.8"}"#),
        "tier 1 (`stocks`): `band_down` 1.200000000000 is outside [0.000000000000, 1.000000000000] (InvalidTier)"
    );
    assert_eq!(
        with_tier(r#"{"name":"stocks","points_up":17}"#),
        "tier 1 (`stocks`): `points_up` 17 is outside [0, 16] (TooMany)"
    );
    assert_eq!(
        with_tier(r#"{"name":"stocks","extreme_multiple":"3","extreme_weight":"1.5"}"#),
        "tier 1 (`stocks`): `extreme_weight` 1.500000000000 is outside [0.000000000000, 1.000000000000] \
         (RateOutOfRange)"
    );
    let with_asset = |fields: &str| {
        quote(
            &option_account("rules", r#","mark":"4""#)
                .replace(r#""tier":"stocks""#, &format!(r#""tier":"stocks"{fields}"#)),
        )
        .unwrap_err()
    };
    assert_eq!(
        with_tier(r#"{"name":"stocks","vol_term_days":30,"vol_scale_min":"2","vol_scale_max":"1"}"#),
        "tier 1 (`stocks`): `vol_scale_min` 2.000000000000 is outside [0.000000000000, 1.000000000000] \
         (RateOutOfRange)"
    );
    assert_eq!(
        with_tier(r#"{"name":"stocks","vol_scale_max":"11"}"#),
        "tier 1 (`stocks`): `vol_scale_max` 11.000000000000 is outside [0.000000000000, 10.000000000000] \
         (RateOutOfRange)"
    );
    assert_eq!(
        with_tier(r#"{"name":"stocks","extreme_multiple":"0.5"}"#),
        "tier 1 (`stocks`): `extreme_multiple` 0.500000000000 is outside [1.000000000000, 10.000000000000] \
         (RateOutOfRange)"
    );
    // 15% × 5 × the 1.5 initial multiplier is a 112.5% move.
    assert_eq!(
        with_tier(r#"{"name":"stocks","extreme_multiple":"5","extreme_weight":"0.3"}"#),
        "tier 1 (`stocks`): `extreme_multiple` 1.125000000000 is outside [0.000000000000, 1.000000000000] \
         (InvalidTier)"
    );
    assert_eq!(
        with_asset(r#","yield":"-0.01""#),
        "asset 1 (`XYZ`): `yield` -0.010000000000 is outside [0.000000000000, 1.000000000000] (RateOutOfRange)"
    );
    // A volatility whose time-scaled up-shift leaves the kernel's range: 4 × (1 + 0.25 × 10) = 14.
    let scaled = quote(
        &option_account("tims", r#","expiry_days":"0.25","vol":"4""#).replace(
            r#"{"name":"stocks"}"#,
            r#"{"name":"stocks","vol_term_days":365,"vol_scale_max":"10"}"#,
        ),
    )
    .unwrap_err();
    assert_eq!(
        scaled,
        "position 1 (on `XYZ`): `vol` 14.000000000000 is outside [0.000000000000, 10.000000000000] (RateOutOfRange)"
    );
    assert_eq!(
        with_asset(r#","rate":"1.5""#),
        "asset 1 (`XYZ`): `rate` 1.500000000000 is outside [0.000000000000, 1.000000000000] (RateOutOfRange)"
    );
    assert_eq!(
        with_asset(r#","tracks":{"asset":"XYZ","ratio":"1"}"#),
        "asset 1 (`XYZ`): `tracks.asset` 1 is not accepted (UnknownIndex)"
    );
    assert_eq!(
        with_asset(r#","tracks":{"asset":"USD","ratio":"0"}"#),
        "asset 1 (`XYZ`): `tracks.ratio` 0.000000000000 is outside [0.000000000001, 1000000000.000000000000] \
         (RateOutOfRange)"
    );
}

#[test]
fn liquidation_price_says_why_it_has_no_answer() {
    let account = |borrow: &str| {
        format!(
            r#"{{"model":"rules","tiers":[{{"name":"cash","preset":"cash"}},{{"name":"stocks"}}],
                "assets":[{{"symbol":"USD","decimals":6,"price":"1","tier":"cash","rules":{{"preset":"cash"}}}},
                          {{"symbol":"XYZ","decimals":0,"price":"100","tier":"stocks"}}],
                "positions":[{{"type":"spot","asset":"XYZ","deposit":"100"}},
                             {{"type":"spot","asset":"USD","borrow":"{borrow}"}}]}}"#
        )
    };
    let price = |borrow: &str| -> Value {
        let out = run(&args(&["liquidation-price", "--asset", "XYZ"]), || {
            Ok(account(borrow))
        })
        .unwrap();
        serde_json::from_str(&out).unwrap()
    };
    let healthy = price("5000");
    assert_eq!(healthy["lower"], "66.666666670000");
    assert_eq!(
        healthy["upper_reason"],
        "no price up to 1000000000.000000000000 takes maintenance health below zero"
    );
    let under = price("8000");
    assert_eq!(
        (&under["lower"], &under["upper"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(
        under["reason"],
        "already below maintenance margin (maintenance health -500.000000): liquidatable at the current price"
    );
}

#[test]
fn points_print_each_class_pnl_at_every_valuation_point() {
    // 1,000 units long at 75, ±15% at five points a side: maintenance P&L −11,250 … +11,250 in steps of 2,250;
    // initial scans 1.5× the band.
    let account = r#"{"model":"tims","tiers":[{"name":"cash","preset":"cash"},{"name":"single"}],
        "assets":[{"symbol":"USD","decimals":6,"price":"1","tier":"cash","rules":{"preset":"cash"}},
                  {"symbol":"XYZ","decimals":0,"price":"75","tier":"single"}],
        "positions":[{"type":"spot","asset":"USD","deposit":"20000"},{"type":"spot","asset":"XYZ","deposit":"1000"}]}"#;
    let out: Value =
        serde_json::from_str(&run(&args(&["quote", "--points"]), || Ok(account.into())).unwrap())
            .unwrap();
    let classes = out["points"]["maintenance"].as_array().unwrap();
    assert_eq!(classes[0]["asset"], "USD");
    assert_eq!(classes[0]["points"].as_array().unwrap().len(), 0);
    let xyz = classes[1]["points"].as_array().unwrap();
    let pnl: Vec<&str> = xyz.iter().map(|p| p["pnl"].as_str().unwrap()).collect();
    assert_eq!(
        pnl,
        [
            "-11250.000000",
            "-9000.000000",
            "-6750.000000",
            "-4500.000000",
            "-2250.000000",
            "2250.000000",
            "4500.000000",
            "6750.000000",
            "9000.000000",
            "11250.000000"
        ]
    );
    assert_eq!(
        (&xyz[0]["shock"], &xyz[0]["price"]),
        (&json!("-0.150000000000"), &json!("63.750000000000"))
    );
    let initial = &out["points"]["initial"][1]["points"];
    assert_eq!(
        (&initial[0]["shock"], &initial[0]["pnl"]),
        (&json!("-0.225000000000"), &json!("-16875.000000"))
    );
    // The worst point is the breakdown's.
    assert_eq!(
        out["breakdown"]["classes"]["maintenance"][1]["loss"],
        "11250.000000"
    );
    // Rules have no valuation points.
    let rules = account.replace(r#""model":"tims""#, r#""model":"rules""#);
    assert!(run(&args(&["quote", "--points"]), || Ok(rules))
        .unwrap_err()
        .contains("needs a TIMS account"));
}
