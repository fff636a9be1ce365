// What-if on a fetched account: hypothetical deposits, withdrawals, borrows, repayments and price moves applied
// with the program's share arithmetic (`balanceChange.ts`), then priced by the risk engine; and the largest amount
// of an asset that may still be withdrawn or borrowed, found with the engine-level search of `risk/whatIf.ts`.
import { PublicKey } from "@solana/web3.js";

import { applyBalanceChange, BalanceKind } from "./balanceChange";
import { TightropeError } from "./errors";
import { depositNative } from "./math/shares";
import { AccountPortfolio, enginePortfolio, PricedBalance, programMath } from "./portfolio";
import type { Breakdown } from "./risk/breakdown";
import { health, quoteWithBreakdown, Quote } from "./risk/engine";
import type { Fx } from "./risk/fixed";
import type { Model } from "./risk/model";
import { largestPassing } from "./risk/whatIf";

const MAX_BALANCES = 16;
/** The group's `PAUSE_*` bit of each balance change (`state/group.rs`). */
const PAUSE_BIT: Record<BalanceKind, number> = { deposit: 1, withdraw: 1 << 1, borrow: 1 << 2, repay: 1 << 3 };
const U64_MAX = (1n << 64n) - 1n;

export type AccountAction =
  | { kind: BalanceKind; asset: PublicKey; amount: bigint }
  /** A price move (Fx); the stable price and confidence stay unless given, as the program's stable price lags. */
  | { kind: "price"; asset: PublicKey; price: Fx; conf?: Fx; stablePrice?: Fx };

export interface AccountWhatIf {
  balances: PricedBalance[];
  model: Model;
  quote: Quote;
  breakdown: Breakdown;
}

/**
 * `market` prices an asset the account does not hold yet (a first deposit or borrow of it): pass it from
 * `TightropeClient.pricedAsset`.
 */
export type Market = (asset: PublicKey) => Omit<PricedBalance, "slot" | "depositShares" | "borrowShares"> | undefined;

function freeSlot(balances: readonly PricedBalance[]): number {
  for (let slot = 0; slot < MAX_BALANCES; slot++) if (!balances.some((b) => b.slot === slot)) return slot;
  throw TightropeError.program("BalanceSlotsFull");
}

/** The balances after one action; a withdrawal or borrow must leave initial health ≥ 0, as the program requires. */
function step(base: AccountPortfolio, balances: PricedBalance[], model: Model, action: AccountAction, market?: Market): PricedBalance[] {
  const i = balances.findIndex((b) => b.asset.address.equals(action.asset));
  if (action.kind === "price") {
    if (i < 0) throw new RangeError(`price move for ${action.asset.toBase58()}, which the account does not hold`);
    const b = balances[i];
    const price = { ...b.price, price: action.price, conf: action.conf ?? b.price.conf };
    return balances.map((x, j) => (j === i ? { ...b, price, stablePrice: action.stablePrice ?? b.stablePrice } : x));
  }
  // The program's order: the pause flags, then (moving funds out) an open margin call, then the balance itself.
  if (base.group.pauseFlags & PAUSE_BIT[action.kind]) throw TightropeError.program("OperationPaused");
  if ((action.kind === "withdraw" || action.kind === "borrow") && base.account.marginCallAt !== null) throw TightropeError.program("UnderMarginCall");
  const current =
    i >= 0
      ? balances[i]
      : { ...(market?.(action.asset) ?? unknownAsset(action.asset)), slot: freeSlot(balances), depositShares: 0n, borrowShares: 0n };
  const change = applyBalanceChange(action.kind, current.depositShares, current.borrowShares, current.asset, action.amount);
  const changed = { ...current, asset: change.asset, depositShares: change.depositShares, borrowShares: change.borrowShares };
  const empty = changed.depositShares === 0n && changed.borrowShares === 0n;
  const next = i >= 0 ? balances.map((b, j) => (j === i ? changed : b)) : [...balances, changed];
  const kept = (empty ? next.filter((b) => b !== changed) : next).sort((a, b) => a.slot - b.slot);
  if (action.kind === "withdraw" || action.kind === "borrow") {
    const initial = health(enginePortfolio(base.group, kept, base.now), model, "initial");
    if (initial < 0n) throw TightropeError.program("InitialMarginShortfall", -initial);
  }
  return kept;
}

function unknownAsset(asset: PublicKey): never {
  throw new RangeError(`asset ${asset.toBase58()} is not held by the account and no market price was given for it`);
}

/** The account after `actions` in order, with its quote and breakdown; throws the program's error for a refused step. */
export function accountWhatIf(base: AccountPortfolio, actions: readonly AccountAction[], options: { model?: Model; market?: Market } = {}): AccountWhatIf {
  const model = options.model ?? base.model;
  const balances = actions.reduce((bs, a) => step(base, bs, model, a, options.market), base.balances);
  return { balances, model, ...quoteWithBreakdown(enginePortfolio(base.group, balances, base.now), model) };
}

/** The account under `model` with nothing else changed; `set_margin_model`'s refusal when initial margin fails there. */
export function modelSwitchWhatIf(base: AccountPortfolio, model: Model): AccountWhatIf {
  const after = accountWhatIf(base, [], { model });
  if (after.quote.initialHealth < 0n) throw TightropeError.program("InitialMarginShortfall", -after.quote.initialHealth);
  return after;
}

function largest(base: AccountPortfolio, kind: "withdraw" | "borrow", asset: PublicKey, limit: bigint, market?: Market): bigint {
  const passes = (amount: bigint) => {
    if (amount === 0n) return true;
    try {
      step(base, base.balances, base.model, { kind, asset, amount }, market);
      return true;
    } catch (e) {
      if (e instanceof TightropeError) return false;
      throw e;
    }
  };
  // A step refused at zero health is refused at every amount; the search needs a passing start.
  return health(base.portfolio, base.model, "initial") < 0n ? 0n : largestPassing(limit, passes);
}

/** The most of `asset` (native units) the program would let the account withdraw now. */
export function maxWithdrawAmount(base: AccountPortfolio, asset: PublicKey): bigint {
  const held = base.balances.find((b) => b.asset.address.equals(asset));
  if (!held || held.depositShares === 0n) return 0n;
  const worth = programMath(() => depositNative(held.depositShares, held.asset.depositIndex));
  return largest(base, "withdraw", asset, worth < U64_MAX ? worth : U64_MAX);
}

/** The most of `asset` (native units) the program would let the account borrow now (caps and liquidity included). */
export function maxBorrowAmount(base: AccountPortfolio, asset: PublicKey, market?: Market): bigint {
  return largest(base, "borrow", asset, U64_MAX, market);
}
