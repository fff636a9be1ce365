// Small signed transactions built with plain web3.js, in both message formats, for the conformance tests.
import {
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from "@solana/web3.js";

import { COMMITMENT, connection, payer } from "./cluster";

/**
 * A transfer to a fresh key as a legacy transaction, signed by the payer. A new account needs at least the
 * rent-exempt minimum (890,880 lamports), so the default sends 0.001 SOL.
 */
export async function legacyTransfer(lamports = 0.001 * LAMPORTS_PER_SOL, to = Keypair.generate().publicKey) {
  const { blockhash, lastValidBlockHeight } = await connection().getLatestBlockhash(COMMITMENT);
  const tx = new Transaction({ feePayer: payer().publicKey, blockhash, lastValidBlockHeight });
  tx.add(SystemProgram.transfer({ fromPubkey: payer().publicKey, toPubkey: to, lamports }));
  tx.sign(payer());
  return { tx, to, blockhash, lastValidBlockHeight };
}

/** Instructions as a v0 transaction (MessageV0, no lookup tables) paid and signed by the payer (plus `signers`). */
export async function v0Transaction(
  instructions: TransactionInstruction[],
  options: { recentBlockhash?: string; signers?: Keypair[] } = {},
) {
  const blockhash = options.recentBlockhash ?? (await connection().getLatestBlockhash(COMMITMENT)).blockhash;
  const message = new TransactionMessage({
    payerKey: payer().publicKey,
    recentBlockhash: blockhash,
    instructions,
  }).compileToV0Message();
  const tx = new VersionedTransaction(message);
  tx.sign([payer(), ...(options.signers ?? [])]);
  return tx;
}

export function transferInstruction(to: PublicKey, lamports = 0.001 * LAMPORTS_PER_SOL) {
  return SystemProgram.transfer({ fromPubkey: payer().publicKey, toPubkey: to, lamports });
}

/** A base58 string that is a well-formed but unknown blockhash. */
export const unknownBlockhash = () => Keypair.generate().publicKey.toBase58();
