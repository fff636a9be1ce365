//! Liquidation price: for one underlying, the price at which maintenance health reaches zero with everything else
//! (other prices, the stable price, the confidence, positions) fixed. For a leveraged long this is the Reg T
//! margin-call price P0·(1 − IM)/(1 − MM); for a short P0·(1 + IM)/(1 + MM); options and hedges make it general.

use super::bisect;
use crate::engine::health;
use crate::error::{Result, RiskError};
use crate::fixed::{Fx, Money};
use crate::model::{Asset, Level, Model, Portfolio, MAX_ASSETS, MAX_PRICE};
use crate::validate::validate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidationPrices {
    /// Maintenance health at the current price.
    pub health: Money,
    /// The lowest price (Fx) at or below the current one such that health is ≥ 0 from there up to the current
    /// price at the search's resolution; one Fx unit lower health is negative. `None`: no trigger below.
    pub lower: Option<Fx>,
    /// The same going up. Both are `None` when health is already negative.
    pub upper: Option<Fx>,
}

/// Walks from the current price by halving (or doubling) until health turns negative, then bisects to the unit.
fn trigger(
    health_at: &mut impl FnMut(Fx) -> Result<Money>,
    start: Fx,
    downward: bool,
) -> Result<Option<Fx>> {
    let mut healthy = start;
    loop {
        let probe = if downward {
            (healthy / 2).max(1)
        } else {
            healthy.saturating_mul(2).min(MAX_PRICE)
        };
        if probe == healthy {
            return Ok(None);
        }
        if health_at(probe)? < 0 {
            return bisect(healthy, probe, |price| Ok(health_at(price)? >= 0)).map(Some);
        }
        healthy = probe;
    }
}

pub fn liquidation_prices(p: &Portfolio, model: Model, asset: u8) -> Result<LiquidationPrices> {
    validate(p)?;
    let index = asset as usize;
    if index >= p.assets.len() {
        return Err(RiskError::UnknownIndex);
    }
    let mut assets: [Asset; MAX_ASSETS] = [p.assets[0]; MAX_ASSETS];
    assets[..p.assets.len()].copy_from_slice(p.assets);
    let mut health_at = |price: Fx| {
        assets[index].price = price;
        health(
            &Portfolio {
                assets: &assets[..p.assets.len()],
                ..*p
            },
            model,
            Level::Maintenance,
        )
    };
    let current = p.assets[index].price;
    let health = health_at(current)?;
    if health < 0 {
        return Ok(LiquidationPrices {
            health,
            lower: None,
            upper: None,
        });
    }
    let lower = trigger(&mut health_at, current, true)?;
    let upper = trigger(&mut health_at, current, false)?;
    Ok(LiquidationPrices {
        health,
        lower,
        upper,
    })
}
