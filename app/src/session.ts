// The page's reads, all through the SDK: the group and its assets, the wallet's margin accounts, and one snapshot of
// the chosen account (its portfolio priced as the program prices it, the view the SDK derives from it, the prices
// of assets it does not hold yet, the wallet's token balances). Forms preview against the last snapshot, with no
// network round trip per keystroke; the snapshot is re-read every few seconds and after every transaction.
import { Connection, PublicKey } from "@solana/web3.js";

import { AccountPortfolio, accountView, AccountView, AssetState, GroupState, MarginAccountState, Market, TightropeClient, TransactionWallet } from "../../sdk/src";

export interface Snapshot {
  account: MarginAccountState;
  base: AccountPortfolio;
  view: AccountView;
  /** Prices every listed asset the account does not hold, at the snapshot's moment. */
  market: Market;
  /** The wallet's token balance of each asset, by asset address (native units). */
  wallet: Map<string, bigint>;
  /** Browser time the snapshot was read (ms), to count a deadline down between reads. */
  readAt: number;
}

export class Session {
  readonly client: TightropeClient;
  group!: GroupState;
  assets: AssetState[] = [];

  constructor(rpcUrl: string, wallet: TransactionWallet, readonly groupAddress: PublicKey) {
    this.client = new TightropeClient(new Connection(rpcUrl, "confirmed"), wallet);
  }

  async load(): Promise<void> {
    [this.group, this.assets] = await Promise.all([this.client.fetchGroup(this.groupAddress), this.client.fetchAssets(this.groupAddress)]);
  }

  accounts(): Promise<MarginAccountState[]> {
    return this.client.marginAccounts(this.groupAddress);
  }

  /** The lowest account number the wallet has not used. */
  nextAccountNumber(accounts: MarginAccountState[]): number {
    let n = 0;
    while (accounts.some((a) => a.accountNum === n)) n++;
    return n;
  }

  async snapshot(address: PublicKey): Promise<Snapshot> {
    const base = await this.client.portfolio(address);
    const [market, balances] = await Promise.all([
      this.client.market(base, this.assets.map((a) => a.address)),
      Promise.all(this.assets.map((a) => this.client.tokenBalance(a.mint))),
    ]);
    const wallet = new Map(this.assets.map((a, i) => [a.address.toBase58(), balances[i]]));
    return { account: base.account, base, view: accountView(base), market, wallet, readAt: Date.now() };
  }
}
