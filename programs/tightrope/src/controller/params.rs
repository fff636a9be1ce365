//! Guarded parameter changes (see `state::guard`): which fields add risk when they move which way, whether a change
//! applies now or waits, and the one place each kind of change is written and announced.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::{AssetChanged, GuardsChanged, TiersChanged};
use crate::math::guard::{Review, StepTooLarge};
use crate::state::{Asset, AssetParams, GuardConfig, Group, PendingAssetChange, PendingGuards, PendingTiers};

fn step_error(e: StepTooLarge) -> Error {
    msg!("{}: {} -> {} is more than the step of {}", e.field, e.from, e.to, e.step);
    error!(TightropeError::ParameterStepTooLarge)
}

/// Lower margin rates are riskier and step-limited; higher caps, older or wider oracles and a faster stable price
/// are riskier; a new tier, oracle or interest model has no safe direction and always waits.
pub fn review_asset(current: &AssetParams, proposed: &AssetParams, oracle_changed: bool, guards: &GuardConfig) -> Result<Review> {
    let mut review = Review::default();
    let (c, p, step) = (&current.rules, &proposed.rules, Some(guards.max_rate_step));
    for (field, from, to) in [
        ("initial_long", c.initial_long, p.initial_long),
        ("initial_short", c.initial_short, p.initial_short),
        ("maintenance_long", c.maintenance_long, p.maintenance_long),
        ("maintenance_short", c.maintenance_short, p.maintenance_short),
        ("house_rate", c.house_rate, p.house_rate),
        ("house_per_unit", c.house_per_unit, p.house_per_unit),
        ("option_rate", c.option_rate, p.option_rate),
        ("option_min_rate", c.option_min_rate, p.option_min_rate),
    ] {
        review.lower_is_riskier(field, from, to, step).map_err(step_error)?;
    }
    for (field, from, to) in [
        ("deposit_cap", current.deposit_cap, proposed.deposit_cap),
        ("borrow_cap", current.borrow_cap, proposed.borrow_cap),
        ("oracle_max_age_seconds", current.oracle_max_age_seconds.into(), proposed.oracle_max_age_seconds.into()),
        ("max_conf_ratio", current.max_conf_ratio, proposed.max_conf_ratio),
        ("stable_max_move_per_second", current.stable_max_move_per_second, proposed.stable_max_move_per_second),
    ] {
        review.higher_is_riskier(field, from, to, None).map_err(step_error)?;
    }
    review.any_change_is_riskier(oracle_changed || current.tier != proposed.tier || current.interest != proposed.interest);
    Ok(review)
}

/// Narrower bands and vol shocks (band step), lower multipliers, floors and minimums (rate step), fewer valuation
/// points, a changed product group and larger offsets (rate step) are riskier. Tiers past the current count are
/// new: no asset uses them until a (guarded) `update_asset` moves one there.
pub fn review_tiers(group: &Group, proposed: &PendingTiers) -> Result<Review> {
    let mut review = Review::default();
    let (band, rate) = (Some(group.guards.max_band_step), Some(group.guards.max_rate_step));
    for (c, p) in group.tiers[..usize::from(group.tier_count)].iter().zip(&proposed.tiers) {
        for (field, from, to, step) in [
            ("band_down", c.band_down, p.band_down, band),
            ("band_up", c.band_up, p.band_up, band),
            ("vol_down", c.vol_down, p.vol_down, band),
            ("vol_up", c.vol_up, p.vol_up, band),
            ("initial_multiplier", c.initial_multiplier, p.initial_multiplier, rate),
            ("per_contract_min", c.per_contract_min, p.per_contract_min, rate),
            ("floor_share", c.floor_share, p.floor_share, rate),
            ("points_down", c.points_down.into(), p.points_down.into(), None),
            ("points_up", c.points_up.into(), p.points_up.into(), None),
        ] {
            review.lower_is_riskier(field, from, to, step).map_err(step_error)?;
        }
        review.any_change_is_riskier(c.product_group != p.product_group);
    }
    for (&from, &to) in group.product_group_offsets.iter().zip(&proposed.product_group_offsets) {
        review.higher_is_riskier("product_group_offset", from, to, rate).map_err(step_error)?;
    }
    Ok(review)
}

/// A shorter delay or larger steps loosen the guards: that waits the current delay like any risky change.
pub fn review_guards(current: &GuardConfig, proposed: &GuardConfig) -> Review {
    let mut review = Review::default();
    review.any_change_is_riskier(
        proposed.delay_slots < current.delay_slots
            || proposed.max_rate_step > current.max_rate_step
            || proposed.max_band_step > current.max_band_step,
    );
    review
}

/// A risk-increasing change waits when the group has a delay; anything else applies now.
pub fn must_wait(review: &Review, guards: &GuardConfig) -> bool {
    review.increases_risk && guards.delay_slots > 0
}

/// Writes new asset parameters (and oracle), accruing interest first so the time before the change pays the old
/// rates, and clears any pending change.
pub fn apply_asset(asset_key: Pubkey, asset: &mut Asset, change: &PendingAssetChange, from_queue: bool, now: i64) -> Result<()> {
    asset.accrue(now)?;
    let (before, oracle_before, feed_id_before) = (asset.params, asset.oracle, asset.feed_id);
    let discarded_pending = !from_queue && asset.pending.queued.is_queued();
    asset.params = change.params;
    asset.oracle = change.oracle;
    asset.feed_id = change.feed_id;
    asset.pending = PendingAssetChange::default();
    emit!(AssetChanged {
        group: asset.group,
        asset: asset_key,
        before: before.config(),
        after: change.params.config(),
        oracle_before,
        oracle_after: change.oracle,
        feed_id_before,
        feed_id_after: change.feed_id,
        from_queue,
        discarded_pending,
    });
    Ok(())
}

pub fn apply_tiers(group_key: Pubkey, group: &mut Group, change: &PendingTiers, from_queue: bool) {
    let count = usize::from(change.tier_count);
    let before = group.tiers[..usize::from(group.tier_count)].to_vec();
    let offsets_before = group.product_group_offsets;
    let discarded_pending = !from_queue && group.pending_tiers.queued.is_queued();
    group.tiers = change.tiers;
    group.tier_count = change.tier_count;
    group.product_group_offsets = change.product_group_offsets;
    group.pending_tiers = PendingTiers::default();
    emit!(TiersChanged {
        group: group_key,
        before,
        after: change.tiers[..count].to_vec(),
        offsets_before,
        offsets_after: change.product_group_offsets,
        from_queue,
        discarded_pending,
    });
}

pub fn apply_guards(group_key: Pubkey, group: &mut Group, guards: GuardConfig, from_queue: bool) {
    let before = group.guards;
    let discarded_pending = !from_queue && group.pending_guards.queued.is_queued();
    group.guards = guards;
    group.pending_guards = PendingGuards::default();
    emit!(GuardsChanged { group: group_key, before, after: guards, from_queue, discarded_pending });
}
