//! An option position's exposure, value and time to expiry, shared by equity, the rules model and TIMS.

use super::black_scholes::{OptionKind, Pricer};
use super::qmath::isqrt;
use crate::error::Result;
use crate::fixed::{add, mul, mul_fx, Fx, Rounding, FX_ONE};
use crate::marks::Exposure;
use crate::model::{Carry, OptionPosition, Portfolio, Tier, VolTerm};

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

pub fn pricer(o: &OptionPosition, vol: Fx, now: i64, carry: Carry) -> Pricer {
    Pricer::new(o.kind, o.strike, vol, seconds_to_expiry(o, now), carry)
}

/// Value per unit at `spot` for equity and premium: the market mark when given, else the model.
pub fn unit_value(o: &OptionPosition, spot: Fx, p: &Portfolio) -> Fx {
    UnitValues::new(o, p).at(spot)
}

/// The factor on a tier's volatility up-shift for an option `seconds` from expiry: √(reference / time left),
/// rounded up, within the term's bounds; exactly one when the term is off.
pub fn term_scale(term: &VolTerm, seconds: i64) -> Fx {
    if term.reference_days == 0 {
        return FX_ONE;
    }
    if seconds <= 0 {
        return term.max_scale;
    }
    // reference ≤ 65,535 days: reference seconds × 10^24 < 2^123.
    let ratio = (term.reference_days as u128 * 86_400 * (FX_ONE * FX_ONE) as u128)
        .div_ceil(seconds as u128);
    let root = isqrt(ratio);
    let root = if root * root < ratio { root + 1 } else { root };
    (root as Fx).clamp(term.min_scale, term.max_scale)
}

/// The volatility an option is revalued at when its tier shifts volatility up: σ·(1 + vol_up × term scale),
/// each product rounded up (a shock is never narrowed by rounding).
pub fn shifted_up_vol(o: &OptionPosition, tier: &Tier, now: i64) -> Result<Fx> {
    let shift = match tier.vol_term.reference_days {
        0 => tier.vol_up,
        _ => mul_fx(
            tier.vol_up,
            term_scale(&tier.vol_term, seconds_to_expiry(o, now)),
            Rounding::Up,
        )?,
    };
    add(o.vol, mul_fx(o.vol, shift, Rounding::Up)?)
}

/// [`unit_value`] at one spot after another (an account's levels): the model is set up at most once, and a spot
/// equal to the one before (the levels' marks differ only by the stable price) is not revalued.
pub struct UnitValues<'a> {
    o: &'a OptionPosition,
    now: i64,
    carry: Carry,
    line: Option<Pricer>,
    last: Option<(Fx, Fx)>,
}

impl<'a> UnitValues<'a> {
    pub fn new(o: &'a OptionPosition, p: &Portfolio) -> Self {
        UnitValues {
            o,
            now: p.now,
            carry: p.assets[o.asset as usize].carry,
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
                let (o, now, carry) = (self.o, self.now, self.carry);
                let value = self
                    .line
                    .get_or_insert_with(|| pricer(o, o.vol, now, carry))
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
    use crate::model::{Asset, Tier};
    use crate::options::black_scholes::OptionKind;

    #[test]
    fn unit_values_equal_a_fresh_valuation_at_every_spot() {
        let carry = Carry {
            rate: FX_ONE / 20,
            yield_rate: FX_ONE / 50,
        };
        let assets = [
            Asset::quote(0),
            Asset {
                carry,
                ..Asset::quote(0)
            },
        ];
        let p = Portfolio {
            assets: &assets,
            tiers: &[Tier::cash()],
            group_offsets: &[],
            positions: &[],
            now: 0,
            conf_multiplier: FX_ONE,
        };
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
            let mut values = UnitValues::new(&o, &p);
            for spot in spots {
                let direct = mark.unwrap_or_else(|| {
                    Pricer::new(o.kind, o.strike, o.vol, o.expiry, carry).value(spot)
                });
                assert_eq!(values.at(spot), direct);
            }
        }
    }

    #[test]
    fn the_term_scale_is_the_root_of_reference_over_time_left_within_its_bounds() {
        let term = VolTerm {
            reference_days: 30,
            min_scale: FX_ONE / 2,
            max_scale: 3 * FX_ONE,
        };
        let day = 86_400;
        // √(30 / 7.5) = 2 exactly; √(30 / 30) = 1; √(30 / 1) ≈ 5.48 is held at 3; √(30 / 365) ≈ 0.29 at 0.5.
        assert_eq!(term_scale(&term, 7 * day + day / 2), 2 * FX_ONE);
        assert_eq!(term_scale(&term, 30 * day), FX_ONE);
        assert_eq!(term_scale(&term, day), 3 * FX_ONE);
        assert_eq!(term_scale(&term, 365 * day), FX_ONE / 2);
        // √(30 / 60) = 0.70710678118654752…: rounded up at the 12th decimal.
        assert_eq!(term_scale(&term, 60 * day), 707_106_781_187);
        assert_eq!(term_scale(&VolTerm::OFF, day), FX_ONE);
    }
}
