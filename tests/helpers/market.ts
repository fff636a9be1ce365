// A group with listed assets on any tightrope-localnet, built through TightropeClient's builders: mints, Pyth prices
// written at the cluster's time (so time travel cannot make them stale), and traders with tokens and an account.
// Shared by the SDK, parity and CLI specs.
import { BN } from "@coral-xyz/anchor";
import { createMint, getOrCreateAssociatedTokenAccount, mintTo } from "@solana/spl-token";
import { Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from "@solana/web3.js";

import { AssetConfig, AssetState, feedIdBytes, groupAddress, PYTH_FEED_IDS, pythFeedAccount, TightropeClient } from "../../sdk/src";
import { CheatTarget, priceNow, setPythPrice } from "../../sdk/src/localnet";
import { openGuards, volatileConfig } from "./program";

export interface MarketAsset {
  symbol: string;
  decimals: number;
  /** Price in units of 10^-8 quote, Pyth's usual exponent. */
  price: bigint;
  config?: AssetConfig;
}

export interface Market {
  target: CheatTarget;
  admin: TightropeClient;
  group: PublicKey;
  assets: Record<string, AssetState>;
  feedIds: Record<string, Uint8Array>;
  mints: Record<string, PublicKey>;
}

/** A rules config for `tier`, with an interest model that charges enough to show in a day. */
export function assetConfig(tier: number): AssetConfig {
  const base = volatileConfig();
  if (tier !== 0) return { ...base, tier };
  const zero = new BN(0);
  return { ...base, tier, rules: { ...base.rules, initialLong: zero, maintenanceLong: zero, initialShort: zero, maintenanceShort: zero } };
}

/** Writes `symbol`'s price (10^-8 units) at the cluster's current time. */
export async function publish(market: Market, symbol: string, price: bigint): Promise<void> {
  const update = await priceNow(market.target.connection, market.feedIds[symbol], price, -8, price / 2_000n);
  await setPythPrice(market.target, update, market.assets[symbol]?.oracle ?? pythFeedAccount(market.feedIds[symbol]));
}

/**
 * A new group of `admin` listing `assets` (their own mints). `realFeeds` puts prices at Pyth's feed accounts for
 * the symbols in PYTH_FEED_IDS (for a private cluster); otherwise each feed id is random.
 */
export async function createMarket(target: CheatTarget, adminKey: Keypair, assets: MarketAsset[], options: { groupNum?: number; realFeeds?: boolean } = {}): Promise<Market> {
  const admin = TightropeClient.fromKeypair(target.connection, adminKey);
  const groupNum = options.groupNum ?? Math.floor(Math.random() * 1_000_000);
  const group = groupAddress(adminKey.publicKey, groupNum);
  const market: Market = { target, admin, group, assets: {}, feedIds: {}, mints: {} };
  for (const a of assets) {
    market.mints[a.symbol] = await createMint(target.connection, adminKey, adminKey.publicKey, null, a.decimals);
    const real = options.realFeeds ? PYTH_FEED_IDS[`${a.symbol}/USD` as keyof typeof PYTH_FEED_IDS] : undefined;
    market.feedIds[a.symbol] = real ? feedIdBytes(real) : Keypair.generate().publicKey.toBytes();
    await publish(market, a.symbol, a.price);
  }
  await admin.send([await admin.instructions.initGroup({ creator: adminKey.publicKey, quoteMint: market.mints[assets[0].symbol], groupNum, guards: openGuards() })]);
  for (const a of assets) {
    const oracle = pythFeedAccount(market.feedIds[a.symbol]);
    const ix = await admin.instructions.addAsset({
      group,
      admin: adminKey.publicKey,
      mint: market.mints[a.symbol],
      oracle,
      feedId: market.feedIds[a.symbol],
      config: a.config ?? assetConfig(a.symbol === assets[0].symbol ? 0 : 2),
    });
    await admin.send([ix]);
  }
  for (const asset of await admin.fetchAssets(group)) {
    const symbol = assets.find((a) => market.mints[a.symbol].equals(asset.mint))!.symbol;
    market.assets[symbol] = asset;
  }
  return market;
}

/** A funded wallet holding `tokens` (native units per symbol) in associated token accounts, with margin account 0. */
export async function createTrader(market: Market, payer: Keypair, tokens: Record<string, bigint>, options: { openAccount?: boolean } = {}) {
  const owner = Keypair.generate();
  const { connection } = market.target;
  const fund = SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: owner.publicKey, lamports: 2 * LAMPORTS_PER_SOL });
  await market.admin.send([fund]);
  for (const [symbol, amount] of Object.entries(tokens)) {
    const ata = await getOrCreateAssociatedTokenAccount(connection, payer, market.mints[symbol], owner.publicKey);
    if (amount > 0n) await mintTo(connection, payer, market.mints[symbol], ata.address, payer, amount);
  }
  const client = TightropeClient.fromKeypair(connection, owner);
  if (options.openAccount ?? true) await client.createMarginAccount(market.group, 0);
  return { owner, client, marginAccount: client.marginAccountAddress(market.group, 0) };
}
