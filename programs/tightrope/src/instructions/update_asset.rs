//! Changes an asset's parameters or oracle. Risk-reducing changes apply at once; risk-increasing ones are checked
//! against the step limits and wait the group's delay in `asset.pending` (see `controller::params`).
use anchor_lang::prelude::*;

use crate::controller::params;
use crate::events::AssetChangeQueued;
use crate::oracle::read_price;
use crate::state::{AssetConfig, AssetParams, PendingAssetChange, Queued};

use super::admin::AssetAdmin;

pub fn handler(ctx: Context<AssetAdmin>, feed_id: [u8; 32], config: AssetConfig) -> Result<()> {
    let clock = Clock::get()?;
    let group = ctx.accounts.group.load()?;
    config.validate(group.tier_count)?;
    let oracle = ctx.accounts.oracle.key();
    let asset_key = ctx.accounts.asset.key();
    let mut asset = ctx.accounts.asset.load_mut()?;
    let change = PendingAssetChange { queued: Queued::start(clock.slot), oracle, feed_id, params: AssetParams::from(&config) };
    let oracle_changed = oracle != asset.oracle || feed_id != asset.feed_id;
    // A new oracle must answer now; the current one is not read, so tighter oracle limits apply even while the
    // market is too wide or too quiet for them.
    let new_oracle_price = match oracle_changed {
        true => Some(read_price(&ctx.accounts.oracle, &feed_id, config.oracle_max_age_seconds, config.max_conf_ratio, clock.unix_timestamp)?),
        false => None,
    };
    let review = params::review_asset(&asset.params, &change.params, oracle_changed, group.tiers(), &group.guards)?;
    if !params::must_wait(&review, &group.guards) {
        return params::apply_asset(asset_key, &mut asset, &change, new_oracle_price, false, clock.unix_timestamp);
    }
    asset.pending = change;
    emit!(AssetChangeQueued {
        group: asset.group,
        asset: asset_key,
        current: asset.params.config(),
        proposed: config,
        oracle_current: asset.oracle,
        oracle_proposed: oracle,
        feed_id_proposed: feed_id,
        queued_at_slot: clock.slot,
        due_slot: change.queued.due_slot(&group.guards),
    });
    Ok(())
}
