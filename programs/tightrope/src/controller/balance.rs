//! Moving a margin account's shares of an asset: the one place deposits, withdrawals, borrows and repayments change
//! balances, with the rounding each direction needs (always in the protocol's favour).
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::BalanceChangeKind;
use crate::math;
use crate::state::{math_error, Asset, MarginAccount};

/// Shares moved for `amount` native units of `kind`; returns the native amount actually moved (a repayment is
/// capped at the debt) and the balance's shares after (deposit, borrow).
pub fn apply(
    kind: BalanceChangeKind,
    account: &mut MarginAccount,
    asset_key: &Pubkey,
    asset: &mut Asset,
    amount: u64,
) -> Result<(u64, (u128, u128))> {
    require!(amount > 0, TightropeError::ZeroAmount);
    let signed = |shares: u128| i128::try_from(shares).map_err(|_| error!(TightropeError::MathOverflow));
    let (moved, deposit_delta, borrow_delta) = match kind {
        BalanceChangeKind::Deposit => {
            let shares = math::shares::deposit_shares_for(amount, asset.deposit_index()).map_err(math_error)?;
            // An amount worth less than one share would be a gift to other depositors.
            require!(shares > 0, TightropeError::ZeroAmount);
            (amount, signed(shares)?, 0)
        }
        BalanceChangeKind::Withdraw => {
            let shares = math::shares::withdraw_shares_for(amount, asset.deposit_index()).map_err(math_error)?;
            let held = account.balance(asset_key).map_or(0, |b| b.deposit_shares());
            require!(shares <= held, TightropeError::InsufficientDeposit);
            (amount, -signed(shares)?, 0)
        }
        BalanceChangeKind::Borrow => {
            let shares = math::shares::borrow_shares_for(amount, asset.borrow_index()).map_err(math_error)?;
            (amount, 0, signed(shares)?)
        }
        BalanceChangeKind::Repay => {
            let owed_shares = account.balance(asset_key).map_or(0, |b| b.borrow_shares());
            let owed: u128 = math::shares::borrow_native(owed_shares, asset.borrow_index()).map_err(math_error)?.into();
            require!(owed > 0, TightropeError::NoDebt);
            // Repaying more than owed repays the debt; the rest stays with the owner.
            if u128::from(amount) >= owed {
                let owed = u64::try_from(owed).map_err(|_| error!(TightropeError::MathOverflow))?;
                (owed, 0, -signed(owed_shares)?)
            } else {
                let shares = math::shares::repay_shares_for(amount, asset.borrow_index()).map_err(math_error)?;
                (amount, 0, -signed(shares)?)
            }
        }
    };
    let after = account.apply_shares(asset_key, deposit_delta, borrow_delta)?;
    asset.apply_shares(deposit_delta, borrow_delta)?;
    Ok((moved, after))
}
