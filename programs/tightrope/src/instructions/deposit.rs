use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::errors::TightropeError;
use crate::events::BalanceChanged;
use crate::state::{Asset, Group, MarginAccount};
use crate::token;

#[derive(Accounts)]
pub struct Deposit<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        has_one = owner @ TightropeError::NotOwner
    )]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    pub owner: Signer<'info>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        has_one = vault @ TightropeError::VaultMismatch
    )]
    pub asset: AccountLoader<'info, Asset>,
    #[account(mut)]
    pub vault: Account<'info, TokenAccount>,
    #[account(
        mut,
        constraint = source.mint == asset.load()?.mint @ TightropeError::MintMismatch,
        constraint = source.owner == owner.key() @ TightropeError::TokenOwnerMismatch
    )]
    pub source: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn handler(ctx: Context<Deposit>, amount: u64) -> Result<()> {
    require!(amount > 0, TightropeError::ZeroAmount);
    // The vault's u64 must hold the sum; refuse here with a named error rather than inside SPL Token.
    ctx.accounts
        .vault
        .amount
        .checked_add(amount)
        .ok_or(error!(TightropeError::MathOverflow))?;
    let asset_key = ctx.accounts.asset.key();
    let deposit_after = ctx.accounts.margin_account.load_mut()?.credit(&asset_key, amount)?;
    let asset_deposits_after = ctx.accounts.asset.load_mut()?.add_deposits(amount)?;

    let accounts = &ctx.accounts;
    token::transfer(
        &accounts.token_program,
        accounts.source.to_account_info(),
        accounts.vault.to_account_info(),
        accounts.owner.to_account_info(),
        &[],
        amount,
    )?;
    ctx.accounts.vault.reload()?;

    emit!(BalanceChanged {
        group: ctx.accounts.group.key(),
        margin_account: ctx.accounts.margin_account.key(),
        asset: asset_key,
        change: amount.into(),
        deposit_after,
        asset_deposits_after,
        vault_amount_after: ctx.accounts.vault.amount,
    });
    Ok(())
}
