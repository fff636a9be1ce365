//! Permissionless liquidation through the liquidator's own margin account (see `controller::liquidation`). The
//! remaining accounts are the liquidatee's health accounts, then the liquidator's, each in the canonical order of
//! `controller::health` with the two named assets skipped.
use anchor_lang::prelude::*;
use core::cell::RefMut;

use crate::controller::liquidation::{self, Leg, Party};
use crate::errors::TightropeError;
use crate::state::{Asset, Group, MarginAccount};

#[derive(Accounts)]
pub struct Liquidate<'info> {
    pub group: AccountLoader<'info, Group>,
    /// The liquidator's account: it takes over the liability and receives the collateral.
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub liquidator: AccountLoader<'info, MarginAccount>,
    /// The liquidator account's owner or delegate (liquidating keeps funds in the account).
    pub authority: Signer<'info>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub liquidatee: AccountLoader<'info, MarginAccount>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        constraint = liability_asset.load()?.oracle == liability_oracle.key() @ TightropeError::OracleAccountMismatch
    )]
    pub liability_asset: AccountLoader<'info, Asset>,
    /// CHECK: validated as the asset's Pyth `PriceUpdateV2` by `Asset::read_price`.
    pub liability_oracle: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        constraint = collateral_asset.load()?.oracle == collateral_oracle.key() @ TightropeError::OracleAccountMismatch
    )]
    pub collateral_asset: AccountLoader<'info, Asset>,
    /// CHECK: validated as the asset's Pyth `PriceUpdateV2` by `Asset::read_price`.
    pub collateral_oracle: UncheckedAccount<'info>,
}

/// Loads an asset mutably, accrued to `now`, with its fresh price observed.
fn fresh<'a>(loader: &'a AccountLoader<Asset>, oracle: &AccountInfo, now: i64) -> Result<(RefMut<'a, Asset>, crate::oracle::OraclePrice)> {
    let mut asset = loader.load_mut()?;
    asset.accrue(now)?;
    let price = asset.read_price(oracle, now)?;
    asset.observe(&price, now)?;
    Ok((asset, price))
}

pub fn handler<'info>(ctx: Context<'_, '_, 'info, 'info, Liquidate<'info>>, max_repay: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = &ctx.accounts;
    // Named refusals before any loader borrows twice what the same key would alias.
    require_keys_neq!(a.liquidatee.key(), a.liquidator.key(), TightropeError::SelfLiquidation);
    require_keys_neq!(a.liability_asset.key(), a.collateral_asset.key(), TightropeError::SameAssetLiquidation);
    let group = a.group.load()?;
    let mut liquidator = a.liquidator.load_mut()?;
    liquidator.authorize(a.authority.key, false)?;
    let mut liquidatee = a.liquidatee.load_mut()?;
    let (mut liability, liability_price) = fresh(&a.liability_asset, &a.liability_oracle, now)?;
    let (mut collateral, collateral_price) = fresh(&a.collateral_asset, &a.collateral_oracle, now)?;
    liquidation::liquidate(
        a.group.key(),
        &group,
        Party { key: a.liquidatee.key(), account: &mut liquidatee },
        Party { key: a.liquidator.key(), account: &mut liquidator },
        Leg { key: a.liability_asset.key(), asset: &mut liability, price: liability_price },
        Leg { key: a.collateral_asset.key(), asset: &mut collateral, price: collateral_price },
        ctx.remaining_accounts,
        max_repay,
        now,
    )
}
