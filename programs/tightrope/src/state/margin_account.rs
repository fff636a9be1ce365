use anchor_lang::prelude::*;

use super::{load_u128, store_u128};
use crate::errors::TightropeError;

pub const MARGIN_ACCOUNT_SEED: &[u8] = b"margin_account";
pub const MAX_BALANCES: usize = 16;
pub const MAX_DERIVATIVES: usize = 16;

/// How the account's requirements are computed (`tightrope_risk::Model`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarginModel {
    Rules,
    Tims,
}

impl MarginModel {
    pub fn from_stored(byte: u8) -> Self {
        if byte == 1 {
            MarginModel::Tims
        } else {
            MarginModel::Rules
        }
    }
    pub fn stored(self) -> u8 {
        self as u8
    }
    pub fn risk_model(self) -> tightrope_risk::Model {
        match self {
            MarginModel::Rules => tightrope_risk::Model::Rules,
            MarginModel::Tims => tightrope_risk::Model::Tims,
        }
    }
}

/// One asset position: deposit or borrow shares of the asset's indices, never both (`controller::balance` nets
/// them). A slot is free when `asset` is the default key.
#[zero_copy]
#[derive(Default)]
pub struct Balance {
    pub asset: Pubkey,
    pub deposit_shares: [u8; 16],
    pub borrow_shares: [u8; 16],
}

impl Balance {
    pub fn is_free(&self) -> bool {
        self.asset == Pubkey::default()
    }
    pub fn deposit_shares(&self) -> u128 {
        load_u128(&self.deposit_shares)
    }
    pub fn borrow_shares(&self) -> u128 {
        load_u128(&self.borrow_shares)
    }
}

/// A trader's cross-margin account: PDA of (group, owner, account_num).
#[account(zero_copy)]
pub struct MarginAccount {
    pub version: u8,
    pub bump: u8,
    /// `MarginModel` as stored.
    pub margin_model: u8,
    pub reserved0: u8,
    pub account_num: u32,
    pub group: Pubkey,
    pub owner: Pubkey,
    /// May trade for the owner, never withdraw; the default key when none.
    pub delegate: Pubkey,
    pub balances: [Balance; MAX_BALANCES],
    /// Derivative positions (perpetuals, options) arrive with a later issue.
    pub derivatives: [[u8; 64]; MAX_DERIVATIVES],
    /// Unix time the account was called below maintenance; 0 when no call is open.
    pub margin_call_at: i64,
    pub reserved: [u8; 504],
}

impl MarginAccount {
    pub const SPACE: usize = 8 + core::mem::size_of::<MarginAccount>();

    /// Lets the owner do anything and the delegate anything that keeps funds in the account.
    pub fn authorize(&self, signer: &Pubkey, moves_funds_out: bool) -> Result<()> {
        if *signer == self.owner {
            return Ok(());
        }
        require!(self.delegate != Pubkey::default() && *signer == self.delegate, TightropeError::NotOwner);
        require!(!moves_funds_out, TightropeError::DelegateCannotWithdraw);
        Ok(())
    }

    /// When the open margin call was made, if one is open.
    pub fn margin_call(&self) -> Option<i64> {
        (self.margin_call_at != 0).then_some(self.margin_call_at)
    }

    /// Refuses what adds risk while a margin call is open: only deposits and repayments may follow until it is cured.
    pub fn require_no_margin_call(&self) -> Result<()> {
        require!(self.margin_call().is_none(), TightropeError::UnderMarginCall);
        Ok(())
    }

    pub fn model(&self) -> MarginModel {
        MarginModel::from_stored(self.margin_model)
    }

    pub fn balance(&self, asset: &Pubkey) -> Option<&Balance> {
        self.balances.iter().find(|b| b.asset == *asset)
    }

    pub fn active_balances(&self) -> impl Iterator<Item = &Balance> {
        self.balances.iter().filter(|b| !b.is_free())
    }

    pub fn is_empty(&self) -> bool {
        self.balances.iter().all(Balance::is_free)
    }

    /// Adds signed share deltas to the asset's balance, opening a slot if needed and freeing it at zero; returns
    /// the balance's shares after (deposit, borrow).
    pub fn apply_shares(&mut self, asset: &Pubkey, deposit_delta: i128, borrow_delta: i128) -> Result<(u128, u128)> {
        let index = match self.balances.iter().position(|b| b.asset == *asset) {
            Some(index) => index,
            None => {
                let free = self.balances.iter().position(Balance::is_free).ok_or(error!(TightropeError::BalanceSlotsFull))?;
                self.balances[free] = Balance { asset: *asset, ..Balance::default() };
                free
            }
        };
        let balance = &mut self.balances[index];
        let deposit = balance
            .deposit_shares()
            .checked_add_signed(deposit_delta)
            .ok_or(error!(TightropeError::InsufficientDeposit))?;
        let borrow = balance
            .borrow_shares()
            .checked_add_signed(borrow_delta)
            .ok_or(error!(TightropeError::MathOverflow))?;
        if deposit == 0 && borrow == 0 {
            *balance = Balance::default();
        } else {
            store_u128(&mut balance.deposit_shares, deposit);
            store_u128(&mut balance.borrow_shares, borrow);
        }
        Ok((deposit, borrow))
    }
}
