// The one search behind liquidation price and size (`crates/risk/src/liquidation/mod.rs`).

/**
 * Largest-step bisection between a point where `ok` holds and one where it fails (either order), returning the
 * point adjacent to the boundary on the `ok` side.
 */
export function bisect(good: bigint, bad: bigint, ok: (x: bigint) => boolean): bigint {
  for (;;) {
    const gap = good > bad ? good - bad : bad - good;
    if (gap <= 1n) return good;
    const mid = (good < bad ? good : bad) + gap / 2n;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
}
