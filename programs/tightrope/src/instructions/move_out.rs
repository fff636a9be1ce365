//! Withdraw and borrow: tokens leave the vault. Both pass only if the account meets its initial requirement
//! afterwards, priced fresh; the health accounts follow as remaining accounts (see `controller::health`).
use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::controller::balance;
use crate::controller::health::{self, Touched};
use crate::errors::TightropeError;
use crate::events::{BalanceChangeKind, BalanceChanged, HealthFigures};
use crate::state::{asset_signer_seeds, Asset, Group, MarginAccount};
use crate::token;

#[derive(Accounts)]
pub struct MoveOut<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    /// The owner: a delegate is refused by name.
    pub authority: Signer<'info>,
    #[account(
        mut,
        has_one = group @ TightropeError::GroupMismatch,
        has_one = vault @ TightropeError::VaultMismatch,
        has_one = oracle @ TightropeError::OracleAccountMismatch
    )]
    pub asset: AccountLoader<'info, Asset>,
    /// CHECK: validated as the asset's Pyth `PriceUpdateV2` by `oracle::read_price`.
    pub oracle: UncheckedAccount<'info>,
    #[account(mut)]
    pub vault: Account<'info, TokenAccount>,
    /// Any token account of the asset's mint but the vault: only the owner can move funds out, so it is theirs.
    #[account(
        mut,
        constraint = destination.key() != vault.key() @ TightropeError::VaultAsTokenAccount,
        constraint = destination.mint == asset.load()?.mint @ TightropeError::MintMismatch
    )]
    pub destination: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn process<'info>(ctx: Context<'_, '_, 'info, 'info, MoveOut<'info>>, kind: BalanceChangeKind, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let (group_key, asset_key) = (ctx.accounts.group.key(), ctx.accounts.asset.key());
    let group = ctx.accounts.group.load()?;
    group.require_running(kind)?;
    let account = ctx.accounts.margin_account.load()?;
    account.authorize(ctx.accounts.authority.key, true)?;
    account.require_no_margin_call()?;
    drop(account);
    let (moved, shares_after, before, after, prices, seeds) = {
        let mut asset = ctx.accounts.asset.load_mut()?;
        asset.accrue(now)?;
        let price = asset.read_price(&ctx.accounts.oracle, now)?;
        asset.observe(&price, now)?;
        let mut account = ctx.accounts.margin_account.load_mut()?;
        let model = account.model();
        let touched = Touched { key: asset_key, asset: &asset, price };
        let (before, _) = health::quote(&group_key, &group, &account, model, &[touched], ctx.remaining_accounts, now, None)?;
        let (moved, shares_after) = balance::apply(kind, &mut account, &asset_key, &mut asset, amount)?;
        let touched = Touched { key: asset_key, asset: &asset, price };
        let (after, prices) = health::quote(&group_key, &group, &account, model, &[touched], ctx.remaining_accounts, now, None)?;
        health::require_initial(&after)?;
        (moved, shares_after, before, after, prices, (asset.group, asset.mint, [asset.bump]))
    };
    drop(group);

    let accounts = &ctx.accounts;
    token::transfer(
        &accounts.token_program,
        accounts.vault.to_account_info(),
        accounts.destination.to_account_info(),
        accounts.asset.to_account_info(),
        &[&asset_signer_seeds(&seeds.0, &seeds.1, &seeds.2)],
        moved,
    )?;
    ctx.accounts.vault.reload()?;
    let asset = ctx.accounts.asset.load()?;
    emit!(BalanceChanged {
        group: group_key,
        margin_account: ctx.accounts.margin_account.key(),
        asset: asset_key,
        kind,
        amount: moved,
        deposit_shares_after: shares_after.0,
        borrow_shares_after: shares_after.1,
        deposit_index: asset.deposit_index(),
        borrow_index: asset.borrow_index(),
        asset_deposits_after: asset.total_deposits()?,
        asset_borrows_after: asset.total_borrows()?,
        vault_amount_after: ctx.accounts.vault.amount,
        health_before: Some(HealthFigures::from(&before)),
        health_after: Some(HealthFigures::from(&after)),
        prices,
    });
    Ok(())
}
