// A refused instruction must come back as Anchor's `AnchorError` (decoded from the program's log lines, as on a
// validator) and leave every account it touched byte-for-byte as it was.
import assert from "node:assert/strict";

import { AnchorError } from "@coral-xyz/anchor";
import { PublicKey } from "@solana/web3.js";

import { connection } from "./cluster";
import { rpc } from "./rpc";

/** Lamports, owner and data of each account (null when missing), comparable with deepEqual. */
export async function snapshot(keys: PublicKey[]) {
  const infos = await connection().getMultipleAccountsInfo(keys);
  return infos.map((info) =>
    info ? { lamports: info.lamports, owner: info.owner.toBase58(), data: info.data.toString("hex") } : null,
  );
}

export async function expectAnchorError(
  watched: PublicKey[],
  call: () => Promise<unknown>,
  name: string,
  number: number,
): Promise<AnchorError> {
  const before = await snapshot(watched);
  const error = await call().then(
    () => assert.fail(`expected ${name} (${number}), but the transaction succeeded`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof AnchorError, `expected AnchorError ${name}, got: ${String(error)}`);
  assert.equal(error.error.errorCode.code, name);
  assert.equal(error.error.errorCode.number, number);
  assert.deepEqual(await snapshot(watched), before, `${name} changed account state`);
  return error;
}

/** Overwrites an account's data in place through the `surfnet_setAccount` cheatcode, keeping lamports and owner. */
export async function patchAccountData(address: PublicKey, patch: (data: Buffer) => void): Promise<void> {
  const info = await connection().getAccountInfo(address);
  if (!info) throw new Error(`no account ${address.toBase58()}`);
  const data = Buffer.from(info.data);
  patch(data);
  await rpc("surfnet_setAccount", [address.toBase58(), { data: data.toString("hex") }]);
}
