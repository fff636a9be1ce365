//! The stable price: a slow follower of the oracle that initial margin values assets at `min(P, stable)` and
//! liabilities at `max(P, stable)`, so a one-block oracle spike cannot inflate collateral.
//!
//! Each update moves the stable price toward the oracle by at most `stable × max_move_per_second × elapsed`
//! (a relative move, linear in time), never past the oracle. The allowed move rounds **down**, so the stable price
//! always lags at least as much as the exact rule asks.
//!
//! Inputs: `oracle` in `(0, MAX_PRICE]`, `stable` in `[0, MAX_PRICE]` (0 = never set), `max_move_per_second ≥ 0`;
//! otherwise `InvalidInput`. A move too large for `i128` saturates to the oracle price: with both prices
//! ≤ `MAX_PRICE` (10^21 Fx) any such move exceeds the gap, so catching up exactly is the exact answer.

use super::{mul_div, Fx, MathError, MathResult, Rounding, FX_ONE};
use tightrope_risk::MAX_PRICE;

/// The stable price after `elapsed_seconds`, given the current oracle price.
pub fn update(
    stable: Fx,
    oracle: Fx,
    elapsed_seconds: u64,
    max_move_per_second: Fx,
) -> MathResult<Fx> {
    if oracle <= 0
        || oracle > MAX_PRICE
        || !(0..=MAX_PRICE).contains(&stable)
        || max_move_per_second < 0
    {
        return Err(MathError::InvalidInput);
    }
    if stable == 0 {
        return Ok(oracle);
    }
    let gap = oracle - stable; // both in (0, 10^21]: cannot overflow
    let Some(relative) = max_move_per_second.checked_mul(i128::from(elapsed_seconds)) else {
        return Ok(oracle); // saturation: the allowed move is beyond i128, far beyond any gap
    };
    // Down: the stable price moves no further than the exact allowance, so it lags the oracle.
    let allowed = match mul_div(stable, relative, FX_ONE, Rounding::Down) {
        Ok(allowed) => allowed,
        Err(MathError::Overflow) => return Ok(oracle), // saturation, as above
        Err(error) => return Err(error),
    };
    let step = gap.unsigned_abs().min(allowed as u128) as i128; // ≤ |gap| ≤ 10^21
    Ok(if gap >= 0 {
        stable + step
    } else {
        stable - step
    })
}

#[cfg(test)]
mod tests {
    use super::super::Lcg;
    use super::*;

    const fn quote(units: i128) -> Fx {
        units * FX_ONE
    }
    /// 0.1% of the stable price per second.
    const TENTH_PERCENT: Fx = 1_000_000_000;

    #[test]
    fn an_unset_stable_price_takes_the_oracle() {
        assert_eq!(update(0, quote(150), 0, TENTH_PERCENT), Ok(quote(150)));
    }

    #[test]
    fn a_tenfold_spike_in_one_second_moves_only_by_the_cap() {
        // 100 → oracle 1,000 at 0.1%/s: one second allows 0.1.
        assert_eq!(
            update(quote(100), quote(1_000), 1, TENTH_PERCENT),
            Ok(100_100_000_000_000)
        );
        assert_eq!(
            update(quote(100), quote(1_000), 0, TENTH_PERCENT),
            Ok(quote(100))
        );
        assert_eq!(update(quote(100), quote(1_000), 1, 0), Ok(quote(100)));
    }

    #[test]
    fn a_long_wait_catches_up_exactly_and_never_overshoots() {
        // The gap of 900 at 0.1 a second closes in exactly 9,000 s.
        assert_eq!(
            update(quote(100), quote(1_000), 8_999, TENTH_PERCENT),
            Ok(999_900_000_000_000)
        );
        assert_eq!(
            update(quote(100), quote(1_000), 9_000, TENTH_PERCENT),
            Ok(quote(1_000))
        );
        assert_eq!(
            update(quote(100), quote(1_000), 9_001, TENTH_PERCENT),
            Ok(quote(1_000))
        );
        // Saturating paths: the relative move, then the move itself, beyond i128.
        assert_eq!(
            update(quote(100), quote(1_000), u64::MAX, i128::MAX / 2),
            Ok(quote(1_000))
        );
        assert_eq!(update(MAX_PRICE, 1, u64::MAX, FX_ONE << 40), Ok(1));
    }

    #[test]
    fn downward_moves_are_symmetric() {
        assert_eq!(
            update(quote(100), quote(10), 1, TENTH_PERCENT),
            Ok(99_900_000_000_000)
        );
        assert_eq!(
            update(quote(100), quote(10), 899, TENTH_PERCENT),
            Ok(10_100_000_000_000)
        );
        assert_eq!(
            update(quote(100), quote(10), 900, TENTH_PERCENT),
            Ok(quote(10))
        );
        assert_eq!(
            update(quote(100), quote(10), 1_000_000, TENTH_PERCENT),
            Ok(quote(10))
        );
    }

    #[test]
    fn the_allowed_move_rounds_down_both_ways() {
        // (1 + 10^-12) × 50% = 0.5000000000005 → 0.5.
        let stable = FX_ONE + 1;
        assert_eq!(
            update(stable, quote(10), 1, FX_ONE / 2),
            Ok(1_500_000_000_001)
        );
        assert_eq!(
            update(stable, FX_ONE / 10, 1, FX_ONE / 2),
            Ok(500_000_000_001)
        );
    }

    #[test]
    fn out_of_range_inputs_are_invalid() {
        assert_eq!(update(quote(1), 0, 1, 1), Err(MathError::InvalidInput));
        assert_eq!(
            update(quote(1), MAX_PRICE + 1, 1, 1),
            Err(MathError::InvalidInput)
        );
        assert_eq!(update(-1, quote(1), 1, 1), Err(MathError::InvalidInput));
        assert_eq!(
            update(MAX_PRICE + 1, quote(1), 1, 1),
            Err(MathError::InvalidInput)
        );
        assert_eq!(
            update(quote(1), quote(2), 1, -1),
            Err(MathError::InvalidInput)
        );
    }

    #[test]
    fn every_update_lands_between_stable_and_oracle_within_the_allowance() {
        let mut rng = Lcg(5);
        let (mut capped, mut caught_up) = (0, 0);
        for _ in 0..20_000 {
            let stable = 1 + rng.below(MAX_PRICE as u64) as Fx % (1 + rng.spread(70) as Fx);
            let oracle = 1 + rng.below(MAX_PRICE as u64) as Fx % (1 + rng.spread(70) as Fx);
            let rate = rng.spread(40) as Fx;
            let elapsed = rng.spread(30) as u64;
            let next = update(stable, oracle, elapsed, rate).unwrap();
            assert!(next >= stable.min(oracle) && next <= stable.max(oracle));
            // The exact allowance in 256 bits is stable × rate × elapsed / 10^12; the step never exceeds it.
            let step = (next - stable).abs();
            let exact_floor =
                mul_div(stable, rate * elapsed as i128, FX_ONE, Rounding::Down).unwrap();
            assert!(step <= exact_floor);
            if next == oracle {
                caught_up += 1;
            } else {
                assert_eq!(
                    step, exact_floor,
                    "stopped short of both the oracle and the allowance"
                );
                capped += 1;
            }
        }
        assert!(capped > 1_000 && caught_up > 1_000, "{capped} {caught_up}");
    }
}
