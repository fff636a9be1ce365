//! The margin call's timeline, from an account's maintenance figures: when it may be called, when the call is
//! cured, and when the account may be liquidated. Pure integers; amounts in quote minor units, shares [`Fx`].
//!
//! - *Callable*: maintenance health below zero.
//! - *Cured*: maintenance health at least `cure_buffer × maintenance requirement` (rounded up, so a cure is never
//!   granted early).
//! - *Liquidatable*: below maintenance and either past the grace window of a call, or beyond the hard threshold
//!   (maintenance health below `−hard_threshold × maintenance requirement`, or equity ≤ 0), where no window applies.
//!   With `grace_seconds = 0` any account below maintenance is liquidatable at once, as on marginfi, Mango and Drift.

use super::{mul_div, Fx, MathResult, Rounding, FX_ONE};

/// An account's maintenance figures, as the risk engine reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Maintenance {
    pub equity: i128,
    pub requirement: i128,
    pub health: i128,
}

pub fn callable(m: &Maintenance) -> bool {
    m.health < 0
}

pub fn cured(m: &Maintenance, cure_buffer: Fx) -> MathResult<bool> {
    Ok(m.health >= mul_div(m.requirement, cure_buffer, FX_ONE, Rounding::Up)?)
}

/// The maintenance health a liquidation lifts the account to: `target × maintenance requirement`, rounded up (a
/// liquidation that goes a unit further costs the account, never the depositors).
pub fn liquidation_target(m: &Maintenance, target: Fx) -> MathResult<i128> {
    mul_div(m.requirement, target, FX_ONE, Rounding::Up)
}

/// Whether the account is past the point where the grace window applies.
pub fn beyond_hard_threshold(m: &Maintenance, hard_threshold: Fx) -> MathResult<bool> {
    // The threshold rounds toward zero: an account exactly at it is beyond it.
    Ok(m.equity <= 0 || m.health < -mul_div(m.requirement, hard_threshold, FX_ONE, Rounding::Down)?)
}

/// Whether the account may be liquidated at `now`, given when its margin call was made (`None`: never).
pub fn liquidatable(m: &Maintenance, called_at: Option<i64>, now: i64, grace_seconds: u64, hard_threshold: Fx) -> MathResult<bool> {
    if !callable(m) {
        return Ok(false);
    }
    if grace_seconds == 0 || beyond_hard_threshold(m, hard_threshold)? {
        return Ok(true);
    }
    Ok(called_at.is_some_and(|at| i128::from(now) >= i128::from(at) + i128::from(grace_seconds)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn figures(equity: i128, requirement: i128) -> Maintenance {
        Maintenance { equity, requirement, health: equity - requirement }
    }
    const TENTH: Fx = FX_ONE / 10;

    #[test]
    fn an_account_at_or_above_maintenance_is_neither_callable_nor_liquidatable() {
        for m in [figures(100, 100), figures(150, 100), figures(0, 0)] {
            assert!(!callable(&m));
            assert_eq!(liquidatable(&m, Some(0), 1_000_000, 0, 0), Ok(false));
        }
    }

    #[test]
    fn the_grace_window_holds_liquidation_until_it_ends() {
        let m = figures(95, 100); // health −5, within a 10% hard threshold (−10)
        assert!(callable(&m));
        assert_eq!(liquidatable(&m, None, 1_000, 600, TENTH), Ok(false), "never called");
        assert_eq!(liquidatable(&m, Some(1_000), 1_599, 600, TENTH), Ok(false));
        assert_eq!(liquidatable(&m, Some(1_000), 1_600, 600, TENTH), Ok(true));
        assert_eq!(liquidatable(&m, None, 1_000, 0, TENTH), Ok(true), "no window: at once");
    }

    #[test]
    fn the_liquidation_target_is_a_share_of_the_requirement_rounded_up() {
        assert_eq!(liquidation_target(&figures(95, 1_001), TENTH), Ok(101));
        assert_eq!(liquidation_target(&figures(95, 1_000), 0), Ok(0));
    }

    #[test]
    fn beyond_the_hard_threshold_or_at_zero_equity_the_window_does_not_apply() {
        assert_eq!(beyond_hard_threshold(&figures(90, 100), TENTH), Ok(false), "exactly −10% is the threshold");
        assert_eq!(beyond_hard_threshold(&figures(89, 100), TENTH), Ok(true));
        assert_eq!(liquidatable(&figures(89, 100), None, 0, 600, TENTH), Ok(true));
        assert_eq!(beyond_hard_threshold(&figures(0, 1), FX_ONE), Ok(true), "no equity left");
        assert_eq!(beyond_hard_threshold(&figures(-5, 1_000), FX_ONE), Ok(true));
    }

    #[test]
    fn a_cure_needs_the_buffer_rounded_against_the_account() {
        // 5% of 101 is 5.05, rounded up to 6.
        assert_eq!(cured(&figures(106, 101), FX_ONE / 20), Ok(false));
        assert_eq!(cured(&figures(107, 101), FX_ONE / 20), Ok(true));
        assert_eq!(cured(&figures(100, 100), 0), Ok(true));
        assert_eq!(cured(&figures(99, 100), 0), Ok(false));
    }
}
