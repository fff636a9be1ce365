//! Tightrope: one cross-margin account per trader holding SPL-token collateral and positions, margined under a
//! rules-based or a TIMS-style portfolio model (the risk engine arrives in `crates/risk`).
//!
//! Handlers stay thin: `instructions/` loads and checks accounts, `controller/` changes state that spans accounts
//! (balances, health), `math/` holds the pure interest, share, price arithmetic, `state/` owns the account layouts,
//! `token.rs` moves tokens, `events.rs` records every state change with the inputs that produced it. Margin itself
//! is computed by the `tightrope_risk` crate.
use anchor_lang::prelude::*;

use events::BalanceChangeKind;
use state::{AssetConfig, MarginModel};

pub mod controller;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod math;
pub mod oracle;
pub mod pda;
pub mod state;
mod token;

pub use instructions::*;

declare_id!("HrYCjavAtrE61JkMCWfjiU3C3vyroWoU38RxLSbfeB4b");

#[program]
pub mod tightrope {
    use super::*;

    /// Creates a margin group: the admin who lists assets and the quote mint everything is valued in.
    pub fn init_group(ctx: Context<InitGroup>, group_num: u32) -> Result<()> {
        instructions::init_group::handler(ctx, group_num)
    }

    /// Lists a mint with a program-owned vault, its Pyth feed (which must answer now) and its risk parameters.
    pub fn add_asset(ctx: Context<AddAsset>, feed_id: [u8; 32], config: AssetConfig) -> Result<()> {
        instructions::add_asset::handler(ctx, feed_id, config)
    }

    /// Opens the owner's margin account number `account_num` in the group.
    pub fn create_margin_account(ctx: Context<CreateMarginAccount>, account_num: u32) -> Result<()> {
        instructions::create_margin_account::handler(ctx, account_num)
    }

    /// Moves `amount` native units of the asset from the owner's token account into the vault as a deposit.
    pub fn deposit(ctx: Context<MoveIn>, amount: u64) -> Result<()> {
        instructions::move_in::process(ctx, BalanceChangeKind::Deposit, amount)
    }

    /// Repays up to `amount` of the account's debt in the asset; anything beyond the debt stays with the owner.
    pub fn repay(ctx: Context<MoveIn>, amount: u64) -> Result<()> {
        instructions::move_in::process(ctx, BalanceChangeKind::Repay, amount)
    }

    /// Withdraws `amount` of the account's deposit; the account must meet initial margin afterwards. Remaining
    /// accounts: (asset, oracle) for every other balance, in balance order.
    pub fn withdraw<'info>(ctx: Context<'_, '_, 'info, 'info, MoveOut<'info>>, amount: u64) -> Result<()> {
        instructions::move_out::process(ctx, BalanceChangeKind::Withdraw, amount)
    }

    /// Borrows `amount` of the asset out of the vault; the account must meet initial margin afterwards. Remaining
    /// accounts as for `withdraw`.
    pub fn borrow<'info>(ctx: Context<'_, '_, 'info, 'info, MoveOut<'info>>, amount: u64) -> Result<()> {
        instructions::move_out::process(ctx, BalanceChangeKind::Borrow, amount)
    }

    /// Brings an asset's interest indices to now; anyone may call it.
    pub fn accrue_interest(ctx: Context<AccrueInterest>) -> Result<()> {
        instructions::accrue_interest::handler(ctx)
    }

    /// Reports equity, requirements and health (read-only). Remaining accounts: (asset, oracle) per balance.
    pub fn health<'info>(ctx: Context<'_, '_, 'info, 'info, Health<'info>>) -> Result<HealthReport> {
        instructions::health::handler(ctx)
    }

    /// Switches the margin model, if the account meets initial margin under the new one. Remaining accounts:
    /// (asset, oracle) per balance.
    pub fn set_margin_model<'info>(ctx: Context<'_, '_, 'info, 'info, SetMarginModel<'info>>, model: MarginModel) -> Result<()> {
        instructions::set_margin_model::handler(ctx, model)
    }

    /// Closes an empty margin account and returns its rent to the owner.
    pub fn close_margin_account(ctx: Context<CloseMarginAccount>) -> Result<()> {
        instructions::close_margin_account::handler(ctx)
    }
}
