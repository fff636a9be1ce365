// An account's maintenance health as one underlying's price moves, everything else held: at the prices the TIMS
// scan revalues the underlying at (its tier's maintenance valuation points), at the current price and at the
// liquidation prices, where the curve crosses zero. What a page charts to show how far the account is from
// liquidation and why; every point is the engine's own figure, under the account's model.
import { health } from "./risk/engine";
import type { Fx, Money } from "./risk/fixed";
import { liquidationPrices, LiquidationPrices } from "./risk/liquidation/price";
import type { Model, Portfolio } from "./risk/model";
import { scenarioPrice, tierShocks } from "./risk/tims/scenarios";

export interface CurvePoint {
  price: Fx;
  /** Maintenance health with the underlying at `price` (quote minor units). */
  health: Money;
  /** The scan's shock (Fx fraction of the current price) for a valuation point; null for the others. */
  shock: Fx | null;
  kind: "scan" | "current" | "liquidation";
}

export interface HealthCurve {
  /** The underlying's index in the portfolio's assets. */
  asset: number;
  /** By price, lowest first; a price appears once (a scan point at the current price counts as current). */
  points: CurvePoint[];
  liquidation: LiquidationPrices;
}

/** Maintenance health of `p` under `model` against the price of `asset`, on its tier's scan grid. */
export function healthCurve(p: Portfolio, model: Model, asset: number): HealthCurve {
  const liquidation = liquidationPrices(p, model, asset);
  const assets = [...p.assets];
  const at = (price: Fx): Money => {
    assets[asset] = { ...p.assets[asset], price };
    return health({ ...p, assets }, model, "maintenance");
  };
  const current = p.assets[asset].price;
  const byPrice = new Map<bigint, CurvePoint>();
  const add = (point: Omit<CurvePoint, "health">) => {
    if (!byPrice.has(point.price)) byPrice.set(point.price, { ...point, health: at(point.price) });
  };
  add({ price: current, shock: null, kind: "current" });
  for (const price of [liquidation.lower, liquidation.upper]) if (price !== null) add({ price, shock: null, kind: "liquidation" });
  const [shocks] = tierShocks(p.tiers[p.assets[asset].tier], ["maintenance"]);
  for (const shock of shocks) add({ price: scenarioPrice(current, shock), shock, kind: "scan" });
  const points = [...byPrice.values()].sort((a, b) => (a.price < b.price ? -1 : a.price > b.price ? 1 : 0));
  return { asset, points, liquidation };
}
