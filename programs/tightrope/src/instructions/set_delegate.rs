//! Names (or, with the default key, removes) the account's delegate: it may deposit, repay and choose the margin
//! model (later: trade), never withdraw or borrow.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::DelegateChanged;
use crate::state::MarginAccount;

#[derive(Accounts)]
pub struct SetDelegate<'info> {
    #[account(mut, has_one = owner @ TightropeError::NotOwner)]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    pub owner: Signer<'info>,
}

pub fn handler(ctx: Context<SetDelegate>, delegate: Pubkey) -> Result<()> {
    let mut account = ctx.accounts.margin_account.load_mut()?;
    let before = account.delegate;
    account.delegate = delegate;
    emit!(DelegateChanged {
        margin_account: ctx.accounts.margin_account.key(),
        owner: account.owner,
        before,
        after: delegate,
    });
    Ok(())
}
