//! Risk parameters as stored: rates and shares are the risk engine's fixed point (10^12) in a `u64` (all are ≤ 10),
//! converted to `tightrope_risk` types on load so the program and the engine read one set of numbers.
use anchor_lang::prelude::*;
use tightrope_risk::{Fx, RulesRates, Tier, FX_ONE};

use crate::errors::TightropeError;
use crate::math::interest::InterestModel;

pub const MAX_TIERS: usize = 8;
pub const MAX_PRODUCT_GROUPS: usize = 4;
/// `TierConfig::product_group` when the tier belongs to none.
pub const NO_PRODUCT_GROUP: u8 = u8::MAX;

fn fx(value: u64) -> Fx {
    Fx::from(value)
}

/// A TIMS risk tier (see `tightrope_risk::Tier`). Stored in `Group` and passed to `set_tiers`, so Pod and borsh
/// like `RulesConfig`; `reserved` must be zero.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct TierConfig {
    pub band_down: u64,
    pub band_up: u64,
    pub vol_down: u64,
    pub vol_up: u64,
    pub initial_multiplier: u64,
    pub per_contract_min: u64,
    pub floor_share: u64,
    pub points_down: u8,
    pub points_up: u8,
    pub product_group: u8,
    pub reserved: [u8; 5],
}

impl TierConfig {
    pub fn to_tier(&self) -> Tier {
        Tier {
            band_down: fx(self.band_down),
            band_up: fx(self.band_up),
            points_down: self.points_down,
            points_up: self.points_up,
            vol_down: fx(self.vol_down),
            vol_up: fx(self.vol_up),
            initial_multiplier: fx(self.initial_multiplier),
            per_contract_min: fx(self.per_contract_min),
            floor_share: fx(self.floor_share),
            product_group: (self.product_group != NO_PRODUCT_GROUP).then_some(self.product_group),
            // Stored tiers have no crypto add-ons yet.
            vol_term: tightrope_risk::VolTerm::OFF,
            extreme: tightrope_risk::ExtremeMove::OFF,
        }
    }

    /// Stores an engine tier; `None` when a value does not fit the stored range.
    pub fn from_tier(tier: &Tier) -> Option<Self> {
        let u = |v: Fx| u64::try_from(v).ok();
        Some(TierConfig {
            band_down: u(tier.band_down)?,
            band_up: u(tier.band_up)?,
            vol_down: u(tier.vol_down)?,
            vol_up: u(tier.vol_up)?,
            initial_multiplier: u(tier.initial_multiplier)?,
            per_contract_min: u(tier.per_contract_min)?,
            floor_share: u(tier.floor_share)?,
            points_down: tier.points_down,
            points_up: tier.points_up,
            product_group: tier.product_group.unwrap_or(NO_PRODUCT_GROUP),
            reserved: [0; 5],
        })
    }

    /// Rejects a tier the engine would refuse, a product group the group does not have, or non-zero padding.
    pub fn validate(&self) -> Result<()> {
        require!(
            self.reserved == [0; 5]
                && (self.product_group == NO_PRODUCT_GROUP || usize::from(self.product_group) < MAX_PRODUCT_GROUPS)
                && tightrope_risk::validate::check_tier(&self.to_tier()).is_ok(),
            TightropeError::InvalidParameters
        );
        Ok(())
    }
}

/// Per-asset rules-based rates (see `tightrope_risk::RulesRates`). Stored in `Asset` and passed in `AssetConfig`:
/// Pod for the zero-copy account, borsh for the instruction (all `u64`, so both layouts are the same bytes).
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct RulesConfig {
    pub initial_long: u64,
    pub initial_short: u64,
    pub maintenance_long: u64,
    pub maintenance_short: u64,
    pub house_rate: u64,
    pub house_per_unit: u64,
    pub option_rate: u64,
    pub option_min_rate: u64,
}

impl RulesConfig {
    pub fn to_rates(&self) -> RulesRates {
        RulesRates {
            initial_long: fx(self.initial_long),
            initial_short: fx(self.initial_short),
            maintenance_long: fx(self.maintenance_long),
            maintenance_short: fx(self.maintenance_short),
            house_rate: fx(self.house_rate),
            house_per_unit: fx(self.house_per_unit),
            option_rate: fx(self.option_rate),
            option_min_rate: fx(self.option_min_rate),
        }
    }
}

/// The kinked utilization interest model (see `math::interest::InterestModel`), annual rates; Pod and borsh as
/// `RulesConfig`.
#[repr(C)]
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq, AnchorSerialize, AnchorDeserialize, bytemuck::Pod, bytemuck::Zeroable)]
pub struct InterestConfig {
    pub optimal_utilization: u64,
    pub rate_at_zero: u64,
    pub rate_at_optimal: u64,
    pub rate_at_max: u64,
    pub protocol_fee_share: u64,
}

impl InterestConfig {
    pub fn to_model(&self) -> InterestModel {
        InterestModel {
            optimal_utilization: fx(self.optimal_utilization),
            rate_at_zero: fx(self.rate_at_zero),
            rate_at_optimal: fx(self.rate_at_optimal),
            rate_at_max: fx(self.rate_at_max),
            protocol_fee_share: fx(self.protocol_fee_share),
        }
    }
}

/// Everything an admin sets when listing or updating an asset.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssetConfig {
    pub tier: u8,
    pub oracle_max_age_seconds: u32,
    /// Highest accepted confidence / price (fixed point 10^12).
    pub max_conf_ratio: u64,
    /// Fastest relative move of the stable price per second (fixed point 10^12).
    pub stable_max_move_per_second: u64,
    pub deposit_cap: u64,
    pub borrow_cap: u64,
    pub rules: RulesConfig,
    pub interest: InterestConfig,
    /// A liquidator buys this asset's collateral (or takes over its debt) this fraction below the mark (fixed
    /// point 10^12, ≤ `MAX_LIQUIDATION_DISCOUNT`); a liquidation uses the larger of its two legs' discounts.
    pub liquidation_discount: u64,
}

/// The most a liquidation may take off the collateral's mark: 20%.
pub const MAX_LIQUIDATION_DISCOUNT: u64 = 200_000_000_000;

impl AssetConfig {
    /// Rejects parameters the engine or the interest model would refuse, and a tier the group does not have.
    pub fn validate(&self, tier_count: u8) -> Result<()> {
        let rules = [
            self.rules.initial_long,
            self.rules.initial_short,
            self.rules.maintenance_long,
            self.rules.maintenance_short,
            self.rules.house_rate,
            self.rules.option_rate,
            self.rules.option_min_rate,
        ];
        let within = |v: u64| fx(v) <= tightrope_risk::model::MAX_RATE;
        let ordered = self.rules.maintenance_long <= self.rules.initial_long
            && self.rules.maintenance_short <= self.rules.initial_short;
        // A long is never charged more than its value: a deposit must not lower the account's health.
        let long_within_value = fx(self.rules.initial_long) + fx(self.rules.house_rate) <= FX_ONE;
        require!(
            self.tier < tier_count
                && rules.iter().all(|&v| within(v))
                && ordered
                && long_within_value
                && self.oracle_max_age_seconds > 0
                && self.max_conf_ratio > 0
                && fx(self.max_conf_ratio) <= FX_ONE
                && fx(self.stable_max_move_per_second) <= FX_ONE
                && self.interest.to_model().validate().is_ok()
                && self.liquidation_discount <= MAX_LIQUIDATION_DISCOUNT,
            TightropeError::InvalidAssetConfig
        );
        Ok(())
    }
}

/// An asset's guarded parameters as stored, current or pending (`AssetConfig` without padding is the argument form).
#[zero_copy]
#[derive(Default, Debug, PartialEq, Eq)]
pub struct AssetParams {
    pub max_conf_ratio: u64,
    pub stable_max_move_per_second: u64,
    pub deposit_cap: u64,
    pub borrow_cap: u64,
    pub rules: RulesConfig,
    pub interest: InterestConfig,
    pub liquidation_discount: u64,
    pub oracle_max_age_seconds: u32,
    pub tier: u8,
    pub reserved: [u8; 3],
}

impl From<&AssetConfig> for AssetParams {
    fn from(c: &AssetConfig) -> Self {
        AssetParams {
            max_conf_ratio: c.max_conf_ratio,
            stable_max_move_per_second: c.stable_max_move_per_second,
            deposit_cap: c.deposit_cap,
            borrow_cap: c.borrow_cap,
            rules: c.rules,
            interest: c.interest,
            liquidation_discount: c.liquidation_discount,
            oracle_max_age_seconds: c.oracle_max_age_seconds,
            tier: c.tier,
            reserved: [0; 3],
        }
    }
}

impl AssetParams {
    pub fn config(&self) -> AssetConfig {
        AssetConfig {
            tier: self.tier,
            oracle_max_age_seconds: self.oracle_max_age_seconds,
            max_conf_ratio: self.max_conf_ratio,
            stable_max_move_per_second: self.stable_max_move_per_second,
            deposit_cap: self.deposit_cap,
            borrow_cap: self.borrow_cap,
            rules: self.rules,
            interest: self.interest,
            liquidation_discount: self.liquidation_discount,
        }
    }
}
