use anchor_lang::prelude::*;
use tightrope_risk::{Fx, Tier};

use super::config::{TierConfig, MAX_PRODUCT_GROUPS, MAX_TIERS};
use super::guard::{GuardConfig, PendingGuards, PendingTiers};
use super::margin_call::{MarginCallConfig, PendingMarginCall};
use crate::errors::TightropeError;
use crate::events::BalanceChangeKind;

pub const GROUP_SEED: &[u8] = b"group";

/// Tier slots `init_group` fills: the quote asset, broad indices (BTC, ETH: −8%/+6%) and single names (±15%).
pub const TIER_CASH: u8 = 0;
pub const TIER_BROAD: u8 = 1;
pub const TIER_SINGLE: u8 = 2;

/// `Group::pause_flags` bits: each stops one kind of balance change until the admin clears it.
pub const PAUSE_DEPOSIT: u8 = 1;
pub const PAUSE_WITHDRAW: u8 = 1 << 1;
pub const PAUSE_BORROW: u8 = 1 << 2;
pub const PAUSE_REPAY: u8 = 1 << 3;
pub const PAUSE_ALL: u8 = PAUSE_DEPOSIT | PAUSE_WITHDRAW | PAUSE_BORROW | PAUSE_REPAY;

/// A margin group: one admin, one quote mint, its risk tiers, the listed assets. PDA of (creator, group_num), so
/// a creator can run several groups and the address never depends on who administers it later.
#[account(zero_copy)]
pub struct Group {
    pub version: u8,
    pub bump: u8,
    /// Assets listed so far; the next asset gets this as its token index.
    pub asset_count: u16,
    pub group_num: u32,
    pub creator: Pubkey,
    pub admin: Pubkey,
    pub quote_mint: Pubkey,
    pub tier_count: u8,
    pub reserved0: [u8; 7],
    pub tiers: [TierConfig; MAX_TIERS],
    /// Share of the netting benefit granted between classes of each product group (fixed point 10^12).
    pub product_group_offsets: [u64; MAX_PRODUCT_GROUPS],
    pub guards: GuardConfig,
    /// `PAUSE_*` bits.
    pub pause_flags: u8,
    pub reserved1: [u8; 7],
    pub pending_tiers: PendingTiers,
    pub pending_guards: PendingGuards,
    /// Grace window, hard threshold and cure buffer of margin calls, and a loosening of them waiting the delay.
    pub margin_call: MarginCallConfig,
    pub pending_margin_call: PendingMarginCall,
    /// Room for liquidation parameters.
    pub reserved: [u8; 400],
}

impl Group {
    pub const SPACE: usize = 8 + core::mem::size_of::<Group>();

    /// Hands out the next token index, so each asset of the group has a stable small number.
    pub fn next_token_index(&mut self) -> Result<u16> {
        let index = self.asset_count;
        self.asset_count = index
            .checked_add(1)
            .ok_or(error!(TightropeError::AssetLimitReached))?;
        Ok(index)
    }

    /// Refuses a balance change of a paused kind.
    pub fn require_running(&self, kind: BalanceChangeKind) -> Result<()> {
        let flag = match kind {
            BalanceChangeKind::Deposit => PAUSE_DEPOSIT,
            BalanceChangeKind::Withdraw => PAUSE_WITHDRAW,
            BalanceChangeKind::Borrow => PAUSE_BORROW,
            BalanceChangeKind::Repay => PAUSE_REPAY,
        };
        require!(self.pause_flags & flag == 0, TightropeError::OperationPaused);
        Ok(())
    }

    /// The default tiers, from the engine's presets.
    pub fn install_default_tiers(&mut self) {
        for (slot, tier) in [Tier::cash(), Tier::broad_index(), Tier::single_name()].iter().enumerate() {
            self.tiers[slot] = TierConfig::from_tier(tier).expect("presets fit the stored range");
        }
        self.tier_count = 3;
    }

    /// The tiers in force.
    pub fn tiers(&self) -> &[TierConfig] {
        &self.tiers[..usize::from(self.tier_count)]
    }

    /// The engine's view of the tiers and product-group offsets, written into caller buffers.
    pub fn risk_tiers(&self, tiers: &mut [Tier; MAX_TIERS]) -> usize {
        for (out, stored) in tiers.iter_mut().zip(&self.tiers[..usize::from(self.tier_count)]) {
            *out = stored.to_tier();
        }
        usize::from(self.tier_count)
    }

    pub fn group_offsets(&self) -> [(u8, Fx); MAX_PRODUCT_GROUPS] {
        core::array::from_fn(|group| (group as u8, Fx::from(self.product_group_offsets[group])))
    }
}
