//! Every example in docs/risk-json.md goes through the CLI code path and must print what the doc says.

use serde_json::Value;
use std::path::Path;

/// `expected` is contained in `actual`: objects by the keys `expected` shows, arrays element by element.
fn contains(actual: &Value, expected: &Value, path: &str) -> Result<(), String> {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e.iter().try_for_each(|(k, v)| {
            let inner = a.get(k).ok_or(format!("{path}.{k} missing"))?;
            contains(inner, v, &format!("{path}.{k}"))
        }),
        (Value::Array(a), Value::Array(e)) if a.len() == e.len() => a
            .iter()
            .zip(e)
            .enumerate()
            .try_for_each(|(i, (x, y))| contains(x, y, &format!("{path}[{i}]"))),
        _ if actual == expected => Ok(()),
        _ => Err(format!("{path}: doc says {expected}, CLI prints {actual}")),
    }
}

/// (command arguments, input, expected output) for every example, in order.
fn examples(doc: &str) -> Vec<(Vec<String>, String, Value)> {
    let mut found = Vec::new();
    let mut run = String::from("quote");
    let mut input: Option<String> = None;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(command) = line
            .strip_prefix("<!-- run: ")
            .and_then(|l| l.strip_suffix(" -->"))
        {
            run = command.to_string();
        }
        let block = match line {
            "```json input" | "```json output" => lines
                .by_ref()
                .take_while(|l| *l != "```")
                .collect::<Vec<_>>()
                .join("\n"),
            _ => continue,
        };
        if line.ends_with("input") {
            input = Some(block);
        } else {
            let args = run.split_whitespace().map(String::from).collect();
            let expected = serde_json::from_str(&block).expect("an output block is JSON");
            found.push((
                args,
                input
                    .take()
                    .expect("an output block follows an input block"),
                expected,
            ));
            run = String::from("quote");
        }
    }
    found
}

#[test]
fn every_documented_example_runs_as_documented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/risk-json.md");
    let doc = std::fs::read_to_string(path).expect("docs/risk-json.md");
    let all = examples(&doc);
    assert!(all.len() >= 10, "only {} examples found", all.len());
    for (args, input, expected) in all {
        let printed = tightrope_risk::cli::run(&args, || Ok(input.clone()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"));
        let actual: Value = serde_json::from_str(&printed).expect("the CLI prints JSON");
        contains(&actual, &expected, &args.join(" ")).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_checker_rejects_a_wrong_figure() {
    let actual: Value = serde_json::json!({ "a": "1.000000", "b": [1, 2] });
    assert!(contains(&actual, &serde_json::json!({ "a": "1.000000" }), "").is_ok());
    assert!(contains(&actual, &serde_json::json!({ "a": "1.000001" }), "").is_err());
    assert!(contains(&actual, &serde_json::json!({ "b": [1] }), "").is_err());
    assert!(contains(&actual, &serde_json::json!({ "c": 1 }), "").is_err());
}
