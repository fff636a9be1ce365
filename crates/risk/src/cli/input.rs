//! The JSON input's shape (documented in docs/risk-json.md): human decimal strings everywhere, prices, rates and
//! shares in quote or plain fractions, quantities in whole units of their asset. `account` converts it.

use serde::Deserialize;

#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ModelName {
    Rules,
    Tims,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub model: ModelName,
    #[serde(default)]
    pub now: i64,
    pub conf_multiplier: Option<String>,
    pub tiers: Vec<TierInput>,
    #[serde(default)]
    pub product_groups: Vec<GroupInput>,
    pub assets: Vec<AssetInput>,
    pub positions: Vec<PositionInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierInput {
    pub name: String,
    pub preset: Option<String>,
    pub band_down: Option<String>,
    pub band_up: Option<String>,
    pub points_down: Option<u8>,
    pub points_up: Option<u8>,
    pub vol_down: Option<String>,
    pub vol_up: Option<String>,
    pub initial_multiplier: Option<String>,
    pub per_contract_min: Option<String>,
    pub floor_share: Option<String>,
    pub product_group: Option<String>,
    pub vol_term_days: Option<u16>,
    pub vol_scale_min: Option<String>,
    pub vol_scale_max: Option<String>,
    pub extreme_multiple: Option<String>,
    pub extreme_weight: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    pub name: String,
    pub offset: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RulesInput {
    pub preset: Option<String>,
    pub initial_long: Option<String>,
    pub initial_short: Option<String>,
    pub maintenance_long: Option<String>,
    pub maintenance_short: Option<String>,
    pub house_rate: Option<String>,
    pub house_per_unit: Option<String>,
    pub option_rate: Option<String>,
    pub option_min_rate: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetInput {
    pub symbol: String,
    pub decimals: u8,
    pub price: String,
    pub conf: Option<String>,
    pub stable_price: Option<String>,
    pub tier: String,
    #[serde(default)]
    pub rules: RulesInput,
    pub rate: Option<String>,
    #[serde(rename = "yield")]
    pub yield_rate: Option<String>,
    pub tracks: Option<TracksInput>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TracksInput {
    pub asset: String,
    pub ratio: String,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum KindName {
    Call,
    Put,
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum PositionInput {
    Spot {
        asset: String,
        deposit: Option<String>,
        borrow: Option<String>,
    },
    #[serde(alias = "future")]
    Perp {
        asset: String,
        quantity: String,
        entry_price: String,
    },
    Option {
        asset: String,
        kind: KindName,
        strike: String,
        /// Unix seconds; or `expiry_days` after `now`.
        expiry_seconds: Option<i64>,
        expiry_days: Option<String>,
        contracts: String,
        multiplier: String,
        /// Needed only where the model values the option: without a `mark`, or under TIMS.
        vol: Option<String>,
        mark: Option<String>,
    },
}
