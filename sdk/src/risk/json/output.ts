// The `tightrope-risk` JSON outputs (`crates/risk/src/cli/output.rs`): every amount a decimal string, money with 6
// decimals and fixed point with 12. `canonicalJson` prints them as serde_json does (keys sorted, two-space
// indent), so a mirror output and a Rust output are equal exactly when their texts are.
import type { Breakdown, LevelBreakdown } from "../breakdown";
import type { Quote } from "../engine";
import { FX_DECIMALS, Fx, MONEY_DECIMALS, Money } from "../fixed";
import { MAX_PRICE } from "../model";
import type { LiquidationPrices } from "../liquidation/price";
import type { LiquidationSize } from "../liquidation/sizing";
import { formatDecimal } from "./decimal";
import type { Account } from "./input";
import type { Json } from "./shape";

export const money = (m: Money): string => formatDecimal(m, MONEY_DECIMALS);
export const fixed = (x: Fx): string => formatDecimal(x, FX_DECIMALS);

function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
}

/** serde_json's `to_string_pretty` of a map-ordered value: keys sorted, two spaces. */
export const canonicalJson = (value: Json): string => JSON.stringify(sorted(value), null, 2);

export const volShiftName = (shift: number): string => (shift === -1 ? "down" : shift === 1 ? "up" : "none");

function levelJson(account: Account, level: LevelBreakdown): { classes: Json[]; groups: Json[] } {
  const groupName = (g: number | null) => (g === null ? null : account.groups[g]);
  return {
    classes: level.classes.map((c) => ({
      asset: account.symbols[c.asset],
      group: groupName(c.group),
      worst_point: c.worstPoint,
      shock: fixed(c.shock),
      vol_shift: volShiftName(c.volShift),
      loss: money(c.loss),
      floor: money(c.floor),
    })),
    groups: level.groups.map((g) => ({
      group: groupName(g.group),
      share: fixed(g.share),
      sum_of_worst: money(g.sumOfWorst),
      aligned_worst: money(g.alignedWorst),
      credit: money(g.credit),
      floors: money(g.floors),
      requirement: money(g.requirement),
    })),
  };
}

export function quoteJson(account: Account, q: Quote, b: Breakdown): Json {
  const positions = b.positions.map((line, i) => ({
    type: account.portfolio.positions[i].type,
    asset: account.symbols[account.portfolio.positions[i].asset],
    equity: money(line.equity),
    initial: money(line.initial),
    maintenance: money(line.maintenance),
  }));
  const [initial, maintenance] = [levelJson(account, b.initial), levelJson(account, b.maintenance)];
  return {
    model: q.model,
    equity: money(q.equity),
    initial_equity: money(q.initialEquity),
    initial_requirement: money(q.initialRequirement),
    maintenance_requirement: money(q.maintenanceRequirement),
    initial_health: money(q.initialHealth),
    maintenance_health: money(q.maintenanceHealth),
    margin_ratio: q.marginRatio === null ? null : fixed(q.marginRatio),
    breakdown: {
      positions,
      classes: { initial: initial.classes, maintenance: maintenance.classes },
      groups: { initial: initial.groups, maintenance: maintenance.groups },
    },
  };
}

/** The triggers, and for each missing one why there is none. */
export function liquidationPriceJson(account: Account, asset: number, l: LiquidationPrices): Json {
  const out: { [key: string]: Json } = {
    model: account.model,
    asset: account.symbols[asset],
    price: fixed(account.portfolio.assets[asset].price),
    maintenance_health: money(l.health),
    lower: l.lower === null ? null : fixed(l.lower),
    upper: l.upper === null ? null : fixed(l.upper),
  };
  if (l.health < 0n) {
    out.reason = `already below maintenance margin (maintenance health ${money(l.health)}): liquidatable at the current price`;
    return out;
  }
  if (l.lower === null) out.lower_reason = "no price down to 0.000000000001 takes maintenance health below zero";
  if (l.upper === null) out.upper_reason = `no price up to ${fixed(MAX_PRICE)} takes maintenance health below zero`;
  return out;
}

export function liquidationSizeJson(account: Account, liability: number, collateral: number, s: LiquidationSize): Json {
  const units = (asset: number, native: bigint) => formatDecimal(native, account.portfolio.assets[asset].decimals);
  return {
    model: account.model,
    liability: account.symbols[liability],
    collateral: account.symbols[collateral],
    repay: units(liability, s.repay),
    seize: units(collateral, s.seize),
    insurance_fee: units(collateral, s.fee),
    health_before: money(s.healthBefore),
    health_after: money(s.healthAfter),
  };
}
