// Synthetic accounts for the index's benchmark and property test: the deploy script's four assets, tiers and rules
// (migrations/deploy.ts, in the engine's form), and a seeded mix of the books traders hold, under both models:
// leveraged longs and shorts against USDC, hedged pairs, multi-asset books and plain savers, spread from deep in
// the money to just below maintenance. Floats only choose sizes here; every amount handed to the engine is a bigint.
import { risk } from "@tightrope/sdk";

import type { Market, TrackedAccount } from "../src/index/box";

const { FX_ONE, RULES_PRESETS, TIER_PRESETS, CARRY_NONE } = risk;
const pct = (n: number) => (FX_ONE * BigInt(Math.round(n * 100))) / 10_000n;

export const SYMBOLS = ["USDC", "SOL", "ETH", "BTC"] as const;
const DECIMALS = [6, 9, 8, 8];
const DOLLARS = [1, 100, 3_000, 60_000];
/** Rules rates, percent, and tiers as deploy.ts lists them: USDC cash, SOL alts, ETH and BTC majors. */
const INITIAL: [number, number][] = [[0, 2], [50, 50], [40, 40], [40, 40]];
const MAINTENANCE: [number, number][] = [[0, 1], [25, 30], [20, 25], [20, 25]];
const TIER_OF = [0, 2, 1, 1];
/** Pyth's usual confidence, 0.05% of the price. */
const CONF_SHARE = 2_000n;

function tiers(): risk.Tier[] {
  const band = (down: number, up: number, vol: number, floor: number): risk.Tier => ({
    ...TIER_PRESETS.single_name,
    bandDown: pct(down),
    bandUp: pct(up),
    volDown: pct(vol),
    volUp: pct(vol),
    perContractMin: 0n,
    floorShare: pct(floor),
  });
  return [TIER_PRESETS.cash, band(15, 12, 25, 1), band(25, 20, 35, 2)];
}

export function deployMarket(): Market {
  const assets = SYMBOLS.map((_, i): risk.Asset => {
    const price = BigInt(DOLLARS[i]) * FX_ONE;
    const [[initialLong, initialShort], [long, short]] = [INITIAL[i], MAINTENANCE[i]];
    return {
      decimals: DECIMALS[i],
      price,
      conf: price / CONF_SHARE,
      stablePrice: price,
      tier: TIER_OF[i],
      rules: { ...RULES_PRESETS.volatile, initialLong: pct(initialLong), initialShort: pct(initialShort), maintenanceLong: pct(long), maintenanceShort: pct(short) },
      carry: CARRY_NONE,
      tracks: null,
    };
  });
  // Edges assume twice today's confidence; a wider tick rebuilds that asset's holders (HealthIndex.tick).
  return { assets, confRatio: assets.map(() => (2n * FX_ONE) / CONF_SHARE), tiers: tiers(), groupOffsets: [], now: 0n };
}

/** mulberry32: a small seeded generator, so a benchmark run and a failing property case can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Native units of asset `i` worth `usd` dollars at its listing price. */
const units = (i: number, usd: number) => BigInt(Math.max(1, Math.floor((usd / DOLLARS[i]) * 10 ** DECIMALS[i])));

/**
 * One account. `leverage` is debt over the most the maintenance rates allow against the collateral: below 1 is
 * healthy, a little above is just under water (the mix keeps about 1% there, as a stressed book would).
 */
export function syntheticAccount(rand: () => number, key: string): TrackedAccount {
  const model: risk.Model = rand() < 0.5 ? "rules" : "tims";
  const pick = (from: number[]) => from[Math.floor(rand() * from.length)];
  const collateral = 100 * Math.exp(rand() * Math.log(10_000)); // $100 to $1,000,000, log-uniform
  const leverage = rand() < 0.01 ? 1 + rand() * 0.05 : Math.sqrt(rand());
  const deposits = new Map<number, number>();
  const borrows = new Map<number, number>();
  const kind = rand();
  if (kind < 0.3) {
    const a = pick([1, 2, 3]); // a leveraged long against USDC
    deposits.set(a, collateral);
    borrows.set(0, collateral * leverage * (1 - MAINTENANCE[a][0] / 100) * 0.97);
  } else if (kind < 0.6) {
    const a = pick([1, 2, 3]); // a short: USDC collateral, an asset borrowed
    deposits.set(0, collateral);
    borrows.set(a, (collateral * leverage) / (1 + MAINTENANCE[a][1] / 100) * 0.9);
  } else if (kind < 0.75) {
    const [a, b] = pick([1, 2]) === 1 ? [1, 2] : [3, 2]; // hedged: SOL or BTC long against ETH
    deposits.set(a, collateral);
    borrows.set(b, collateral * leverage * 0.55);
  } else if (kind < 0.9) {
    deposits.set(0, collateral * 0.5); // multi-asset: USDC and an asset deposited, two others borrowed
    deposits.set(3, collateral * 0.5);
    borrows.set(1, collateral * leverage * 0.35);
    borrows.set(2, collateral * leverage * 0.3);
  } else {
    deposits.set(pick([0, 1, 2, 3]), collateral); // a saver
  }
  const positions: risk.SpotPosition[] = SYMBOLS.map((_, i) => i)
    .filter((i) => deposits.has(i) || borrows.has(i))
    .map((i) => ({ type: "spot", asset: i, deposit: deposits.has(i) ? units(i, deposits.get(i)!) : 0n, borrow: borrows.has(i) ? units(i, borrows.get(i)!) : 0n }));
  return { key, model, positions };
}

export function population(count: number, seed = 1): TrackedAccount[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => syntheticAccount(rand, `acct-${i}`));
}

/** A price `move` (fraction) away from the current one, confidence 0.05% of it. */
export function moved(market: Market, asset: number, move: number): { price: bigint; conf: bigint } {
  const price = (market.assets[asset].price * BigInt(Math.round((1 + move) * 1e9))) / 1_000_000_000n;
  return { price, conf: price / CONF_SHARE };
}
