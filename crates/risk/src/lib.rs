//! # Tightrope risk engine
//!
//! One exact, integer-only computation of equity, initial and maintenance requirements, health, margin ratio,
//! liquidation price and liquidation size for a cross-margin account, under two models:
//!
//! * **Rules** ([`Model::Rules`]): strategy-based margin after Reg T / FINRA / CBOE. A position alone is charged
//!   `value × rate + house add-on`; a naked short option premium + rate × underlying − out-of-the-money amount,
//!   floored at premium + min rate × underlying (calls) or strike (puts). Option legs recognised together
//!   (spreads, butterflies, condors, boxes, covered and hedged stock, straddles: [`strategies`]) are charged what
//!   the strategy can lose, never more than alone. Options carry no collateral value.
//! * **TIMS** ([`Model::Tims`]): portfolio margin. Positions on one underlying form a class, revalued at equidistant
//!   valuation points across the tier's band (options also at shifted volatility); the worst point is the class
//!   requirement; product groups offset a share; floors per option contract and on gross notional.
//!
//! ## Number formats
//! * **Money**: `i128` integer minor units of the quote asset, **6 decimals** (`1.000000` quote = `1_000_000`).
//! * **Fixed point (`Fx`)**: `i128` scaled by **10^12** for every price (quote per whole unit), rate, share, band,
//!   volatility and ratio. `0.375` = `375_000_000_000`.
//! * Quantities are native integers of the asset (`decimals` per asset, ≤ 12); the value of `q` native units at
//!   price `P` is `q × P / 10^(decimals + 6)` money. Products go through [`fixed::mul_div`], which keeps a 256-bit
//!   intermediate so nothing overflows before the division.
//! * Black–Scholes internals use binary fixed point (Q48/Q62, see [`options::qmath`]); its output is Fx.
//!
//! ## Rounding
//! Every rounding is explicit ([`fixed::Rounding`]) and goes against the account: holdings and equity round down
//! (toward −∞), liabilities, losses and requirements round up (toward +∞), offset credits round down, scenario bands
//! and moves round outward. Divisions inside the option kernel truncate; shifts floor. The TypeScript mirror follows
//! the same integer operations (BigInt `/` truncates and `>>` floors like Rust's on these ranges).
//!
//! ## Bounds
//! Nothing panics for any input: out-of-range inputs are rejected by [`validate::validate`] with a named
//! [`RiskError`], and arithmetic that could still overflow is checked. Within these bounds every evaluation returns
//! `Ok` (property-tested):
//! * ≤ [`MAX_ASSETS`] assets and tiers, ≤ [`MAX_POSITIONS`] positions, ≤ [`MAX_POINTS_PER_SIDE`] points per side;
//! * decimals ≤ 12; prices and stable prices in `[10^-12, 10^9]` quote, confidence in `[0, 10^9]`;
//! * rates, multipliers, volatilities ≤ 10 (1,000%, shifted-up volatility included); bands and shares ≤ 1;
//!   band × initial multiplier ≤ 100%;
//! * each position's notional (and an option's strike notional) ≤ 10^12 quote;
//! * option expiry ≤ 100 years after `now`; carry rates (interest, yield) in `[0, 1]`.
//!
//! ## Work and memory
//! No allocation, no floats, no I/O, no threads in the core (`default-features = false` builds without `std`).
//! Work is bounded by positions × valuation points × 2 volatility shifts × 2 levels Black–Scholes evaluations
//! plus `MAX_ASSETS × positions` bookkeeping, and under rules positions² pairing steps per level; the largest stack
//! frame is a class scan (~3 KiB of point arrays); strategy pairing keeps ~1.5 KiB of free units in its entry
//! frame and its spread list and cover records in frames of their own.
//!
//! ## Black–Scholes accuracy
//! Merton's model with each underlying's rate and yield (both zero by default); intrinsic at and after expiry.
//! Against an f64 reference with libm's `erfc`, the integer value per unit is within `2e-13 × (spot + strike) +
//! 2·10^-12` quote over the tested grids, with and without carry, deep in the money, 30 years out and an hour
//! from expiry (see `tests/black_scholes_accuracy.rs`); the normal CDF is within 1e-14 absolute.

#![cfg_attr(not(feature = "std"), no_std)]
#![forbid(unsafe_code)]

pub mod breakdown;
pub mod engine;
pub mod equity;
pub mod error;
pub mod fixed;
pub mod liquidation;
pub mod marks;
pub mod model;
pub mod options;
#[cfg(feature = "std")]
pub mod owned;
pub mod rng;
pub mod rules;
pub mod strategies;
pub mod tims;
pub mod validate;
mod wide;

#[cfg(feature = "cli")]
pub mod cli;

pub use breakdown::Breakdown;
pub use engine::{health, quote, quote_with_breakdown, Quote};
pub use error::RiskError;
pub use fixed::{Fx, Money, FX_ONE};
pub use liquidation::price::{liquidation_prices, LiquidationPrices};
#[cfg(feature = "std")]
pub use liquidation::sizing::liquidation_size;
pub use liquidation::sizing::{liquidation_size_in, LiquidationSize, LiquidationTerms};
pub use model::*;
#[cfg(feature = "std")]
pub use owned::OwnedPortfolio;
