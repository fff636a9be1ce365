// How integrators find and follow margin accounts: getProgramAccounts with memcmp on the owner, and WebSocket
// notifications (accountSubscribe, logsSubscribe) while deposits happen.
import assert from "node:assert/strict";

import { AccountInfo, Context, Logs, PublicKey } from "@solana/web3.js";
import { BorshCoder, EventParser } from "@coral-xyz/anchor";

import { PROGRAM_ID } from "../../sdk/src";
import { connection } from "../helpers/cluster";
import {
  createGroup,
  deposit,
  Group,
  listAsset,
  ListedAsset,
  MARGIN_ACCOUNT_OWNER_OFFSET,
  marginAccountAddress,
  openTrader,
  tightropeProgram,
  TightropeProgram,
  Trader,
  u128le,
} from "../helpers/program";
import { firstNotification } from "../helpers/subscriptions";
import { fundedWallet } from "../helpers/wallet";

const sortedKeys = (keys: PublicKey[]) => keys.map((k) => k.toBase58()).sort();

describe("finding and following margin accounts", function () {
  let program: TightropeProgram;
  let group: Group;
  let asset: ListedAsset;
  let trader: Trader;

  before(async function () {
    program = tightropeProgram();
    group = await createGroup(program);
    asset = await listAsset(program, group);
    trader = await openTrader(program, group, asset, 1_000_000n);
    // Another owner's account in the same group, which the owner filter must leave out.
    await openTrader(program, group, asset, 0n);
  });

  it("getProgramAccounts with memcmp on the owner finds all of an owner's margin accounts and nothing else", async function () {
    const owner = await fundedWallet();
    const mine: PublicKey[] = [];
    for (const accountNum of [0, 1, 5]) {
      await program.methods
        .createMarginAccount(accountNum)
        .accounts({ group: group.group, owner: owner.publicKey })
        .signers([owner])
        .rpc();
      mine.push(marginAccountAddress(group.group, owner.publicKey, accountNum));
    }
    const viaAnchor = await program.account.marginAccount.all([ownerFilter(owner.publicKey)]);
    assert.deepEqual(sortedKeys(viaAnchor.map((a) => a.publicKey)), sortedKeys(mine));
    assert.ok(viaAnchor.every((a) => a.account.owner.equals(owner.publicKey)));
    assert.deepEqual(viaAnchor.map((a) => a.account.accountNum).sort(), [0, 1, 5]);

    // The same through plain web3.js with a dataSize filter, and with the context slot.
    const filters = [{ dataSize: program.account.marginAccount.size }, ownerFilter(owner.publicKey)];
    const plain = await connection().getProgramAccounts(PROGRAM_ID, { filters });
    assert.deepEqual(sortedKeys(plain.map((a) => a.pubkey)), sortedKeys(mine));
    const withContext = await connection().getProgramAccounts(PROGRAM_ID, { filters, withContext: true });
    assert.ok(withContext.context.slot > 0);
    assert.equal(withContext.value.length, 3);

    // An owner with no accounts gets an empty list, not an error.
    const nobody = await program.account.marginAccount.all([ownerFilter(PublicKey.unique())]);
    assert.deepEqual(nobody, []);
  });

  it("accountSubscribe notifies the margin account's new deposit", async function () {
    let deposited = 0n;
    const notified = await firstNotification<AccountInfo<Buffer>>({
      subscribe: (deliver) => connection().onAccountChange(trader.marginAccount, (info) => deliver(info), "confirmed"),
      unsubscribe: (id) => connection().removeAccountChangeListener(id),
      trigger: async () => {
        await deposit(program, group, asset, trader, 1_000n);
        deposited += 1_000n;
      },
    });
    assert.ok(notified.owner.equals(PROGRAM_ID));
    const decoded = program.coder.accounts.decode("marginAccount", notified.data);
    const balance = decoded.balances.find((b: { asset: PublicKey }) => b.asset.equals(asset.asset));
    const notifiedDeposit = u128le(balance.depositShares);
    assert.ok(notifiedDeposit > 0n && notifiedDeposit <= deposited, `deposit ${notifiedDeposit} of ${deposited}`);
  });

  it("logsSubscribe mentioning the program delivers logs carrying the BalanceChanged event", async function () {
    const parser = new EventParser(PROGRAM_ID, new BorshCoder(program.idl));
    const notified = await firstNotification<{ logs: Logs; ctx: Context }>({
      subscribe: (deliver) => connection().onLogs(PROGRAM_ID, (logs, ctx) => deliver({ logs, ctx }), "confirmed"),
      unsubscribe: (id) => connection().removeOnLogsListener(id),
      trigger: () => deposit(program, group, asset, trader, 7n),
      accept: ({ logs }) => [...parser.parseLogs(logs.logs)].some((e) => e.name === "balanceChanged"),
    });
    assert.equal(notified.logs.err, null);
    assert.ok(notified.ctx.slot > 0);
    assert.match(notified.logs.signature, /^[1-9A-HJ-NP-Za-km-z]{64,88}$/);
    const event = [...parser.parseLogs(notified.logs.logs)].find((e) => e.name === "balanceChanged")!;
    assert.equal(event.data.amount.toString(), "7");
  });
});

function ownerFilter(owner: PublicKey) {
  return { memcmp: { offset: MARGIN_ACCOUNT_OWNER_OFFSET, bytes: owner.toBase58() } };
}
