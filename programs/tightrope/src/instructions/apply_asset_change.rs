//! Applies an asset's queued change once the delay has passed. The step limits in force now still bind (they may
//! have been tightened since), and a new oracle must still answer.
use anchor_lang::prelude::*;

use crate::controller::params;
use crate::errors::TightropeError;
use crate::oracle::read_price;

use super::admin::AssetAdmin;

pub fn handler(ctx: Context<AssetAdmin>) -> Result<()> {
    let clock = Clock::get()?;
    let group = ctx.accounts.group.load()?;
    let asset_key = ctx.accounts.asset.key();
    let mut asset = ctx.accounts.asset.load_mut()?;
    let change = asset.pending;
    change.queued.require_due(&group.guards, clock.slot)?;
    require_keys_eq!(ctx.accounts.oracle.key(), change.oracle, TightropeError::OracleAccountMismatch);
    let oracle_changed = change.oracle != asset.oracle || change.feed_id != asset.feed_id;
    let limits = &change.params;
    let new_oracle_price = match oracle_changed {
        true => Some(read_price(&ctx.accounts.oracle, &change.feed_id, limits.oracle_max_age_seconds, limits.max_conf_ratio, clock.unix_timestamp)?),
        false => None,
    };
    params::review_asset(&asset.params, &change.params, oracle_changed, group.tiers(), &group.guards)?;
    params::apply_asset(asset_key, &mut asset, &change, new_oracle_price, true, clock.unix_timestamp)
}
