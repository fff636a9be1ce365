//! Builders for liquidation and bad-debt resolution, and the group settings the liquidation tests share.
use solana_sdk::instruction::{AccountMeta, Instruction};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope::state::MarginCallConfig;

use super::{instruction, Listed, World, FX};

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
