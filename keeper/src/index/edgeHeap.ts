// One side of one asset's interval edges, ordered so a tick pops exactly the edges it crosses: a max-heap of lower
// edges (a fall below one may make its account unhealthy) or a min-heap of upper edges. Entries are (key, account,
// version) in parallel typed arrays, so a million edges cost 16 MB and no objects; an account's rebuild bumps its
// version instead of searching the heap, and its old entries are dropped when they surface.
//
// Keys are float64 copies of bigint Fx prices and only order the heap: `Number(bigint)` rounds monotonically, so an
// exact crossing (price < edge) always implies key ≥ price as floats, and a tick pops every edge it crosses (plus, at
// worst, one it merely reaches). No margin decision reads a key.

export type Side = "lower" | "upper";

export class EdgeHeap {
  private keys = new Float64Array(1024);
  private ids = new Int32Array(1024);
  private versions = new Int32Array(1024);
  private count = 0;
  /** Max-heap for lower edges (the highest lower edge is crossed first by a fall), min-heap for upper ones. */
  private readonly sign: number;

  constructor(readonly side: Side) {
    this.sign = side === "lower" ? 1 : -1;
  }

  get size(): number {
    return this.count;
  }

  push(key: number, id: number, version: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    const k = key * this.sign;
    // Sift up.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] >= k) break;
      this.move(parent, i);
      i = parent;
    }
    this.keys[i] = k;
    this.ids[i] = id;
    this.versions[i] = version;
  }

  /**
   * Pops every entry a tick to `price` crosses (lower: key ≥ price; upper: key ≤ price), handing each live one
   * (`isLive(id, version)`) to `visit`; stale entries are discarded on the way.
   */
  popCrossed(price: number, isLive: (id: number, version: number) => boolean, visit: (id: number) => void): void {
    const bound = price * this.sign;
    while (this.count > 0 && this.keys[0] >= bound) {
      const [id, version] = [this.ids[0], this.versions[0]];
      this.popTop();
      if (isLive(id, version)) visit(id);
    }
  }

  /** Drops stale entries in one pass and re-heapifies: called when they outnumber the live ones. */
  compact(isLive: (id: number, version: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (!isLive(this.ids[i], this.versions[i])) continue;
      this.keys[kept] = this.keys[i];
      this.ids[kept] = this.ids[i];
      this.versions[kept] = this.versions[i];
      kept++;
    }
    this.count = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  /** Bytes held by the arrays (the benchmark states memory). */
  get bytes(): number {
    return this.keys.byteLength + this.ids.byteLength + this.versions.byteLength;
  }

  private popTop(): void {
    const last = --this.count;
    if (last === 0) return;
    this.move(last, 0);
    this.siftDown(0);
  }

  private siftDown(start: number): void {
    const [k, id, version] = [this.keys[start], this.ids[start], this.versions[start]];
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      const child = right < this.count && this.keys[right] > this.keys[left] ? right : left;
      if (this.keys[child] <= k) break;
      this.move(child, i);
      i = child;
    }
    this.keys[i] = k;
    this.ids[i] = id;
    this.versions[i] = version;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from];
    this.ids[to] = this.ids[from];
    this.versions[to] = this.versions[from];
  }

  private grow(): void {
    const size = this.keys.length * 2;
    const [keys, ids, versions] = [new Float64Array(size), new Int32Array(size), new Int32Array(size)];
    keys.set(this.keys);
    ids.set(this.ids);
    versions.set(this.versions);
    [this.keys, this.ids, this.versions] = [keys, ids, versions];
  }
}
