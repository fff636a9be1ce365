// The page's local cluster (Node only, used by `npm run app` and the browser tests): a tightrope-localnet with the
// deploy script's USDC/SOL/ETH/BTC group on Pyth's feed accounts, a lender's liquidity to borrow from, and a trader
// keypair holding tokens, which the page is handed as its "local test keypair". Pyth prices go stale after the
// assets' maximum age (60 s), so a publisher re-posts each feed's current price at the cluster's time every few
// seconds, as Pyth's pusher does on a real cluster; `setPrice` is the one way to change a price, so the publisher
// never writes back an older one.
import { AnchorProvider, BN, Program } from "@coral-xyz/anchor";
import { createMint, getOrCreateAssociatedTokenAccount, mintTo } from "@solana/spl-token";
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from "@solana/web3.js";

import { deploy, Deployed, LAUNCH_GUARDS, Symbol } from "../../migrations/deploy";
import { closeWebSocket, feedIdBytes, IDL, KeypairWallet, PYTH_FEED_IDS, pythFeedAccount, Tightrope, TightropeClient } from "../../sdk/src";
import { CheatTarget, Localnet, priceNow, setPythPrice, startLocalnet } from "../../sdk/src/localnet";

export const SYMBOLS: Symbol[] = ["USDC", "SOL", "ETH", "BTC"];
const DECIMALS: Record<Symbol, number> = { USDC: 6, SOL: 9, ETH: 8, BTC: 8 };
/** Opening prices in Pyth's 10^-8 units. */
const OPENING: Record<Symbol, bigint> = { USDC: 100_000_000n, SOL: 10_000_000_000n, ETH: 300_000_000_000n, BTC: 6_000_000_000_000n };
/** Whole tokens: what the lender supplies, and what the trader's wallet starts with. */
const LIQUIDITY: Record<Symbol, bigint> = { USDC: 1_000_000n, SOL: 10_000n, ETH: 500n, BTC: 20n };
const TRADER_TOKENS: Record<Symbol, bigint> = { USDC: 10_000n, SOL: 100n, ETH: 5n, BTC: 1n };
const REPUBLISH_MS = 5_000;

export interface LocalCluster {
  rpcUrl: string;
  connection: Connection;
  group: PublicKey;
  deployed: Deployed;
  /** The group's admin (the cluster's funded payer). */
  admin: Keypair;
  /** The keypair the page signs with on this cluster. */
  trader: Keypair;
  /** Publishes `symbol` at `price` (10^-8 quote units) now and keeps re-publishing it. */
  setPrice(symbol: Symbol, price: bigint): Promise<void>;
  stop(): Promise<void>;
}

const whole = (symbol: Symbol, tokens: bigint) => tokens * 10n ** BigInt(DECIMALS[symbol]);

/**
 * Starts a private cluster and seeds it. The group's guards are the launch guards without their delay,
 * so on this playground a margin-call window or tier change applies at once instead of a day later.
 */
export async function startLocalCluster(options: { log?: (line: string) => void } = {}): Promise<LocalCluster> {
  const log = options.log ?? (() => {});
  const server: Localnet = await startLocalnet();
  const connection = new Connection(server.rpcUrl, "confirmed");
  const target: CheatTarget = { connection, rpcUrl: server.rpcUrl };
  const admin = server.payer;
  const prices = new Map<Symbol, bigint>(SYMBOLS.map((s) => [s, OPENING[s]]));
  // Writes are chained so a re-post and a price change never interleave.
  let writing: Promise<void> = Promise.resolve();
  const publish = (symbols: Symbol[]) => {
    writing = writing.then(async () => {
      for (const symbol of symbols) {
        const feedId = feedIdBytes(PYTH_FEED_IDS[`${symbol}/USD`]);
        const price = prices.get(symbol)!;
        await setPythPrice(target, await priceNow(connection, feedId, price, -8, price / 2_000n), pythFeedAccount(feedId));
      }
    });
    return writing;
  };
  let timer: NodeJS.Timeout | undefined;
  const stop = async () => {
    clearInterval(timer);
    await writing.catch(() => {});
    closeWebSocket(connection);
    await server.stop();
  };
  try {
    const mints = {} as Record<Symbol, PublicKey>;
    for (const symbol of SYMBOLS) mints[symbol] = await createMint(connection, admin, admin.publicKey, null, DECIMALS[symbol]);
    await publish(SYMBOLS);
    const program = new Program<Tightrope>(IDL, new AnchorProvider(connection, new KeypairWallet(admin), { commitment: "confirmed" }));
    const deployed = await deploy(program, { groupNum: 0, mints, guards: { ...LAUNCH_GUARDS, delaySlots: new BN(0) }, log });
    const group = new PublicKey(deployed.group);

    const fund = async (owner: PublicKey, symbol: Symbol, tokens: bigint) => {
      const ata = await getOrCreateAssociatedTokenAccount(connection, admin, mints[symbol], owner);
      await mintTo(connection, admin, mints[symbol], ata.address, admin, whole(symbol, tokens));
    };
    // The lender: the admin's own margin account supplies every asset, so there is something to borrow.
    const lender = TightropeClient.fromKeypair(connection, admin);
    await lender.createMarginAccount(group, 0);
    const assets = await lender.fetchAssets(group);
    for (const symbol of SYMBOLS) {
      await fund(admin.publicKey, symbol, LIQUIDITY[symbol]);
      const asset = assets.find((a) => a.mint.equals(mints[symbol]))!;
      await lender.moveIn("deposit", lender.marginAccountAddress(group, 0), asset, whole(symbol, LIQUIDITY[symbol]));
    }
    const trader = Keypair.generate();
    await lender.send([SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: trader.publicKey, lamports: 10 * LAMPORTS_PER_SOL })]);
    for (const symbol of SYMBOLS) await fund(trader.publicKey, symbol, TRADER_TOKENS[symbol]);
    log(`group ${group.toBase58()} seeded; local test keypair ${trader.publicKey.toBase58()}`);

    timer = setInterval(() => void publish(SYMBOLS).catch((e: unknown) => log(`price re-post failed: ${(e as Error).message}`)), REPUBLISH_MS);
    timer.unref();
    return {
      rpcUrl: server.rpcUrl,
      connection,
      group,
      deployed,
      admin,
      trader,
      setPrice: (symbol, price) => {
        prices.set(symbol, price);
        return publish([symbol]);
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
