//! The JSON input (documented in docs/risk-json.md) and its exact conversion into the engine's integer inputs.
//! Human decimal strings everywhere: prices, rates and shares in quote or plain fractions, quantities in whole units
//! of their asset. Presets fill whatever a tier or an asset's rules leave out.

use super::decimal::parse;
use crate::fixed::{Fx, FX_DECIMALS, FX_ONE};
use crate::model::*;
use crate::owned::OwnedPortfolio;
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
        vol: String,
        mark: Option<String>,
    },
}

/// A parsed account: owned inputs plus the names the JSON used for assets and groups.
pub struct Account {
    pub model: Model,
    pub inputs: OwnedPortfolio,
    pub symbols: Vec<String>,
    pub groups: Vec<String>,
}

impl Account {
    pub fn portfolio(&self) -> Portfolio<'_> {
        self.inputs.portfolio()
    }

    pub fn asset_index(&self, symbol: &str) -> Result<u8, String> {
        index_of(&self.symbols, symbol, "asset")
    }
}

fn index_of(names: &[String], name: &str, what: &str) -> Result<u8, String> {
    names
        .iter()
        .position(|n| n == name)
        .map(|i| i as u8)
        .ok_or_else(|| format!("unknown {what} `{name}`"))
}

fn fx(text: &str) -> Result<Fx, String> {
    parse(text, FX_DECIMALS)
}

fn fx_or(text: &Option<String>, default: Fx) -> Result<Fx, String> {
    text.as_deref().map_or(Ok(default), fx)
}

/// Whole units of an asset with `decimals` into native units.
fn native(text: &str, decimals: u8) -> Result<i128, String> {
    parse(text, decimals as u32)
}

fn narrow<T: TryFrom<i128>>(value: i128, what: &str) -> Result<T, String> {
    T::try_from(value).map_err(|_| format!("{what} {value} is out of range"))
}

fn tier(t: &TierInput, groups: &[String]) -> Result<Tier, String> {
    let base = match t.preset.as_deref().unwrap_or("single_name") {
        "single_name" => Tier::single_name(),
        "broad_index" => Tier::broad_index(),
        "cash" => Tier::cash(),
        other => return Err(format!("unknown tier preset `{other}`")),
    };
    Ok(Tier {
        band_down: fx_or(&t.band_down, base.band_down)?,
        band_up: fx_or(&t.band_up, base.band_up)?,
        points_down: t.points_down.unwrap_or(base.points_down),
        points_up: t.points_up.unwrap_or(base.points_up),
        vol_down: fx_or(&t.vol_down, base.vol_down)?,
        vol_up: fx_or(&t.vol_up, base.vol_up)?,
        initial_multiplier: fx_or(&t.initial_multiplier, base.initial_multiplier)?,
        per_contract_min: fx_or(&t.per_contract_min, base.per_contract_min)?,
        floor_share: fx_or(&t.floor_share, base.floor_share)?,
        product_group: t
            .product_group
            .as_deref()
            .map(|g| index_of(groups, g, "product group"))
            .transpose()?,
    })
}

fn rules(r: &RulesInput) -> Result<RulesRates, String> {
    let base = match r.preset.as_deref().unwrap_or("volatile") {
        "volatile" => RulesRates::volatile(),
        "broad_index" => RulesRates::broad_index(),
        "cash" => RulesRates::cash(),
        other => return Err(format!("unknown rules preset `{other}`")),
    };
    Ok(RulesRates {
        initial_long: fx_or(&r.initial_long, base.initial_long)?,
        initial_short: fx_or(&r.initial_short, base.initial_short)?,
        maintenance_long: fx_or(&r.maintenance_long, base.maintenance_long)?,
        maintenance_short: fx_or(&r.maintenance_short, base.maintenance_short)?,
        house_rate: fx_or(&r.house_rate, base.house_rate)?,
        house_per_unit: fx_or(&r.house_per_unit, base.house_per_unit)?,
        option_rate: fx_or(&r.option_rate, base.option_rate)?,
        option_min_rate: fx_or(&r.option_min_rate, base.option_min_rate)?,
    })
}

fn position(p: &PositionInput, account: &Account) -> Result<Position, String> {
    let decimals = |asset: u8| account.inputs.assets[asset as usize].decimals;
    Ok(match p {
        PositionInput::Spot {
            asset,
            deposit,
            borrow,
        } => {
            let asset = account.asset_index(asset)?;
            let amount = |text: &Option<String>| -> Result<u64, String> {
                narrow(
                    text.as_deref()
                        .map_or(Ok(0), |t| native(t, decimals(asset)))?,
                    "spot amount",
                )
            };
            Position::Spot {
                asset,
                deposit: amount(deposit)?,
                borrow: amount(borrow)?,
            }
        }
        PositionInput::Perp {
            asset,
            quantity,
            entry_price,
        } => {
            let asset = account.asset_index(asset)?;
            let quantity = narrow(native(quantity, decimals(asset))?, "quantity")?;
            Position::Linear {
                asset,
                quantity,
                entry_price: fx(entry_price)?,
            }
        }
        PositionInput::Option {
            asset,
            kind,
            strike,
            expiry_seconds,
            expiry_days,
            contracts,
            multiplier,
            vol,
            mark,
        } => {
            let asset = account.asset_index(asset)?;
            let expiry = match (expiry_seconds, expiry_days) {
                (Some(seconds), None) => *seconds,
                (None, Some(days)) => {
                    // Days × 86,400 must land on a whole second: parse at 0 decimals after scaling.
                    let seconds = parse(days, 5)?
                        .checked_mul(86_400)
                        .ok_or("expiry out of range")?;
                    if seconds % 100_000 != 0 {
                        return Err(format!(
                            "expiry_days `{days}` is not a whole number of seconds"
                        ));
                    }
                    narrow::<i64>(seconds / 100_000, "expiry")?
                        .checked_add(account.inputs.now)
                        .ok_or("expiry out of range")?
                }
                _ => {
                    return Err(
                        "an option needs exactly one of expiry_seconds and expiry_days".into(),
                    )
                }
            };
            Position::Option(OptionPosition {
                asset,
                kind: match kind {
                    KindName::Call => OptionKind::Call,
                    KindName::Put => OptionKind::Put,
                },
                strike: fx(strike)?,
                expiry,
                contracts: narrow(parse(contracts, 0)?, "contracts")?,
                multiplier: narrow(native(multiplier, decimals(asset))?, "multiplier")?,
                vol: fx(vol)?,
                mark: mark.as_deref().map(fx).transpose()?,
            })
        }
    })
}

pub fn parse_account(json: &str) -> Result<Account, String> {
    let input: Input = serde_json::from_str(json).map_err(|e| format!("invalid input: {e}"))?;
    let groups: Vec<String> = input
        .product_groups
        .iter()
        .map(|g| g.name.clone())
        .collect();
    let tier_names: Vec<String> = input.tiers.iter().map(|t| t.name.clone()).collect();
    let mut account = Account {
        model: match input.model {
            ModelName::Rules => Model::Rules,
            ModelName::Tims => Model::Tims,
        },
        inputs: OwnedPortfolio {
            now: input.now,
            conf_multiplier: fx_or(&input.conf_multiplier, FX_ONE)?,
            tiers: input
                .tiers
                .iter()
                .map(|t| tier(t, &groups))
                .collect::<Result<_, _>>()?,
            group_offsets: input
                .product_groups
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    Ok(GroupOffset {
                        group: i as u8,
                        share: fx(&g.offset)?,
                    })
                })
                .collect::<Result<_, String>>()?,
            ..OwnedPortfolio::default()
        },
        symbols: input.assets.iter().map(|a| a.symbol.clone()).collect(),
        groups,
    };
    for a in &input.assets {
        let price = fx(&a.price)?;
        account.inputs.assets.push(Asset {
            decimals: a.decimals,
            price,
            conf: fx_or(&a.conf, 0)?,
            stable_price: fx_or(&a.stable_price, price)?,
            tier: index_of(&tier_names, &a.tier, "tier")?,
            rules: rules(&a.rules)?,
        });
    }
    for p in &input.positions {
        let parsed = position(p, &account)?;
        account.inputs.positions.push(parsed);
    }
    Ok(account)
}
