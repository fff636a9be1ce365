// Integer ln, exp, sqrt and the standard normal CDF of the Black–Scholes kernel, step for step as
// `crates/risk/src/options/qmath.rs`: Q48 holds x as x·2^48, Q62 as x·2^62; products shift back with `>>` (floor,
// as Rust's on signed values) and divisions truncate (as Rust's). Rust runs several lanes side by side for speed;
// each lane is exactly the one-lane result, which is what these scalar functions compute. Where Rust narrows to 64
// bits its comments prove the value fits, so exact bigint arithmetic gives the same numbers.

export const Q48 = 48n;
export const Q48_ONE = 1n << Q48;
const Q62 = 62n;
const Q62_ONE = 1n << Q62;

const LN2_Q62 = 3_196_577_161_300_663_915n;
const SQRT2_Q62 = 6_521_908_912_666_391_106n;
const LN2_OVER_16_Q62 = 199_786_072_581_291_495n;
const SIXTEEN_OVER_LN2_Q48 = 6_497_320_848_556_798n;
const TWO_POW_SIXTEENTHS_Q62 = [
  4_611_686_018_427_387_904n, 4_815_862_801_830_788_490n, 5_029_079_263_719_320_435n, 5_251_735_624_851_448_219n,
  5_484_249_825_272_419_512n, 5_727_058_308_814_112_983n, 5_980_616_842_327_661_685n, 6_245_401_371_186_603_363n,
  6_521_908_912_666_391_106n, 6_810_658_488_877_194_079n, 7_112_192_101_001_162_095n, 7_427_075_746_662_858_866n,
  7_755_900_482_342_532_474n, 8_099_283_532_826_439_817n, 8_457_869_449_776_733_335n, 8_832_331_321_595_618_838n,
];
/** 1/n! for n = 0..=8 in Q62. */
const INV_FACTORIAL_Q62 = [
  4_611_686_018_427_387_904n, 4_611_686_018_427_387_904n, 2_305_843_009_213_693_952n, 768_614_336_404_564_651n,
  192_153_584_101_141_163n, 38_430_716_820_228_233n, 6_405_119_470_038_039n, 915_017_067_148_291n,
  114_377_133_393_536n,
];
/** Hart (1968) normal CDF coefficients in Q40 (G. West, 2005), highest power first. */
const HART_P = [
  38_771_525_036n, 770_079_323_253n, 7_008_245_557_788n, 37_287_590_584_392n, 123_232_484_234_805n,
  243_226_921_210_984n, 242_120_011_785_791n,
];
const HART_Q = [
  97_184_015_999n, 1_930_376_460_424n, 17_662_750_038_997n, 95_416_424_124_054n, 326_075_839_915_906n,
  700_755_740_672_751n, 872_821_480_952_553n, 484_240_023_571_582n,
];
const HART_CUT_Q48 = 1_990_328_647_664_302n;
const CF_TAIL_Q48 = 182_958_734_861_926n;
const INV_SQRT_2PI_Q48 = 112_292_269_084_889n;
const CDF_SATURATION_Q48 = 9n << Q48;
// Shift amounts and rounding terms, formed once rather than per call.
const Q49 = Q48 + 1n;
const Q96 = 2n * Q48;
const HALF_Q96 = 1n << (Q96 - 1n);
const Q62_MINUS_Q48 = Q62 - Q48;
/** The series' odd reciprocals 1/(2k+1) in Q62, k = 0..=11, truncated as Rust's integer division. */
const LN_SERIES_Q62 = Array.from({ length: 12 }, (_, k) => Q62_ONE / BigInt(2 * k + 1));

/** floor(log2 d) of each hexadecimal digit d. */
const DIGIT_LOG2 = [0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3];

/** floor(log2 n) for n > 0: four bits per hexadecimal digit below the leading one, whose own bits it adds (bigint
 * prints in a power-of-two radix without dividing, faster than a binary search of shifts). */
function log2Floor(n: bigint): bigint {
  const hex = n.toString(16);
  return BigInt(4 * (hex.length - 1) + DIGIT_LOG2[parseInt(hex[0], 16)]);
}

/** ln(n) in Q62 for a positive integer n (u128). */
export function lnQ62(n: bigint): bigint {
  const top = log2Floor(n);
  // Mantissa in [1, 2) as Q62; truncating very large n keeps 63 significant bits.
  const m = top >= Q62 ? n >> (top - Q62) : n << (Q62 - top);
  // Centre on [1/√2, √2): z = (m − c)/(m + c) with c = 1, or c = 2 (meaning m/2) when m > √2.
  const [centre, exponent] = m > SQRT2_Q62 ? [2n * Q62_ONE, top + 1n] : [Q62_ONE, top];
  const zMagnitude = ((m > centre ? m - centre : centre - m) << Q62) / (m + centre);
  const w = (zMagnitude * zMagnitude) >> Q62;
  // ln m = 2z·Σ w^k/(2k+1), k = 0..=11.
  let acc = LN_SERIES_Q62[11];
  for (let k = 10; k >= 0; k--) acc = ((acc * w) >> Q62) + LN_SERIES_Q62[k];
  const z = m < centre ? -zMagnitude : zMagnitude;
  return exponent * LN2_Q62 + ((2n * z * acc) >> Q62);
}

/** exp(y) in Q48 for Q48 y with −2^54 < y ≤ 0. */
export function expNegQ48(y: bigint): bigint {
  // y = k·(ln2/16) + r with k = round(y · 16/ln2), so |r| ≤ ln2/32 (plus a few quanta).
  const k = (y * SIXTEEN_OVER_LN2_Q48 + HALF_Q96) >> Q96;
  const r = (y << Q62_MINUS_Q48) - k * LN2_OVER_16_Q62;
  let acc = INV_FACTORIAL_Q62[8];
  for (let n = 7; n >= 0; n--) acc = ((acc * r) >> Q62) + INV_FACTORIAL_Q62[n];
  // exp(y) = exp(r) · 2^(j/16) · 2^q with k = 16q + j (Euclidean: bigint `&` and `>>` floor like rem/div_euclid).
  const scaled = (acc * TWO_POW_SIXTEENTHS_Q62[Number(k & 15n)]) >> Q62;
  const shift = Q62_MINUS_Q48 - (k >> 4n);
  return shift >= 63n ? 0n : scaled >> shift;
}

/** floor(√n), exact (the unique answer, whichever start Newton takes from above). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << (log2Floor(n) / 2n + 1n);
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

/** Horner from the highest power; Rust starts from zero, whose first step gives the leading coefficient exactly. */
function hornerQ40(coefficients: readonly bigint[], a: bigint): bigint {
  let acc = coefficients[0];
  for (let i = 1; i < coefficients.length; i++) acc = ((acc * a) >> Q48) + coefficients[i];
  return acc;
}

/** The standard normal CDF N(x) in Q48 for a Q48 x in i64 (exactly 0 or 1 beyond |x| = 9). */
export function normalCdfQ48(x: bigint): bigint {
  const a = x < 0n ? -x : x;
  if (a >= CDF_SATURATION_Q48) return x >= 0n ? Q48_ONE : 0n;
  const gauss = expNegQ48(-((a * a) >> Q49));
  let tail: bigint;
  if (a < HART_CUT_Q48) {
    tail = (gauss * hornerQ40(HART_P, a)) / hornerQ40(HART_Q, a);
  } else {
    // Continued fraction a + 1/(a + 2/(a + 3/(a + 4/(a + 0.65)))) for the far tail.
    let s = a + CF_TAIL_Q48;
    for (let n = 4n; n >= 1n; n--) s = a + (n << Q96) / s;
    tail = (gauss * INV_SQRT_2PI_Q48) / s;
  }
  return x >= 0n ? Q48_ONE - tail : tail;
}
