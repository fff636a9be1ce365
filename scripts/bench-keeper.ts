/**
 * `npm run bench:keeper`: the keeper's re-evaluation time after one price tick, index against full sweep in the same
 * run, on synthetic populations (keeper/bench/population.ts: the deploy script's assets and tiers, both margin
 * models, longs, shorts, hedges, multi-asset books and savers). For each size it builds the index, then applies
 * a sequence of SOL, ETH and BTC ticks; each tick is timed through the index (the keeper's path) and then checked
 * by a full sweep (every account re-evaluated exactly, what a rescanning bot does each time), which also counts
 * disagreements. Memory is the heap growth the population and its index cost.
 *
 *   npm run bench:keeper -- [--accounts 100000,1000000] [--seed 1]
 */
import { parseArgs } from "node:util";

import { HealthIndex } from "../keeper/src/index/healthIndex";
import { deployMarket, moved, population, SYMBOLS } from "../keeper/bench/population";

/** The ticks replayed: ordinary moves (Pyth publishes every 400 ms) and a crash-sized one. */
const TICKS: [asset: number, move: number][] = [
  [1, -0.001],
  [1, -0.001],
  [2, 0.002],
  [3, -0.002],
  [1, -0.01],
  [1, 0.005],
];

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function heapUsed(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

function run(count: number, seed: number): void {
  const before = heapUsed();
  let started = performance.now();
  const accounts = population(count, seed);
  const generated = performance.now() - started;
  const market = deployMarket();
  const index = new HealthIndex(market);
  started = performance.now();
  for (const account of accounts) index.upsert(account);
  const built = performance.now() - started;
  const memory = heapUsed() - before;
  const stats = index.stats();
  console.log(
    `\n${count.toLocaleString("en-US")} accounts: generated in ${ms(generated)}, index built in ${ms(built)}; ` +
      `heap ${mb(memory)} (index edges ${mb(stats.heapBytes)}); ${stats.watched} watched, ${stats.unhealthy} below maintenance`,
  );
  console.log("tick            index     evaluated   full sweep   below maint.   disagreements");
  const indexTimes: number[] = [];
  const sweepTimes: number[] = [];
  for (const [asset, move] of TICKS) {
    const { price, conf } = moved(market, asset, move);
    let t = performance.now();
    const result = index.tick(asset, price, conf);
    const indexMs = performance.now() - t;
    t = performance.now();
    const sweep = index.sweep();
    const sweepMs = performance.now() - t;
    indexTimes.push(indexMs);
    sweepTimes.push(sweepMs);
    const label = `${SYMBOLS[asset]} ${move > 0 ? "+" : ""}${(move * 100).toFixed(1)}%`;
    console.log(
      `${label.padEnd(14)}${ms(indexMs).padStart(9)}${String(result.evaluated).padStart(12)}` +
        `${ms(sweepMs).padStart(13)}${String(sweep.unhealthy).padStart(15)}${String(sweep.disagreements.length).padStart(16)}`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `median: index ${ms(median(indexTimes))}, max ${ms(Math.max(...indexTimes))}; full sweep ${ms(median(sweepTimes))}; ` +
      `speed-up ×${(median(sweepTimes) / median(indexTimes)).toFixed(0)}`,
  );
}

function main(): void {
  const { values } = parseArgs({ options: { accounts: { type: "string", default: "100000,1000000" }, seed: { type: "string", default: "1" } } });
  if (!global.gc) console.log("(run with node --expose-gc for exact memory figures; npm run bench:keeper does)");
  for (const count of values.accounts!.split(",").map(Number)) run(count, Number(values.seed));
}

main();
