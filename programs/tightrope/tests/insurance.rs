//! The insurance fund through the runtime: anyone adds to it, only the admin takes from it and only after the
//! guards' delay, within the expiry window; every refusal asserts its named error and that nothing changed.
mod common;

use common::admin::*;
use common::*;
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use anchor_spl::token::spl_token;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{InsuranceFunded, InsuranceWithdrawalQueued, InsuranceWithdrawn};

fn request_ix(w: &World, listed: &Listed, admin: &Pubkey, amount: u64) -> Instruction {
    let accounts = tightrope::accounts::RequestInsuranceWithdrawal { group: w.group, admin: *admin, asset: listed.asset };
    instruction(accounts, tightrope::instruction::RequestInsuranceWithdrawal { amount })
}

fn withdraw_ix(w: &World, listed: &Listed, admin: &Pubkey, destination: &Pubkey) -> Instruction {
    let accounts = tightrope::accounts::WithdrawInsurance {
        group: w.group,
        admin: *admin,
        asset: listed.asset,
        vault: listed.vault,
        destination: *destination,
        token_program: spl_token::ID,
    };
    instruction(accounts, tightrope::instruction::WithdrawInsurance {})
}

#[test]
fn anyone_funds_the_insurance_fund_and_it_counts_in_the_vault() {
    let (mut w, listed, _) = guarded_world();
    let funder = Keypair::new();
    w.rt.fund(&funder.pubkey(), SOL);
    let source = w.wallet(&listed, &funder.pubkey(), 5 * SOL);
    let watched = [listed.asset, listed.vault, source];
    w.assert_refused(fund_insurance_ix(&w, &listed, &funder.pubkey(), &source, 0), &[&funder], code(E::ZeroAmount), &watched);
    w.assert_refused(fund_insurance_ix(&w, &listed, &funder.pubkey(), &listed.vault, SOL), &[&funder], code(E::VaultAsTokenAccount), &watched);
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(fund_insurance_ix(&w, &listed, &stranger.pubkey(), &source, SOL), &[&stranger], code(E::TokenOwnerMismatch), &watched);
    let outcome = w.rt.process(&[fund_insurance_ix(&w, &listed, &funder.pubkey(), &source, 3 * SOL)], &[&funder]);
    let funded = &outcome.assert_ok().events::<InsuranceFunded>()[0];
    assert_eq!((funded.amount, funded.insurance_after, funded.vault_amount_after), (3 * SOL, u128::from(3 * SOL), 3 * SOL));
    assert_eq!(asset(&w, &listed).insurance(), u128::from(3 * SOL));
    // The fund is nobody's deposit: a trader cannot withdraw it, and it is not lent out.
    assert_eq!(asset(&w, &listed).total_deposits().unwrap(), 0);
}

#[test]
fn only_the_admin_withdraws_and_only_after_the_delay_within_its_window() {
    let (mut w, listed, admin) = guarded_world();
    let funder = Keypair::new();
    w.rt.fund(&funder.pubkey(), SOL);
    let source = w.wallet(&listed, &funder.pubkey(), 5 * SOL);
    w.rt.process(&[fund_insurance_ix(&w, &listed, &funder.pubkey(), &source, 5 * SOL)], &[&funder]).assert_ok();
    let destination = w.wallet(&listed, &admin.pubkey(), 0);
    let watched = [listed.asset, listed.vault, destination];
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);

    w.assert_refused(withdraw_ix(&w, &listed, &admin.pubkey(), &destination), &[&admin], code(E::NothingQueued), &watched);
    w.assert_refused(request_ix(&w, &listed, &stranger.pubkey(), SOL), &[&stranger], code(E::NotAdmin), &watched);
    w.assert_refused(request_ix(&w, &listed, &admin.pubkey(), 5 * SOL + 1), &[&admin], code(E::InsufficientInsurance), &watched);
    w.assert_refused(request_ix(&w, &listed, &admin.pubkey(), 0), &[&admin], code(E::ZeroAmount), &watched);
    let slot = w.rt.clock().slot;
    let outcome = w.rt.process(&[request_ix(&w, &listed, &admin.pubkey(), 2 * SOL)], &[&admin]);
    let queued = &outcome.assert_ok().events::<InsuranceWithdrawalQueued>()[0];
    assert_eq!((queued.amount, queued.due_slot), (2 * SOL, slot + DELAY));
    let watched = [listed.asset, listed.vault, destination];
    w.assert_refused(withdraw_ix(&w, &listed, &admin.pubkey(), &destination), &[&admin], code(E::ChangeNotDue), &watched);

    wait_delay(&mut w, &listed);
    w.assert_refused(withdraw_ix(&w, &listed, &stranger.pubkey(), &destination), &[&stranger], code(E::NotAdmin), &watched);
    w.assert_refused(withdraw_ix(&w, &listed, &admin.pubkey(), &listed.vault), &[&admin], code(E::VaultAsTokenAccount), &watched);
    let outcome = w.rt.process(&[withdraw_ix(&w, &listed, &admin.pubkey(), &destination)], &[&admin]);
    let paid = &outcome.assert_ok().events::<InsuranceWithdrawn>()[0];
    assert_eq!((paid.amount, paid.insurance_after, paid.vault_amount_after), (2 * SOL, u128::from(3 * SOL), 3 * SOL));
    assert_eq!(w.rt.token_amount(&destination), 2 * SOL);
    w.assert_refused(withdraw_ix(&w, &listed, &admin.pubkey(), &destination), &[&admin], code(E::NothingQueued), &watched);

    // A request left past its window expires.
    w.rt.process(&[request_ix(&w, &listed, &admin.pubkey(), SOL)], &[&admin]).assert_ok();
    wait_slots(&mut w, &listed, DELAY + EXPIRY + 1);
    w.assert_refused(withdraw_ix(&w, &listed, &admin.pubkey(), &destination), &[&admin], code(E::ChangeExpired), &watched);
}
