// The SDK's browser-safe signers, offline: a keypair wallet, and a Wallet Standard wallet (here a stand-in that signs
// the bytes it is handed with its own key, as an extension does) adapted to what TightropeClient signs with.
import assert from "node:assert/strict";

import { Keypair, PublicKey, SystemProgram, Transaction, TransactionMessage, VersionedTransaction } from "@solana/web3.js";
import type { Wallet as StandardWallet, WalletAccount } from "@wallet-standard/base";

import { connectStandardWallet, KeypairWallet, solanaSigningWallets, SolanaStandardWallet, walletStandardSigner } from "../../sdk/src";

const BLOCKHASH = PublicKey.default.toBase58();

function transfer(from: PublicKey): TransactionMessage {
  const ix = SystemProgram.transfer({ fromPubkey: from, toPubkey: Keypair.generate().publicKey, lamports: 1 });
  return new TransactionMessage({ payerKey: from, recentBlockhash: BLOCKHASH, instructions: [ix] });
}

/** A Wallet Standard wallet holding `key`; records the chain it was asked to sign for. */
function standardWallet(key: Keypair, chains: string[] = []): SolanaStandardWallet {
  const account: WalletAccount = { address: key.publicKey.toBase58(), publicKey: key.publicKey.toBytes(), chains: ["solana:localnet"], features: ["solana:signTransaction"] };
  return {
    version: "1.0.0",
    name: "Stand-in",
    icon: "data:image/svg+xml;base64,PHN2Zy8+",
    chains: ["solana:localnet"],
    accounts: [account],
    features: {
      "standard:connect": { version: "1.0.0", connect: async () => ({ accounts: [account] }) },
      "solana:signTransaction": {
        version: "1.0.0",
        supportedTransactionVersions: ["legacy", 0],
        signTransaction: async (...inputs) =>
          inputs.map((input) => {
            chains.push(String(input.chain));
            const bytes = Uint8Array.from(input.transaction);
            // A legacy transaction's first byte is its signature count; a v0 message's prefix sets the top bit after it.
            try {
              const tx = VersionedTransaction.deserialize(bytes);
              tx.sign([key]);
              return { signedTransaction: tx.serialize() };
            } catch {
              const tx = Transaction.from(bytes);
              tx.partialSign(key);
              return { signedTransaction: tx.serialize() };
            }
          }),
      },
    },
  } as SolanaStandardWallet;
}

describe("SDK signers for Node and browsers", () => {
  it("KeypairWallet signs v0 and legacy transactions with its key", async () => {
    const key = Keypair.generate();
    const wallet = new KeypairWallet(key);
    assert.ok(wallet.publicKey.equals(key.publicKey));
    const v0 = await wallet.signTransaction(new VersionedTransaction(transfer(key.publicKey).compileToV0Message()));
    assert.equal(v0.signatures.length, 1);
    assert.notDeepEqual(v0.signatures[0], new Uint8Array(64), "signed");
    const legacy = new Transaction({ feePayer: key.publicKey, recentBlockhash: BLOCKHASH }).add(...transfer(key.publicKey).instructions);
    const [signed] = await wallet.signAllTransactions([legacy]);
    assert.equal(signed.verifySignatures(), true);
  });

  it("a Wallet Standard wallet signs through solana:signTransaction, for the chain asked, and the signature verifies", async () => {
    const key = Keypair.generate();
    const chains: string[] = [];
    const wallet = standardWallet(key, chains);
    const account = await connectStandardWallet(wallet);
    const signer = walletStandardSigner(wallet, account, "solana:localnet");
    assert.ok(signer.publicKey.equals(key.publicKey));

    const message = transfer(key.publicKey).compileToV0Message();
    const v0 = await signer.signTransaction(new VersionedTransaction(message));
    assert.ok(v0 instanceof VersionedTransaction);
    const expected = new VersionedTransaction(message);
    expected.sign([key]);
    assert.deepEqual(v0.signatures, expected.signatures, "the wallet's signature over the same message");

    const legacy = new Transaction({ feePayer: key.publicKey, recentBlockhash: BLOCKHASH }).add(...transfer(key.publicKey).instructions);
    const signed = await signer.signTransaction(legacy);
    assert.ok(signed instanceof Transaction);
    assert.equal(signed.verifySignatures(), true);
    assert.deepEqual(chains, ["solana:localnet", "solana:localnet"]);
  });

  it("only wallets that can connect and sign Solana transactions are offered", () => {
    const full = standardWallet(Keypair.generate());
    const { ["solana:signTransaction"]: _dropped, ...connectOnly } = full.features;
    const noSigning = { ...full, name: "Connect only", features: connectOnly } as StandardWallet;
    assert.deepEqual(solanaSigningWallets([noSigning, full]).map((w) => w.name), ["Stand-in"]);
  });
});
