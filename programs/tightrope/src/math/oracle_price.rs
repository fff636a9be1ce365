//! Pyth fixed point to [`Fx`]: a Pyth price is `price × 10^exponent` quote per whole unit, with a confidence
//! `conf` in the same scale. Fx has 12 decimals, so exponents `≥ −12` scale up exactly; finer exponents (down to
//! −18) drop digits, the price rounding **down** and the confidence **up** (the interval can only widen, and the
//! error is below 10^-12 quote, the risk engine's own price resolution).
//!
//! Refused with `InvalidInput`: an exponent outside `[−18, 12]`, a price ≤ 0, and a converted price of 0 or above
//! `tightrope_risk::MAX_PRICE` (10^9 quote). A confidence too large for `i128` (only possible with a positive
//! exponent and a confidence above 1.7·10^17) is `Overflow`. The confidence is not capped otherwise: a wide one is
//! for [`conf_within`] to refuse.

use super::{mul_div, Fx, MathError, MathResult, Rounding, FX_ONE};
use tightrope_risk::fixed::FX_DECIMALS;
use tightrope_risk::MAX_PRICE;

pub const MIN_EXPONENT: i32 = -18;
pub const MAX_EXPONENT: i32 = 12;

/// `(price, conf)` in Fx from a Pyth price, confidence and exponent.
pub fn to_fx(price: i64, conf: u64, exponent: i32) -> MathResult<(Fx, Fx)> {
    if !(MIN_EXPONENT..=MAX_EXPONENT).contains(&exponent) || price <= 0 {
        return Err(MathError::InvalidInput);
    }
    let shift = exponent + FX_DECIMALS as i32; // in [−6, 24]
    let scale = 10i128.pow(shift.unsigned_abs()); // ≤ 10^24 < 2^127
    let (price, conf) = (i128::from(price), i128::from(conf));
    let (price_fx, conf_fx) = if shift >= 0 {
        // Exact: scaling up drops nothing. An overflowing price is above MAX_PRICE anyway.
        let price_fx = price.checked_mul(scale).ok_or(MathError::InvalidInput)?;
        check_price(price_fx)?;
        (
            price_fx,
            conf.checked_mul(scale).ok_or(MathError::Overflow)?,
        )
    } else {
        // Down: the price drops the digits below 10^-12, never reading higher than Pyth says.
        let price_fx = mul_div(price, 1, scale, Rounding::Down)?;
        check_price(price_fx)?;
        // Up: the confidence interval only widens.
        (price_fx, mul_div(conf, 1, scale, Rounding::Up)?)
    };
    Ok((price_fx, conf_fx))
}

fn check_price(price: Fx) -> MathResult<()> {
    if price <= 0 || price > MAX_PRICE {
        return Err(MathError::InvalidInput);
    }
    Ok(())
}

/// Whether `conf / price ≤ max_conf_ratio`, decided exactly: `conf × FX_ONE ≤ max_conf_ratio × price`.
/// A non-positive price or a negative confidence or ratio is never within.
pub fn conf_within(price: Fx, conf: Fx, max_conf_ratio: Fx) -> bool {
    if price <= 0 || conf < 0 || max_conf_ratio < 0 {
        return false;
    }
    // Exact, no rounding: for an integer ratio r, ⌈conf·FX_ONE / price⌉ ≤ r ⇔ conf·FX_ONE ≤ r·price.
    // mul_div keeps the product in 256 bits; it fails only when the quotient exceeds i128, hence any ratio.
    match mul_div(conf, FX_ONE, price, Rounding::Up) {
        Ok(ceiling) => ceiling <= max_conf_ratio,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lcg;
    use super::*;

    #[test]
    fn common_exponents_convert_exactly() {
        // SOL at 150.25 with exponent −8, conf 0.0375.
        assert_eq!(
            to_fx(15_025_000_000, 3_750_000, -8),
            Ok((150_250_000_000_000, 37_500_000_000))
        );
        assert_eq!(to_fx(123, 4, -12), Ok((123, 4)));
        assert_eq!(to_fx(7, 0, 0), Ok((7 * FX_ONE, 0)));
        // 10^9 quote is the largest accepted price, reached with the exponent at 9.
        assert_eq!(to_fx(1, 1, 9), Ok((MAX_PRICE, MAX_PRICE)));
    }

    #[test]
    fn finer_exponents_round_the_price_down_and_the_conf_up() {
        // 1.500000000000000001 ± 10^-18 at exponent −18.
        assert_eq!(
            to_fx(1_500_000_000_000_000_001, 1, -18),
            Ok((1_500_000_000_000, 1))
        );
        assert_eq!(to_fx(1_999_999, 1_000_001, -18), Ok((1, 2)));
        assert_eq!(to_fx(29, 0, -13), Ok((2, 0)));
        // A price that floors to zero is below the engine's range.
        assert_eq!(to_fx(999_999, 0, -18), Err(MathError::InvalidInput));
    }

    #[test]
    fn bad_prices_and_exponents_are_invalid() {
        assert_eq!(to_fx(0, 1, -8), Err(MathError::InvalidInput));
        assert_eq!(to_fx(-5, 1, -8), Err(MathError::InvalidInput));
        assert_eq!(to_fx(1, 1, 13), Err(MathError::InvalidInput));
        assert_eq!(to_fx(1, 1, -19), Err(MathError::InvalidInput));
        assert_eq!(to_fx(2, 0, 9), Err(MathError::InvalidInput));
        assert_eq!(to_fx(1, 0, 12), Err(MathError::InvalidInput));
        assert_eq!(to_fx(i64::MAX, 0, -8), Err(MathError::InvalidInput));
        assert_eq!(
            to_fx(100_000_000_000_000_001, 0, -8),
            Err(MathError::InvalidInput)
        );
        assert_eq!(to_fx(1, u64::MAX, 9), Err(MathError::Overflow));
        // The cap itself at exponent −8, with a huge confidence: accepted, for conf_within to refuse.
        let (price, conf) = to_fx(100_000_000_000_000_000, u64::MAX, -8).unwrap();
        assert_eq!((price, conf), (MAX_PRICE, u64::MAX as i128 * 10_000));
        assert!(!conf_within(price, conf, FX_ONE));
    }

    #[test]
    fn confidence_ratio_is_decided_exactly() {
        let hundred = 100 * FX_ONE;
        let one_percent = FX_ONE / 100;
        assert!(conf_within(hundred, FX_ONE, one_percent));
        assert!(!conf_within(hundred, FX_ONE + 1, one_percent));
        assert!(!conf_within(hundred, FX_ONE, one_percent - 1));
        // 1/3 lies strictly between two Fx ratios: only the one above it admits it.
        assert!(!conf_within(3, 1, 333_333_333_333));
        assert!(conf_within(3, 1, 333_333_333_334));
        assert!(conf_within(MAX_PRICE, MAX_PRICE, FX_ONE));
        assert!(conf_within(1, 0, 0));
        assert!(!conf_within(1, i128::MAX, i128::MAX));
        assert!(!conf_within(0, 0, FX_ONE));
        assert!(!conf_within(FX_ONE, -1, FX_ONE));
        assert!(!conf_within(FX_ONE, 0, -1));
    }

    #[test]
    fn confidence_ratio_matches_the_direct_products_wherever_they_fit() {
        let mut rng = Lcg(11);
        let (mut inside, mut outside) = (0, 0);
        for _ in 0..20_000 {
            let price = 1 + rng.spread(70) as Fx;
            let conf = rng.spread(70) as Fx;
            let ratio = (conf * FX_ONE / price) + rng.below(3) as Fx - 1;
            if ratio < 0 {
                continue;
            }
            let direct = conf * FX_ONE <= ratio * price;
            assert_eq!(
                conf_within(price, conf, ratio),
                direct,
                "{price} {conf} {ratio}"
            );
            if direct {
                inside += 1;
            } else {
                outside += 1;
            }
        }
        assert!(inside > 1_000 && outside > 1_000, "{inside} {outside}");
    }
}
