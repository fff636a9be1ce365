//! Writing off a bankrupt account's debt in one asset: the insurance fund pays first, the rest is socialized over
//! the asset's depositors by lowering the deposit index, so every depositor's claim falls in proportion.
//!
//! The index moves in steps of 10^-12 and claims round down, so the depositors' total claim falls by at least the
//! socialized amount and by less than one native unit per 10^12 shares more; that excess is returned as
//! `dust_to_fees` for the protocol's fees, so vault = deposits − borrows + fees + insurance stays exact. A loss
//! beyond every deposit (possible only by the interest the protocol kept as fees) takes the deposits to nothing and
//! the rest from the fees (`from_fees`), the one place those tokens are.

use super::shares::deposit_native;
use super::{mul_div, to_i128, MathResult, Rounding, FX_ONE};
use tightrope_risk::Fx;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOff {
    /// Paid by the insurance fund.
    pub covered: u128,
    /// Taken from the depositors' claims.
    pub socialized: u128,
    pub deposit_index_after: Fx,
    pub deposits_before: u128,
    pub deposits_after: u128,
    /// What the index step took beyond `socialized`.
    pub dust_to_fees: u128,
    /// The part of `socialized` beyond every deposit, taken from the protocol's fees.
    pub from_fees: u128,
}

pub fn write_off(debt: u128, insurance: u128, deposit_shares: u128, deposit_index: Fx) -> MathResult<WriteOff> {
    let covered = debt.min(insurance);
    let socialized = debt - covered;
    let deposits_before = deposit_native(deposit_shares, deposit_index)?;
    if socialized == 0 || deposit_shares == 0 {
        // Nothing to socialize, or nobody to socialize it over: then the tokens lent out came from the fees.
        return Ok(WriteOff { covered, socialized, deposit_index_after: deposit_index, deposits_before, deposits_after: deposits_before, dust_to_fees: 0, from_fees: socialized });
    }
    let absorbed = socialized.min(deposits_before);
    let target = deposits_before - absorbed;
    let (shares, target_i) = (to_i128(deposit_shares)?, to_i128(target)?);
    // Down: the index never leaves depositors a claim on the written-off tokens. It stays positive so that share
    // arithmetic keeps working should every deposit be wiped out.
    let index = mul_div(target_i, FX_ONE, shares, Rounding::Down)?.max(1);
    let deposits_after = deposit_native(deposit_shares, index)?;
    // With the index at its floor a wiped-out deposit may still round to a claim: no dust then.
    let dust_to_fees = target.saturating_sub(deposits_after);
    Ok(WriteOff { covered, socialized, deposit_index_after: index, deposits_before, deposits_after, dust_to_fees, from_fees: socialized - absorbed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insurance_pays_first_and_depositors_lose_exactly_the_rest() {
        // 1,000 units deposited at index 1.5 (667 shares, one share per native unit at index 1), debt 100,
        // insurance 30.
        let shares = 667u128;
        let index = 1_500_000_000_000;
        let w = write_off(100, 30, shares, index).unwrap();
        assert_eq!((w.covered, w.socialized), (30, 70));
        assert_eq!(w.deposits_before, 1_000);
        assert_eq!(w.deposits_before - w.deposits_after - w.dust_to_fees, 70);
        assert!(w.deposit_index_after < index);
    }

    #[test]
    fn a_fund_larger_than_the_debt_leaves_the_index_alone() {
        let w = write_off(50, 80, 1_000_000, FX_ONE).unwrap();
        assert_eq!((w.covered, w.socialized, w.deposit_index_after, w.dust_to_fees), (50, 0, FX_ONE, 0));
    }

    #[test]
    fn the_step_excess_is_dust_for_fees_and_accounted_exactly() {
        for (debt, shares, index) in [(7u128, 3_333_333_333_333u128, 1_000_000_000_001i128), (999, 10u128.pow(20), 1_234_567_890_123)] {
            let w = write_off(debt, 0, shares, index).unwrap();
            assert_eq!(w.deposits_before - w.deposits_after, w.socialized + w.dust_to_fees);
            assert!(w.dust_to_fees <= shares / FX_ONE as u128 + 1, "{w:?}");
        }
    }

    #[test]
    fn with_no_depositors_left_the_whole_loss_comes_from_fees() {
        // Found by the million-step invariant run (seed 20261206, step 346,593): a debt written off in an asset
        // nobody deposits any more must still leave every token accounted for.
        let w = write_off(40, 10, 0, FX_ONE).unwrap();
        assert_eq!((w.covered, w.socialized, w.from_fees, w.deposit_index_after), (10, 30, 30, FX_ONE));
    }

    #[test]
    fn a_loss_beyond_every_deposit_takes_the_rest_from_fees() {
        let w = write_off(2_000, 0, 1_000, FX_ONE).unwrap();
        assert_eq!((w.deposits_after, w.from_fees, w.deposit_index_after), (0, 1_000, 1));
    }
}
