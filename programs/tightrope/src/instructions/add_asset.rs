use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::errors::TightropeError;
use crate::events::{AssetAdded, AssetChangeQueued};
use crate::oracle::read_price;
use crate::state::{Asset, AssetConfig, AssetParams, Group, PendingAssetChange, Queued, ASSET_SEED, LAYOUT_VERSION, VAULT_SEED};

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
    /// CHECK: validated as a Pyth `PriceUpdateV2` of `feed_id` here and whenever a price is read.
    pub oracle: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

/// With a delay in force, accepting a new asset as collateral is a risk-increasing change like any other: the asset
/// is listed with zero caps (nothing can be deposited or borrowed) and its configuration waits in `pending`.
pub fn handler(ctx: Context<AddAsset>, feed_id: [u8; 32], config: AssetConfig) -> Result<()> {
    let clock = Clock::get()?;
    let now = clock.unix_timestamp;
    // The engine prices at most 12 decimals: a mint beyond that would take deposits no quote could ever value.
    require!(ctx.accounts.mint.decimals <= tightrope_risk::MAX_DECIMALS, TightropeError::MintDecimalsUnsupported);
    let (token_index, delay_slots) = {
        let mut group = ctx.accounts.group.load_mut()?;
        config.validate(group.tier_count)?;
        (group.next_token_index()?, group.guards.delay_slots)
    };
    // The oracle must already answer, and its price seeds the stable price.
    let price = read_price(&ctx.accounts.oracle, &feed_id, config.oracle_max_age_seconds, config.max_conf_ratio, now)?;
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
    let params = AssetParams::from(&config);
    asset.params = params;
    if delay_slots > 0 {
        asset.params.deposit_cap = 0;
        asset.params.borrow_cap = 0;
        asset.pending = PendingAssetChange { queued: Queued::start(clock.slot), oracle: asset.oracle, feed_id, params };
    }
    asset.set_observation(price.price, &price, now);
    asset.start_indices(now);
    emit!(AssetAdded {
        group: asset.group,
        asset: ctx.accounts.asset.key(),
        mint: asset.mint,
        vault: asset.vault,
        token_index,
        decimals: asset.decimals,
        oracle: asset.oracle,
        feed_id,
        config,
        price: price.price,
        conf: price.conf,
    });
    if delay_slots > 0 {
        emit!(AssetChangeQueued {
            group: asset.group,
            asset: ctx.accounts.asset.key(),
            current: asset.params.config(),
            proposed: config,
            oracle_current: asset.oracle,
            oracle_proposed: asset.oracle,
            feed_id_proposed: feed_id,
            queued_at_slot: clock.slot,
            due_slot: clock.slot.saturating_add(delay_slots),
        });
    }
    Ok(())
}
