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

/** Both levels' shocks by the tier fields they depend on (bands, points, extreme multiple, initial multiplier), so
 * the presets every account shares are computed once per process; cleared when it reaches MEMO_LIMIT entries. */
const memo = new Map<string, Readonly<Record<Level, readonly Fx[]>>>();
const MEMO_LIMIT = 256;

/** The signed shocks of every point at each of `levels` (shared: read, never written). */
export function tierShocks(tier: Tier, levels: readonly Level[]): (readonly Fx[])[] {
  const key = `${tier.bandDown} ${tier.bandUp} ${tier.pointsDown} ${tier.pointsUp} ${tier.extreme.multiple} ${tier.initialMultiplier}`;
  let shocks = memo.get(key);
  if (!shocks) {
    const magnitudes = Array.from({ length: pointCount(tier) }, (_, j) => maintenanceMagnitude(tier, j));
    const at = (level: Level) => magnitudes.map((magnitude, j) => signedAt(tier, level, j, magnitude));
    shocks = { initial: at("initial"), maintenance: at("maintenance") };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, shocks);
  }
  const found = shocks;
  return levels.map((level) => found[level]);
}

/** `price` moved by `shock`, the move rounded away from zero, floored at zero. */
export function scenarioPrice(price: Fx, shockFx: Fx): Fx {
  const step = mulFx(price, shockFx < 0n ? -shockFx : shockFx, "up");
  return shockFx < 0n ? max(sub(price, step), 0n) : add(price, step);
}
