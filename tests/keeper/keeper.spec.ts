// The keeper against the local cluster: a group with a margin-call window, one borrower a SOL rally sinks below
// maintenance and one it does not. Dry-run decides and sends nothing; a live keeper flags the sunk account and no
// other; sharded keepers split the group's accounts with every one covered exactly once.
import assert from "node:assert/strict";

import { accountDiscriminator, MARGIN_ACCOUNT_GROUP_OFFSET } from "../../sdk/src";
import { connection, payer } from "../helpers/cluster";
import { borrower, Borrower, keeperMarket, rally, startKeeper, waitFor } from "../helpers/keeper";
import { createTrader, Market } from "../helpers/market";
import { sleep } from "../helpers/subscriptions";

describe("keeper: dry run, margin calls and shards on the local cluster", function () {
  this.timeout(180_000);
  let market: Market;
  let sunk: Borrower;
  let afloat: Borrower;

  before(async function () {
    market = await keeperMarket(600n);
    [sunk, afloat] = [await borrower(market, 5n * 10n ** 8n), await borrower(market, 3n * 10n ** 8n)];
    assert.ok(sunk.sinks && !afloat.sinks);
    await rally(market);
  });

  const marginCallAt = async (b: Borrower) => (await market.admin.fetchMarginAccount(b.marginAccount)).marginCallAt;

  it("dry run decides and logs, and sends nothing", async function () {
    const { keeper, lines, wallet } = await startKeeper(market, { dryRun: true });
    const before = await connection().getSignaturesForAddress(wallet.publicKey);
    try {
      const decision = await waitFor("the dry-run decision", () => lines.find((l) => l.event === "decision" && l.account === sunk.marginAccount.toBase58()));
      assert.equal(decision.action, "flag");
      assert.equal(decision.dryRun, true);
      await sleep(2_000); // a few polls and a sweep more: still nothing sent
      assert.ok(!lines.some((l) => l.event === "decision" && l.account === afloat.marginAccount.toBase58()));
      assert.ok(!lines.some((l) => ["landed", "retry", "skipped"].includes(String(l.event))));
    } finally {
      await keeper.stop();
    }
    assert.equal((await connection().getSignaturesForAddress(wallet.publicKey)).length, before.length);
    assert.equal(await marginCallAt(sunk), null);
    assert.equal(await keeper.metrics.sent.get().then((m) => m.values.length), 0);
  });

  it("flags the account below maintenance when the group has a margin-call window, and no other", async function () {
    const { keeper, lines } = await startKeeper(market);
    try {
      const calledAt = await waitFor("the margin call", () => marginCallAt(sunk).then((at) => at ?? undefined));
      assert.ok(calledAt > 0n);
      await sleep(2_000); // the window runs: the keeper waits it out instead of sending more
      assert.equal(await marginCallAt(afloat), null);
      const landed = lines.filter((l) => l.event === "landed");
      assert.deepEqual(landed.map((l) => [l.account, l.action]), [[sunk.marginAccount.toBase58(), "flag"]]);
      assert.equal((await keeper.metrics.flagged.get()).values[0].value, 1);
      assert.equal(keeper.status().unhealthyAccounts.length, 1);
    } finally {
      await keeper.stop();
    }
  });

  it("sharded keepers cover every account of the group exactly once", async function () {
    for (let i = 0; i < 6; i++) await createTrader(market, payer(), {});
    const all = await connection().getProgramAccounts(market.admin.program.programId, {
      filters: [
        { memcmp: { offset: 0, bytes: accountDiscriminator("marginAccount").toString("base64"), encoding: "base64" } },
        { memcmp: { offset: MARGIN_ACCOUNT_GROUP_OFFSET, bytes: market.group.toBase58() } },
      ],
    });
    const keepers = [];
    for (let index = 0; index < 3; index++) keepers.push(await startKeeper(market, { dryRun: true, shard: { index, count: 3 } }));
    try {
      const shards = keepers.map((k) => k.keeper.trackedKeys());
      const covered = shards.flat();
      assert.equal(covered.length, new Set(covered).size, "an account is in two shards");
      assert.deepEqual(new Set(covered), new Set(all.map((a) => a.pubkey.toBase58())));
      assert.ok(shards.filter((s) => s.length > 0).length >= 2, "the split put everything in one shard");
    } finally {
      await Promise.all(keepers.map((k) => k.keeper.stop()));
    }
  });
});
