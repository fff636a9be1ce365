//! Sets the group's margin-call settings: a shorter window, a shallower hard threshold or a larger cure buffer
//! applies at once; loosening any of them waits the guards' delay in `group.pending_margin_call`, and
//! `apply_margin_call_change` applies it within its expiry window.
use anchor_lang::prelude::*;

use crate::controller::params;
use crate::events::MarginCallConfigQueued;
use crate::state::{MarginCallConfig, PendingMarginCall, Queued};

use super::admin::GroupAdmin;

pub fn handler(ctx: Context<GroupAdmin>, config: MarginCallConfig) -> Result<()> {
    config.validate()?;
    let slot = Clock::get()?.slot;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    let review = params::review_margin_call(&group.margin_call, &config);
    if !params::must_wait(&review, &group.guards) {
        params::apply_margin_call(group_key, &mut group, config, false);
        return Ok(());
    }
    let queued = Queued::start(slot);
    group.pending_margin_call = PendingMarginCall { queued, config };
    emit!(MarginCallConfigQueued {
        group: group_key,
        current: group.margin_call,
        proposed: config,
        queued_at_slot: slot,
        due_slot: queued.due_slot(&group.guards),
    });
    Ok(())
}

pub fn apply(ctx: Context<GroupAdmin>) -> Result<()> {
    let slot = Clock::get()?.slot;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    let change = group.pending_margin_call;
    change.queued.require_due(&group.guards, slot)?;
    params::apply_margin_call(group_key, &mut group, change.config, true);
    Ok(())
}
