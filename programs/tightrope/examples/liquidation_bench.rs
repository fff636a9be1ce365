//! Native time per liquidation: the largest liquidation (both accounts holding 16 balances, see
//! `tests/liquidation_limits.rs`) run again and again as whole v0 transactions on the embedded runtime, each
//! repaying a little so the account stays liquidatable. Compute units are not metered natively; for the
//! instruction count of the program's path, `scripts/callgrind-liquidation.sh` runs it under callgrind once with
//! one liquidation (`--once`) and once without (`--iterations 0`), collecting inside the program's entrypoint, and
//! subtracts.
//!
//! `cargo run --release -p tightrope --example liquidation_bench [-- --iterations N | --once]`
#[path = "../tests/common/mod.rs"]
#[allow(dead_code)]
mod common;

use std::time::{Duration, Instant};

use common::liquidation::{full_accounts, liquidate_ix};
use solana_sdk::signature::Signer;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let once = args.iter().any(|a| a == "--once");
    let iterations: usize = match args.iter().position(|a| a == "--iterations") {
        Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).expect("--iterations N"),
        None if once => 1,
        None => 200,
    };
    let (mut w, liquidatee, liquidator, debt, quote) = full_accounts();
    let owner = liquidator.owner.insecure_clone();
    let first = liquidate_ix(&mut w, &liquidator.margin_account, &owner.pubkey(), &liquidatee.margin_account, &debt, &quote, 1);
    let table = w.lookup_table(std::slice::from_ref(&first), &[owner.pubkey()]);
    let mut times: Vec<Duration> = Vec::with_capacity(iterations);
    for i in 0..iterations {
        // A distinct maximum makes each transaction distinct within one blockhash; a thousandth of a unit each.
        let max_repay = 1_000_000 + i as u64;
        let ix = liquidate_ix(&mut w, &liquidator.margin_account, &owner.pubkey(), &liquidatee.margin_account, &debt, &quote, max_repay);
        let transaction = w.v0_transaction(&[ix], &[&owner], &table);
        let start = Instant::now();
        let outcome = w.rt.execute(transaction);
        times.push(start.elapsed());
        outcome.assert_ok();
    }
    // `--iterations 0` builds the scene alone: the baseline a callgrind count of one liquidation is taken against.
    if times.is_empty() {
        return;
    }
    times.sort();
    let micros = |d: Duration| d.as_secs_f64() * 1e6;
    let mean = times.iter().map(|d| micros(*d)).sum::<f64>() / times.len() as f64;
    println!(
        "{} liquidations (16 + 16 balances, whole v0 transactions incl. signature check): median {:.0} µs, p99 {:.0} µs, mean {:.0} µs",
        times.len(),
        micros(times[times.len() / 2]),
        micros(times[(times.len() * 99 / 100).min(times.len() - 1)]),
        mean
    );
}
