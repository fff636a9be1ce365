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
    UnitValues::new(o, now).at(spot)
}

/// [`unit_value`] at one spot after another (an account's levels): the model is set up at most once, and a spot
/// equal to the one before (the levels' marks differ only by the stable price) is not revalued.
pub struct UnitValues<'a> {
    o: &'a OptionPosition,
    now: i64,
    line: Option<Pricer>,
    last: Option<(Fx, Fx)>,
}

impl<'a> UnitValues<'a> {
    pub fn new(o: &'a OptionPosition, now: i64) -> Self {
        UnitValues {
            o,
            now,
            line: None,
            last: None,
        }
    }

    pub fn at(&mut self, spot: Fx) -> Fx {
        if let Some(mark) = self.o.mark {
            return mark;
        }
        match self.last {
            Some((last, value)) if last == spot => value,
            _ => {
                let (o, now) = (self.o, self.now);
                let value = self
                    .line
                    .get_or_insert_with(|| pricer(o, o.vol, now))
                    .value(spot);
                self.last = Some((spot, value));
                value
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed::FX_ONE;
    use crate::options::black_scholes::OptionKind;

    #[test]
    fn unit_values_equal_a_fresh_valuation_at_every_spot() {
        let mut o = OptionPosition {
            asset: 1,
            kind: OptionKind::Put,
            strike: 95 * FX_ONE,
            expiry: 30 * 86_400,
            contracts: -3,
            multiplier: 1,
            vol: FX_ONE / 2,
            mark: None,
        };
        let spots = [100 * FX_ONE, 100 * FX_ONE, 97 * FX_ONE, 100 * FX_ONE, 1, 1];
        for mark in [None, Some(2 * FX_ONE)] {
            o.mark = mark;
            let mut values = UnitValues::new(&o, 0);
            for spot in spots {
                let direct = mark
                    .unwrap_or_else(|| Pricer::new(o.kind, o.strike, o.vol, o.expiry).value(spot));
                assert_eq!(values.at(spot), direct);
            }
        }
    }
}
