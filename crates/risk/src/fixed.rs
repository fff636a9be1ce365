//! The two number formats and the only rounding helpers the engine uses.
//!
//! * **Money** (`Money = i128`): integer minor units of the quote asset, 6 decimals (1 USDC = 1_000_000).
//! * **Fixed** (`Fx = i128`): prices, rates, shares, volatilities and ratios scaled by 10^12 (`FX_ONE`), so
//!   `0.375` is `375_000_000_000` and a price of 150.25 quote per whole unit is `150_250_000_000_000`.
//! * **Raw value**: `native quantity × price (Fx)`, exact; one asset's raw values share the unit
//!   `10^-(decimals + 12)` quote, so a class's P&L is summed exactly and rounded once into money.
//!
//! Every rounding names its direction, [`Rounding::Down`] (toward −∞) or [`Rounding::Up`] (toward +∞), and the
//! caller picks the one that goes against the account.

use crate::error::{Result, RiskError};
use crate::wide::{div_wide, mul_wide};

pub type Fx = i128;
pub type Money = i128;

pub const FX_DECIMALS: u32 = 12;
pub const FX_ONE: Fx = 1_000_000_000_000;
pub const MONEY_DECIMALS: u32 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// Toward −∞: for values the account owns and for equity.
    Down,
    /// Toward +∞: for liabilities, losses and requirements.
    Up,
}

pub fn add(a: i128, b: i128) -> Result<i128> {
    a.checked_add(b).ok_or(RiskError::Overflow)
}

pub fn sub(a: i128, b: i128) -> Result<i128> {
    a.checked_sub(b).ok_or(RiskError::Overflow)
}

pub fn mul(a: i128, b: i128) -> Result<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        // 64-bit factors cannot overflow 128 bits: one multiply, no check (the usual case in a scan).
        (Ok(a), Ok(b)) => Ok(a as i128 * b as i128),
        _ => a.checked_mul(b).ok_or(RiskError::Overflow),
    }
}

/// `10^n` for `n ≤ 38`.
pub fn pow10(n: u32) -> Result<i128> {
    10i128.checked_pow(n).ok_or(RiskError::Overflow)
}

/// `a × b / d` with a 256-bit intermediate, rounded as asked. `d` must be positive.
pub fn mul_div(a: i128, b: i128, d: i128, rounding: Rounding) -> Result<i128> {
    if d <= 0 {
        return Err(RiskError::DivisionByZero);
    }
    let negative = (a < 0) != (b < 0) && a != 0 && b != 0;
    let (hi, lo) = mul_wide(a.unsigned_abs(), b.unsigned_abs());
    let (q, r) = div_wide(hi, lo, d as u128).ok_or(RiskError::Overflow)?;
    // Truncation rounds the magnitude down; step it up when the exact result lies beyond it in the asked direction.
    let away_from_zero = r != 0 && (negative == (rounding == Rounding::Down));
    let magnitude = if away_from_zero {
        q.checked_add(1).ok_or(RiskError::Overflow)?
    } else {
        q
    };
    let magnitude = i128::try_from(magnitude).map_err(|_| RiskError::Overflow)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// `n / d` rounded as asked, `d` positive.
pub fn div_round(n: i128, d: i128, rounding: Rounding) -> Result<i128> {
    mul_div(n, 1, d, rounding)
}

/// `a × x` for a fixed-point factor `x`.
pub fn mul_fx(a: i128, x: Fx, rounding: Rounding) -> Result<i128> {
    mul_div(a, x, FX_ONE, rounding)
}

/// A raw value (native quantity × Fx price) of an asset with `decimals` in money.
pub fn raw_to_money(raw: i128, decimals: u8, rounding: Rounding) -> Result<Money> {
    div_round(
        raw,
        pow10(decimals as u32 + FX_DECIMALS - MONEY_DECIMALS)?,
        rounding,
    )
}

/// The money value of `native` units at `price` (Fx per whole unit).
pub fn value(native: i128, price: Fx, decimals: u8, rounding: Rounding) -> Result<Money> {
    mul_div(
        native,
        price,
        pow10(decimals as u32 + FX_DECIMALS - MONEY_DECIMALS)?,
        rounding,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rounding::{Down, Up};

    #[test]
    fn rounding_goes_the_named_way_for_both_signs() {
        assert_eq!(div_round(7, 2, Down), Ok(3));
        assert_eq!(div_round(7, 2, Up), Ok(4));
        assert_eq!(div_round(-7, 2, Down), Ok(-4));
        assert_eq!(div_round(-7, 2, Up), Ok(-3));
        assert_eq!(div_round(-8, 2, Up), Ok(-4));
        assert_eq!(mul_div(-3, -5, 2, Down), Ok(7));
        assert_eq!(mul_div(3, -5, 2, Down), Ok(-8));
    }

    #[test]
    fn products_beyond_128_bits_divide_back_exactly() {
        let big = i128::MAX / 3;
        assert_eq!(mul_div(big, 1 << 20, 1 << 20, Down), Ok(big));
        assert_eq!(mul_div(big, 6, 2, Down), Ok(big * 3));
        assert_eq!(mul_div(i128::MAX, 2, 1, Down), Err(RiskError::Overflow));
        assert_eq!(mul_div(1, 1, 0, Down), Err(RiskError::DivisionByZero));
    }

    #[test]
    fn value_converts_native_units_at_a_price_into_money() {
        // 1.5 SOL (9 decimals) at 150.25 → 225.375 quote.
        assert_eq!(
            value(1_500_000_000, 150_250_000_000_000, 9, Down),
            Ok(225_375_000)
        );
        // 1 lamport at 150.25 is 0.00000015025 quote: down to 0, up to one minor unit.
        assert_eq!(value(1, 150_250_000_000_000, 9, Down), Ok(0));
        assert_eq!(value(1, 150_250_000_000_000, 9, Up), Ok(1));
    }
}
