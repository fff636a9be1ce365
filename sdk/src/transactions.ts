// Sending instructions: a compute-budget limit and priority fee, a v0 message that moves the accounts into an
// address lookup table when a legacy transaction would not fit, simulate-then-send (a program refusal comes back
// decoded, before any fee is paid), and confirmation by polling with a clear timeout.
import {
  AddressLookupTableAccount,
  AddressLookupTableProgram,
  ComputeBudgetProgram,
  Connection,
  Keypair,
  PACKET_DATA_SIZE,
  PublicKey,
  SimulatedTransactionResponse,
  SYSVAR_SLOT_HASHES_PUBKEY,
  TransactionInstruction,
  TransactionMessage,
  TransactionSignature,
  VersionedTransaction,
} from "@solana/web3.js";

import { decodeProgramError } from "./errors";

export interface Signer {
  publicKey: PublicKey;
  signTransaction<T extends VersionedTransaction>(tx: T): Promise<T>;
}

export interface SendOptions {
  /** Compute-unit limit; omitted, the cluster's default applies. */
  computeUnits?: number;
  /** Priority fee in micro-lamports per compute unit. */
  priorityMicroLamports?: number;
  /** Lookup tables to compile the message against (see `ensureLookupTable`). */
  lookupTables?: AddressLookupTableAccount[];
  /** Other signers (a new keypair, an owner that is not the fee payer). */
  signers?: Keypair[];
  /** How long to wait for `confirmed`; default 30 s. */
  timeoutMs?: number;
}

export class ConfirmationTimeoutError extends Error {
  constructor(readonly signature: TransactionSignature, timeoutMs: number) {
    super(`transaction ${signature} was sent but not confirmed within ${timeoutMs} ms; check it before re-sending`);
    this.name = "ConfirmationTimeoutError";
  }
}

/** A transaction that failed in simulation or on chain for a reason that is not a program error. */
export class TransactionFailedError extends Error {
  constructor(readonly err: unknown, readonly logs: string[]) {
    super(`transaction failed: ${JSON.stringify(err)}${logs.length ? `\n${logs.join("\n")}` : ""}`);
    this.name = "TransactionFailedError";
  }
}

export function computeBudgetInstructions(options: Pick<SendOptions, "computeUnits" | "priorityMicroLamports">): TransactionInstruction[] {
  const out: TransactionInstruction[] = [];
  if (options.computeUnits !== undefined) out.push(ComputeBudgetProgram.setComputeUnitLimit({ units: options.computeUnits }));
  if (options.priorityMicroLamports !== undefined) {
    out.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: options.priorityMicroLamports }));
  }
  return out;
}

/** The serialized size of `instructions` as a signed v0 transaction (without tables), to decide whether one is needed. */
export function transactionSize(payer: PublicKey, instructions: TransactionInstruction[], lookupTables: AddressLookupTableAccount[] = []): number {
  const message = new TransactionMessage({ payerKey: payer, recentBlockhash: PublicKey.default.toBase58(), instructions }).compileToV0Message(lookupTables);
  return new VersionedTransaction(message).serialize().length;
}

export const fitsWithoutTable = (payer: PublicKey, instructions: TransactionInstruction[]): boolean => {
  try {
    return transactionSize(payer, instructions) <= PACKET_DATA_SIZE;
  } catch {
    return false; // web3.js refuses to serialize an oversized message
  }
};

/** The non-signer accounts of `instructions`: what a lookup table can hold. */
export function tableableKeys(instructions: TransactionInstruction[]): PublicKey[] {
  const signers = new Set(instructions.flatMap((ix) => ix.keys.filter((k) => k.isSigner).map((k) => k.pubkey.toBase58())));
  const seen = new Map<string, PublicKey>();
  for (const ix of instructions) {
    for (const key of [ix.programId, ...ix.keys.map((k) => k.pubkey)]) {
      const k = key.toBase58();
      if (!signers.has(k)) seen.set(k, key);
    }
  }
  return [...seen.values()];
}

export async function confirmSignature(connection: Connection, signature: TransactionSignature, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await connection.getSignatureStatuses([signature])).value[0];
    if (status?.err) {
      const tx = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      const logs = tx?.meta?.logMessages ?? [];
      throw decodeProgramError(logs, status.err) ?? new TransactionFailedError(status.err, logs);
    }
    if (status?.confirmationStatus === "confirmed" || status?.confirmationStatus === "finalized") return;
    if (Date.now() > deadline) throw new ConfirmationTimeoutError(signature, timeoutMs);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Throws the decoded program error (or the raw failure) of a failed simulation. */
export function throwIfFailed(simulation: SimulatedTransactionResponse): void {
  if (!simulation.err) return;
  const logs = simulation.logs ?? [];
  throw decodeProgramError(logs, simulation.err) ?? new TransactionFailedError(simulation.err, logs);
}

export class TransactionSender {
  constructor(readonly connection: Connection, readonly payer: Signer) {}

  /** The message last built, so an identical one is never sent twice under one blockhash (`AlreadyProcessed`). */
  private last: { blockhash: string; instructions: string } | undefined;

  /** A signed v0 transaction of `instructions` with the compute budget of `options` in front. */
  async build(instructions: TransactionInstruction[], options: SendOptions = {}): Promise<VersionedTransaction> {
    const all = [...computeBudgetInstructions(options), ...instructions];
    const fingerprint = JSON.stringify(all.map((ix) => [ix.programId.toBase58(), ix.keys.map((k) => k.pubkey.toBase58()), ix.data.toString("base64")]));
    let { blockhash } = await this.connection.getLatestBlockhash("confirmed");
    // The same instructions again under the same blockhash would be the same transaction: wait for the next one.
    while (this.last?.blockhash === blockhash && this.last.instructions === fingerprint) {
      await new Promise((r) => setTimeout(r, 100));
      ({ blockhash } = await this.connection.getLatestBlockhash("confirmed"));
    }
    this.last = { blockhash, instructions: fingerprint };
    const message = new TransactionMessage({ payerKey: this.payer.publicKey, recentBlockhash: blockhash, instructions: all }).compileToV0Message(
      options.lookupTables,
    );
    const tx = new VersionedTransaction(message);
    if (options.signers?.length) tx.sign(options.signers);
    return this.payer.signTransaction(tx);
  }

  /** Simulates, throws the decoded refusal if any, then sends and waits for `confirmed`. */
  async send(instructions: TransactionInstruction[], options: SendOptions = {}): Promise<TransactionSignature> {
    const tx = await this.build(instructions, options);
    throwIfFailed((await this.connection.simulateTransaction(tx, { sigVerify: false, commitment: "confirmed" })).value);
    // The simulation was the preflight; a second one inside sendTransaction would only repeat it.
    const signature = await this.connection.sendTransaction(tx, { skipPreflight: true });
    await confirmSignature(this.connection, signature, options.timeoutMs);
    return signature;
  }

  /**
   * The newest slot in the SlotHashes sysvar: the one slot a new lookup table may name as recent on any cluster
   * (the finalized slot is not always hashed yet, and the slot before the current one may have been skipped).
   */
  private async newestHashedSlot(): Promise<number> {
    const info = await this.connection.getAccountInfo(SYSVAR_SLOT_HASHES_PUBKEY, "confirmed");
    if (!info || info.data.readBigUInt64LE(0) === 0n) throw new Error("the cluster's SlotHashes sysvar is empty");
    return Number(info.data.readBigUInt64LE(8));
  }

  /**
   * A lookup table holding `addresses`: `existing` reused (extended with what it lacks) or a new one created.
   * Waits until the table is usable (one slot after its last extension).
   */
  async ensureLookupTable(addresses: PublicKey[], existing?: PublicKey): Promise<AddressLookupTableAccount> {
    let table = existing;
    let have: PublicKey[] = [];
    if (table) {
      const fetched = (await this.connection.getAddressLookupTable(table)).value;
      if (!fetched) throw new Error(`lookup table ${table.toBase58()} not found`);
      have = fetched.state.addresses;
    } else {
      const recentSlot = await this.newestHashedSlot();
      const [create, address] = AddressLookupTableProgram.createLookupTable({ authority: this.payer.publicKey, payer: this.payer.publicKey, recentSlot });
      await this.send([create]);
      table = address;
    }
    const missing = addresses.filter((a) => !have.some((h) => h.equals(a)));
    // An extension carries at most about 30 keys in one transaction.
    for (let i = 0; i < missing.length; i += 20) {
      const extend = AddressLookupTableProgram.extendLookupTable({
        lookupTable: table,
        authority: this.payer.publicKey,
        payer: this.payer.publicKey,
        addresses: missing.slice(i, i + 20),
      });
      await this.send([extend]);
    }
    if (missing.length > 0) {
      // Keys added in a slot are usable from the next one.
      const slot = await this.connection.getSlot("confirmed");
      while ((await this.connection.getSlot("confirmed")) <= slot) await new Promise((r) => setTimeout(r, 100));
    }
    const fetched = (await this.connection.getAddressLookupTable(table)).value;
    if (!fetched) throw new Error(`lookup table ${table.toBase58()} not found after creating it`);
    return fetched;
  }

  /** Sends `instructions`, through a lookup table (created or reused) when they do not fit a plain transaction. */
  async sendFitting(instructions: TransactionInstruction[], options: SendOptions & { lookupTable?: PublicKey } = {}): Promise<TransactionSignature> {
    const all = [...computeBudgetInstructions(options), ...instructions];
    if (options.lookupTables || fitsWithoutTable(this.payer.publicKey, all)) return this.send(instructions, options);
    const table = await this.ensureLookupTable(tableableKeys(all), options.lookupTable);
    return this.send(instructions, { ...options, lookupTables: [table] });
  }
}
