// A keeper in the test process against the shared cluster (or a proxy in front of it), its JSON log lines kept in
// memory, and the market the keeper specs share: USDC and SOL, a SOL lender, optionally a margin-call window, and
// borrowers of USDC-backed SOL that a SOL rally puts below maintenance or not.
import { Writable } from "node:stream";

import { BN } from "@coral-xyz/anchor";
import { Keypair, PublicKey } from "@solana/web3.js";
import pino from "pino";

import { Keeper, KeeperConfig } from "../../keeper/src/keeper";
import { LAUNCH_LIQUIDATION } from "../../migrations/deploy";
import { fx } from "../../sdk/src";
import { clusterInfo, connection, payer } from "./cluster";
import { createMarket, createTrader, Market, publish } from "./market";

export type LogLine = Record<string, unknown> & { event?: string; msg?: string };

export interface RunningKeeper {
  keeper: Keeper;
  lines: LogLine[];
  wallet: Keypair;
}

export async function startKeeper(market: Market, overrides: Partial<KeeperConfig> = {}): Promise<RunningKeeper> {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const wallet = overrides.keypair ?? (await createTrader(market, payer(), {}, { openAccount: false })).owner;
  const config: KeeperConfig = {
    rpcUrl: clusterInfo().rpcUrl,
    wsUrl: clusterInfo().wsUrl,
    group: market.group,
    keypair: wallet,
    dryRun: false,
    shard: { index: 0, count: 1 },
    reloadMs: 5_000,
    pollMs: 300,
    sweepMs: 1_000,
    rpcTimeoutMs: 2_000,
    confirmTimeoutMs: 3_000,
    maxAttempts: 20,
    skipMs: 2_000,
    ...overrides,
  };
  const keeper = new Keeper(config, pino({ level: "debug" }, sink));
  await keeper.start();
  return { keeper, lines, wallet };
}

/** Polls `check` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await check();
    if (got !== undefined && got !== false) return got;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface Borrower {
  marginAccount: PublicKey;
  /** Below maintenance once SOL is at $170. */
  sinks: boolean;
}

/** USDC at $1, SOL at $100, a lender of 100 SOL, and the group's margin-call window set to `graceSeconds`. */
export async function keeperMarket(graceSeconds: bigint): Promise<Market> {
  const target = { connection: connection(), rpcUrl: clusterInfo().rpcUrl };
  const market = await createMarket(target, payer(), [
    { symbol: "USDC", decimals: 6, price: 100_000_000n },
    { symbol: "SOL", decimals: 9, price: 10_000_000_000n },
  ]);
  // The launch terms (liquidation to 5% above maintenance, a fifth of the discount insured, $1 dust), with the
  // window asked for.
  const a = { group: market.group, admin: payer().publicKey };
  const config = { ...LAUNCH_LIQUIDATION, graceSeconds: new BN(graceSeconds.toString()), hardThreshold: fx(1) };
  await market.admin.send([await market.admin.instructions.setMarginCall({ ...a, config })]);
  const lender = await createTrader(market, payer(), { SOL: 100n * 10n ** 9n });
  await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 100n * 10n ** 9n);
  return market;
}

/**
 * A trader with 100 USDC deposited and `solBorrowed` lamports of SOL borrowed. At SOL $170 the debt and its 30%
 * maintenance cost 221 per SOL owed: 0.5 SOL (110.5) sinks below the 100 deposited, 0.3 SOL (66.3) does not.
 */
export async function borrower(market: Market, solBorrowed: bigint): Promise<Borrower> {
  const trader = await createTrader(market, payer(), { USDC: 100n * 10n ** 6n });
  await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
  await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, solBorrowed);
  return { marginAccount: trader.marginAccount, sinks: solBorrowed * 221n > 100n * 10n ** 9n };
}

/** SOL rallies to $170 (and USDC is republished so neither oracle goes stale while the keeper works). */
export async function rally(market: Market): Promise<void> {
  await publish(market, "USDC", 100_000_000n);
  await publish(market, "SOL", 17_000_000_000n);
}
