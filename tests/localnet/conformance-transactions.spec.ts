// Transaction methods as web3.js parses them (a wrong shape throws inside web3.js), plus raw requests for the
// encodings web3.js never sends.
import assert from "node:assert/strict";

import { utils } from "@coral-xyz/anchor";
import { TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Keypair, SystemProgram, TransactionInstruction } from "@solana/web3.js";

import { COMMITMENT, connection, payer } from "../helpers/cluster";
import { rpc } from "../helpers/rpc";
import { newMint } from "../helpers/tokens";
import { legacyTransfer, transferInstruction, unknownBlockhash, v0Transaction } from "../helpers/transactions";
import { confirm } from "../helpers/wallet";

const FEE_PER_SIGNATURE = 5000;

describe("conformance: transactions", function () {
  it("sendTransaction of a legacy transaction (base64 through web3.js) lands and moves lamports", async function () {
    const { tx, to } = await legacyTransfer(1234567);
    const signature = await connection().sendRawTransaction(tx.serialize());
    await confirm(signature);
    assert.equal(await connection().getBalance(to), 1234567);
  });

  it("sendTransaction accepts base58 and explicit base64 encodings", async function () {
    const first = await legacyTransfer(1_000_000);
    const viaBase58 = await rpc<string>("sendTransaction", [utils.bytes.bs58.encode(first.tx.serialize())]);
    assert.equal(viaBase58, utils.bytes.bs58.encode(first.tx.signature!));
    const second = await legacyTransfer(2_000_000);
    const viaBase64 = await rpc<string>("sendTransaction", [
      second.tx.serialize().toString("base64"),
      { encoding: "base64", preflightCommitment: "confirmed" },
    ]);
    await Promise.all([confirm(viaBase58), confirm(viaBase64)]);
    assert.equal(await connection().getBalance(first.to), 1_000_000);
    assert.equal(await connection().getBalance(second.to), 2_000_000);
  });

  it("v0 transactions send, confirm and come back from getTransaction with version 0", async function () {
    const to = Keypair.generate().publicKey;
    const tx = await v0Transaction([transferInstruction(to, 5_555_000)]);
    const signature = await connection().sendTransaction(tx);
    await confirm(signature);
    assert.equal(await connection().getBalance(to), 5_555_000);

    const fetched = await connection().getTransaction(signature, {
      commitment: COMMITMENT,
      maxSupportedTransactionVersion: 0,
    });
    assert.ok(fetched?.meta, "getTransaction returned no meta");
    assert.equal(fetched.version, 0);
    assert.equal(fetched.meta.err, null);
    assert.equal(fetched.meta.fee, FEE_PER_SIGNATURE);
    const keys = fetched.transaction.message.getAccountKeys();
    const toIndex = keys.staticAccountKeys.findIndex((k) => k.equals(to));
    assert.equal(fetched.meta.postBalances[toIndex] - fetched.meta.preBalances[toIndex], 5_555_000);
  });

  it("getTransaction in json (legacy) and base64 encodings describe the same transaction", async function () {
    const { tx } = await legacyTransfer();
    const signature = await connection().sendRawTransaction(tx.serialize());
    await confirm(signature);
    const json = await connection().getTransaction(signature, { commitment: COMMITMENT });
    assert.ok(json?.meta && json.blockTime !== undefined && json.slot > 0);
    assert.equal(json.transaction.signatures[0], signature);
    assert.equal(json.transaction.message.recentBlockhash, tx.recentBlockhash);
    assert.ok(json.meta.logMessages!.some((line) => line.startsWith("Program 11111111111111111111111111111111 ")));

    const raw = await rpc<{ transaction: [string, string]; slot: number; meta: unknown }>("getTransaction", [
      signature,
      { encoding: "base64", commitment: COMMITMENT },
    ]);
    assert.equal(raw.transaction[1], "base64");
    assert.deepEqual(Buffer.from(raw.transaction[0], "base64"), tx.serialize());
    assert.equal(raw.slot, json.slot);

    // A legacy transaction asked for with a version limit is answered with version "legacy".
    const versioned = await connection().getTransaction(signature, {
      commitment: COMMITMENT,
      maxSupportedTransactionVersion: 0,
    });
    assert.equal(versioned?.version, "legacy");
    assert.equal(await connection().getTransaction(utils.bytes.bs58.encode(Buffer.alloc(64, 9))), null);
  });

  it("getSignatureStatuses reports confirmed statuses, errors as TransactionError JSON, and null for unknown", async function () {
    const { tx } = await legacyTransfer();
    const ok = await connection().sendRawTransaction(tx.serialize());
    await confirm(ok);
    // A transfer of more than the sender holds fails in execution; skipPreflight lets it land as a failed tx.
    const poor = Keypair.generate();
    await confirm(await connection().requestAirdrop(poor.publicKey, 1_000_000));
    const overdraw = SystemProgram.transfer({ fromPubkey: poor.publicKey, toPubkey: payer().publicKey, lamports: 5e6 });
    const failing = await v0Transaction([overdraw], { signers: [poor] });
    const failed = await connection().sendRawTransaction(failing.serialize(), { skipPreflight: true });
    await waitForStatus(failed);
    const unknown = utils.bytes.bs58.encode(Buffer.alloc(64, 7));

    const { value, context } = await connection().getSignatureStatuses([ok, failed, unknown], {
      searchTransactionHistory: true,
    });
    assert.ok(context.slot > 0);
    assert.equal(value[0]?.err, null);
    assert.ok(value[0]?.confirmationStatus === "confirmed" || value[0]?.confirmationStatus === "finalized");
    assert.deepEqual(value[1]?.err, { InstructionError: [0, { Custom: 1 }] });
    assert.equal(value[2], null);
  });

  it("simulateTransaction returns logs, units, the requested accounts and replaces the blockhash", async function () {
    const to = Keypair.generate().publicKey;
    const tx = await v0Transaction([transferInstruction(to, 4_242_000)], { recentBlockhash: unknownBlockhash() });
    const simulated = await connection().simulateTransaction(tx, {
      sigVerify: false,
      replaceRecentBlockhash: true,
      accounts: { encoding: "base64", addresses: [to.toBase58(), payer().publicKey.toBase58()] },
    });
    assert.equal(simulated.value.err, null);
    assert.ok(simulated.value.logs!.includes("Program 11111111111111111111111111111111 success"));
    assert.equal(typeof simulated.value.unitsConsumed, "number");
    assert.equal(simulated.value.accounts!.length, 2);
    assert.equal(simulated.value.accounts![0]!.lamports, 4_242_000);
    // Nothing was committed.
    assert.equal(await connection().getBalance(to), 0);
  });

  it("simulateTransaction carries an instruction's return data", async function () {
    const mint = await newMint();
    // SPL Token's GetAccountDataSize (21) returns the token account size through set_return_data.
    const instruction = new TransactionInstruction({
      programId: TOKEN_PROGRAM_ID,
      keys: [{ pubkey: mint, isSigner: false, isWritable: false }],
      data: Buffer.from([21]),
    });
    const simulated = await connection().simulateTransaction(await v0Transaction([instruction]));
    assert.equal(simulated.value.err, null);
    const returnData = simulated.value.returnData!;
    assert.equal(returnData.programId, TOKEN_PROGRAM_ID.toBase58());
    assert.equal(returnData.data[1], "base64");
    assert.equal(Buffer.from(returnData.data[0], "base64").readBigUInt64LE(0), 165n);
  });

  it("getSignaturesForAddress lists an address's transactions newest first and honours limit", async function () {
    const to = Keypair.generate().publicKey;
    const signatures: string[] = [];
    for (const lamports of [1_000_000, 2_000_000, 3_000_000]) {
      const { tx } = await legacyTransfer(lamports, to);
      signatures.push(await connection().sendRawTransaction(tx.serialize()));
      await confirm(signatures.at(-1)!);
    }
    const listed = await connection().getSignaturesForAddress(to, {}, COMMITMENT);
    assert.deepEqual(listed.map((s) => s.signature), [...signatures].reverse());
    assert.ok(listed.every((s) => s.err === null && s.slot > 0 && s.memo === null));
    const limited = await connection().getSignaturesForAddress(to, { limit: 1 }, COMMITMENT);
    assert.deepEqual(limited.map((s) => s.signature), [signatures[2]]);
  });

  it("getFeeForMessage charges 5000 lamports per signature; isBlockhashValid tells live from unknown", async function () {
    const { tx, blockhash } = await legacyTransfer();
    const fee = await connection().getFeeForMessage(tx.compileMessage(), COMMITMENT);
    assert.equal(fee.value, FEE_PER_SIGNATURE);
    const v0 = await v0Transaction([transferInstruction(Keypair.generate().publicKey)]);
    assert.equal((await connection().getFeeForMessage(v0.message, COMMITMENT)).value, FEE_PER_SIGNATURE);
    assert.equal((await connection().isBlockhashValid(blockhash, { commitment: COMMITMENT })).value, true);
    assert.equal((await connection().isBlockhashValid(unknownBlockhash(), { commitment: COMMITMENT })).value, false);
  });

  it("getRecentPrioritizationFees answers slot/fee pairs", async function () {
    const fees = await connection().getRecentPrioritizationFees({ lockedWritableAccounts: [payer().publicKey] });
    assert.ok(Array.isArray(fees));
    for (const { slot, prioritizationFee } of fees) {
      assert.ok(Number.isInteger(slot) && Number.isInteger(prioritizationFee));
    }
  });
});

/** Polls until the signature has a status (a failed transaction has no success to confirm over WebSocket). */
async function waitForStatus(signature: string) {
  for (let i = 0; i < 100; i++) {
    const { value } = await connection().getSignatureStatuses([signature]);
    if (value[0]?.confirmationStatus === "confirmed" || value[0]?.confirmationStatus === "finalized") return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${signature} got no confirmed status within 10 s`);
}
