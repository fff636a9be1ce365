//! Rules-based margin, each position alone: Reg T initial, FINRA maintenance, house add-ons, CBOE naked options.
//! Deposits and borrows of one asset do not net. Every charge is computed on a value rounded up and rounded up
//! again after each rate, so it is never below the exact figure, except that a deposit is never charged more than
//! it is worth: collateral cannot count against an account. `strategies` lowers these charges for legs it
//! recognises together.

use crate::error::Result;
use crate::fixed::{add, mul_fx, sub, value, Fx, Money, Rounding};
use crate::marks::{conservative_price, Exposure};
use crate::model::{Asset, Level, OptionPosition, Portfolio, Position, RulesRates};
use crate::options::black_scholes::{intrinsic, OptionKind};
use crate::options::position::{exposure, unit_value, units};

fn level_rate(r: &RulesRates, level: Level, exposure: Exposure) -> Fx {
    match (level, exposure) {
        (Level::Initial, Exposure::Long) => r.initial_long,
        (Level::Initial, Exposure::Short) => r.initial_short,
        (Level::Maintenance, Exposure::Long) => r.maintenance_long,
        (Level::Maintenance, Exposure::Short) => r.maintenance_short,
    }
}

/// `value × (rate + house_rate) + |units| × house_per_unit` for `units ≥ 0` held (long) or owed (short), valued
/// at the conservative mark for that side.
pub fn linear_charge(
    p: &Portfolio,
    asset: &Asset,
    units: i128,
    level: Level,
    exposure: Exposure,
) -> Result<Money> {
    let price = conservative_price(asset, p.conf_multiplier, level, exposure)?;
    let r = &asset.rules;
    // Value, percentage and per-unit add-on each round up: a requirement is never understated.
    let notional = value(units, price, asset.decimals, Rounding::Up)?;
    let rate = add(level_rate(r, level, exposure), r.house_rate)?;
    let percentage = mul_fx(notional, rate, Rounding::Up)?;
    let per_unit = value(units, r.house_per_unit, asset.decimals, Rounding::Up)?;
    add(percentage, per_unit)
}

/// A deposit of `units ≥ 0`'s charge, never more than the deposit adds to equity at this level (its value at the
/// same mark, rounded down as equity rounds it): whatever the rates and per-unit add-ons, a deposit never lowers
/// health.
pub fn deposit_charge(p: &Portfolio, asset: &Asset, units: i128, level: Level) -> Result<Money> {
    let charge = linear_charge(p, asset, units, level, Exposure::Long)?;
    let price = conservative_price(asset, p.conf_multiplier, level, Exposure::Long)?;
    Ok(charge.min(value(units, price, asset.decimals, Rounding::Down)?))
}

/// The spot that maximises a short option's charge: high for a short call, low for a short put.
pub fn short_option_spot(p: &Portfolio, o: &OptionPosition, level: Level) -> Result<Fx> {
    let asset = &p.assets[o.asset as usize];
    conservative_price(asset, p.conf_multiplier, level, exposure(o))
}

/// A short option's value per unit at its charging spot: what its premium is charged at.
pub fn short_unit_value(p: &Portfolio, o: &OptionPosition, level: Level) -> Result<Fx> {
    Ok(unit_value(o, short_option_spot(p, o, level)?, p))
}

/// The premium of `n ≥ 0` units at `unit` ([`short_unit_value`]), rounded up (it is owed).
pub fn short_premium(p: &Portfolio, o: &OptionPosition, n: i128, unit: Fx) -> Result<Money> {
    value(n, unit, p.assets[o.asset as usize].decimals, Rounding::Up)
}

/// CBOE naked short option on `n ≥ 0` units (`o` gives the terms; its own size is ignored): premium +
/// max(rate × underlying − out-of-the-money amount, min rate × (underlying for calls, strike for puts)). Long
/// options charge nothing here: they are paid in full and carry no collateral value.
pub fn naked_charge(p: &Portfolio, o: &OptionPosition, n: i128, level: Level) -> Result<Money> {
    naked_charge_at(p, o, n, level, short_unit_value(p, o, level)?)
}

/// [`naked_charge`] with the option's [`short_unit_value`] given: a caller charging many slices of one line
/// values it once.
pub fn naked_charge_at(
    p: &Portfolio,
    o: &OptionPosition,
    n: i128,
    level: Level,
    unit: Fx,
) -> Result<Money> {
    let asset = &p.assets[o.asset as usize];
    let d = asset.decimals;
    let spot = short_option_spot(p, o, level)?;
    let premium = short_premium(p, o, n, unit)?;
    let underlying = value(n, spot, d, Rounding::Up)?;
    let out_of_the_money_kind = match o.kind {
        OptionKind::Call => OptionKind::Put,
        OptionKind::Put => OptionKind::Call,
    };
    // The out-of-the-money amount is a deduction, so it rounds down.
    let out_of_the_money = value(
        n,
        intrinsic(out_of_the_money_kind, spot, o.strike),
        d,
        Rounding::Down,
    )?;
    let leg = sub(
        mul_fx(underlying, asset.rules.option_rate, Rounding::Up)?,
        out_of_the_money,
    )?;
    let minimum_base = match o.kind {
        OptionKind::Call => underlying,
        OptionKind::Put => value(n, o.strike, d, Rounding::Up)?,
    };
    let minimum = mul_fx(minimum_base, asset.rules.option_min_rate, Rounding::Up)?;
    add(premium, leg.max(minimum))
}

/// One position's rules-based charge at `level`.
pub fn position_charge(p: &Portfolio, position: &Position, level: Level) -> Result<Money> {
    let asset = &p.assets[position.asset() as usize];
    match *position {
        Position::Spot {
            deposit, borrow, ..
        } => add(
            deposit_charge(p, asset, deposit as i128, level)?,
            linear_charge(p, asset, borrow as i128, level, Exposure::Short)?,
        ),
        Position::Linear { quantity, .. } => {
            let exposure = Exposure::of_sign(quantity as i128);
            linear_charge(p, asset, (quantity as i128).abs(), level, exposure)
        }
        Position::Option(o) if o.contracts < 0 => naked_charge(p, &o, units(&o)?.abs(), level),
        Position::Option(_) => Ok(0),
    }
}
