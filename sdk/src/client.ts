// What every client of the program needs beyond the IDL: the canonical health accounts an instruction that prices
// the account takes, and the events a confirmed transaction emitted (read from its logs, as an indexer would).
import { BorshCoder, EventParser, Program } from "@coral-xyz/anchor";
import { AccountMeta, Connection, PublicKey, TransactionSignature } from "@solana/web3.js";

import type { Tightrope } from "./idl/tightrope";

/**
 * (asset, oracle) for every active balance of the margin account in slot order, skipping `except` (the asset the
 * instruction names itself): the order `controller/health.rs` verifies.
 */
export async function healthAccounts(program: Program<Tightrope>, marginAccount: PublicKey, except?: PublicKey): Promise<AccountMeta[]> {
  const account = await program.account.marginAccount.fetch(marginAccount);
  const keys = account.balances
    .map((balance) => balance.asset)
    .filter((asset) => !asset.equals(PublicKey.default) && !(except && asset.equals(except)));
  // One round trip for all the assets, however many balances the account holds.
  const assets = await program.account.asset.fetchMultiple(keys);
  return keys.flatMap((key, i) => {
    const asset = assets[i];
    if (!asset) throw new Error(`asset ${key.toBase58()} of margin account ${marginAccount.toBase58()} not found`);
    return [
      { pubkey: key, isSigner: false, isWritable: false },
      { pubkey: asset.oracle, isSigner: false, isWritable: false },
    ];
  });
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
