// Who signs: a Wallet Standard browser wallet (Phantom, Solflare, Backpack, ... register themselves with
// @wallet-standard/app), or, on the local cluster `npm run app` started, its local test keypair. The choice is
// shown in the header, the keypair under a label that says what it is.
import { Keypair } from "@solana/web3.js";
import { getWallets } from "@wallet-standard/app";

import { connectStandardWallet, KeypairWallet, solanaSigningWallets, SolanaStandardWallet, TransactionWallet, walletStandardSigner } from "../../sdk/src";
import { fill, h } from "./dom";
import { chainOf } from "./settings";

export interface Signer {
  wallet: TransactionWallet;
  /** How the header names it. */
  label: string;
  local: boolean;
}

export const LOCAL_LABEL = "Local test keypair";

/** Renders the wallet choice into `host`; calls `onChange` with the signer chosen (or null when disconnected). */
export function walletPicker(host: HTMLElement, options: { localKeypair?: number[]; rpcUrl: string; onChange: (signer: Signer | null) => void }): void {
  const registry = getWallets();
  let current: Signer | null = null;
  const local = options.localKeypair ? new KeypairWallet(Keypair.fromSecretKey(Uint8Array.from(options.localKeypair))) : null;

  const choose = (signer: Signer | null) => {
    current = signer;
    render();
    options.onChange(signer);
  };
  const connect = async (wallet: SolanaStandardWallet) => {
    try {
      const account = await connectStandardWallet(wallet);
      choose({ wallet: walletStandardSigner(wallet, account, chainOf(options.rpcUrl)), label: `${wallet.name} ${account.address}`, local: false });
    } catch (e) {
      fill(host, h("p", { role: "alert" }, `${wallet.name} did not connect: ${(e as Error).message}`));
    }
  };
  const render = () => {
    if (current) {
      fill(
        host,
        h("span", { class: current.local ? "badge local" : "badge" }, current.local ? LOCAL_LABEL : "Wallet"),
        h("code", { class: "address", title: current.wallet.publicKey.toBase58() }, current.wallet.publicKey.toBase58()),
        current.local ? h("span", { class: "hint" }, "a throwaway key holding play tokens on this local cluster, not a real wallet") : null,
        h("button", { type: "button", onclick: () => choose(null) }, "Disconnect"),
      );
      return;
    }
    const wallets = solanaSigningWallets(registry.get());
    fill(
      host,
      ...wallets.map((w) => h("button", { type: "button", onclick: () => void connect(w) }, `Connect ${w.name}`)),
      local ? h("button", { type: "button", onclick: () => choose({ wallet: local, label: LOCAL_LABEL, local: true }) }, `Use the ${LOCAL_LABEL.toLowerCase()}`) : null,
      wallets.length === 0 && !local ? h("span", { class: "hint" }, "No Solana wallet found: install one that supports the Wallet Standard.") : null,
    );
  };
  // Wallets register whenever their extension loads, possibly after this page.
  registry.on("register", () => current || render());
  registry.on("unregister", () => current || render());
  if (local) choose({ wallet: local, label: LOCAL_LABEL, local: true });
  else render();
}
