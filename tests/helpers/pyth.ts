// Pyth `PriceUpdateV2` accounts written through the `surfnet_setAccount` cheatcode: the only way to get a price
// onto a cluster that has no Pyth receiver program.
import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import { encodePriceUpdate, PriceUpdate, PRICE_UPDATE_V2_SIZE, PYTH_RECEIVER_ID } from "../../sdk/src";
import { clusterInfo, connection } from "./cluster";
import { rpc } from "./rpc";

export { decodePriceUpdate, PYTH_RECEIVER_ID as PYTH_RECEIVER } from "../../sdk/src";
export type { PriceUpdate } from "../../sdk/src";

/** Where a cheatcode goes: the shared test cluster by default, or any tightrope-localnet (the demo's own). */
export interface CheatTarget {
  connection: Connection;
  rpcUrl: string;
}

/** Writes (or overwrites) a price account owned by the Pyth receiver; returns its address. */
export async function setPythPrice(
  update: PriceUpdate,
  address = Keypair.generate().publicKey,
  target: CheatTarget = { connection: connection(), rpcUrl: clusterInfo().rpcUrl },
): Promise<PublicKey> {
  const lamports = await target.connection.getMinimumBalanceForRentExemption(PRICE_UPDATE_V2_SIZE);
  const data = encodePriceUpdate(update).toString("hex");
  await rpc("surfnet_setAccount", [address.toBase58(), { lamports, data, owner: PYTH_RECEIVER_ID.toBase58() }], target.rpcUrl);
  return address;
}

/** A price published now at the current slot, for feeds whose value does not matter to the test. */
export async function freshPrice(feedId: Uint8Array, price = 100_000_000n, exponent = -6): Promise<PriceUpdate> {
  const slot = await connection().getSlot();
  const publishTime = BigInt(Math.floor(Date.now() / 1000));
  return { feedId, price, conf: price / 1000n, exponent, publishTime, postedSlot: BigInt(slot) };
}
