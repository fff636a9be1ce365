//! Tightrope: one cross-margin account per trader holding SPL-token collateral and positions, margined under a
//! rules-based or a TIMS-style portfolio model (the risk engine arrives in `crates/risk`).
//!
//! Handlers stay thin: `instructions/` loads and checks accounts, `state/` owns the account layouts and their
//! bookkeeping, `token.rs` moves tokens, `events.rs` records every state change with the inputs that produced it.
use anchor_lang::prelude::*;

pub mod errors;
pub mod events;
pub mod instructions;
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

    /// Lists a mint in the group with a program-owned vault and the Pyth feed that will price it.
    pub fn add_asset(ctx: Context<AddAsset>, feed_id: [u8; 32]) -> Result<()> {
        instructions::add_asset::handler(ctx, feed_id)
    }

    /// Opens the owner's margin account number `account_num` in the group.
    pub fn create_margin_account(ctx: Context<CreateMarginAccount>, account_num: u32) -> Result<()> {
        instructions::create_margin_account::handler(ctx, account_num)
    }

    /// Moves `amount` native units of the asset from the owner's token account into the vault.
    pub fn deposit(ctx: Context<Deposit>, amount: u64) -> Result<()> {
        instructions::deposit::handler(ctx, amount)
    }

    /// Moves `amount` native units from the vault back out, up to the account's own deposit.
    pub fn withdraw(ctx: Context<Withdraw>, amount: u64) -> Result<()> {
        instructions::withdraw::handler(ctx, amount)
    }

    /// Closes an empty margin account and returns its rent to the owner.
    pub fn close_margin_account(ctx: Context<CloseMarginAccount>) -> Result<()> {
        instructions::close_margin_account::handler(ctx)
    }
}
