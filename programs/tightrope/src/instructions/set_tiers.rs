//! Replaces the group's risk tiers and product-group offsets. Tiers may be added, never removed (assets point at
//! them). Risk-reducing changes apply at once; risk-increasing ones wait in `group.pending_tiers`.
use anchor_lang::prelude::*;
use tightrope_risk::{Fx, FX_ONE};

use crate::controller::params;
use crate::errors::TightropeError;
use crate::events::TierChangeQueued;
use crate::state::{PendingTiers, Queued, TierConfig, MAX_PRODUCT_GROUPS, MAX_TIERS};

use super::admin::GroupAdmin;

pub fn handler(ctx: Context<GroupAdmin>, tiers: Vec<TierConfig>, product_group_offsets: [u64; MAX_PRODUCT_GROUPS]) -> Result<()> {
    let slot = Clock::get()?.slot;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    require!(
        (usize::from(group.tier_count)..=MAX_TIERS).contains(&tiers.len())
            && product_group_offsets.iter().all(|&offset| Fx::from(offset) <= FX_ONE),
        TightropeError::InvalidParameters
    );
    let mut change = PendingTiers { queued: Queued::start(slot), tier_count: tiers.len() as u8, product_group_offsets, ..Default::default() };
    for (stored, tier) in change.tiers.iter_mut().zip(&tiers) {
        tier.validate()?;
        *stored = *tier;
    }
    // The engine refuses every quote of a group whose tiers disagree on their points: refuse the set here instead.
    let engine_tiers: Vec<tightrope_risk::Tier> = tiers.iter().map(TierConfig::to_tier).collect();
    tightrope_risk::validate::check_tiers(&engine_tiers).map_err(|_| error!(TightropeError::MisalignedProductGroup))?;
    let review = params::review_tiers(&group, &change)?;
    if !params::must_wait(&review, &group.guards) {
        params::apply_tiers(group_key, &mut group, &change, false);
        return Ok(());
    }
    group.pending_tiers = change;
    emit!(TierChangeQueued {
        group: group_key,
        current: group.tiers[..usize::from(group.tier_count)].to_vec(),
        proposed: tiers,
        offsets_current: group.product_group_offsets,
        offsets_proposed: product_group_offsets,
        queued_at_slot: slot,
        due_slot: change.queued.due_slot(&group.guards),
    });
    Ok(())
}
