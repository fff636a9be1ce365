//! Borrowing, oracles, health and margin models through the runtime: each refusal asserts its named error and an
//! unchanged state; health is held to `tightrope_risk` on the same inputs.
mod common;

use common::admin::set_tiers_ix;
use common::book::{Book, USDC};
use common::*;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{HealthBreakdown, HealthReported};
use tightrope::oracle::VerificationLevel;
use tightrope::state::{AssetConfig, Group, MarginModel, TIER_SINGLE};
use tightrope_runtime::pyth;

/// The common book with 1,000 USDC deposited by the trader and 100 SOL supplied by a lender.
fn book() -> Book {
    let mut b = Book::new();
    let (usdc, sol) = (b.usdc.clone(), b.sol.clone());
    b.deposit(&usdc, 1_000 * USDC);
    b.lend(&sol, 100 * SOL);
    b
}

impl Book {
    fn borrow_ix(&mut self, amount: u64) -> solana_sdk::instruction::Instruction {
        self.w.move_out_ix(&self.trader, &self.sol, &self.sol_wallet.clone(), tightrope::instruction::Borrow { amount })
    }

    fn refuse_borrow(&mut self, amount: u64, code: u32) -> tightrope_runtime::TxOutcome {
        let ix = self.borrow_ix(amount);
        self.refuse(ix, code)
    }

    fn health(&mut self) -> HealthReported {
        let trader = Trader { owner: self.trader.owner.insecure_clone(), margin_account: self.trader.margin_account };
        self.w.health(&trader).1
    }

    fn set_model(&mut self, model: MarginModel) -> tightrope_runtime::TxOutcome {
        let trader = self.trader.clone();
        self.w.set_model(&trader, model)
    }
}

#[test]
fn borrowing_within_initial_margin_and_not_past_it() {
    let mut b = book();
    // Borrowed SOL leaves the account: equity is 1,000 − 100·x against a 50% initial charge of 100·x, so at most
    // 6.67 SOL; 25 SOL is refused with the shortfall logged, 5 SOL passes.
    let refused = b.refuse_borrow(25 * SOL, code(E::InitialMarginShortfall));
    assert!(refused.logs.iter().any(|l| l.contains("initial margin shortfall")), "{:#?}", refused.logs);
    let (usdc, sol, owner_wallet) = (b.usdc.asset, b.sol.clone(), b.sol_wallet);
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    b.w.borrow(&trader, &sol, &owner_wallet, 5 * SOL).assert_ok();
    assert_eq!(b.w.rt.token_amount(&owner_wallet), 5 * SOL);
    let report = b.health();
    assert!(report.health.initial_health > 0, "{:?}", report.health);
    assert_eq!(report.prices.iter().map(|p| p.asset).collect::<Vec<_>>(), vec![usdc, sol.asset]);
}

#[test]
fn every_bad_oracle_is_refused_by_name() {
    let mut b = book();
    let feed = b.sol.feed_id;
    let clock = b.w.rt.clock();
    let good = pyth::full_update(feed, 100_00000000, 1_000_000, PRICE_EXPONENT, clock.unix_timestamp, clock.slot);
    let cases: Vec<(&str, Box<dyn Fn(&mut pyth::PriceUpdateV2)>, E)> = vec![
        ("other feed", Box::new(|u| u.price_message.feed_id = [9; 32]), E::OracleFeedMismatch),
        ("stale", Box::new(|u| u.price_message.publish_time -= 61), E::StaleOracle),
        ("too wide", Box::new(|u| u.price_message.conf = 3_00000000), E::OracleConfidenceTooWide),
        ("partial", Box::new(|u| u.verification_level = VerificationLevel::Partial { num_signatures: 5 }), E::OracleNotFullyVerified),
        ("negative", Box::new(|u| u.price_message.price = -1), E::InvalidOraclePrice),
        ("zero", Box::new(|u| u.price_message.price = 0), E::InvalidOraclePrice),
    ];
    for (name, corrupt, error) in cases {
        let mut update = good;
        corrupt(&mut update);
        b.w.rt.set_price_update(&b.sol.oracle, &update);
        let outcome = b.refuse_borrow(SOL, code(error));
        assert!(!outcome.is_ok(), "{name}");
    }
    // Owned by someone other than the Pyth receiver.
    let mut foreign = b.w.rt.account(&b.sol.oracle).unwrap();
    foreign.owner = Pubkey::new_unique();
    b.w.rt.set_account(&b.sol.oracle, foreign);
    b.refuse_borrow(SOL, code(E::OracleWrongOwner));
}

#[test]
fn an_oracle_account_other_than_the_assets_is_refused() {
    let mut b = book();
    let mut ix = b.borrow_ix(SOL);
    let oracle_slot = ix.accounts.iter().position(|m| m.pubkey == b.sol.oracle).unwrap();
    ix.accounts[oracle_slot].pubkey = b.usdc.oracle;
    let (watched, owner) = (b.watched(), b.trader.owner.insecure_clone());
    b.w.assert_refused(ix, &[&owner], code(E::OracleAccountMismatch), &watched);
}

#[test]
fn health_accounts_missing_extra_duplicated_or_reordered_are_refused() {
    let mut b = book();
    let eth = b.w.list(8);
    let eth_wallet = b.w.wallet(&eth, &b.trader.owner.pubkey(), SOL);
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    b.w.deposit(&trader, &eth, &eth_wallet, SOL).assert_ok();
    let base = b.borrow_ix(SOL);
    let named = base.accounts.len() - 4;
    let (watched, owner) = (b.watched(), b.trader.owner.insecure_clone());
    let variants: Vec<Box<dyn Fn(&mut Vec<solana_sdk::instruction::AccountMeta>)>> = vec![
        Box::new(|m| m.truncate(m.len() - 2)),                     // missing a pair
        Box::new(move |m| { let extra = m[named].clone(); m.push(extra) }), // extra
        Box::new(move |m| { let pair = m[named..named + 2].to_vec(); m.splice(named + 2..named + 4, pair); }), // duplicated
        Box::new(move |m| { let (a, b) = (m[named..named + 2].to_vec(), m[named + 2..].to_vec()); m.truncate(named); m.extend(b); m.extend(a); }), // reordered
    ];
    for corrupt in variants {
        let mut ix = base.clone();
        corrupt(&mut ix.accounts);
        let before = b.w.snapshot(&watched);
        let outcome = b.w.rt.process(&[ix], &[&owner]);
        let code = outcome.custom_error();
        assert!(
            code == Some(common::code(E::HealthAccountsMismatch)) || code == Some(common::code(E::OracleAccountMismatch)),
            "{:?}\n{}",
            outcome.result,
            outcome.logs.join("\n")
        );
        assert!(before == b.w.snapshot(&watched), "state changed by a refused transaction");
    }
}

#[test]
fn repaying_more_than_owed_repays_the_debt_and_keeps_the_rest() {
    let mut b = book();
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    let (sol, wallet) = (b.sol.clone(), b.sol_wallet);
    b.w.borrow(&trader, &sol, &wallet, 2 * SOL).assert_ok();
    b.w.rt.mint_to(&sol.mint, &sol.mint_authority, &wallet, SOL);
    b.w.repay(&trader, &sol, &wallet, 10 * SOL).assert_ok();
    assert_eq!(b.w.rt.token_amount(&wallet), SOL, "only the debt left the wallet");
    assert!(b.w.rt.load::<tightrope::state::MarginAccount>(&trader.margin_account).unwrap().balance(&sol.asset).is_none());
    let again = b.w.repay(&trader, &sol, &wallet, 1);
    assert_eq!(again.custom_error(), Some(code(E::NoDebt)));
}

#[test]
fn health_equals_the_risk_engine_on_the_same_inputs() {
    let mut b = book();
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    let (sol, wallet) = (b.sol.clone(), b.sol_wallet);
    b.w.borrow(&trader, &sol, &wallet, 3 * SOL).assert_ok();
    for model in [MarginModel::Rules, MarginModel::Tims] {
        b.set_model(model).assert_ok();
        let report = b.health();
        let account: tightrope::state::MarginAccount = b.w.rt.load(&trader.margin_account).unwrap();
        let inputs = common::engine::EngineInputs::of(&b.w, &account, &report.prices);
        let portfolio = inputs.portfolio();
        let mut breakdown = tightrope_risk::Breakdown::default();
        let expected = tightrope_risk::quote_with_breakdown(&portfolio, model.risk_model(), &mut breakdown).unwrap();
        assert_eq!(report.health, tightrope::events::HealthFigures::from(&expected), "{model:?}");
        assert_eq!(report.model, model);
        assert_eq!(report.breakdown, HealthBreakdown::from(&breakdown), "{model:?}");
        // Rules charge each position; TIMS charges each class (USDC and SOL) at its worst point.
        let charged = match model {
            MarginModel::Rules => report.breakdown.positions.iter().filter(|p| p.initial > 0).count(),
            MarginModel::Tims => report.breakdown.initial.classes.iter().filter(|c| c.loss > 0).count(),
        };
        assert_eq!(charged, 1, "{model:?}: only the SOL borrow carries risk {:#?}", report.breakdown);
    }
}

#[test]
fn a_hedged_account_needs_less_under_tims_than_under_rules() {
    let mut b = book();
    // SOL and ETH, both single names, in one product group that grants half the netting between their classes.
    let admin = b.w.admin.insecure_clone();
    let group: Group = b.w.rt.load(&b.w.group).unwrap();
    let mut tiers = group.tiers().to_vec();
    tiers[usize::from(TIER_SINGLE)].product_group = 0;
    let mut offsets = group.product_group_offsets;
    offsets[0] = FX / 2;
    b.w.rt.process(&[set_tiers_ix(&b.w, &admin.pubkey(), tiers, offsets)], &[&admin]).assert_ok();
    let eth = b.w.list(9);
    let lender = b.w.trader(2);
    let lender_wallet = b.w.wallet(&eth, &lender.owner.pubkey(), 100 * SOL);
    b.w.deposit(&lender, &eth, &lender_wallet, 100 * SOL).assert_ok();
    // Long 10 SOL, short 10 ETH, at 100 each.
    let trader = b.trader.clone();
    let (sol, sol_wallet) = (b.sol.clone(), b.sol_wallet);
    b.w.rt.mint_to(&sol.mint, &sol.mint_authority, &sol_wallet, 10 * SOL);
    b.w.deposit(&trader, &sol, &sol_wallet, 10 * SOL).assert_ok();
    let eth_wallet = b.w.wallet(&eth, &trader.owner.pubkey(), 0);
    b.w.borrow(&trader, &eth, &eth_wallet, 10 * SOL).assert_ok();
    let rules = b.health().health.maintenance_requirement;
    b.set_model(MarginModel::Tims).assert_ok();
    let tims = b.health().health.maintenance_requirement;
    assert!(tims < rules, "TIMS {tims} should be below rules {rules} for a long hedged by a short in its product group");
}

#[test]
fn switching_model_requires_initial_margin_under_the_new_one() {
    let mut b = book();
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    let (sol, wallet) = (b.sol.clone(), b.sol_wallet);
    // Under TIMS a lone SOL borrow is charged its +15% × 1.5 initial scan (22.5%), under rules 50%: with 1,000 USDC,
    // 7.5 SOL borrowed leaves equity 250 against 168.75 under TIMS but 375 under rules.
    b.set_model(MarginModel::Tims).assert_ok();
    b.w.borrow(&trader, &sol, &wallet, 7_500_000_000).assert_ok();
    let outcome = b.set_model(MarginModel::Rules);
    assert_eq!(outcome.custom_error(), Some(code(E::InitialMarginShortfall)), "{}", outcome.logs.join("\n"));
    assert_eq!(b.health().model, MarginModel::Tims);
}

#[test]
fn only_the_owner_can_withdraw_or_borrow() {
    let mut b = book();
    let thief = Keypair::new();
    let mut accounts = b.w.withdraw_accounts(&b.trader, &b.sol, &b.sol_wallet);
    accounts.authority = thief.pubkey();
    let ix = instruction(accounts, tightrope::instruction::Borrow { amount: SOL });
    let watched = b.watched();
    b.w.assert_refused(ix, &[&thief], code(E::NotOwner), &watched);
}

#[test]
fn deposit_and_borrow_caps_are_enforced() {
    let mut b = book();
    let group = b.w.group;
    let capped = b.w.list_with(&group, 9, 100, AssetConfig { deposit_cap: 5 * SOL, borrow_cap: SOL, ..volatile_config() });
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    let wallet = b.w.wallet(&capped, &trader.owner.pubkey(), 10 * SOL);
    let mut watched = vec![trader.margin_account, capped.asset, capped.vault, wallet];
    let over = instruction(b.w.deposit_accounts(&trader, &capped, &wallet), tightrope::instruction::Deposit { amount: 6 * SOL });
    b.w.assert_refused(over, &[&trader.owner], code(E::DepositCapExceeded), &watched);
    // Another account supplies up to the cap; the trader, on its USDC, borrows past the borrow cap and within it.
    let lender = b.w.trader(2);
    let lender_wallet = b.w.wallet(&capped, &lender.owner.pubkey(), 5 * SOL);
    b.w.deposit(&lender, &capped, &lender_wallet, 5 * SOL).assert_ok();
    watched.push(b.usdc.asset);
    let ix = b.w.move_out_ix(&trader, &capped, &wallet, tightrope::instruction::Borrow { amount: 2 * SOL });
    b.w.assert_refused(ix, &[&trader.owner], code(E::BorrowCapExceeded), &watched);
    b.w.borrow(&trader, &capped, &wallet, SOL).assert_ok();
}

#[test]
fn a_seventeenth_balance_is_refused() {
    let mut b = book();
    let trader = Trader { owner: b.trader.owner.insecure_clone(), margin_account: b.trader.margin_account };
    let group = b.w.group;
    // USDC already fills one slot.
    for _ in 0..15 {
        let listed = b.w.list_with(&group, 6, 1, cash_config());
        let wallet = b.w.wallet(&listed, &trader.owner.pubkey(), 1);
        b.w.deposit(&trader, &listed, &wallet, 1).assert_ok();
    }
    let seventeenth = b.w.list_with(&group, 6, 1, cash_config());
    let wallet = b.w.wallet(&seventeenth, &trader.owner.pubkey(), 1);
    let ix = instruction(b.w.deposit_accounts(&trader, &seventeenth, &wallet), tightrope::instruction::Deposit { amount: 1 });
    b.w.assert_refused(ix, &[&trader.owner], code(E::BalanceSlotsFull), &[trader.margin_account, seventeenth.asset, wallet]);
}
