//! Pure integer math for the protocol core: share accounting, interest accrual, the stable price and Pyth
//! price conversion. No Anchor, no Solana types, no floats, no allocation: every function takes plain integers
//! and returns a [`MathResult`].
//!
//! Numbers follow `tightrope_risk` (see `crates/risk/src/fixed.rs`): prices, rates, shares of a whole and indices
//! are [`Fx`] (`i128` scaled by 10^12, [`FX_ONE`] = 1.0); token amounts are native integers (`u64` for one
//! transfer, `u128` for totals and values that interest can grow). Products go through
//! `tightrope_risk::fixed::mul_div` (256-bit intermediate) with an explicit rounding at each site, always against
//! the account and in favour of the protocol.
//!
//! Errors: this module's own [`MathError`] (three variants); a `RiskError` coming out of `mul_div` is mapped by
//! `From` (only `Overflow` and `DivisionByZero` can arise there).

pub mod bad_debt;
pub mod guard;
pub mod interest;
pub mod margin_call;
pub mod oracle_price;
pub mod shares;
pub mod stable_price;

use core::fmt;

pub use tightrope_risk::fixed::Rounding;
use tightrope_risk::RiskError;
pub use tightrope_risk::{Fx, FX_ONE};

/// Why a math function refused: nothing here panics or wraps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathError {
    /// An intermediate or result does not fit its integer type.
    Overflow,
    /// A denominator that must be positive was zero (kept for `RiskError::DivisionByZero`; the public functions
    /// check their denominators first and answer `InvalidInput`).
    DivisionByZero,
    /// An argument outside its documented domain (non-positive index or price, invalid model, bad exponent …).
    InvalidInput,
}

impl From<RiskError> for MathError {
    fn from(error: RiskError) -> Self {
        match error {
            RiskError::Overflow => MathError::Overflow,
            RiskError::DivisionByZero => MathError::DivisionByZero,
            _ => MathError::InvalidInput,
        }
    }
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

pub type MathResult<T> = core::result::Result<T, MathError>;

/// `a × b / d` with a 256-bit intermediate, rounded as the caller names.
pub(crate) fn mul_div(a: i128, b: i128, d: i128, rounding: Rounding) -> MathResult<i128> {
    Ok(tightrope_risk::fixed::mul_div(a, b, d, rounding)?)
}

pub(crate) fn to_i128(x: u128) -> MathResult<i128> {
    i128::try_from(x).map_err(|_| MathError::Overflow)
}

pub(crate) fn to_u128(x: i128) -> MathResult<u128> {
    u128::try_from(x).map_err(|_| MathError::Overflow)
}

/// A tiny deterministic generator (64-bit LCG, Knuth's MMIX constants) for the property-style test loops.
#[cfg(test)]
pub(crate) struct Lcg(pub u64);

#[cfg(test)]
impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        // The low bits of an LCG cycle quickly; swap the halves so they come from the well-mixed high bits.
        self.0.rotate_left(32)
    }
    /// A value in `[0, 2^bits)` with `bits` itself random in `[0, max_bits]`, so every magnitude shows up.
    pub fn spread(&mut self, max_bits: u32) -> u128 {
        let bits = (self.next() % (max_bits as u64 + 1)) as u32;
        let wide = (self.next() as u128) << 64 | self.next() as u128;
        if bits == 0 {
            0
        } else {
            wide >> (128 - bits)
        }
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn risk_errors_map_to_named_math_errors() {
        assert_eq!(MathError::from(RiskError::Overflow), MathError::Overflow);
        assert_eq!(
            MathError::from(RiskError::DivisionByZero),
            MathError::DivisionByZero
        );
        assert_eq!(
            MathError::from(RiskError::PriceOutOfRange),
            MathError::InvalidInput
        );
        assert_eq!(
            mul_div(i128::MAX, 2, 1, Rounding::Down),
            Err(MathError::Overflow)
        );
        assert_eq!(to_i128(u128::MAX), Err(MathError::Overflow));
        assert_eq!(to_u128(-1), Err(MathError::Overflow));
    }

    #[test]
    fn the_test_generator_reaches_every_magnitude() {
        let mut rng = Lcg(1);
        let (mut small, mut large) = (false, false);
        for _ in 0..1000 {
            let x = rng.spread(100);
            small |= x < 1000;
            large |= x > 1 << 90;
        }
        assert!(small && large);
    }
}
