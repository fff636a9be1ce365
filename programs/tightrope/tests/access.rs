//! Who may do what: pause flags stop one kind of balance change each; a delegate may deposit, repay and choose the
//! margin model, never move funds out. Every refusal asserts its named error and an unchanged state.
mod common;

use common::*;
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{DelegateChanged, PauseChanged};
use tightrope::state::{MarginAccount, MarginModel, PAUSE_ALL, PAUSE_BORROW, PAUSE_DEPOSIT, PAUSE_REPAY, PAUSE_WITHDRAW};

fn set_pause_ix(w: &World, admin: &Pubkey, flags: u8) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::SetPause { flags })
}

/// One asset, a trader with 10 SOL deposited, and a lender so there is something to borrow.
fn setup() -> (World, Listed, Trader, Pubkey) {
    let mut w = World::new();
    let sol = w.list(9);
    let trader = w.trader(0);
    let wallet = w.wallet(&sol, &trader.owner.pubkey(), 20 * SOL);
    w.deposit(&trader, &sol, &wallet, 10 * SOL).assert_ok();
    (w, sol, trader, wallet)
}

#[test]
fn each_paused_kind_is_refused_by_name_until_resumed() {
    let (mut w, sol, trader, wallet) = setup();
    let admin = w.admin.insecure_clone();
    let watched = [w.group, trader.margin_account, sol.asset, sol.vault, wallet];
    let owner = trader.owner.insecure_clone();
    let deposit = instruction(w.deposit_accounts(&trader, &sol, &wallet), tightrope::instruction::Deposit { amount: SOL });
    let repay = instruction(w.deposit_accounts(&trader, &sol, &wallet), tightrope::instruction::Repay { amount: SOL });
    let withdraw = w.move_out_ix(&trader, &sol, &wallet, tightrope::instruction::Withdraw { amount: SOL });
    let borrow = w.move_out_ix(&trader, &sol, &wallet, tightrope::instruction::Borrow { amount: SOL });
    for (flag, ix) in [(PAUSE_DEPOSIT, &deposit), (PAUSE_REPAY, &repay), (PAUSE_WITHDRAW, &withdraw), (PAUSE_BORROW, &borrow)] {
        let outcome = w.rt.process(&[set_pause_ix(&w, &admin.pubkey(), flag)], &[&admin]);
        assert_eq!(outcome.assert_ok().events::<PauseChanged>()[0].after, flag);
        w.assert_refused(ix.clone(), &[&owner], code(E::OperationPaused), &watched);
    }
    w.rt.process(&[set_pause_ix(&w, &admin.pubkey(), 0)], &[&admin]).assert_ok();
    w.rt.process(&[deposit], &[&owner]).assert_ok();
    w.rt.process(&[withdraw], &[&owner]).assert_ok();

    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(set_pause_ix(&w, &stranger.pubkey(), PAUSE_ALL), &[&stranger], code(E::NotAdmin), &watched);
    w.assert_refused(set_pause_ix(&w, &admin.pubkey(), PAUSE_ALL + 1), &[&admin], code(E::InvalidParameters), &watched);
}

#[test]
fn a_delegate_may_deposit_repay_and_choose_the_model_but_never_withdraw_or_borrow() {
    let (mut w, sol, trader, wallet) = setup();
    let lender = w.trader(1);
    let lender_wallet = w.wallet(&sol, &lender.owner.pubkey(), 100 * SOL);
    w.deposit(&lender, &sol, &lender_wallet, 100 * SOL).assert_ok();
    // On 1,000 USDC, the trader borrows 11 SOL: its 10 SOL deposit is drawn down first, 1 SOL is owed.
    let group = w.group;
    let usdc = w.list_with(&group, 6, 1, cash_config());
    let usdc_wallet = w.wallet(&usdc, &trader.owner.pubkey(), 1_000_000_000);
    w.deposit(&trader, &usdc, &usdc_wallet, 1_000_000_000).assert_ok();
    w.borrow(&trader, &sol, &wallet, 11 * SOL).assert_ok();

    let delegate = Keypair::new();
    w.rt.fund(&delegate.pubkey(), SOL);
    let delegate_wallet = w.wallet(&sol, &delegate.pubkey(), 5 * SOL);
    let watched = [trader.margin_account, sol.asset, sol.vault, delegate_wallet];
    let as_delegate = Trader { owner: delegate.insecure_clone(), margin_account: trader.margin_account };

    // Before being named, the delegate is a stranger.
    let deposit = instruction(w.deposit_accounts(&as_delegate, &sol, &delegate_wallet), tightrope::instruction::Deposit { amount: SOL });
    w.assert_refused(deposit.clone(), &[&delegate], code(E::NotOwner), &watched);
    w.assert_refused(set_delegate_ix(&trader, &delegate.pubkey(), delegate.pubkey()), &[&delegate], code(E::NotOwner), &watched);
    let outcome = w.rt.process(&[set_delegate_ix(&trader, &trader.owner.pubkey(), delegate.pubkey())], &[&trader.owner]);
    let named = &outcome.assert_ok().events::<DelegateChanged>()[0];
    assert_eq!((named.before, named.after), (Pubkey::default(), delegate.pubkey()));

    w.repay(&as_delegate, &sol, &delegate_wallet, SOL / 2).assert_ok();
    w.rt.process(&[deposit], &[&delegate]).assert_ok();
    let model = tightrope::accounts::SetMarginModel { group: w.group, margin_account: trader.margin_account, authority: delegate.pubkey() };
    let mut set_model = instruction(model, tightrope::instruction::SetMarginModel { model: MarginModel::Tims });
    set_model.accounts.extend(w.health_accounts(&trader, None));
    w.rt.process(&[set_model], &[&delegate]).assert_ok();
    let account: MarginAccount = w.rt.load(&trader.margin_account).unwrap();
    assert_eq!(account.model(), MarginModel::Tims);

    let withdraw = w.move_out_ix(&as_delegate, &sol, &delegate_wallet, tightrope::instruction::Withdraw { amount: SOL });
    let borrow = w.move_out_ix(&as_delegate, &sol, &delegate_wallet, tightrope::instruction::Borrow { amount: SOL });
    for ix in [withdraw, borrow] {
        w.assert_refused(ix, &[&delegate], code(E::DelegateCannotWithdraw), &watched);
    }
    // Removing the delegate makes it a stranger again.
    w.rt.process(&[set_delegate_ix(&trader, &trader.owner.pubkey(), Pubkey::default())], &[&trader.owner]).assert_ok();
    let deposit = instruction(w.deposit_accounts(&as_delegate, &sol, &delegate_wallet), tightrope::instruction::Deposit { amount: SOL });
    w.assert_refused(deposit, &[&delegate], code(E::NotOwner), &watched);
}
