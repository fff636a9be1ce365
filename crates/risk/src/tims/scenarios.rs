//! Valuation points: `points_down` equidistant shocks from −band_down up to (not including) zero, then
//! `points_up` from zero (exclusive) up to +band_up. A tier with an extreme move adds one point before them at
//! −multiple × band_down and one after them at +multiple × band_up, whose P&L counts at the tier's weight.
//! Initial margin scales every shock by the tier's multiplier. Shock and move magnitudes round up, so a band is
//! never narrowed by rounding.

use crate::error::Result;
use crate::fixed::{add, mul_div, mul_fx, sub, Fx, Rounding};
use crate::model::{Level, Tier};

fn extreme_points(tier: &Tier) -> usize {
    if tier.extreme.is_on() {
        2
    } else {
        0
    }
}

pub fn point_count(tier: &Tier) -> usize {
    tier.points_down as usize + tier.points_up as usize + extreme_points(tier)
}

/// The weight point `index` counts at: `Some` for an extreme point, `None` (in full) for the band's points.
pub fn extreme_weight(tier: &Tier, index: usize) -> Option<Fx> {
    let outermost = index == 0 || index + 1 == point_count(tier);
    (tier.extreme.is_on() && outermost).then_some(tier.extreme.weight)
}

/// The signed shock (Fx fraction of price) of point `index`, `0 ≤ index < point_count`, widest down move first.
pub fn shock(tier: &Tier, level: Level, index: usize) -> Result<Fx> {
    let magnitude = if extreme_weight(tier, index).is_some() {
        let band = if index == 0 {
            tier.band_down
        } else {
            tier.band_up
        };
        mul_fx(band, tier.extreme.multiple, Rounding::Up)?
    } else {
        band_magnitude(tier, index - extreme_points(tier) / 2)?
    };
    let negative = index < extreme_points(tier) / 2 + tier.points_down as usize;
    let magnitude = if level == Level::Initial {
        mul_fx(magnitude, tier.initial_multiplier, Rounding::Up)?
    } else {
        magnitude
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// The magnitude of the band's point `index` (extreme points not counted): step k of n is band × k / n.
fn band_magnitude(tier: &Tier, index: usize) -> Result<Fx> {
    let down = tier.points_down as usize;
    let (band, points, step) = if index < down {
        (tier.band_down, down, down - index)
    } else {
        (tier.band_up, tier.points_up as usize, index - down + 1)
    };
    mul_div(band, step as i128, points as i128, Rounding::Up)
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

    #[test]
    fn an_extreme_move_adds_an_outer_point_each_way_at_its_weight() {
        // SPAN's extreme moves: 3 × the band, a third of the loss counted.
        let tier = Tier {
            extreme: crate::model::ExtremeMove {
                multiple: 3 * FX_ONE,
                weight: FX_ONE / 3,
            },
            ..Tier::finra_4210g()
        };
        assert_eq!(point_count(&tier), 12);
        assert_eq!(shock(&tier, Level::Maintenance, 0), Ok(-45 * FX_ONE / 100));
        assert_eq!(shock(&tier, Level::Maintenance, 1), Ok(-15 * FX_ONE / 100));
        assert_eq!(shock(&tier, Level::Maintenance, 6), Ok(3 * FX_ONE / 100));
        assert_eq!(shock(&tier, Level::Maintenance, 11), Ok(45 * FX_ONE / 100));
        assert_eq!(extreme_weight(&tier, 0), Some(FX_ONE / 3));
        assert_eq!(extreme_weight(&tier, 5), None);
        assert_eq!(extreme_weight(&tier, 11), Some(FX_ONE / 3));
        assert_eq!(extreme_weight(&Tier::finra_4210g(), 0), None);
    }
}
