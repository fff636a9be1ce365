//! Read-only: the account's equity, requirements and health under its model as return data; the same figures with
//! every price used and the engine's breakdown (per position, per class and product group) as an event. Return
//! data is capped at 1,024 bytes, so the variable-length part travels in the event only.
use anchor_lang::prelude::*;

use crate::controller::{health, margin_call};
use crate::errors::TightropeError;
use crate::events::{HealthBreakdown, HealthFigures, HealthReported};
use crate::state::{Group, MarginAccount, MarginModel};

#[derive(Accounts)]
pub struct Health<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
}

/// What `health` returns: at most 114 bytes, whatever the account holds.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct HealthReport {
    pub model: MarginModel,
    pub health: HealthFigures,
    /// Maintenance requirement / equity (fixed point 10^12); none when equity ≤ 0.
    pub margin_ratio: Option<i128>,
}

pub fn handler<'info>(ctx: Context<'_, '_, 'info, 'info, Health<'info>>) -> Result<HealthReport> {
    let now = Clock::get()?.unix_timestamp;
    let group = ctx.accounts.group.load()?;
    let account = ctx.accounts.margin_account.load()?;
    let model = account.model();
    let mut breakdown = health::boxed_breakdown();
    let group_key = ctx.accounts.group.key();
    let (quote, prices) = health::quote(&group_key, &group, &account, model, &[], ctx.remaining_accounts, now, Some(&mut breakdown))?;
    let report = HealthReport { model, health: HealthFigures::from(&quote), margin_ratio: quote.margin_ratio };
    emit!(HealthReported {
        margin_account: ctx.accounts.margin_account.key(),
        model,
        health: report.health,
        margin_ratio: report.margin_ratio,
        margin_call_at: account.margin_call(),
        liquidatable: margin_call::liquidatable(&group.margin_call, &quote, account.margin_call(), now)?,
        prices,
        breakdown: HealthBreakdown::from(&*breakdown),
    });
    Ok(report)
}
