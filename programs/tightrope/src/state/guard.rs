//! Parameter-change guards and the changes they hold back. A change that adds risk waits `delay_slots` after it is
//! queued and may move a margin rate or a band at most one step; a change that only removes risk applies at once and
//! discards whatever was pending for the same target (re-sending the current values is how a queue is cancelled).
use anchor_lang::prelude::*;

use super::config::{AssetParams, TierConfig, MAX_PRODUCT_GROUPS, MAX_TIERS};
use crate::errors::TightropeError;

/// The guards themselves: tightening (longer delay, smaller steps) applies at once, loosening waits the delay.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct GuardConfig {
    /// Slots a risk-increasing change waits between being queued and being applied.
    pub delay_slots: u64,
    /// Largest risk-increasing move of a margin rate, multiplier, floor or offset per change (fixed point 10^12).
    pub max_rate_step: u64,
    /// Largest risk-increasing move of a tier's band or volatility shock per change (fixed point 10^12).
    pub max_band_step: u64,
    /// Largest risk-increasing drop of a tier's valuation points per side per change.
    pub max_points_step: u64,
    /// Slots after its due slot that a queued change may still be applied; past that it has expired.
    pub expiry_slots: u64,
}

impl GuardConfig {
    /// Refuses guards under which a queued change could never expire.
    pub fn validate(&self) -> Result<()> {
        require!(self.expiry_slots > 0, TightropeError::InvalidParameters);
        Ok(())
    }
}

/// When a queued change was queued; zero slot and `queued == 0` when nothing waits.
#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Queued {
    pub queued_at_slot: u64,
    pub queued: u8,
    pub reserved: [u8; 7],
}

impl Queued {
    pub fn is_queued(&self) -> bool {
        self.queued != 0
    }

    /// The slot the change may apply from, under the delay in force now (so a tightened delay also holds back
    /// changes queued before it).
    pub fn due_slot(&self, guards: &GuardConfig) -> u64 {
        self.queued_at_slot.saturating_add(guards.delay_slots)
    }

    /// Refuses unless a change is queued, its delay has passed and its window after that has not: a loosening
    /// queued long ago must not be applicable at any moment the admin picks.
    pub fn require_due(&self, guards: &GuardConfig, slot: u64) -> Result<()> {
        require!(self.is_queued(), TightropeError::NothingQueued);
        let due = self.due_slot(guards);
        if slot < due {
            msg!("change due at slot {}, now {}", due, slot);
            return err!(TightropeError::ChangeNotDue);
        }
        let last = due.saturating_add(guards.expiry_slots);
        if slot > last {
            msg!("change expired after slot {}, now {}", last, slot);
            return err!(TightropeError::ChangeExpired);
        }
        Ok(())
    }

    pub fn start(slot: u64) -> Self {
        Queued { queued_at_slot: slot, queued: 1, reserved: [0; 7] }
    }
}

#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct PendingAssetChange {
    pub queued: Queued,
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    pub params: AssetParams,
}

#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct PendingTiers {
    pub queued: Queued,
    pub tier_count: u8,
    pub reserved: [u8; 7],
    pub tiers: [TierConfig; MAX_TIERS],
    pub product_group_offsets: [u64; MAX_PRODUCT_GROUPS],
}

/// An admin withdrawal of `amount` native units from an asset's insurance fund.
#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct PendingInsuranceWithdrawal {
    pub queued: Queued,
    pub amount: u64,
}

#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct PendingGuards {
    pub queued: Queued,
    pub guards: GuardConfig,
}
