//! Liquidation: a liquidator takes over part of a failing account's liability and receives its collateral at a
//! discount, all as balance changes inside the protocol (no token leaves a vault), like Mango's token-for-token
//! liquidation. The size comes from `tightrope_risk`'s sizing: the largest repay that lifts the account's
//! maintenance health to the group's target and no further, capped by the caller's maximum, with dust closes.
//! Checks: the account is liquidatable, its maintenance health strictly improves, and the liquidator meets its
//! initial requirement afterwards.
use anchor_lang::prelude::*;
use tightrope_risk::{liquidation_size_in, LiquidationTerms, Quote};

use super::balance;
use super::health::{self, Priced, Touched};
use super::margin_call;
use crate::errors::TightropeError;
use crate::events::{BalanceChangeKind, HealthFigures, Liquidated};
use crate::math::margin_call as call_math;
use crate::oracle::OraclePrice;
use crate::state::{math_error, Asset, Group, MarginAccount};

/// One side of the trade: an asset the instruction holds, with its fresh price.
pub struct Leg<'a> {
    pub key: Pubkey,
    pub asset: &'a mut Asset,
    pub price: OraclePrice,
}

pub struct Party<'a> {
    pub key: Pubkey,
    pub account: &'a mut MarginAccount,
}

fn touched<'a>(liability: &'a Leg, collateral: &'a Leg) -> [Touched<'a>; 2] {
    [
        Touched { key: liability.key, asset: &*liability.asset, price: liability.price },
        Touched { key: collateral.key, asset: &*collateral.asset, price: collateral.price },
    ]
}

/// Both accounts priced: the liquidatee's health accounts come first in `remaining`, then the liquidator's.
struct BothPriced<'info> {
    liquidatee: Vec<Priced>,
    liquidator: Vec<Priced>,
    split: usize,
    remaining: &'info [AccountInfo<'info>],
}

fn price_both<'info>(
    group_key: &Pubkey,
    liquidatee: &MarginAccount,
    liquidator: &MarginAccount,
    legs: [Touched; 2],
    remaining: &'info [AccountInfo<'info>],
    now: i64,
) -> Result<BothPriced<'info>> {
    let (first, rest) = health::price_balances(group_key, liquidatee, &legs, remaining, now)?;
    let split = remaining.len() - rest.len();
    let (second, rest) = health::price_balances(group_key, liquidator, &legs, rest, now)?;
    require!(rest.is_empty(), TightropeError::HealthAccountsMismatch);
    Ok(BothPriced { liquidatee: first, liquidator: second, split, remaining })
}

/// Refuses an account that may not be liquidated now, naming why.
fn require_liquidatable(group: &Group, account: &MarginAccount, quote: &Quote, now: i64) -> Result<()> {
    require!(quote.maintenance_health < 0, TightropeError::NotBelowMaintenance);
    let called_at = account.margin_call();
    if !margin_call::liquidatable(&group.margin_call, quote, called_at, now)? {
        return match called_at {
            None => err!(TightropeError::MarginCallNotFlagged),
            Some(_) => err!(TightropeError::MarginCallGraceRunning),
        };
    }
    Ok(())
}

fn index_of(priced: &[Priced], key: &Pubkey) -> Result<u8> {
    let index = priced.iter().position(|p| p.used.asset == *key).ok_or(error!(TightropeError::AssetNotHeld))?;
    Ok(index as u8)
}

/// Liquidates on `group`'s terms. The handler has already refused one account on both sides and one asset on both
/// legs: it must, before it borrows the accounts, since the same key twice could not be loaded mutably twice.
#[allow(clippy::too_many_arguments)]
pub fn liquidate<'info>(
    group_key: Pubkey,
    group: &Group,
    liquidatee: Party,
    liquidator: Party,
    liability: Leg,
    collateral: Leg,
    remaining: &'info [AccountInfo<'info>],
    max_repay: u64,
    now: i64,
) -> Result<()> {
    let owes = liquidatee.account.balance(&liability.key).is_some_and(|b| b.borrow_shares() > 0);
    let holds = liquidatee.account.balance(&collateral.key).is_some_and(|b| b.deposit_shares() > 0);
    require!(owes && holds, TightropeError::AssetNotHeld);
    let (liquidatee_model, liquidator_model) = (liquidatee.account.model(), liquidator.account.model());

    let before = price_both(&group_key, liquidatee.account, liquidator.account, touched(&liability, &collateral), remaining, now)?;
    let liquidatee_before = health::quote_priced(group, &before.liquidatee, liquidatee_model, now, None)?;
    let liquidator_before = health::quote_priced(group, &before.liquidator, liquidator_model, now, None)?;
    require_liquidatable(group, liquidatee.account, &liquidatee_before, now)?;

    let config = &group.margin_call;
    let discount = liability.asset.params.liquidation_discount.max(collateral.asset.params.liquidation_discount);
    let target_health = call_math::liquidation_target(&margin_call::maintenance(&liquidatee_before), config.liquidation_target.into()).map_err(math_error)?;
    let terms = LiquidationTerms {
        liability: index_of(&before.liquidatee, &liability.key)?,
        collateral: index_of(&before.liquidatee, &collateral.key)?,
        discount: discount.into(),
        insurance_share: config.insurance_share.into(),
        target_health,
        max_repay,
        dust: config.dust.into(),
    };
    let size = health::with_portfolio(group, &before.liquidatee, now, |p| {
        liquidation_size_in(p, liquidatee_model.risk_model(), &terms, &mut p.positions.to_vec())
    })?;
    require!(size.repay > 0, TightropeError::NothingToLiquidate);

    // The liability passes from the liquidatee to the liquidator; the collateral the other way, less the fee.
    balance::transfer(BalanceChangeKind::Repay, liquidatee.account, &liability.key, liability.asset, size.repay)?;
    balance::transfer(BalanceChangeKind::Borrow, liquidator.account, &liability.key, liability.asset, size.repay)?;
    balance::transfer(BalanceChangeKind::Withdraw, liquidatee.account, &collateral.key, collateral.asset, size.seize)?;
    balance::transfer(BalanceChangeKind::Deposit, liquidator.account, &collateral.key, collateral.asset, size.seize - size.fee)?;
    let insurance_after = collateral.asset.apply_insurance(size.fee.into())?;

    let (first, rest) = before.remaining.split_at(before.split);
    let legs = touched(&liability, &collateral);
    let (liquidatee_priced, _) = health::price_balances(&group_key, liquidatee.account, &legs, first, now)?;
    let (liquidator_priced, _) = health::price_balances(&group_key, liquidator.account, &legs, rest, now)?;
    let liquidatee_after = health::quote_priced(group, &liquidatee_priced, liquidatee_model, now, None)?;
    let liquidator_after = health::quote_priced(group, &liquidator_priced, liquidator_model, now, None)?;
    if liquidatee_after.maintenance_health <= liquidatee_before.maintenance_health {
        msg!("maintenance health {} -> {}", liquidatee_before.maintenance_health, liquidatee_after.maintenance_health);
        return err!(TightropeError::LiquidationNotImproving);
    }
    health::require_initial(&liquidator_after)?;

    let margin_call_at = liquidatee.account.margin_call_at;
    let liquidatee_prices = health::prices_used(&liquidatee_priced);
    let cleared = margin_call::clear_if_cured(liquidatee.key, liquidatee.account, &liquidatee_after, liquidatee_prices.clone(), config, now)?;
    emit!(Liquidated {
        group: group_key,
        liquidatee: liquidatee.key,
        liquidator: liquidator.key,
        liability_asset: liability.key,
        collateral_asset: collateral.key,
        repay: size.repay,
        seize: size.seize,
        insurance_fee: size.fee,
        discount,
        target_health,
        max_repay,
        liquidatee_before: HealthFigures::from(&liquidatee_before),
        liquidatee_after: HealthFigures::from(&liquidatee_after),
        liquidator_before: HealthFigures::from(&liquidator_before),
        liquidator_after: HealthFigures::from(&liquidator_after),
        liquidatee_prices,
        liquidator_prices: health::prices_used(&liquidator_priced),
        margin_call_at,
        margin_call_cleared: cleared,
        insurance_after,
    });
    Ok(())
}
