// An asset's interest rates now, from its share totals and indices as the program accrues them
// (`math/interest.rs`): utilization, the annual borrow rate on the kinked curve, and what depositors earn of it
// after the protocol's share. Fx fractions per year; for display and planning, never for margin decisions.
import { borrowRate, utilization } from "./math/interest";
import { borrowNative, depositNative } from "./math/shares";
import { programMath } from "./portfolio";
import { FX_ONE, mulDiv } from "./risk/fixed";
import type { AssetState } from "./state";

export interface AssetRates {
  /** Borrows ÷ deposits, rounded up as the program does. */
  utilization: bigint;
  /** Annual rate borrowers pay (Fx), rounded up. */
  borrowRate: bigint;
  /** Annual rate depositors earn (Fx): borrowRate × utilization × (1 − protocol fee share), rounded down. */
  depositRate: bigint;
  /** Native units deposited and borrowed in total. */
  deposits: bigint;
  borrows: bigint;
}

export function assetRates(asset: AssetState): AssetRates {
  return programMath(() => {
    const deposits = depositNative(asset.depositShares, asset.depositIndex);
    const borrows = borrowNative(asset.borrowShares, asset.borrowIndex);
    const u = utilization(deposits, borrows);
    const rate = borrowRate(asset.interest, u);
    const earned = mulDiv(rate, u, FX_ONE, "down");
    const depositRate = mulDiv(earned, FX_ONE - asset.interest.protocolFeeShare, FX_ONE, "down");
    return { utilization: u, borrowRate: rate, depositRate, deposits, borrows };
  });
}
