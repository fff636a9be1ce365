//! Moving a margin account's position in an asset: the one place deposits, withdrawals, borrows and repayments
//! change balances, with the rounding each direction needs (always in the protocol's favour).
//!
//! A balance is one signed position per asset: deposit shares or borrow shares, never both. A deposit first repays
//! the account's debt in the asset and a borrow first draws down its deposit, so an account cannot lend to itself:
//! a deposit and a borrow of one asset would net to nothing under TIMS while filling the caps and pushing up the
//! utilization (and so the rate) everyone else pays.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::BalanceChangeKind;
use crate::math;
use crate::state::{math_error, Asset, MarginAccount};
use tightrope_risk::Fx;

/// Native units moved and the shares that moved for them.
struct Part {
    native: u64,
    shares: u128,
}

const NOTHING: Part = Part { native: 0, shares: 0 };

fn to_u64(value: u128) -> Result<u64> {
    u64::try_from(value).map_err(|_| error!(TightropeError::MathOverflow))
}

fn signed(shares: u128) -> Result<i128> {
    i128::try_from(shares).map_err(|_| error!(TightropeError::MathOverflow))
}

/// Up to `amount` of the debt held as `owed_shares` repaid. Paying at least the debt (rounded up) clears every
/// share for exactly the debt; less clears the shares it pays for, rounded down.
fn repay_up_to(owed_shares: u128, index: Fx, amount: u64) -> Result<Part> {
    if owed_shares == 0 {
        return Ok(NOTHING);
    }
    let owed = math::shares::borrow_native(owed_shares, index).map_err(math_error)?;
    if u128::from(amount) >= owed {
        return Ok(Part { native: to_u64(owed)?, shares: owed_shares });
    }
    Ok(Part { native: amount, shares: math::shares::repay_shares_for(amount, index).map_err(math_error)? })
}

/// Up to `amount` drawn from the deposit held as `held_shares`. Taking at least the deposit's worth (rounded
/// down) burns every share for exactly that worth; less burns the shares it takes, rounded up.
fn draw_down(held_shares: u128, index: Fx, amount: u64) -> Result<Part> {
    if held_shares == 0 {
        return Ok(NOTHING);
    }
    let held = math::shares::deposit_native(held_shares, index).map_err(math_error)?;
    if u128::from(amount) >= held {
        return Ok(Part { native: to_u64(held)?, shares: held_shares });
    }
    Ok(Part { native: amount, shares: math::shares::withdraw_shares_for(amount, index).map_err(math_error)? })
}

/// A planned move: native units and the balance's share deltas (deposit, borrow).
pub struct Move {
    pub native: u64,
    pub deposit_delta: i128,
    pub borrow_delta: i128,
}

/// What `amount` native units of `kind` moves on `account`'s balance of the asset, without changing anything. A
/// repayment is capped at the debt; a withdrawal of the deposit's whole worth burns every share.
pub fn plan(kind: BalanceChangeKind, account: &MarginAccount, asset_key: &Pubkey, asset: &Asset, amount: u64) -> Result<Move> {
    require!(amount > 0, TightropeError::ZeroAmount);
    let (held, owed) = account.balance(asset_key).map_or((0, 0), |b| (b.deposit_shares(), b.borrow_shares()));
    let (deposit_index, borrow_index) = (asset.deposit_index(), asset.borrow_index());
    let (native, deposit_delta, borrow_delta) = match kind {
        BalanceChangeKind::Deposit => {
            let repaid = repay_up_to(owed, borrow_index, amount)?;
            let rest = amount - repaid.native;
            let credited = if rest > 0 { math::shares::deposit_shares_for(rest, deposit_index).map_err(math_error)? } else { 0 };
            // A rest worth less than one share would be a gift to other depositors: it stays with the owner.
            let moved = repaid.native + if credited > 0 { rest } else { 0 };
            require!(moved > 0, TightropeError::ZeroAmount);
            (moved, signed(credited)?, -signed(repaid.shares)?)
        }
        BalanceChangeKind::Withdraw => {
            let held_native = math::shares::deposit_native(held, deposit_index).map_err(math_error)?;
            require!(u128::from(amount) <= held_native, TightropeError::InsufficientDeposit);
            let drawn = draw_down(held, deposit_index, amount)?;
            (amount, -signed(drawn.shares)?, 0)
        }
        BalanceChangeKind::Borrow => {
            let drawn = draw_down(held, deposit_index, amount)?;
            let rest = amount - drawn.native;
            let debt = if rest > 0 { math::shares::borrow_shares_for(rest, borrow_index).map_err(math_error)? } else { 0 };
            (amount, -signed(drawn.shares)?, signed(debt)?)
        }
        BalanceChangeKind::Repay => {
            require!(owed > 0, TightropeError::NoDebt);
            // Repaying more than owed repays the debt; the rest stays with the owner.
            let repaid = repay_up_to(owed, borrow_index, amount)?;
            (repaid.native, 0, -signed(repaid.shares)?)
        }
    };
    Ok(Move { native, deposit_delta, borrow_delta })
}

/// Moves `amount` native units of `kind` for tokens entering or leaving the vault, under the asset's caps;
/// returns the native amount actually moved and the balance's shares after (deposit, borrow).
pub fn apply(
    kind: BalanceChangeKind,
    account: &mut MarginAccount,
    asset_key: &Pubkey,
    asset: &mut Asset,
    amount: u64,
) -> Result<(u64, (u128, u128))> {
    let planned = plan(kind, account, asset_key, asset, amount)?;
    let after = account.apply_shares(asset_key, planned.deposit_delta, planned.borrow_delta)?;
    asset.apply_shares(planned.deposit_delta, planned.borrow_delta)?;
    Ok((planned.native, after))
}

/// Moves `amount` native units of `kind` between accounts inside the protocol (a liquidation): no token moves, so
/// the caps, which bound what the vault holds and lends, do not apply. Returns the balance's shares after. A
/// credit worth less than one share stays in the vault, unclaimed (see `plan`).
pub fn transfer(kind: BalanceChangeKind, account: &mut MarginAccount, asset_key: &Pubkey, asset: &mut Asset, amount: u64) -> Result<(u128, u128)> {
    let planned = plan(kind, account, asset_key, asset, amount)?;
    let after = account.apply_shares(asset_key, planned.deposit_delta, planned.borrow_delta)?;
    asset.move_shares(planned.deposit_delta, planned.borrow_delta)?;
    Ok(after)
}
