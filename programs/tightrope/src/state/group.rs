use anchor_lang::prelude::*;

use crate::errors::TightropeError;

pub const GROUP_SEED: &[u8] = b"group";

/// A margin group: one admin, one quote mint, the listed assets. PDA of (creator, group_num), so a creator can run
/// several groups and the address never depends on who administers it later.
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
    /// Room for risk tiers, liquidation parameters and guards.
    pub reserved: [u8; 1024],
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
}
