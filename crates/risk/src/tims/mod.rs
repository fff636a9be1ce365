//! TIMS portfolio margin: classes revalued at valuation points across their tier's band, netted within a class,
//! partially offset within a product group, floored per option contract and by a share of gross notional.

pub mod class;
pub mod groups;
pub mod scenarios;

pub use groups::tims_requirement;
