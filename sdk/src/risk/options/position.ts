// An option position's exposure, units, time to expiry and value, shared by equity, the rules model and TIMS
// (`crates/risk/src/options/position.rs`).
import type { Fx } from "../fixed";
import * as fixed from "../fixed";
import type { Exposure } from "../marks";
import type { Carry, OptionPosition, Portfolio, Tier, VolTerm } from "../model";
import { Pricer } from "./blackScholes";
import * as qmath from "./qmath";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { FX_ONE, add, mul, mulFx } = fixed;
const { isqrt } = qmath;

/** Long calls and short puts gain when the underlying rises. */
export function exposure(o: OptionPosition): Exposure {
  return (o.kind === "call") === o.contracts >= 0n ? "long" : "short";
}

/** Signed native units of underlying the position covers: contracts × multiplier. */
export const units = (o: OptionPosition): bigint => mul(o.contracts, o.multiplier);

/** Seconds to expiry, clamped below at zero (expired options are worth intrinsic). */
export function secondsToExpiry(o: OptionPosition, now: bigint): bigint {
  const s = o.expiry - now;
  return s > 0n ? s : 0n;
}

export const pricer = (o: OptionPosition, vol: Fx, now: bigint, carry: Carry): Pricer =>
  Pricer.create(o.kind, o.strike, vol, secondsToExpiry(o, now), carry);

/**
 * The factor on a tier's volatility up-shift for an option `seconds` from expiry: √(reference / time left), rounded
 * up, within the term's bounds; exactly one when the term is off.
 */
export function termScale(term: VolTerm, seconds: bigint): Fx {
  if (term.referenceDays === 0) return FX_ONE;
  if (seconds <= 0n) return term.maxScale;
  const numerator = BigInt(term.referenceDays) * 86_400n * FX_ONE * FX_ONE;
  const ratio = (numerator + seconds - 1n) / seconds;
  const floor = isqrt(ratio);
  const root = floor * floor < ratio ? floor + 1n : floor;
  return root < term.minScale ? term.minScale : root > term.maxScale ? term.maxScale : root;
}

/** The volatility an option is revalued at when its tier shifts volatility up: σ·(1 + volUp × term scale). */
export function shiftedUpVol(o: OptionPosition, tier: Tier, now: bigint): Fx {
  const shift = tier.volTerm.referenceDays === 0 ? tier.volUp : mulFx(tier.volUp, termScale(tier.volTerm, secondsToExpiry(o, now)), "up");
  return add(o.vol, mulFx(o.vol, shift, "up"));
}

/**
 * Value per unit at one spot after another (an account's levels): the market mark when given, else the model,
 * set up at most once; a spot equal to the one before is not revalued.
 */
export class UnitValues {
  private line: Pricer | undefined;
  private last: [Fx, Fx] | undefined;

  constructor(
    private readonly o: OptionPosition,
    private readonly p: Portfolio,
  ) {}

  at(spot: Fx): Fx {
    if (this.o.mark !== null) return this.o.mark;
    if (this.last && this.last[0] === spot) return this.last[1];
    this.line ??= pricer(this.o, this.o.vol, this.p.now, this.p.assets[this.o.asset].carry);
    const value = this.line.value(spot);
    this.last = [spot, value];
    return value;
  }
}

/** Value per unit at `spot` for equity and premium. */
export const unitValue = (o: OptionPosition, spot: Fx, p: Portfolio): Fx => new UnitValues(o, p).at(spot);
