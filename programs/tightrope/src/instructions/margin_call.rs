//! Permissionless margin calls: `flag_margin_call` opens one on an account below maintenance, stamping the time
//! its grace window starts; `clear_margin_call` closes it once maintenance health has reached the cure buffer.
//! Both price the account fresh; its health accounts follow as remaining accounts (see `controller::health`).
use anchor_lang::prelude::*;

use crate::controller::{health, margin_call};
use crate::errors::TightropeError;
use crate::state::{Group, MarginAccount};

#[derive(Accounts)]
pub struct MarginCall<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
}

pub fn flag<'info>(ctx: Context<'_, '_, 'info, 'info, MarginCall<'info>>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let group = ctx.accounts.group.load()?;
    let mut account = ctx.accounts.margin_account.load_mut()?;
    let model = account.model();
    let (quote, prices) = health::quote(&ctx.accounts.group.key(), &group, &account, model, &[], ctx.remaining_accounts, now, None)?;
    margin_call::open(ctx.accounts.margin_account.key(), &mut account, &quote, prices, &group.margin_call, now)
}

pub fn clear<'info>(ctx: Context<'_, '_, 'info, 'info, MarginCall<'info>>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let group = ctx.accounts.group.load()?;
    let mut account = ctx.accounts.margin_account.load_mut()?;
    require!(account.margin_call().is_some(), TightropeError::NotUnderMarginCall);
    let model = account.model();
    let (quote, prices) = health::quote(&ctx.accounts.group.key(), &group, &account, model, &[], ctx.remaining_accounts, now, None)?;
    let key = ctx.accounts.margin_account.key();
    if !margin_call::clear_if_cured(key, &mut account, &quote, prices, &group.margin_call, now)? {
        msg!("maintenance health {} is short of the cure buffer", quote.maintenance_health);
        return err!(TightropeError::MarginCallNotCured);
    }
    Ok(())
}
