//! The CLI's own behaviour: vectors are deterministic and cover both models and options; errors are named.

use serde_json::Value;
use tightrope_risk::cli::{run, vectors};

#[test]
fn vectors_are_reproducible_and_cover_both_models_with_options() {
    let file = vectors::generate(24, 42).unwrap();
    assert_eq!(file, vectors::generate(24, 42).unwrap());
    assert_ne!(file, vectors::generate(24, 43).unwrap());
    let all = file["vectors"].as_array().unwrap();
    assert_eq!(all.len(), 24);
    for model in ["rules", "tims"] {
        assert!(all.iter().any(|v| v["output"]["model"] == model));
    }
    for v in all {
        let positions = v["input"]["positions"].as_array().unwrap();
        assert!(positions.iter().any(|p| p["type"] == "option"));
        // Replaying an input gives its recorded output.
        let replay = run(&["quote".into()], || Ok(v["input"].to_string())).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&replay).unwrap(), v["output"]);
    }
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
    assert!(run(&["quote".into()], || Ok(input("1", "cash"))).is_ok());
    assert!(
        run(&["quote".into()], || Ok(input("1.0000000000001", "cash")))
            .unwrap_err()
            .contains("12 fractional")
    );
    assert!(run(&["quote".into()], || Ok(input("1", "nope")))
        .unwrap_err()
        .contains("unknown tier"));
    assert!(run(&["quote".into()], || Ok(input("0", "cash")))
        .unwrap_err()
        .contains("PriceOutOfRange"));
    assert!(run(&["frobnicate".into()], || Ok(String::new()))
        .unwrap_err()
        .contains("usage"));
}
