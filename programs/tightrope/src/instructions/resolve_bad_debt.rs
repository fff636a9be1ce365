//! Permissionless: writes off a bankrupt account's debt (see `controller::bad_debt`). The remaining accounts are
//! the assets the account owes, writable, in its balance slot order.
use anchor_lang::prelude::*;

use crate::controller::bad_debt;
use crate::errors::TightropeError;
use crate::state::{Asset, Group, MarginAccount};

#[derive(Accounts)]
pub struct ResolveBadDebt<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
}

pub fn handler<'info>(ctx: Context<'_, '_, 'info, 'info, ResolveBadDebt<'info>>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let (group_key, account_key) = (ctx.accounts.group.key(), ctx.accounts.margin_account.key());
    let mut account = ctx.accounts.margin_account.load_mut()?;
    bad_debt::require_bankrupt(&account)?;
    let owed: Vec<Pubkey> = account.active_balances().filter(|b| b.borrow_shares() > 0).map(|b| b.asset).collect();
    require!(owed.len() == ctx.remaining_accounts.len(), TightropeError::HealthAccountsMismatch);
    for (asset_key, info) in owed.into_iter().zip(ctx.remaining_accounts) {
        require_keys_eq!(*info.key, asset_key, TightropeError::HealthAccountsMismatch);
        let loader = AccountLoader::<Asset>::try_from(info)?;
        let mut asset = loader.load_mut()?;
        require_keys_eq!(asset.group, group_key, TightropeError::GroupMismatch);
        bad_debt::write_off(group_key, account_key, &mut account, asset_key, &mut asset, now)?;
    }
    Ok(())
}
