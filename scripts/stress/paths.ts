// The price paths the stress demo replays: hourly candles from scripts/data/stress/ turned into oracle ticks (each
// hour's low, then its close: a crash reaches its low inside the hour), in Pyth's 10^-8 units.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { REPO_ROOT } from "../../sdk/src/localnet";

export const DATA_DIR = path.join(REPO_ROOT, "scripts", "data", "stress");
export const RISKY = ["SOL", "ETH", "BTC"] as const;
export type Risky = (typeof RISKY)[number];

/** The default: SOL through the FTX collapse, BTC and ETH through the COVID crash, hour-aligned from their starts. */
export const DEFAULT_WINDOW = "crash";
const CRASH: Record<Risky, string> = { SOL: "ftx-2022-11", ETH: "covid-2020-03", BTC: "covid-2020-03" };

export interface Replay {
  label: string;
  /** Per asset, the price at each tick (10^-8 USD); an asset the window lacks stays at `flat`. */
  ticks: Record<Risky, bigint[]>;
  /** Hour of each tick, from 0. */
  hourOf: number[];
}

function candles(window: string, asset: Risky): { low: number; close: number; open: number }[] | undefined {
  const file = path.join(DATA_DIR, `${window}_${asset}.csv`);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((row) => {
      const [, open, , low, close] = row.split(",").map(Number);
      return { open, low, close };
    });
}

/** Decimal dollars from the CSV as 10^-8 units, exactly for the few decimals the files carry. */
const units = (dollars: number) => BigInt(Math.round(dollars * 1e8));

export function windows(): string[] {
  const names = new Set(readdirSync(DATA_DIR).filter((f) => f.endsWith(".csv")).map((f) => f.replace(/_[A-Z]+\.csv$/, "")));
  return [DEFAULT_WINDOW, ...[...names].sort()];
}

/** Flat prices for an asset a window lacks (SOL in March 2020). */
const FLAT: Record<Risky, number> = { SOL: 100, ETH: 3_000, BTC: 60_000 };

export function loadReplay(window: string): Replay {
  if (!windows().includes(window)) throw new Error(`unknown window ${window}; choose one of ${windows().join(", ")}`);
  const series = Object.fromEntries(RISKY.map((a) => [a, candles(window === DEFAULT_WINDOW ? CRASH[a] : window, a)])) as Record<Risky, ReturnType<typeof candles>>;
  const hours = Math.min(...RISKY.map((a) => series[a]?.length ?? Infinity));
  const ticks = {} as Record<Risky, bigint[]>;
  for (const a of RISKY) {
    const s = series[a];
    ticks[a] = s ? s.slice(0, hours).flatMap((c) => [units(c.low), units(c.close)]) : Array(hours * 2).fill(units(FLAT[a]));
  }
  const label = window === DEFAULT_WINDOW ? "SOL through FTX (2022-11), BTC and ETH through COVID (2020-03)" : window;
  return { label, ticks, hourOf: Array.from({ length: hours * 2 }, (_, i) => Math.floor(i / 2)) };
}

/** Each asset's first open, where the replay starts the market. */
export function openingPrices(window: string): Record<Risky, bigint> {
  const out = {} as Record<Risky, bigint>;
  for (const a of RISKY) {
    const s = candles(window === DEFAULT_WINDOW ? CRASH[a] : window, a);
    out[a] = units(s ? s[0].open : FLAT[a]);
  }
  return out;
}
