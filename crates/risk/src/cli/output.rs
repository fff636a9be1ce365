//! JSON output: every amount a decimal string (money with 6 decimals, Fx with 12), so no consumer ever goes
//! through a float.

use super::account::Account;
use super::decimal::format;
use crate::breakdown::{Breakdown, LevelBreakdown};
use crate::engine::Quote;
use crate::fixed::{Fx, Money, FX_DECIMALS, MONEY_DECIMALS};
use crate::liquidation::price::LiquidationPrices;
use crate::liquidation::sizing::LiquidationSize;
use crate::model::{Level, Model, Position, MAX_PRICE};
use crate::tims::class::{scan_class, ClassScan};
use crate::tims::scenarios::{scenario_price, shock};
use serde_json::{json, Value};

pub fn money(m: Money) -> Value {
    Value::String(format(m, MONEY_DECIMALS))
}

pub fn fixed(x: Fx) -> Value {
    Value::String(format(x, FX_DECIMALS))
}

pub fn model_name(model: Model) -> &'static str {
    match model {
        Model::Rules => "rules",
        Model::Tims => "tims",
    }
}

fn position_type(p: &Position) -> &'static str {
    match p {
        Position::Spot { .. } => "spot",
        Position::Linear { .. } => "perp",
        Position::Option(_) => "option",
    }
}

fn vol_shift_name(shift: i8) -> &'static str {
    match shift {
        -1 => "down",
        1 => "up",
        _ => "none",
    }
}

/// Every class's P&L at each valuation point of both levels: the scan the requirement takes its worst from.
pub fn points_json(account: &Account) -> Result<Value, String> {
    let p = account.portfolio();
    let levels = [Level::Initial, Level::Maintenance];
    let mut out = [Vec::new(), Vec::new()];
    let mut scan = Box::<ClassScan>::default();
    for asset in
        (0..p.assets.len()).filter(|&a| p.positions.iter().any(|q| q.asset() as usize == a))
    {
        scan_class(&p, asset as u8, &levels, &mut scan).map_err(|e| e.to_string())?;
        let a = &p.assets[asset];
        let tier = &p.tiers[a.tier as usize];
        for (i, &level) in levels.iter().enumerate() {
            let points = (0..scan.points)
                .map(|j| {
                    let s = shock(tier, level, j)?;
                    Ok(json!({
                        "shock": fixed(s),
                        "price": fixed(scenario_price(a.price, s)?),
                        "vol_shift": vol_shift_name(scan.vol_shift[i][j]),
                        "pnl": money(scan.pnl[i][j]),
                    }))
                })
                .collect::<Result<Vec<Value>, crate::RiskError>>()
                .map_err(|e| e.to_string())?;
            out[i].push(json!({ "asset": account.symbols[asset], "points": points }));
        }
    }
    let [initial, maintenance] = out;
    Ok(json!({ "initial": initial, "maintenance": maintenance }))
}

fn level_json(account: &Account, level: &LevelBreakdown) -> (Value, Value) {
    let group_name = |g: Option<u8>| g.map(|g| account.groups[g as usize].clone());
    let classes = level
        .classes()
        .iter()
        .map(|c| {
            json!({
                "asset": account.symbols[c.asset as usize],
                "group": group_name(c.group),
                "worst_point": c.worst_point,
                "shock": fixed(c.shock),
                "vol_shift": vol_shift_name(c.vol_shift),
                "loss": money(c.loss),
                "floor": money(c.floor),
            })
        })
        .collect();
    let groups = level
        .groups()
        .iter()
        .map(|g| {
            json!({
                "group": group_name(Some(g.group)),
                "share": fixed(g.share),
                "sum_of_worst": money(g.sum_of_worst),
                "aligned_worst": money(g.aligned_worst),
                "credit": money(g.credit),
                "floors": money(g.floors),
                "requirement": money(g.requirement),
            })
        })
        .collect();
    (Value::Array(classes), Value::Array(groups))
}

pub fn quote_json(account: &Account, q: &Quote, b: &Breakdown) -> Value {
    let positions: Vec<Value> = b
        .positions()
        .iter()
        .zip(&account.inputs.positions)
        .map(|(line, p)| {
            json!({
                "type": position_type(p),
                "asset": account.symbols[p.asset() as usize],
                "equity": money(line.equity),
                "initial": money(line.initial),
                "maintenance": money(line.maintenance),
            })
        })
        .collect();
    let (initial_classes, initial_groups) = level_json(account, &b.initial);
    let (maintenance_classes, maintenance_groups) = level_json(account, &b.maintenance);
    json!({
        "model": model_name(q.model),
        "equity": money(q.equity),
        "initial_equity": money(q.initial_equity),
        "initial_requirement": money(q.initial_requirement),
        "maintenance_requirement": money(q.maintenance_requirement),
        "initial_health": money(q.initial_health),
        "maintenance_health": money(q.maintenance_health),
        "margin_ratio": q.margin_ratio.map(fixed),
        "breakdown": {
            "positions": positions,
            "classes": { "initial": initial_classes, "maintenance": maintenance_classes },
            "groups": { "initial": initial_groups, "maintenance": maintenance_groups },
        },
    })
}

/// The triggers, and for each missing one why there is none.
pub fn liquidation_price_json(account: &Account, asset: u8, l: &LiquidationPrices) -> Value {
    let mut out = json!({
        "model": model_name(account.model),
        "asset": account.symbols[asset as usize],
        "price": fixed(account.inputs.assets[asset as usize].price),
        "maintenance_health": money(l.health),
        "lower": l.lower.map(fixed),
        "upper": l.upper.map(fixed),
    });
    if l.health < 0 {
        out["reason"] = Value::String(format!(
            "already below maintenance margin (maintenance health {}): liquidatable at the current price",
            format(l.health, MONEY_DECIMALS)
        ));
        return out;
    }
    if l.lower.is_none() {
        out["lower_reason"] =
            "no price down to 0.000000000001 takes maintenance health below zero".into();
    }
    if l.upper.is_none() {
        out["upper_reason"] = Value::String(format!(
            "no price up to {} takes maintenance health below zero",
            format(MAX_PRICE, FX_DECIMALS)
        ));
    }
    out
}

pub fn liquidation_size_json(
    account: &Account,
    liability: u8,
    collateral: u8,
    s: &LiquidationSize,
) -> Value {
    let units = |asset: u8, native: u64| {
        format(
            native as i128,
            account.inputs.assets[asset as usize].decimals as u32,
        )
    };
    json!({
        "model": model_name(account.model),
        "liability": account.symbols[liability as usize],
        "collateral": account.symbols[collateral as usize],
        "repay": units(liability, s.repay),
        "seize": units(collateral, s.seize),
        "insurance_fee": units(collateral, s.fee),
        "health_before": money(s.health_before),
        "health_after": money(s.health_after),
    })
}
