//! Permissionless: records the asset's oracle price as observed now. The stable price follows only observed
//! prices, so keepers call this on every asset as prices move; each withdraw and borrow observes its own asset too.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::PriceObserved;
use crate::state::Asset;

#[derive(Accounts)]
pub struct ObservePrice<'info> {
    #[account(mut, has_one = oracle @ TightropeError::OracleAccountMismatch)]
    pub asset: AccountLoader<'info, Asset>,
    /// CHECK: validated as the asset's Pyth `PriceUpdateV2` by `Asset::read_price`.
    pub oracle: UncheckedAccount<'info>,
}

pub fn handler(ctx: Context<ObservePrice>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut asset = ctx.accounts.asset.load_mut()?;
    let price = asset.read_price(&ctx.accounts.oracle, now)?;
    let stable_before = asset.stable_price();
    asset.observe(&price, now)?;
    emit!(PriceObserved {
        asset: ctx.accounts.asset.key(),
        price: price.price,
        conf: price.conf,
        publish_time: price.publish_time,
        stable_price_before: stable_before,
        stable_price_after: asset.stable_price(),
    });
    Ok(())
}
