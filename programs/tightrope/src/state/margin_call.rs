//! The group's margin-call settings and a change of them waiting for the guards' delay.
use anchor_lang::prelude::*;
use tightrope_risk::{Fx, FX_ONE};

use super::guard::Queued;
use crate::errors::TightropeError;

/// Longest grace window a group may give: a week.
pub const MAX_GRACE_SECONDS: u64 = 7 * 86_400;

/// How a group treats an account below maintenance (see `math::margin_call`). All zero: no window, liquidation at
/// once, any return to maintenance cures.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct MarginCallConfig {
    /// Seconds a called account has to cure before it may be liquidated.
    pub grace_seconds: u64,
    /// Share of the maintenance requirement (fixed point 10^12, ≤ 1) below −which the window does not apply.
    pub hard_threshold: u64,
    /// Share of the maintenance requirement (fixed point 10^12, ≤ 1) that maintenance health must reach to cure.
    pub cure_buffer: u64,
}

impl MarginCallConfig {
    pub fn validate(&self) -> Result<()> {
        let share = |v: u64| Fx::from(v) <= FX_ONE;
        require!(
            self.grace_seconds <= MAX_GRACE_SECONDS && share(self.hard_threshold) && share(self.cure_buffer),
            TightropeError::InvalidParameters
        );
        Ok(())
    }
}

#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct PendingMarginCall {
    pub queued: Queued,
    pub config: MarginCallConfig,
}
