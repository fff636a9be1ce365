// surfnet_timeTravel moves the whole cluster, so it runs against its own server rather than the shared one.
import assert from "node:assert/strict";

import {
  Connection,
  EpochInfo,
  Keypair,
  sendAndConfirmTransaction,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  Transaction,
} from "@solana/web3.js";

import { closeWebSocket, COMMITMENT } from "../helpers/cluster";
import { Localnet, startLocalnet } from "../../sdk/src/localnet";
import { rpc } from "../helpers/rpc";

async function clock(conn: Connection) {
  const data = (await conn.getAccountInfo(SYSVAR_CLOCK_PUBKEY, COMMITMENT))!.data;
  return { slot: data.readBigUInt64LE(0), epoch: data.readBigUInt64LE(16), unixTimestamp: data.readBigInt64LE(32) };
}

const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000));

describe("surfnet_timeTravel and the Clock sysvar (own server)", function () {
  let server: Localnet;
  let conn: Connection;
  const travel = (to: Record<string, number>) => rpc<EpochInfo>("surfnet_timeTravel", [to], server.rpcUrl);

  before(async function () {
    server = await startLocalnet();
    conn = new Connection(server.rpcUrl, COMMITMENT);
  });

  after(async function () {
    if (conn) closeWebSocket(conn);
    await server?.stop();
  });

  /** A transfer still lands after the jump: blockhashes and block heights stay consistent. */
  async function transferLands() {
    const to = Keypair.generate().publicKey;
    const tx = new Transaction().add(
      SystemProgram.transfer({ fromPubkey: server.payer.publicKey, toPubkey: to, lamports: 1_000_000 }),
    );
    await sendAndConfirmTransaction(conn, tx, [server.payer], { commitment: COMMITMENT });
    assert.equal(await conn.getBalance(to), 1_000_000);
  }

  it("the Clock follows wall time by default", async function () {
    const { unixTimestamp } = await clock(conn);
    const drift = unixTimestamp - nowSeconds();
    assert.ok(drift >= -5n && drift <= 5n, `clock is ${drift} s off wall time`);
  });

  it("absoluteTimestamp (milliseconds) moves the Clock's unix_timestamp", async function () {
    const target = Date.now() + 6 * 3600 * 1000;
    const answer = await travel({ absoluteTimestamp: target });
    assert.ok(Number.isInteger(answer.absoluteSlot) && Number.isInteger(answer.epoch));
    const { unixTimestamp } = await clock(conn);
    const off = unixTimestamp - BigInt(Math.floor(target / 1000));
    assert.ok(off >= -2n && off <= 5n, `clock is ${off} s off the travel target`);
    await transferLands();
  });

  it("absoluteSlot moves the slot, the Clock and getEpochInfo", async function () {
    const target = (await conn.getSlot()) + 5_000;
    const answer = await travel({ absoluteSlot: target });
    assert.ok(answer.absoluteSlot >= target, `answered slot ${answer.absoluteSlot}`);
    assert.ok((await conn.getSlot()) >= target);
    assert.ok((await clock(conn)).slot >= BigInt(target));
    assert.ok((await conn.getEpochInfo()).absoluteSlot >= target);
    await transferLands();
  });

  it("absoluteEpoch moves to the start of that epoch", async function () {
    const { epoch } = await conn.getEpochInfo();
    const answer = await travel({ absoluteEpoch: epoch + 2 });
    assert.equal(answer.epoch, epoch + 2);
    assert.equal((await conn.getEpochInfo()).epoch, epoch + 2);
    assert.equal((await clock(conn)).epoch, BigInt(epoch + 2));
    await transferLands();
  });
});
