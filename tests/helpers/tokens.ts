// Mints and token accounts through @solana/spl-token, exactly as an integrator would create them.
import {
  createAccount,
  createMint,
  getAccount,
  getAssociatedTokenAddressSync,
  mintTo,
} from "@solana/spl-token";
import { ConfirmOptions, Keypair, PublicKey } from "@solana/web3.js";

import { COMMITMENT, connection, payer } from "./cluster";

const confirmOptions: ConfirmOptions = { commitment: COMMITMENT };

/** A new mint whose authority is the server's payer. */
export async function newMint(decimals = 6): Promise<PublicKey> {
  return createMint(connection(), payer(), payer().publicKey, null, decimals, undefined, confirmOptions);
}

/**
 * A token account of `mint` for `owner` holding `amount`: the associated one unless `keypair` asks for another
 * (an owner can only have one associated account per mint).
 */
export async function tokenAccount(
  mint: PublicKey,
  owner: PublicKey,
  amount = 0n,
  keypair?: Keypair,
): Promise<PublicKey> {
  const account = await createAccount(connection(), payer(), mint, owner, keypair, confirmOptions);
  if (amount > 0n) await mintTokens(mint, account, amount);
  return account;
}

export async function mintTokens(mint: PublicKey, to: PublicKey, amount: bigint): Promise<void> {
  await mintTo(connection(), payer(), mint, to, payer(), amount, [], confirmOptions);
}

export async function tokenBalance(account: PublicKey): Promise<bigint> {
  return (await getAccount(connection(), account, COMMITMENT)).amount;
}

export function associatedTokenAddress(mint: PublicKey, owner: PublicKey): PublicKey {
  return getAssociatedTokenAddressSync(mint, owner, true);
}
