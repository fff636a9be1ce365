use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::errors::TightropeError;
use crate::events::BalanceChanged;
use crate::state::{asset_signer_seeds, Asset, Group, MarginAccount};
use crate::token;

#[derive(Accounts)]
pub struct Withdraw<'info> {
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
    /// Any token account of the asset's mint; only the owner can send funds out, so any destination is theirs to pick.
    #[account(mut, constraint = destination.mint == asset.load()?.mint @ TightropeError::MintMismatch)]
    pub destination: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn handler(ctx: Context<Withdraw>, amount: u64) -> Result<()> {
    require!(amount > 0, TightropeError::ZeroAmount);
    let asset_key = ctx.accounts.asset.key();
    let deposit_after = ctx.accounts.margin_account.load_mut()?.debit(&asset_key, amount)?;
    let (asset_deposits_after, group, mint, bump) = {
        let mut asset = ctx.accounts.asset.load_mut()?;
        (asset.sub_deposits(amount)?, asset.group, asset.mint, [asset.bump])
    };

    let accounts = &ctx.accounts;
    token::transfer(
        &accounts.token_program,
        accounts.vault.to_account_info(),
        accounts.destination.to_account_info(),
        accounts.asset.to_account_info(),
        &[&asset_signer_seeds(&group, &mint, &bump)],
        amount,
    )?;
    ctx.accounts.vault.reload()?;

    emit!(BalanceChanged {
        group: ctx.accounts.group.key(),
        margin_account: ctx.accounts.margin_account.key(),
        asset: asset_key,
        change: -i128::from(amount),
        deposit_after,
        asset_deposits_after,
        vault_amount_after: ctx.accounts.vault.amount,
    });
    Ok(())
}
