// The keeper's liquidations on the local cluster, through the program's `liquidate` and `resolve_bad_debt`: every
// account below maintenance and no other, two keepers without a double liquidation, bad debt resolved, and a
// liquidation its own account could not carry refused before anything is sent.
import assert from "node:assert/strict";

import { payer } from "../helpers/cluster";
import { borrower, Borrower, keeperMarket, rally, RunningKeeper, startKeeper, waitFor } from "../helpers/keeper";
import { createTrader, Market, publish } from "../helpers/market";

/** The keeper's wallet with margin account 0 holding 1,000 USDC: the account it liquidates into. */
async function liquidatorWallet(market: Market) {
  const trader = await createTrader(market, payer(), { USDC: 1_000n * 10n ** 6n });
  await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 1_000n * 10n ** 6n);
  return trader.owner;
}

const maintenanceHealth = async (market: Market, b: Borrower) => (await market.admin.programHealth(b.marginAccount)).maintenanceHealth;

describe("keeper: liquidation", function () {
  this.timeout(180_000);

  it("liquidates every account below maintenance back to it, and no other", async function () {
    const market = await keeperMarket(0n);
    const books = [await borrower(market, 5n * 10n ** 8n), await borrower(market, 6n * 10n ** 8n), await borrower(market, 3n * 10n ** 8n)];
    const { keeper } = await startKeeper(market, { keypair: await liquidatorWallet(market) });
    const untouched = await market.admin.fetchMarginAccount(books[2].marginAccount);
    try {
      await rally(market);
      for (const b of books.filter((x) => x.sinks)) await waitFor("the account back above maintenance", async () => (await maintenanceHealth(market, b)) >= 0n || undefined, 60_000);
      const after = await market.admin.fetchMarginAccount(books[2].marginAccount);
      assert.deepEqual(after.balances, untouched.balances);
      assert.equal((await keeper.metrics.landed.get()).values.find((v) => v.labels.kind === "liquidate")?.value, 2);
    } finally {
      await keeper.stop();
    }
  });

  it("two keepers at once never double-liquidate or leave an account inconsistent", async function () {
    const market = await keeperMarket(0n);
    const sunk = await borrower(market, 5n * 10n ** 8n);
    const keepers: RunningKeeper[] = [];
    for (let i = 0; i < 2; i++) keepers.push(await startKeeper(market, { keypair: await liquidatorWallet(market) }));
    try {
      await rally(market);
      await waitFor("the account back above maintenance", async () => (await maintenanceHealth(market, sunk)) >= 0n || undefined, 60_000);
      const landed = keepers.flatMap((k) => k.lines.filter((l) => l.event === "landed" && l.action === "liquidate"));
      // One liquidation, sized back to maintenance, is all it takes: the program refuses the other keeper's (it is
      // no longer liquidatable), which that keeper logs as settled instead of retrying.
      assert.equal(landed.length, 1);
      assert.ok((await maintenanceHealth(market, sunk)) >= 0n);
    } finally {
      await Promise.all(keepers.map((k) => k.keeper.stop()));
    }
  });

  it("resolves the bad debt of an account a crash left with debt and no deposits", async function () {
    const market = await keeperMarket(0n);
    const sunk = await borrower(market, 5n * 10n ** 8n);
    const { keeper } = await startKeeper(market, { keypair: await liquidatorWallet(market) });
    try {
      // SOL at $400: 0.5 SOL owed is worth 200 against 100 of USDC: liquidation seizes it all, the rest is bad debt.
      await publish(market, "USDC", 100_000_000n);
      await publish(market, "SOL", 40_000_000_000n);
      await waitFor("bad debt resolved", async () => ((await keeper.metrics.badDebtResolved.get()).values[0]?.value ?? 0) >= 1 || undefined, 60_000);
      const after = await market.admin.fetchMarginAccount(sunk.marginAccount);
      assert.ok(after.balances.every((b) => b.borrowShares === 0n));
    } finally {
      await keeper.stop();
    }
  });

  // Decided and refused before anything is sent, so this one runs today.
  it("refuses to liquidate into its own account when that would leave it below initial margin", async function () {
    const market = await keeperMarket(0n);
    const sunk = await borrower(market, 5n * 10n ** 8n);
    // A keeper whose margin account is empty: taking on SOL debt would put it below initial margin at once.
    const empty = await createTrader(market, payer(), {});
    const { keeper, lines } = await startKeeper(market, { keypair: empty.owner });
    try {
      await rally(market);
      const skipped = await waitFor("the refusal", () => lines.find((l) => l.event === "skipped" && l.reason === "liquidator_margin"));
      assert.equal(skipped.account, sunk.marginAccount.toBase58());
      assert.ok((await maintenanceHealth(market, sunk)) < 0n);
    } finally {
      await keeper.stop();
    }
  });
});
