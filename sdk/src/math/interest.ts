// The kinked utilization interest model accrued by index (`programs/tightrope/src/math/interest.rs`), so the SDK
// brings an untouched asset's indices to now exactly as the program does before pricing an account.
import { FX_ONE, Fx } from "../risk/fixed";
import { checkedU128, mathFail, mulDiv, toI128, toU128 } from "./common";
import { borrowNative, depositNative } from "./shares";

export const SECONDS_PER_YEAR = 365n * 24n * 60n * 60n;
const YEAR_FX = SECONDS_PER_YEAR * FX_ONE;
export const MAX_ANNUAL_RATE: Fx = 10n * FX_ONE;
const I128_MAX = (1n << 127n) - 1n;

export interface InterestModel {
  optimalUtilization: Fx;
  rateAtZero: Fx;
  rateAtOptimal: Fx;
  rateAtMax: Fx;
  protocolFeeShare: Fx;
}

export interface Accrual {
  depositIndex: Fx;
  borrowIndex: Fx;
  interestNative: bigint;
  protocolFeeNative: bigint;
  utilization: Fx;
  borrowRate: Fx;
}

export function validateModel(m: InterestModel): void {
  const ok =
    0n < m.optimalUtilization &&
    m.optimalUtilization <= FX_ONE &&
    0n <= m.rateAtZero &&
    m.rateAtZero <= m.rateAtOptimal &&
    m.rateAtOptimal <= m.rateAtMax &&
    m.rateAtMax <= MAX_ANNUAL_RATE &&
    0n <= m.protocolFeeShare &&
    m.protocolFeeShare <= FX_ONE;
  if (!ok) mathFail("InvalidInput");
}

/** borrows / deposits in [0, 1], rounded up; 1 when borrows reach deposits. */
export function utilization(depositsNative: bigint, borrowsNative: bigint): Fx {
  if (borrowsNative === 0n) return 0n;
  if (borrowsNative >= depositsNative) return FX_ONE;
  let [borrows, deposits] = [borrowsNative, depositsNative];
  if (deposits > I128_MAX) {
    // Halved into i128 range, borrows up and deposits down, as the program does.
    borrows = borrows / 2n + (borrows % 2n);
    deposits /= 2n;
  }
  try {
    const u = mulDiv(borrows, FX_ONE, deposits, "up");
    return u < FX_ONE ? u : FX_ONE;
  } catch {
    return FX_ONE;
  }
}

/** The annual borrow rate at `u`, rounded up on either slope. */
export function borrowRate(m: InterestModel, u: Fx): Fx {
  validateModel(m);
  if (u < 0n || u > FX_ONE) mathFail("InvalidInput");
  const rise =
    u <= m.optimalUtilization
      ? mulDiv(m.rateAtOptimal - m.rateAtZero, u, m.optimalUtilization, "up")
      : m.rateAtOptimal -
        m.rateAtZero +
        mulDiv(m.rateAtMax - m.rateAtOptimal, u - m.optimalUtilization, FX_ONE - m.optimalUtilization, "up");
  return m.rateAtZero + rise;
}

/** The indices after `elapsedSeconds` (u64): the borrow index up, the fee up, the deposit index down. */
export function accrue(
  m: InterestModel,
  depositIndex: Fx,
  borrowIndex: Fx,
  depositSharesTotal: bigint,
  borrowSharesTotal: bigint,
  elapsedSeconds: bigint,
): Accrual {
  validateModel(m);
  const deposits = depositNative(depositSharesTotal, depositIndex);
  const borrows = borrowNative(borrowSharesTotal, borrowIndex);
  const u = utilization(deposits, borrows);
  const rate = borrowRate(m, u);
  const rateTime = rate * elapsedSeconds; // < 1.9·10^32: always within i128, as the program notes
  const newBorrowIndex = borrowIndex + mulDiv(borrowIndex, rateTime, YEAR_FX, "up");
  if (newBorrowIndex > I128_MAX) mathFail("Overflow");
  const interest = borrowNative(borrowSharesTotal, newBorrowIndex) - borrows;
  let fee: bigint;
  let newDepositIndex = depositIndex;
  if (depositSharesTotal === 0n) {
    fee = interest;
  } else {
    fee = toU128(mulDiv(toI128(interest), m.protocolFeeShare, FX_ONE, "up"));
    const growth = mulDiv(toI128(interest - fee), FX_ONE, toI128(depositSharesTotal), "down");
    newDepositIndex = depositIndex + growth;
    if (newDepositIndex > I128_MAX) mathFail("Overflow");
  }
  // The new deposit total must stay representable, as the program requires.
  depositNative(depositSharesTotal, newDepositIndex);
  return {
    depositIndex: newDepositIndex,
    borrowIndex: newBorrowIndex,
    interestNative: checkedU128(interest),
    protocolFeeNative: fee,
    utilization: u,
    borrowRate: rate,
  };
}
