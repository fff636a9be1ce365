//! Switches the account between rules-based and TIMS margin, only if it meets initial margin under the new model.
use anchor_lang::prelude::*;

use crate::controller::{health, margin_call};
use crate::errors::TightropeError;
use crate::events::{HealthFigures, MarginModelChanged};
use crate::state::{Group, MarginAccount, MarginModel};

#[derive(Accounts)]
pub struct SetMarginModel<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    /// The owner or the delegate.
    pub authority: Signer<'info>,
}

pub fn handler<'info>(ctx: Context<'_, '_, 'info, 'info, SetMarginModel<'info>>, model: MarginModel) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let group = ctx.accounts.group.load()?;
    let mut account = ctx.accounts.margin_account.load_mut()?;
    account.authorize(ctx.accounts.authority.key, false)?;
    let from = account.model();
    let (quote, prices) = health::quote(&ctx.accounts.group.key(), &group, &account, model, &[], ctx.remaining_accounts, now, None)?;
    health::require_initial(&quote)?;
    account.margin_model = model.stored();
    if account.margin_call().is_some() {
        // Meeting initial margin under the new model may cure an open call.
        let key = ctx.accounts.margin_account.key();
        margin_call::clear_if_cured(key, &mut account, &quote, prices.clone(), &group.margin_call, now)?;
    }
    emit!(MarginModelChanged {
        margin_account: ctx.accounts.margin_account.key(),
        from,
        to: model,
        health_after: HealthFigures::from(&quote),
        prices,
    });
    Ok(())
}
