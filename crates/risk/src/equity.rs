//! Equity: what the account would be worth closed out at conservative marks, rounded down position by position.
//!
//! Each contribution is `floor(signed units × price)`, which is against the account whatever the sign: holdings
//! round down and liabilities (negative contributions) round up in magnitude.

use crate::error::Result;
use crate::fixed::{add, sub, value, Money, Rounding};
use crate::marks::{conservative_price, Exposure};
use crate::model::{Level, Portfolio, Position};
use crate::options::position::{exposure, units, UnitValues};
use crate::tims::class::MAX_LEVELS;

/// One position's contribution to equity at each of `levels` (at most two), indexed like them. Under the rules
/// model options are left out: a long option has no collateral value (Reg T: paid in full) and a short option's
/// premium is inside its charge.
pub fn position_equities(
    p: &Portfolio,
    position: &Position,
    levels: &[Level],
    with_options: bool,
) -> Result<[Money; MAX_LEVELS]> {
    // One valuer across the levels, so an option is set up once and a repeated mark is not revalued.
    let mut option_values = match position {
        Position::Option(o) if with_options => Some(UnitValues::new(o, p)),
        _ => None,
    };
    let mut equities = [0; MAX_LEVELS];
    for (equity, &level) in equities.iter_mut().zip(levels) {
        *equity = position_equity(p, position, level, option_values.as_mut())?;
    }
    Ok(equities)
}

/// One position's contribution at `level`; an option counts only when `option_values` is given to value it.
fn position_equity(
    p: &Portfolio,
    position: &Position,
    level: Level,
    option_values: Option<&mut UnitValues>,
) -> Result<Money> {
    let asset = &p.assets[position.asset() as usize];
    let mark = |exposure| conservative_price(asset, p.conf_multiplier, level, exposure);
    let d = asset.decimals;
    match (*position, option_values) {
        (
            Position::Spot {
                deposit, borrow, ..
            },
            _,
        ) => {
            let held = value(deposit as i128, mark(Exposure::Long)?, d, Rounding::Down)?;
            let owed = value(-(borrow as i128), mark(Exposure::Short)?, d, Rounding::Down)?;
            add(held, owed)
        }
        (
            Position::Linear {
                quantity,
                entry_price,
                ..
            },
            _,
        ) => {
            let q = quantity as i128;
            let price = mark(Exposure::of_sign(q))?;
            value(q, sub(price, entry_price)?, d, Rounding::Down)
        }
        (Position::Option(o), Some(values)) => {
            let spot = mark(exposure(&o))?;
            value(units(&o)?, values.at(spot), d, Rounding::Down)
        }
        (Position::Option(_), None) => Ok(0),
    }
}
