// The local cluster's cheatcodes (named and shaped as Surfpool's), for the demo, tests and tools: raw JSON-RPC,
// Pyth `PriceUpdateV2` accounts written through `surfnet_setAccount` (the only way to get a price onto a cluster
// that has no Pyth receiver program), and `surfnet_timeTravel`.
import { Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";

import { encodePriceUpdate, PriceUpdate, PRICE_UPDATE_V2_SIZE, PYTH_RECEIVER_ID } from "../pyth";

/** Where a cheatcode goes: a tightrope-localnet's Connection and its RPC URL. */
export interface CheatTarget {
  connection: Connection;
  rpcUrl: string;
}

let nextId = 1;

/** One JSON-RPC request that must succeed; throws with the server's error otherwise. */
export async function rpcCall<T = unknown>(url: string, method: string, params?: unknown[]): Promise<T> {
  const request = { jsonrpc: "2.0", id: nextId++, method, ...(params === undefined ? {} : { params }) };
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { result?: T; error?: unknown };
  if (body.error) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  if (!("result" in body)) throw new Error(`${method}: response has neither result nor error`);
  return body.result as T;
}

/** Writes (or overwrites) a price account owned by the Pyth receiver; returns its address. */
export async function setPythPrice(target: CheatTarget, update: PriceUpdate, address = Keypair.generate().publicKey): Promise<PublicKey> {
  const lamports = await target.connection.getMinimumBalanceForRentExemption(PRICE_UPDATE_V2_SIZE);
  const data = encodePriceUpdate(update).toString("hex");
  await rpcCall(target.rpcUrl, "surfnet_setAccount", [address.toBase58(), { lamports, data, owner: PYTH_RECEIVER_ID.toBase58() }]);
  return address;
}

/** The cluster's Clock: slot and unix seconds. */
export async function clusterClock(connection: Connection): Promise<{ slot: bigint; unixTimestamp: bigint }> {
  const info = await connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY, "confirmed");
  if (!info) throw new Error("the cluster has no Clock sysvar");
  return { slot: info.data.readBigUInt64LE(0), unixTimestamp: info.data.readBigInt64LE(32) };
}

/** A price published at the cluster's current time and slot (so it is fresh whatever time travel did). */
export async function priceNow(connection: Connection, feedId: Uint8Array, price: bigint, exponent: number, conf = price / 1000n): Promise<PriceUpdate> {
  const clock = await clusterClock(connection);
  return { feedId, price, conf, exponent, publishTime: clock.unixTimestamp, postedSlot: clock.slot };
}

/** Moves the cluster's Clock to `unixSeconds` (forward only, as a validator's would). */
export async function timeTravelTo(target: CheatTarget, unixSeconds: bigint): Promise<void> {
  await rpcCall(target.rpcUrl, "surfnet_timeTravel", [{ absoluteTimestamp: Number(unixSeconds * 1000n) }]);
}
