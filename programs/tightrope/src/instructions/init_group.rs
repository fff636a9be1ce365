use anchor_lang::prelude::*;
use anchor_spl::token::Mint;

use crate::events::GroupInitialized;
use crate::state::{GuardConfig, Group, GROUP_SEED, LAYOUT_VERSION};

#[derive(Accounts)]
#[instruction(group_num: u32)]
pub struct InitGroup<'info> {
    /// Pays for the group and becomes its first admin.
    #[account(mut)]
    pub creator: Signer<'info>,
    pub quote_mint: Account<'info, Mint>,
    #[account(
        init,
        payer = creator,
        space = Group::SPACE,
        seeds = [GROUP_SEED, creator.key().as_ref(), &group_num.to_le_bytes()],
        bump
    )]
    pub group: AccountLoader<'info, Group>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<InitGroup>, group_num: u32, guards: GuardConfig) -> Result<()> {
    guards.validate()?;
    let creator = ctx.accounts.creator.key();
    let quote_mint = ctx.accounts.quote_mint.key();
    let mut group = ctx.accounts.group.load_init()?;
    group.version = LAYOUT_VERSION;
    group.bump = ctx.bumps.group;
    group.group_num = group_num;
    group.creator = creator;
    group.admin = creator;
    group.quote_mint = quote_mint;
    group.install_default_tiers();
    group.guards = guards;
    emit!(GroupInitialized {
        group: ctx.accounts.group.key(),
        creator,
        group_num,
        admin: creator,
        quote_mint,
        guards,
    });
    Ok(())
}
