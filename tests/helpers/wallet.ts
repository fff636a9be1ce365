import { Connection, Keypair, LAMPORTS_PER_SOL, TransactionSignature } from "@solana/web3.js";

import { COMMITMENT, connection } from "./cluster";

/** Waits for `confirmed` the way wallets do: signature subscription bounded by the blockhash's validity. */
export async function confirm(signature: TransactionSignature, conn: Connection = connection()): Promise<void> {
  const blockhash = await conn.getLatestBlockhash(COMMITMENT);
  const result = await conn.confirmTransaction({ signature, ...blockhash }, COMMITMENT);
  if (result.value.err) throw new Error(`${signature} failed: ${JSON.stringify(result.value.err)}`);
}

/** A fresh keypair holding `sol` SOL from the server's faucet (requestAirdrop). */
export async function fundedWallet(sol = 10): Promise<Keypair> {
  const wallet = Keypair.generate();
  await confirm(await connection().requestAirdrop(wallet.publicKey, sol * LAMPORTS_PER_SOL));
  return wallet;
}
