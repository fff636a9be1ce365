// Conservative marks (`crates/risk/src/marks.rs`): a position that gains when the price rises is valued at the low
// mark, one that gains when it falls at the high mark. Maintenance: P ∓ k·conf; initial also takes the worse of
// oracle and stable price: min(P, stable) − k·conf and max(P, stable) + k·conf.
import type { Fx } from "./fixed";
import * as fixed from "./fixed";
import type { Asset, Level } from "./model";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { add, max, min, mulFx } = fixed;

/** Long: gains when the price rises; short: gains when it falls. */
export type Exposure = "long" | "short";

export const exposureOfSign = (quantity: bigint): Exposure => (quantity >= 0n ? "long" : "short");

export function conservativePrice(asset: Asset, confMultiplier: Fx, level: Level, exposure: Exposure): Fx {
  // The haircut rounds up: it only ever widens the mark against the account.
  const widen = mulFx(asset.conf, confMultiplier, "up");
  if (exposure === "long") {
    const base = level === "maintenance" ? asset.price : min(asset.price, asset.stablePrice);
    return max(base - widen, 0n);
  }
  return add(level === "maintenance" ? asset.price : max(asset.price, asset.stablePrice), widen);
}
