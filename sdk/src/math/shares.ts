// Balances as shares of an index (`programs/tightrope/src/math/shares.rs`): each conversion rounds once, against
// the account, exactly as the program does.
import { FX_ONE, Fx } from "../risk/fixed";
import { mathFail, mulDiv, Rounding, toI128, toU128 } from "./common";

const checkIndex = (index: Fx) => (index <= 0n ? mathFail("InvalidInput") : index);

function sharesOf(native: bigint, index: Fx, rounding: Rounding): bigint {
  checkIndex(index);
  return toU128(mulDiv(native, FX_ONE, index, rounding));
}

function nativeOf(shares: bigint, index: Fx, rounding: Rounding): bigint {
  checkIndex(index);
  return toU128(mulDiv(toI128(shares), index, FX_ONE, rounding));
}

/** Shares credited for depositing `native` (down). */
export const depositSharesFor = (native: bigint, index: Fx) => sharesOf(native, index, "down");
/** Deposit shares burned to withdraw `native` (up). */
export const withdrawSharesFor = (native: bigint, index: Fx) => sharesOf(native, index, "up");
/** What deposit shares are worth (down). */
export const depositNative = (shares: bigint, index: Fx) => nativeOf(shares, index, "down");
/** Debt shares taken on by borrowing `native` (up). */
export const borrowSharesFor = (native: bigint, index: Fx) => sharesOf(native, index, "up");
/** Debt shares removed by repaying `native` (down; the caller clamps at the shares owed). */
export const repaySharesFor = (native: bigint, index: Fx) => sharesOf(native, index, "down");
/** What debt shares owe (up). */
export const borrowNative = (shares: bigint, index: Fx) => nativeOf(shares, index, "up");
