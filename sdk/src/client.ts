// What every client of the program needs beyond the IDL: the canonical health accounts an instruction that prices
// the account takes (for an Anchor `Program`; `TightropeClient` builds them itself), and the events a confirmed
// transaction emitted (read from its logs, as an indexer would).
import { BorshCoder, EventParser, Program } from "@coral-xyz/anchor";
import { AccountMeta, Connection, PublicKey, TransactionSignature } from "@solana/web3.js";

import type { Tightrope } from "./idl/tightrope";
import { healthAccountMetas } from "./instructions";
import { decodeMarginAccount } from "./state";

/** The canonical health accounts of `marginAccount` (see `healthAccountMetas`), fetched through `program`. */
export async function healthAccounts(program: Program<Tightrope>, marginAccount: PublicKey, except?: PublicKey): Promise<AccountMeta[]> {
  const info = await program.provider.connection.getAccountInfo(marginAccount, "confirmed");
  if (!info) throw new Error(`margin account ${marginAccount.toBase58()} not found`);
  const account = decodeMarginAccount(marginAccount, info.data);
  // One round trip for all the assets, however many balances the account holds.
  const assets = await program.account.asset.fetchMultiple(account.balances.map((b) => b.asset));
  const oracles = new Map<string, PublicKey>();
  account.balances.forEach((b, i) => {
    const asset = assets[i];
    if (!asset) throw new Error(`asset ${b.asset.toBase58()} of margin account ${marginAccount.toBase58()} not found`);
    oracles.set(b.asset.toBase58(), asset.oracle);
  });
  return healthAccountMetas({ account, oracles }, except);
}

export interface ParsedEvent {
  name: string;
  data: Record<string, unknown>;
}

/** The program's events in a confirmed transaction, decoded from its logs. */
export async function transactionEvents(program: Program<Tightrope>, signature: TransactionSignature): Promise<ParsedEvent[]> {
  const tx = await program.provider.connection.getTransaction(signature, {
    commitment: "confirmed",
    maxSupportedTransactionVersion: 0,
  });
  if (!tx?.meta?.logMessages) throw new Error(`no logs for ${signature}`);
  const parser = new EventParser(program.programId, new BorshCoder(program.idl));
  return [...parser.parseLogs(tx.meta.logMessages)] as ParsedEvent[];
}

/**
 * Closes a Connection's WebSocket for good and returns the subscriptions still registered on it (a test that forgot
 * to remove one). web3.js has no public close; after an explicit close it reconnects at once if any subscription is
 * left, and its rpc-websockets client then retries forever against a stopped server, which keeps the process alive.
 * So reconnection is switched off first.
 */
export function closeWebSocket(conn: Connection): string[] {
  const internals = conn as unknown as {
    _rpcWebSocket?: { reconnect: boolean; close(code?: number): void };
    _subscriptionsByHash?: Record<string, { method?: string }>;
  };
  const left = Object.values(internals._subscriptionsByHash ?? {}).map((s) => s.method ?? "?");
  if (internals._rpcWebSocket) {
    internals._rpcWebSocket.reconnect = false;
    internals._rpcWebSocket.close(1000);
  }
  return left;
}
