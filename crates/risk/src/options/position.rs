//! An option position's exposure, value and time to expiry, shared by equity, the rules model and TIMS.

use super::black_scholes::{OptionKind, Pricer};
use crate::error::Result;
use crate::fixed::{mul, Fx};
use crate::marks::Exposure;
use crate::model::OptionPosition;

/// Long calls and short puts gain when the underlying rises.
pub fn exposure(o: &OptionPosition) -> Exposure {
    match (o.kind, o.contracts >= 0) {
        (OptionKind::Call, true) | (OptionKind::Put, false) => Exposure::Long,
        _ => Exposure::Short,
    }
}

/// Signed native units of underlying the position covers: contracts × multiplier.
pub fn units(o: &OptionPosition) -> Result<i128> {
    mul(o.contracts as i128, o.multiplier as i128)
}

/// Seconds to expiry, clamped below at zero (expired options are worth intrinsic). Validation bounds it above.
pub fn seconds_to_expiry(o: &OptionPosition, now: i64) -> i64 {
    (o.expiry as i128 - now as i128).max(0) as i64
}

pub fn pricer(o: &OptionPosition, vol: Fx, now: i64) -> Pricer {
    Pricer::new(o.kind, o.strike, vol, seconds_to_expiry(o, now))
}

/// Value per unit at `spot` for equity and premium: the market mark when given, else the model.
pub fn unit_value(o: &OptionPosition, spot: Fx, now: i64) -> Fx {
    match o.mark {
        Some(mark) => mark,
        None => pricer(o, o.vol, now).value(spot),
    }
}
