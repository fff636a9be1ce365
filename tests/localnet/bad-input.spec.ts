// Requests a validator refuses, answered with the validator's codes and messages (Agave `rpc.rs`,
// `rpc-client-api/src/custom_error.rs`, jsonrpc-core), each followed by proof that the server still serves.
import assert from "node:assert/strict";

import { utils } from "@coral-xyz/anchor";
import { Keypair, PublicKey, SendTransactionError, SystemProgram } from "@solana/web3.js";

import { connection, payer } from "../helpers/cluster";
import { postRaw, RpcError, rpc, rpcRequest } from "../helpers/rpc";
import { legacyTransfer, unknownBlockhash, v0Transaction } from "../helpers/transactions";
import { confirm } from "../helpers/wallet";
import { withRawSocket } from "../helpers/ws";

const PREFLIGHT_FAILURE = -32002;
const SIGNATURE_VERIFICATION_FAILURE = -32003;
const INVALID_PARAMS = -32602;

/** Sends a raw request, checks the error code (and message prefix), then that the server answers normally. */
async function refused(method: string, params: unknown[], code: number, message?: string | RegExp): Promise<RpcError> {
  const response = await rpcRequest(method, params);
  assert.ok(response.error, `${method} succeeded: ${JSON.stringify(response.result)}`);
  assert.equal(response.error.code, code, JSON.stringify(response.error));
  if (typeof message === "string") assert.equal(response.error.message, message);
  else if (message) assert.match(response.error.message, message);
  await stillServes();
  return response.error;
}

async function stillServes() {
  assert.equal(await rpc("getHealth"), "ok");
  assert.ok((await connection().getSlot()) > 0);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
const transfer = (fromPubkey: PublicKey, toPubkey: PublicKey, lamports: number) =>
  SystemProgram.transfer({ fromPubkey, toPubkey, lamports });

describe("bad input", function () {
  it("malformed JSON: -32700 Parse error with a null id", async function () {
    const answer = (await postRaw('{"jsonrpc":"2.0","id":1,"method":"getSlot"')) as { id: unknown; error: RpcError };
    assert.equal(answer.error.code, -32700);
    assert.equal(answer.error.message, "Parse error");
    assert.equal(answer.id, null);
    await stillServes();
  });

  it("unknown method: -32601 Method not found", async function () {
    await refused("getTightropeSecrets", [], -32601, "Method not found");
  });

  it("wrong parameter types and values: -32602", async function () {
    await refused("getBalance", [12345], INVALID_PARAMS);
    await refused("getAccountInfo", [{ pubkey: "x" }], INVALID_PARAMS);
    await refused("getBalance", ["not-a-public-key"], INVALID_PARAMS, /^Invalid param/);
    await refused("getSignatureStatuses", ["not-a-list"], INVALID_PARAMS);
    await refused("sendTransaction", [42], INVALID_PARAMS);
  });

  it("undecodable transactions: -32602 naming the decoding failure", async function () {
    await refused("sendTransaction", ["0OIl"], INVALID_PARAMS, /^invalid base58 encoding/);
    await refused("sendTransaction", ["!!!", { encoding: "base64" }], INVALID_PARAMS, /^invalid base64 encoding/);
    const garbage = base64(Buffer.from([1, 2, 3]));
    await refused("sendTransaction", [garbage, { encoding: "base64" }], INVALID_PARAMS, /^failed to deserialize/);
  });

  it("a transaction without its signatures fails to sanitize: -32602", async function () {
    const { tx } = await legacyTransfer(1);
    const message = tx.serializeMessage();
    const noSignatures = Buffer.concat([Buffer.from([0]), message]); // signature count 0, header asks for 1
    await refused(
      "sendTransaction",
      [base64(noSignatures), { encoding: "base64" }],
      INVALID_PARAMS,
      "invalid transaction: Transaction failed to sanitize accounts offsets correctly",
    );
  });

  it("an unsigned (zero) signature and a corrupted signature: -32003, for send and verifying simulate", async function () {
    const { tx } = await legacyTransfer(1);
    const unsigned = Buffer.from(tx.serialize());
    unsigned.fill(0, 1, 65);
    const corrupted = Buffer.from(tx.serialize());
    corrupted[10] ^= 0xff;
    const message = "Transaction signature verification failure";
    for (const wire of [unsigned, corrupted]) {
      const encoded = base64(wire);
      await refused("sendTransaction", [encoded, { encoding: "base64" }], SIGNATURE_VERIFICATION_FAILURE, message);
      const simulate = [encoded, { encoding: "base64", sigVerify: true }];
      await refused("simulateTransaction", simulate, SIGNATURE_VERIFICATION_FAILURE, message);
    }
  });

  it("an unknown or expired blockhash fails preflight with BlockhashNotFound", async function () {
    const instruction = transfer(payer().publicKey, Keypair.generate().publicKey, 1);
    const tx = await v0Transaction([instruction], { recentBlockhash: unknownBlockhash() });
    const error = await refused(
      "sendTransaction",
      [base64(tx.serialize()), { encoding: "base64" }],
      PREFLIGHT_FAILURE,
      "Transaction simulation failed: Blockhash not found",
    );
    assert.equal((error.data as { err: unknown }).err, "BlockhashNotFound");
    // web3.js turns the same answer into a SendTransactionError.
    const thrown = await connection().sendTransaction(tx).catch((e: unknown) => e);
    assert.ok(thrown instanceof SendTransactionError && thrown.message.includes("Blockhash not found"), String(thrown));
  });

  it("sending a processed transaction again fails preflight with AlreadyProcessed", async function () {
    const { tx } = await legacyTransfer();
    const wire = base64(tx.serialize());
    await confirm(await rpc<string>("sendTransaction", [wire, { encoding: "base64" }]));
    const error = await refused(
      "sendTransaction",
      [wire, { encoding: "base64" }],
      PREFLIGHT_FAILURE,
      "Transaction simulation failed: This transaction has already been processed",
    );
    assert.equal((error.data as { err: unknown }).err, "AlreadyProcessed");
  });

  it("a failing instruction fails preflight with the InstructionError, logs and nothing committed", async function () {
    const poor = Keypair.generate();
    await confirm(await connection().requestAirdrop(poor.publicKey, 0.01e9));
    const tx = await v0Transaction([transfer(poor.publicKey, payer().publicKey, 1e9)], { signers: [poor] });
    const error = await refused(
      "sendTransaction",
      [base64(tx.serialize()), { encoding: "base64" }],
      PREFLIGHT_FAILURE,
      "Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1",
    );
    const data = error.data as { err: unknown; logs: string[] };
    assert.deepEqual(data.err, { InstructionError: [0, { Custom: 1 }] });
    assert.ok(data.logs.some((line) => line.includes("insufficient lamports")), JSON.stringify(data.logs));
    assert.equal(await connection().getBalance(poor.publicKey), 0.01e9);
    const status = await connection().getSignatureStatus(utils.bytes.bs58.encode(tx.signatures[0]));
    assert.equal(status.value, null);
  });

  it("WebSocket: malformed frames, unknown methods and bad subscription params, then a working subscription", async function () {
    await withRawSocket(async (socket) => {
      assert.equal((await socket.exchange("{oops")).error?.code, -32700);
      const unknown = await socket.exchange('{"jsonrpc":"2.0","id":1,"method":"nopeSubscribe","params":[]}');
      assert.equal(unknown.error?.code, -32601);
      const bad = await socket.exchange('{"jsonrpc":"2.0","id":2,"method":"accountSubscribe","params":["not-a-key"]}');
      assert.equal(bad.error?.code, INVALID_PARAMS);
      const id = await socket.request<number>("slotSubscribe");
      assert.equal((await socket.nextNotification(id, 3_000))?.method, "slotNotification");
    });
    await stillServes();
  });
});
