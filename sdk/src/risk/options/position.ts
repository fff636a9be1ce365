// An option position's exposure, units, time to expiry and value, shared by equity, the rules model and TIMS
// (`crates/risk/src/options/position.rs`).
import { Fx, mul } from "../fixed";
import type { Exposure } from "../marks";
import type { OptionPosition } from "../model";
import { Pricer } from "./blackScholes";

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

export const pricer = (o: OptionPosition, vol: Fx, now: bigint): Pricer =>
  Pricer.create(o.kind, o.strike, vol, secondsToExpiry(o, now));

/**
 * Value per unit at one spot after another (an account's levels): the market mark when given, else the model,
 * set up at most once; a spot equal to the one before is not revalued.
 */
export class UnitValues {
  private line: Pricer | undefined;
  private last: [Fx, Fx] | undefined;

  constructor(
    private readonly o: OptionPosition,
    private readonly now: bigint,
  ) {}

  at(spot: Fx): Fx {
    if (this.o.mark !== null) return this.o.mark;
    if (this.last && this.last[0] === spot) return this.last[1];
    this.line ??= pricer(this.o, this.o.vol, this.now);
    const value = this.line.value(spot);
    this.last = [spot, value];
    return value;
  }
}

/** Value per unit at `spot` for equity and premium. */
export const unitValue = (o: OptionPosition, spot: Fx, now: bigint): Fx => new UnitValues(o, now).at(spot);
