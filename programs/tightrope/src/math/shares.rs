//! Balances are shares of an index: `native = shares × index` with the index an [`Fx`] that starts at
//! [`FX_ONE`] and grows with interest. Deposit and borrow indices are separate.
//!
//! Each conversion rounds once, against the account:
//!
//! | function | converts | rounds | why |
//! | --- | --- | --- | --- |
//! | [`deposit_shares_for`] | deposit → shares credited | down | the depositor never gets a share it did not pay for |
//! | [`withdraw_shares_for`] | withdrawal → shares burned | up | a withdrawal never burns less than it takes |
//! | [`deposit_native`] | deposit shares → value | down | a depositor is never owed more than its shares hold |
//! | [`borrow_shares_for`] | borrow → debt shares | up | a borrower owes at least what it took |
//! | [`repay_shares_for`] | repayment → debt shares removed | down | a repayment never clears more debt than it pays |
//! | [`borrow_native`] | debt shares → owed | up | a borrower always owes at least its shares' worth |
//!
//! Consequences (tested below): no deposit→withdraw cycle returns more than was deposited, no borrow→repay cycle
//! costs less than was borrowed; repaying `borrow_native(s)` clears all `s` shares; withdrawing
//! `deposit_native(s)` burns at most `s` shares and one unit more would need more than `s`.
//!
//! The index must be positive (`InvalidInput` otherwise); results that leave `i128` are `Overflow`. Callers clamp a
//! repayment at the shares the account owes ("repaying more than owed repays the debt and leaves the rest").

use super::{mul_div, to_i128, to_u128, Fx, MathError, MathResult, Rounding, FX_ONE};

fn check_index(index: Fx) -> MathResult<()> {
    if index <= 0 {
        return Err(MathError::InvalidInput);
    }
    Ok(())
}

/// `native / index` in shares.
fn shares_of(native: u64, index: Fx, rounding: Rounding) -> MathResult<u128> {
    check_index(index)?;
    to_u128(mul_div(i128::from(native), FX_ONE, index, rounding)?)
}

/// `shares × index` in native units.
fn native_of(shares: u128, index: Fx, rounding: Rounding) -> MathResult<u128> {
    check_index(index)?;
    to_u128(mul_div(to_i128(shares)?, index, FX_ONE, rounding)?)
}

/// Shares credited for depositing `native` at the deposit index.
pub fn deposit_shares_for(native: u64, index: Fx) -> MathResult<u128> {
    // Down: the depositor is credited no more shares than its tokens buy.
    shares_of(native, index, Rounding::Down)
}

/// Deposit shares burned to withdraw `native` at the deposit index.
pub fn withdraw_shares_for(native: u64, index: Fx) -> MathResult<u128> {
    // Up: the withdrawer gives up at least the shares its tokens are worth.
    shares_of(native, index, Rounding::Up)
}

/// What `shares` of deposit are worth in native units.
pub fn deposit_native(shares: u128, index: Fx) -> MathResult<u128> {
    // Down: a depositor is owed no more than its shares hold.
    native_of(shares, index, Rounding::Down)
}

/// Debt shares taken on by borrowing `native` at the borrow index.
pub fn borrow_shares_for(native: u64, index: Fx) -> MathResult<u128> {
    // Up: the borrower takes on at least the debt its tokens are worth.
    shares_of(native, index, Rounding::Up)
}

/// Debt shares removed by repaying `native` at the borrow index (the caller clamps at the shares owed).
pub fn repay_shares_for(native: u64, index: Fx) -> MathResult<u128> {
    // Down: a repayment clears no more debt than it pays for.
    shares_of(native, index, Rounding::Down)
}

/// What `shares` of debt owe in native units.
pub fn borrow_native(shares: u128, index: Fx) -> MathResult<u128> {
    // Up: a borrower owes at least its shares' worth.
    native_of(shares, index, Rounding::Up)
}

#[cfg(test)]
mod tests {
    use super::super::Lcg;
    use super::*;

    const ONE_AND_HALF: Fx = 1_500_000_000_000;

    #[test]
    fn exact_figures_at_index_one_and_a_half() {
        // 10 native at 1.5 is 6.67 shares: down for a deposit or repay, up for a borrow or withdrawal.
        assert_eq!(deposit_shares_for(10, ONE_AND_HALF), Ok(6));
        assert_eq!(repay_shares_for(10, ONE_AND_HALF), Ok(6));
        assert_eq!(borrow_shares_for(10, ONE_AND_HALF), Ok(7));
        assert_eq!(withdraw_shares_for(10, ONE_AND_HALF), Ok(7));
        // 7 shares at 1.5 are 10.5 native: down for a deposit, up for a debt.
        assert_eq!(deposit_native(7, ONE_AND_HALF), Ok(10));
        assert_eq!(borrow_native(7, ONE_AND_HALF), Ok(11));
        // Exact conversions do not round.
        assert_eq!(deposit_shares_for(15, ONE_AND_HALF), Ok(10));
        assert_eq!(borrow_shares_for(15, ONE_AND_HALF), Ok(10));
        assert_eq!(borrow_native(10, ONE_AND_HALF), Ok(15));
        assert_eq!(deposit_shares_for(u64::MAX, FX_ONE), Ok(u64::MAX as u128));
        assert_eq!(
            borrow_native(u64::MAX as u128, FX_ONE),
            Ok(u64::MAX as u128)
        );
        // One native unit at a high index is a fraction of a share: nothing credited, a whole share owed.
        assert_eq!(deposit_shares_for(1, 3 * FX_ONE), Ok(0));
        assert_eq!(borrow_shares_for(1, 3 * FX_ONE), Ok(1));
        assert_eq!(deposit_native(0, 3 * FX_ONE), Ok(0));
    }

    #[test]
    fn bad_index_and_oversized_values_are_named_errors() {
        assert_eq!(deposit_shares_for(1, 0), Err(MathError::InvalidInput));
        assert_eq!(borrow_native(1, -FX_ONE), Err(MathError::InvalidInput));
        assert_eq!(deposit_native(u128::MAX, FX_ONE), Err(MathError::Overflow));
        assert_eq!(
            borrow_native(i128::MAX as u128, 2 * FX_ONE),
            Err(MathError::Overflow)
        );
        // A tiny index makes huge share counts, still exact within i128.
        assert_eq!(
            deposit_shares_for(u64::MAX, 1),
            Ok(u64::MAX as u128 * FX_ONE as u128)
        );
    }

    fn random_index(rng: &mut Lcg) -> Fx {
        // Between 1.0 and about 2^40 (indices only grow from 1.0).
        FX_ONE + rng.spread(80) as Fx
    }

    #[test]
    fn single_conversions_round_trip_within_one_share_and_never_in_the_accounts_favour() {
        let mut rng = Lcg(7);
        for _ in 0..20_000 {
            let native = rng.spread(62) as u64;
            let index = random_index(&mut rng);
            let per_share = (index + FX_ONE - 1) / FX_ONE; // one share's worth, rounded up

            let s = deposit_shares_for(native, index).unwrap();
            let back = deposit_native(s, index).unwrap();
            assert!(
                back <= native as u128,
                "deposit grew: {native} → {back} at {index}"
            );
            assert!(
                native as u128 - back <= per_share as u128,
                "deposit lost more than one share"
            );

            let d = borrow_shares_for(native, index).unwrap();
            let owed = borrow_native(d, index).unwrap();
            assert!(
                owed >= native as u128,
                "debt shrank: {native} → {owed} at {index}"
            );
            assert!(
                owed - native as u128 <= per_share as u128,
                "debt gained more than one share"
            );

            // Withdrawing everything a deposit is worth burns at most its shares; one unit more needs more.
            let all = deposit_native(s, index).unwrap() as u64;
            assert!(withdraw_shares_for(all, index).unwrap() <= s);
            assert!(withdraw_shares_for(all + 1, index).unwrap() > s);

            // Repaying exactly what is owed clears the debt; one unit less does not.
            let owed = borrow_native(d, index).unwrap() as u64;
            assert!(repay_shares_for(owed, index).unwrap() >= d);
            if owed > 0 {
                assert!(repay_shares_for(owed - 1, index).unwrap() < d);
            }
        }
    }

    #[test]
    fn no_sequence_of_deposits_and_withdrawals_or_borrows_and_repays_extracts_value() {
        let mut rng = Lcg(99);
        for _ in 0..500 {
            let index = random_index(&mut rng);
            // Depositor: random deposits and partial withdrawals at a fixed index.
            let (mut shares, mut paid_in, mut taken_out) = (0u128, 0u128, 0u128);
            // Borrower: random borrows and partial repayments at a fixed index.
            let (mut debt, mut borrowed, mut repaid) = (0u128, 0u128, 0u128);
            for _ in 0..40 {
                let amount = rng.spread(50) as u64;
                if rng.below(2) == 0 {
                    shares += deposit_shares_for(amount, index).unwrap();
                    paid_in += amount as u128;
                    debt += borrow_shares_for(amount, index).unwrap();
                    borrowed += amount as u128;
                } else {
                    let available = deposit_native(shares, index).unwrap() as u64;
                    let take = amount.min(available);
                    let burn = withdraw_shares_for(take, index).unwrap();
                    assert!(
                        burn <= shares,
                        "a withdrawal within the balance burned more shares than held"
                    );
                    shares -= burn;
                    taken_out += take as u128;

                    let owed = borrow_native(debt, index).unwrap() as u64;
                    let pay = amount.min(owed);
                    // Clamp as the program does: over-payment stays with the owner.
                    debt -= repay_shares_for(pay, index).unwrap().min(debt);
                    repaid += pay as u128;
                }
            }
            assert!(taken_out + deposit_native(shares, index).unwrap() <= paid_in);
            assert!(repaid + borrow_native(debt, index).unwrap() >= borrowed);
        }
    }
}
