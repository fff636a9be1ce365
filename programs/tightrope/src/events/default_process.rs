//! Events of an account's way down: margin calls, liquidations, bad debt, and the insurance fund that pays first.
use anchor_lang::prelude::*;

use super::{HealthFigures, PriceUsed};
use crate::state::MarginCallConfig;

/// Tokens added to an asset's insurance fund (anyone may).
#[event]
pub struct InsuranceFunded {
    pub asset: Pubkey,
    pub funder: Pubkey,
    pub amount: u64,
    pub insurance_after: u128,
    pub vault_amount_after: u64,
}

#[event]
pub struct InsuranceWithdrawalQueued {
    pub asset: Pubkey,
    pub amount: u64,
    pub insurance: u128,
    pub queued_at_slot: u64,
    pub due_slot: u64,
}

/// The admin took tokens out of an asset's insurance fund after the guards' delay.
#[event]
pub struct InsuranceWithdrawn {
    pub asset: Pubkey,
    pub destination: Pubkey,
    pub amount: u64,
    pub insurance_after: u128,
    pub vault_amount_after: u64,
}

/// A margin call opened on an account below maintenance: its grace window ends at `deadline` (at once when the
/// account was already beyond the hard threshold).
#[event]
pub struct MarginCallOpened {
    pub margin_account: Pubkey,
    pub called_at: i64,
    pub deadline: i64,
    pub beyond_hard_threshold: bool,
    pub health: HealthFigures,
    pub prices: Vec<PriceUsed>,
}

/// A margin call cleared: maintenance health reached the cure buffer.
#[event]
pub struct MarginCallCleared {
    pub margin_account: Pubkey,
    pub called_at: i64,
    pub cleared_at: i64,
    pub health: HealthFigures,
    pub prices: Vec<PriceUsed>,
}

#[event]
pub struct MarginCallConfigQueued {
    pub group: Pubkey,
    pub current: MarginCallConfig,
    pub proposed: MarginCallConfig,
    pub queued_at_slot: u64,
    pub due_slot: u64,
}

#[event]
pub struct MarginCallConfigChanged {
    pub group: Pubkey,
    pub before: MarginCallConfig,
    pub after: MarginCallConfig,
    pub from_queue: bool,
    pub discarded_pending: bool,
}

/// One liquidation: the liquidator took over `repay` of the liquidated account's liability and received
/// `seize − insurance_fee` of its collateral; the insurance fund received `insurance_fee`. Health figures are
/// maintenance and initial, before and after, for both accounts; prices are every price each evaluation used.
#[event]
pub struct Liquidated {
    pub group: Pubkey,
    pub liquidatee: Pubkey,
    pub liquidator: Pubkey,
    pub liability_asset: Pubkey,
    pub collateral_asset: Pubkey,
    pub repay: u64,
    pub seize: u64,
    pub insurance_fee: u64,
    /// The discount (fixed point 10^12) the seizure was priced at: the larger of the two assets' discounts.
    pub discount: u64,
    /// The maintenance health the size aimed at, and the caller's maximum repay.
    pub target_health: i128,
    pub max_repay: u64,
    pub liquidatee_before: HealthFigures,
    pub liquidatee_after: HealthFigures,
    pub liquidator_before: HealthFigures,
    pub liquidator_after: HealthFigures,
    pub liquidatee_prices: Vec<PriceUsed>,
    pub liquidator_prices: Vec<PriceUsed>,
    /// When the liquidatee's margin call was made (0: none), and whether this liquidation cured it.
    pub margin_call_at: i64,
    pub margin_call_cleared: bool,
    pub insurance_after: u128,
}

/// One liability of a bankrupt account written off: the insurance fund's balance of the asset paid `covered`, the
/// rest was socialized over the asset's depositors by lowering the deposit index. The index moves in steps of
/// 10^-12, so depositors' claims fall by `socialized` rounded up to a step; that excess (`dust_to_fees`, under one
/// native unit per 10^12 deposit shares) goes to the protocol's fees, so tokens stay accounted for exactly.
#[event]
pub struct BadDebtResolved {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub asset: Pubkey,
    pub bad_debt: u64,
    pub covered: u64,
    pub socialized: u64,
    pub dust_to_fees: u64,
    /// The part of `socialized` beyond every deposit, taken from the protocol's fees (interest it kept).
    pub from_fees: u64,
    pub deposit_index_before: i128,
    pub deposit_index_after: i128,
    pub deposits_before: u128,
    pub deposits_after: u128,
    pub insurance_after: u128,
}
