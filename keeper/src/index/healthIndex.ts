// The keeper's index: every tracked account either sits in a box of prices it is provably healthy in (its edges in
// per-asset heaps, see box.ts) or is watched (not provably healthy: re-evaluated exactly on every tick of an asset
// it holds). A tick pops only the edges it crosses, re-evaluates those accounts and the watched ones exactly with
// the SDK's engine, and rebuilds their boxes. Only watched accounts can be unhealthy, so the liquidation candidates
// are read straight off the watch list. `sweep` re-evaluates everything and counts any disagreement as a bug.
import { risk } from "@tightrope/sdk";

import { boxEdges, exactHealth, Market, TrackedAccount } from "./box";
import { EdgeHeap } from "./edgeHeap";

type Money = risk.Money;
const { FX_ONE } = risk;

interface Slot {
  account: TrackedAccount;
  /** Bumped on every re-evaluation: heap entries of older versions are stale. */
  version: number;
  watched: boolean;
  /**
   * Exact maintenance health at the last evaluation, current for watched accounts (re-evaluated every tick); null
   * when the engine refuses to price the account (as the program would), which keeps it watched.
   */
  health: Money | null;
}

export interface TickResult {
  /** Accounts re-evaluated exactly: the edges crossed plus the watched ones of the asset. */
  evaluated: number;
  /** True when the tick's confidence exceeded what the asset's edges assume and all its holders were rebuilt. */
  confWidened: boolean;
}

export interface SweepResult {
  evaluated: number;
  unhealthy: number;
  /** Accounts whose exact health disagrees with the index's view: each one a bug, already repaired. */
  disagreements: { key: string; health: Money | null; indexed: Money | null; watched: boolean }[];
}

export interface Unhealthy {
  key: string;
  health: Money;
  account: TrackedAccount;
}

/** A heap is compacted once stale entries make it this many times larger than the accounts tracked. */
const COMPACT_FACTOR = 4;

export class HealthIndex {
  private slots: (Slot | undefined)[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly freeIds: number[] = [];
  private readonly lower: EdgeHeap[];
  private readonly upper: EdgeHeap[];
  private readonly watch: Set<number>[];
  private readonly live = (id: number, version: number) => this.slots[id]?.version === version;

  constructor(readonly market: Market) {
    const n = market.assets.length;
    this.lower = Array.from({ length: n }, () => new EdgeHeap("lower"));
    this.upper = Array.from({ length: n }, () => new EdgeHeap("upper"));
    this.watch = Array.from({ length: n }, () => new Set<number>());
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Adds or replaces an account (a new state from the chain) and evaluates it at the current prices. */
  upsert(account: TrackedAccount): void {
    let id = this.byKey.get(account.key);
    if (id === undefined) {
      id = this.freeIds.pop() ?? this.slots.length;
      this.byKey.set(account.key, id);
      this.slots[id] = { account, version: 0, watched: false, health: null };
    } else {
      this.unwatch(id);
      this.slots[id]!.account = account;
    }
    this.evaluate(id);
  }

  remove(key: string): void {
    const id = this.byKey.get(key);
    if (id === undefined) return;
    this.unwatch(id);
    this.slots[id] = undefined; // its heap entries no longer match a live version
    this.byKey.delete(key);
    this.freeIds.push(id);
  }

  /** A new oracle price (and confidence, Fx) for `asset`: re-evaluates exactly the accounts it may have hurt. */
  tick(asset: number, price: bigint, conf: bigint): TickResult {
    const a = this.market.assets[asset];
    this.market.assets[asset] = { ...a, price, conf };
    if (conf * FX_ONE > this.market.confRatio[asset] * price) {
      // Every edge of this asset assumed a tighter confidence: widen the assumption (twice the tick's ratio, so one
      // wide tick does not repeat this) and rebuild all its holders.
      this.market.confRatio[asset] = ((conf * FX_ONE) / price + 1n) * 2n;
      const holders = this.holders(asset);
      holders.forEach((id) => this.reevaluate(id));
      return { evaluated: holders.length, confWidened: true };
    }
    const touched = new Set<number>(this.watch[asset]);
    const at = Number(price);
    const add = (id: number) => touched.add(id);
    this.lower[asset].popCrossed(at, this.live, add);
    this.upper[asset].popCrossed(at, this.live, add);
    touched.forEach((id) => this.reevaluate(id));
    this.compactIfStale(asset);
    return { evaluated: touched.size, confWidened: false };
  }

  /** Accounts below maintenance, most short first. Only watched accounts can be. */
  unhealthy(): Unhealthy[] {
    const out: Unhealthy[] = [];
    const seen = new Set<number>();
    for (const set of this.watch) {
      for (const id of set) {
        const slot = this.slots[id]!;
        if (seen.has(id) || slot.health === null || slot.health >= 0n) continue;
        seen.add(id);
        out.push({ key: slot.account.key, health: slot.health, account: slot.account });
      }
    }
    return out.sort((x, y) => (x.health < y.health ? -1 : x.health > y.health ? 1 : 0));
  }

  /** Slots a sweep walks (ids, live or free): `sweep(from, to)` covers a slice of them. */
  get capacity(): number {
    return this.slots.length;
  }

  /**
   * Re-evaluates every account (or those with ids in [from, to)) exactly and compares with the index; a
   * disagreement is repaired and reported. Each account is compared atomically, so a caller may sweep in slices
   * with ticks in between.
   */
  sweep(from = 0, to = this.slots.length): SweepResult {
    const result: SweepResult = { evaluated: 0, unhealthy: 0, disagreements: [] };
    for (let id = from; id < Math.min(to, this.slots.length); id++) {
      const slot = this.slots[id];
      if (!slot) continue;
      result.evaluated++;
      const health = safeHealth(this.market, slot.account);
      if (health !== null && health < 0n) result.unhealthy++;
      // The index claims: a boxed account is healthy; a watched one has exactly the health last computed.
      const agrees = slot.watched ? health === slot.health : health !== null && health >= 0n;
      if (agrees) continue;
      result.disagreements.push({ key: slot.account.key, health, indexed: slot.health, watched: slot.watched });
      this.reevaluate(id);
    }
    return result;
  }

  stats(): { tracked: number; watched: number; unhealthy: number; heapEntries: number; heapBytes: number } {
    const watched = new Set<number>();
    this.watch.forEach((set) => set.forEach((id) => watched.add(id)));
    const heaps = [...this.lower, ...this.upper];
    return {
      tracked: this.byKey.size,
      watched: watched.size,
      unhealthy: this.unhealthy().length,
      heapEntries: heaps.reduce((n, h) => n + h.size, 0),
      heapBytes: heaps.reduce((n, h) => n + h.bytes, 0),
    };
  }

  private reevaluate(id: number): void {
    this.unwatch(id);
    this.evaluate(id);
  }

  private evaluate(id: number): void {
    const slot = this.slots[id]!;
    slot.version++;
    let edges = null;
    try {
      slot.health = exactHealth(this.market, slot.account);
      if (slot.health >= 0n) edges = boxEdges(this.market, slot.account);
    } catch {
      slot.health = null;
    }
    if (edges === null) {
      slot.watched = true;
      for (const p of slot.account.positions) this.watch[p.asset].add(id);
      return;
    }
    slot.watched = false;
    for (const e of edges) (e.side === "lower" ? this.lower : this.upper)[e.asset].push(Number(e.price), id, slot.version);
  }

  private unwatch(id: number): void {
    const slot = this.slots[id]!;
    if (!slot.watched) return;
    for (const p of slot.account.positions) this.watch[p.asset].delete(id);
    slot.watched = false;
  }

  private holders(asset: number): number[] {
    const out: number[] = [];
    this.slots.forEach((slot, id) => {
      if (slot?.account.positions.some((p) => p.asset === asset)) out.push(id);
    });
    return out;
  }

  private compactIfStale(asset: number): void {
    for (const heap of [this.lower[asset], this.upper[asset]]) {
      if (heap.size > COMPACT_FACTOR * this.byKey.size + 1024) heap.compact(this.live);
    }
  }
}

/** Exact health, or null where the engine refuses the portfolio (what the program would refuse too). */
function safeHealth(market: Market, account: TrackedAccount): Money | null {
  try {
    return exactHealth(market, account);
  } catch {
    return null;
  }
}
