// Pyth `PriceUpdateV2` accounts written through the `surfnet_setAccount` cheatcode: the only way to get a price
// onto a cluster that has no Pyth receiver program.
import { Keypair, PublicKey } from "@solana/web3.js";

import { PYTH_RECEIVER_ID } from "../../sdk/src";
import { connection } from "./cluster";
import { rpc } from "./rpc";

export { PYTH_RECEIVER_ID as PYTH_RECEIVER } from "../../sdk/src";
/** sha256("account:PriceUpdateV2")[..8], Anchor's account discriminator. */
export const PRICE_UPDATE_V2_DISCRIMINATOR = Buffer.from([34, 241, 35, 99, 157, 126, 244, 205]);
/** Size with the larger (Partial) verification level, as the receiver allocates it. */
export const PRICE_UPDATE_V2_SIZE = 134;

export interface PriceUpdate {
  feedId: Uint8Array;
  price: bigint;
  conf: bigint;
  exponent: number;
  /** Unix seconds. */
  publishTime: bigint;
  postedSlot: bigint;
  writeAuthority?: PublicKey;
}

/** Little-endian Borsh of a fully verified update, zero-padded to the account size. */
export function encodePriceUpdate(update: PriceUpdate): Buffer {
  if (update.feedId.length !== 32) throw new Error("feed id must be 32 bytes");
  const data = Buffer.alloc(PRICE_UPDATE_V2_SIZE);
  let at = 0;
  at += PRICE_UPDATE_V2_DISCRIMINATOR.copy(data, at);
  at += (update.writeAuthority ?? PublicKey.default).toBuffer().copy(data, at);
  at = data.writeUInt8(1, at); // VerificationLevel::Full
  at += Buffer.from(update.feedId).copy(data, at);
  at = data.writeBigInt64LE(update.price, at);
  at = data.writeBigUInt64LE(update.conf, at);
  at = data.writeInt32LE(update.exponent, at);
  at = data.writeBigInt64LE(update.publishTime, at);
  at = data.writeBigInt64LE(update.publishTime, at); // prev_publish_time
  at = data.writeBigInt64LE(update.price, at); // ema_price
  at = data.writeBigUInt64LE(update.conf, at); // ema_conf
  data.writeBigUInt64LE(update.postedSlot, at);
  return data;
}

/** Reads back the fields `encodePriceUpdate` writes; throws on a foreign or partially verified account. */
export function decodePriceUpdate(data: Buffer): PriceUpdate {
  if (!data.subarray(0, 8).equals(PRICE_UPDATE_V2_DISCRIMINATOR)) throw new Error("not a PriceUpdateV2");
  if (data[40] !== 1) throw new Error("only Full verification is decoded here");
  const price = 73; // discriminator 8, write authority 32, verification level 1, feed id 32
  return {
    writeAuthority: new PublicKey(data.subarray(8, 40)),
    feedId: Uint8Array.from(data.subarray(41, price)),
    price: data.readBigInt64LE(price),
    conf: data.readBigUInt64LE(price + 8),
    exponent: data.readInt32LE(price + 16),
    publishTime: data.readBigInt64LE(price + 20),
    postedSlot: data.readBigUInt64LE(price + 52),
  };
}

/** Writes (or overwrites) a price account owned by the Pyth receiver; returns its address. */
export async function setPythPrice(update: PriceUpdate, address = Keypair.generate().publicKey): Promise<PublicKey> {
  const lamports = await connection().getMinimumBalanceForRentExemption(PRICE_UPDATE_V2_SIZE);
  await rpc("surfnet_setAccount", [
    address.toBase58(),
    { lamports, data: encodePriceUpdate(update).toString("hex"), owner: PYTH_RECEIVER_ID.toBase58() },
  ]);
  return address;
}

/** A price published now at the current slot, for feeds whose value does not matter to the test. */
export async function freshPrice(feedId: Uint8Array, price = 100_000_000n, exponent = -6): Promise<PriceUpdate> {
  const slot = await connection().getSlot();
  const publishTime = BigInt(Math.floor(Date.now() / 1000));
  return { feedId, price, conf: price / 1000n, exponent, publishTime, postedSlot: BigInt(slot) };
}
