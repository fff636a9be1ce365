use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::errors::TightropeError;
use crate::events::AssetAdded;
use crate::state::{Asset, Group, ASSET_SEED, LAYOUT_VERSION, VAULT_SEED};

#[derive(Accounts)]
pub struct AddAsset<'info> {
    #[account(mut, has_one = admin @ TightropeError::NotAdmin)]
    pub group: AccountLoader<'info, Group>,
    /// Pays for the asset and its vault.
    #[account(mut)]
    pub admin: Signer<'info>,
    pub mint: Account<'info, Mint>,
    #[account(
        init,
        payer = admin,
        space = Asset::SPACE,
        seeds = [ASSET_SEED, group.key().as_ref(), mint.key().as_ref()],
        bump
    )]
    pub asset: AccountLoader<'info, Asset>,
    #[account(
        init,
        payer = admin,
        seeds = [VAULT_SEED, asset.key().as_ref()],
        bump,
        token::mint = mint,
        token::authority = asset,
        token::token_program = token_program
    )]
    pub vault: Account<'info, TokenAccount>,
    /// CHECK: stored only; validated as a Pyth `PriceUpdateV2` of `feed_id` whenever a price is read.
    pub oracle: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

pub fn handler(ctx: Context<AddAsset>, feed_id: [u8; 32]) -> Result<()> {
    let token_index = ctx.accounts.group.load_mut()?.next_token_index()?;
    let mut asset = ctx.accounts.asset.load_init()?;
    asset.version = LAYOUT_VERSION;
    asset.bump = ctx.bumps.asset;
    asset.vault_bump = ctx.bumps.vault;
    asset.decimals = ctx.accounts.mint.decimals;
    asset.token_index = token_index;
    asset.group = ctx.accounts.group.key();
    asset.mint = ctx.accounts.mint.key();
    asset.vault = ctx.accounts.vault.key();
    asset.oracle = ctx.accounts.oracle.key();
    asset.feed_id = feed_id;
    emit!(AssetAdded {
        group: asset.group,
        asset: ctx.accounts.asset.key(),
        mint: asset.mint,
        vault: asset.vault,
        token_index,
        decimals: asset.decimals,
        oracle: asset.oracle,
        feed_id,
    });
    Ok(())
}
