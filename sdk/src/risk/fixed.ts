// The engine's number formats and its only rounding helpers, as `crates/risk/src/fixed.rs`:
// money is bigint minor units of the quote asset (6 decimals), Fx is bigint scaled by 10^12. Rust holds both in
// i128 and reports leaving that range as `Overflow`; these functions check the same bounds, so an input that
// overflows there fails here with the same error instead of silently producing a larger number.
import { fail } from "./errors";

export type Fx = bigint;
export type Money = bigint;

export const FX_DECIMALS = 12;
export const MONEY_DECIMALS = 6;
export const FX_ONE: Fx = 1_000_000_000_000n;

export const I128_MAX = (1n << 127n) - 1n;
export const I128_MIN = -(1n << 127n);

/** Toward −∞ for what the account owns and for equity; toward +∞ for liabilities, losses and requirements. */
export type Rounding = "down" | "up";

export function checked(x: bigint): bigint {
  return x > I128_MAX || x < I128_MIN ? fail("Overflow") : x;
}

export const add = (a: bigint, b: bigint): bigint => checked(a + b);
export const sub = (a: bigint, b: bigint): bigint => checked(a - b);
export const mul = (a: bigint, b: bigint): bigint => checked(a * b);

export const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const abs = (a: bigint): bigint => (a < 0n ? -a : a);

const POW10: bigint[] = Array.from({ length: 39 }, (_, n) => 10n ** BigInt(n));

/** 10^n for n ≤ 38 (the largest power of ten in i128). */
export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n] : fail("Overflow");
}

/**
 * a × b / d rounded as asked, d positive. Rust forms the magnitude's quotient in 128 unsigned bits and narrows it
 * to i128, so a magnitude above i128::MAX (−2^127 included) is `Overflow` there and here.
 */
export function mulDiv(a: bigint, b: bigint, d: bigint, rounding: Rounding): bigint {
  return divRound(a * b, d, rounding);
}

/** n / d rounded as asked, d positive: mulDiv with the product already formed. */
export function divRound(n: bigint, d: bigint, rounding: Rounding): bigint {
  if (d <= 0n) fail("DivisionByZero");
  // Truncation rounds the magnitude down; step it out when the exact result lies beyond it in the asked direction.
  // The remainder as n − q·d: a multiply costs far less than a second bigint division.
  let q = n / d;
  if (n !== q * d && (n > 0n) === (rounding === "up")) q += n > 0n ? 1n : -1n;
  return q > I128_MAX || q < -I128_MAX ? fail("Overflow") : q;
}

export const mulFx = (a: bigint, x: Fx, rounding: Rounding): bigint => mulDiv(a, x, FX_ONE, rounding);

/** A raw value (native quantity × Fx price) of an asset with `decimals`, in money. */
export function rawToMoney(raw: bigint, decimals: number, rounding: Rounding): Money {
  return divRound(raw, pow10(decimals + FX_DECIMALS - MONEY_DECIMALS), rounding);
}

/** The money value of `native` units at `price` (Fx per whole unit). */
export function value(native: bigint, price: Fx, decimals: number, rounding: Rounding): Money {
  return mulDiv(native, price, pow10(decimals + FX_DECIMALS - MONEY_DECIMALS), rounding);
}
