// What the keeper knows of the chain: the group, its assets and their Pyth accounts, and every margin account of the
// group, loaded by `getProgramAccounts` (discriminator and group filters) and kept current by subscriptions:
// `programSubscribe` with the same filters for margin accounts, `accountSubscribe` for each oracle and asset. Both
// can miss updates (a dropped WebSocket, a notification lost while reconnecting), so the oracles are also polled
// with the Clock (one `getMultipleAccounts`), and the whole state is reloaded on a timer as the safety net.
import { utils } from "@coral-xyz/anchor";
import { AccountInfo, Connection, GetProgramAccountsFilter, PublicKey, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";
import {
  accountDiscriminator,
  AssetState,
  ASSET_GROUP_OFFSET,
  clockUnixTimestamp,
  decodeAsset,
  decodeGroup,
  decodeMarginAccount,
  GroupState,
  MARGIN_ACCOUNT_GROUP_OFFSET,
  MarginAccountState,
} from "@tightrope/sdk";

export interface Snapshot {
  group: GroupState;
  assets: AssetState[];
  oracles: Map<string, AccountInfo<Buffer> | null>;
  accounts: MarginAccountState[];
  /** Cluster unix time of the read. */
  now: bigint;
}

export interface DiscoveryHandlers {
  account(state: MarginAccountState): void;
  asset(state: AssetState): void;
  /** An oracle's account as read (subscription or poll), with the cluster time when known from the same read. */
  oracle(oracle: PublicKey, info: AccountInfo<Buffer>, now?: bigint): void;
  reload(snapshot: Snapshot): Promise<void>;
  /** A failed read or subscription step; discovery keeps going and retries on its timers. */
  error(what: string, error: unknown): void;
}

export interface DiscoveryOptions {
  /** Full reload period (the safety net). */
  reloadMs: number;
  /** Oracle poll period, beside the subscriptions. */
  pollMs: number;
}

const filter = (offset: number, bytes: Buffer | PublicKey): GetProgramAccountsFilter => ({
  memcmp: { offset, bytes: bytes instanceof PublicKey ? bytes.toBase58() : utils.bytes.bs58.encode(bytes) },
});

export class Discovery {
  private accountSubscriptions: number[] = [];
  private programSubscription: number | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private oracleKeys: PublicKey[] = [];
  private stopped = false;

  constructor(
    readonly connection: Connection,
    readonly programId: PublicKey,
    readonly group: PublicKey,
    readonly handlers: DiscoveryHandlers,
    readonly options: DiscoveryOptions,
  ) {}

  private accountFilters(kind: "marginAccount" | "asset"): GetProgramAccountsFilter[] {
    return [filter(0, accountDiscriminator(kind)), filter(kind === "asset" ? ASSET_GROUP_OFFSET : MARGIN_ACCOUNT_GROUP_OFFSET, this.group)];
  }

  /** Everything, read fresh; the clock and the oracles in one round trip so prices and time agree. */
  async load(): Promise<Snapshot> {
    const [groupInfo, assetRows, accountRows] = await Promise.all([
      this.connection.getAccountInfo(this.group, "confirmed"),
      this.connection.getProgramAccounts(this.programId, { commitment: "confirmed", filters: this.accountFilters("asset") }),
      this.connection.getProgramAccounts(this.programId, { commitment: "confirmed", filters: this.accountFilters("marginAccount") }),
    ]);
    if (!groupInfo || !groupInfo.owner.equals(this.programId)) throw new Error(`group ${this.group.toBase58()} not found`);
    const group = decodeGroup(this.group, groupInfo.data);
    const assets = assetRows.map((r) => decodeAsset(r.pubkey, r.account.data));
    const accounts = accountRows.map((r) => decodeMarginAccount(r.pubkey, r.account.data));
    this.oracleKeys = assets.map((a) => a.oracle);
    const { oracles, now } = await this.readOracles();
    return { group, assets, oracles, accounts, now };
  }

  private async readOracles(): Promise<{ oracles: Map<string, AccountInfo<Buffer> | null>; now: bigint }> {
    const infos = await this.connection.getMultipleAccountsInfo([SYSVAR_CLOCK_PUBKEY, ...this.oracleKeys], "confirmed");
    if (!infos[0]) throw new Error("the cluster has no Clock sysvar");
    return { oracles: new Map(this.oracleKeys.map((k, i) => [k.toBase58(), infos[i + 1]])), now: clockUnixTimestamp(infos[0].data) };
  }

  /** Subscribes to everything in `snapshot` and starts the poll and reload timers. */
  start(snapshot: Snapshot): void {
    const c = this.connection;
    this.programSubscription = c.onProgramAccountChange(
      this.programId,
      (keyed) => this.guard("margin account notification", () => this.handlers.account(decodeMarginAccount(keyed.accountId, keyed.accountInfo.data))),
      { commitment: "confirmed", filters: this.accountFilters("marginAccount") },
    );
    for (const asset of snapshot.assets) {
      this.accountSubscriptions.push(
        c.onAccountChange(asset.oracle, (info) => this.guard("oracle notification", () => this.handlers.oracle(asset.oracle, info)), "confirmed"),
        c.onAccountChange(asset.address, (info) => this.guard("asset notification", () => this.handlers.asset(decodeAsset(asset.address, info.data))), "confirmed"),
      );
    }
    this.every(this.options.pollMs, "oracle poll", async () => {
      const { oracles, now } = await this.readOracles();
      for (const key of this.oracleKeys) {
        const info = oracles.get(key.toBase58());
        if (info) this.handlers.oracle(key, info, now);
      }
    });
    this.every(this.options.reloadMs, "reload", async () => this.handlers.reload(await this.load()));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((t) => clearTimeout(t));
    const removals = this.accountSubscriptions.map((id) => this.connection.removeAccountChangeListener(id));
    if (this.programSubscription !== undefined) removals.push(this.connection.removeProgramAccountChangeListener(this.programSubscription));
    [this.accountSubscriptions, this.programSubscription] = [[], undefined];
    // Removing a listener talks to the server; a dead connection must not hold the shutdown.
    await Promise.allSettled(removals.map((r) => Promise.race([r, sleep(1_000)])));
  }

  /** Runs `task` every `ms`, never two at once, reporting failures and carrying on. */
  private every(ms: number, what: string, task: () => Promise<void>): void {
    const run = async () => {
      if (this.stopped) return;
      try {
        await task();
      } catch (e) {
        this.handlers.error(what, e);
      }
      if (!this.stopped) this.timers.set(what, setTimeout(run, ms));
    };
    this.timers.set(what, setTimeout(run, ms));
  }

  private guard(what: string, f: () => void): void {
    try {
      f();
    } catch (e) {
      this.handlers.error(what, e);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
