//! Applies the group's queued loosening of its guards once the delay in force has passed.
use anchor_lang::prelude::*;

use crate::controller::params;

use super::admin::GroupAdmin;


pub fn handler(ctx: Context<GroupAdmin>) -> Result<()> {
    let slot = Clock::get()?.slot;
    let group_key = ctx.accounts.group.key();
    let mut group = ctx.accounts.group.load_mut()?;
    let change = group.pending_guards;
    change.queued.require_due(&group.guards, slot)?;
    params::apply_guards(group_key, &mut group, change.guards, true);
    Ok(())
}
