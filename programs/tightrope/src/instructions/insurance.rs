//! The insurance fund: a protocol-owned balance per asset, held in the asset's vault beside deposits and fees.
//! Anyone may add to it; only the admin may take from it, and only after the guards' delay (and within its expiry
//! window), so a compromised admin key cannot drain it faster than the group's delay.
use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::errors::TightropeError;
use crate::events::{InsuranceFunded, InsuranceWithdrawalQueued, InsuranceWithdrawn};
use crate::state::{asset_signer_seeds, Asset, Group, PendingInsuranceWithdrawal, Queued};
use crate::token;

#[derive(Accounts)]
pub struct FundInsurance<'info> {
    pub group: AccountLoader<'info, Group>,
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
        constraint = source.owner == funder.key() @ TightropeError::TokenOwnerMismatch
    )]
    pub source: Account<'info, TokenAccount>,
    pub funder: Signer<'info>,
    pub token_program: Program<'info, Token>,
}

#[derive(Accounts)]
pub struct RequestInsuranceWithdrawal<'info> {
    #[account(has_one = admin @ TightropeError::NotAdmin)]
    pub group: AccountLoader<'info, Group>,
    pub admin: Signer<'info>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub asset: AccountLoader<'info, Asset>,
}

#[derive(Accounts)]
pub struct WithdrawInsurance<'info> {
    #[account(has_one = admin @ TightropeError::NotAdmin)]
    pub group: AccountLoader<'info, Group>,
    pub admin: Signer<'info>,
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
        constraint = destination.key() != vault.key() @ TightropeError::VaultAsTokenAccount,
        constraint = destination.mint == asset.load()?.mint @ TightropeError::MintMismatch
    )]
    pub destination: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

pub fn fund(ctx: Context<FundInsurance>, amount: u64) -> Result<()> {
    require!(amount > 0, TightropeError::ZeroAmount);
    ctx.accounts.vault.amount.checked_add(amount).ok_or(error!(TightropeError::MathOverflow))?;
    let insurance_after = ctx.accounts.asset.load_mut()?.apply_insurance(i128::from(amount))?;
    let a = &ctx.accounts;
    token::transfer(&a.token_program, a.source.to_account_info(), a.vault.to_account_info(), a.funder.to_account_info(), &[], amount)?;
    ctx.accounts.vault.reload()?;
    emit!(InsuranceFunded {
        asset: ctx.accounts.asset.key(),
        funder: ctx.accounts.funder.key(),
        amount,
        insurance_after,
        vault_amount_after: ctx.accounts.vault.amount,
    });
    Ok(())
}

pub fn request_withdrawal(ctx: Context<RequestInsuranceWithdrawal>, amount: u64) -> Result<()> {
    require!(amount > 0, TightropeError::ZeroAmount);
    let slot = Clock::get()?.slot;
    let guards = ctx.accounts.group.load()?.guards;
    let mut asset = ctx.accounts.asset.load_mut()?;
    require!(u128::from(amount) <= asset.insurance(), TightropeError::InsufficientInsurance);
    let queued = Queued::start(slot);
    asset.pending_insurance_withdrawal = PendingInsuranceWithdrawal { queued, amount };
    emit!(InsuranceWithdrawalQueued {
        asset: ctx.accounts.asset.key(),
        amount,
        insurance: asset.insurance(),
        queued_at_slot: slot,
        due_slot: queued.due_slot(&guards),
    });
    Ok(())
}

pub fn pay_out(ctx: Context<WithdrawInsurance>) -> Result<()> {
    let slot = Clock::get()?.slot;
    let guards = ctx.accounts.group.load()?.guards;
    let (amount, insurance_after, seeds) = {
        let mut asset = ctx.accounts.asset.load_mut()?;
        let pending = asset.pending_insurance_withdrawal;
        pending.queued.require_due(&guards, slot)?;
        // The fund may have paid bad debt since the request: it is checked again.
        let insurance_after = asset.apply_insurance(-i128::from(pending.amount))?;
        asset.pending_insurance_withdrawal = PendingInsuranceWithdrawal::default();
        (pending.amount, insurance_after, (asset.group, asset.mint, [asset.bump]))
    };
    let a = &ctx.accounts;
    let signer = asset_signer_seeds(&seeds.0, &seeds.1, &seeds.2);
    token::transfer(&a.token_program, a.vault.to_account_info(), a.destination.to_account_info(), a.asset.to_account_info(), &[&signer], amount)?;
    ctx.accounts.vault.reload()?;
    emit!(InsuranceWithdrawn {
        asset: ctx.accounts.asset.key(),
        destination: ctx.accounts.destination.key(),
        amount,
        insurance_after,
        vault_amount_after: ctx.accounts.vault.amount,
    });
    Ok(())
}
