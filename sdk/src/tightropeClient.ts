// TightropeClient: the program over any Connection and wallet. It fetches and decodes the group, assets and margin
// accounts; prices an account exactly as the program does (`portfolio.ts`); answers what-ifs and the largest
// withdrawal or borrow; builds every instruction (`instructions.ts`) with its health accounts; and sends through
// simulate-then-send with lookup tables when needed (`transactions.ts`). The insurance fund is a balance of each
// asset (`AssetState.insurance` and its pending withdrawal), so `fetchAsset(s)` reads it.
import { AnchorProvider, Program } from "@coral-xyz/anchor";
import { createAssociatedTokenAccountIdempotentInstruction, getAssociatedTokenAddressSync } from "@solana/spl-token";
import { AccountInfo, Connection, Keypair, PublicKey, SYSVAR_CLOCK_PUBKEY, TransactionInstruction, TransactionMessage, VersionedTransaction } from "@solana/web3.js";

import { marginAccountAddress } from "./accounts";
import { AccountAction, accountWhatIf, AccountWhatIf, Market, maxBorrowAmount, maxWithdrawAmount } from "./accountWhatIf";
import IDL_JSON from "./idl/tightrope.json";
import type { Tightrope } from "./idl/tightrope";
import { AssetKeys, HealthSource, MarginModelArg, TightropeInstructions } from "./instructions";
import { AccountPortfolio, buildPortfolio, priceAsset } from "./portfolio";
import type { Model } from "./risk/model";
import {
  accountDiscriminator,
  ASSET_GROUP_OFFSET,
  AssetState,
  decodeAsset,
  decodeGroup,
  decodeMarginAccount,
  GroupState,
  MARGIN_ACCOUNT_GROUP_OFFSET,
  MARGIN_ACCOUNT_OWNER_OFFSET,
  MarginAccountState,
  tightropeCoder,
} from "./state";
import { SendOptions, throwIfFailed, TransactionSender } from "./transactions";
import { KeypairWallet, TransactionWallet } from "./wallet";

/** What the program's `health` instruction returns, decoded. */
export interface HealthReport {
  model: Model;
  equity: bigint;
  initialEquity: bigint;
  initialRequirement: bigint;
  maintenanceRequirement: bigint;
  initialHealth: bigint;
  maintenanceHealth: bigint;
  marginRatio: bigint | null;
}

/** Unix seconds of the cluster clock in a Clock sysvar's data. */
export const clockUnixTimestamp = (data: Buffer): bigint => data.readBigInt64LE(32);

const key = (k: PublicKey) => k.toBase58();

export class TightropeClient {
  readonly program: Program<Tightrope>;
  readonly instructions: TightropeInstructions;
  readonly sender: TransactionSender;

  constructor(readonly connection: Connection, readonly wallet: TransactionWallet) {
    const provider = new AnchorProvider(connection, wallet, { commitment: "confirmed", preflightCommitment: "confirmed" });
    this.program = new Program<Tightrope>(IDL_JSON as Tightrope, provider);
    this.instructions = new TightropeInstructions(this.program);
    this.sender = new TransactionSender(connection, wallet);
  }

  static fromKeypair(connection: Connection, keypair: Keypair): TightropeClient {
    return new TightropeClient(connection, new KeypairWallet(keypair));
  }

  get publicKey(): PublicKey {
    return this.wallet.publicKey;
  }

  private async accountData(address: PublicKey, what: string): Promise<Buffer> {
    const info = await this.connection.getAccountInfo(address, "confirmed");
    if (!info) throw new Error(`${what} ${address.toBase58()} not found`);
    if (!info.owner.equals(this.program.programId)) throw new Error(`${address.toBase58()} is not a Tightrope ${what}`);
    return info.data;
  }

  async fetchGroup(address: PublicKey): Promise<GroupState> {
    return decodeGroup(address, await this.accountData(address, "group"));
  }

  async fetchAsset(address: PublicKey): Promise<AssetState> {
    return decodeAsset(address, await this.accountData(address, "asset"));
  }

  async fetchMarginAccount(address: PublicKey): Promise<MarginAccountState> {
    return decodeMarginAccount(address, await this.accountData(address, "margin account"));
  }

  /** Every asset listed in `group`, by token index. */
  async fetchAssets(group: PublicKey): Promise<AssetState[]> {
    const found = await this.connection.getProgramAccounts(this.program.programId, {
      commitment: "confirmed",
      filters: [
        { memcmp: { offset: 0, bytes: accountDiscriminator("asset").toString("base64"), encoding: "base64" } },
        { memcmp: { offset: ASSET_GROUP_OFFSET, bytes: group.toBase58() } },
      ],
    });
    return found.map((a) => decodeAsset(a.pubkey, a.account.data)).sort((a, b) => a.tokenIndex - b.tokenIndex);
  }

  /** The margin accounts `owner` holds in `group`, by account number. */
  async marginAccounts(group: PublicKey, owner = this.publicKey): Promise<MarginAccountState[]> {
    const found = await this.connection.getProgramAccounts(this.program.programId, {
      commitment: "confirmed",
      filters: [
        { memcmp: { offset: 0, bytes: accountDiscriminator("marginAccount").toString("base64"), encoding: "base64" } },
        { memcmp: { offset: MARGIN_ACCOUNT_GROUP_OFFSET, bytes: group.toBase58() } },
        { memcmp: { offset: MARGIN_ACCOUNT_OWNER_OFFSET, bytes: owner.toBase58() } },
      ],
    });
    return found.map((a) => decodeMarginAccount(a.pubkey, a.account.data)).sort((a, b) => a.accountNum - b.accountNum);
  }

  marginAccountAddress(group: PublicKey, accountNum = 0, owner = this.publicKey): PublicKey {
    return marginAccountAddress(group, owner, accountNum);
  }

  /** Fetches `keys` in one round trip with the cluster clock, so the figures are of one moment. */
  private async snapshot(keys: PublicKey[]): Promise<{ infos: Map<string, AccountInfo<Buffer> | null>; now: bigint }> {
    const infos = await this.connection.getMultipleAccountsInfo([SYSVAR_CLOCK_PUBKEY, ...keys], "confirmed");
    const clock = infos[0];
    if (!clock) throw new Error("the cluster has no Clock sysvar");
    return { infos: new Map(keys.map((k, i) => [key(k), infos[i + 1]])), now: clockUnixTimestamp(clock.data) };
  }

  /** The cluster's unix time (the Clock sysvar). */
  async clusterTime(): Promise<bigint> {
    return (await this.snapshot([])).now;
  }

  /** What `owner` holds of `mint` in its associated token account (native units; 0 when it has none). */
  async tokenBalance(mint: PublicKey, owner = this.publicKey): Promise<bigint> {
    const ata = getAssociatedTokenAddressSync(mint, owner, true);
    const info = await this.connection.getAccountInfo(ata, "confirmed");
    // SPL Token account: mint 32, owner 32, then the amount as a little-endian u64.
    return info && info.data.length >= 72 ? info.data.readBigUInt64LE(64) : 0n;
  }

  /** The balances' assets and their oracles: what the canonical health accounts need. */
  async healthSource(account: MarginAccountState): Promise<HealthSource & { assets: AssetState[] }> {
    const infos = await this.connection.getMultipleAccountsInfo(account.balances.map((b) => b.asset), "confirmed");
    const assets = infos.map((info, i) => {
      if (!info) throw new Error(`asset ${key(account.balances[i].asset)} of margin account ${key(account.address)} not found`);
      return decodeAsset(account.balances[i].asset, info.data);
    });
    return { account, assets, oracles: new Map(assets.map((a) => [key(a.address), a.oracle])) };
  }

  /** The account priced as the program prices it now: accrued indices, checked oracles, stable prices at now. */
  async portfolio(marginAccount: PublicKey): Promise<AccountPortfolio> {
    const account = await this.fetchMarginAccount(marginAccount);
    const [group, source] = await Promise.all([this.fetchGroup(account.group), this.healthSource(account)]);
    const { infos, now } = await this.snapshot(source.assets.map((a) => a.oracle));
    return buildPortfolio(group, account, new Map(source.assets.map((a) => [key(a.address), a])), infos, now);
  }

  /** A price source for assets the account does not hold yet, at the portfolio's moment. */
  async market(base: AccountPortfolio, assets: PublicKey[]): Promise<Market> {
    const missing = assets.filter((a) => !base.balances.some((b) => b.asset.address.equals(a)));
    const states = await Promise.all(missing.map((a) => this.fetchAsset(a)));
    const { infos } = await this.snapshot(states.map((s) => s.oracle));
    // Priced when asked, so one asset's stale oracle is that asset's refusal, not every other asset's.
    const byAddress = new Map(states.map((s) => [key(s.address), s]));
    return (asset) => {
      const s = byAddress.get(key(asset));
      return s && priceAsset(base.group.address, s, infos.get(key(s.oracle)) ?? null, base.now);
    };
  }

  /** The account's figures after `actions`; throws the program's error for a step the program would refuse. */
  async whatIf(marginAccount: PublicKey, actions: AccountAction[], model?: Model): Promise<AccountWhatIf> {
    const base = await this.portfolio(marginAccount);
    const market = await this.market(base, actions.map((a) => a.asset));
    return accountWhatIf(base, actions, { model, market });
  }

  async maxWithdraw(marginAccount: PublicKey, asset: PublicKey): Promise<bigint> {
    return maxWithdrawAmount(await this.portfolio(marginAccount), asset);
  }

  async maxBorrow(marginAccount: PublicKey, asset: PublicKey): Promise<bigint> {
    const base = await this.portfolio(marginAccount);
    return maxBorrowAmount(base, asset, await this.market(base, [asset]));
  }

  /** The program's own `health` figures, from a simulated `health` instruction's return data. */
  async programHealth(marginAccount: PublicKey): Promise<HealthReport> {
    const account = await this.fetchMarginAccount(marginAccount);
    const ix = await this.instructions.health({ health: await this.healthSource(account) });
    return this.simulateHealth(ix);
  }

  /** Simulates a built `health` instruction and decodes its return data. */
  async simulateHealth(ix: TransactionInstruction, accounts: PublicKey[] = []): Promise<HealthReport & { accounts: (AccountInfo<Buffer> | null)[] }> {
    const { blockhash } = await this.connection.getLatestBlockhash("confirmed");
    const message = new TransactionMessage({ payerKey: this.publicKey, recentBlockhash: blockhash, instructions: [ix] }).compileToV0Message();
    const simulated = await this.connection.simulateTransaction(new VersionedTransaction(message), {
      sigVerify: false,
      replaceRecentBlockhash: true,
      commitment: "confirmed",
      accounts: accounts.length ? { encoding: "base64", addresses: accounts.map(key) } : undefined,
    });
    throwIfFailed(simulated.value);
    const returned = simulated.value.returnData;
    if (!returned || !returned.programId || returned.programId !== this.program.programId.toBase58()) {
      throw new Error("the health simulation returned no data from the program");
    }
    const decoded = tightropeCoder.types.decode("healthReport", Buffer.from(returned.data[0], "base64"));
    const h = decoded.health;
    const out = simulated.value.accounts ?? [];
    return {
      model: "tims" in decoded.model ? "tims" : "rules",
      equity: BigInt(h.equity.toString()),
      initialEquity: BigInt(h.initialEquity.toString()),
      initialRequirement: BigInt(h.initialRequirement.toString()),
      maintenanceRequirement: BigInt(h.maintenanceRequirement.toString()),
      initialHealth: BigInt(h.initialHealth.toString()),
      maintenanceHealth: BigInt(h.maintenanceHealth.toString()),
      marginRatio: decoded.marginRatio === null ? null : BigInt(decoded.marginRatio.toString()),
      accounts: out.map((a) => (a ? { ...a, data: Buffer.from(a.data[0], "base64"), owner: new PublicKey(a.owner) } as AccountInfo<Buffer> : null)),
    };
  }

  /** Sends `instructions` (simulated first, through a lookup table when long). */
  send(instructions: TransactionInstruction[], options: SendOptions & { lookupTable?: PublicKey } = {}) {
    return this.sender.sendFitting(instructions, options);
  }

  // Trader actions: build the instruction with everything it needs, then send it.

  async createMarginAccount(group: PublicKey, accountNum = 0, options: SendOptions = {}) {
    const ix = await this.instructions.createMarginAccount({ group, owner: this.publicKey, accountNum });
    return this.send([ix], options);
  }

  private assetKeys(asset: AssetState): AssetKeys {
    return { address: asset.address, vault: asset.vault, oracle: asset.oracle, mint: asset.mint };
  }

  /** Deposit or repay from the wallet's associated token account (or `source`). */
  async moveIn(kind: "deposit" | "repay", marginAccount: PublicKey, asset: AssetState, amount: bigint, options: SendOptions & { source?: PublicKey } = {}) {
    const account = await this.fetchMarginAccount(marginAccount);
    const source = options.source ?? getAssociatedTokenAddressSync(asset.mint, this.publicKey, true);
    const ix = await this.instructions[kind]({ group: account.group, marginAccount, authority: this.publicKey, asset: this.assetKeys(asset), source, amount });
    return this.send([ix], options);
  }

  /** Withdraw or borrow into the wallet's associated token account (created if missing) or `destination`. */
  async moveOut(kind: "withdraw" | "borrow", marginAccount: PublicKey, asset: AssetState, amount: bigint, options: SendOptions & { destination?: PublicKey } = {}) {
    const account = await this.fetchMarginAccount(marginAccount);
    const ata = getAssociatedTokenAddressSync(asset.mint, this.publicKey, true);
    const destination = options.destination ?? ata;
    const pre = options.destination ? [] : [createAssociatedTokenAccountIdempotentInstruction(this.publicKey, ata, this.publicKey, asset.mint)];
    const ix = await this.instructions[kind]({ health: await this.healthSource(account), authority: this.publicKey, asset: this.assetKeys(asset), destination, amount });
    return this.send([...pre, ix], options);
  }

  /**
   * Liquidates the `liquidatee` through this wallet's `liquidator` account: takes over up to `maxRepay` (native
   * units) of its `liability` for its `collateral` at the discount; the program sizes it to the group's target.
   */
  async liquidate(
    a: { liquidator: PublicKey; liquidatee: PublicKey; liability: AssetState; collateral: AssetState; maxRepay: bigint },
    options: SendOptions = {},
  ) {
    const [liquidator, liquidatee] = await Promise.all([this.fetchMarginAccount(a.liquidator), this.fetchMarginAccount(a.liquidatee)]);
    const [liquidatorSource, liquidateeSource] = await Promise.all([this.healthSource(liquidator), this.healthSource(liquidatee)]);
    const ix = await this.instructions.liquidate({
      liquidatee: liquidateeSource,
      liquidator: liquidatorSource,
      authority: this.publicKey,
      liability: this.assetKeys(a.liability),
      collateral: this.assetKeys(a.collateral),
      maxRepay: a.maxRepay,
    });
    return this.send([ix], options);
  }

  /** Writes off the debt of `marginAccount`, which must hold no collateral (anyone may). */
  async resolveBadDebt(marginAccount: PublicKey, options: SendOptions = {}) {
    const ix = await this.instructions.resolveBadDebt({ account: await this.fetchMarginAccount(marginAccount) });
    return this.send([ix], options);
  }

  async setMarginModel(marginAccount: PublicKey, model: MarginModelArg, options: SendOptions = {}) {
    const account = await this.fetchMarginAccount(marginAccount);
    const ix = await this.instructions.setMarginModel({ health: await this.healthSource(account), authority: this.publicKey, model });
    return this.send([ix], options);
  }
}
