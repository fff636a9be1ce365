import { TransactionSignature } from "@solana/web3.js";

import { transactionEvents } from "../../sdk/src";
import { TightropeProgram } from "./program";

export { transactionEvents } from "../../sdk/src";
export type { ParsedEvent } from "../../sdk/src";

/** The single event named `name` in the transaction; fails if there is none or more than one. */
export async function onlyEvent(program: TightropeProgram, signature: TransactionSignature, name: string) {
  const events = (await transactionEvents(program, signature)).filter((e) => e.name === name);
  if (events.length !== 1) throw new Error(`expected one ${name} event in ${signature}, got ${events.length}`);
  return events[0].data;
}
