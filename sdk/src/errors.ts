// Program errors as one type, whether the program refused a transaction (decoded from its logs or its custom
// error code) or the SDK refused it first because it already knows the program would: name, number, message and,
// for an initial margin refusal, the shortfall in quote minor units.
import { AnchorError } from "@coral-xyz/anchor";
import { SendTransactionError, TransactionError } from "@solana/web3.js";

import idlJson from "./idl/tightrope.json";

export type TightropeErrorName = (typeof idlJson.errors)[number]["name"];

const BY_NAME = new Map(idlJson.errors.map((e) => [e.name, e]));
const BY_CODE = new Map(idlJson.errors.map((e) => [e.code, e]));
const SHORTFALL = /initial margin shortfall: (\d+) \(quote minor units\)/;

export class TightropeError extends Error {
  constructor(
    /** The program's (or Anchor's) error name, e.g. `InitialMarginShortfall`. */
    readonly code: string,
    /** Its number (6000 + index for the program's own). */
    readonly number: number | undefined,
    readonly detail: string,
    /** What initial margin lacks, quote minor units (for `InitialMarginShortfall`). */
    readonly shortfall?: bigint,
    /** The transaction's logs, when it reached the program. */
    readonly logs: string[] = [],
  ) {
    super(shortfall === undefined ? `${code}: ${detail}` : `${code}: ${detail} (shortfall ${shortfall} quote minor units)`);
    this.name = "TightropeError";
  }

  /** The error the program would raise, named as in the IDL; used when the SDK refuses before sending. */
  static program(name: TightropeErrorName, shortfall?: bigint): TightropeError {
    const known = BY_NAME.get(name)!;
    return new TightropeError(name, known.code, known.msg, shortfall);
  }
}

/** The shortfall the program logged with `InitialMarginShortfall`, if any. */
export function shortfallFromLogs(logs: readonly string[]): bigint | undefined {
  for (const line of logs) {
    const match = SHORTFALL.exec(line);
    if (match) return BigInt(match[1]);
  }
  return undefined;
}

function customCode(err: TransactionError | null | undefined): number | undefined {
  const ix = (err as { InstructionError?: [number, unknown] } | null)?.InstructionError;
  const custom = (ix?.[1] as { Custom?: number } | undefined)?.Custom;
  return typeof custom === "number" ? custom : undefined;
}

/**
 * The program's error from a failed transaction's logs and status error; undefined when the failure is not a
 * program error (a fee-payer problem, a system-program refusal, ...).
 */
export function decodeProgramError(logs: readonly string[], err?: TransactionError | null): TightropeError | undefined {
  const anchor = AnchorError.parse([...logs]);
  const shortfall = shortfallFromLogs(logs);
  if (anchor) {
    const { code, number } = anchor.error.errorCode;
    return new TightropeError(code, number, anchor.error.errorMessage, shortfall, [...logs]);
  }
  const code = customCode(err);
  const known = code === undefined ? undefined : BY_CODE.get(code);
  return known ? new TightropeError(known.name, known.code, known.msg, shortfall, [...logs]) : undefined;
}

/** Any error thrown by web3.js or Anchor while sending, as a TightropeError when the program raised it. */
export function asProgramError(error: unknown): unknown {
  if (error instanceof TightropeError) return error;
  if (error instanceof AnchorError) {
    const { code, number } = error.error.errorCode;
    return new TightropeError(code, number, error.error.errorMessage, shortfallFromLogs(error.logs), error.logs);
  }
  if (error instanceof SendTransactionError) {
    return decodeProgramError(error.logs ?? [], undefined) ?? error;
  }
  return error;
}
