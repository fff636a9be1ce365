//! The JSON input converted exactly into the engine's integer inputs. Presets fill whatever a tier or an asset's
//! rules leave out; an error names the asset or position it is about.

use super::decimal::parse;
use super::input::*;
use crate::fixed::{Fx, FX_DECIMALS, FX_ONE};
use crate::model::*;
use crate::owned::OwnedPortfolio;

/// A parsed account: owned inputs plus the names the JSON used for assets and groups.
pub struct Account {
    pub model: Model,
    pub inputs: OwnedPortfolio,
    pub symbols: Vec<String>,
    pub tier_names: Vec<String>,
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
        "finra_4210g" => Tier::finra_4210g(),
        "finra_4210g_broad_index" => Tier::finra_4210g_broad_index(),
        other => return Err(format!("unknown tier preset `{other}`")),
    };
    let term = &base.vol_term;
    let extreme = &base.extreme;
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
        vol_term: VolTerm {
            reference_days: t.vol_term_days.unwrap_or(term.reference_days),
            min_scale: fx_or(&t.vol_scale_min, term.min_scale)?,
            max_scale: fx_or(&t.vol_scale_max, term.max_scale)?,
        },
        extreme: ExtremeMove {
            multiple: fx_or(&t.extreme_multiple, extreme.multiple)?,
            weight: fx_or(&t.extreme_weight, extreme.weight)?,
        },
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

fn asset(a: &AssetInput, symbols: &[String], tier_names: &[String]) -> Result<Asset, String> {
    let price = fx(&a.price)?;
    Ok(Asset {
        decimals: a.decimals,
        price,
        conf: fx_or(&a.conf, 0)?,
        stable_price: fx_or(&a.stable_price, price)?,
        tier: index_of(tier_names, &a.tier, "tier")?,
        rules: rules(&a.rules)?,
        carry: Carry {
            rate: fx_or(&a.rate, 0)?,
            yield_rate: fx_or(&a.yield_rate, 0)?,
        },
        tracks: match &a.tracks {
            Some(t) => Some(Tracking {
                underlying: index_of(symbols, &t.asset, "asset")?,
                ratio: fx(&t.ratio)?,
            }),
            None => None,
        },
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
            // Under rules a marked option is never valued by the model: its volatility is not needed, and legs
            // without an expiry are taken to expire together, at `now`.
            let modelled = mark.is_none() || account.model == Model::Tims;
            let needed = |field: &str| {
                format!("`{field}` is needed to value an option by the model (no `mark`, or TIMS)")
            };
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
                (None, None) if !modelled => account.inputs.now,
                (None, None) => return Err(needed("expiry_seconds` or `expiry_days")),
                _ => return Err("give one of `expiry_seconds` and `expiry_days`, not both".into()),
            };
            let vol = match vol {
                Some(vol) => fx(vol)?,
                None if !modelled => 0,
                None => return Err(needed("vol")),
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
                vol,
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
                .map(|t| tier(t, &groups).map_err(|e| format!("tier `{}`: {e}", t.name)))
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
        tier_names: input.tiers.iter().map(|t| t.name.clone()).collect(),
        groups,
    };
    for a in &input.assets {
        let asset = asset(a, &account.symbols, &account.tier_names)
            .map_err(|e| format!("asset `{}`: {e}", a.symbol))?;
        account.inputs.assets.push(asset);
    }
    for (i, p) in input.positions.iter().enumerate() {
        let parsed = position(p, &account).map_err(|e| format!("position {i}: {e}"))?;
        account.inputs.positions.push(parsed);
    }
    Ok(account)
}
