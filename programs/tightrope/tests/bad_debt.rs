//! The default waterfall through the runtime: a crash leaves a SOL-backed USDC borrower with more debt than
//! collateral; liquidation takes the collateral, then `resolve_bad_debt` has the insurance fund pay first and the
//! depositors absorb exactly the rest through the deposit index.
mod common;

use common::book::{Book, USDC};
use common::liquidation::*;
use common::*;
use solana_sdk::signature::Signer;
use tightrope::errors::TightropeError as E;
use tightrope::events::{BadDebtResolved, Liquidated};
use tightrope::state::{Asset, MarginAccount};

/// The trader holds 1 SOL and owes 45 USDC; SOL then falls to 10. A liquidator account holds 10,000 USDC and
/// the insurance fund `insurance` USDC.
fn crashed(insurance: u64) -> (Book, Trader) {
    let mut b = Book::new();
    let ix = set_margin_call_ix(&b.w, TERMS);
    let admin = b.w.admin.insecure_clone();
    b.w.rt.process(&[ix], &[&admin]).assert_ok();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    b.lend(&usdc, 1_000 * USDC);
    b.deposit(&sol, SOL);
    let (trader, wallet) = (b.trader.clone(), b.usdc_wallet);
    b.w.borrow(&trader, &usdc, &wallet, 45 * USDC).assert_ok();
    let liquidator = b.w.trader(50);
    let source = b.w.wallet(&usdc, &liquidator.owner.pubkey(), 10_000 * USDC + insurance);
    b.w.deposit(&liquidator, &usdc, &source, 10_000 * USDC).assert_ok();
    if insurance > 0 {
        let ix = fund_insurance_ix(&b.w, &usdc, &liquidator.owner.pubkey(), &source, insurance);
        b.w.rt.process(&[ix], &[&liquidator.owner]).assert_ok();
    }
    let now = b.w.rt.clock().unix_timestamp + 1;
    b.w.rt.set_unix_timestamp(now);
    b.w.set_price(&usdc, 100_000_000, 0);
    b.w.set_price(&sol, 10 * 100_000_000, 0);
    (b, liquidator)
}

fn liquidate_all(b: &mut Book, liquidator: &Trader) -> Liquidated {
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    let ix = liquidate_ix(&mut b.w, &liquidator.margin_account, &liquidator.owner.pubkey(), &b.trader.margin_account, &usdc, &sol, u64::MAX);
    b.w.rt.process(&[ix], &[&liquidator.owner]).assert_ok().events::<Liquidated>().pop().unwrap()
}

#[test]
fn insurance_pays_first_and_depositors_absorb_exactly_the_rest() {
    let (mut b, liquidator) = crashed(15 * USDC);
    let usdc = b.usdc.clone();
    let watched = [b.trader.margin_account, usdc.asset, b.sol.asset];
    b.w.assert_refused(resolve_bad_debt_ix(&b.w, &b.trader.margin_account), &[], code(E::CollateralRemains), &watched);

    // The liquidation takes the whole SOL deposit: 1 SOL at 10 less 5% pays 9.5 USDC of the 45 owed.
    let event = liquidate_all(&mut b, &liquidator);
    assert_eq!((event.seize, event.repay), (SOL, 9_500_000));
    let account: MarginAccount = b.w.rt.load(&b.trader.margin_account).unwrap();
    assert!(account.active_balances().all(|b| b.deposit_shares() == 0));

    // The owed assets must follow, each the one owed, in slot order.
    let mut missing = resolve_bad_debt_ix(&b.w, &b.trader.margin_account);
    missing.accounts.truncate(2);
    b.w.assert_refused(missing, &[], code(E::HealthAccountsMismatch), &watched);
    let mut wrong = resolve_bad_debt_ix(&b.w, &b.trader.margin_account);
    wrong.accounts[2].pubkey = b.sol.asset;
    b.w.assert_refused(wrong, &[], code(E::HealthAccountsMismatch), &watched);

    let before: Asset = b.w.rt.load(&usdc.asset).unwrap();
    let outcome = b.w.rt.process(&[resolve_bad_debt_ix(&b.w, &b.trader.margin_account)], &[]);
    let resolved = outcome.assert_ok().events::<BadDebtResolved>().pop().unwrap();
    let after: Asset = b.w.rt.load(&usdc.asset).unwrap();
    // What was left of the 45 owed, with a second's interest (rounded up).
    assert!((35_500_000..35_500_010).contains(&resolved.bad_debt), "{}", resolved.bad_debt);
    assert_eq!((resolved.covered, resolved.socialized), (15 * USDC, resolved.bad_debt - 15 * USDC));
    assert_eq!(after.insurance(), 0);
    // Depositors' claims fall by the socialized loss exactly; the index step's rounding goes to fees, accounted.
    let fallen = before.total_deposits().unwrap() - after.total_deposits().unwrap();
    assert_eq!(fallen, u128::from(resolved.socialized + resolved.dust_to_fees));
    assert!(resolved.dust_to_fees <= 1);
    assert_eq!(after.protocol_fees(), before.protocol_fees() + u128::from(resolved.dust_to_fees));
    assert!(resolved.deposit_index_after < resolved.deposit_index_before);
    assert!((0..=2).contains(&b.w.surplus(&usdc)));
    // Nothing is owed any more, and nothing is charged twice.
    let account: MarginAccount = b.w.rt.load(&b.trader.margin_account).unwrap();
    assert!(account.is_empty());
    b.w.assert_refused(resolve_bad_debt_ix(&b.w, &b.trader.margin_account), &[], code(E::NoBadDebt), &watched);
}

#[test]
fn a_fund_that_covers_the_debt_leaves_depositors_whole() {
    let (mut b, liquidator) = crashed(100 * USDC);
    liquidate_all(&mut b, &liquidator);
    let usdc = b.usdc.clone();
    let before: Asset = b.w.rt.load(&usdc.asset).unwrap();
    let outcome = b.w.rt.process(&[resolve_bad_debt_ix(&b.w, &b.trader.margin_account)], &[]);
    let resolved = outcome.assert_ok().events::<BadDebtResolved>().pop().unwrap();
    let after: Asset = b.w.rt.load(&usdc.asset).unwrap();
    assert_eq!((resolved.covered, resolved.socialized), (resolved.bad_debt, 0));
    assert_eq!((after.deposit_index(), after.total_deposits().unwrap()), (before.deposit_index(), before.total_deposits().unwrap()));
    assert_eq!(after.insurance(), 100 * USDC as u128 - u128::from(resolved.bad_debt));
    // A solvent account (the liquidator's) is refused before its asset list is even read.
    let mut ix = resolve_bad_debt_ix(&b.w, &liquidator.margin_account);
    ix.accounts.truncate(2);
    let watched = [liquidator.margin_account, usdc.asset];
    b.w.assert_refused(ix, &[], code(E::CollateralRemains), &watched);
}
