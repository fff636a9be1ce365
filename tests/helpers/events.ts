import { BorshCoder, EventParser } from "@coral-xyz/anchor";
import { TransactionSignature } from "@solana/web3.js";

import { COMMITMENT } from "./cluster";
import { TightropeProgram } from "./program";

export interface ParsedEvent {
  name: string;
  data: Record<string, unknown>;
}

/** The program's events in a confirmed transaction, read back from its logs as any indexer would. */
export async function transactionEvents(program: TightropeProgram, signature: TransactionSignature) {
  const tx = await program.provider.connection.getTransaction(signature, {
    commitment: COMMITMENT,
    maxSupportedTransactionVersion: 0,
  });
  if (!tx?.meta?.logMessages) throw new Error(`no logs for ${signature}`);
  const parser = new EventParser(program.programId, new BorshCoder(program.idl));
  return [...parser.parseLogs(tx.meta.logMessages)] as ParsedEvent[];
}

/** The single event named `name` in the transaction; fails if there is none or more than one. */
export async function onlyEvent(program: TightropeProgram, signature: TransactionSignature, name: string) {
  const events = (await transactionEvents(program, signature)).filter((e) => e.name === name);
  if (events.length !== 1) throw new Error(`expected one ${name} event in ${signature}, got ${events.length}`);
  return events[0].data;
}
