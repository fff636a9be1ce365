//! Conservative marks: what price a position is valued at, given which way it gains and for which level.
//!
//! A position that gains when the price rises (a deposit, a long perp, a long call, a short put) is valued at the
//! low mark; one that gains when it falls at the high mark. Maintenance marks are P ∓ k·conf; initial marks also
//! take the worse of the oracle and the slow (stable) price: min(P, stable) − k·conf and max(P, stable) + k·conf.

use crate::error::Result;
use crate::fixed::{add, mul_fx, Fx, Rounding};
use crate::model::{Asset, Level};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposure {
    /// Gains when the price rises.
    Long,
    /// Gains when the price falls.
    Short,
}

impl Exposure {
    pub fn of_sign(quantity: i128) -> Self {
        if quantity >= 0 {
            Exposure::Long
        } else {
            Exposure::Short
        }
    }
}

pub fn conservative_price(
    asset: &Asset,
    conf_multiplier: Fx,
    level: Level,
    exposure: Exposure,
) -> Result<Fx> {
    // The confidence haircut is rounded up: it only ever widens the mark against the account.
    let widen = mul_fx(asset.conf, conf_multiplier, Rounding::Up)?;
    let price = asset.price;
    let stable = asset.stable_price;
    Ok(match (exposure, level) {
        (Exposure::Long, Level::Maintenance) => (price - widen).max(0),
        (Exposure::Long, Level::Initial) => (price.min(stable) - widen).max(0),
        (Exposure::Short, Level::Maintenance) => add(price, widen)?,
        (Exposure::Short, Level::Initial) => add(price.max(stable), widen)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed::FX_ONE;
    use crate::model::{Level::*, RulesRates};

    #[test]
    fn marks_widen_by_k_conf_and_take_the_worse_of_oracle_and_stable_for_initial() {
        let asset = Asset {
            decimals: 9,
            price: 100 * FX_ONE,
            conf: FX_ONE / 2,
            stable_price: 98 * FX_ONE,
            tier: 0,
            rules: RulesRates::volatile(),
            ..Asset::quote(0)
        };
        let k = 2 * FX_ONE;
        assert_eq!(
            conservative_price(&asset, k, Maintenance, Exposure::Long),
            Ok(99 * FX_ONE)
        );
        assert_eq!(
            conservative_price(&asset, k, Maintenance, Exposure::Short),
            Ok(101 * FX_ONE)
        );
        assert_eq!(
            conservative_price(&asset, k, Initial, Exposure::Long),
            Ok(97 * FX_ONE)
        );
        assert_eq!(
            conservative_price(&asset, k, Initial, Exposure::Short),
            Ok(101 * FX_ONE)
        );
    }
}
