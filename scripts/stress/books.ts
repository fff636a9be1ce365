// The traders the stress demo opens: a seeded mix of books under both margin models, sized in dollars at the
// opening prices and levered to a drawn share of what the program would lend (its own `maxBorrow`), a good part of
// them near their limit: longs and shorts against USDC, hedged pairs (SOL or BTC held against ETH owed),
// multi-asset books and savers.
import { Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";

import type { Symbol } from "../../migrations/deploy";
import { risk, TightropeClient } from "../../sdk/src";
import { random } from "../../keeper/bench/population";
import { DECIMALS, depositAccount, fundInstructions, StressMarket } from "./market";

export interface Book {
  marginAccount: PublicKey;
  model: risk.Model;
  kind: string;
}

interface Plan {
  kind: string;
  model: risk.Model;
  /** Dollars deposited per asset. */
  deposits: Partial<Record<Symbol, number>>;
  /** Each borrow as thousandths of the most the program would lend at that point. */
  borrows: [Symbol, number][];
}

function plan(rand: () => number): Plan {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const model: risk.Model = rand() < 0.5 ? "rules" : "tims";
  const usd = Math.round(1_000 * Math.exp(rand() * Math.log(100))); // $1k to $100k, log-uniform
  const share = () => Math.round(1_000 * (rand() < 0.4 ? 0.85 + rand() * 0.13 : 0.2 + rand() * 0.6));
  const risky = pick(["SOL", "SOL", "ETH", "BTC"] as const);
  const kind = rand();
  if (kind < 0.35) return { kind: "long", model, deposits: { [risky]: usd }, borrows: [["USDC", share()]] };
  if (kind < 0.55) return { kind: "short", model, deposits: { USDC: usd }, borrows: [[risky, share()]] };
  if (kind < 0.75) return { kind: "hedged", model, deposits: { [pick(["SOL", "BTC"] as const)]: usd }, borrows: [["ETH", share()]] };
  if (kind < 0.9) return { kind: "multi", model, deposits: { USDC: usd / 2, ETH: usd / 2 }, borrows: [["SOL", 500], ["BTC", share()]] };
  return { kind: "saver", model, deposits: { [pick(["USDC", "SOL", "ETH", "BTC"] as const)]: usd }, borrows: [] };
}

/** Native units worth `usd` dollars at `price` (10^-8 USD per whole unit). */
const nativeFor = (symbol: Symbol, usd: number, price: bigint) => (BigInt(Math.round(usd * 100)) * 10n ** BigInt(DECIMALS[symbol]) * 1_000_000n) / price;

async function open(m: StressMarket, p: Plan, prices: Record<Symbol, bigint>): Promise<Book> {
  const owner = Keypair.generate();
  const deposits = Object.fromEntries(Object.entries(p.deposits).map(([s, usd]) => [s, nativeFor(s as Symbol, usd!, prices[s as Symbol])])) as Partial<Record<Symbol, bigint>>;
  await m.admin.send(fundInstructions(m, owner.publicKey, LAMPORTS_PER_SOL / 20, deposits));
  const client = TightropeClient.fromKeypair(m.connection, owner);
  const marginAccount = await depositAccount(m, client, deposits);
  if (p.model === "tims") await client.setMarginModel(marginAccount, "tims");
  for (const [symbol, thousandths] of p.borrows) {
    const amount = ((await client.maxBorrow(marginAccount, m.assets[symbol].address)) * BigInt(thousandths)) / 1_000n;
    if (amount > 0n) await client.moveOut("borrow", marginAccount, m.assets[symbol], amount);
  }
  return { marginAccount, model: p.model, kind: p.kind };
}

/** Opens `count` books, `parallel` at a time; `progress` hears each one opened. */
export async function openBooks(m: StressMarket, count: number, seed: number, prices: Record<Symbol, bigint>, progress: () => void, parallel = 24): Promise<Book[]> {
  const rand = random(seed);
  const plans = Array.from({ length: count }, () => plan(rand));
  const books: Book[] = [];
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const p = plans[next++];
      books.push(await open(m, p, prices));
      progress();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return books;
}
