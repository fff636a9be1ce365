// What every client of the program needs beyond the IDL: the canonical health accounts an instruction that prices
// the account takes, and the events a confirmed transaction emitted (read from its logs, as an indexer would).
import { BorshCoder, EventParser, Program } from "@coral-xyz/anchor";
import { AccountMeta, PublicKey, TransactionSignature } from "@solana/web3.js";

import type { Tightrope } from "./idl/tightrope";

/**
 * (asset, oracle) for every active balance of the margin account in slot order, skipping `except` (the asset the
 * instruction names itself): the order `controller/health.rs` verifies.
 */
export async function healthAccounts(program: Program<Tightrope>, marginAccount: PublicKey, except?: PublicKey): Promise<AccountMeta[]> {
  const account = await program.account.marginAccount.fetch(marginAccount);
  const metas: AccountMeta[] = [];
  for (const balance of account.balances) {
    if (balance.asset.equals(PublicKey.default) || (except && balance.asset.equals(except))) continue;
    const asset = await program.account.asset.fetch(balance.asset);
    metas.push({ pubkey: balance.asset, isSigner: false, isWritable: false });
    metas.push({ pubkey: asset.oracle, isSigner: false, isWritable: false });
  }
  return metas;
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
