use anchor_lang::prelude::*;

use super::{load_u128, store_u128};
use crate::errors::TightropeError;

pub const ASSET_SEED: &[u8] = b"asset";
pub const VAULT_SEED: &[u8] = b"vault";

/// One listed mint: PDA of (group, mint). It owns the vault token account and signs withdrawals from it.
#[account(zero_copy)]
pub struct Asset {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub decimals: u8,
    pub token_index: u16,
    pub group: Pubkey,
    pub mint: Pubkey,
    pub vault: Pubkey,
    /// Pyth `PriceUpdateV2` account and the feed it must carry; checked whenever a price is read.
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    /// Sum of all margin accounts' deposits of this asset, native units (u128 LE).
    pub total_deposits: [u8; 16],
    /// Room for prices, rates, caps and interest indices.
    pub reserved: [u8; 1024],
}

impl Asset {
    pub const SPACE: usize = 8 + core::mem::size_of::<Asset>();

    pub fn total_deposits(&self) -> u128 {
        load_u128(&self.total_deposits)
    }

    /// Adds a deposit to the asset total; returns the new total.
    pub fn add_deposits(&mut self, amount: u64) -> Result<u128> {
        let total = self
            .total_deposits()
            .checked_add(amount.into())
            .ok_or(error!(TightropeError::MathOverflow))?;
        store_u128(&mut self.total_deposits, total);
        Ok(total)
    }

    /// Removes a withdrawal from the asset total; returns the new total.
    pub fn sub_deposits(&mut self, amount: u64) -> Result<u128> {
        let total = self
            .total_deposits()
            .checked_sub(amount.into())
            .ok_or(error!(TightropeError::MathOverflow))?;
        store_u128(&mut self.total_deposits, total);
        Ok(total)
    }
}

/// Seeds the asset PDA signs its vault's transfers with.
pub fn asset_signer_seeds<'a>(group: &'a Pubkey, mint: &'a Pubkey, bump: &'a [u8; 1]) -> [&'a [u8]; 4] {
    [ASSET_SEED, group.as_ref(), mint.as_ref(), bump]
}
