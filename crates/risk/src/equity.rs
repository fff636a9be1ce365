//! Equity: what the account would be worth closed out at conservative marks, rounded down position by position.
//!
//! Each contribution is `floor(signed units × price)`, which is against the account whatever the sign: holdings
//! round down and liabilities (negative contributions) round up in magnitude.

use crate::error::Result;
use crate::fixed::{add, sub, value, Money, Rounding};
use crate::marks::{conservative_price, Exposure};
use crate::model::{Level, Portfolio, Position};
use crate::options::position::{exposure, unit_value, units};

/// One position's contribution to equity at `level`. Under the rules model options are left out: a long option
/// has no collateral value (Reg T: paid in full) and a short option's premium is inside its charge.
pub fn position_equity(
    p: &Portfolio,
    position: &Position,
    level: Level,
    with_options: bool,
) -> Result<Money> {
    let asset = &p.assets[position.asset() as usize];
    let mark = |exposure| conservative_price(asset, p.conf_multiplier, level, exposure);
    let d = asset.decimals;
    match *position {
        Position::Spot {
            deposit, borrow, ..
        } => {
            let held = value(deposit as i128, mark(Exposure::Long)?, d, Rounding::Down)?;
            let owed = value(-(borrow as i128), mark(Exposure::Short)?, d, Rounding::Down)?;
            add(held, owed)
        }
        Position::Linear {
            quantity,
            entry_price,
            ..
        } => {
            let q = quantity as i128;
            let price = mark(Exposure::of_sign(q))?;
            value(q, sub(price, entry_price)?, d, Rounding::Down)
        }
        Position::Option(o) if with_options => {
            let spot = mark(exposure(&o))?;
            value(units(&o)?, unit_value(&o, spot, p.now), d, Rounding::Down)
        }
        Position::Option(_) => Ok(0),
    }
}
