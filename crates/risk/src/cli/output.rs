//! JSON output: every amount a decimal string (money with 6 decimals, Fx with 12), so no consumer ever goes
//! through a float.

use super::decimal::format;
use super::input::Account;
use crate::breakdown::{Breakdown, LevelBreakdown};
use crate::engine::Quote;
use crate::fixed::{Fx, Money, FX_DECIMALS, MONEY_DECIMALS};
use crate::liquidation::price::LiquidationPrices;
use crate::liquidation::sizing::LiquidationSize;
use crate::model::{Model, Position};
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
                "vol_shift": match c.vol_shift { -1 => "down", 1 => "up", _ => "none" },
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

pub fn liquidation_price_json(account: &Account, asset: u8, l: &LiquidationPrices) -> Value {
    json!({
        "model": model_name(account.model),
        "asset": account.symbols[asset as usize],
        "price": fixed(account.inputs.assets[asset as usize].price),
        "maintenance_health": money(l.health),
        "lower": l.lower.map(fixed),
        "upper": l.upper.map(fixed),
    })
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
        "health_before": money(s.health_before),
        "health_after": money(s.health_after),
    })
}
