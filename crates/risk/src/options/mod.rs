//! European options, cash-settled in quote: integer Black–Scholes (zero rates) and intrinsic value at expiry.

pub mod black_scholes;
pub mod position;
pub mod qmath;
