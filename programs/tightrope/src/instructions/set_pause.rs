//! Pauses or resumes kinds of balance change (`PAUSE_*` bits). A circuit breaker, not a risk parameter: it applies
//! at once in both directions.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::PauseChanged;
use crate::state::PAUSE_ALL;

use super::admin::GroupAdmin;

pub fn handler(ctx: Context<GroupAdmin>, flags: u8) -> Result<()> {
    require!(flags & !PAUSE_ALL == 0, TightropeError::InvalidParameters);
    let mut group = ctx.accounts.group.load_mut()?;
    let before = group.pause_flags;
    group.pause_flags = flags;
    emit!(PauseChanged { group: ctx.accounts.group.key(), before, after: flags });
    Ok(())
}
