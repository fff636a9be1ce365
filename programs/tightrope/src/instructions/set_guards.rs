//! Sets the parameter-change guards. Tightening (a longer delay, smaller steps, a shorter expiry window) applies at
//! once; loosening any of them waits the delay in force, in `group.pending_guards`.
use anchor_lang::prelude::*;

use crate::controller::params;
use crate::events::GuardChangeQueued;
use crate::state::{GuardConfig, PendingGuards, Queued};

use super::admin::GroupAdmin;

pub fn handler(ctx: Context<GroupAdmin>, guards: GuardConfig) -> Result<()> {
    let slot = Clock::get()?.slot;
    guards.validate()?;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    let review = params::review_guards(&group.guards, &guards);
    if !params::must_wait(&review, &group.guards) {
        params::apply_guards(group_key, &mut group, guards, false);
        return Ok(());
    }
    let queued = Queued::start(slot);
    group.pending_guards = PendingGuards { queued, guards };
    emit!(GuardChangeQueued {
        group: group_key,
        current: group.guards,
        proposed: guards,
        queued_at_slot: slot,
        due_slot: queued.due_slot(&group.guards),
    });
    Ok(())
}
