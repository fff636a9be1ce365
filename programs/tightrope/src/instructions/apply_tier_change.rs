//! Applies the group's queued tier change once the delay has passed, under the step limits in force now.
use anchor_lang::prelude::*;

use crate::controller::params;

use super::admin::GroupAdmin;


pub fn handler(ctx: Context<GroupAdmin>) -> Result<()> {
    let slot = Clock::get()?.slot;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    let change = group.pending_tiers;
    change.queued.require_due(&group.guards, slot)?;
    params::review_tiers(&group, &change)?;
    params::apply_tiers(group_key, &mut group, &change, true);
    Ok(())
}
