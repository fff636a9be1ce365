//! The default waterfall's last steps: an account with debt and no collateral left has its debt written off, each
//! liability paid first by the insurance fund's balance of that asset, the rest socialized over the asset's
//! depositors (see `math::bad_debt`). Nothing is charged twice: the account's debt shares are cleared as the
//! asset's totals fall, so a second call finds nothing owed.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::events::BadDebtResolved;
use crate::math::{self, bad_debt};
use crate::state::{math_error, Asset, MarginAccount};

/// Writes off the account's whole debt in `asset`, accrued to `now`.
pub fn write_off(group: Pubkey, account_key: Pubkey, account: &mut MarginAccount, asset_key: Pubkey, asset: &mut Asset, now: i64) -> Result<()> {
    asset.accrue(now)?;
    let owed_shares = account.balance(&asset_key).map_or(0, |b| b.borrow_shares());
    let debt = math::shares::borrow_native(owed_shares, asset.borrow_index()).map_err(math_error)?;
    let deposit_index_before = asset.deposit_index();
    let w = bad_debt::write_off(debt, asset.insurance(), asset.deposit_shares(), deposit_index_before).map_err(math_error)?;
    let shares = i128::try_from(owed_shares).map_err(|_| error!(TightropeError::MathOverflow))?;
    account.apply_shares(&asset_key, 0, -shares)?;
    asset.move_shares(0, -shares)?;
    let covered = i128::try_from(w.covered).map_err(|_| error!(TightropeError::MathOverflow))?;
    let insurance_after = asset.apply_insurance(-covered)?;
    let fees = (asset.protocol_fees() + w.dust_to_fees)
        .checked_sub(w.from_fees)
        .ok_or(error!(TightropeError::MathOverflow))?;
    asset.socialize(w.deposit_index_after, fees);
    let to_u64 = |v: u128| u64::try_from(v).map_err(|_| error!(TightropeError::MathOverflow));
    emit!(BadDebtResolved {
        group,
        margin_account: account_key,
        asset: asset_key,
        bad_debt: to_u64(debt)?,
        covered: to_u64(w.covered)?,
        socialized: to_u64(w.socialized)?,
        dust_to_fees: to_u64(w.dust_to_fees)?,
        from_fees: to_u64(w.from_fees)?,
        deposit_index_before,
        deposit_index_after: w.deposit_index_after,
        deposits_before: w.deposits_before,
        deposits_after: w.deposits_after,
        insurance_after,
    });
    Ok(())
}

/// Refuses an account that holds any collateral, or owes nothing.
pub fn require_bankrupt(account: &MarginAccount) -> Result<()> {
    require!(account.active_balances().all(|b| b.deposit_shares() == 0), TightropeError::CollateralRemains);
    require!(account.active_balances().any(|b| b.borrow_shares() > 0), TightropeError::NoBadDebt);
    Ok(())
}
