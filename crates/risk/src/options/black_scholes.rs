//! Deterministic integer Black–Scholes–Merton: a risk-free rate r and a dividend (or borrow) yield q per
//! underlying, both zero by default, which is then exactly the zero-rate model (no discounting step runs).
//!
//! Value per whole unit of underlying, in Fx, rounded down inside the model (the model error, documented in the
//! crate docs, is larger than one Fx unit; money rounding against the account happens where the value is used).
//! With S' = S·e^(−qT) and K' = K·e^(−rT): at or after expiry, or with zero volatility, the value is the
//! discounted intrinsic max(0, ±(S' − K')) (plain intrinsic at expiry). Model values are clamped to the
//! European no-arbitrage range `[max(0, S' − K'), S']` for calls and `[max(0, K' − S'), K']` for puts: a deep
//! in-the-money European put (or call with a yield) is worth less than its intrinsic value.

use super::qmath::{exp_neg_q48, isqrt, ln_q62, normal_cdf_q48_lanes, Q48, Q48_ONE};
use crate::fixed::{Fx, FX_ONE};
use crate::model::Carry;

pub const SECONDS_PER_YEAR: i128 = 31_536_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    Call,
    Put,
}

/// `max(0, S − K)` for a call, `max(0, K − S)` for a put.
pub fn intrinsic(kind: OptionKind, spot: Fx, strike: Fx) -> Fx {
    match kind {
        OptionKind::Call => (spot - strike).max(0),
        OptionKind::Put => (strike - spot).max(0),
    }
}

/// σ·√T in Q48 for `vol` in Fx (0 ≤ vol ≤ 10) and `seconds` to expiry (0 < seconds ≤ 100 years).
pub fn vol_sqrt_time_q48(vol: Fx, seconds: i64) -> i128 {
    let vol_q = (vol << Q48) / FX_ONE;
    let years_q = ((seconds as i128) << Q48) / SECONDS_PER_YEAR;
    let variance_q96 = ((vol_q * vol_q) >> Q48) * years_q;
    isqrt(variance_q96 as u128) as i128
}

/// `rate × seconds` as years in Q48, truncated: `rate` is within ±2·MAX_CARRY and `seconds` within 100 years, so
/// the product stays below 2^120.
fn rate_time_q48(rate: Fx, seconds: i64) -> i128 {
    ((rate * seconds as i128) << Q48) / (FX_ONE * SECONDS_PER_YEAR)
}

/// e^(−rate·T) in Q48; exactly one for a zero rate. Beyond rate·T = 45 it is below the Q48 quantum: zero.
fn discount_q48(rate: Fx, seconds: i64) -> i128 {
    if rate == 0 {
        return Q48_ONE;
    }
    exp_neg_q48(-rate_time_q48(rate, seconds).min(45 << Q48))
}

/// One option line at one volatility: what stays fixed while the spot moves through scenarios.
#[derive(Clone, Copy, Debug)]
pub struct Pricer {
    pub kind: OptionKind,
    pub strike: Fx,
    /// ln K − (r − q)·T in Q62: the spot's log-moneyness against it is ln(F/K) for the forward F.
    ln_strike_q62: i128,
    /// With carry, e^(−qT) in Q48 and the present value of the strike K·e^(−rT) (floor); `None` without.
    discount: Option<(i128, Fx)>,
    /// σ√T in Q48; zero means intrinsic value (expired, zero vol, or below the Q48 quantum).
    vol_sqrt_time: i128,
    /// 1/(σ√T) in Q48 (floor), so each scenario multiplies instead of dividing.
    inverse_vol_sqrt_time: i128,
}

impl Pricer {
    /// `strike` in `[1, MAX_PRICE]`, `vol` in `[0, 10]`, `seconds` ≤ 100 years (non-positive: expired), carry
    /// rates in `[0, MAX_CARRY]`.
    pub fn new(kind: OptionKind, strike: Fx, vol: Fx, seconds: i64, carry: Carry) -> Self {
        let seconds_left = seconds.max(0);
        let carried = carry != Carry::NONE && seconds_left > 0;
        let drift_q62 = if carried {
            rate_time_q48(carry.rate - carry.yield_rate, seconds_left) << (62 - Q48)
        } else {
            0
        };
        let discount = carried.then(|| {
            let strike_pv = scaled_q48(strike, discount_q48(carry.rate, seconds_left));
            (discount_q48(carry.yield_rate, seconds_left), strike_pv)
        });
        let unpriced = Pricer {
            kind,
            strike,
            ln_strike_q62: ln_q62(strike as u128) - drift_q62,
            discount,
            vol_sqrt_time: 0,
            inverse_vol_sqrt_time: 0,
        };
        unpriced.with_vol(vol, seconds)
    }

    /// The same line at another volatility (the strike's logarithm is reused).
    pub fn with_vol(&self, vol: Fx, seconds: i64) -> Self {
        let vol_sqrt_time = if seconds > 0 {
            vol_sqrt_time_q48(vol, seconds)
        } else {
            0
        };
        let inverse_vol_sqrt_time = if vol_sqrt_time > 0 {
            (1 << (2 * Q48)) / vol_sqrt_time
        } else {
            0
        };
        Pricer {
            vol_sqrt_time,
            inverse_vol_sqrt_time,
            ..*self
        }
    }

    /// Value per unit at `spot` (Fx, in `[0, 2·MAX_PRICE]`) whose `ln_q62` the caller already has (any value
    /// when `spot` is zero).
    pub fn value_at(&self, spot: Fx, ln_spot_q62: i128) -> Fx {
        self.values_at([spot], [ln_spot_q62])[0]
    }

    /// [`Pricer::value_at`] at `N` spots: each value is exactly the one-spot result, but the spots' normal CDFs
    /// run side by side (see [`normal_cdf_q48_lanes`]), which is what makes a scenario scan fast.
    #[inline(always)]
    pub fn values_at<const N: usize>(&self, spot: [Fx; N], ln_spot_q62: [i128; N]) -> [Fx; N] {
        // The spot and strike the model weighs: discounted by the carry, or as they are.
        let (mut spot_pv, strike_pv) = (spot, self.strike);
        let strike_pv = match self.discount {
            Some((spot_discount, strike_pv)) => {
                for s in spot_pv.iter_mut() {
                    *s = scaled_q48(*s, spot_discount);
                }
                strike_pv
            }
            None => strike_pv,
        };
        let mut value = [0; N];
        for j in 0..N {
            value[j] = intrinsic(self.kind, spot_pv[j], strike_pv);
        }
        let v = self.vol_sqrt_time;
        if v == 0 {
            return value;
        }
        // A call weighs S by N(d1) and K by N(d2), a put S by N(−d1) and K by N(−d2), with d2 = d1 − σ√T. A zero
        // spot (a −100% scenario) is exactly intrinsic (the call worthless, the put worth the strike): its lane
        // runs at d1 = 0 and is dropped.
        let put = self.kind == OptionKind::Put;
        let (mut spot_d, mut strike_d) = ([0; N], [0; N]);
        for j in 0..N {
            let d1 = if spot[j] == 0 {
                0
            } else {
                self.d1(ln_spot_q62[j])
            };
            let d2 = d1 - v as i64;
            (spot_d[j], strike_d[j]) = if put { (-d1, -d2) } else { (d1, d2) };
        }
        let (spot_weight, strike_weight) =
            (normal_cdf_q48_lanes(spot_d), normal_cdf_q48_lanes(strike_d));
        for j in (0..N).filter(|&j| spot[j] != 0) {
            let (spot_part, strike_part) = (
                scaled(spot_pv[j], spot_weight[j]),
                scaled(strike_pv, strike_weight[j]),
            );
            let (model, cap) = match self.kind {
                OptionKind::Call => (spot_part - strike_part, spot_pv[j]),
                OptionKind::Put => (strike_part - spot_part, strike_pv),
            };
            value[j] = model.clamp(value[j], cap);
        }
        value
    }

    /// d1 = ln(F/K)·(1/σ√T) + σ√T/2 (floor shifts) of a line with σ√T > 0. |x| < 150 (|ln(S/K)| < 50 and
    /// |(r − q)·T| ≤ 100) with σ√T ≤ 100 keeps it below 2^56, so it is returned as 64 bits, which halves the
    /// registers the lanes need.
    #[inline(always)]
    fn d1(&self, ln_spot_q62: i128) -> i64 {
        let v = self.vol_sqrt_time;
        // ln(F/K) from Q62 to Q48 (floor).
        let x = (ln_spot_q62 - self.ln_strike_q62) >> (62 - Q48);
        // With σ√T < 1 and |x| ≥ 16σ√T both |d| exceed 15, where N is exactly 0 or 1, so x/σ√T is replaced by ±64
        // to keep the product within i128.
        let x_over_v = if v < Q48_ONE && x.abs() >= 16 * v {
            x.signum() * (64 << Q48)
        } else {
            // |x|·(1/σ√T) < 16·2^96 below σ√T = 1 and < 2^56·2^48 above: the product cannot wrap.
            x.wrapping_mul(self.inverse_vol_sqrt_time) >> Q48
        };
        (x_over_v + (v >> 1)) as i64
    }

    pub fn value(&self, spot: Fx) -> Fx {
        self.value_at(spot, if spot > 0 { ln_q62(spot as u128) } else { 0 })
    }
}

/// `amount × weight` in Fx, floor, for a Q48 weight N(d) ≤ 1. Amounts are prices (below 2^75 even at a marked-up
/// spot), so the product stays below 2^124 and cannot wrap.
#[inline(always)]
fn scaled(amount: Fx, weight: u64) -> Fx {
    scaled_q48(amount, weight as i128)
}

/// [`scaled`] for a Q48 factor in `[0, 1]` held as i128 (a discount factor).
#[inline(always)]
fn scaled_q48(amount: Fx, factor: i128) -> Fx {
    amount.wrapping_mul(factor) >> Q48
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn fx(units: i128) -> Fx {
        units * FX_ONE
    }

    #[test]
    fn at_the_money_one_year_twenty_vol_matches_the_closed_form() {
        // r = 0, S = K: C = S·(2N(σ/2) − 1) = 7.965567455405804 for S = 100, σ = 0.2, T = 1y.
        let call = Pricer::new(
            OptionKind::Call,
            fx(100),
            FX_ONE / 5,
            365 * DAY,
            Carry::NONE,
        )
        .value(fx(100));
        assert!((call - 7_965_567_455_406).abs() <= 10, "{call}");
    }

    #[test]
    fn put_call_parity_holds_with_zero_rates() {
        for strike in [80, 95, 100, 105, 130] {
            let c = Pricer::new(
                OptionKind::Call,
                fx(strike),
                FX_ONE / 2,
                30 * DAY,
                Carry::NONE,
            )
            .value(fx(100));
            let p = Pricer::new(
                OptionKind::Put,
                fx(strike),
                FX_ONE / 2,
                30 * DAY,
                Carry::NONE,
            )
            .value(fx(100));
            assert!(
                (c - p - (fx(100) - fx(strike))).abs() <= 10,
                "K={strike}: {c} {p}"
            );
        }
    }

    #[test]
    fn expired_or_zero_vol_options_are_worth_intrinsic() {
        let expired = Pricer::new(OptionKind::Call, fx(90), FX_ONE, 0, Carry::NONE);
        assert_eq!(expired.value(fx(100)), fx(10));
        let after = Pricer::new(OptionKind::Put, fx(90), FX_ONE, -DAY, Carry::NONE);
        assert_eq!(after.value(fx(80)), fx(10));
        let flat = Pricer::new(OptionKind::Put, fx(90), 0, DAY, Carry::NONE);
        assert_eq!(flat.value(fx(100)), 0);
    }
}
