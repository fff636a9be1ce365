//! One event per state change, carrying the inputs that produced it, so every change can be replayed from logs.
use anchor_lang::prelude::*;

use crate::state::{AssetConfig, GuardConfig, MarginModel, TierConfig, MAX_PRODUCT_GROUPS};

#[event]
pub struct GroupInitialized {
    pub group: Pubkey,
    pub creator: Pubkey,
    pub group_num: u32,
    pub admin: Pubkey,
    pub quote_mint: Pubkey,
    pub guards: GuardConfig,
}

#[event]
pub struct AssetAdded {
    pub group: Pubkey,
    pub asset: Pubkey,
    pub mint: Pubkey,
    pub vault: Pubkey,
    pub token_index: u16,
    pub decimals: u8,
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
    pub config: AssetConfig,
    /// The oracle price and confidence at listing, which seed the stable price.
    pub price: i128,
    pub conf: i128,
}

#[event]
pub struct MarginAccountCreated {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub owner: Pubkey,
    pub account_num: u32,
}

/// A risk-increasing change that waits until `due_slot` (or later, should the delay be tightened meanwhile).
#[event]
pub struct AssetChangeQueued {
    pub group: Pubkey,
    pub asset: Pubkey,
    pub current: AssetConfig,
    pub proposed: AssetConfig,
    pub oracle_current: Pubkey,
    pub oracle_proposed: Pubkey,
    pub feed_id_proposed: [u8; 32],
    pub queued_at_slot: u64,
    pub due_slot: u64,
}

/// Parameters in force from now; `from_queue` when a queued change was applied, `discarded_pending` when an
/// immediate change dropped a queued one.
#[event]
pub struct AssetChanged {
    pub group: Pubkey,
    pub asset: Pubkey,
    pub before: AssetConfig,
    pub after: AssetConfig,
    pub oracle_before: Pubkey,
    pub oracle_after: Pubkey,
    pub feed_id_before: [u8; 32],
    pub feed_id_after: [u8; 32],
    pub from_queue: bool,
    pub discarded_pending: bool,
}

#[event]
pub struct TierChangeQueued {
    pub group: Pubkey,
    pub current: Vec<TierConfig>,
    pub proposed: Vec<TierConfig>,
    pub offsets_current: [u64; MAX_PRODUCT_GROUPS],
    pub offsets_proposed: [u64; MAX_PRODUCT_GROUPS],
    pub queued_at_slot: u64,
    pub due_slot: u64,
}

#[event]
pub struct TiersChanged {
    pub group: Pubkey,
    pub before: Vec<TierConfig>,
    pub after: Vec<TierConfig>,
    pub offsets_before: [u64; MAX_PRODUCT_GROUPS],
    pub offsets_after: [u64; MAX_PRODUCT_GROUPS],
    pub from_queue: bool,
    pub discarded_pending: bool,
}

#[event]
pub struct GuardChangeQueued {
    pub group: Pubkey,
    pub current: GuardConfig,
    pub proposed: GuardConfig,
    pub queued_at_slot: u64,
    pub due_slot: u64,
}

#[event]
pub struct GuardsChanged {
    pub group: Pubkey,
    pub before: GuardConfig,
    pub after: GuardConfig,
    pub from_queue: bool,
    pub discarded_pending: bool,
}

#[event]
pub struct PauseChanged {
    pub group: Pubkey,
    pub before: u8,
    pub after: u8,
}

#[event]
pub struct DelegateChanged {
    pub margin_account: Pubkey,
    pub owner: Pubkey,
    pub before: Pubkey,
    pub after: Pubkey,
}

/// The price inputs of one asset as a health check used them (fixed point 10^12, quote per whole unit).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceUsed {
    pub asset: Pubkey,
    pub price: i128,
    pub conf: i128,
    pub stable_price: i128,
    pub publish_time: i64,
}

/// A health evaluation's figures, quote minor units (6 decimals).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct HealthFigures {
    pub equity: i128,
    pub initial_equity: i128,
    pub initial_requirement: i128,
    pub maintenance_requirement: i128,
    pub initial_health: i128,
    pub maintenance_health: i128,
}

impl From<&tightrope_risk::Quote> for HealthFigures {
    fn from(quote: &tightrope_risk::Quote) -> Self {
        HealthFigures {
            equity: quote.equity,
            initial_equity: quote.initial_equity,
            initial_requirement: quote.initial_requirement,
            maintenance_requirement: quote.maintenance_requirement,
            initial_health: quote.initial_health,
            maintenance_health: quote.maintenance_health,
        }
    }
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BalanceChangeKind {
    Deposit,
    Withdraw,
    Borrow,
    Repay,
}

/// A deposit, withdrawal, borrow or repayment: the amount moved, the shares and indices it used, the totals it
/// left, and for withdrawals and borrows the health before and after with every price used.
#[event]
pub struct BalanceChanged {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub asset: Pubkey,
    pub kind: BalanceChangeKind,
    /// Native units moved.
    pub amount: u64,
    pub deposit_shares_after: u128,
    pub borrow_shares_after: u128,
    pub deposit_index: i128,
    pub borrow_index: i128,
    pub asset_deposits_after: u128,
    pub asset_borrows_after: u128,
    pub vault_amount_after: u64,
    pub health_before: Option<HealthFigures>,
    pub health_after: Option<HealthFigures>,
    pub prices: Vec<PriceUsed>,
}

#[event]
pub struct InterestAccrued {
    pub asset: Pubkey,
    pub elapsed_seconds: i64,
    pub deposit_index: i128,
    pub borrow_index: i128,
    pub interest: u128,
    pub protocol_fee: u128,
}

/// The read-only `health` instruction's answer (also its return data).
#[event]
pub struct HealthReported {
    pub margin_account: Pubkey,
    pub model: MarginModel,
    pub health: HealthFigures,
    pub margin_ratio: Option<i128>,
    pub prices: Vec<PriceUsed>,
}

#[event]
pub struct MarginModelChanged {
    pub margin_account: Pubkey,
    pub from: MarginModel,
    pub to: MarginModel,
    pub health_after: HealthFigures,
    pub prices: Vec<PriceUsed>,
}

#[event]
pub struct MarginAccountClosed {
    pub group: Pubkey,
    pub margin_account: Pubkey,
    pub owner: Pubkey,
}
