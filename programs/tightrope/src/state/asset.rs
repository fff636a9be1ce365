use anchor_lang::prelude::*;
use tightrope_risk::{Fx, FX_ONE};

use super::config::AssetParams;
use super::guard::{PendingAssetChange, PendingInsuranceWithdrawal};
use super::{load_u128, store_u128};
use crate::errors::TightropeError;
use crate::math;
use crate::oracle::{self, OraclePrice};

pub const ASSET_SEED: &[u8] = b"asset";
pub const VAULT_SEED: &[u8] = b"vault";

/// One listed mint: PDA of (group, mint). It owns the vault token account and signs withdrawals from it.
/// Balances are shares of the deposit and borrow indices, so interest accrues to all holders at once.
#[account(zero_copy)]
pub struct Asset {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub decimals: u8,
    pub token_index: u16,
    pub reserved0: [u8; 2],
    pub group: Pubkey,
    pub mint: Pubkey,
    pub vault: Pubkey,
    /// Pyth `PriceUpdateV2` account and the feed it must carry.
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    /// Tier, oracle limits, caps, margin rates and interest model: what `update_asset` changes.
    pub params: AssetParams,
    /// A risk-increasing `update_asset` waiting for the group's delay.
    pub pending: PendingAssetChange,
    /// Slow price (fixed point 10^12, i128 LE) as of `stable_updated_at`, when `observed_price` was last read from
    /// the oracle; the stable price moves toward that observed price from then on (see `stable_price_at`).
    pub stable_price: [u8; 16],
    pub stable_updated_at: i64,
    pub last_accrued_at: i64,
    /// Indices (fixed point 10^12, start at 1) and share totals (u128 LE).
    pub deposit_index: [u8; 16],
    pub borrow_index: [u8; 16],
    pub deposit_shares: [u8; 16],
    pub borrow_shares: [u8; 16],
    /// Interest kept by the protocol, native units (u128 LE); held in the vault.
    pub protocol_fees: [u8; 16],
    /// The oracle price last observed (fixed point 10^12, i128 LE) and the publish time of the newest update the
    /// asset has used: an update published before it is refused.
    pub observed_price: [u8; 16],
    pub last_publish_time: i64,
    /// The group's insurance fund in this asset, native units (u128 LE), held in the vault beside deposits and fees.
    pub insurance: [u8; 16],
    /// An admin withdrawal from the insurance fund waiting the guards' delay.
    pub pending_insurance_withdrawal: PendingInsuranceWithdrawal,
    pub reserved: [u8; 432],
}

impl Asset {
    pub const SPACE: usize = 8 + core::mem::size_of::<Asset>();

    /// The asset's price from `oracle`, which must be its own Pyth account, pass its limits, and be published no
    /// earlier than the last update the asset used.
    pub fn read_price(&self, oracle: &AccountInfo, now: i64) -> Result<OraclePrice> {
        require_keys_eq!(*oracle.key, self.oracle, TightropeError::OracleAccountMismatch);
        let price = oracle::read_price(oracle, &self.feed_id, self.params.oracle_max_age_seconds, self.params.max_conf_ratio, now)?;
        if price.publish_time < self.last_publish_time {
            msg!("oracle published at {}, before the last update used ({})", price.publish_time, self.last_publish_time);
            return err!(TightropeError::OraclePublishTimeRegressed);
        }
        Ok(price)
    }

    pub fn start_indices(&mut self, now: i64) {
        store_u128(&mut self.deposit_index, FX_ONE as u128);
        store_u128(&mut self.borrow_index, FX_ONE as u128);
        self.last_accrued_at = now;
    }

    pub fn deposit_index(&self) -> Fx {
        load_u128(&self.deposit_index) as Fx
    }
    pub fn borrow_index(&self) -> Fx {
        load_u128(&self.borrow_index) as Fx
    }
    pub fn deposit_shares(&self) -> u128 {
        load_u128(&self.deposit_shares)
    }
    pub fn borrow_shares(&self) -> u128 {
        load_u128(&self.borrow_shares)
    }
    pub fn protocol_fees(&self) -> u128 {
        load_u128(&self.protocol_fees)
    }
    pub fn insurance(&self) -> u128 {
        load_u128(&self.insurance)
    }

    /// Moves the insurance fund by `delta` native units; it never goes below zero.
    pub fn apply_insurance(&mut self, delta: i128) -> Result<u128> {
        let after = self.insurance().checked_add_signed(delta).ok_or(error!(TightropeError::InsufficientInsurance))?;
        store_u128(&mut self.insurance, after);
        Ok(after)
    }
    pub fn stable_price(&self) -> Fx {
        load_u128(&self.stable_price) as Fx
    }
    pub fn observed_price(&self) -> Fx {
        load_u128(&self.observed_price) as Fx
    }

    /// The stable price at `now`: the stored one moved toward the last *observed* oracle price for the time since
    /// that observation. An oracle price pulls the stable price only from the moment it is first observed, so a
    /// spike raises it by at most the rate × the time since the spike was seen, however long the asset was idle.
    pub fn stable_price_at(&self, now: i64) -> Result<Fx> {
        let elapsed = u64::try_from(now.saturating_sub(self.stable_updated_at)).unwrap_or(0);
        math::stable_price::update(self.stable_price(), self.observed_price(), elapsed, Fx::from(self.params.stable_max_move_per_second))
            .map_err(math_error)
    }

    /// Records `price` as observed at `now`, after bringing the stable price to `now` toward the previous
    /// observation. `read_price` has already refused an update older than the last one used.
    pub fn observe(&mut self, price: &OraclePrice, now: i64) -> Result<()> {
        let stable = self.stable_price_at(now)?;
        self.set_observation(stable, price, now);
        Ok(())
    }

    /// Starts the stable price at `stable` and the observation at `price`: at listing (both the oracle's price),
    /// and when a new oracle takes over, whose publish times are its own.
    pub fn set_observation(&mut self, stable: Fx, price: &OraclePrice, now: i64) {
        store_u128(&mut self.stable_price, stable as u128);
        store_u128(&mut self.observed_price, price.price as u128);
        self.stable_updated_at = now;
        self.last_publish_time = price.publish_time;
    }

    /// Native units all deposits are worth (rounded down) and all borrows owe (rounded up).
    pub fn total_deposits(&self) -> Result<u128> {
        Ok(math::shares::deposit_native(self.deposit_shares(), self.deposit_index()).map_err(math_error)?.into())
    }
    pub fn total_borrows(&self) -> Result<u128> {
        Ok(math::shares::borrow_native(self.borrow_shares(), self.borrow_index()).map_err(math_error)?.into())
    }

    /// Brings the indices to `now`, sending the fee share of interest to the protocol; returns the interest.
    pub fn accrue(&mut self, now: i64) -> Result<math::interest::Accrual> {
        let elapsed = u64::try_from(now.saturating_sub(self.last_accrued_at)).unwrap_or(0);
        let accrual = math::interest::accrue(
            &self.params.interest.to_model(),
            self.deposit_index(),
            self.borrow_index(),
            self.deposit_shares(),
            self.borrow_shares(),
            elapsed,
        )
        .map_err(math_error)?;
        store_u128(&mut self.deposit_index, accrual.deposit_index as u128);
        store_u128(&mut self.borrow_index, accrual.borrow_index as u128);
        let fees = self
            .protocol_fees()
            .checked_add(accrual.protocol_fee_native)
            .ok_or(error!(TightropeError::MathOverflow))?;
        store_u128(&mut self.protocol_fees, fees);
        self.last_accrued_at = self.last_accrued_at.max(now);
        Ok(accrual)
    }

    /// Lowers the deposit index to socialize a written-off loss, with the fees that absorb its rounding and any
    /// loss beyond every deposit (`math::bad_debt`).
    pub fn socialize(&mut self, deposit_index: Fx, protocol_fees: u128) {
        store_u128(&mut self.deposit_index, deposit_index as u128);
        store_u128(&mut self.protocol_fees, protocol_fees);
    }

    /// Moves the share totals by signed deltas.
    pub fn move_shares(&mut self, deposit_delta: i128, borrow_delta: i128) -> Result<()> {
        let add = |total: u128, delta: i128| -> Result<u128> {
            total.checked_add_signed(delta).ok_or(error!(TightropeError::MathOverflow))
        };
        let (deposit_shares, borrow_shares) = (add(self.deposit_shares(), deposit_delta)?, add(self.borrow_shares(), borrow_delta)?);
        store_u128(&mut self.deposit_shares, deposit_shares);
        store_u128(&mut self.borrow_shares, borrow_shares);
        Ok(())
    }

    /// Moves the share totals by signed deltas, then enforces the caps when the move adds risk.
    pub fn apply_shares(&mut self, deposit_delta: i128, borrow_delta: i128) -> Result<()> {
        self.move_shares(deposit_delta, borrow_delta)?;
        if deposit_delta > 0 {
            require!(self.total_deposits()? <= u128::from(self.params.deposit_cap), TightropeError::DepositCapExceeded);
        }
        if borrow_delta > 0 {
            require!(self.total_borrows()? <= u128::from(self.params.borrow_cap), TightropeError::BorrowCapExceeded);
        }
        // Tokens leave the vault: what stays must cover every deposit not lent out (else SPL Token would refuse
        // the transfer with an anonymous error).
        if borrow_delta > 0 || deposit_delta < 0 {
            require!(self.total_borrows()? <= self.total_deposits()?, TightropeError::InsufficientLiquidity);
        }
        Ok(())
    }
}

pub fn math_error(error: math::MathError) -> Error {
    msg!("math: {:?}", error);
    error!(TightropeError::MathOverflow)
}

/// Seeds the asset PDA signs its vault's transfers with.
pub fn asset_signer_seeds<'a>(group: &'a Pubkey, mint: &'a Pubkey, bump: &'a [u8; 1]) -> [&'a [u8]; 4] {
    [ASSET_SEED, group.as_ref(), mint.as_ref(), bump]
}
