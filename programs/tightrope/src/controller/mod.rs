//! State changes that need more than one account or more than one step: moving balances, pricing an account and
//! computing its health, margin calls, liquidation and bad debt, and guarded parameter changes.
pub mod bad_debt;
pub mod balance;
pub mod health;
pub mod liquidation;
pub mod margin_call;
pub mod params;
