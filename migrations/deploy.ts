// Creates, or completes, a Tightrope group on any cluster: USDC as the quote asset; SOL, ETH and BTC listed against
// Pyth's sponsored price feeds; crypto risk tiers (BTC and ETH in a narrower band than SOL); then guards tightened so
// every later risk-increasing change waits about a day. Re-running it finishes what an earlier run left undone and
// changes nothing else.
//
//   npm run deploy -- --url <rpc url> --usdc <mint> --sol <mint> --eth <mint> --btc <mint>
//                     [--keypair <file>] [--group-num <n>] [--delay-slots <n>] [--shard <n>]
//   npm run deploy -- --url https://api.mainnet-beta.solana.com --mainnet-mints
//
// The program must already be deployed at the IDL's address, and each feed's price account must exist on the
// cluster (Pyth keeps shard 0 updated on mainnet and devnet). Prints what it did, then a JSON summary on stdout.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { AnchorProvider, BN, Program, Wallet } from "@coral-xyz/anchor";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import {
  AssetConfig,
  assetAddress,
  feedIdBytes,
  fx,
  FX_ONE,
  GuardConfig,
  groupAddress,
  MarginCallConfig,
  IDL,
  PYTH_FEED_IDS,
  PYTH_RECEIVER_ID,
  pythFeedAccount,
  TierConfig,
  Tightrope,
  U64_MAX,
  vaultAddress,
} from "../sdk/src";

const SYMBOLS = ["USDC", "SOL", "ETH", "BTC"] as const;
export type Symbol = (typeof SYMBOLS)[number];

/** Well-known mainnet mints: native USDC, wrapped SOL, and Wormhole's ETH and BTC (both 8 decimals). */
export const MAINNET_MINTS: Record<Symbol, string> = {
  USDC: "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
  SOL: "So11111111111111111111111111111111111111112",
  ETH: "7vfCXTUXx5WJV5JADk17DUJ4ksgau7utNKj4b963voxs",
  BTC: "3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh",
};

const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
const NO_PRODUCT_GROUP = 255;
const PAD = [0, 0, 0, 0, 0];

/** Tier 0 cash (no scenarios), tier 1 majors (BTC, ETH), tier 2 large alts (SOL); no cross-class offsets at launch. */
export const TIERS: TierConfig[] = [
  {
    bandDown: new BN(0), bandUp: new BN(0), volDown: new BN(0), volUp: new BN(0), initialMultiplier: FX_ONE,
    perContractMin: new BN(0), floorShare: new BN(0), pointsDown: 0, pointsUp: 0, productGroup: NO_PRODUCT_GROUP,
    reserved: PAD,
  },
  {
    bandDown: fx(15, 100), bandUp: fx(12, 100), volDown: fx(1, 4), volUp: fx(1, 4), initialMultiplier: fx(3, 2),
    perContractMin: new BN(0), floorShare: fx(1, 100), pointsDown: 5, pointsUp: 5, productGroup: NO_PRODUCT_GROUP,
    reserved: PAD,
  },
  {
    bandDown: fx(25, 100), bandUp: fx(20, 100), volDown: fx(35, 100), volUp: fx(35, 100), initialMultiplier: fx(3, 2),
    perContractMin: new BN(0), floorShare: fx(2, 100), pointsDown: 5, pointsUp: 5, productGroup: NO_PRODUCT_GROUP,
    reserved: PAD,
  },
];
const NO_OFFSETS = [new BN(0), new BN(0), new BN(0), new BN(0)];

/** About a day of 400 ms slots; rates may move 5 points and bands 2.5 points per risk-increasing change. */
export const LAUNCH_GUARDS: GuardConfig = {
  delaySlots: new BN(216_000),
  maxRateStep: fx(5, 100),
  maxBandStep: fx(25, 1000),
  maxPointsStep: new BN(1),
  // A queued change may be applied for about a day after it is due, then it expires.
  expirySlots: new BN(216_000),
};
/**
 * Liquidation at once below maintenance (no grace window), lifting maintenance health to 5% of the requirement;
 * a fifth of each discount to the insurance fund; positions left worth under $1 closed whole.
 */
export const LAUNCH_LIQUIDATION: MarginCallConfig = {
  graceSeconds: new BN(0),
  hardThreshold: new BN(0),
  cureBuffer: new BN(0),
  liquidationTarget: fx(5, 100),
  insuranceShare: fx(20, 100),
  dust: new BN(1_000_000),
};
const OPEN_GUARDS: GuardConfig = { delaySlots: new BN(0), maxRateStep: U64_MAX, maxBandStep: U64_MAX, maxPointsStep: U64_MAX, expirySlots: U64_MAX };

interface Market {
  feed: keyof typeof PYTH_FEED_IDS;
  tier: number;
  /** Caps in whole tokens, scaled by the mint's decimals at listing. */
  depositCap: number;
  borrowCap: number;
  /** Initial / maintenance rates for longs (deposits) and shorts (borrows), percent. */
  long: [number, number];
  short: [number, number];
  maxConfPercent: number;
  interest: { optimal: number; atOptimal: number; atMax: number };
  liquidationDiscountPercent: number;
}

export const MARKETS: Record<Symbol, Market> = {
  USDC: { feed: "USDC/USD", tier: 0, depositCap: 50_000_000, borrowCap: 40_000_000, long: [0, 0], short: [2, 1], maxConfPercent: 1, interest: { optimal: 90, atOptimal: 8, atMax: 100 }, liquidationDiscountPercent: 2 },
  SOL: { feed: "SOL/USD", tier: 2, depositCap: 1_000_000, borrowCap: 200_000, long: [50, 25], short: [50, 30], maxConfPercent: 2, interest: { optimal: 80, atOptimal: 10, atMax: 150 }, liquidationDiscountPercent: 5 },
  ETH: { feed: "ETH/USD", tier: 1, depositCap: 50_000, borrowCap: 10_000, long: [40, 20], short: [40, 25], maxConfPercent: 2, interest: { optimal: 80, atOptimal: 8, atMax: 150 }, liquidationDiscountPercent: 4 },
  BTC: { feed: "BTC/USD", tier: 1, depositCap: 2_000, borrowCap: 500, long: [40, 20], short: [40, 25], maxConfPercent: 2, interest: { optimal: 80, atOptimal: 8, atMax: 150 }, liquidationDiscountPercent: 4 },
};

export function assetConfig(market: Market, decimals: number): AssetConfig {
  const scale = new BN(10).pow(new BN(decimals));
  const pct = (n: number) => fx(n, 100);
  return {
    tier: market.tier,
    oracleMaxAgeSeconds: 60,
    maxConfRatio: pct(market.maxConfPercent),
    stableMaxMovePerSecond: fx(1, 2000),
    depositCap: scale.muln(market.depositCap),
    borrowCap: scale.muln(market.borrowCap),
    rules: {
      initialLong: pct(market.long[0]), maintenanceLong: pct(market.long[1]),
      initialShort: pct(market.short[0]), maintenanceShort: pct(market.short[1]),
      houseRate: new BN(0), housePerUnit: new BN(0), optionRate: pct(20), optionMinRate: pct(10),
    },
    interest: {
      optimalUtilization: pct(market.interest.optimal), rateAtZero: new BN(0),
      rateAtOptimal: pct(market.interest.atOptimal), rateAtMax: pct(market.interest.atMax), protocolFeeShare: pct(10),
    },
    liquidationDiscount: pct(market.liquidationDiscountPercent),
  };
}

export interface DeployOptions {
  groupNum: number;
  mints: Record<Symbol, PublicKey>;
  guards?: GuardConfig;
  /** Margin-call and liquidation terms (default `LAUNCH_LIQUIDATION`). */
  liquidation?: MarginCallConfig;
  shard?: number;
  log?: (line: string) => void;
}

export interface Deployed {
  group: string;
  admin: string;
  assets: Record<Symbol, { mint: string; asset: string; vault: string; oracle: string; feedId: string; decimals: number }>;
}

/** BN-aware structural equality of decoded accounts and the values above. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function mintDecimals(connection: Connection, mint: PublicKey): Promise<number> {
  const info = await connection.getAccountInfo(mint);
  if (!info || !info.owner.equals(TOKEN_PROGRAM_ID) || info.data.length < 82) {
    throw new Error(`${mint.toBase58()} is not an SPL Token mint on this cluster`);
  }
  return info.data[44]; // COption<Pubkey> authority (36) + supply (8)
}

async function requireOracle(connection: Connection, oracle: PublicKey, feed: string): Promise<void> {
  const info = await connection.getAccountInfo(oracle);
  if (!info || !info.owner.equals(PYTH_RECEIVER_ID)) {
    throw new Error(`no Pyth price account for ${feed} at ${oracle.toBase58()} on this cluster (shard not pushed?)`);
  }
}

export async function deploy(program: Program<Tightrope>, options: DeployOptions): Promise<Deployed> {
  const log = options.log ?? ((line: string) => console.error(line));
  const connection = program.provider.connection;
  const admin = program.provider.publicKey!;
  const group = groupAddress(admin, options.groupNum);

  const existing = await program.account.group.fetchNullable(group);
  if (!existing) {
    await program.methods.initGroup(options.groupNum, OPEN_GUARDS).accounts({ creator: admin, quoteMint: options.mints.USDC }).rpc();
    log(`init_group ${group.toBase58()} quoted in ${options.mints.USDC.toBase58()}`);
  } else if (!existing.quoteMint.equals(options.mints.USDC) || !existing.admin.equals(admin)) {
    throw new Error(`group ${group.toBase58()} exists with another quote mint or admin`);
  }

  // Listing changes neither tiers nor guards, so this one read serves both checks below.
  const current = existing ?? (await program.account.group.fetch(group));
  if (!same(current.tiers.slice(0, current.tierCount), TIERS) || !same(current.productGroupOffsets, NO_OFFSETS)) {
    await program.methods.setTiers(TIERS, NO_OFFSETS).accounts({ group }).rpc();
    log("set_tiers: cash, majors (BTC, ETH: -15%/+12%), alts (SOL: -25%/+20%)");
  }

  const assets = {} as Deployed["assets"];
  for (const symbol of SYMBOLS) {
    const market = MARKETS[symbol];
    const mint = options.mints[symbol];
    const feedId = feedIdBytes(PYTH_FEED_IDS[market.feed]);
    const oracle = pythFeedAccount(feedId, options.shard ?? 0);
    const asset = assetAddress(group, mint);
    const decimals = await mintDecimals(connection, mint);
    if (!(await program.account.asset.fetchNullable(asset))) {
      await requireOracle(connection, oracle, market.feed);
      await program.methods.addAsset(Array.from(feedId), assetConfig(market, decimals)).accounts({ group, mint, oracle }).rpc();
      log(`add_asset ${symbol} (${mint.toBase58()}) tier ${market.tier}, oracle ${oracle.toBase58()}`);
    }
    const feedHex = Buffer.from(feedId).toString("hex");
    assets[symbol] = { mint: mint.toBase58(), asset: asset.toBase58(), vault: vaultAddress(asset).toBase58(), oracle: oracle.toBase58(), feedId: feedHex, decimals };
  }

  // Before the guards: with the launch delay in force this would only queue.
  const liquidation = options.liquidation ?? LAUNCH_LIQUIDATION;
  if (!same(current.marginCall, liquidation)) {
    await program.methods.setMarginCall(liquidation).accounts({ group }).rpc();
    log(`set_margin_call: grace ${liquidation.graceSeconds.toString()} s, liquidation target ${liquidation.liquidationTarget}, insurance share ${liquidation.insuranceShare}, dust ${liquidation.dust}`);
  }

  const guards = options.guards ?? LAUNCH_GUARDS;
  if (!same(current.guards, guards)) {
    await program.methods.setGuards(guards).accounts({ group }).rpc();
    log(`set_guards: delay ${guards.delaySlots.toString()} slots, rate step ${guards.maxRateStep}, band step ${guards.maxBandStep}, expiry ${guards.expirySlots.toString()} slots`);
  }
  return { group: group.toBase58(), admin: admin.toBase58(), assets };
}

function loadKeypair(file: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(file, "utf8")) as number[]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      keypair: { type: "string", default: path.join(homedir(), ".config", "solana", "id.json") },
      "group-num": { type: "string", default: "0" },
      "delay-slots": { type: "string" },
      shard: { type: "string", default: "0" },
      "mainnet-mints": { type: "boolean", default: false },
      usdc: { type: "string" },
      sol: { type: "string" },
      eth: { type: "string" },
      btc: { type: "string" },
    },
  });
  if (!values.url) throw new Error("--url <rpc url> is required");
  const mints = {} as Record<Symbol, PublicKey>;
  for (const symbol of SYMBOLS) {
    const given = values[symbol.toLowerCase() as "usdc" | "sol" | "eth" | "btc"] ?? (values["mainnet-mints"] ? MAINNET_MINTS[symbol] : undefined);
    if (!given) throw new Error(`--${symbol.toLowerCase()} <mint> is required (or --mainnet-mints)`);
    mints[symbol] = new PublicKey(given);
  }
  const guards = values["delay-slots"] === undefined ? LAUNCH_GUARDS : { ...LAUNCH_GUARDS, delaySlots: new BN(values["delay-slots"]) };
  const connection = new Connection(values.url, "confirmed");
  const provider = new AnchorProvider(connection, new Wallet(loadKeypair(values.keypair!)), { commitment: "confirmed" });
  const program = new Program<Tightrope>(IDL, provider);
  const deployed = await deploy(program, { groupNum: Number(values["group-num"]), mints, guards, shard: Number(values.shard) });
  console.log(JSON.stringify(deployed, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
