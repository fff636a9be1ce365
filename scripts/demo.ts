/**
 * The trader demo (`npm run demo:trader`): the program on the embedded runtime behind a local JSON-RPC cluster, set up by
 * `migrations/deploy.ts` exactly as on any cluster, and one trader meeting both margin models: a borrow the
 * rules-based model refuses passes under TIMS portfolio margin, then a SOL rally eats into the account's health.
 * Everything goes through unmodified web3.js and Anchor; every figure printed is the program's own, from its return
 * data and events.
 */
import { execFileSync } from "node:child_process";

import { AnchorError, AnchorProvider, BN, Program, Wallet } from "@coral-xyz/anchor";
import { createMint, getOrCreateAssociatedTokenAccount, mintTo } from "@solana/spl-token";
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction } from "@solana/web3.js";

import { deploy, Symbol } from "../migrations/deploy";
import {
  closeWebSocket,
  feedIdBytes,
  healthAccounts,
  IDL,
  marginAccountAddress,
  PYTH_FEED_IDS,
  pythFeedAccount,
  shortfallFromLogs,
  Tightrope,
  transactionEvents,
} from "../sdk/src";
import { CheatTarget, Localnet, localnetBinary, REPO_ROOT, setPythPrice, startLocalnet } from "../sdk/src/localnet";

const DECIMALS: Record<Symbol, number> = { USDC: 6, SOL: 9, ETH: 8, BTC: 8 };
const FEEDS: Record<Symbol, keyof typeof PYTH_FEED_IDS> = { USDC: "USDC/USD", SOL: "SOL/USD", ETH: "ETH/USD", BTC: "BTC/USD" };
/** Whole dollars, published with exponent −8 as Pyth does. */
const DOLLARS: Record<Symbol, bigint> = { USDC: 1n, SOL: 100n, ETH: 3_000n, BTC: 60_000n };

/** Quote minor units (6 decimals) as dollars, integer arithmetic only. */
function usd(minor: bigint | BN | string): string {
  const value = BigInt(minor.toString());
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const cents = (abs + 5_000n) / 10_000n; // rounded to the cent for display only
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${whole}.${(cents % 100n).toString().padStart(2, "0")}`;
}

async function publishPrice(target: CheatTarget, symbol: Symbol, dollars: bigint): Promise<void> {
  const feedId = feedIdBytes(PYTH_FEED_IDS[FEEDS[symbol]]);
  const price = dollars * 100_000_000n;
  const update = {
    feedId,
    price,
    conf: price / 2_000n, // 0.05%
    exponent: -8,
    publishTime: BigInt(Math.floor(Date.now() / 1000)),
    postedSlot: BigInt(await target.connection.getSlot()),
  };
  await setPythPrice(target, update, pythFeedAccount(feedId));
}

/** The demo against a running cluster; every line it prints goes through `say`. */
export async function runDemo(server: Localnet, say: (line: string) => void = console.log): Promise<void> {
  const connection = new Connection(server.rpcUrl, "confirmed");
  try {
    await demo(server, connection, say);
  } finally {
    // Confirmations subscribe over the WebSocket; once the server stops, web3.js would retry it forever.
    closeWebSocket(connection);
  }
}

async function demo(server: Localnet, connection: Connection, say: (line: string) => void): Promise<void> {
  const cheats = { connection, rpcUrl: server.rpcUrl };
  const admin = server.payer;
  const program = new Program<Tightrope>(IDL, new AnchorProvider(connection, new Wallet(admin), { commitment: "confirmed" }));
  say(`cluster ${server.rpcUrl} ready in ${server.startupMs.toFixed(0)} ms`);

  const mints = {} as Record<Symbol, PublicKey>;
  for (const symbol of Object.keys(DECIMALS) as Symbol[]) {
    mints[symbol] = await createMint(connection, admin, admin.publicKey, null, DECIMALS[symbol]);
    await publishPrice(cheats, symbol, DOLLARS[symbol]);
  }
  const deployed = await deploy(program, { groupNum: 0, mints, log: (line) => say(`  deploy: ${line}`) });
  const group = new PublicKey(deployed.group);
  const asset = (symbol: Symbol) => ({
    asset: new PublicKey(deployed.assets[symbol].asset),
    vault: new PublicKey(deployed.assets[symbol].vault),
    oracle: new PublicKey(deployed.assets[symbol].oracle),
  });

  // A lender (the admin's wallet) supplies 100 SOL; the trader deposits 1,000 USDC.
  const wallet = async (owner: Keypair, symbol: Symbol, amount: bigint) => {
    const account = await getOrCreateAssociatedTokenAccount(connection, admin, mints[symbol], owner.publicKey);
    if (amount > 0n) await mintTo(connection, admin, mints[symbol], account.address, admin, amount);
    return account.address;
  };
  const open = async (owner: Keypair) => {
    await program.methods.createMarginAccount(0).accounts({ group, owner: owner.publicKey }).signers([owner]).rpc();
    return marginAccountAddress(group, owner.publicKey, 0);
  };
  const deposit = async (owner: Keypair, marginAccount: PublicKey, symbol: Symbol, source: PublicKey, amount: bigint) =>
    program.methods
      .deposit(new BN(amount.toString()))
      .accountsPartial({ group, marginAccount, authority: owner.publicKey, ...asset(symbol), source })
      .signers([owner])
      .rpc();
  const lenderAccount = await open(admin);
  await deposit(admin, lenderAccount, "SOL", await wallet(admin, "SOL", 100n * 10n ** 9n), 100n * 10n ** 9n);

  const trader = Keypair.generate();
  await connection.confirmTransaction(
    await connection.sendTransaction(
      new Transaction().add(SystemProgram.transfer({ fromPubkey: admin.publicKey, toPubkey: trader.publicKey, lamports: LAMPORTS_PER_SOL })),
      [admin],
    ),
    "confirmed",
  );
  const marginAccount = await open(trader);
  await deposit(trader, marginAccount, "USDC", await wallet(trader, "USDC", 1_000_000_000n), 1_000_000_000n);
  const solWallet = await wallet(trader, "SOL", 0n);
  say("trader: 1,000 USDC deposited; SOL at $100");

  const borrow = async (lamports: bigint) =>
    program.methods
      .borrow(new BN(lamports.toString()))
      .accountsPartial({ group, marginAccount, authority: trader.publicKey, ...asset("SOL"), destination: solWallet })
      .remainingAccounts(await healthAccounts(program, marginAccount, asset("SOL").asset))
      .signers([trader])
      .rpc();
  const health = async (label: string) => {
    // A second identical health transaction in the same slot would carry the same signature: wait for a new
    // blockhash, as any client re-sending an identical read must.
    const { blockhash } = await connection.getLatestBlockhash();
    while ((await connection.getLatestBlockhash()).blockhash === blockhash) await new Promise((r) => setTimeout(r, 100));
    const signature = await program.methods
      .health()
      .accountsPartial({ group, marginAccount })
      .remainingAccounts(await healthAccounts(program, marginAccount))
      .rpc();
    const event = (await transactionEvents(program, signature)).find((e) => e.name === "healthReported")!.data;
    const h = event.health as Record<string, BN>;
    say(
      `  ${label}: equity ${usd(h.equity)}, initial requirement ${usd(h.initialRequirement)} ` +
        `(health ${usd(h.initialHealth)}), maintenance requirement ${usd(h.maintenanceRequirement)} ` +
        `(health ${usd(h.maintenanceHealth)})`,
    );
    return event;
  };

  say("borrow 7.5 SOL under the rules-based model (50% initial on the short):");
  await borrow(7_500_000_000n).then(
    () => {
      throw new Error("the rules-based model let the borrow through");
    },
    (error: unknown) => {
      if (!(error instanceof AnchorError)) throw error;
      say(`  refused: ${error.error.errorCode.code}, shortfall ${usd(shortfallFromLogs(error.logs) ?? 0n)}`);
    },
  );

  await program.methods
    .setMarginModel({ tims: {} })
    .accountsPartial({ group, marginAccount, authority: trader.publicKey })
    .remainingAccounts(await healthAccounts(program, marginAccount))
    .signers([trader])
    .rpc();
  say("switched to TIMS portfolio margin; borrow 7.5 SOL again:");
  await borrow(7_500_000_000n);
  const after = await health("borrowed");
  const breakdown = after.breakdown as { initial: { classes: { balance: number; shock: BN; loss: BN }[] } };
  for (const line of breakdown.initial.classes) {
    const shockBp = BigInt(line.shock.toString()) / 100_000_000n; // fixed point 10^12 → basis points
    say(`    class ${line.balance}: worst initial-margin scenario ${shockBp} bp, loss ${usd(line.loss)}`);
  }

  say("SOL rallies to $115:");
  await publishPrice(cheats, "SOL", 115n);
  const rallied = (await health("after the rally")).health as Record<string, BN>;
  if (rallied.maintenanceHealth.isNeg()) say("  below maintenance margin: a keeper may now liquidate part of the account");
  say("done: every figure above is the program's own, from its logs, return data and events");
}

async function main(): Promise<void> {
  // The cluster binary is the one cargo builds; a warm build takes seconds.
  execFileSync("cargo", ["build", "-p", "tightrope-localnet"], { cwd: REPO_ROOT, stdio: "inherit" });
  console.log(`starting ${localnetBinary()}`);
  const server = await startLocalnet();
  try {
    await runDemo(server);
  } finally {
    await server.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
