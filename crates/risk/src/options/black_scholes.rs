//! Deterministic integer Black–Scholes with a zero interest rate (margin horizons are days; the carry is noise).
//!
//! Value per whole unit of underlying, in Fx, rounded down inside the model (the model error, documented in the
//! crate docs, is larger than one Fx unit; money rounding against the account happens where the value is used).
//! At or after expiry, or with zero volatility, the value is intrinsic. Model values are clamped to the
//! no-arbitrage range `[intrinsic, spot]` for calls and `[intrinsic, strike]` for puts.

use super::qmath::{isqrt, ln_q62, normal_cdf_q48_lanes, Q48, Q48_ONE};
use crate::fixed::{Fx, FX_ONE};

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

/// One option line at one volatility: what stays fixed while the spot moves through scenarios.
#[derive(Clone, Copy, Debug)]
pub struct Pricer {
    pub kind: OptionKind,
    pub strike: Fx,
    ln_strike_q62: i128,
    /// σ√T in Q48; zero means intrinsic value (expired, zero vol, or below the Q48 quantum).
    vol_sqrt_time: i128,
    /// 1/(σ√T) in Q48 (floor), so each scenario multiplies instead of dividing.
    inverse_vol_sqrt_time: i128,
}

impl Pricer {
    /// `strike` in `[1, MAX_PRICE]`, `vol` in `[0, 10]`, `seconds` ≤ 100 years (non-positive: expired).
    pub fn new(kind: OptionKind, strike: Fx, vol: Fx, seconds: i64) -> Self {
        let unpriced = Pricer {
            kind,
            strike,
            ln_strike_q62: ln_q62(strike as u128),
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
        let mut value = [0; N];
        for j in 0..N {
            value[j] = intrinsic(self.kind, spot[j], self.strike);
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
                scaled(spot[j], spot_weight[j]),
                scaled(self.strike, strike_weight[j]),
            );
            let (model, cap) = match self.kind {
                OptionKind::Call => (spot_part - strike_part, spot[j]),
                OptionKind::Put => (strike_part - spot_part, self.strike),
            };
            value[j] = model.clamp(value[j], cap);
        }
        value
    }

    /// d1 = ln(S/K)·(1/σ√T) + σ√T/2 (floor shifts) of a line with σ√T > 0. |x/σ√T| ≤ 64 and σ√T ≤ 100 keep it
    /// below 2^56, so it is returned as 64 bits, which halves the registers the lanes need.
    #[inline(always)]
    fn d1(&self, ln_spot_q62: i128) -> i64 {
        let v = self.vol_sqrt_time;
        // ln(S/K) from Q62 to Q48 (floor); |x| < 50.
        let x = (ln_spot_q62 - self.ln_strike_q62) >> (62 - Q48);
        // With σ√T < 1 and |x| ≥ 16σ√T both |d| exceed 15, where N is exactly 0 or 1, so x/σ√T is replaced by ±64
        // to keep the product within i128.
        let x_over_v = if v < Q48_ONE && x.abs() >= 16 * v {
            x.signum() * (64 << Q48)
        } else {
            // |x|·(1/σ√T) < 16·2^96 below σ√T = 1 and < 2^54·2^48 above: the product cannot wrap.
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
    amount.wrapping_mul(weight as i128) >> Q48
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
        let call = Pricer::new(OptionKind::Call, fx(100), FX_ONE / 5, 365 * DAY).value(fx(100));
        assert!((call - 7_965_567_455_406).abs() <= 10, "{call}");
    }

    #[test]
    fn put_call_parity_holds_with_zero_rates() {
        for strike in [80, 95, 100, 105, 130] {
            let c = Pricer::new(OptionKind::Call, fx(strike), FX_ONE / 2, 30 * DAY).value(fx(100));
            let p = Pricer::new(OptionKind::Put, fx(strike), FX_ONE / 2, 30 * DAY).value(fx(100));
            assert!(
                (c - p - (fx(100) - fx(strike))).abs() <= 10,
                "K={strike}: {c} {p}"
            );
        }
    }

    #[test]
    fn expired_or_zero_vol_options_are_worth_intrinsic() {
        let expired = Pricer::new(OptionKind::Call, fx(90), FX_ONE, 0);
        assert_eq!(expired.value(fx(100)), fx(10));
        let after = Pricer::new(OptionKind::Put, fx(90), FX_ONE, -DAY);
        assert_eq!(after.value(fx(80)), fx(10));
        let flat = Pricer::new(OptionKind::Put, fx(90), 0, DAY);
        assert_eq!(flat.value(fx(100)), 0);
    }
}
