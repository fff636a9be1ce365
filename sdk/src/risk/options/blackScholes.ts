// Integer Black–Scholes–Merton, as `crates/risk/src/options/black_scholes.rs`: a risk-free rate r and a dividend
// (or borrow) yield q per underlying, both zero by default (then no discounting step runs). Value per whole unit
// of underlying in Fx; with S' = S·e^(−qT) and K' = K·e^(−rT), at or after expiry or at zero volatility the value
// is max(0, ±(S' − K')), and model values are clamped to [max(0, S' − K'), S'] for calls and [max(0, K' − S'), K']
// for puts.
import type { Fx } from "../fixed";
import * as fixed from "../fixed";
import type { Carry, OptionKind } from "../model";
import * as qmath from "./qmath";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { FX_ONE } = fixed;
const { Q48, Q48_ONE, expNegQ48, isqrt, lnQ62, normalCdfQ48 } = qmath;

export const SECONDS_PER_YEAR = 31_536_000n;
const Q96 = 2n * Q48;
const Q62_TO_Q48 = 62n - Q48;
const FAR_Q48 = 64n << Q48;

/** max(0, S − K) for a call, max(0, K − S) for a put. */
export function intrinsic(kind: OptionKind, spot: Fx, strike: Fx): Fx {
  const v = kind === "call" ? spot - strike : strike - spot;
  return v > 0n ? v : 0n;
}

/** σ·√T in Q48 for vol in Fx (0 ≤ vol ≤ 10) and 0 < seconds ≤ 100 years. */
export function volSqrtTimeQ48(vol: Fx, seconds: bigint): bigint {
  const volQ = (vol << Q48) / FX_ONE;
  const yearsQ = (seconds << Q48) / SECONDS_PER_YEAR;
  return isqrt(((volQ * volQ) >> Q48) * yearsQ);
}

/** rate × seconds as years in Q48, truncated toward zero (the rate may be negative: r − q). */
const rateTimeQ48 = (rate: Fx, seconds: bigint): bigint => ((rate * seconds) << Q48) / (FX_ONE * SECONDS_PER_YEAR);

/** e^(−rate·T) in Q48; exactly one for a zero rate, zero beyond rate·T = 45. */
function discountQ48(rate: Fx, seconds: bigint): bigint {
  if (rate === 0n) return Q48_ONE;
  const rt = rateTimeQ48(rate, seconds);
  return expNegQ48(-(rt < MAX_DISCOUNT_EXPONENT ? rt : MAX_DISCOUNT_EXPONENT));
}

const MAX_DISCOUNT_EXPONENT = 45n << Q48;

/** amount × a Q48 factor in [0, 1], floor. */
const scaledQ48 = (amount: Fx, factor: bigint): Fx => (amount * factor) >> Q48;

/** With carry: e^(−qT) in Q48 and the strike's present value K·e^(−rT) (floor). */
type Discount = { spot: bigint; strikePv: Fx } | null;

/** One option line at one volatility: what stays fixed while the spot moves through scenarios. */
export class Pricer {
  /** σ√T in Q48 (zero: intrinsic value) and its floor reciprocal 1/(σ√T), so a scenario multiplies. */
  private readonly volSqrtTime: bigint;
  private readonly inverseVolSqrtTime: bigint;

  private constructor(
    readonly kind: OptionKind,
    readonly strike: Fx,
    /** ln K − (r − q)·T in Q62: the spot's log-moneyness against it is ln(F/K) for the forward F. */
    private readonly lnStrikeQ62: bigint,
    private readonly discount: Discount,
    vol: Fx,
    seconds: bigint,
  ) {
    this.volSqrtTime = seconds > 0n ? volSqrtTimeQ48(vol, seconds) : 0n;
    this.inverseVolSqrtTime = this.volSqrtTime > 0n ? (1n << Q96) / this.volSqrtTime : 0n;
  }

  /** strike in [1, MAX_PRICE], vol in [0, 10], seconds ≤ 100 years (non-positive: expired), carry in [0, 1]. */
  static create(kind: OptionKind, strike: Fx, vol: Fx, seconds: bigint, carry: Carry): Pricer {
    const left = seconds > 0n ? seconds : 0n;
    const carried = (carry.rate !== 0n || carry.yieldRate !== 0n) && left > 0n;
    const drift = carried ? rateTimeQ48(carry.rate - carry.yieldRate, left) << Q62_TO_Q48 : 0n;
    const discount = carried
      ? { spot: discountQ48(carry.yieldRate, left), strikePv: scaledQ48(strike, discountQ48(carry.rate, left)) }
      : null;
    return new Pricer(kind, strike, lnQ62(strike) - drift, discount, vol, seconds);
  }

  /** The same line at another volatility (the strike's logarithm is reused). */
  withVol(vol: Fx, seconds: bigint): Pricer {
    return new Pricer(this.kind, this.strike, this.lnStrikeQ62, this.discount, vol, seconds);
  }

  /** Value per unit at `spot` (Fx, in [0, 2·MAX_PRICE]) whose lnQ62 the caller has (any value at a zero spot). */
  valueAt(spot: Fx, lnSpotQ62: bigint): Fx {
    // The spot and strike the model weighs: discounted by the carry, or as they are.
    const [spotPv, strikePv] = this.discount ? [scaledQ48(spot, this.discount.spot), this.discount.strikePv] : [spot, this.strike];
    const floor = intrinsic(this.kind, spotPv, strikePv);
    const v = this.volSqrtTime;
    // A zero spot (a −100% scenario) is exactly intrinsic: the call worthless, the put worth the strike.
    if (v === 0n || spot === 0n) return floor;
    const d1 = this.d1(lnSpotQ62);
    const d2 = d1 - v;
    // A call weighs S by N(d1) and K by N(d2), a put S by N(−d1) and K by N(−d2).
    if (this.kind === "call") {
      const model = ((spotPv * normalCdfQ48(d1)) >> Q48) - ((strikePv * normalCdfQ48(d2)) >> Q48);
      return model < floor ? floor : model > spotPv ? spotPv : model;
    }
    const model = ((strikePv * normalCdfQ48(-d2)) >> Q48) - ((spotPv * normalCdfQ48(-d1)) >> Q48);
    return model < floor ? floor : model > strikePv ? strikePv : model;
  }

  value(spot: Fx): Fx {
    return this.valueAt(spot, spot > 0n ? lnQ62(spot) : 0n);
  }

  /** d1 = ln(F/K)·(1/σ√T) + σ√T/2 (floor shifts) of a line with σ√T > 0. */
  private d1(lnSpotQ62: bigint): bigint {
    const v = this.volSqrtTime;
    const x = (lnSpotQ62 - this.lnStrikeQ62) >> Q62_TO_Q48;
    // With σ√T < 1 and |x| ≥ 16σ√T both |d| exceed 15, where N is exactly 0 or 1: x/σ√T becomes ±64.
    const far = v < Q48_ONE && (x < 0n ? -x : x) >= 16n * v;
    const xOverV = far ? (x < 0n ? -FAR_Q48 : FAR_Q48) : (x * this.inverseVolSqrtTime) >> Q48;
    return xOverV + (v >> 1n);
  }
}
