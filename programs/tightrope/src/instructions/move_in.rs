//! Deposit and repay: tokens move from the signer (the owner or the delegate) into the vault. Neither adds risk, so
//! neither checks margin.
use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::controller::balance;
use crate::errors::TightropeError;
use crate::events::{BalanceChangeKind, BalanceChanged};
use crate::state::{Asset, Group, MarginAccount};
use crate::token;

#[derive(Accounts)]
pub struct MoveIn<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    /// The owner or the delegate; pays from its own token account.
    pub authority: Signer<'info>,
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
        constraint = source.key() != vault.key() @ TightropeError::VaultAsTokenAccount,
        constraint = source.mint == asset.load()?.mint @ TightropeError::MintMismatch,
        constraint = source.owner == authority.key() @ TightropeError::TokenOwnerMismatch
    )]
    pub source: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn process(ctx: Context<MoveIn>, kind: BalanceChangeKind, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let asset_key = ctx.accounts.asset.key();
    ctx.accounts.group.load()?.require_running(kind)?;
    ctx.accounts.margin_account.load()?.authorize(ctx.accounts.authority.key, false)?;
    let (moved, (deposit_shares_after, borrow_shares_after)) = {
        let mut asset = ctx.accounts.asset.load_mut()?;
        asset.accrue(now)?;
        let mut account = ctx.accounts.margin_account.load_mut()?;
        balance::apply(kind, &mut account, &asset_key, &mut asset, amount)?
    };
    // The vault's u64 must hold the sum; refuse here with a named error rather than inside SPL Token.
    ctx.accounts.vault.amount.checked_add(moved).ok_or(error!(TightropeError::MathOverflow))?;
    let accounts = &ctx.accounts;
    token::transfer(
        &accounts.token_program,
        accounts.source.to_account_info(),
        accounts.vault.to_account_info(),
        accounts.authority.to_account_info(),
        &[],
        moved,
    )?;
    ctx.accounts.vault.reload()?;
    let asset = ctx.accounts.asset.load()?;
    emit!(BalanceChanged {
        group: ctx.accounts.group.key(),
        margin_account: ctx.accounts.margin_account.key(),
        asset: asset_key,
        kind,
        amount: moved,
        deposit_shares_after,
        borrow_shares_after,
        deposit_index: asset.deposit_index(),
        borrow_index: asset.borrow_index(),
        asset_deposits_after: asset.total_deposits()?,
        asset_borrows_after: asset.total_borrows()?,
        vault_amount_after: ctx.accounts.vault.amount,
        health_before: None,
        health_after: None,
        prices: Vec::new(),
    });
    Ok(())
}
