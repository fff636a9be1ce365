//! Builders for liquidation and bad-debt resolution, and the group settings the liquidation tests share.
use solana_sdk::instruction::{AccountMeta, Instruction};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope::state::MarginCallConfig;

use super::{cash_config, instruction, Listed, Trader, World, FX, SOL};
use tightrope::state::MAX_BALANCES;

/// No grace window; a liquidation lifts maintenance health to 10% of the requirement; half the discount to the
/// insurance fund; no dust close.
pub const TERMS: MarginCallConfig =
    MarginCallConfig { grace_seconds: 0, hard_threshold: 0, cure_buffer: 0, liquidation_target: FX / 10, insurance_share: FX / 2, dust: 0 };

pub fn set_margin_call_ix(w: &World, config: MarginCallConfig) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: w.admin.pubkey() }, tightrope::instruction::SetMarginCall { config })
}

/// `liquidate` of `liquidatee`'s `liability` against its `collateral` by the `liquidator` account (signed by its
/// owner), with both accounts' health accounts.
pub fn liquidate_ix(w: &mut World, liquidator: &Pubkey, authority: &Pubkey, liquidatee: &Pubkey, liability: &Listed, collateral: &Listed, max_repay: u64) -> Instruction {
    let accounts = tightrope::accounts::Liquidate {
        group: w.group,
        liquidator: *liquidator,
        authority: *authority,
        liquidatee: *liquidatee,
        liability_asset: liability.asset,
        liability_oracle: liability.oracle,
        collateral_asset: collateral.asset,
        collateral_oracle: collateral.oracle,
    };
    let mut ix = instruction(accounts, tightrope::instruction::Liquidate { max_repay });
    let legs = [liability.asset, collateral.asset];
    ix.accounts.extend(w.health_accounts_except(liquidatee, &legs));
    ix.accounts.extend(w.health_accounts_except(liquidator, &legs));
    ix
}

/// `resolve_bad_debt` with the assets the account owes, writable, in slot order.
pub fn resolve_bad_debt_ix(w: &World, margin_account: &Pubkey) -> Instruction {
    let account: tightrope::state::MarginAccount = w.rt.load(margin_account).expect("margin account");
    let mut ix = instruction(tightrope::accounts::ResolveBadDebt { group: w.group, margin_account: *margin_account }, tightrope::instruction::ResolveBadDebt {});
    ix.accounts.extend(account.active_balances().filter(|b| b.borrow_shares() > 0).map(|b| AccountMeta::new(b.asset, false)));
    ix
}

/// A group of 16 assets: a 6-decimal quote at 1 and 15 volatile assets at 100. The liquidatee holds the quote and
/// 14 volatile assets and owes the last one; the liquidator holds all 16. Returns the scene and the two legs.
pub fn full_accounts() -> (World, Trader, Trader, Listed, Listed) {
    let mut w = World::new();
    let group = w.group;
    let mut assets = vec![w.list_with(&group, 6, 1, cash_config())];
    for _ in 1..MAX_BALANCES {
        assets.push(w.list(9));
    }
    w.rt.process(&[set_margin_call_ix(&w, TERMS)], &[&w.admin.insecure_clone()]).assert_ok();
    let (liquidatee, liquidator) = (w.trader(0), w.trader(1));
    for (index, listed) in assets.iter().enumerate() {
        let amount = if index == 0 { 10_000 * 1_000_000 } else { 100 * SOL };
        let wallet = w.wallet(listed, &liquidator.owner.pubkey(), amount);
        w.deposit(&liquidator, listed, &wallet, amount).assert_ok();
        if index < MAX_BALANCES - 1 {
            let small = if index == 0 { 1_000 * 1_000_000 } else { SOL / 10 };
            let wallet = w.wallet(listed, &liquidatee.owner.pubkey(), small);
            w.deposit(&liquidatee, listed, &wallet, small).assert_ok();
        }
    }
    let (debt, quote) = (assets[MAX_BALANCES - 1].clone(), assets[0].clone());
    let wallet = w.wallet(&debt, &liquidatee.owner.pubkey(), 0);
    // With its sixteenth balance the borrow names too many accounts for a legacy transaction.
    let borrow = w.move_out_ix(&liquidatee, &debt, &wallet, tightrope::instruction::Borrow { amount: 5 * SOL });
    w.process_v0(&[borrow], &[&liquidatee.owner]).assert_ok();
    // The borrowed asset doubles: 5 owed at 200 leave equity 140 against a 335 maintenance requirement.
    let now = w.rt.clock().unix_timestamp + 1;
    w.rt.set_unix_timestamp(now);
    for (index, listed) in assets.iter().enumerate() {
        let price = match index { 0 => 1, i if i == MAX_BALANCES - 1 => 200, _ => 100 };
        w.set_price(listed, price * 100_000_000, 0);
    }
    (w, liquidatee, liquidator, debt, quote)
}
