// What the pairing steps share (`crates/risk/src/strategies/mod.rs`): the units each line has left, and a short
// leg's cost alone, counted as its naked charge before less after taking units out.
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Level, OptionKind, OptionPosition, Portfolio } from "../model";
import * as rules from "../rules";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { max, sub, value } = fixed;
const { nakedChargeAt, shortOptionSpot } = rules;

/** Units not yet in a strategy, per position line, and each short option's value per unit at its charging spot. */
export interface Free {
  option: bigint[];
  long: bigint[];
  short: bigint[];
  /** Short call units step 3 covered, charged in step 5 (still open when slicing their naked charge). */
  covered: bigint[];
  unit: Fx[];
}

export function option(p: Portfolio, i: number): OptionPosition | null {
  const q = p.positions[i];
  return q.type === "option" ? q : null;
}

/** Line `i` as the option a strategy recorded it to be. */
export function leg(p: Portfolio, i: number): OptionPosition {
  const o = option(p, i);
  if (o === null) throw new Error("UnknownIndex");
  return o;
}

/** Line `i` if it is an option on `asset` of `kind`, short or long as asked, with units still free. */
export function openLeg(p: Portfolio, free: Free, i: number, asset: number, kind: OptionKind, short: boolean): OptionPosition | null {
  const o = option(p, i);
  return o && o.asset === asset && o.kind === kind && o.contracts < 0n === short && free.option[i] > 0n ? o : null;
}

/** What n of the open (free or covered) units of short option line `i` cost alone: naked charge before less after. */
export function aloneCost(p: Portfolio, level: Level, free: Free, i: number, n: bigint): Money {
  const [o, before, unit] = [leg(p, i), free.option[i] + free.covered[i], free.unit[i]];
  const spot = shortOptionSpot(p, o, level);
  return sub(nakedChargeAt(p, o, before, spot, unit), nakedChargeAt(p, o, before - n, spot, unit));
}

/** Takes n units off short option line `i` and returns what they cost alone. */
export function takeShort(p: Portfolio, level: Level, free: Free, i: number, n: bigint): Money {
  const alone = aloneCost(p, level, free, i, n);
  free.option[i] -= n;
  return alone;
}

/** Money of n units of o's underlying at `perUnit` (Fx), rounded up: a strategy charge. */
export const perUnitCharge = (p: Portfolio, o: OptionPosition, n: bigint, perUnit: Fx): Money =>
  value(n, max(perUnit, 0n), p.assets[o.asset].decimals, "up");
