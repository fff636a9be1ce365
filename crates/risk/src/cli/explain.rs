//! Engine refusals in words: which tier, asset or position, which field, the value and the accepted range, with
//! the names the JSON used.

use super::account::Account;
use super::decimal::format;
use crate::fixed::FX_DECIMALS;
use crate::validate::{Subject, Violation};

/// Fields counted in whole numbers (indices, counts, native units, seconds); every other field is fixed point.
const WHOLE: [&str; 13] = [
    "decimals",
    "tier",
    "points_down",
    "points_up",
    "assets",
    "tiers",
    "positions",
    "product_groups",
    "product_group",
    "asset",
    "tracks.asset",
    "expiry",
    "multiplier",
];

fn number(field: &str, value: i128) -> String {
    let scale = if WHOLE.contains(&field) {
        0
    } else {
        FX_DECIMALS
    };
    format(value, scale)
}

fn subject(account: &Account, subject: Subject) -> String {
    let symbol = |i: usize| {
        account
            .symbols
            .get(i)
            .map_or("?", String::as_str)
            .to_string()
    };
    match subject {
        Subject::Portfolio => "account".into(),
        Subject::Tier(i) => format!("tier {i} (`{}`)", account.tier_names[i]),
        Subject::GroupOffset(i) => format!("product group {i} (`{}`)", account.groups[i]),
        Subject::Asset(i) => format!("asset {i} (`{}`)", symbol(i)),
        Subject::Position(i) => {
            let asset = account.inputs.positions[i].asset() as usize;
            format!("position {i} (on `{}`)", symbol(asset))
        }
    }
}

/// "position 2 (on `XYZ`): `vol` 12.000000000000 is outside [0.000000000000, 10.000000000000] (RateOutOfRange)".
pub fn violation(account: &Account, v: &Violation) -> String {
    let what = subject(account, v.subject);
    let value = number(v.field, v.value);
    if v.low <= v.high {
        format!(
            "{what}: `{}` {value} is outside [{}, {}] ({:?})",
            v.field,
            number(v.field, v.low),
            number(v.field, v.high),
            v.error
        )
    } else {
        format!(
            "{what}: `{}` {value} is not accepted ({:?})",
            v.field, v.error
        )
    }
}
