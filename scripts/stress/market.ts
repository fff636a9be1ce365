// The stress demo's market: USDC, SOL, ETH and BTC mints with Pyth price accounts at their real feed addresses, the
// group deployed by migrations/deploy.ts (tiers and all), a margin-call window, a seeded insurance fund, a lender
// deep enough for every borrow, and the keeper's own wallet with a funded margin account to liquidate into.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { AnchorProvider, BN, Program, Wallet } from "@coral-xyz/anchor";
import { createAssociatedTokenAccountIdempotentInstruction, createMint, createMintToInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";

import { deploy, LAUNCH_GUARDS, LAUNCH_LIQUIDATION, Symbol } from "../../migrations/deploy";
import { AssetKeys, AssetState, feedIdBytes, fx, IDL, PYTH_FEED_IDS, pythFeedAccount, TightropeClient, Tightrope, U64_MAX } from "../../sdk/src";
import { clusterClock, Localnet, setPythPrice } from "../../sdk/src/localnet";

export const SYMBOLS: Symbol[] = ["USDC", "SOL", "ETH", "BTC"];
export const DECIMALS: Record<Symbol, number> = { USDC: 6, SOL: 9, ETH: 8, BTC: 8 };
const FEEDS: Record<Symbol, keyof typeof PYTH_FEED_IDS> = { USDC: "USDC/USD", SOL: "SOL/USD", ETH: "ETH/USD", BTC: "BTC/USD" };
const OPEN_GUARDS = { delaySlots: new BN(0), maxRateStep: U64_MAX, maxBandStep: U64_MAX, maxPointsStep: U64_MAX, expirySlots: U64_MAX };

export interface StressMarket {
  server: Localnet;
  connection: Connection;
  admin: TightropeClient;
  group: PublicKey;
  assets: Record<Symbol, AssetState>;
  mints: Record<Symbol, PublicKey>;
  keeperKeypairPath: string;
}

export const assetKeys = (a: AssetState): AssetKeys => ({ address: a.address, vault: a.vault, oracle: a.oracle, mint: a.mint });

/** Writes every price (10^-8 USD) at the cluster's current time, confidence 0.05% as Pyth's usually is. */
export async function publishPrices(server: Localnet, connection: Connection, prices: Record<Symbol, bigint>): Promise<void> {
  const clock = await clusterClock(connection);
  await Promise.all(
    SYMBOLS.map((s) => {
      const feedId = feedIdBytes(PYTH_FEED_IDS[FEEDS[s]]);
      const update = { feedId, price: prices[s], conf: prices[s] / 2_000n, exponent: -8, publishTime: clock.unixTimestamp, postedSlot: clock.slot };
      return setPythPrice({ connection, rpcUrl: server.rpcUrl }, update, pythFeedAccount(feedId));
    }),
  );
}

/** Admin-paid funding of `owner`: lamports, and tokens minted into its associated accounts. */
export function fundInstructions(m: Pick<StressMarket, "admin" | "mints">, owner: PublicKey, lamports: number, tokens: Partial<Record<Symbol, bigint>>): TransactionInstruction[] {
  const admin = m.admin.publicKey;
  const out: TransactionInstruction[] = [SystemProgram.transfer({ fromPubkey: admin, toPubkey: owner, lamports })];
  for (const [symbol, amount] of Object.entries(tokens) as [Symbol, bigint][]) {
    const ata = getAssociatedTokenAddressSync(m.mints[symbol], owner, true);
    out.push(createAssociatedTokenAccountIdempotentInstruction(admin, ata, owner, m.mints[symbol]));
    out.push(createMintToInstruction(m.mints[symbol], ata, admin, amount));
  }
  return out;
}

/** A margin account 0 for `client`'s wallet, holding `deposits` (native units). */
export async function depositAccount(m: Pick<StressMarket, "group" | "assets">, client: TightropeClient, deposits: Partial<Record<Symbol, bigint>>): Promise<PublicKey> {
  const marginAccount = client.marginAccountAddress(m.group, 0);
  const ixs = [await client.instructions.createMarginAccount({ group: m.group, owner: client.publicKey, accountNum: 0 })];
  for (const [symbol, amount] of Object.entries(deposits) as [Symbol, bigint][]) {
    const asset = m.assets[symbol];
    const source = getAssociatedTokenAddressSync(asset.mint, client.publicKey, true);
    ixs.push(await client.instructions.deposit({ group: m.group, marginAccount, authority: client.publicKey, asset: assetKeys(asset), source, amount }));
  }
  await client.send(ixs);
  return marginAccount;
}

const whole = (symbol: Symbol, n: bigint) => n * 10n ** BigInt(DECIMALS[symbol]);

export async function setUpMarket(server: Localnet, opening: Record<Symbol, bigint>, graceSeconds: number, say: (line: string) => void): Promise<StressMarket> {
  const connection = new Connection(server.rpcUrl, "confirmed");
  const payer = server.payer;
  const admin = TightropeClient.fromKeypair(connection, payer);
  const mints = {} as Record<Symbol, PublicKey>;
  for (const s of SYMBOLS) mints[s] = await createMint(connection, payer, payer.publicKey, null, DECIMALS[s]);
  await publishPrices(server, connection, opening);
  const program = new Program<Tightrope>(IDL, new AnchorProvider(connection, new Wallet(payer), { commitment: "confirmed" }));
  // Deployed without a delay so the margin-call window (a risk-increasing change) applies at once, then tightened.
  const deployed = await deploy(program, { groupNum: 0, mints, guards: OPEN_GUARDS, log: (line) => say(`  deploy: ${line}`) });
  const group = new PublicKey(deployed.group);
  const a = { group, admin: payer.publicKey };
  const config = { ...LAUNCH_LIQUIDATION, graceSeconds: new BN(graceSeconds), hardThreshold: fx(1, 2), cureBuffer: fx(1, 10) };
  await admin.send([await admin.instructions.setMarginCall({ ...a, config })]);
  await admin.send([await admin.instructions.setGuards({ ...a, guards: LAUNCH_GUARDS })]);
  say(`  margin calls: ${graceSeconds} s to cure, none beyond −50% of the requirement; liquidation to 5% above maintenance, a fifth of each discount insured; guards tightened`);
  const assets = Object.fromEntries((await admin.fetchAssets(group)).map((x) => [SYMBOLS.find((s) => mints[s].equals(x.mint))!, x])) as Record<Symbol, AssetState>;
  const m = { server, connection, admin, group, assets, mints };

  // The admin lends deep liquidity and seeds the USDC insurance fund.
  const lending: Record<Symbol, bigint> = { USDC: whole("USDC", 20_000_000n), SOL: whole("SOL", 150_000n), ETH: whole("ETH", 8_000n), BTC: whole("BTC", 400n) };
  const insurance = whole("USDC", 100_000n);
  await admin.send(fundInstructions(m, payer.publicKey, 0, { ...lending, USDC: lending.USDC + insurance }));
  await depositAccount(m, admin, lending);
  const usdcAta = getAssociatedTokenAddressSync(mints.USDC, payer.publicKey, true);
  await admin.send([await admin.instructions.fundInsurance({ group, asset: assetKeys(assets.USDC), funder: payer.publicKey, source: usdcAta, amount: insurance })]);

  // The keeper's wallet, with 1,000,000 USDC in its margin account to take liquidations on.
  const keeper = Keypair.generate();
  await admin.send(fundInstructions(m, keeper.publicKey, 10 * LAMPORTS_PER_SOL, { USDC: whole("USDC", 1_000_000n) }));
  await depositAccount(m, TightropeClient.fromKeypair(connection, keeper), { USDC: whole("USDC", 1_000_000n) });
  const keeperKeypairPath = path.join(os.tmpdir(), `tightrope-stress-keeper-${process.pid}.json`);
  writeFileSync(keeperKeypairPath, JSON.stringify([...keeper.secretKey]), { mode: 0o600 });
  say(`  lender: 20M USDC, 150k SOL, 8k ETH, 400 BTC; insurance fund 100k USDC; keeper wallet ${keeper.publicKey.toBase58()}`);
  return { ...m, keeperKeypairPath };
}
