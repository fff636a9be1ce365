//! Valuation points: `points_down` equidistant shocks from −band_down up to (not including) zero, then
//! `points_up` from zero (exclusive) up to +band_up. Initial margin scales every shock by the tier's multiplier.
//! Shock and move magnitudes round up, so a band is never narrowed by rounding.

use crate::error::Result;
use crate::fixed::{add, mul_div, mul_fx, sub, Fx, Rounding};
use crate::model::{Level, Tier};

pub fn point_count(tier: &Tier) -> usize {
    tier.points_down as usize + tier.points_up as usize
}

/// The signed shock (Fx fraction of price) of point `index`, `0 ≤ index < point_count`, widest down move first.
pub fn shock(tier: &Tier, level: Level, index: usize) -> Result<Fx> {
    let down = tier.points_down as usize;
    let (band, points, step, negative) = if index < down {
        (tier.band_down, down, down - index, true)
    } else {
        (
            tier.band_up,
            tier.points_up as usize,
            index - down + 1,
            false,
        )
    };
    let mut magnitude = mul_div(band, step as i128, points as i128, Rounding::Up)?;
    if level == Level::Initial {
        magnitude = mul_fx(magnitude, tier.initial_multiplier, Rounding::Up)?;
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `price` moved by `shock`, the move rounded away from zero, floored at zero.
pub fn scenario_price(price: Fx, shock: Fx) -> Result<Fx> {
    let step = mul_fx(price, shock.abs(), Rounding::Up)?;
    if shock < 0 {
        Ok(sub(price, step)?.max(0))
    } else {
        add(price, step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed::FX_ONE;

    #[test]
    fn broad_index_band_with_ten_points() {
        // −8%/+6% with 5 points each way: −8, −6.4, −4.8, −3.2, −1.6, +1.2, +2.4, +3.6, +4.8, +6 %.
        let tier = Tier::broad_index();
        let per_mille = [-80, -64, -48, -32, -16, 12, 24, 36, 48, 60];
        assert_eq!(point_count(&tier), per_mille.len());
        for (i, m) in per_mille.iter().enumerate() {
            assert_eq!(
                shock(&tier, Level::Maintenance, i),
                Ok(m * FX_ONE / 1000),
                "point {i}"
            );
        }
    }

    #[test]
    fn initial_scales_the_scenarios_and_moves_round_outward() {
        let tier = Tier::single_name(); // ±15%, initial multiplier 1.5
        assert_eq!(shock(&tier, Level::Initial, 0), Ok(-225 * FX_ONE / 1000));
        assert_eq!(shock(&tier, Level::Initial, 9), Ok(225 * FX_ONE / 1000));
        // 3 units of 1e-12 moved by 50% is 1.5 units: the move rounds out to 2 either way.
        assert_eq!(scenario_price(3, -FX_ONE / 2), Ok(1));
        assert_eq!(scenario_price(3, FX_ONE / 2), Ok(5));
        assert_eq!(scenario_price(3, -FX_ONE), Ok(0));
    }
}
