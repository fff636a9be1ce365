// Valuation points (`crates/risk/src/tims/scenarios.rs`): pointsDown equidistant shocks from −bandDown up to (not
// including) zero, then pointsUp from zero (exclusive) to +bandUp; initial margin scales every shock by the tier's
// multiplier. Magnitudes round up, so a band is never narrowed by rounding.
import { Fx, add, max, mulDiv, mulFx, sub } from "../fixed";
import type { Level, Tier } from "../model";

export const pointCount = (tier: Tier): number => tier.pointsDown + tier.pointsUp;

/** The signed shock (Fx fraction of price) of point `index`, widest down move first. */
export function shock(tier: Tier, level: Level, index: number): Fx {
  const down = tier.pointsDown;
  const negative = index < down;
  const [band, points, step] = negative ? [tier.bandDown, down, down - index] : [tier.bandUp, tier.pointsUp, index - down + 1];
  let magnitude = mulDiv(band, BigInt(step), BigInt(points), "up");
  if (level === "initial") magnitude = mulFx(magnitude, tier.initialMultiplier, "up");
  return negative ? -magnitude : magnitude;
}

/** `price` moved by `shock`, the move rounded away from zero, floored at zero. */
export function scenarioPrice(price: Fx, shockFx: Fx): Fx {
  const step = mulFx(price, shockFx < 0n ? -shockFx : shockFx, "up");
  return shockFx < 0n ? max(sub(price, step), 0n) : add(price, step);
}
