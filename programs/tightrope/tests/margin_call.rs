//! Margin calls through the runtime: anyone may call an account below maintenance, never twice; under a call the
//! account may only deposit and repay; a cure clears it; the settings are guarded like every parameter. Every
//! refusal asserts its named error and that nothing changed.
mod common;

use common::admin::*;
use common::book::{Book, USDC};
use common::*;
use solana_sdk::instruction::Instruction;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{MarginCallCleared, MarginCallConfigChanged, MarginCallConfigQueued, MarginCallOpened};
use tightrope::state::{MarginAccount, MarginCallConfig};

const GRACE: u64 = 600;
/// A ten-minute window unless health falls below −100% of the requirement; a cure needs 10% above it.
const CONFIG: MarginCallConfig = MarginCallConfig { grace_seconds: GRACE, hard_threshold: FX, cure_buffer: FX / 10, liquidation_target: 0, insurance_share: 0, dust: 0 };

fn set_margin_call_ix(w: &World, admin: &solana_sdk::pubkey::Pubkey, config: MarginCallConfig) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::SetMarginCall { config })
}

fn apply_margin_call_ix(w: &World, admin: &solana_sdk::pubkey::Pubkey) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::ApplyMarginCallChange {})
}

/// 1,000 USDC against 5 SOL borrowed at 100 under rules (30% maintenance on the short): health 350 until SOL
/// rallies; at 180 the short is worth 900, equity 100 against a 270 requirement.
fn called_book() -> Book {
    let mut b = Book::new();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    let admin = b.w.admin.insecure_clone();
    b.w.rt.process(&[set_margin_call_ix(&b.w, &admin.pubkey(), CONFIG)], &[&admin]).assert_ok();
    b.deposit(&usdc, 1_000 * USDC);
    b.lend(&sol, 100 * SOL);
    let (trader, wallet) = (b.trader.clone(), b.sol_wallet);
    b.w.borrow(&trader, &sol, &wallet, 5 * SOL).assert_ok();
    b
}

impl Book {
    fn margin_call_ix(&mut self, data: impl anchor_lang::InstructionData) -> Instruction {
        let accounts = tightrope::accounts::MarginCall { group: self.w.group, margin_account: self.trader.margin_account };
        let mut ix = instruction(accounts, data);
        let trader = self.trader.clone();
        ix.accounts.extend(self.w.health_accounts(&trader, None));
        ix
    }

    fn flag_ix(&mut self) -> Instruction {
        self.margin_call_ix(tightrope::instruction::FlagMarginCall {})
    }

    fn clear_ix(&mut self) -> Instruction {
        self.margin_call_ix(tightrope::instruction::ClearMarginCall {})
    }

    /// Moves the clock and publishes SOL at `sol` (USDC at 1).
    fn prices_at(&mut self, seconds_later: i64, sol: i64) {
        let now = self.w.rt.clock().unix_timestamp + seconds_later;
        self.w.rt.set_unix_timestamp(now);
        let (usdc, listed) = (self.usdc.clone(), self.sol.clone());
        self.w.set_price(&usdc, 100_000_000, 0);
        self.w.set_price(&listed, sol * 100_000_000, 0);
    }

    fn called_at(&self) -> Option<i64> {
        let account: MarginAccount = self.w.rt.load(&self.trader.margin_account).unwrap();
        account.margin_call()
    }

    /// Runs `ix` signed by the payer alone: margin calls are anyone's to make.
    #[track_caller]
    fn refuse_unsigned(&mut self, ix: Instruction, code: u32) {
        let watched = self.watched();
        self.w.assert_refused(ix, &[], code, &watched);
    }
}

#[test]
fn a_call_opens_only_below_maintenance_and_never_restarts_its_window() {
    let mut b = called_book();
    let ix = b.flag_ix();
    b.refuse_unsigned(ix, code(E::NotBelowMaintenance));
    b.prices_at(1, 180);
    let now = b.w.rt.clock().unix_timestamp;
    let ix = b.flag_ix();
    let outcome = b.w.rt.process(&[ix], &[]);
    let opened = &outcome.assert_ok().events::<MarginCallOpened>()[0];
    let trader = b.trader.clone();
    let (report, _) = b.w.health(&trader);
    assert_eq!((opened.called_at, opened.deadline, opened.beyond_hard_threshold), (now, now + GRACE as i64, false));
    assert_eq!(opened.health, report.health);
    assert!(report.health.maintenance_health < 0 && report.health.equity > 0, "{:?}", report.health);
    assert_eq!(opened.prices.len(), 2);
    let (_, reported) = b.w.health(&trader);
    assert_eq!((reported.margin_call_at, reported.liquidatable), (Some(now), false), "inside the window");
    // Flagging again later, by anyone, is refused and keeps the first deadline.
    b.prices_at(100, 180);
    let ix = b.flag_ix();
    b.refuse_unsigned(ix, code(E::AlreadyUnderMarginCall));
    assert_eq!(b.called_at(), Some(now));
    b.prices_at(GRACE as i64 - 101, 180);
    assert!(!b.w.health(&trader).1.liquidatable, "one second before the deadline");
    b.prices_at(1, 180);
    assert!(b.w.health(&trader).1.liquidatable, "at the deadline");
    // The health accounts are checked as anywhere else.
    let mut ix = b.flag_ix();
    ix.accounts.pop();
    b.refuse_unsigned(ix, code(E::HealthAccountsMismatch));
}

#[test]
fn under_a_call_only_deposits_and_repayments_pass_and_a_cure_clears_it() {
    let mut b = called_book();
    b.prices_at(1, 180);
    let ix = b.flag_ix();
    b.w.rt.process(&[ix], &[]).assert_ok();
    let (trader, usdc, sol) = (b.trader.clone(), b.usdc.clone(), b.sol.clone());
    let (usdc_wallet, sol_wallet) = (b.usdc_wallet, b.sol_wallet);
    let withdraw = b.w.move_out_ix(&trader, &usdc, &usdc_wallet, tightrope::instruction::Withdraw { amount: USDC });
    b.refuse(withdraw, code(E::UnderMarginCall));
    let borrow = b.w.move_out_ix(&trader, &sol, &sol_wallet, tightrope::instruction::Borrow { amount: 1 });
    b.refuse(borrow, code(E::UnderMarginCall));
    let clear = b.clear_ix();
    b.refuse_unsigned(clear, code(E::MarginCallNotCured));

    // Repaying 0.1 SOL and depositing 190 USDC: equity about 308 against 264.6, health 43.4 ≥ 10% of 264.6.
    b.fund(&sol, SOL / 10);
    b.w.repay(&trader, &sol, &sol_wallet, SOL / 10).assert_ok();
    b.deposit(&usdc, 190 * USDC);
    assert!(b.called_at().is_some(), "deposits and repayments do not price the account, so they cannot clear it");
    let (report, _) = b.w.health(&trader);
    let clear = b.clear_ix();
    let outcome = b.w.rt.process(&[clear], &[]);
    let cleared = &outcome.assert_ok().events::<MarginCallCleared>()[0];
    assert_eq!(cleared.health, report.health);
    assert!(cleared.health.maintenance_health * 10 >= cleared.health.maintenance_requirement, "{:?}", cleared.health);
    assert_eq!(b.called_at(), None);
    let clear = b.clear_ix();
    b.refuse_unsigned(clear, code(E::NotUnderMarginCall));
    // The call's gate is gone; initial margin still decides what may leave, and a new drop may be called again.
    let withdraw = b.w.move_out_ix(&trader, &usdc, &usdc_wallet, tightrope::instruction::Withdraw { amount: USDC });
    b.refuse(withdraw, code(E::InitialMarginShortfall));
    b.prices_at(1, 250);
    let ix = b.flag_ix();
    b.w.rt.process(&[ix], &[]).assert_ok();
}

#[test]
fn margin_call_settings_tighten_at_once_and_loosen_after_the_delay() {
    let (mut w, listed, admin) = guarded_world();
    let watched = [w.group];
    let strict = MarginCallConfig { grace_seconds: 0, hard_threshold: 0, cure_buffer: FX / 5, ..CONFIG };
    let outcome = w.rt.process(&[set_margin_call_ix(&w, &admin.pubkey(), strict)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<MarginCallConfigChanged>()[0].after, strict);
    // A window, a deeper threshold and a smaller buffer each loosen: queued, then applied after the delay.
    let slot = w.rt.clock().slot;
    let outcome = w.rt.process(&[set_margin_call_ix(&w, &admin.pubkey(), CONFIG)], &[&admin]);
    let queued = &outcome.assert_ok().events::<MarginCallConfigQueued>()[0];
    assert_eq!((queued.current, queued.proposed, queued.due_slot), (strict, CONFIG, slot + DELAY));
    assert_eq!(group(&w).margin_call, strict);
    w.assert_refused(apply_margin_call_ix(&w, &admin.pubkey()), &[&admin], code(E::ChangeNotDue), &watched);
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(set_margin_call_ix(&w, &stranger.pubkey(), strict), &[&stranger], code(E::NotAdmin), &watched);
    for bad in [
        MarginCallConfig { hard_threshold: FX + 1, ..CONFIG },
        MarginCallConfig { cure_buffer: FX + 1, ..CONFIG },
        MarginCallConfig { grace_seconds: tightrope::state::MAX_GRACE_SECONDS + 1, ..CONFIG },
        MarginCallConfig { liquidation_target: FX + 1, ..CONFIG },
        MarginCallConfig { insurance_share: FX + 1, ..CONFIG },
        MarginCallConfig { dust: u64::MAX, ..CONFIG },
    ] {
        w.assert_refused(set_margin_call_ix(&w, &admin.pubkey(), bad), &[&admin], code(E::InvalidParameters), &watched);
    }
    wait_delay(&mut w, &listed);
    let outcome = w.rt.process(&[apply_margin_call_ix(&w, &admin.pubkey())], &[&admin]);
    assert!(outcome.assert_ok().events::<MarginCallConfigChanged>()[0].from_queue);
    assert_eq!(group(&w).margin_call, CONFIG);
    w.assert_refused(apply_margin_call_ix(&w, &admin.pubkey()), &[&admin], code(E::NothingQueued), &watched);
    // The liquidation terms decide what a liquidated trader loses: any move of them waits too.
    for terms in [
        MarginCallConfig { liquidation_target: FX / 50, ..CONFIG },
        MarginCallConfig { insurance_share: FX / 2, ..CONFIG },
        MarginCallConfig { dust: USDC, ..CONFIG },
    ] {
        let outcome = w.rt.process(&[set_margin_call_ix(&w, &admin.pubkey(), terms)], &[&admin]);
        assert_eq!(outcome.assert_ok().events::<MarginCallConfigQueued>()[0].proposed, terms);
        assert_eq!(group(&w).margin_call, CONFIG);
    }
}

#[test]
fn switching_to_a_model_the_account_meets_clears_the_call() {
    let mut b = called_book();
    // At 160 the 5 SOL short needs 30% under rules (health −40) but TIMS asks 22.5% initial, 15% maintenance:
    // equity 200 against 180 initial and 120 maintenance, 10% of which the cure buffer asks.
    b.prices_at(1, 160);
    let ix = b.flag_ix();
    b.w.rt.process(&[ix], &[]).assert_ok();
    let trader = b.trader.clone();
    let outcome = b.w.set_model(&trader, tightrope::state::MarginModel::Tims);
    let cleared = &outcome.assert_ok().events::<MarginCallCleared>()[0];
    assert!(cleared.health.maintenance_health * 10 >= cleared.health.maintenance_requirement, "{:?}", cleared.health);
    assert_eq!(b.called_at(), None);
}

#[test]
fn beyond_the_hard_threshold_no_call_or_window_is_needed() {
    let mut b = called_book();
    let trader = b.trader.clone();
    // At 175 health is −137.5, within −100% of the 262.5 requirement; at 240 the short is worth 1,200: equity −200.
    b.prices_at(1, 175);
    assert!(!b.w.health(&trader).1.liquidatable);
    b.prices_at(1, 240);
    let (_, reported) = b.w.health(&trader);
    assert_eq!((reported.margin_call_at, reported.liquidatable), (None, true), "{:?}", reported.health);
}
