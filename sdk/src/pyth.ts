// Where Pyth's sponsored price feeds live on Solana: one `PriceUpdateV2` account per feed and shard, a PDA of the
// push-oracle program, owned by the receiver program (which is what the Tightrope program checks).
import { PublicKey } from "@solana/web3.js";

export const PYTH_RECEIVER_ID = new PublicKey("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");
export const PYTH_PUSH_ORACLE_ID = new PublicKey("pythWSnswVUd12oZpeFP8e9CVaEqJg25g1Vtc2biRsT");

/** Pyth price feed ids (the same on every cluster), from pyth.network's feed list. */
export const PYTH_FEED_IDS = {
  "USDC/USD": "eaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a",
  "SOL/USD": "ef0d8b6fda2ceba41da15d4095d1da392a0d2f8ed0c6c7bc0f4cfac8c280b56d",
  "ETH/USD": "ff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
  "BTC/USD": "e62df6c8b4a85fe1a67db44dc12de5db330f7ac66b72dc658afedf0f4a415b43",
} as const;

export function feedIdBytes(hex: string): Uint8Array {
  const clean = hex.startsWith("0x") ? hex.slice(2) : hex;
  if (!/^[0-9a-fA-F]{64}$/.test(clean)) throw new Error(`not a 32-byte hex feed id: ${hex}`);
  return Uint8Array.from(Buffer.from(clean, "hex"));
}

/** The push-oracle price account of `feedId` in `shard` (shard 0 is the one Pyth keeps updated). */
export function pythFeedAccount(feedId: Uint8Array, shard = 0): PublicKey {
  const shardSeed = Buffer.alloc(2);
  shardSeed.writeUInt16LE(shard);
  return PublicKey.findProgramAddressSync([shardSeed, Buffer.from(feedId)], PYTH_PUSH_ORACLE_ID)[0];
}

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
