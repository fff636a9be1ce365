//! One file per instruction: its accounts with their checks, and a thin handler.
pub mod add_asset;
pub mod close_margin_account;
pub mod create_margin_account;
pub mod deposit;
pub mod init_group;
pub mod withdraw;

// Anchor's `#[program]` needs each module's generated account types at the crate root; the `handler`s these globs
// also bring along are always called by their module path.
#[allow(ambiguous_glob_reexports)]
pub use add_asset::*;
#[allow(ambiguous_glob_reexports)]
pub use close_margin_account::*;
pub use create_margin_account::*;
pub use deposit::*;
pub use init_group::*;
pub use withdraw::*;
