//! One event per state change, carrying the inputs that produced it, so every change can be replayed from logs.
use anchor_lang::prelude::*;

use crate::state::{AssetConfig, GuardConfig, MarginModel, TierConfig, MAX_PRODUCT_GROUPS};

mod default_process;
pub use default_process::*;

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

/// An asset's oracle price recorded as observed; the stable price moved to now toward the previous observation.
#[event]
pub struct PriceObserved {
    pub asset: Pubkey,
    pub price: i128,
    pub conf: i128,
    pub publish_time: i64,
    pub stable_price_before: i128,
    pub stable_price_after: i128,
}

/// Under rules, what one balance adds to equity and to each requirement (zero charges under TIMS). Lines follow
/// the balances in slot order, as `prices` does.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PositionCharge {
    pub equity: i128,
    pub initial: i128,
    pub maintenance: i128,
}

/// Under TIMS, one class (a balance's underlying): its worst valuation point, the price shock and volatility shift
/// there, the loss, and the floor it is held to.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassLoss {
    /// Index into the balances (and `prices`).
    pub balance: u8,
    pub product_group: Option<u8>,
    pub worst_point: Option<u8>,
    pub shock: i128,
    pub vol_shift: i8,
    pub loss: i128,
    pub floor: i128,
}

/// Under TIMS, one product group's offset: the classes' summed worst losses, the worst of their summed P&L, the
/// credit granted at the group's share, and the resulting requirement.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupCredit {
    pub group: u8,
    pub share: i128,
    pub sum_of_worst: i128,
    pub aligned_worst: i128,
    pub credit: i128,
    pub floors: i128,
    pub requirement: i128,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct LevelLines {
    pub classes: Vec<ClassLoss>,
    pub groups: Vec<GroupCredit>,
}

/// The engine's breakdown, so anyone can replay how the requirement was reached.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct HealthBreakdown {
    pub positions: Vec<PositionCharge>,
    pub initial: LevelLines,
    pub maintenance: LevelLines,
}

impl From<&tightrope_risk::breakdown::LevelBreakdown> for LevelLines {
    fn from(level: &tightrope_risk::breakdown::LevelBreakdown) -> Self {
        LevelLines {
            classes: level
                .classes()
                .iter()
                .map(|c| ClassLoss {
                    balance: c.asset,
                    product_group: c.group,
                    worst_point: c.worst_point,
                    shock: c.shock,
                    vol_shift: c.vol_shift,
                    loss: c.loss,
                    floor: c.floor,
                })
                .collect(),
            groups: level
                .groups()
                .iter()
                .map(|g| GroupCredit {
                    group: g.group,
                    share: g.share,
                    sum_of_worst: g.sum_of_worst,
                    aligned_worst: g.aligned_worst,
                    credit: g.credit,
                    floors: g.floors,
                    requirement: g.requirement,
                })
                .collect(),
        }
    }
}

impl From<&tightrope_risk::Breakdown> for HealthBreakdown {
    fn from(b: &tightrope_risk::Breakdown) -> Self {
        HealthBreakdown {
            positions: b
                .positions()
                .iter()
                .map(|p| PositionCharge { equity: p.equity, initial: p.initial, maintenance: p.maintenance })
                .collect(),
            initial: LevelLines::from(&b.initial),
            maintenance: LevelLines::from(&b.maintenance),
        }
    }
}

/// The read-only `health` instruction's answer: the figures it returns, every price used and the breakdown.
#[event]
pub struct HealthReported {
    pub margin_account: Pubkey,
    pub model: MarginModel,
    pub health: HealthFigures,
    pub margin_ratio: Option<i128>,
    /// When the open margin call was made, and whether the account may be liquidated now.
    pub margin_call_at: Option<i64>,
    pub liquidatable: bool,
    pub prices: Vec<PriceUsed>,
    pub breakdown: HealthBreakdown,
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
