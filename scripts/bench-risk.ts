// `npm run bench:risk`: time per TypeScript risk evaluation (a full quote, both levels; and maintenance health
// alone) for the same JSON portfolios the Rust engine times in the same run (`tightrope-risk bench --portfolios`,
// release build). A command, not a test: figures depend on the machine. Targets (issue 11): rules and spot-only
// TIMS within 10× of Rust, 16 options under 2 ms.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { risk } from "../sdk/src";
import { runRisk } from "./risk-cli";

const RUST_ITERATIONS = 5_000;
const TS_BUDGET_NS = 400_000_000n;
const WARM_UP_NS = 800_000_000n;
const TARGET_RATIO = 10n;
const OPTIONS_TARGET_NS = 2_000_000n;

type Json = Record<string, unknown>;

const RISKY_PRICES = [150n, 60_000n, 3_000n, 1n];

/** Price of risky asset `a` (1..15) in ten-thousandths of quote: 1, 150, 3,000 or 60,000, raised by a/16. */
const priceOf = (a: number): bigint => (RISKY_PRICES[(a - 1) % 4] * 10_000n * BigInt(15 + a)) / 16n;

/** USDC and 15 risky assets at 9 decimals, confidence 0.1% of price; tiers alternate. */
function assets(): Json[] {
  const risky = Array.from({ length: 15 }, (_, j) => ({
    symbol: `A${j + 1}`,
    decimals: 9,
    price: risk.formatDecimal(priceOf(j + 1), 4),
    conf: risk.formatDecimal(priceOf(j + 1) / 1000n, 4),
    tier: j % 2 === 0 ? "single" : "index",
  }));
  return [{ symbol: "USDC", decimals: 6, price: "1", tier: "cash", rules: { preset: "cash" } }, ...risky];
}

function portfolio(model: risk.Model, positions: Json[]): Json {
  return {
    model,
    conf_multiplier: "2",
    tiers: [
      { name: "cash", preset: "cash" },
      { name: "single", preset: "single_name" },
      { name: "index", preset: "broad_index", product_group: "indexes" },
    ],
    product_groups: [{ name: "indexes", offset: "0.5" }],
    assets: assets(),
    positions,
  };
}

const symbol = (i: number) => (i === 0 ? "USDC" : `A${i}`);

/** Spot balances on `count` distinct assets: deposits, and a borrow on every third. */
const spot = (count: number): Json[] =>
  Array.from({ length: count }, (_, j) => ({
    type: "spot",
    asset: symbol((j + 1) % 16),
    deposit: "50",
    borrow: j % 3 === 2 ? "20" : "0",
  }));

/** `count` options on the first four risky assets: calls and puts, long and short, 7 days to 15 months. */
const options = (count: number): Json[] =>
  Array.from({ length: count }, (_, j) => ({
    type: "option",
    asset: symbol(1 + (j % 4)),
    kind: j % 8 < 4 ? "call" : "put",
    strike: risk.formatDecimal((priceOf(1 + (j % 4)) * BigInt(80 + 5 * (j % 9))) / 100n, 4),
    expiry_days: String(7 + 30 * j),
    contracts: j % 3 === 0 ? "-10" : "10",
    multiplier: "1",
    vol: "0.7",
  }));

/** Mean nanoseconds of `evaluate` over about TS_BUDGET_NS (at least 20 runs), after WARM_UP_NS of running it: a
 * quote reads twice as slow for its first half second, until the JIT has finished optimizing it. */
function nanosecondsPer(evaluate: () => unknown): bigint {
  const timed = (budget: bigint) => {
    let runs = 0n;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    while (runs < 20n || elapsed < budget) {
      evaluate();
      runs++;
      elapsed = process.hrtime.bigint() - start;
    }
    return elapsed / runs;
  };
  timed(WARM_UP_NS);
  return timed(TS_BUDGET_NS);
}

const micros = (ns: bigint) => `${risk.formatDecimal(ns / 100n, 1)} µs`;
/** ratio to one decimal, as an integer division (timings, not money, but no float either way). */
const ratio = (ts: bigint, rust: bigint) => `${risk.formatDecimal((ts * 10n) / (rust > 0n ? rust : 1n), 1)}×`;

function portfolios(): { name: string; kind: "spot" | "options" | "mixed"; input: Json }[] {
  const cases: { name: string; kind: "spot" | "options" | "mixed"; input: Json }[] = [];
  for (const model of ["rules", "tims"] as const) {
    for (const n of [1, 4, 16]) cases.push({ name: `${model} spot ${n}`, kind: "spot", input: portfolio(model, spot(n)) });
    cases.push({ name: `${model} options 16`, kind: "options", input: portfolio(model, options(16)) });
    cases.push({ name: `${model} mixed 16`, kind: "mixed", input: portfolio(model, [...spot(4), ...options(12)]) });
  }
  return cases;
}

/** `--case I`: times case I alone and prints `quote_ns health_ns`. */
function timeCase(index: number): void {
  const c = portfolios()[index];
  const account = risk.parseAccount(JSON.stringify(c.input));
  const [p, model] = [account.portfolio, account.model];
  console.log(`${nanosecondsPer(() => risk.quote(p, model))} ${nanosecondsPer(() => risk.health(p, model, "maintenance"))}`);
}

function main() {
  const cases = portfolios();
  const dir = mkdtempSync(path.join(tmpdir(), "risk-bench-"));
  try {
    const file = path.join(dir, "portfolios.json");
    writeFileSync(file, JSON.stringify(cases.map(({ name, input }) => ({ name, input }))));
    console.log("building and running the release tightrope-risk on the same portfolios…");
    const rust = JSON.parse(runRisk(["bench", "--iterations", String(RUST_ITERATIONS), "--portfolios", file], "", "release")) as {
      name: string;
      quote_ns: number;
      health_ns: number;
    }[];
    console.log("case               |  TS quote   | Rust quote  | ratio  |  TS health  | Rust health | ratio  | target");
    const misses: string[] = [];
    for (const [i, c] of cases.entries()) {
      // Each case in a fresh process, as each Rust case runs alone: one JIT state per portfolio kind. In one process
      // a case timed after the others can read several times slower, the optimizer's type feedback left polymorphic.
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--case", String(i)], { encoding: "utf8" });
      const [tsQuote, tsHealth] = out.trim().split(" ").map(BigInt);
      const [rustQuote, rustHealth] = [BigInt(rust[i].quote_ns), BigInt(rust[i].health_ns)];
      const model = (c.input as { model: string }).model;
      const target = c.kind === "spot" || model === "rules" ? "≤ 10× Rust" : c.kind === "options" ? "< 2 ms" : "";
      const met =
        target === "≤ 10× Rust" ? tsQuote <= TARGET_RATIO * rustQuote : target === "< 2 ms" ? tsQuote < OPTIONS_TARGET_NS : true;
      if (!met) misses.push(c.name);
      console.log(
        [c.name.padEnd(18), micros(tsQuote).padStart(11), micros(rustQuote).padStart(11), ratio(tsQuote, rustQuote).padStart(6),
          micros(tsHealth).padStart(11), micros(rustHealth).padStart(11), ratio(tsHealth, rustHealth).padStart(6),
          target ? `${target} ${met ? "met" : "MISSED"}` : ""].join(" | "),
      );
    }
    console.log(misses.length ? `targets missed: ${misses.join(", ")}` : "every target met");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const caseFlag = process.argv.indexOf("--case");
if (caseFlag >= 0) timeCase(Number(process.argv[caseFlag + 1]));
else main();
