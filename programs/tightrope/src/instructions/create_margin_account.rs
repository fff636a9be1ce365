use anchor_lang::prelude::*;

use crate::events::MarginAccountCreated;
use crate::state::{Group, MarginAccount, LAYOUT_VERSION, MARGIN_ACCOUNT_SEED};

#[derive(Accounts)]
#[instruction(account_num: u32)]
pub struct CreateMarginAccount<'info> {
    pub group: AccountLoader<'info, Group>,
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(
        init,
        payer = owner,
        space = MarginAccount::SPACE,
        seeds = [MARGIN_ACCOUNT_SEED, group.key().as_ref(), owner.key().as_ref(), &account_num.to_le_bytes()],
        bump
    )]
    pub margin_account: AccountLoader<'info, MarginAccount>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<CreateMarginAccount>, account_num: u32) -> Result<()> {
    let mut account = ctx.accounts.margin_account.load_init()?;
    account.version = LAYOUT_VERSION;
    account.bump = ctx.bumps.margin_account;
    account.account_num = account_num;
    account.group = ctx.accounts.group.key();
    account.owner = ctx.accounts.owner.key();
    emit!(MarginAccountCreated {
        group: account.group,
        margin_account: ctx.accounts.margin_account.key(),
        owner: account.owner,
        account_num,
    });
    Ok(())
}
