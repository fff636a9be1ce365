//! State changes that need more than one account: pricing an account's balances and computing its health.
pub mod balance;
pub mod health;
