// The foundation instructions driven through an unmodified Anchor client: balances move, events can be read back
// from the logs, and accounts decode from the committed IDL.
import assert from "node:assert/strict";

import { LAMPORTS_PER_SOL } from "@solana/web3.js";

import { connection } from "../helpers/cluster";
import { onlyEvent, transactionEvents } from "../helpers/events";
import {
  closeMarginAccount,
  createGroup,
  deposit,
  depositOf,
  Group,
  listAsset,
  ListedAsset,
  openTrader,
  tightropeProgram,
  TightropeProgram,
  u128le,
  withdraw,
} from "../helpers/program";
import { decodePriceUpdate, PYTH_RECEIVER } from "../helpers/pyth";
import { tokenBalance } from "../helpers/tokens";

describe("tightrope program over JSON-RPC", function () {
  let program: TightropeProgram;
  let group: Group;
  let asset: ListedAsset;

  before(async function () {
    program = tightropeProgram();
    group = await createGroup(program, 7);
    asset = await listAsset(program, group);
  });

  it("init_group stores the admin and quote mint and emits GroupInitialized", async function () {
    const stored = await program.account.group.fetch(group.group);
    assert.ok(stored.admin.equals(group.admin.publicKey));
    assert.ok(stored.quoteMint.equals(group.quoteMint));
    assert.equal(stored.groupNum, 7);
    assert.equal(stored.assetCount, 1);
    const event = await onlyEvent(program, group.initSignature, "groupInitialized");
    assert.ok((event.group as { equals(o: unknown): boolean }).equals(group.group));
    assert.equal(event.groupNum, 7);
  });

  it("add_asset creates the asset PDA, its vault and keeps the Pyth oracle written by the cheatcode", async function () {
    const stored = await program.account.asset.fetch(asset.asset);
    assert.ok(stored.mint.equals(asset.mint));
    assert.ok(stored.vault.equals(asset.vault));
    assert.ok(stored.oracle.equals(asset.oracle));
    assert.deepEqual(Uint8Array.from(stored.feedId), asset.feedId);
    assert.equal(await tokenBalance(asset.vault), 0n);

    const oracle = await connection().getAccountInfo(asset.oracle);
    assert.ok(oracle && oracle.owner.equals(PYTH_RECEIVER));
    assert.deepEqual(decodePriceUpdate(oracle.data).feedId, asset.feedId);

    const event = await onlyEvent(program, asset.signature, "assetAdded");
    assert.equal(event.tokenIndex, 0);
    assert.equal(event.decimals, 6);
  });

  it("deposit and withdraw move tokens, update the account and emit BalanceChanged", async function () {
    const trader = await openTrader(program, group, asset, 1_000_000n);
    const depositSig = await deposit(program, group, asset, trader, 600_000n);
    assert.equal(await tokenBalance(trader.source), 400_000n);
    assert.equal(await tokenBalance(asset.vault), 600_000n);
    assert.equal(await depositOf(program, trader.marginAccount, asset.asset), 600_000n);
    assert.equal(u128le((await program.account.asset.fetch(asset.asset)).depositShares), 600_000n);

    const deposited = await onlyEvent(program, depositSig, "balanceChanged");
    assert.deepEqual(deposited.kind, { deposit: {} });
    assert.equal(deposited.amount!.toString(), "600000");
    assert.equal(deposited.depositSharesAfter!.toString(), "600000");
    assert.equal(deposited.vaultAmountAfter!.toString(), "600000");

    const withdrawSig = await withdraw(program, group, asset, trader, 250_000n);
    assert.equal(await tokenBalance(trader.source), 650_000n);
    assert.equal(await tokenBalance(asset.vault), 350_000n);
    assert.equal(await depositOf(program, trader.marginAccount, asset.asset), 350_000n);
    const withdrawn = await onlyEvent(program, withdrawSig, "balanceChanged");
    assert.deepEqual(withdrawn.kind, { withdraw: {} });
    assert.equal(withdrawn.amount!.toString(), "250000");
    assert.equal(withdrawn.depositSharesAfter!.toString(), "350000");
    assert.ok(withdrawn.healthAfter, "a withdrawal reports the health it was checked against");

    await withdraw(program, group, asset, trader, 350_000n);
    assert.equal(await tokenBalance(asset.vault), 0n);
    assert.equal(await depositOf(program, trader.marginAccount, asset.asset), 0n);
  });

  it("create and close a margin account: rent goes back to the owner, the account disappears", async function () {
    const trader = await openTrader(program, group, asset, 0n, 3);
    const created = await program.account.marginAccount.fetch(trader.marginAccount);
    assert.ok(created.owner.equals(trader.owner.publicKey));
    assert.equal(created.accountNum, 3);

    const rent = (await connection().getAccountInfo(trader.marginAccount))!.lamports;
    const before = await connection().getBalance(trader.owner.publicKey);
    const closeSig = await closeMarginAccount(program, group, trader);
    assert.equal(await connection().getAccountInfo(trader.marginAccount), null);
    // The server's payer pays the fee, so the owner gets the rent back exactly.
    assert.equal(await connection().getBalance(trader.owner.publicKey), before + rent);
    assert.ok(rent > 0.01 * LAMPORTS_PER_SOL);
    const closed = await onlyEvent(program, closeSig, "marginAccountClosed");
    assert.ok((closed.owner as { equals(o: unknown): boolean }).equals(trader.owner.publicKey));
  });

  it("every instruction's transaction carries exactly one event of its kind", async function () {
    const trader = await openTrader(program, group, asset, 10n, 4);
    const sig = await deposit(program, group, asset, trader, 10n);
    const names = (await transactionEvents(program, sig)).map((e) => e.name);
    assert.deepEqual(names, ["balanceChanged"]);
  });
});
