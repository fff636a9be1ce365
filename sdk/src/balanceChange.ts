// `controller/balance.rs::apply` and the asset's cap and liquidity checks in bigint: how a deposit, withdrawal,
// borrow or repayment moves an account's shares and the asset's totals, with the program's rounding and its named
// refusals. The what-if and the largest-amount searches run actions through this, so they agree with the program
// to the minor unit (a withdrawal burns shares rounded up; a borrow first draws down the deposit).
import { TightropeError } from "./errors";
import { borrowNative, borrowSharesFor, depositNative, depositSharesFor, repaySharesFor, withdrawSharesFor } from "./math/shares";
import { programMath } from "./portfolio";
import type { AssetState } from "./state";

export type BalanceKind = "deposit" | "withdraw" | "borrow" | "repay";

export interface BalanceChange {
  /** Native units that move (a repayment is capped at the debt). */
  moved: bigint;
  depositShares: bigint;
  borrowShares: bigint;
  /** The asset with its share totals moved. */
  asset: AssetState;
}

const U64_MAX = (1n << 64n) - 1n;
const refuse = (name: Parameters<typeof TightropeError.program>[0]): never => {
  throw TightropeError.program(name);
};

/** Up to `amount` of the debt repaid: all of it for at least the debt (rounded up), else shares rounded down. */
function repayUpTo(owed: bigint, index: bigint, amount: bigint) {
  if (owed === 0n) return { native: 0n, shares: 0n };
  const debt = borrowNative(owed, index);
  return amount >= debt ? { native: debt, shares: owed } : { native: amount, shares: repaySharesFor(amount, index) };
}

/** Up to `amount` drawn from the deposit: all of it for at least its worth (rounded down), else shares rounded up. */
function drawDown(held: bigint, index: bigint, amount: bigint) {
  if (held === 0n) return { native: 0n, shares: 0n };
  const worth = depositNative(held, index);
  return amount >= worth ? { native: worth, shares: held } : { native: amount, shares: withdrawSharesFor(amount, index) };
}

/**
 * `kind` of `amount` native units on a balance holding `held` deposit and `owed` borrow shares of `asset` (already
 * accrued to now). Throws the program's error for what it would refuse.
 */
export function applyBalanceChange(kind: BalanceKind, held: bigint, owed: bigint, asset: AssetState, amount: bigint): BalanceChange {
  if (amount <= 0n) refuse("ZeroAmount");
  if (amount > U64_MAX) refuse("MathOverflow");
  const [di, bi] = [asset.depositIndex, asset.borrowIndex];
  const { moved, depositDelta, borrowDelta } = programMath(() => {
    switch (kind) {
      case "deposit": {
        const repaid = repayUpTo(owed, bi, amount);
        const rest = amount - repaid.native;
        const credited = rest > 0n ? depositSharesFor(rest, di) : 0n;
        // A rest worth less than one share stays with the owner.
        const moved = repaid.native + (credited > 0n ? rest : 0n);
        if (moved === 0n) refuse("ZeroAmount");
        return { moved, depositDelta: credited, borrowDelta: -repaid.shares };
      }
      case "withdraw": {
        const shares = withdrawSharesFor(amount, di);
        if (shares > held) refuse("InsufficientDeposit");
        return { moved: amount, depositDelta: -shares, borrowDelta: 0n };
      }
      case "borrow": {
        const drawn = drawDown(held, di, amount);
        const rest = amount - drawn.native;
        return { moved: amount, depositDelta: -drawn.shares, borrowDelta: rest > 0n ? borrowSharesFor(rest, bi) : 0n };
      }
      case "repay": {
        if (owed === 0n) refuse("NoDebt");
        const repaid = repayUpTo(owed, bi, amount);
        return { moved: repaid.native, depositDelta: 0n, borrowDelta: -repaid.shares };
      }
    }
  });
  const after: AssetState = { ...asset, depositShares: asset.depositShares + depositDelta, borrowShares: asset.borrowShares + borrowDelta };
  const [deposits, borrows] = programMath(() => [depositNative(after.depositShares, di), borrowNative(after.borrowShares, bi)]);
  if (depositDelta > 0n && deposits > asset.depositCap) refuse("DepositCapExceeded");
  if (borrowDelta > 0n && borrows > asset.borrowCap) refuse("BorrowCapExceeded");
  if ((borrowDelta > 0n || depositDelta < 0n) && borrows > deposits) refuse("InsufficientLiquidity");
  return { moved, depositShares: held + depositDelta, borrowShares: owed + borrowDelta, asset: after };
}
