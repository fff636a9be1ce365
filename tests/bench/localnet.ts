// Benchmark (not a test): `npx tsx tests/bench/localnet.ts`. Starts its own tightrope-localnet and prints start-up
// time, per-transaction latency of program.methods…rpc() sequentially and of 1,000 sends without waiting, and the
// server's RSS after 1,000 and after 50,000 transactions. BENCH_TRANSACTIONS overrides the 50,000.
import { readFileSync } from "node:fs";

import { BN } from "@coral-xyz/anchor";
import { Transaction, TransactionInstruction } from "@solana/web3.js";

import { closeSharedConnection, connection, payer, publishCluster } from "../helpers/cluster";
import { startLocalnet } from "../../sdk/src/localnet";
import {
  createGroup,
  deposit,
  listAsset,
  marginAccountAddress,
  openTrader,
  tightropeProgram,
} from "../helpers/program";
import { rpc } from "../helpers/rpc";
import { tokenAccount } from "../helpers/tokens";

const SEQUENTIAL = 1_000;
const UNAWAITED = 1_000;
const TOTAL = Number(process.env.BENCH_TRANSACTIONS ?? 50_000);
const DEADLINE_MS = 20 * 60 * 1000;

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line!.replace(/\D+/g, "")) / 1024;
};
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms`;
};

/**
 * Deposits of 1, 2, 3… native units signed by the server's payer as owner and fee payer (one signature each, so the
 * client's signing stays cheap); distinct amounts keep every transaction distinct under one blockhash.
 */
class DepositFactory {
  private next = 1;
  private blockhash = { value: "", at: 0 };
  constructor(private readonly template: TransactionInstruction) {}

  async build(): Promise<Transaction> {
    if (Date.now() - this.blockhash.at > 20_000) {
      this.blockhash = { value: (await connection().getLatestBlockhash()).blockhash, at: Date.now() };
    }
    const data = Buffer.from(this.template.data);
    data.writeBigUInt64LE(BigInt(this.next++), 8);
    const tx = new Transaction({ feePayer: payer().publicKey, recentBlockhash: this.blockhash.value });
    tx.add(new TransactionInstruction({ ...this.template, data }));
    tx.sign(payer());
    return tx;
  }
}

/**
 * Pre-signs `count` deposits, then sends them all at once without waiting for any. Returns each one's latency from
 * its send to the RPC answer, and to the first poll that sees it confirmed.
 */
async function sendUnawaited(factory: DepositFactory, count: number) {
  const txs: Buffer[] = [];
  for (let i = 0; i < count; i++) txs.push((await factory.build()).serialize());
  const answered: number[] = [];
  const confirmed: number[] = [];
  const sentAt = new Map<string, number>();
  const pending = new Set<string>();
  let sending = true;
  const burstStart = performance.now();
  const sends = Promise.all(
    txs.map(async (wire) => {
      const start = performance.now();
      const signature = await connection().sendRawTransaction(wire);
      answered.push(performance.now() - start);
      sentAt.set(signature, start);
      pending.add(signature);
    }),
  ).finally(() => (sending = false));
  sends.catch(() => undefined); // a failed send is rethrown by the `await sends` below, not reported as unhandled
  // Poll while the sends are still being answered, so confirmation latency is not held back by the slowest send.
  while (sending || pending.size > 0) {
    for (let i = 0, batch = [...pending]; i < batch.length; i += 256) {
      const signatures = batch.slice(i, i + 256);
      const { value } = await connection().getSignatureStatuses(signatures);
      value.forEach((status, j) => {
        if (!status || status.confirmationStatus === "processed") return;
        if (status.err) throw new Error(`${signatures[j]} failed: ${JSON.stringify(status.err)}`);
        confirmed.push(performance.now() - sentAt.get(signatures[j])!);
        pending.delete(signatures[j]);
      });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await sends;
  return { answered, confirmed, totalMs: performance.now() - burstStart };
}

async function main() {
  const wallStart = Date.now();
  const server = await startLocalnet();
  try {
    publishCluster(server);
    const firstAnswerStart = performance.now();
    await rpc("getHealth");
    const firstAnswerMs = performance.now() - firstAnswerStart;
    console.log(`start-up: ${server.startupMs.toFixed(0)} ms to Ready; first getHealth answered ${firstAnswerMs.toFixed(1)} ms later`);
    console.log(`RSS at start: ${rssMb(server.pid).toFixed(0)} MB`);

    const program = tightropeProgram();
    const group = await createGroup(program);
    const asset = await listAsset(program, group);
    const trader = await openTrader(program, group, asset, 10n ** 15n);

    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const start = performance.now();
      await deposit(program, group, asset, trader, BigInt(i + 1)); // distinct, or one blockhash repeats a transaction
      sequential.push(performance.now() - start);
    }
    console.log(`${SEQUENTIAL} sequential program.methods.deposit().rpc(): ${summary(sequential)}`);

    // The payer's own margin account, so bulk deposits need one signature.
    const owner = payer().publicKey;
    await program.methods.createMarginAccount(0).accounts({ group: group.group, owner }).rpc();
    const source = await tokenAccount(asset.mint, owner, 10n ** 15n);
    const marginAccount = marginAccountAddress(group.group, owner, 0);
    const template = await program.methods
      .deposit(new BN(1))
      .accountsPartial({ group: group.group, marginAccount, authority: owner, asset: asset.asset, vault: asset.vault, source })
      .instruction();
    const factory = new DepositFactory(template);

    const unawaited = await sendUnawaited(factory, UNAWAITED);
    const burst = `pre-signed; first send to last confirmed ${unawaited.totalMs.toFixed(0)} ms`;
    console.log(`${UNAWAITED} deposits sent at once without waiting (${burst}):`);
    console.log(`  send→RPC answer: ${summary(unawaited.answered)}; send→confirmed: ${summary(unawaited.confirmed)}`);
    let done = SEQUENTIAL + UNAWAITED; // not counting the dozen set-up transactions
    console.log(`RSS after ${done} transactions: ${rssMb(server.pid).toFixed(0)} MB`);

    const bulkStart = performance.now();
    const measured = done;
    while (done < TOTAL && Date.now() - wallStart < DEADLINE_MS) {
      const batch = Math.min(1_000, TOTAL - done);
      await sendUnawaited(factory, batch);
      done += batch;
    }
    if (done > measured) {
      const rate = (done - measured) / ((performance.now() - bulkStart) / 1000);
      console.log(`RSS after ${done} transactions: ${rssMb(server.pid).toFixed(0)} MB (bulk rate ${rate.toFixed(0)} tx/s)`);
    }
    if (done < TOTAL) console.log(`stopped at ${done} of ${TOTAL} transactions: time limit`);
  } finally {
    closeSharedConnection();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
