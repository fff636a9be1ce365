//! Input bounds. Everything the kernels rely on for their intermediates to fit is checked here, once, so the
//! hot loops can use plain integer operations without any path to a panic.

use crate::error::{Result, RiskError};
use crate::fixed::{mul_fx, Fx, Rounding, FX_ONE};
use crate::model::*;

fn within(x: Fx, low: Fx, high: Fx, error: RiskError) -> Result<()> {
    if (low..=high).contains(&x) {
        Ok(())
    } else {
        Err(error)
    }
}

/// The ranges a tier must respect; public so a program can refuse a tier when it is set, not when first used.
pub fn check_tier(t: &Tier) -> Result<()> {
    use RiskError::{InvalidTier, RateOutOfRange};
    within(t.band_down, 0, FX_ONE, InvalidTier)?;
    within(t.band_up, 0, FX_ONE, InvalidTier)?;
    within(t.initial_multiplier, FX_ONE, MAX_RATE, RateOutOfRange)?;
    // The widened band must stay within ±100% so scenario prices stay within [0, 2·MAX_PRICE].
    within(
        mul_fx(t.band_down, t.initial_multiplier, Rounding::Up)?,
        0,
        FX_ONE,
        InvalidTier,
    )?;
    within(
        mul_fx(t.band_up, t.initial_multiplier, Rounding::Up)?,
        0,
        FX_ONE,
        InvalidTier,
    )?;
    if t.points_down as usize > MAX_POINTS_PER_SIDE || t.points_up as usize > MAX_POINTS_PER_SIDE {
        return Err(RiskError::TooMany);
    }
    within(t.vol_down, 0, FX_ONE, RateOutOfRange)?;
    within(t.vol_up, 0, MAX_RATE, RateOutOfRange)?;
    within(t.per_contract_min, 0, MAX_PRICE, RateOutOfRange)?;
    within(t.floor_share, 0, FX_ONE, RateOutOfRange)
}

/// Every tier's ranges, and that the tiers of one product group share their valuation points (classes offset
/// point by point); public so a program can refuse a set of tiers when it is set, not on every quote after.
pub fn check_tiers(tiers: &[Tier]) -> Result<()> {
    for (i, t) in tiers.iter().enumerate() {
        check_tier(t)?;
        let misaligned = tiers[..i].iter().any(|u| {
            u.product_group.is_some()
                && u.product_group == t.product_group
                && (u.points_down, u.points_up) != (t.points_down, t.points_up)
        });
        if misaligned {
            return Err(RiskError::MisalignedGroup);
        }
    }
    Ok(())
}

fn check_asset(a: &Asset, tiers: usize) -> Result<()> {
    use RiskError::{PriceOutOfRange, RateOutOfRange};
    if a.decimals > MAX_DECIMALS {
        return Err(RiskError::DecimalsOutOfRange);
    }
    if a.tier as usize >= tiers {
        return Err(RiskError::UnknownIndex);
    }
    within(a.price, 1, MAX_PRICE, PriceOutOfRange)?;
    within(a.stable_price, 1, MAX_PRICE, PriceOutOfRange)?;
    within(a.conf, 0, MAX_PRICE, PriceOutOfRange)?;
    let r = &a.rules;
    for rate in [
        r.initial_long,
        r.initial_short,
        r.maintenance_long,
        r.maintenance_short,
        r.house_rate,
    ] {
        within(rate, 0, MAX_RATE, RateOutOfRange)?;
    }
    within(r.option_rate, 0, MAX_RATE, RateOutOfRange)?;
    within(r.option_min_rate, 0, MAX_RATE, RateOutOfRange)?;
    within(r.house_per_unit, 0, MAX_PRICE, RateOutOfRange)
}

fn check_option(o: &OptionPosition, p: &Portfolio) -> Result<()> {
    use RiskError::InvalidOption;
    within(o.strike, 1, MAX_PRICE, InvalidOption)?;
    within(o.mark.unwrap_or(0), 0, MAX_PRICE, InvalidOption)?;
    if o.multiplier == 0 || (o.expiry as i128 - p.now as i128) > MAX_EXPIRY_SECONDS as i128 {
        return Err(InvalidOption);
    }
    // The shocked-up volatility must stay within the kernel's range too.
    let tier = &p.tiers[p.assets[o.asset as usize].tier as usize];
    within(o.vol, 0, MAX_RATE, RiskError::RateOutOfRange)?;
    within(
        o.vol
            .saturating_add(mul_fx(o.vol, tier.vol_up, Rounding::Up)?),
        0,
        MAX_RATE,
        RiskError::RateOutOfRange,
    )
}

/// Checks every bound the engine relies on; see the crate docs for the list.
pub fn validate(p: &Portfolio) -> Result<()> {
    if p.assets.len() > MAX_ASSETS
        || p.tiers.len() > MAX_TIERS
        || p.positions.len() > MAX_POSITIONS
        || p.group_offsets.len() > MAX_GROUP_OFFSETS
    {
        return Err(RiskError::TooMany);
    }
    within(p.conf_multiplier, 0, MAX_RATE, RiskError::RateOutOfRange)?;
    check_tiers(p.tiers)?;
    for o in p.group_offsets {
        within(o.share, 0, FX_ONE, RiskError::RateOutOfRange)?;
    }
    for a in p.assets {
        check_asset(a, p.tiers.len())?;
    }
    for (i, position) in p.positions.iter().enumerate() {
        if position.asset() as usize >= p.assets.len() {
            return Err(RiskError::UnknownIndex);
        }
        match position {
            Position::Spot { asset, .. } => {
                let twice = p.positions[..i]
                    .iter()
                    .any(|q| matches!(q, Position::Spot { asset: b, .. } if b == asset));
                if twice {
                    return Err(RiskError::DuplicateSpot);
                }
            }
            Position::Linear { entry_price, .. } => {
                within(*entry_price, 0, MAX_PRICE, RiskError::PriceOutOfRange)?
            }
            Position::Option(o) => check_option(o, p)?,
        }
    }
    Ok(())
}
