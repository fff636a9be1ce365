//! Guarded parameter changes (see `state::guard`): which fields add risk when they move which way, whether a change
//! applies now or waits, and the one place each kind of change is written and announced.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::{AssetChanged, GuardsChanged, MarginCallConfigChanged, TiersChanged};
use crate::math::guard::{Review, StepTooLarge};
use crate::oracle::OraclePrice;
use crate::state::{
    Asset, AssetParams, GuardConfig, Group, MarginCallConfig, PendingAssetChange, PendingGuards, PendingMarginCall, PendingTiers, TierConfig,
};

fn step_error(e: StepTooLarge) -> Error {
    msg!("{}: {} -> {} is more than the step of {}", e.field, e.from, e.to, e.step);
    error!(TightropeError::ParameterStepTooLarge)
}

/// Lower margin rates are riskier and step-limited; higher caps, older or wider oracles and a faster stable price
/// are riskier; an interest rate moves at most one rate step either way; moving to another tier is reviewed as the
/// change from the current tier's parameters to the new one's (so a narrower band is step-limited); a new oracle
/// has no safe direction and always waits.
pub fn review_asset(current: &AssetParams, proposed: &AssetParams, oracle_changed: bool, tiers: &[TierConfig], guards: &GuardConfig) -> Result<Review> {
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
    let (ci, pi) = (&current.interest, &proposed.interest);
    for (field, from, to) in [
        ("optimal_utilization", ci.optimal_utilization, pi.optimal_utilization),
        ("rate_at_zero", ci.rate_at_zero, pi.rate_at_zero),
        ("rate_at_optimal", ci.rate_at_optimal, pi.rate_at_optimal),
        ("rate_at_max", ci.rate_at_max, pi.rate_at_max),
        ("protocol_fee_share", ci.protocol_fee_share, pi.protocol_fee_share),
        // A deeper discount costs liquidated traders more; a shallower one may leave nobody willing to liquidate.
        ("liquidation_discount", current.liquidation_discount, proposed.liquidation_discount),
    ] {
        review.any_move_is_riskier(field, from, to, step).map_err(step_error)?;
    }
    if current.tier != proposed.tier {
        review.any_change_is_riskier(true);
        // Validation has checked both indices against the group's tier count.
        review_tier(&mut review, &tiers[usize::from(current.tier)], &tiers[usize::from(proposed.tier)], guards)?;
    }
    review.any_change_is_riskier(oracle_changed);
    Ok(review)
}

/// One tier's parameters moving from `c` to `p`: narrower bands and vol shocks (band step), lower multipliers,
/// floors and minimums (rate step), fewer valuation points (points step: the band is scanned more coarsely) are
/// riskier.
fn review_tier(review: &mut Review, c: &TierConfig, p: &TierConfig, guards: &GuardConfig) -> Result<()> {
    let (band, rate, points) = (Some(guards.max_band_step), Some(guards.max_rate_step), Some(guards.max_points_step));
    for (field, from, to, step) in [
        ("band_down", c.band_down, p.band_down, band),
        ("band_up", c.band_up, p.band_up, band),
        ("vol_down", c.vol_down, p.vol_down, band),
        ("vol_up", c.vol_up, p.vol_up, band),
        ("initial_multiplier", c.initial_multiplier, p.initial_multiplier, rate),
        ("per_contract_min", c.per_contract_min, p.per_contract_min, rate),
        ("floor_share", c.floor_share, p.floor_share, rate),
        ("points_down", c.points_down.into(), p.points_down.into(), points),
        ("points_up", c.points_up.into(), p.points_up.into(), points),
    ] {
        review.lower_is_riskier(field, from, to, step).map_err(step_error)?;
    }
    Ok(())
}

/// Each existing tier is reviewed field by field (`review_tier`); a tier joining a product group gains that
/// group's offset at once, so the offset counts as a move from zero (rate step); larger offsets (rate step) are
/// riskier. Tiers past the current count are new and wait: an asset moved there is reviewed against them then.
pub fn review_tiers(group: &Group, proposed: &PendingTiers) -> Result<Review> {
    let mut review = Review::default();
    let rate = Some(group.guards.max_rate_step);
    for (c, p) in group.tiers[..usize::from(group.tier_count)].iter().zip(&proposed.tiers) {
        review_tier(&mut review, c, p, &group.guards)?;
        if c.product_group != p.product_group {
            review.any_change_is_riskier(true);
            if let Some(&offset) = proposed.product_group_offsets.get(usize::from(p.product_group)) {
                review.higher_is_riskier("product_group", 0, offset, rate).map_err(step_error)?;
            }
        }
    }
    review.any_change_is_riskier(proposed.tier_count > group.tier_count);
    for (&from, &to) in group.product_group_offsets.iter().zip(&proposed.product_group_offsets) {
        review.higher_is_riskier("product_group_offset", from, to, rate).map_err(step_error)?;
    }
    Ok(review)
}

/// A shorter delay, larger steps or a longer expiry window loosen the guards: that waits the current delay like
/// any risky change.
pub fn review_guards(current: &GuardConfig, proposed: &GuardConfig) -> Review {
    let mut review = Review::default();
    review.any_change_is_riskier(
        proposed.delay_slots < current.delay_slots
            || proposed.max_rate_step > current.max_rate_step
            || proposed.max_band_step > current.max_band_step
            || proposed.max_points_step > current.max_points_step
            || proposed.expiry_slots > current.expiry_slots,
    );
    review
}

/// A longer grace window, a deeper hard threshold or a smaller cure buffer leave bad accounts alone longer, and
/// the liquidation terms decide what a liquidated trader loses either way: those wait the delay like any risky
/// change.
pub fn review_margin_call(current: &MarginCallConfig, proposed: &MarginCallConfig) -> Review {
    let mut review = Review::default();
    review.any_change_is_riskier(
        proposed.grace_seconds > current.grace_seconds
            || proposed.hard_threshold > current.hard_threshold
            || proposed.cure_buffer < current.cure_buffer
            || proposed.liquidation_target != current.liquidation_target
            || proposed.insurance_share != current.insurance_share
            || proposed.dust != current.dust,
    );
    review
}

/// A risk-increasing change waits when the group has a delay; anything else applies now.
pub fn must_wait(review: &Review, guards: &GuardConfig) -> bool {
    review.increases_risk && guards.delay_slots > 0
}

/// Writes new asset parameters (and oracle), accruing interest first so the time before the change pays the old
/// rates, and clears any pending change. A new oracle's `price` becomes the observation the stable price follows,
/// its publish times a timeline of their own.
pub fn apply_asset(asset_key: Pubkey, asset: &mut Asset, change: &PendingAssetChange, new_oracle_price: Option<OraclePrice>, from_queue: bool, now: i64) -> Result<()> {
    asset.accrue(now)?;
    if let Some(price) = new_oracle_price {
        let stable = asset.stable_price_at(now)?;
        asset.set_observation(stable, &price, now);
    }
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

pub fn apply_margin_call(group_key: Pubkey, group: &mut Group, config: MarginCallConfig, from_queue: bool) {
    let before = group.margin_call;
    let discarded_pending = !from_queue && group.pending_margin_call.queued.is_queued();
    group.margin_call = config;
    group.pending_margin_call = PendingMarginCall::default();
    emit!(MarginCallConfigChanged { group: group_key, before, after: config, from_queue, discarded_pending });
}

pub fn apply_guards(group_key: Pubkey, group: &mut Group, guards: GuardConfig, from_queue: bool) {
    let before = group.guards;
    let discarded_pending = !from_queue && group.pending_guards.queued.is_queued();
    group.guards = guards;
    group.pending_guards = PendingGuards::default();
    emit!(GuardsChanged { group: group_key, before, after: guards, from_queue, discarded_pending });
}
