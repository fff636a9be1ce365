// The program's `math` module (`programs/tightrope/src/math/mod.rs`) in bigint: its error type and the integer
// range checks its functions make, so the SDK fails where the program fails instead of producing a number.
import { RiskError } from "../risk/errors";
import { I128_MAX, mulDiv as riskMulDiv, Rounding } from "../risk/fixed";

export type { Rounding };

/** Why a math function refused, named as the program's `MathError`. */
export type MathErrorCode = "Overflow" | "DivisionByZero" | "InvalidInput";

export class MathError extends Error {
  constructor(readonly code: MathErrorCode) {
    super(`math: ${code}`);
    this.name = "MathError";
  }
}

export const mathFail = (code: MathErrorCode): never => {
  throw new MathError(code);
};

const U128_MAX = (1n << 128n) - 1n;

/** `tightrope_risk::fixed::mul_div` with the program's mapping of its errors (`From<RiskError> for MathError`). */
export function mulDiv(a: bigint, b: bigint, d: bigint, rounding: Rounding): bigint {
  try {
    return riskMulDiv(a, b, d, rounding);
  } catch (e) {
    if (!(e instanceof RiskError)) throw e;
    return mathFail(e.code === "Overflow" ? "Overflow" : e.code === "DivisionByZero" ? "DivisionByZero" : "InvalidInput");
  }
}

/** u128 → i128, as `to_i128`. */
export const toI128 = (x: bigint): bigint => (x > I128_MAX ? mathFail("Overflow") : x);
/** i128 → u128, as `to_u128`. */
export const toU128 = (x: bigint): bigint => (x < 0n ? mathFail("Overflow") : x);
/** A u128 sum or product kept in range, as `checked_add` / `checked_mul` on u128. */
export const checkedU128 = (x: bigint): bigint => (x > U128_MAX || x < 0n ? mathFail("Overflow") : x);
