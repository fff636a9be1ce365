// Pyth `PriceUpdateV2` accounts on the shared test cluster, through the SDK's cheatcode price writer.
import { Keypair, PublicKey } from "@solana/web3.js";

import { PriceUpdate } from "../../sdk/src";
import { CheatTarget, setPythPrice as writePrice } from "../../sdk/src/localnet";
import { clusterInfo, connection } from "./cluster";

export { decodePriceUpdate, PYTH_RECEIVER_ID as PYTH_RECEIVER } from "../../sdk/src";
export type { PriceUpdate } from "../../sdk/src";
export type { CheatTarget } from "../../sdk/src/localnet";

/** Writes (or overwrites) a price account owned by the Pyth receiver on the shared cluster (or `target`). */
export async function setPythPrice(
  update: PriceUpdate,
  address = Keypair.generate().publicKey,
  target: CheatTarget = { connection: connection(), rpcUrl: clusterInfo().rpcUrl },
): Promise<PublicKey> {
  return writePrice(target, update, address);
}

/** A price published now at the current slot, for feeds whose value does not matter to the test. */
export async function freshPrice(feedId: Uint8Array, price = 100_000_000n, exponent = -6): Promise<PriceUpdate> {
  const slot = await connection().getSlot();
  const publishTime = BigInt(Math.floor(Date.now() / 1000));
  return { feedId, price, conf: price / 1000n, exponent, publishTime, postedSlot: BigInt(slot) };
}
