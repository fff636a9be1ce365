// Signers TightropeClient can send with, in Node and in a browser alike. Anchor's `Wallet` class is its Node-only
// NodeWallet (it reads ANCHOR_WALLET from the environment and is undefined in Anchor's browser build), so a keypair
// gets `KeypairWallet` here; a browser wallet that speaks the Wallet Standard (Phantom, Solflare, Backpack, ...) is
// wrapped by `walletStandardSigner`, which signs through its `solana:signTransaction` feature.
import type { Wallet as AnchorWallet } from "@coral-xyz/anchor/dist/cjs/provider";
import type { SolanaSignTransactionFeature } from "@solana/wallet-standard-features";
import { Keypair, PublicKey, Transaction, VersionedTransaction } from "@solana/web3.js";
import type { IdentifierString, Wallet as StandardWallet, WalletAccount } from "@wallet-standard/base";
import type { StandardConnectFeature } from "@wallet-standard/features";

/** What TightropeClient signs with: Anchor's wallet interface (a public key and transaction signing). */
export type TransactionWallet = AnchorWallet;

const isVersioned = (tx: Transaction | VersionedTransaction): tx is VersionedTransaction => "version" in tx;

/** A keypair as a wallet; the same signatures as Anchor's NodeWallet, without its Node-only loading. */
export class KeypairWallet implements TransactionWallet {
  constructor(readonly payer: Keypair) {}

  get publicKey(): PublicKey {
    return this.payer.publicKey;
  }

  async signTransaction<T extends Transaction | VersionedTransaction>(tx: T): Promise<T> {
    if (isVersioned(tx)) tx.sign([this.payer]);
    else tx.partialSign(this.payer);
    return tx;
  }

  async signAllTransactions<T extends Transaction | VersionedTransaction>(txs: T[]): Promise<T[]> {
    return Promise.all(txs.map((tx) => this.signTransaction(tx)));
  }
}

export const SOLANA_SIGN_TRANSACTION = "solana:signTransaction";
export const STANDARD_CONNECT = "standard:connect";

/** A Wallet Standard wallet that can connect and sign Solana transactions: all a margin account needs. */
export type SolanaStandardWallet = StandardWallet & { features: SolanaSignTransactionFeature & StandardConnectFeature };

/** The wallets among `wallets` that can connect and sign Solana transactions. */
export function solanaSigningWallets(wallets: readonly StandardWallet[]): SolanaStandardWallet[] {
  return wallets.filter((w): w is SolanaStandardWallet => SOLANA_SIGN_TRANSACTION in w.features && STANDARD_CONNECT in w.features);
}

/**
 * `account` of a Wallet Standard `wallet` as a TransactionWallet. The wallet returns the signed transaction's bytes
 * (it may add signatures of its own); they are decoded back into the type that was passed in.
 */
export function walletStandardSigner(wallet: SolanaStandardWallet, account: WalletAccount, chain?: IdentifierString): TransactionWallet {
  const feature = wallet.features[SOLANA_SIGN_TRANSACTION];
  const publicKey = new PublicKey(account.publicKey);
  const signAll = async <T extends Transaction | VersionedTransaction>(txs: T[]): Promise<T[]> => {
    const inputs = txs.map((tx) => ({
      account,
      chain,
      transaction: isVersioned(tx) ? tx.serialize() : tx.serialize({ requireAllSignatures: false, verifySignatures: false }),
    }));
    const outputs = await feature.signTransaction(...inputs);
    if (outputs.length !== txs.length) throw new Error(`${wallet.name} signed ${outputs.length} of ${txs.length} transactions`);
    return outputs.map((out, i) => {
      const bytes = Uint8Array.from(out.signedTransaction);
      return (isVersioned(txs[i]) ? VersionedTransaction.deserialize(bytes) : Transaction.from(bytes)) as T;
    });
  };
  return {
    publicKey,
    signTransaction: async (tx) => (await signAll([tx]))[0],
    signAllTransactions: signAll,
  };
}

/** Asks `wallet` for its accounts (the user approves in the wallet); the first one that signs Solana transactions. */
export async function connectStandardWallet(wallet: SolanaStandardWallet): Promise<WalletAccount> {
  const { accounts } = await wallet.features[STANDARD_CONNECT].connect();
  const account = accounts.find((a) => a.features.includes(SOLANA_SIGN_TRANSACTION)) ?? accounts[0];
  if (!account) throw new Error(`${wallet.name} shared no account`);
  return account;
}
