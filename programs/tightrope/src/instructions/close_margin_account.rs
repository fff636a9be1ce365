use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::MarginAccountClosed;
use crate::state::{Group, MarginAccount};

#[derive(Accounts)]
pub struct CloseMarginAccount<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        has_one = owner @ TightropeError::NotOwner,
        close = owner
    )]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    /// Receives the rent.
    #[account(mut)]
    pub owner: Signer<'info>,
}

pub fn handler(ctx: Context<CloseMarginAccount>) -> Result<()> {
    require!(ctx.accounts.margin_account.load()?.is_empty(), TightropeError::AccountNotEmpty);
    emit!(MarginAccountClosed {
        group: ctx.accounts.group.key(),
        margin_account: ctx.accounts.margin_account.key(),
        owner: ctx.accounts.owner.key(),
    });
    Ok(())
}
