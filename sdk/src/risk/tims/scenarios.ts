// Valuation points (`crates/risk/src/tims/scenarios.rs`): pointsDown equidistant shocks from −bandDown up to (not
// including) zero, then pointsUp from zero (exclusive) to +bandUp. A tier with an extreme move adds one point before
// them at −multiple × bandDown and one after them at +multiple × bandUp, whose P&L counts at the tier's weight.
// Initial margin scales every shock by the tier's multiplier. Magnitudes round up, so a band is never narrowed.
import type { Fx } from "../fixed";
import * as fixed from "../fixed";
import type { Level, Tier } from "../model";
import * as model from "../model";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { add, max, mulDiv, mulFx, sub } = fixed;
const { extremeIsOn } = model;

const extremePoints = (tier: Tier): number => (extremeIsOn(tier.extreme) ? 2 : 0);

export const pointCount = (tier: Tier): number => tier.pointsDown + tier.pointsUp + extremePoints(tier);

/** The weight point `index` counts at: a number for an extreme point, null (in full) for the band's points. */
export function extremeWeight(tier: Tier, index: number): Fx | null {
  const outermost = index === 0 || index + 1 === pointCount(tier);
  return extremeIsOn(tier.extreme) && outermost ? tier.extreme.weight : null;
}

/** The magnitude of point `index`'s shock (Fx fraction of price) at maintenance. */
function maintenanceMagnitude(tier: Tier, index: number): Fx {
  if (extremeWeight(tier, index) !== null) {
    return mulFx(index === 0 ? tier.bandDown : tier.bandUp, tier.extreme.multiple, "up");
  }
  const i = index - extremePoints(tier) / 2;
  const down = tier.pointsDown;
  const [band, points, step] = i < down ? [tier.bandDown, down, down - i] : [tier.bandUp, tier.pointsUp, i - down + 1];
  return mulDiv(band, BigInt(step), BigInt(points), "up");
}

/** A maintenance magnitude at `level` (initial scales it by the tier's multiplier), signed as point `index`'s move. */
function signedAt(tier: Tier, level: Level, index: number, magnitude: Fx): Fx {
  const scaled = level === "initial" ? mulFx(magnitude, tier.initialMultiplier, "up") : magnitude;
  return index < extremePoints(tier) / 2 + tier.pointsDown ? -scaled : scaled;
}

/** The signed shock (Fx fraction of price) of point `index`, widest down move first. */
export const shock = (tier: Tier, level: Level, index: number): Fx =>
  signedAt(tier, level, index, maintenanceMagnitude(tier, index));

/** The signed shocks of every point at each of `levels`, each magnitude computed once for all of them. */
export function tierShocks(tier: Tier, levels: readonly Level[]): Fx[][] {
  const magnitudes = Array.from({ length: pointCount(tier) }, (_, j) => maintenanceMagnitude(tier, j));
  return levels.map((level) => magnitudes.map((magnitude, j) => signedAt(tier, level, j, magnitude)));
}

/** `price` moved by `shock`, the move rounded away from zero, floored at zero. */
export function scenarioPrice(price: Fx, shockFx: Fx): Fx {
  const step = mulFx(price, shockFx < 0n ? -shockFx : shockFx, "up");
  return shockFx < 0n ? max(sub(price, step), 0n) : add(price, step);
}
