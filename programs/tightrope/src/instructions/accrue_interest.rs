//! Permissionless: brings an asset's indices to now, so idle assets earn and charge interest too.
use anchor_lang::prelude::*;

use crate::events::InterestAccrued;
use crate::state::Asset;

#[derive(Accounts)]
pub struct AccrueInterest<'info> {
    #[account(mut)]
    pub asset: AccountLoader<'info, Asset>,
}

pub fn handler(ctx: Context<AccrueInterest>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut asset = ctx.accounts.asset.load_mut()?;
    let elapsed_seconds = now.saturating_sub(asset.last_accrued_at);
    let accrual = asset.accrue(now)?;
    emit!(InterestAccrued {
        asset: ctx.accounts.asset.key(),
        elapsed_seconds,
        deposit_index: asset.deposit_index(),
        borrow_index: asset.borrow_index(),
        interest: accrual.interest_native,
        protocol_fee: accrual.protocol_fee_native,
    });
    Ok(())
}
