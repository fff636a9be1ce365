//! The group's margin-call and liquidation settings and a change of them waiting for the guards' delay.
use anchor_lang::prelude::*;
use tightrope_risk::{Fx, FX_ONE};

use super::guard::Queued;
use crate::errors::TightropeError;

/// Longest grace window a group may give: a week.
pub const MAX_GRACE_SECONDS: u64 = 7 * 86_400;

/// How a group treats an account below maintenance: the margin call (see `math::margin_call`), then liquidation
/// (see `controller::liquidation`). All zero: no window, liquidation at once to zero health, any return to
/// maintenance cures, no insurance share, no dust close.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct MarginCallConfig {
    /// Seconds a called account has to cure before it may be liquidated.
    pub grace_seconds: u64,
    /// Share of the maintenance requirement (fixed point 10^12, ≤ 1) below −which the window does not apply.
    pub hard_threshold: u64,
    /// Share of the maintenance requirement (fixed point 10^12, ≤ 1) that maintenance health must reach to cure.
    pub cure_buffer: u64,
    /// Share of the maintenance requirement (fixed point 10^12, ≤ 1) that a liquidation lifts maintenance health
    /// to, and no further (Mango's liquidation end, Drift's buffer).
    pub liquidation_target: u64,
    /// Share of a liquidation's discount (fixed point 10^12, ≤ 1) paid to the insurance fund in seized collateral.
    pub insurance_share: u64,
    /// A position a liquidation would leave worth less than this (quote minor units) is closed whole.
    pub dust: u64,
}

impl MarginCallConfig {
    pub fn validate(&self) -> Result<()> {
        let share = |v: u64| Fx::from(v) <= FX_ONE;
        require!(
            self.grace_seconds <= MAX_GRACE_SECONDS
                && share(self.hard_threshold)
                && share(self.cure_buffer)
                && share(self.liquidation_target)
                && share(self.insurance_share)
                && i64::try_from(self.dust).is_ok(),
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
