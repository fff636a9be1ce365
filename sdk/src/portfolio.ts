// The portfolio the program prices an account with (`controller/health.rs`), built from on-chain accounts: each
// asset's indices accrued to `now` in memory, its oracle read with the program's checks, its stable price moved to
// `now` toward the last observed price, shares converted to native units with the program's rounding, the group's
// tiers and product-group offsets, assets at P − conf and liabilities at P + conf.
import { AccountInfo, PublicKey } from "@solana/web3.js";

import { TightropeError } from "./errors";
import { MathError } from "./math/common";
import { accrue } from "./math/interest";
import { borrowNative, depositNative } from "./math/shares";
import { updateStablePrice } from "./math/stablePrice";
import { OraclePrice, readOraclePrice } from "./oracle";
import { FX_ONE } from "./risk/fixed";
import { CARRY_NONE } from "./risk/model";
import type { Model, Portfolio, SpotPosition } from "./risk/model";
import type { AssetState, GroupState, MarginAccountState } from "./state";

const U64_MAX = (1n << 64n) - 1n;

/** The program maps every math failure to `MathOverflow`; so does the SDK. */
export function programMath<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof MathError) throw TightropeError.program("MathOverflow");
    throw e;
  }
}

const elapsed = (now: bigint, since: bigint) => (now > since ? now - since : 0n);

/** `Asset::accrue` in memory: the asset with its indices (and fees) brought to `now`. */
export function accruedAsset(asset: AssetState, now: bigint): AssetState {
  const a = programMath(() =>
    accrue(asset.interest, asset.depositIndex, asset.borrowIndex, asset.depositShares, asset.borrowShares, elapsed(now, asset.lastAccruedAt)),
  );
  return {
    ...asset,
    depositIndex: a.depositIndex,
    borrowIndex: a.borrowIndex,
    protocolFees: asset.protocolFees + a.protocolFeeNative,
    lastAccruedAt: asset.lastAccruedAt > now ? asset.lastAccruedAt : now,
  };
}

/** `Asset::stable_price_at`: the stored stable price moved toward the last observed price for the time since. */
export const stablePriceAt = (asset: AssetState, now: bigint): bigint =>
  programMath(() => updateStablePrice(asset.stablePrice, asset.observedPrice, elapsed(now, asset.stableUpdatedAt), asset.stableMaxMovePerSecond));

/** One balance as the program prices it. */
export interface PricedBalance {
  slot: number;
  /** The asset accrued to `now`, share totals as stored. */
  asset: AssetState;
  price: OraclePrice;
  stablePrice: bigint;
  depositShares: bigint;
  borrowShares: bigint;
}

export interface AccountPortfolio {
  group: GroupState;
  account: MarginAccountState;
  model: Model;
  /** Cluster unix time the figures are for. */
  now: bigint;
  /** Balances in slot order; `portfolio.assets[i]` and `positions[i]` are `balances[i]`. */
  balances: PricedBalance[];
  portfolio: Portfolio;
}

/** A native amount the engine takes as u64 (the program's `to_u64`). */
function toU64(v: bigint): bigint {
  if (v > U64_MAX) throw TightropeError.program("MathOverflow");
  return v;
}

/** The engine's portfolio of `balances` (slot order) under the group's tiers. */
export function enginePortfolio(group: GroupState, balances: readonly PricedBalance[], now: bigint): Portfolio {
  const positions: SpotPosition[] = balances.map((b, index) => ({
    type: "spot",
    asset: index,
    deposit: toU64(programMath(() => depositNative(b.depositShares, b.asset.depositIndex))),
    borrow: toU64(programMath(() => borrowNative(b.borrowShares, b.asset.borrowIndex))),
  }));
  return {
    assets: balances.map((b) => ({
      decimals: b.asset.decimals,
      price: b.price.price,
      conf: b.price.conf,
      stablePrice: b.stablePrice,
      tier: b.asset.tier,
      rules: b.asset.rules,
      // The program stores neither carry nor tracking yet; it prices every asset without them.
      carry: CARRY_NONE,
      tracks: null,
    })),
    tiers: group.tiers,
    groupOffsets: group.productGroupOffsets.map((share, g) => ({ group: g, share })),
    positions,
    now,
    confMultiplier: FX_ONE,
  };
}

/** An asset priced as the program prices an untouched one: group checked, accrued, oracle read, stable at now. */
export function priceAsset(group: PublicKey, asset: AssetState, oracle: AccountInfo<Buffer> | null, now: bigint): Omit<PricedBalance, "slot" | "depositShares" | "borrowShares"> {
  if (!asset.group.equals(group)) throw TightropeError.program("GroupMismatch");
  const accrued = accruedAsset(asset, now);
  return { asset: accrued, price: readOraclePrice(accrued, accrued.oracle, oracle, now), stablePrice: stablePriceAt(accrued, now) };
}

/**
 * The account's portfolio at `now` from its accounts: `assets` and `oracles` by base58 address (every balance's
 * asset and that asset's oracle; a missing oracle is priced as the program would see it, and refused).
 */
export function buildPortfolio(
  group: GroupState,
  account: MarginAccountState,
  assets: ReadonlyMap<string, AssetState>,
  oracles: ReadonlyMap<string, AccountInfo<Buffer> | null>,
  now: bigint,
): AccountPortfolio {
  if (!account.group.equals(group.address)) throw TightropeError.program("GroupMismatch");
  const balances = account.balances.map((b): PricedBalance => {
    const asset = assets.get(b.asset.toBase58());
    if (!asset) throw TightropeError.program("HealthAccountsMismatch");
    const priced = priceAsset(group.address, asset, oracles.get(asset.oracle.toBase58()) ?? null, now);
    return { slot: b.slot, depositShares: b.depositShares, borrowShares: b.borrowShares, ...priced };
  });
  return { group, account, model: account.model, now, balances, portfolio: enginePortfolio(group, balances, now) };
}
