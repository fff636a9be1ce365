//! Read-only: the account's equity, requirements and health under its model, as return data and an event.
use anchor_lang::prelude::*;

use crate::controller::health;
use crate::errors::TightropeError;
use crate::events::{HealthFigures, HealthReported, PriceUsed};
use crate::state::{Group, MarginAccount, MarginModel};

#[derive(Accounts)]
pub struct Health<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
}

/// What `health` returns.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct HealthReport {
    pub model: MarginModel,
    pub health: HealthFigures,
    /// Maintenance requirement / equity (fixed point 10^12); none when equity ≤ 0.
    pub margin_ratio: Option<i128>,
    pub prices: Vec<PriceUsed>,
}

pub fn handler<'info>(ctx: Context<'_, '_, 'info, 'info, Health<'info>>) -> Result<HealthReport> {
    let now = Clock::get()?.unix_timestamp;
    let group = ctx.accounts.group.load()?;
    let account = ctx.accounts.margin_account.load()?;
    let model = account.model();
    let (quote, prices) = health::quote(&ctx.accounts.group.key(), &group, &account, model, None, ctx.remaining_accounts, now)?;
    let report = HealthReport { model, health: HealthFigures::from(&quote), margin_ratio: quote.margin_ratio, prices };
    emit!(HealthReported {
        margin_account: ctx.accounts.margin_account.key(),
        model,
        health: report.health,
        margin_ratio: report.margin_ratio,
        prices: report.prices.clone(),
    });
    Ok(report)
}
