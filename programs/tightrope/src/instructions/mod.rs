//! One file per instruction (deposit/repay and withdraw/borrow share their accounts): accounts with their checks,
//! and a thin handler.
pub mod accrue_interest;
pub mod add_asset;
pub mod admin;
pub mod apply_asset_change;
pub mod apply_guard_change;
pub mod apply_tier_change;
pub mod close_margin_account;
pub mod create_margin_account;
pub mod health;
pub mod init_group;
pub mod insurance;
pub mod liquidate;
pub mod margin_call;
pub mod move_in;
pub mod move_out;
pub mod observe_price;
pub mod resolve_bad_debt;
pub mod set_delegate;
pub mod set_guards;
pub mod set_margin_call;
pub mod set_margin_model;
pub mod set_pause;
pub mod set_tiers;
pub mod update_asset;

// Anchor's `#[program]` needs each module's generated account types at the crate root; the `handler`s these globs
// also bring along are always called by their module path.
#[allow(ambiguous_glob_reexports)]
pub use accrue_interest::*;
pub use add_asset::*;
pub use admin::*;
pub use close_margin_account::*;
pub use create_margin_account::*;
pub use health::*;
pub use init_group::*;
pub use insurance::*;
#[allow(ambiguous_glob_reexports)]
pub use liquidate::*;
pub use margin_call::*;
#[allow(ambiguous_glob_reexports)]
pub use move_in::*;
pub use move_out::*;
pub use observe_price::*;
#[allow(ambiguous_glob_reexports)]
pub use resolve_bad_debt::*;
pub use set_delegate::*;
#[allow(ambiguous_glob_reexports)]
pub use set_margin_model::*;
