//! Small builders shared by the integration tests: a cash tier, a quote asset and stock-like assets.
#![allow(dead_code)] // each test binary uses a different subset

pub mod gen;

use tightrope_risk::*;

/// One whole quote unit in money.
pub const QUOTE: Money = 1_000_000;
pub const DAY: i64 = 86_400;

/// `n / d` in Fx.
pub fn fx(n: i128, d: i128) -> Fx {
    n * FX_ONE / d
}

pub fn usdc() -> Asset {
    Asset::quote(0)
}

/// A whole-share asset (0 decimals) at `price`, in tier `tier`, with rules `rules`.
pub fn stock(price: Fx, tier: u8, rules: RulesRates) -> Asset {
    Asset {
        decimals: 0,
        price,
        conf: 0,
        stable_price: price,
        tier,
        rules,
        ..Asset::quote(0)
    }
}

pub fn spot(asset: u8, deposit: u64, borrow: u64) -> Position {
    Position::Spot {
        asset,
        deposit,
        borrow,
    }
}

pub fn perp(asset: u8, quantity: i64, entry_price: Fx) -> Position {
    Position::Linear {
        asset,
        quantity,
        entry_price,
    }
}

pub fn dollars(n: u64) -> u64 {
    n * QUOTE as u64
}

pub fn option(
    asset: u8,
    kind: OptionKind,
    strike: Fx,
    contracts: i64,
    multiplier: u64,
    vol: Fx,
    mark: Option<Fx>,
) -> Position {
    Position::Option(OptionPosition {
        asset,
        kind,
        strike,
        expiry: 30 * DAY,
        contracts,
        multiplier,
        vol,
        mark,
    })
}

pub fn portfolio<'a>(
    assets: &'a [Asset],
    tiers: &'a [Tier],
    positions: &'a [Position],
) -> Portfolio<'a> {
    Portfolio {
        assets,
        tiers,
        group_offsets: &[],
        positions,
        now: 0,
        conf_multiplier: 0,
    }
}

/// Health with `asset` moved to `price`, everything else fixed.
pub fn health_at(p: &Portfolio, model: Model, asset: usize, price: Fx) -> Money {
    let mut assets = p.assets.to_vec();
    assets[asset].price = price;
    health(
        &Portfolio {
            assets: &assets,
            ..*p
        },
        model,
        Level::Maintenance,
    )
    .unwrap()
}

/// Checks the definition of a trigger: health ≥ 0 at `price`, negative one Fx unit further out.
pub fn assert_is_boundary(p: &Portfolio, model: Model, asset: usize, price: Fx, downward: bool) {
    assert!(health_at(p, model, asset, price) >= 0);
    let beyond = if downward { price - 1 } else { price + 1 };
    assert!(health_at(p, model, asset, beyond) < 0);
}

/// `price` (Fx) rounded to cents, half up, for comparing with figures quoted in cents.
pub fn cents(amount_fx: i128) -> i128 {
    (amount_fx + FX_ONE / 200) / (FX_ONE / 100)
}

/// Liquidation of asset 0's debt against asset 1 with no insurance share, no caller maximum and no dust close.
pub fn terms(discount: Fx, target_health: Money) -> LiquidationTerms {
    LiquidationTerms { liability: 0, collateral: 1, discount, insurance_share: 0, target_health, max_repay: u64::MAX, dust: 0 }
}
