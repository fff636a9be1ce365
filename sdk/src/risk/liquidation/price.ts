// Liquidation price (`crates/risk/src/liquidation/price.rs`): for one underlying, the price at which maintenance
// health reaches zero with everything else fixed.
import { health } from "../engine";
import { fail } from "../errors";
import { Fx, I128_MAX, Money } from "../fixed";
import { MAX_PRICE, Model, Portfolio } from "../model";
import { validate } from "../validate";
import { bisect } from "./bisect";

export interface LiquidationPrices {
  /** Maintenance health at the current price. */
  health: Money;
  /** The lowest price at or below the current one keeping health ≥ 0 all the way up; null: no trigger below. */
  lower: Fx | null;
  /** The same going up. Both are null when health is already negative. */
  upper: Fx | null;
}

/** Walks from the current price by halving (or doubling) until health turns negative, then bisects to the unit. */
function trigger(healthAt: (price: Fx) => Money, start: Fx, downward: boolean): Fx | null {
  let healthy = start;
  for (;;) {
    let probe: Fx;
    if (downward) probe = healthy / 2n > 1n ? healthy / 2n : 1n;
    else {
      const doubled = healthy * 2n > I128_MAX ? I128_MAX : healthy * 2n;
      probe = doubled < MAX_PRICE ? doubled : MAX_PRICE;
    }
    if (probe === healthy) return null;
    if (healthAt(probe) < 0n) return bisect(healthy, probe, (price) => healthAt(price) >= 0n);
    healthy = probe;
  }
}

export function liquidationPrices(p: Portfolio, model: Model, asset: number): LiquidationPrices {
  validate(p);
  if (asset >= p.assets.length) fail("UnknownIndex");
  const assets = [...p.assets];
  const healthAt = (price: Fx): Money => {
    assets[asset] = { ...p.assets[asset], price };
    return health({ ...p, assets }, model, "maintenance");
  };
  const current = p.assets[asset].price;
  const now = healthAt(current);
  if (now < 0n) return { health: now, lower: null, upper: null };
  const lower = trigger(healthAt, current, true);
  const upper = trigger(healthAt, current, false);
  return { health: now, lower, upper };
}
