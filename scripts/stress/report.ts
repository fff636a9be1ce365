// The stress demo's report, per margin model, from the program's own events and the books' sampled health, and the
// keeper's reaction time from its log. Liquidation figures come from one function, `liquidationFigures`, reading the
// `Liquidated` and `BadDebtResolved` events.
import { risk } from "../../sdk/src";
import { value } from "../../sdk/src/risk/fixed";
import type { Observer, ProgramEvent } from "./observe";

type Model = risk.Model;
const MODELS: Model[] = ["rules", "tims"];

export interface LiquidationFigures {
  liquidated: Set<string>;
  /** Quote minor units (6 decimals), at the oracle prices the program used. */
  volume: bigint;
  /** What liquidators received beyond the debt they took over. */
  discount: bigint;
  /** Paid into the insurance fund by liquidations, and out of it to cover bad debt. */
  insuranceIn: bigint;
  insuranceUsed: bigint;
  badDebt: bigint;
  socialized: bigint;
}

const big = (v: unknown): bigint => (v === undefined || v === null ? 0n : BigInt(String(v)));
const key = (v: unknown): string => String((v as { toBase58?: () => string })?.toBase58?.() ?? v);

/**
 * Sums the liquidation events per model of the account liquidated, in quote minor units: each leg valued at the
 * oracle price the program used (`liquidateePrices`); a write-off at the last price a liquidation used for its
 * asset. `decimalsOf` gives an asset's decimals by address.
 */
export function liquidationFigures(events: ProgramEvent[], modelOf: (account: string) => Model | undefined, decimalsOf: (asset: string) => number): Record<Model, LiquidationFigures> {
  const empty = (): LiquidationFigures => ({ liquidated: new Set(), volume: 0n, discount: 0n, insuranceIn: 0n, insuranceUsed: 0n, badDebt: 0n, socialized: 0n });
  const out: Record<Model, LiquidationFigures> = { rules: empty(), tims: empty() };
  const lastPrice = new Map<string, bigint>();
  const worth = (asset: string, native: bigint) => value(native, lastPrice.get(asset) ?? 0n, decimalsOf(asset), "down");
  for (const e of events) {
    if (e.name === "liquidated") {
      for (const used of e.data.liquidateePrices as { asset: unknown; price: unknown }[]) lastPrice.set(key(used.asset), big(used.price));
      const model = modelOf(key(e.data.liquidatee));
      if (!model) continue;
      const [liability, collateral] = [key(e.data.liabilityAsset), key(e.data.collateralAsset)];
      const f = out[model];
      f.liquidated.add(key(e.data.liquidatee));
      const repaid = worth(liability, big(e.data.repay));
      f.volume += repaid;
      f.discount += worth(collateral, big(e.data.seize) - big(e.data.insuranceFee)) - repaid;
      f.insuranceIn += worth(collateral, big(e.data.insuranceFee));
    } else if (e.name === "badDebtResolved") {
      const model = modelOf(key(e.data.marginAccount));
      if (!model) continue;
      const asset = key(e.data.asset);
      out[model].badDebt += worth(asset, big(e.data.badDebt));
      out[model].insuranceUsed += worth(asset, big(e.data.covered));
      out[model].socialized += worth(asset, big(e.data.socialized));
    }
  }
  return out;
}

/** Quote minor units as dollars, integer arithmetic only. */
export function usd(minor: bigint): string {
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  const cents = (abs + 5_000n) / 10_000n;
  return `${sign}$${(cents / 100n).toLocaleString("en-US")}.${(cents % 100n).toString().padStart(2, "0")}`;
}

function percentile(xs: number[], p: number): number | undefined {
  if (xs.length === 0) return undefined;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface KeeperLog {
  /** Tick-to-send of every transaction the keeper sent, ms, by action (flag, liquidate, resolveBadDebt). */
  tickToSendMs: Map<string, number[]>;
  /** Accounts skipped, by reason (e.g. liquidation not yet available). */
  skipped: Map<string, number>;
  disagreements: number;
}

/** The USDC insurance fund (minor units) when the replay starts and ends, read from the asset account. */
export interface Insurance {
  start: bigint;
  end: bigint;
}

export function report(o: Observer, keeper: KeeperLog, insurance: Insurance, decimalsOf: (asset: string) => number): string[] {
  const figures = liquidationFigures(o.events, (a) => o.modelOf(a), decimalsOf);
  const flagged: Record<Model, Set<string>> = { rules: new Set(), tims: new Set() };
  for (const e of o.events.filter((x) => x.name === "marginCallOpened")) {
    const model = o.modelOf(key(e.data.marginAccount));
    if (model) flagged[model].add(key(e.data.marginAccount));
  }
  const rows: [string, (m: Model) => string][] = [
    ["accounts", (m) => String(o.books.filter((b) => b.model === m).length)],
    ["below maintenance at some hour", (m) => String([...o.everBelow].filter((a) => o.modelOf(a) === m).length)],
    ["margin calls flagged", (m) => String(flagged[m].size)],
    ["liquidated", (m) => String(figures[m].liquidated.size)],
    ["cured (back above maintenance)", (m) => String([...o.everBelow].filter((a) => o.modelOf(a) === m && (o.lastHealth.get(a) ?? -1n) >= 0n && !figures[m].liquidated.has(a)).length)],
    ["still below maintenance", (m) => String([...o.lastHealth].filter(([a, h]) => o.modelOf(a) === m && h < 0n).length)],
    ["liquidation volume", (m) => usd(figures[m].volume)],
    ["discount paid to liquidators", (m) => usd(figures[m].discount)],
    ["insurance fund paid in (fees)", (m) => usd(figures[m].insuranceIn)],
    ["insurance fund used (bad debt)", (m) => usd(figures[m].insuranceUsed)],
    ["bad debt", (m) => usd(figures[m].badDebt)],
    ["socialized loss", (m) => usd(figures[m].socialized)],
  ];
  const lines = [`${"".padEnd(34)}${"rules-based".padStart(14)}${"TIMS".padStart(14)}`];
  for (const [label, cell] of rows) lines.push(`${label.padEnd(34)}${cell("rules").padStart(14)}${cell("tims").padStart(14)}`);
  const insuranceIn = o.events.filter((e) => e.name === "insuranceFunded").reduce((s, e) => s + big(e.data.amount), 0n);
  const insuranceOut = o.events.filter((e) => e.name === "insuranceWithdrawn").reduce((s, e) => s + big(e.data.amount), 0n);
  const used = MODELS.reduce((s, m) => s + figures[m].insuranceUsed, 0n);
  const fees = MODELS.reduce((s, m) => s + figures[m].insuranceIn, 0n);
  lines.push(
    `insurance fund (USDC): ${usd(insurance.start)} at the start, ${usd(insurance.end)} at the end; ` +
      `in ${usd(insuranceIn + fees)} (funded ${usd(insuranceIn)}, liquidation fees ${usd(fees)} in all assets), ` +
      `out ${usd(insuranceOut + used)} (withdrawn ${usd(insuranceOut)}, covering losses ${usd(used)})`,
  );
  for (const [action, times] of keeper.tickToSendMs) {
    const [median, p99] = [percentile(times, 50)!, percentile(times, 99)!];
    lines.push(`keeper ${action}: ${times.length} attempts, tick to send median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  }
  lines.push(`keeper index disagreements with its full sweeps: ${keeper.disagreements}`);
  for (const [reason, n] of keeper.skipped) lines.push(`keeper skipped ${n} account(s): ${reason}`);
  return lines;
}
