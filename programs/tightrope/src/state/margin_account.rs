use anchor_lang::prelude::*;

use super::{load_u128, store_u128};
use crate::errors::TightropeError;

pub const MARGIN_ACCOUNT_SEED: &[u8] = b"margin_account";
pub const MAX_BALANCES: usize = 16;

/// One asset position of a margin account. A slot is free when `asset` is the default key.
#[zero_copy]
#[derive(Default)]
pub struct Balance {
    pub asset: Pubkey,
    /// Deposited native units (u128 LE).
    pub deposit: [u8; 16],
    /// Room for the borrow side.
    pub reserved: [u8; 16],
}

impl Balance {
    pub fn is_free(&self) -> bool {
        self.asset == Pubkey::default()
    }

    pub fn deposit(&self) -> u128 {
        load_u128(&self.deposit)
    }
}

/// A trader's cross-margin account: PDA of (group, owner, account_num).
#[account(zero_copy)]
pub struct MarginAccount {
    pub version: u8,
    pub bump: u8,
    pub reserved0: [u8; 2],
    pub account_num: u32,
    pub group: Pubkey,
    pub owner: Pubkey,
    pub balances: [Balance; MAX_BALANCES],
    /// Room for a delegate, the margin model and derivative positions.
    pub reserved: [u8; 2048],
}

impl MarginAccount {
    pub const SPACE: usize = 8 + core::mem::size_of::<MarginAccount>();

    pub fn balance(&self, asset: &Pubkey) -> Option<&Balance> {
        self.balances.iter().find(|b| b.asset == *asset)
    }

    pub fn is_empty(&self) -> bool {
        self.balances.iter().all(Balance::is_free)
    }

    /// Credits a deposit, opening a slot for a new asset; returns the deposit after.
    pub fn credit(&mut self, asset: &Pubkey, amount: u64) -> Result<u128> {
        let index = match self.balances.iter().position(|b| b.asset == *asset) {
            Some(index) => index,
            None => {
                let free = self
                    .balances
                    .iter()
                    .position(Balance::is_free)
                    .ok_or(error!(TightropeError::BalanceSlotsFull))?;
                self.balances[free] = Balance { asset: *asset, ..Balance::default() };
                free
            }
        };
        let balance = &mut self.balances[index];
        let after = balance
            .deposit()
            .checked_add(amount.into())
            .ok_or(error!(TightropeError::MathOverflow))?;
        store_u128(&mut balance.deposit, after);
        Ok(after)
    }

    /// Debits a withdrawal of at most the deposit; a balance that reaches zero frees its slot.
    pub fn debit(&mut self, asset: &Pubkey, amount: u64) -> Result<u128> {
        let balance = self
            .balances
            .iter_mut()
            .find(|b| b.asset == *asset)
            .ok_or(error!(TightropeError::InsufficientDeposit))?;
        let after = balance
            .deposit()
            .checked_sub(amount.into())
            .ok_or(error!(TightropeError::InsufficientDeposit))?;
        if after == 0 {
            *balance = Balance::default();
        } else {
            store_u128(&mut balance.deposit, after);
        }
        Ok(after)
    }
}
