// What-if at engine level: hypothetical deposits, withdrawals, borrows, repayments and price moves applied to a
// portfolio, and the largest amount of each asset that may still be withdrawn or borrowed under initial margin.
// Amounts are native units, as the engine's spot positions are; they follow the program's rules for each action
// (a withdrawal beyond the deposit is refused, a repayment beyond the debt repays the debt).
import type { Breakdown } from "./breakdown";
import type { Quote } from "./engine";
import * as engine from "./engine";
import type { Fx } from "./fixed";
import type { Model, Portfolio, SpotPosition } from "./model";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { health, quoteWithBreakdown } = engine;

const U64_MAX = (1n << 64n) - 1n;

export type Action =
  | { kind: "deposit" | "withdraw" | "borrow" | "repay"; asset: number; amount: bigint }
  /** A price move; the stable price and confidence stay unless given (the program's stable price lags). */
  | { kind: "price"; asset: number; price: Fx; stablePrice?: Fx; conf?: Fx };

export interface WhatIf {
  portfolio: Portfolio;
  quote: Quote;
  breakdown: Breakdown;
}

/** The spot balance of `asset` after `change`, appended as a new position if the account holds none. */
function withSpot(p: Portfolio, asset: number, change: (spot: SpotPosition) => SpotPosition): Portfolio {
  const positions = [...p.positions];
  const i = positions.findIndex((q) => q.type === "spot" && q.asset === asset);
  if (i >= 0) positions[i] = change(positions[i] as SpotPosition);
  else positions.push(change({ type: "spot", asset, deposit: 0n, borrow: 0n }));
  return { ...p, positions };
}

function within(amount: bigint, limit: bigint, what: string): bigint {
  if (amount > limit) throw new RangeError(`${what}: ${amount} is beyond ${limit}`);
  return amount;
}

/** `p` after one action. Throws RangeError for an amount the program would refuse. */
export function applyAction(p: Portfolio, action: Action): Portfolio {
  if (action.kind === "price") {
    const assets = [...p.assets];
    const a = assets[action.asset];
    assets[action.asset] = { ...a, price: action.price, stablePrice: action.stablePrice ?? a.stablePrice, conf: action.conf ?? a.conf };
    return { ...p, assets };
  }
  const { kind, asset, amount } = action;
  if (amount <= 0n) throw new RangeError(`${kind}: amount must be positive, not ${amount}`);
  return withSpot(p, asset, (s) => {
    switch (kind) {
      case "deposit":
        return { ...s, deposit: within(s.deposit + amount, U64_MAX, "deposit") };
      case "withdraw":
        return { ...s, deposit: s.deposit - within(amount, s.deposit, "withdraw beyond the deposit") };
      case "borrow":
        return { ...s, borrow: within(s.borrow + amount, U64_MAX, "borrow") };
      case "repay":
        // Repaying more than owed repays the debt; the rest stays with the owner.
        return { ...s, borrow: s.borrow - (amount < s.borrow ? amount : s.borrow) };
    }
  });
}

/** The portfolio after every action in order, with its quote and breakdown. */
export function whatIf(p: Portfolio, model: Model, actions: readonly Action[]): WhatIf {
  const portfolio = actions.reduce(applyAction, p);
  return { portfolio, ...quoteWithBreakdown(portfolio, model) };
}

const initialHealthOk = (p: Portfolio, model: Model): boolean => health(p, model, "initial") >= 0n;

/**
 * The largest amount in [0, `limit`] for which `ok` holds, given that it holds at 0: bisection between a passing
 * and a failing amount, so the answer passes and the answer + 1 fails (or is beyond `limit`).
 *
 * Assumption: initial health is non-increasing in the amount withdrawn or borrowed, so the passing amounts are one
 * interval from 0. It holds when each unit removed costs at least what it relieved (rules rates and TIMS bands
 * within 100%, as every preset); minor-unit rounding can make health step up by a unit, and an asset charged above
 * its value (a rate over 100%) reverses it. Where it fails, the answer is still a passing amount with a failing
 * neighbour above, though a larger one could pass.
 */
export function largestPassing(limit: bigint, ok: (amount: bigint) => boolean): bigint {
  if (ok(limit)) return limit;
  // Doubling finds a failing bound near the answer, so a small answer under a huge limit costs few evaluations.
  let [good, bad] = [0n, 1n];
  while (bad < limit && ok(bad)) [good, bad] = [bad, bad * 2n];
  if (bad > limit) bad = limit;
  while (bad - good > 1n) {
    const mid = good + (bad - good) / 2n;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** The most of `asset` that can be withdrawn with initial health staying ≥ 0 (0 when health is already short). */
export function maxWithdraw(p: Portfolio, model: Model, asset: number): bigint {
  const spot = p.positions.find((q): q is SpotPosition => q.type === "spot" && q.asset === asset);
  if (!spot || spot.deposit === 0n || !initialHealthOk(p, model)) return 0n;
  return largestPassing(spot.deposit, (w) => w === 0n || initialHealthOk(applyAction(p, { kind: "withdraw", asset, amount: w }), model));
}

/** The most of `asset` that can be borrowed with initial health staying ≥ 0 (0 when health is already short). */
export function maxBorrow(p: Portfolio, model: Model, asset: number): bigint {
  if (!initialHealthOk(p, model)) return 0n;
  const owed = p.positions.find((q): q is SpotPosition => q.type === "spot" && q.asset === asset)?.borrow ?? 0n;
  return largestPassing(U64_MAX - owed, (b) => b === 0n || initialHealthOk(applyAction(p, { kind: "borrow", asset, amount: b }), model));
}

export interface MaxAmounts {
  asset: number;
  withdraw: bigint;
  borrow: bigint;
}

/** maxWithdraw and maxBorrow of every asset of the portfolio. */
export function maxAmounts(p: Portfolio, model: Model): MaxAmounts[] {
  return p.assets.map((_, asset) => ({ asset, withdraw: maxWithdraw(p, model, asset), borrow: maxBorrow(p, model, asset) }));
}
