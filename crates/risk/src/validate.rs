//! Input bounds. Everything the kernels rely on for their intermediates to fit is checked here, once, so the
//! hot loops can use plain integer operations without any path to a panic. A refusal names what was wrong
//! ([`Violation`]: the error, whose field, which value) so a caller can say more than the bare error.

use crate::error::{Result, RiskError};
use crate::fixed::{mul_fx, Fx, Rounding, FX_ONE};
use crate::model::*;
use crate::options::position::shifted_up_vol;
use crate::tims::scenarios::{point_count, shock};

/// What a field belongs to: indices into the portfolio's slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Portfolio,
    Tier(usize),
    GroupOffset(usize),
    Asset(usize),
    Position(usize),
}

/// One refused input: the error, the subject and field it was found in, the offending value (Fx, native units
/// or a count, as the field is) and the accepted range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Violation {
    pub error: RiskError,
    pub subject: Subject,
    pub field: &'static str,
    pub value: i128,
    pub low: i128,
    pub high: i128,
}

/// A violation before its subject is known.
type Checked = core::result::Result<(), Violation>;

fn within(field: &'static str, x: i128, low: i128, high: i128, error: RiskError) -> Checked {
    if (low..=high).contains(&x) {
        Ok(())
    } else {
        Err(Violation {
            error,
            subject: Subject::Portfolio,
            field,
            value: x,
            low,
            high,
        })
    }
}

/// A refusal that is not about a range (a duplicate, a self-reference): its range is empty.
fn refuse(field: &'static str, value: i128, error: RiskError) -> Checked {
    within(field, value, 1, 0, error)
}

fn about(subject: Subject) -> impl Fn(Violation) -> Violation {
    move |v| Violation { subject, ..v }
}

/// A band scaled by `factor` must stay within ±100%, so scenario prices stay within [0, 2·MAX_PRICE].
fn scaled_band(field: &'static str, band: Fx, factor: Fx) -> Checked {
    let scaled = mul_fx(band, factor, Rounding::Up).unwrap_or(Fx::MAX);
    within(field, scaled, 0, FX_ONE, RiskError::InvalidTier)
}

fn tier_violation(t: &Tier) -> Checked {
    use RiskError::{InvalidTier, RateOutOfRange};
    within("band_down", t.band_down, 0, FX_ONE, InvalidTier)?;
    within("band_up", t.band_up, 0, FX_ONE, InvalidTier)?;
    within(
        "initial_multiplier",
        t.initial_multiplier,
        FX_ONE,
        MAX_RATE,
        RateOutOfRange,
    )?;
    let m = t.initial_multiplier;
    scaled_band("band_down", t.band_down, m)?;
    scaled_band("band_up", t.band_up, m)?;
    let max_points = MAX_POINTS_PER_SIDE as i128;
    within(
        "points_down",
        t.points_down.into(),
        0,
        max_points,
        RiskError::TooMany,
    )?;
    within(
        "points_up",
        t.points_up.into(),
        0,
        max_points,
        RiskError::TooMany,
    )?;
    within("vol_down", t.vol_down, 0, FX_ONE, RateOutOfRange)?;
    within("vol_up", t.vol_up, 0, MAX_RATE, RateOutOfRange)?;
    within(
        "per_contract_min",
        t.per_contract_min,
        0,
        MAX_PRICE,
        RateOutOfRange,
    )?;
    within("floor_share", t.floor_share, 0, FX_ONE, RateOutOfRange)?;
    let v = &t.vol_term;
    within("vol_scale_min", v.min_scale, 0, v.max_scale, RateOutOfRange)?;
    within("vol_scale_max", v.max_scale, 0, MAX_RATE, RateOutOfRange)?;
    let e = &t.extreme;
    if e.is_on() {
        within(
            "extreme_multiple",
            e.multiple,
            FX_ONE,
            MAX_RATE,
            RateOutOfRange,
        )?;
        // The outermost initial shocks, computed as the scan computes them, must stay within ±100% too.
        for index in [0, point_count(t) - 1] {
            let widest = shock(t, Level::Initial, index).unwrap_or(Fx::MAX);
            within("extreme_multiple", widest.abs(), 0, FX_ONE, InvalidTier)?;
        }
    }
    within("extreme_weight", e.weight, 0, FX_ONE, RateOutOfRange)
}

/// The ranges a tier must respect; public so a program can refuse a tier when it is set, not when first used.
pub fn check_tier(t: &Tier) -> Result<()> {
    tier_violation(t).map_err(|v| v.error)
}

/// Every tier's ranges, and that the tiers of one product group share their valuation points and extreme
/// scenario (classes offset point by point).
fn tiers_violation(tiers: &[Tier]) -> Checked {
    for (i, t) in tiers.iter().enumerate() {
        tier_violation(t).map_err(about(Subject::Tier(i)))?;
        let misaligned = tiers[..i].iter().any(|u| {
            u.product_group.is_some()
                && u.product_group == t.product_group
                && (u.points_down, u.points_up, u.extreme.is_on())
                    != (t.points_down, t.points_up, t.extreme.is_on())
        });
        if misaligned {
            return refuse("product_group", i as i128, RiskError::MisalignedGroup)
                .map_err(about(Subject::Tier(i)));
        }
    }
    Ok(())
}

/// [`tiers_violation`] as an error; public so a program can refuse a set of tiers when it is set, not on every
/// quote after.
pub fn check_tiers(tiers: &[Tier]) -> Result<()> {
    tiers_violation(tiers).map_err(|v| v.error)
}

fn asset_violation(a: &Asset, self_index: usize, assets: usize, tiers: usize) -> Checked {
    use RiskError::{PriceOutOfRange, RateOutOfRange};
    within(
        "decimals",
        a.decimals.into(),
        0,
        MAX_DECIMALS.into(),
        RiskError::DecimalsOutOfRange,
    )?;
    within(
        "tier",
        a.tier.into(),
        0,
        tiers as i128 - 1,
        RiskError::UnknownIndex,
    )?;
    within("price", a.price, 1, MAX_PRICE, PriceOutOfRange)?;
    within(
        "stable_price",
        a.stable_price,
        1,
        MAX_PRICE,
        PriceOutOfRange,
    )?;
    within("conf", a.conf, 0, MAX_PRICE, PriceOutOfRange)?;
    let r = &a.rules;
    for (field, rate) in [
        ("initial_long", r.initial_long),
        ("initial_short", r.initial_short),
        ("maintenance_long", r.maintenance_long),
        ("maintenance_short", r.maintenance_short),
        ("house_rate", r.house_rate),
        ("option_rate", r.option_rate),
        ("option_min_rate", r.option_min_rate),
    ] {
        within(field, rate, 0, MAX_RATE, RateOutOfRange)?;
    }
    within(
        "house_per_unit",
        r.house_per_unit,
        0,
        MAX_PRICE,
        RateOutOfRange,
    )?;
    within("rate", a.carry.rate, 0, MAX_CARRY, RateOutOfRange)?;
    within("yield", a.carry.yield_rate, 0, MAX_CARRY, RateOutOfRange)?;
    if let Some(t) = a.tracks {
        // An asset cannot track itself; the one it tracks must exist.
        let underlying = t.underlying as usize;
        if underlying == self_index {
            return refuse("tracks.asset", t.underlying.into(), RiskError::UnknownIndex);
        }
        within(
            "tracks.asset",
            underlying as i128,
            0,
            assets as i128 - 1,
            RiskError::UnknownIndex,
        )?;
        within("tracks.ratio", t.ratio, 1, MAX_PRICE, RateOutOfRange)?;
    }
    Ok(())
}

fn option_violation(o: &OptionPosition, p: &Portfolio) -> Checked {
    use RiskError::{InvalidOption, RateOutOfRange};
    within("strike", o.strike, 1, MAX_PRICE, InvalidOption)?;
    within("mark", o.mark.unwrap_or(0), 0, MAX_PRICE, InvalidOption)?;
    within(
        "multiplier",
        o.multiplier.into(),
        1,
        u64::MAX.into(),
        InvalidOption,
    )?;
    within(
        "expiry",
        o.expiry.into(),
        i64::MIN.into(),
        p.now as i128 + MAX_EXPIRY_SECONDS as i128,
        InvalidOption,
    )?;
    within("vol", o.vol, 0, MAX_RATE, RateOutOfRange)?;
    // The shocked-up volatility must stay within the kernel's range too.
    let tier = &p.tiers[p.assets[o.asset as usize].tier as usize];
    let shifted = shifted_up_vol(o, tier, p.now).unwrap_or(Fx::MAX);
    within("vol", shifted, 0, MAX_RATE, RateOutOfRange)
}

/// Checks every bound the engine relies on and names the first input outside them.
pub fn find_violation(p: &Portfolio) -> core::result::Result<(), Violation> {
    let counts = [
        ("assets", p.assets.len(), MAX_ASSETS),
        ("tiers", p.tiers.len(), MAX_TIERS),
        ("positions", p.positions.len(), MAX_POSITIONS),
        ("product_groups", p.group_offsets.len(), MAX_GROUP_OFFSETS),
    ];
    for (field, count, max) in counts {
        within(field, count as i128, 0, max as i128, RiskError::TooMany)?;
    }
    within(
        "conf_multiplier",
        p.conf_multiplier,
        0,
        MAX_RATE,
        RiskError::RateOutOfRange,
    )?;
    tiers_violation(p.tiers)?;
    for (i, o) in p.group_offsets.iter().enumerate() {
        within("offset", o.share, 0, FX_ONE, RiskError::RateOutOfRange)
            .map_err(about(Subject::GroupOffset(i)))?;
    }
    for (i, a) in p.assets.iter().enumerate() {
        asset_violation(a, i, p.assets.len(), p.tiers.len()).map_err(about(Subject::Asset(i)))?;
    }
    for (i, position) in p.positions.iter().enumerate() {
        let at = about(Subject::Position(i));
        within(
            "asset",
            position.asset().into(),
            0,
            p.assets.len() as i128 - 1,
            RiskError::UnknownIndex,
        )
        .map_err(&at)?;
        match position {
            Position::Spot { asset, .. } => {
                let twice = p.positions[..i]
                    .iter()
                    .any(|q| matches!(q, Position::Spot { asset: b, .. } if b == asset));
                if twice {
                    return refuse("asset", (*asset).into(), RiskError::DuplicateSpot).map_err(at);
                }
            }
            Position::Linear { entry_price, .. } => within(
                "entry_price",
                *entry_price,
                0,
                MAX_PRICE,
                RiskError::PriceOutOfRange,
            )
            .map_err(at)?,
            Position::Option(o) => option_violation(o, p).map_err(at)?,
        }
    }
    Ok(())
}

/// Checks every bound the engine relies on; see the crate docs for the list.
pub fn validate(p: &Portfolio) -> Result<()> {
    find_violation(p).map_err(|v| v.error)
}
