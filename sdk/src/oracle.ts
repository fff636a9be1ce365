// The program's oracle read (`programs/tightrope/src/oracle.rs` and `Asset::read_price`), check for check and in
// the same order, so the SDK prices an account with the figures the program would use and refuses with the same
// named error where the program would.
import { AccountInfo, PublicKey } from "@solana/web3.js";

import { TightropeError } from "./errors";
import { confWithin, pythToFx } from "./math/oraclePrice";
import { PRICE_UPDATE_V2_DISCRIMINATOR, PYTH_RECEIVER_ID } from "./pyth";
import type { AssetState } from "./state";

/** How far ahead of the cluster clock a publish time may be. */
export const MAX_CLOCK_LEAD_SECONDS = 30n;

export interface OraclePrice {
  /** Fx quote per whole unit. */
  price: bigint;
  conf: bigint;
  publishTime: bigint;
}

interface ParsedUpdate {
  fullyVerified: boolean;
  feedId: Buffer;
  price: bigint;
  conf: bigint;
  exponent: number;
  publishTime: bigint;
}

/** Borsh of `PriceUpdateV2` after its discriminator; undefined where the program's deserialisation fails. */
function parseUpdate(data: Buffer): ParsedUpdate | undefined {
  if (data.length < 8 || !data.subarray(0, 8).equals(PRICE_UPDATE_V2_DISCRIMINATOR)) return undefined;
  let at = 8 + 32; // write authority
  const level = data[at];
  if (level === 0) at += 2; // Partial { num_signatures }
  else if (level === 1) at += 1; // Full
  else return undefined;
  // feed id 32, price 8, conf 8, exponent 4, publish time 8, previous publish time 8, ema 16, posted slot 8
  if (data.length < at + 92) return undefined;
  return {
    fullyVerified: level === 1,
    feedId: data.subarray(at, at + 32),
    price: data.readBigInt64LE(at + 32),
    conf: data.readBigUInt64LE(at + 40),
    exponent: data.readInt32LE(at + 48),
    publishTime: data.readBigInt64LE(at + 52),
  };
}

const fail = (name: Parameters<typeof TightropeError.program>[0]): never => {
  throw TightropeError.program(name);
};

/** The asset's price from `oracle` at cluster time `now` (unix seconds), or the program's named refusal. */
export function readOraclePrice(asset: AssetState, oracleKey: PublicKey, oracle: AccountInfo<Buffer> | null, now: bigint): OraclePrice {
  if (!oracleKey.equals(asset.oracle)) fail("OracleAccountMismatch");
  // A missing account reaches the program as the system program's empty account: a wrong owner.
  if (!oracle || !oracle.owner.equals(PYTH_RECEIVER_ID)) fail("OracleWrongOwner");
  const update = parseUpdate(oracle!.data) ?? fail("InvalidOracleAccount");
  if (!update.feedId.equals(Buffer.from(asset.feedId))) fail("OracleFeedMismatch");
  if (!update.fullyVerified) fail("OracleNotFullyVerified");
  if (update.publishTime > now + MAX_CLOCK_LEAD_SECONDS) fail("OraclePublishTimeInFuture");
  if (now - update.publishTime > BigInt(asset.oracleMaxAgeSeconds)) fail("StaleOracle");
  let converted: { price: bigint; conf: bigint };
  try {
    converted = pythToFx(update.price, update.conf, update.exponent);
  } catch {
    return fail("InvalidOraclePrice");
  }
  if (!confWithin(converted.price, converted.conf, asset.maxConfRatio)) fail("OracleConfidenceTooWide");
  if (update.publishTime < asset.lastPublishTime) fail("OraclePublishTimeRegressed");
  return { ...converted, publishTime: update.publishTime };
}
