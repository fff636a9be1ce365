// The keeper: discovery feeds the index; every oracle tick re-evaluates only the accounts it may have hurt; each
// account found below maintenance is decided (plan.ts) in order of shortfall and acted on, one send in flight per
// account: re-read on chain and priced exactly as the program will, then simulated, sent, confirmed, retried with
// backoff, and skipped for a while (saying why) when it keeps failing. `dryRun` decides and logs, sends nothing.
import { AccountInfo, Connection, Keypair, PublicKey } from "@solana/web3.js";
import { accruedAsset, AssetState, closeWebSocket, GroupState, liquidationStatus, MarginAccountState, readOraclePrice, risk, TightropeClient, TightropeError } from "@tightrope/sdk";
import type { Logger } from "pino";

import { ChainAsset, marketOf, priceAssets, shardOf, trackedAccount } from "./chain";
import { Discovery, Snapshot } from "./discovery";
import { ChainExecutor, Executor } from "./executor";
import { LiquidatorMarginError, requireLiquidatorMargin } from "./liquidatorMargin";
import { portfolioOf } from "./index/box";
import { HealthIndex } from "./index/healthIndex";
import { KeeperMetrics } from "./metrics";
import { decide, Decision } from "./plan";

export interface KeeperConfig {
  rpcUrl: string;
  /** Defaults to the RPC port + 1, as web3.js derives it. */
  wsUrl?: string;
  group: PublicKey;
  keypair: Keypair;
  dryRun: boolean;
  shard: { index: number; count: number };
  reloadMs: number;
  pollMs: number;
  sweepMs: number;
  rpcTimeoutMs: number;
  /** How long a sent transaction may take to confirm before it is re-read and re-sent. */
  confirmTimeoutMs: number;
  computeUnits?: number;
  priorityMicroLamports?: number;
  /** Sends per action before the account is skipped for `skipMs`. */
  maxAttempts: number;
  skipMs: number;
}

/** Program refusals that mean the work is already done (by us earlier, or another keeper). */
/** Refusals that mean someone else (or a price move) got there first: nothing left to do for this account. */
const SETTLED = new Set(["AlreadyUnderMarginCall", "NotBelowMaintenance", "NothingToLiquidate", "NoBadDebt"]);
/** Retry backoff: doubling from 250 ms, never above 2 s (a price can move far in longer). */
const BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 2_000;
/** Accounts indexed or swept between yields to the event loop (a quarter second of work at most). */
const REBUILD_SLICE = 5_000;

/** The keeper's own account could not take a liquidation on and stay above initial margin. */
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Tries of one HTTP request that timed out, failed to connect or got a 5xx, before the caller sees the error. */
const REQUEST_TRIES = 3;

/**
 * A Connection whose every HTTP request gives up after `timeoutMs` (web3.js would wait on a hung server forever)
 * and is retried on a timeout, a network error or a 5xx. Retrying is safe for every method the keeper uses: reads
 * are idempotent, and a signed transaction sent twice is one transaction (its signature is its identity).
 */
export function keeperConnection(rpcUrl: string, wsUrl: string | undefined, timeoutMs: number): Connection {
  const patientFetch = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
        if (response.status < 500 || attempt === REQUEST_TRIES) return response;
      } catch (e) {
        if (attempt === REQUEST_TRIES) throw e;
      }
      await sleep(50 * 2 ** attempt);
    }
  };
  return new Connection(rpcUrl, { commitment: "confirmed", wsEndpoint: wsUrl, disableRetryOnRateLimit: true, fetch: patientFetch });
}

export class Keeper {
  readonly connection: Connection;
  readonly client: TightropeClient;
  private readonly executor: Executor;
  private readonly discovery: Discovery;
  private index!: HealthIndex;
  private group!: GroupState;
  private assets: ChainAsset[] = [];
  private states = new Map<string, MarginAccountState>();
  private readonly inFlight = new Set<string>();
  private readonly skipped = new Map<string, { until: number; reason: string }>();
  /** Dry-run logs a decision when it changes, not on every tick. */
  private readonly decided = new Map<string, string>();
  private clock = { now: 0n, at: Date.now() };
  /** While a reload builds its index: the ticks and account updates to apply to it once it is swapped in. */
  private arrived: { ticks: Map<number, { price: bigint; conf: bigint }>; accounts: Map<string, MarginAccountState> } | null = null;
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastTick: { asset: string; price: string; evaluated: number; ms: number } | null = null;

  constructor(readonly config: KeeperConfig, readonly log: Logger, readonly metrics = new KeeperMetrics(), executor?: Executor) {
    this.connection = keeperConnection(config.rpcUrl, config.wsUrl, config.rpcTimeoutMs);
    this.client = TightropeClient.fromKeypair(this.connection, config.keypair);
    this.executor = executor ?? new ChainExecutor(this.client, { computeUnits: config.computeUnits, priorityMicroLamports: config.priorityMicroLamports, timeoutMs: config.confirmTimeoutMs });
    this.discovery = new Discovery(this.connection, this.client.program.programId, config.group, {
      account: (state) => this.onAccount(state),
      asset: (state) => this.onAsset(state),
      oracle: (key, info, now) => this.onOracle(key, info, now),
      reload: (snapshot) => this.apply(snapshot, "reload"),
      error: (what, e) => this.rpcError(what, e),
    }, { reloadMs: config.reloadMs, pollMs: config.pollMs });
  }

  async start(): Promise<void> {
    // The first load retries until the cluster answers: a keeper started before its RPC is ready just waits.
    for (let attempt = 0; ; attempt++) {
      try {
        const snapshot = await this.discovery.load();
        await this.apply(snapshot, "start");
        this.discovery.start(snapshot);
        break;
      } catch (e) {
        this.rpcError("initial load", e);
        if (this.stopped) return;
        await sleep(Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** attempt));
      }
    }
    const sweep = async () => {
      await this.sweep();
      if (!this.stopped) this.sweepTimer = setTimeout(sweep, this.config.sweepMs);
    };
    this.sweepTimer = setTimeout(sweep, this.config.sweepMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    await this.discovery.stop();
    closeWebSocket(this.connection);
  }

  private now(): bigint {
    return this.clock.now + BigInt(Math.floor((Date.now() - this.clock.at) / 1000));
  }

  private inShard(key: PublicKey): boolean {
    return shardOf(key, this.config.shard.count) === this.config.shard.index;
  }

  /**
   * A full state (start or reload): a new index is built from it, so nothing a missed notification hid survives. A
   * large group builds in slices, the current index serving ticks meanwhile; what arrives during the build (price
   * ticks, account updates) is applied to the new index when it is swapped in.
   */
  private async apply(snapshot: Snapshot, why: "start" | "reload"): Promise<void> {
    const assets = priceAssets(snapshot.group, snapshot.assets, snapshot.oracles, snapshot.now);
    const index = new HealthIndex(marketOf(snapshot.group, assets, snapshot.now, this.index?.market));
    const states = new Map<string, MarginAccountState>();
    this.arrived = { ticks: new Map(), accounts: new Map() };
    for (let i = 0; i < snapshot.accounts.length; i++) {
      this.track(snapshot.accounts[i], index, states, assets);
      if ((i + 1) % REBUILD_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const arrived = this.arrived;
    this.arrived = null;
    [this.index, this.states, this.assets, this.group] = [index, states, assets, snapshot.group];
    this.clock = { now: snapshot.now, at: Date.now() };
    arrived.ticks.forEach((t, asset) => index.tick(asset, t.price, t.conf));
    arrived.accounts.forEach((state) => this.track(state));
    if (why === "reload") this.metrics.reloads.inc();
    const stats = index.stats();
    this.updateGauges();
    this.log.info({ event: why, accounts: snapshot.accounts.length, tracked: stats.tracked, watched: stats.watched, unhealthy: stats.unhealthy }, `${why}: ${stats.tracked} accounts tracked`);
    this.act();
  }

  private track(state: MarginAccountState, index = this.index, states = this.states, assets = this.assets): void {
    if (!this.inShard(state.address)) return;
    states.set(state.address.toBase58(), state);
    try {
      index.upsert(trackedAccount(state, assets));
    } catch (e) {
      this.log.warn({ event: "untracked", account: state.address.toBase58(), error: errorText(e) }, "account not tracked");
    }
  }

  private onAccount(state: MarginAccountState): void {
    if (!this.index || !state.group.equals(this.config.group)) return;
    this.arrived?.accounts.set(state.address.toBase58(), state);
    this.track(state);
    this.updateGauges();
    this.act();
  }

  private onAsset(state: AssetState): void {
    const i = this.assets.findIndex((a) => a.state.address.equals(state.address));
    if (i >= 0) this.assets[i] = { ...this.assets[i], state: accruedAsset(state, this.now()) };
  }

  private onOracle(key: PublicKey, info: AccountInfo<Buffer>, now?: bigint): void {
    if (!this.index) return;
    if (now !== undefined) this.clock = { now, at: Date.now() };
    const i = this.assets.findIndex((a) => a.state.oracle.equals(key));
    if (i < 0) return;
    const at = performance.now();
    let read;
    try {
      read = readOraclePrice(this.assets[i].state, key, info, this.now());
    } catch (e) {
      // The program refuses this price too (stale, too wide, regressed): nothing can be acted on with it.
      this.rpcError(`oracle ${key.toBase58()}`, e);
      return;
    }
    const current = this.index.market.assets[i];
    if (read.price === current.price && read.conf === current.conf) return;
    this.arrived?.ticks.set(i, { price: read.price, conf: read.conf });
    const result = this.index.tick(i, read.price, read.conf);
    const ms = performance.now() - at;
    this.metrics.ticks.inc({ asset: String(i) });
    this.metrics.tickEvaluation.observe(ms / 1000);
    this.lastTick = { asset: this.assets[i].state.address.toBase58(), price: read.price.toString(), evaluated: result.evaluated, ms };
    this.log.debug({ event: "tick", asset: i, price: read.price.toString(), evaluated: result.evaluated, ms, confWidened: result.confWidened }, "tick");
    this.updateGauges();
    this.act(at);
  }

  /** The full sweep, in slices so ticks are served between them; abandoned if a reload swaps the index. */
  private async sweep(): Promise<void> {
    const index = this.index;
    if (!index) return;
    for (let from = 0; from < index.capacity && index === this.index; from += REBUILD_SLICE) {
      for (const d of index.sweep(from, from + REBUILD_SLICE).disagreements) {
        this.metrics.disagreements.inc();
        this.log.error({ event: "index_disagreement", account: d.key, health: d.health?.toString(), indexed: d.indexed?.toString(), watched: d.watched }, "the index disagreed with a full sweep (bug)");
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.metrics.sweeps.inc();
    this.updateGauges();
    this.act();
  }

  private updateGauges(): void {
    const s = this.index.stats();
    this.metrics.tracked.set(s.tracked);
    this.metrics.watched.set(s.watched);
    this.metrics.unhealthy.set(s.unhealthy);
  }

  private rpcError(what: string, e: unknown): void {
    this.metrics.rpcErrors.inc({ what: what.split(" ")[0] });
    this.log.warn({ event: "rpc_error", what, error: errorText(e) }, `${what} failed`);
  }

  /** Walks the unhealthy accounts, largest shortfall first, and dispatches what each needs. */
  private act(tickAt?: number): void {
    if (this.stopped) return;
    const now = this.now();
    for (const u of this.index.unhealthy()) {
      const skip = this.skipped.get(u.key);
      if (this.inFlight.has(u.key) || (skip && skip.until > Date.now())) continue;
      const state = this.states.get(u.key);
      if (!state) continue;
      const discounts = this.assets.map((a) => a.state.liquidationDiscount);
      const decision = decide(this.group, state, u.account, portfolioOf(this.index.market, u.account.positions), discounts, now);
      if (decision.kind === "none" || decision.kind === "wait") continue;
      this.dispatch(u.key, u.health, decision, tickAt);
    }
  }

  private dispatch(key: string, health: bigint, decision: Decision, tickAt: number | undefined): void {
    this.metrics.decisions.inc({ kind: decision.kind });
    if (this.config.dryRun) {
      if (this.decided.get(key) !== decision.kind) {
        this.decided.set(key, decision.kind);
        this.log.info({ event: "decision", dryRun: true, account: key, action: decision.kind, health: health.toString() }, `dry run: would ${decision.kind} ${key}`);
      }
      return;
    }
    this.inFlight.add(key);
    void this.execute(new PublicKey(key), decision, tickAt).finally(() => {
      this.inFlight.delete(key);
      if (!this.stopped) setImmediate(() => this.act());
    });
  }

  private async execute(account: PublicKey, decision: Decision, tickAt: number | undefined): Promise<void> {
    const key = account.toBase58();
    const kind = decision.kind;
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        // Re-read and price exactly as the program will: the account may have been cured or acted on meanwhile.
        const fresh = await this.client.portfolio(account);
        this.onAccount(fresh.account);
        if (risk.health(fresh.portfolio, fresh.model, "maintenance") >= 0n) {
          // The index saw other prices than this read (a newer or older one): look again after the next poll
          // rather than re-reading in a loop.
          this.skipped.set(key, { until: Date.now() + this.config.pollMs, reason: "healthy on re-read" });
          this.log.info({ event: "recovered", account: key }, "healthy on re-read; nothing sent");
          return;
        }
        if (kind === "flag" && fresh.account.marginCallAt !== null) return;
        // The index's clock is this machine's; ask the mirror at the re-read's cluster time, and wait a poll if needed.
        const status = kind === "liquidate" ? liquidationStatus(fresh) : undefined;
        if (status && !status.liquidatable) {
          this.skipped.set(key, { until: Date.now() + this.config.pollMs, reason: status.reason });
          this.log.info({ event: "waiting", account: key, reason: status.reason }, `not liquidatable yet on re-read (${status.reason})`);
          return;
        }
        if (decision.kind === "liquidate") {
          const legs = { liability: this.assets[decision.plan.liability].state.address, collateral: this.assets[decision.plan.collateral].state.address };
          await requireLiquidatorMargin(this.client, this.liquidatorAccount(), legs, decision.plan);
        }
        const tickToSendMs = tickAt === undefined ? undefined : performance.now() - tickAt;
        if (tickToSendMs !== undefined && attempt === 1) this.metrics.tickToSend.observe(tickToSendMs / 1000);
        this.log.info({ event: "sending", account: key, action: kind, attempt, tickToSendMs }, `sending ${kind} ${key}`);
        this.metrics.sent.inc({ kind });
        const signature = await this.send(account, decision);
        this.metrics.landed.inc({ kind });
        if (kind === "flag") this.metrics.flagged.inc();
        if (kind === "resolveBadDebt") this.metrics.badDebtResolved.inc();
        this.log.info({ event: "landed", account: key, action: kind, signature, attempt }, `${kind} ${key} landed`);
        this.onAccount(await this.client.fetchMarginAccount(account));
        return;
      } catch (e) {
        if (e instanceof TightropeError && SETTLED.has(e.code)) {
          this.log.info({ event: "settled", account: key, action: kind, code: e.code }, `${kind} ${key}: already settled (${e.code})`);
          return;
        }
        const reason =
          e instanceof LiquidatorMarginError ? "liquidator_margin" : e instanceof TightropeError ? e.code : e instanceof Error ? e.name : "unknown";
        this.metrics.failed.inc({ kind, reason });
        // Retrying cannot help the keeper's own margin; skip the account and say why.
        if (e instanceof LiquidatorMarginError || attempt >= this.config.maxAttempts) {
          this.skipped.set(key, { until: Date.now() + this.config.skipMs, reason: `${kind}: ${errorText(e)}` });
          this.log.warn({ event: "skipped", account: key, action: kind, attempts: attempt, reason, error: errorText(e), forMs: this.config.skipMs }, `skipping ${key} for now: ${errorText(e)}`);
          return;
        }
        this.log.warn({ event: "retry", account: key, action: kind, attempt, reason, error: errorText(e) }, `${kind} ${key} failed; retrying`);
        await sleep(Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (attempt - 1)));
      }
    }
  }

  /** The keeper's own margin account: number 0 of its wallet in the group, where it takes on what it liquidates. */
  private liquidatorAccount(): PublicKey {
    return this.client.marginAccountAddress(this.config.group, 0);
  }

  private send(account: PublicKey, decision: Decision): Promise<string> {
    switch (decision.kind) {
      case "flag":
        return this.executor.flagMarginCall(account);
      case "resolveBadDebt":
        return this.executor.resolveBadDebt(account);
      case "liquidate":
        return this.executor.liquidate({
          liquidator: this.liquidatorAccount(),
          liquidatee: account,
          liability: this.assets[decision.plan.liability].state,
          collateral: this.assets[decision.plan.collateral].state,
          maxRepay: decision.plan.repay,
        });
      default:
        throw new Error(`nothing to send for ${decision.kind}`);
    }
  }

  /** Keys of the accounts this keeper (its shard) tracks. */
  trackedKeys(): string[] {
    return [...this.states.keys()];
  }

  /** What the running keeper sees, for `tightrope-keeper status` (served at /status). */
  status() {
    const stats = this.index?.stats();
    return {
      group: this.config.group.toBase58(),
      shard: `${this.config.shard.index}/${this.config.shard.count}`,
      dryRun: this.config.dryRun,
      clusterTime: this.now().toString(),
      ...stats,
      inFlight: [...this.inFlight],
      lastTick: this.lastTick,
      prices: this.index?.market.assets.map((a, i) => ({ asset: this.assets[i]?.state.address.toBase58(), price: a.price.toString(), conf: a.conf.toString() })),
      unhealthyAccounts: (this.index?.unhealthy() ?? []).map((u) => ({ account: u.key, health: u.health.toString(), marginCallAt: this.states.get(u.key)?.marginCallAt?.toString() ?? null })),
      skipped: [...this.skipped].filter(([, s]) => s.until > Date.now()).map(([account, s]) => ({ account, reason: s.reason, until: new Date(s.until).toISOString() })),
    };
  }
}
