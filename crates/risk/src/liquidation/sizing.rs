//! Liquidation sizing: a liquidator repays part of one borrowed asset and seizes collateral of another at a
//! discount. The size is the largest repay whose resulting maintenance health does not exceed a target, capped by
//! the debt, by the collateral there is to seize and by the liquidator's maximum. Deterministic: integer bisection
//! on the repay amount returns `r` with health(r) ≤ target < health(r + 1), or a cap. Collateral is seized in whole
//! native units, so health is a fine sawtooth in `r`; where it rises monotonically (the usual case) `r` is the
//! largest such repay.
//!
//! Prices are the maintenance marks: the liability at P + conf, the collateral at P − conf, so a wide oracle costs
//! the liquidatee, never the liquidator. A remainder worth less than the dust threshold is closed whole, so no
//! account is left with a position too small for anyone to liquidate.

use super::bisect;
use crate::engine::health;
use crate::error::{Result, RiskError};
use crate::fixed::{mul, mul_div, mul_fx, pow10, value, Fx, Money, Rounding, FX_ONE};
use crate::marks::{conservative_price, Exposure};
use crate::model::{Level, Model, Portfolio, Position};
use crate::validate::validate;

/// What a liquidation is asked to do and on what terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationTerms {
    /// Asset indices of the liability repaid and the collateral seized.
    pub liability: u8,
    pub collateral: u8,
    /// The collateral is bought this fraction below its mark.
    pub discount: Fx,
    /// The fraction of the discount's worth that goes to the insurance fund, in seized units.
    pub insurance_share: Fx,
    /// Maintenance health the liquidation brings the account up to, never past (but for dust closes).
    pub target_health: Money,
    /// The most the liquidator will repay, native units of the liability.
    pub max_repay: u64,
    /// A liability or collateral remainder worth less than this (quote minor units, at its mark) is closed whole.
    pub dust: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationSize {
    /// Native units of the liability repaid and of the collateral seized.
    pub repay: u64,
    pub seize: u64,
    /// Of `seize`, the units that go to the insurance fund; the liquidator receives `seize − fee`.
    pub fee: u64,
    pub health_before: Money,
    pub health_after: Money,
}

/// Index of the spot balance of `asset`, if any.
fn spot_of(p: &Portfolio, asset: u8) -> Option<usize> {
    p.positions
        .iter()
        .position(|q| matches!(q, Position::Spot { asset: a, .. } if *a == asset))
}

/// The two legs' marks and what converts between them.
struct Legs {
    liability_mark: Fx,
    collateral_mark: Fx,
    liability_decimals: u32,
    collateral_decimals: u32,
}

impl Legs {
    fn new(p: &Portfolio, t: &LiquidationTerms) -> Result<Self> {
        let (l, c) = (&p.assets[t.liability as usize], &p.assets[t.collateral as usize]);
        let mark = |asset, exposure| conservative_price(asset, p.conf_multiplier, Level::Maintenance, exposure);
        Ok(Legs {
            liability_mark: mark(l, Exposure::Short)?,
            collateral_mark: mark(c, Exposure::Long)?,
            liability_decimals: l.decimals as u32,
            collateral_decimals: c.decimals as u32,
        })
    }

    /// Collateral units worth `repay` liability units at `price` per collateral unit, rounded up (against the
    /// account).
    fn collateral_for(&self, repay: i128, price: Fx) -> Result<i128> {
        if price <= 0 {
            return Err(RiskError::DivisionByZero);
        }
        let numerator = mul(repay, pow10(self.collateral_decimals)?)?;
        let denominator = mul(price, pow10(self.liability_decimals)?)?;
        mul_div(numerator, self.liability_mark, denominator, Rounding::Up)
    }

    /// Units seized for `repay`: bought at the collateral mark less the discount, the price rounded down.
    fn seize_for(&self, repay: i128, discount: Fx) -> Result<i128> {
        self.collateral_for(repay, mul_fx(self.collateral_mark, FX_ONE - discount, Rounding::Down)?)
    }
}

/// `liquidation_size_in` with its scratch on the heap.
#[cfg(feature = "std")]
pub fn liquidation_size(p: &Portfolio, model: Model, t: &LiquidationTerms) -> Result<LiquidationSize> {
    liquidation_size_in(p, model, t, &mut p.positions.to_vec())
}

/// The size of a liquidation of `p` on terms `t`. `scratch` (at least as long as `p.positions`) holds the
/// positions each trial evaluates: 96 bytes a position, too much for an SBF stack frame, so the program passes heap.
pub fn liquidation_size_in(p: &Portfolio, model: Model, t: &LiquidationTerms, scratch: &mut [Position]) -> Result<LiquidationSize> {
    validate(p)?;
    if scratch.len() < p.positions.len() {
        return Err(RiskError::TooMany);
    }
    if !(0..FX_ONE).contains(&t.discount) || !(0..=FX_ONE).contains(&t.insurance_share) || t.dust < 0 {
        return Err(RiskError::RateOutOfRange);
    }
    let health_before = health(p, model, Level::Maintenance)?;
    if health_before >= 0 {
        return Err(RiskError::NotLiquidatable);
    }
    let (li, ci) = match (spot_of(p, t.liability), spot_of(p, t.collateral)) {
        (Some(li), Some(ci)) if li != ci => (li, ci),
        _ => return Err(RiskError::NothingToLiquidate),
    };
    let (debt, held) = match (p.positions[li], p.positions[ci]) {
        (Position::Spot { borrow, .. }, Position::Spot { deposit, .. }) if borrow > 0 && deposit > 0 => {
            (borrow as i128, deposit as i128)
        }
        _ => return Err(RiskError::NothingToLiquidate),
    };
    let legs = Legs::new(p, t)?;
    let seize = |repay| legs.seize_for(repay, t.discount);
    // Cap by the collateral: the largest repay whose seizure the deposit covers (seizure grows with repay).
    let cap = if seize(debt)? <= held { debt } else { bisect(0, debt, |r| Ok(seize(r)? <= held))? };

    let positions = &mut scratch[..p.positions.len()];
    let mut health_after = |repay: i128, seized: i128| -> Result<Money> {
        positions.copy_from_slice(p.positions);
        if let Position::Spot { borrow, .. } = &mut positions[li] {
            *borrow -= repay as u64;
        }
        if let Position::Spot { deposit, .. } = &mut positions[ci] {
            *deposit -= seized as u64;
        }
        health(&Portfolio { positions, ..*p }, model, Level::Maintenance)
    };
    let sized = if health_after(cap, seize(cap)?)? <= t.target_health {
        cap
    } else if health_before > t.target_health {
        0
    } else {
        bisect(0, cap, |r| Ok(health_after(r, seize(r)?)? <= t.target_health))?
    };
    let max_repay = i128::from(t.max_repay);
    let mut repay = sized.min(max_repay);
    let mut seized = seize(repay)?;
    let dust = |native: i128, mark: Fx, decimals: u32| -> Result<bool> { Ok(value(native, mark, decimals as u8, Rounding::Down)? < t.dust) };
    if repay > 0 && cap == debt && debt <= max_repay && dust(debt - repay, legs.liability_mark, legs.liability_decimals)? {
        // The debt left would be dust: repay it whole.
        repay = debt;
        seized = seize(debt)?;
    } else if repay == cap && cap < debt && seize(cap)? < held && dust(held - seize(cap)?, legs.collateral_mark, legs.collateral_decimals)? {
        // The collateral left would be dust: seize it whole, for the smallest repay that pays for all of it.
        if cap < max_repay {
            repay = cap + 1;
            seized = held;
        }
    }
    // The insurance share of the discount's worth: seized units beyond the repay's worth at the undiscounted mark
    // (rounded up), the share rounded down.
    let bonus = (seized - legs.collateral_for(repay, legs.collateral_mark)?).max(0);
    let fee = mul_fx(bonus, t.insurance_share, Rounding::Down)?;
    Ok(LiquidationSize {
        repay: repay as u64,
        seize: seized as u64,
        fee: fee as u64,
        health_before,
        health_after: health_after(repay, seized)?,
    })
}
