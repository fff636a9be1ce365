//! State changes that need more than one account or more than one step: moving balances, pricing an account and
//! computing its health, margin calls, and guarded parameter changes.
pub mod balance;
pub mod health;
pub mod margin_call;
pub mod params;
