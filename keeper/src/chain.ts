// The chain's accounts in the index's form, priced as the program prices them (sdk/src/portfolio.ts): each asset
// accrued to the cluster time and its oracle read with every check of oracle.rs; each balance converted from shares
// to native units with the program's rounding. Assets take a global index by token index, so an account's spot
// positions and the engine's asset list line up without a copy per account.
import { AccountInfo, PublicKey } from "@solana/web3.js";
import { AssetState, GroupState, MarginAccountState, math, priceAsset, risk } from "@tightrope/sdk";

import type { Market, TrackedAccount } from "./index/box";

const { FX_ONE, CARRY_NONE } = risk;
/** Edges assume at least this confidence ratio (1 bp), and twice the ratio seen when the market is built. */
const MIN_CONF_RATIO = FX_ONE / 10_000n;

export interface ChainAsset {
  state: AssetState;
  /** The last price the program would accept for it, or why it would refuse one. */
  price: { price: bigint; conf: bigint; stablePrice: bigint } | { error: string };
}

/** The group's listed assets with their oracles read at `now`; an unreadable oracle is kept with its reason. */
export function priceAssets(group: GroupState, assets: AssetState[], oracles: ReadonlyMap<string, AccountInfo<Buffer> | null>, now: bigint): ChainAsset[] {
  return [...assets]
    .sort((a, b) => a.tokenIndex - b.tokenIndex)
    .map((state) => {
      try {
        const priced = priceAsset(group.address, state, oracles.get(state.oracle.toBase58()) ?? null, now);
        return { state: priced.asset, price: { price: priced.price.price, conf: priced.price.conf, stablePrice: priced.stablePrice } };
      } catch (e) {
        return { state, price: { error: e instanceof Error ? e.message : String(e) } };
      }
    });
}

/**
 * The engine's market: tiers and product-group offsets of the group, one asset per listed one. An asset without
 * an acceptable price keeps `fallback`'s (or a placeholder of 1): no account holding it can be acted on anyway,
 * since the program refuses to price it, and the keeper re-checks every account on chain before sending.
 */
export function marketOf(group: GroupState, assets: ChainAsset[], now: bigint, fallback?: Market): Market {
  const engineAssets = assets.map((a, i): risk.Asset => {
    const known = fallback?.assets[i];
    const p = "error" in a.price ? { price: known?.price ?? FX_ONE, conf: known?.conf ?? 0n, stablePrice: known?.stablePrice ?? FX_ONE } : a.price;
    return { decimals: a.state.decimals, ...p, tier: a.state.tier, rules: a.state.rules, carry: CARRY_NONE, tracks: null };
  });
  const confRatio = engineAssets.map((a) => {
    const doubled = (2n * a.conf * FX_ONE) / a.price;
    return doubled > MIN_CONF_RATIO ? doubled : MIN_CONF_RATIO;
  });
  return {
    assets: engineAssets,
    confRatio,
    tiers: group.tiers,
    groupOffsets: group.productGroupOffsets.map((share, g) => ({ group: g, share })),
    now,
  };
}

/** The account's balances as spot positions in native units at the assets' accrued indices. */
export function trackedAccount(account: MarginAccountState, assets: ChainAsset[]): TrackedAccount {
  const indexOf = new Map(assets.map((a, i) => [a.state.address.toBase58(), i]));
  const positions = account.balances.map((b): risk.SpotPosition => {
    const i = indexOf.get(b.asset.toBase58());
    if (i === undefined) throw new Error(`margin account ${account.address.toBase58()} holds unlisted asset ${b.asset.toBase58()}`);
    const asset = assets[i].state;
    return {
      type: "spot",
      asset: i,
      deposit: math.depositNative(b.depositShares, asset.depositIndex),
      borrow: math.borrowNative(b.borrowShares, asset.borrowIndex),
    };
  });
  return { key: account.address.toBase58(), model: account.model, positions };
}

/** Shard of an account: its key's first four bytes (uniform for PDAs) modulo the shard count. */
export function shardOf(key: PublicKey, shards: number): number {
  return key.toBuffer().readUInt32LE(0) % shards;
}
