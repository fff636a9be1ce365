//! One event per state change, carrying the inputs that produced it, so every change can be replayed from logs.
use anchor_lang::prelude::*;

#[event]
pub struct GroupInitialized {
    pub group: Pubkey,
    pub creator: Pubkey,
    pub group_num: u32,
    pub admin: Pubkey,
    pub quote_mint: Pubkey,
}

#[event]
pub struct AssetAdded {
    pub group: Pubkey,
    pub asset: Pubkey,
    pub mint: Pubkey,
    pub vault: Pubkey,
    pub token_index: u16,
    pub decimals: u8,
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
}

#[event]
pub struct MarginAccountCreated {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub owner: Pubkey,
    pub account_num: u32,
}

/// A deposit or withdrawal: the amount moved and the balances it left behind.
#[event]
pub struct BalanceChanged {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub asset: Pubkey,
    /// Positive for a deposit, negative for a withdrawal, in native units.
    pub change: i128,
    pub deposit_after: u128,
    pub asset_deposits_after: u128,
    pub vault_amount_after: u64,
}

#[event]
pub struct MarginAccountClosed {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub owner: Pubkey,
}
