//! Off the hot path: where an account would be liquidated, and how much a liquidator may take.
//! Both search with whole evaluations, a bounded number of times (≤ ~260 for a price, ≤ ~200 for a size).

pub mod price;
pub mod sizing;

/// Largest-step bisection between a point where `ok` holds and one where it fails (either order), returning the
/// point adjacent to the boundary on the `ok` side. `ok` must hold at `good` and fail at `bad`.
pub(crate) fn bisect<E>(
    mut good: i128,
    mut bad: i128,
    mut ok: impl FnMut(i128) -> Result<bool, E>,
) -> Result<i128, E> {
    while (good - bad).abs() > 1 {
        let mid = good.min(bad) + (good - bad).abs() / 2;
        if ok(mid)? {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Ok(good)
}
