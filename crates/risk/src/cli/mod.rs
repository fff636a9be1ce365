//! The `tightrope-risk` command line: JSON in, JSON out, through the same library entry points the program uses.
//! `run` is the whole CLI minus process I/O, so tests drive exactly what the binary does. Arguments are parsed by
//! `clap`: unknown flags, and flags a command does not take, are errors.

pub mod account;
pub mod bench;
pub mod decimal;
pub mod explain;
pub mod input;
pub mod output;
mod cases;
pub mod vectors;

use crate::breakdown::Breakdown;
use crate::engine::quote_with_breakdown;
use crate::fixed::{FX_DECIMALS, MONEY_DECIMALS};
use crate::liquidation::price::liquidation_prices;
use crate::liquidation::sizing::{liquidation_size, LiquidationTerms};
use crate::model::Model;
use crate::validate::find_violation;
use account::{parse_account, Account};
use clap::error::ErrorKind;
use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};

fn value(name: &'static str, help: &'static str) -> Arg {
    Arg::new(name).long(name).value_name("VALUE").help(help)
}

fn command() -> Command {
    let portfolio = "reads one account as JSON on standard input (docs/risk-json.md)";
    Command::new("tightrope-risk")
        .about("Tightrope's risk engine: exact integer margin (rules-based and TIMS) on a JSON account")
        .subcommand_required(true)
        .subcommand(
            Command::new("quote")
                .about("equity, requirements, health and breakdown of the account on standard input")
                .long_about(portfolio)
                .arg(
                    Arg::new("points")
                        .long("points")
                        .action(ArgAction::SetTrue)
                        .help("also print each class's profit or loss at every valuation point (TIMS)"),
                ),
        )
        .subcommand(
            Command::new("liquidation-price")
                .about("the prices of one asset at which the account reaches its maintenance requirement")
                .long_about(portfolio)
                .arg(value("asset", "the asset whose price moves").required(true)),
        )
        .subcommand(
            Command::new("liquidation-size")
                .about("how much of a liability a liquidator may repay, seizing collateral at a discount")
                .long_about(portfolio)
                .arg(value("liability", "the borrowed asset repaid").required(true))
                .arg(value("collateral", "the deposited asset seized").required(true))
                .arg(value("discount", "the liquidator's discount, a fraction").required(true))
                .arg(value("target", "maintenance health to stop at, in quote").default_value("0"))
                .arg(value("insurance-share", "the share of the discount paid to the insurance fund").default_value("0"))
                .arg(value("max-repay", "the most the liquidator repays, in the liability's units"))
                .arg(value("dust", "a remainder worth less than this, in quote, is closed whole").default_value("0")),
        )
        .subcommand(
            Command::new("vectors")
                .about("random accounts with their exact quotes, for a mirror's parity test")
                .arg(
                    value("count", "how many accounts")
                        .required(true)
                        .value_parser(value_parser!(usize)),
                )
                .arg(
                    value("seed", "the generator's seed")
                        .required(true)
                        .value_parser(value_parser!(u64)),
                )
                .arg(value("out", "the file to write").required(true)),
        )
        .subcommand(
            Command::new("bench")
                .about("nanoseconds per quote and per health check (run from a release build)")
                .arg(
                    value("iterations", "evaluations per figure")
                        .default_value("20000")
                        .value_parser(value_parser!(u32)),
                )
                .arg(value(
                    "portfolios",
                    "time each account of this JSON array instead of the built-in cases",
                )),
        )
}

fn text<'a>(m: &'a ArgMatches, name: &str) -> &'a str {
    // Every string argument read here is required or has a default.
    m.get_one::<String>(name).map_or("", String::as_str)
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("a JSON value always serialises")
}

/// The account on standard input, refused with a named field if the engine would refuse it.
fn checked_account(json: &str) -> Result<Account, String> {
    let account = parse_account(json)?;
    find_violation(&account.portfolio()).map_err(|v| explain::violation(&account, &v))?;
    Ok(account)
}

/// The `quote` output for one JSON input; with `points`, each class's P&L at every valuation point too.
pub fn quote_value(json: &str, points: bool) -> Result<serde_json::Value, String> {
    let account = checked_account(json)?;
    let mut breakdown = Box::<Breakdown>::default();
    let q = quote_with_breakdown(&account.portfolio(), account.model, &mut breakdown)
        .map_err(|e| e.to_string())?;
    let mut out = output::quote_json(&account, &q, &breakdown);
    if points {
        if account.model != Model::Tims {
            return Err(
                "`--points` needs a TIMS account: the rules model has no valuation points".into(),
            );
        }
        out["points"] = output::points_json(&account)?;
    }
    Ok(out)
}

fn liquidation_price(account: &Account, m: &ArgMatches) -> Result<String, String> {
    let asset = account.asset_index(text(m, "asset"))?;
    let prices = liquidation_prices(&account.portfolio(), account.model, asset)
        .map_err(|e| e.to_string())?;
    Ok(pretty(&output::liquidation_price_json(
        account, asset, &prices,
    )))
}

fn liquidation_size_command(account: &Account, m: &ArgMatches) -> Result<String, String> {
    let liability = account.asset_index(text(m, "liability"))?;
    let collateral = account.asset_index(text(m, "collateral"))?;
    let parse = |flag: &str, decimals: u32| decimal::parse(text(m, flag), decimals).map_err(|e| format!("--{flag}: {e}"));
    let max_repay = match m.get_one::<String>("max-repay") {
        None => u64::MAX,
        Some(_) => {
            let decimals = account.inputs.assets[liability as usize].decimals as u32;
            u64::try_from(parse("max-repay", decimals)?).map_err(|_| "--max-repay: out of range".to_string())?
        }
    };
    let terms = LiquidationTerms {
        liability,
        collateral,
        discount: parse("discount", FX_DECIMALS)?,
        insurance_share: parse("insurance-share", FX_DECIMALS)?,
        target_health: parse("target", MONEY_DECIMALS)?,
        max_repay,
        dust: parse("dust", MONEY_DECIMALS)?,
    };
    let size = liquidation_size(&account.portfolio(), account.model, &terms).map_err(|e| e.to_string())?;
    Ok(pretty(&output::liquidation_size_json(account, liability, collateral, &size)))
}

/// Runs one command (`args` without the program name); `stdin` is read only by the commands that take an
/// account. `--help` is an answer, not an error.
pub fn run(
    args: &[String],
    stdin: impl FnOnce() -> Result<String, String>,
) -> Result<String, String> {
    let argv = std::iter::once("tightrope-risk".to_string()).chain(args.iter().cloned());
    let matches = match command().try_get_matches_from(argv) {
        Ok(matches) => matches,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            return Ok(e.render().to_string().trim_end().to_string())
        }
        Err(e) => return Err(e.render().to_string().trim_end().to_string()),
    };
    match matches.subcommand() {
        Some(("quote", m)) => Ok(pretty(&quote_value(&stdin()?, m.get_flag("points"))?)),
        Some(("liquidation-price", m)) => liquidation_price(&checked_account(&stdin()?)?, m),
        Some(("liquidation-size", m)) => liquidation_size_command(&checked_account(&stdin()?)?, m),
        Some(("vectors", m)) => {
            let count = *m.get_one::<usize>("count").unwrap_or(&0);
            let seed = *m.get_one::<u64>("seed").unwrap_or(&0);
            let file = vectors::generate(count, seed)?;
            std::fs::write(text(m, "out"), pretty(&file)).map_err(|e| e.to_string())?;
            Ok(format!("wrote {count} vectors"))
        }
        Some(("bench", m)) => {
            let iterations = *m.get_one::<u32>("iterations").unwrap_or(&20_000);
            match m.get_one::<String>("portfolios") {
                Some(file) => bench::run_portfolios(
                    &std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?,
                    iterations,
                ),
                None => Ok(bench::run(iterations)),
            }
        }
        // `subcommand_required` leaves no other case.
        _ => Err(command().render_usage().to_string()),
    }
}
