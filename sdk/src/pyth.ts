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
