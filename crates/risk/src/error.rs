//! The one error type. Every arithmetic path returns one of these instead of panicking or wrapping.

use core::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskError {
    /// An intermediate or result left the range of its integer type: the inputs are outside the documented bounds.
    Overflow,
    /// A division by zero was asked for (a zero price or denominator reached a place that needs it positive).
    DivisionByZero,
    /// A position, tier or offset names an asset or tier index that is not in the portfolio.
    UnknownIndex,
    /// More assets, tiers, positions or valuation points than the fixed capacities allow.
    TooMany,
    /// A price is zero, negative or above `MAX_PRICE`, or a confidence interval is negative.
    PriceOutOfRange,
    /// A rate, share, band, volatility or multiplier is negative or above its documented maximum.
    RateOutOfRange,
    /// Asset decimals above `MAX_DECIMALS`.
    DecimalsOutOfRange,
    /// A tier's band (after the initial multiplier) would push a price to zero or below, or its point counts are bad.
    InvalidTier,
    /// Tiers in one product group disagree on their number of valuation points, so points cannot be aligned.
    MisalignedGroup,
    /// An option's strike, multiplier or expiry is outside the documented bounds.
    InvalidOption,
    /// A spot balance for the same asset appears twice (liquidation needs one balance per asset).
    DuplicateSpot,
    /// Liquidation was asked for an account whose maintenance health is not negative.
    NotLiquidatable,
    /// Liquidation was asked for a liability or collateral the account does not hold.
    NothingToLiquidate,
}

impl fmt::Display for RiskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for RiskError {}

pub type Result<T> = core::result::Result<T, RiskError>;
