// Liquidation price (`crates/risk/src/liquidation/price.rs`): for one underlying, the price at which maintenance
// health reaches zero with everything else fixed.
import * as engine from "../engine";
import * as errors from "../errors";
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Model, Portfolio } from "../model";
import * as model from "../model";
import * as validation from "../validate";
import * as bisection from "./bisect";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { health } = engine;
const { fail } = errors;
const { I128_MAX } = fixed;
const { MAX_PRICE } = model;
const { validate } = validation;
const { bisect } = bisection;

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
