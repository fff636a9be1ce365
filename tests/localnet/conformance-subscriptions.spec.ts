// Every subscription through web3.js's listeners (whose notification shapes web3.js validates), then the same
// subscriptions raw: small sequential ids, notifications tagged with them, and silence after unsubscribe.
import assert from "node:assert/strict";

import { utils } from "@coral-xyz/anchor";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Context, KeyedAccountInfo, Keypair, Logs, PublicKey, SignatureResult, SlotInfo } from "@solana/web3.js";

import { COMMITMENT, connection } from "../helpers/cluster";
import { firstNotification, sleep } from "../helpers/subscriptions";
import { mintTokens, newMint, tokenAccount } from "../helpers/tokens";
import { legacyTransfer } from "../helpers/transactions";
import { confirm } from "../helpers/wallet";
import { withRawSocket } from "../helpers/ws";

let transfers = 0;

/**
 * Sends a transfer to `to` and waits for it; `sent` learns the signature before it is sent. Each call adds a
 * distinct lamport, or a repeat under the same blockhash would be the same transaction (AlreadyProcessed).
 */
async function transferTo(to: PublicKey, lamports = 1_000_000, sent?: Set<string>): Promise<void> {
  const { tx } = await legacyTransfer(lamports + transfers++, to);
  sent?.add(utils.bytes.bs58.encode(tx.signature!));
  await confirm(await connection().sendRawTransaction(tx.serialize()));
}

describe("conformance: subscriptions", function () {
  it("onSignature fires once the transaction is confirmed; a pending one can be removed", async function () {
    const { tx } = await legacyTransfer();
    let result: SignatureResult | undefined;
    const id = connection().onSignature(utils.bytes.bs58.encode(tx.signature!), (r) => (result = r), COMMITMENT);
    await sleep(300); // web3.js subscribes lazily; give the subscribe round trip time before sending
    await connection().sendRawTransaction(tx.serialize());
    for (let i = 0; i < 100 && !result; i++) await sleep(100);
    // web3.js drops a signature subscription once it has fired; one that never fired must not outlive the test.
    if (!result) await connection().removeSignatureListener(id);
    assert.deepEqual(result, { err: null });

    const never = utils.bytes.bs58.encode(Buffer.alloc(64, 3));
    const pending = connection().onSignature(never, () => assert.fail("notified for an unknown signature"));
    await sleep(300);
    await connection().removeSignatureListener(pending);
  });

  it("onAccountChange delivers the new lamports", async function () {
    const watched = Keypair.generate().publicKey;
    let sent = 0;
    const notified = await firstNotification<{ lamports: number }>({
      subscribe: (deliver) => connection().onAccountChange(watched, (info) => deliver(info), COMMITMENT),
      unsubscribe: (id) => connection().removeAccountChangeListener(id),
      trigger: async () => {
        await transferTo(watched);
        sent += 1_000_000;
      },
    });
    assert.ok(notified.lamports > 0 && notified.lamports <= sent);
  });

  it("onProgramAccountChange applies its filters", async function () {
    const mint = await newMint();
    const holding = await tokenAccount(mint, Keypair.generate().publicKey);
    const otherMint = await newMint();
    const unrelated = await tokenAccount(otherMint, Keypair.generate().publicKey);
    const seen: string[] = [];
    const notified = await firstNotification<KeyedAccountInfo>({
      subscribe: (deliver) =>
        connection().onProgramAccountChange(
          TOKEN_PROGRAM_ID,
          (keyed) => (seen.push(keyed.accountId.toBase58()), deliver(keyed)),
          { commitment: COMMITMENT, filters: [{ dataSize: 165 }, { memcmp: { offset: 0, bytes: mint.toBase58() } }] },
        ),
      unsubscribe: (id) => connection().removeProgramAccountChangeListener(id),
      trigger: async () => {
        await mintTokens(otherMint, unrelated, 5n);
        await mintTokens(mint, holding, 5n);
      },
    });
    assert.ok(notified.accountId.equals(holding));
    assert.ok(notified.accountInfo.owner.equals(TOKEN_PROGRAM_ID));
    assert.ok(!seen.includes(unrelated.toBase58()), "a filtered-out account was notified");
  });

  it("onLogs with 'all' and with a mentioned key", async function () {
    const mentioned = Keypair.generate().publicKey;
    const sent = new Set<string>();
    const trigger = () => transferTo(mentioned, 1_000_000, sent);
    for (const filter of ["all", mentioned] as const) {
      const notified = await firstNotification<{ logs: Logs; ctx: Context }>({
        subscribe: (deliver) => connection().onLogs(filter, (logs, ctx) => deliver({ logs, ctx }), COMMITMENT),
        unsubscribe: (id) => connection().removeOnLogsListener(id),
        trigger,
        accept: ({ logs }) => sent.has(logs.signature),
      });
      assert.equal(notified.logs.err, null);
      assert.ok(notified.logs.logs.includes("Program 11111111111111111111111111111111 success"));
    }
  });

  it("onSlotChange reports increasing slots with their parents", async function () {
    const slots: SlotInfo[] = [];
    const id = connection().onSlotChange((info) => slots.push(info));
    for (let i = 0; i < 50 && slots.length < 2; i++) await sleep(100);
    await connection().removeSlotChangeListener(id);
    assert.ok(slots.length >= 2, `${slots.length} slot notifications in 5 s`);
    assert.ok(slots[1].slot > slots[0].slot);
    assert.ok(slots.every((s) => s.parent < s.slot && s.root <= s.slot));
  });

  it("raw: small sequential ids, tagged notifications, and silence after unsubscribe", async function () {
    await withRawSocket(async (socket) => {
      const watched = Keypair.generate().publicKey;
      const accountSub = await socket.request<number>("accountSubscribe", [
        watched.toBase58(),
        { encoding: "base64", commitment: COMMITMENT },
      ]);
      const slotSub = await socket.request<number>("slotSubscribe");
      assert.ok(Number.isSafeInteger(accountSub) && accountSub >= 0 && accountSub < 1_000_000, String(accountSub));
      assert.equal(slotSub, accountSub + 1, "ids are not sequential");

      await transferTo(watched, 2_000_000);
      const notification = await socket.nextNotification(accountSub);
      assert.equal(notification?.method, "accountNotification");
      const result = notification!.params.result as { context: { slot: number }; value: { lamports: number } };
      assert.ok(result.context.slot > 0);
      assert.ok(result.value.lamports >= 2_000_000 && result.value.lamports < 2_001_000);
      assert.equal((await socket.nextNotification(slotSub, 2_000))?.method, "slotNotification");

      assert.equal(await socket.request("accountUnsubscribe", [accountSub]), true);
      assert.equal(await socket.request("slotUnsubscribe", [slotSub]), true);
      socket.discardNotifications(); // anything sent before the answers was sent while subscribed
      await transferTo(watched, 1_000_000);
      assert.equal(await socket.nextNotification(accountSub, 1_000), undefined);
      await sleep(500);
      assert.equal(await socket.nextNotification(slotSub, 0), undefined);
    });
  });
});
