//! Tightrope: one cross-margin account per trader holding SPL-token collateral and positions, margined under a
//! rules-based or a TIMS-style portfolio model (the risk engine arrives in `crates/risk`).
//!
//! Handlers stay thin: `instructions/` loads and checks accounts, `controller/` changes state that spans accounts
//! (balances, health), `math/` holds the pure interest, share, price arithmetic, `state/` owns the account layouts,
//! `token.rs` moves tokens, `events.rs` records every state change with the inputs that produced it. Margin itself
//! is computed by the `tightrope_risk` crate.
use anchor_lang::prelude::*;

use events::BalanceChangeKind;
use state::{AssetConfig, GuardConfig, MarginCallConfig, MarginModel, TierConfig, MAX_PRODUCT_GROUPS};

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

    /// Creates a margin group: the admin who lists assets, the quote mint everything is valued in, and the guards
    /// on parameter changes (a group usually starts with no delay, lists its assets, then tightens them).
    pub fn init_group(ctx: Context<InitGroup>, group_num: u32, guards: GuardConfig) -> Result<()> {
        instructions::init_group::handler(ctx, group_num, guards)
    }

    /// Lists a mint with a program-owned vault, its Pyth feed (which must answer now) and its risk parameters.
    /// With a delay in force its caps stay zero until the listing is applied by `apply_asset_change`.
    pub fn add_asset(ctx: Context<AddAsset>, feed_id: [u8; 32], config: AssetConfig) -> Result<()> {
        instructions::add_asset::handler(ctx, feed_id, config)
    }

    /// Changes an asset's parameters or oracle: at once if the change only removes risk (discarding any queued
    /// change), else within the step limits and queued for the group's delay.
    pub fn update_asset(ctx: Context<AssetAdmin>, feed_id: [u8; 32], config: AssetConfig) -> Result<()> {
        instructions::update_asset::handler(ctx, feed_id, config)
    }

    /// Applies the asset's queued change once its delay has passed.
    pub fn apply_asset_change(ctx: Context<AssetAdmin>) -> Result<()> {
        instructions::apply_asset_change::handler(ctx)
    }

    /// Replaces the group's risk tiers and product-group offsets, guarded like `update_asset`.
    pub fn set_tiers(ctx: Context<GroupAdmin>, tiers: Vec<TierConfig>, product_group_offsets: [u64; MAX_PRODUCT_GROUPS]) -> Result<()> {
        instructions::set_tiers::handler(ctx, tiers, product_group_offsets)
    }

    /// Applies the group's queued tier change once its delay has passed.
    pub fn apply_tier_change(ctx: Context<GroupAdmin>) -> Result<()> {
        instructions::apply_tier_change::handler(ctx)
    }

    /// Sets the guards: tightening applies at once, loosening waits the delay in force.
    pub fn set_guards(ctx: Context<GroupAdmin>, guards: GuardConfig) -> Result<()> {
        instructions::set_guards::handler(ctx, guards)
    }

    /// Applies the group's queued guard change once its delay has passed.
    pub fn apply_guard_change(ctx: Context<GroupAdmin>) -> Result<()> {
        instructions::apply_guard_change::handler(ctx)
    }

    /// Sets the group's margin-call window, hard threshold and cure buffer, guarded like the guards: stricter at
    /// once, looser after the delay.
    pub fn set_margin_call(ctx: Context<GroupAdmin>, config: MarginCallConfig) -> Result<()> {
        instructions::set_margin_call::handler(ctx, config)
    }

    /// Applies the group's queued loosening of its margin-call settings once its delay has passed.
    pub fn apply_margin_call_change(ctx: Context<GroupAdmin>) -> Result<()> {
        instructions::set_margin_call::apply(ctx)
    }

    /// Adds `amount` native units of the asset to the group's insurance fund, from the signer's token account.
    pub fn fund_insurance(ctx: Context<FundInsurance>, amount: u64) -> Result<()> {
        instructions::insurance::fund(ctx, amount)
    }

    /// Queues the admin's withdrawal of `amount` from the asset's insurance fund behind the guards' delay.
    pub fn request_insurance_withdrawal(ctx: Context<RequestInsuranceWithdrawal>, amount: u64) -> Result<()> {
        instructions::insurance::request_withdrawal(ctx, amount)
    }

    /// Pays out the queued insurance withdrawal once due, within its expiry window.
    pub fn withdraw_insurance(ctx: Context<WithdrawInsurance>) -> Result<()> {
        instructions::insurance::pay_out(ctx)
    }

    /// Pauses or resumes deposits, withdrawals, borrows and repayments (`PAUSE_*` bits).
    pub fn set_pause(ctx: Context<GroupAdmin>, flags: u8) -> Result<()> {
        instructions::set_pause::handler(ctx, flags)
    }

    /// Opens the owner's margin account number `account_num` in the group.
    pub fn create_margin_account(ctx: Context<CreateMarginAccount>, account_num: u32) -> Result<()> {
        instructions::create_margin_account::handler(ctx, account_num)
    }

    /// Moves `amount` native units of the asset from the signer's (owner's or delegate's) token account into the
    /// vault as a deposit.
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

    /// Records the asset's oracle price as observed now, which the stable price then follows; anyone may call it.
    pub fn observe_price(ctx: Context<ObservePrice>) -> Result<()> {
        instructions::observe_price::handler(ctx)
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

    /// Names the account's delegate (the default key for none): it may deposit, repay and set the margin model,
    /// never withdraw or borrow.
    pub fn set_delegate(ctx: Context<SetDelegate>, delegate: Pubkey) -> Result<()> {
        instructions::set_delegate::handler(ctx, delegate)
    }

    /// Opens a margin call on an account below maintenance (anyone may): the grace window starts now. Remaining
    /// accounts: (asset, oracle) per balance.
    pub fn flag_margin_call<'info>(ctx: Context<'_, '_, 'info, 'info, MarginCall<'info>>) -> Result<()> {
        instructions::margin_call::flag(ctx)
    }

    /// Clears an open margin call once maintenance health has reached the cure buffer (anyone may). Remaining
    /// accounts: (asset, oracle) per balance.
    pub fn clear_margin_call<'info>(ctx: Context<'_, '_, 'info, 'info, MarginCall<'info>>) -> Result<()> {
        instructions::margin_call::clear(ctx)
    }

    /// Liquidates part of an account that may be liquidated (anyone may, through their own margin account): the
    /// liquidator takes over up to `max_repay` of one liability and receives collateral at a discount, a share of
    /// which goes to the insurance fund. Remaining accounts: the liquidatee's (asset, oracle) per balance, then the
    /// liquidator's, each skipping the two named assets.
    pub fn liquidate<'info>(ctx: Context<'_, '_, 'info, 'info, Liquidate<'info>>, max_repay: u64) -> Result<()> {
        instructions::liquidate::handler(ctx, max_repay)
    }

    /// Writes off the debt of an account with no collateral left (anyone may): the insurance fund pays first, the
    /// rest is socialized over each asset's depositors. Remaining accounts: the owed assets, writable, in slot order.
    pub fn resolve_bad_debt<'info>(ctx: Context<'_, '_, 'info, 'info, ResolveBadDebt<'info>>) -> Result<()> {
        instructions::resolve_bad_debt::handler(ctx)
    }

    /// Closes an empty margin account and returns its rent to the owner.
    pub fn close_margin_account(ctx: Context<CloseMarginAccount>) -> Result<()> {
        instructions::close_margin_account::handler(ctx)
    }
}
