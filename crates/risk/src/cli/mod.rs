//! The `tightrope-risk` command line: JSON in, JSON out, through the same library entry points the program uses.
//! `run` is the whole CLI minus process I/O, so tests drive exactly what the binary does.

pub mod bench;
pub mod decimal;
pub mod input;
pub mod output;
pub mod vectors;

use crate::breakdown::Breakdown;
use crate::engine::quote_with_breakdown;
use crate::liquidation::price::liquidation_prices;
use crate::liquidation::sizing::liquidation_size;
use input::{parse_account, Account};

pub const USAGE: &str = "usage:
  tightrope-risk quote < portfolio.json
  tightrope-risk liquidation-price --asset SYM < portfolio.json
  tightrope-risk liquidation-size --liability SYM --collateral SYM --discount D [--target AMOUNT] < portfolio.json
  tightrope-risk vectors --count N --seed S --out FILE
  tightrope-risk bench [--iterations N] [--portfolios FILE]";

/// The value following `--name` in `args`.
fn flag<'a>(args: &'a [String], name: &str) -> Result<&'a str, String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
        .ok_or_else(|| format!("missing {name}\n{USAGE}"))
}

fn optional_flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    flag(args, name).ok()
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value always serialises")
}

/// The `quote` output for one JSON input.
pub fn quote_value(json: &str) -> Result<serde_json::Value, String> {
    let account = parse_account(json)?;
    let mut breakdown = Box::<Breakdown>::default();
    let q = quote_with_breakdown(&account.portfolio(), account.model, &mut breakdown)
        .map_err(|e| e.to_string())?;
    Ok(output::quote_json(&account, &q, &breakdown))
}

fn liquidation_price(account: &Account, args: &[String]) -> Result<String, String> {
    let asset = account.asset_index(flag(args, "--asset")?)?;
    let prices = liquidation_prices(&account.portfolio(), account.model, asset)
        .map_err(|e| e.to_string())?;
    Ok(pretty(&output::liquidation_price_json(
        account, asset, &prices,
    )))
}

fn liquidation_size_command(account: &Account, args: &[String]) -> Result<String, String> {
    let liability = account.asset_index(flag(args, "--liability")?)?;
    let collateral = account.asset_index(flag(args, "--collateral")?)?;
    let discount = decimal::parse(flag(args, "--discount")?, crate::fixed::FX_DECIMALS)?;
    let target = decimal::parse(
        optional_flag(args, "--target").unwrap_or("0"),
        crate::fixed::MONEY_DECIMALS,
    )?;
    let size = liquidation_size(
        &account.portfolio(),
        account.model,
        liability,
        collateral,
        discount,
        target,
    )
    .map_err(|e| e.to_string())?;
    Ok(pretty(&output::liquidation_size_json(
        account, liability, collateral, &size,
    )))
}

/// Runs one command; `stdin` is read only by the commands that take a portfolio.
pub fn run(
    args: &[String],
    stdin: impl FnOnce() -> Result<String, String>,
) -> Result<String, String> {
    match args.first().map(String::as_str) {
        Some("quote") => Ok(pretty(&quote_value(&stdin()?)?)),
        Some("liquidation-price") => liquidation_price(&parse_account(&stdin()?)?, args),
        Some("liquidation-size") => liquidation_size_command(&parse_account(&stdin()?)?, args),
        Some("vectors") => {
            let count = flag(args, "--count")?
                .parse()
                .map_err(|e| format!("--count: {e}"))?;
            let seed = flag(args, "--seed")?
                .parse()
                .map_err(|e| format!("--seed: {e}"))?;
            let file = vectors::generate(count, seed)?;
            std::fs::write(flag(args, "--out")?, pretty(&file)).map_err(|e| e.to_string())?;
            Ok(format!("wrote {count} vectors"))
        }
        Some("bench") => {
            let iterations = optional_flag(args, "--iterations")
                .map_or(Ok(20_000), str::parse::<u32>)
                .map_err(|e| e.to_string())?;
            match optional_flag(args, "--portfolios") {
                Some(file) => bench::run_portfolios(
                    &std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?,
                    iterations,
                ),
                None => Ok(bench::run(iterations)),
            }
        }
        _ => Err(USAGE.to_string()),
    }
}
