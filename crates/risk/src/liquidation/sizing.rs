//! Liquidation sizing: a liquidator repays part of one borrowed asset and seizes collateral of another at a
//! discount. The size is the largest repay whose resulting maintenance health does not exceed a target, capped by
//! the debt and by the collateral there is to seize. Deterministic: integer bisection on the repay amount returns
//! `r` with health(r) ≤ target < health(r + 1), or the cap. Collateral is seized in whole native units, so health
//! is a fine sawtooth in `r`; where it rises monotonically (the usual case) `r` is the largest such repay.

use super::bisect;
use crate::engine::health;
use crate::error::{Result, RiskError};
use crate::fixed::{mul, mul_div, mul_fx, pow10, Fx, Money, Rounding, FX_ONE};
use crate::model::{Level, Model, Portfolio, Position, MAX_POSITIONS};
use crate::validate::validate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationSize {
    /// Native units of the liability repaid and of the collateral seized.
    pub repay: u64,
    pub seize: u64,
    pub health_before: Money,
    pub health_after: Money,
}

/// Index of the spot balance of `asset`, if any.
fn spot_of(p: &Portfolio, asset: u8) -> Option<usize> {
    p.positions
        .iter()
        .position(|q| matches!(q, Position::Spot { asset: a, .. } if *a == asset))
}

/// Collateral units seized for `repay` liability units: the repaid value at oracle prices, bought at the collateral
/// price less the discount. The discounted price rounds down and the units up: both cost the account.
fn seize_for(
    p: &Portfolio,
    liability: u8,
    collateral: u8,
    discount: Fx,
    repay: i128,
) -> Result<i128> {
    let (l, c) = (
        &p.assets[liability as usize],
        &p.assets[collateral as usize],
    );
    let discounted = mul_fx(c.price, FX_ONE - discount, Rounding::Down)?;
    let numerator = mul(repay, pow10(c.decimals as u32)?)?;
    let denominator = mul(discounted, pow10(l.decimals as u32)?)?;
    mul_div(numerator, l.price, denominator, Rounding::Up)
}

pub fn liquidation_size(
    p: &Portfolio,
    model: Model,
    liability: u8,
    collateral: u8,
    discount: Fx,
    target_health: Money,
) -> Result<LiquidationSize> {
    validate(p)?;
    if !(0..FX_ONE).contains(&discount) {
        return Err(RiskError::RateOutOfRange);
    }
    let health_before = health(p, model, Level::Maintenance)?;
    if health_before >= 0 {
        return Err(RiskError::NotLiquidatable);
    }
    let (li, ci) = match (spot_of(p, liability), spot_of(p, collateral)) {
        (Some(li), Some(ci)) => (li, ci),
        _ => return Err(RiskError::NothingToLiquidate),
    };
    let (debt, held) = match (p.positions[li], p.positions[ci]) {
        (Position::Spot { borrow, .. }, Position::Spot { deposit, .. })
            if borrow > 0 && deposit > 0 =>
        {
            (borrow as i128, deposit as i128)
        }
        _ => return Err(RiskError::NothingToLiquidate),
    };
    let seize = |repay| seize_for(p, liability, collateral, discount, repay);
    // Cap by the collateral: the largest repay whose seizure the deposit covers (seizure grows with repay).
    let cap = if seize(debt)? <= held {
        debt
    } else {
        bisect(0, debt, |r| Ok(seize(r)? <= held))?
    };

    let mut positions = [p.positions[0]; MAX_POSITIONS];
    positions[..p.positions.len()].copy_from_slice(p.positions);
    let mut health_after = |repay: i128| -> Result<Money> {
        let seized = seize(repay)?;
        positions[..p.positions.len()].copy_from_slice(p.positions);
        if let Position::Spot { borrow, .. } = &mut positions[li] {
            *borrow -= repay as u64;
        }
        if let Position::Spot { deposit, .. } = &mut positions[ci] {
            *deposit -= seized as u64;
        }
        health(
            &Portfolio {
                positions: &positions[..p.positions.len()],
                ..*p
            },
            model,
            Level::Maintenance,
        )
    };
    let repay = if health_after(cap)? <= target_health {
        cap
    } else if health_before > target_health {
        0
    } else {
        bisect(0, cap, |r| Ok(health_after(r)? <= target_health))?
    };
    Ok(LiquidationSize {
        repay: repay as u64,
        seize: seize(repay)? as u64,
        health_before,
        health_after: health_after(repay)?,
    })
}
