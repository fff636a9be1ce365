//! The integer Black–Scholes and its ln / exp / normal CDF against f64 references (libm's erfc for N).
//! f64 carries ~1e-16 relative error, three orders below the bounds asserted here.

use proptest::prelude::*;
use tightrope_risk::options::black_scholes::{OptionKind, Pricer, SECONDS_PER_YEAR};
use tightrope_risk::options::qmath::{exp_neg_q48, ln_q62, normal_cdf_q48, Q48_ONE};
use tightrope_risk::{Carry, FX_ONE};

/// Documented bounds (crate docs): value per unit within 2e-13 × (spot + strike) + 2 Fx units; N within 1e-14.
const VALUE_RELATIVE_BOUND: f64 = 2e-13;
const VALUE_ABSOLUTE_FX: f64 = 2.0;
const CDF_BOUND: f64 = 1e-14;

fn reference_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

/// Black–Scholes–Merton in f64: S' = S·e^(−qT), K' = K·e^(−rT), d1 = (ln(S'/K') + σ²T/2) / σ√T.
fn reference_value(
    kind: OptionKind,
    spot: f64,
    strike: f64,
    vol: f64,
    years: f64,
    r: f64,
    q: f64,
) -> f64 {
    let (spot, strike) = (spot * (-q * years).exp(), strike * (-r * years).exp());
    let v = vol * years.sqrt();
    let d1 = (spot / strike).ln() / v + v / 2.0;
    let d2 = d1 - v;
    match kind {
        OptionKind::Call => spot * reference_cdf(d1) - strike * reference_cdf(d2),
        OptionKind::Put => strike * reference_cdf(-d2) - spot * reference_cdf(-d1),
    }
}

fn bound_usage(kind: OptionKind, spot: i128, strike: i128, vol: i128, seconds: i64) -> f64 {
    carried_bound_usage(kind, spot, strike, vol, seconds, Carry::NONE)
}

/// Error of the integer value in units of the documented bound (≤ 1 passes).
fn carried_bound_usage(
    kind: OptionKind,
    spot: i128,
    strike: i128,
    vol: i128,
    seconds: i64,
    carry: Carry,
) -> f64 {
    let integer = Pricer::new(kind, strike, vol, seconds, carry).value(spot) as f64;
    let to_f = |x: i128| x as f64 / FX_ONE as f64;
    let reference = reference_value(
        kind,
        to_f(spot),
        to_f(strike),
        to_f(vol),
        seconds as f64 / SECONDS_PER_YEAR as f64,
        to_f(carry.rate),
        to_f(carry.yield_rate),
    ) * FX_ONE as f64;
    let allowed = VALUE_RELATIVE_BOUND * (spot + strike) as f64 + VALUE_ABSOLUTE_FX;
    (integer - reference).abs() / allowed
}

#[test]
fn normal_cdf_is_within_1e_14_on_a_fine_grid() {
    let mut worst = 0f64;
    for i in -12_000..=12_000 {
        let x = i as f64 / 1_000.0;
        let integer = normal_cdf_q48((x * Q48_ONE as f64) as i128) as f64 / Q48_ONE as f64;
        // The grid point itself is the Q48 rounding of x; evaluate the reference there too.
        let x_exact = ((x * Q48_ONE as f64) as i128) as f64 / Q48_ONE as f64;
        worst = worst.max((integer - reference_cdf(x_exact)).abs());
    }
    println!("normal CDF worst absolute error: {worst:e}");
    assert!(worst <= CDF_BOUND, "{worst:e}");
}

#[test]
fn ln_and_exp_are_within_1e_14() {
    let mut worst_ln = 0f64;
    for n in (1u64..2_000)
        .chain((0..53).map(|k| (1u64 << k) + 12_345))
        .chain([999_999_999_999, 1 << 52])
    {
        let integer = ln_q62(n as u128) as f64 / (1u128 << 62) as f64;
        worst_ln = worst_ln.max((integer - (n as f64).ln()).abs());
    }
    let mut worst_exp = 0f64;
    for i in 0..=41_000 {
        let y = -(i as f64) / 1_000.0;
        let q = (y * Q48_ONE as f64) as i128;
        let integer = exp_neg_q48(q) as f64 / Q48_ONE as f64;
        worst_exp = worst_exp.max((integer - (q as f64 / Q48_ONE as f64).exp()).abs());
    }
    println!("ln worst absolute error: {worst_ln:e}; exp: {worst_exp:e}");
    assert!(worst_ln <= 1e-14 && worst_exp <= 1e-14);
}

#[test]
fn option_values_are_within_the_documented_bound_over_a_grid() {
    let mut worst = 0f64;
    let hour = 3_600i64;
    for spot in [FX_ONE / 1_000, FX_ONE, 100 * FX_ONE, 50_000 * FX_ONE] {
        for strike_per_mille in [500, 800, 950, 1_000, 1_050, 1_250, 2_000] {
            let strike = spot * strike_per_mille / 1_000;
            for vol_percent in [5, 30, 100, 300] {
                for seconds in [
                    hour,
                    24 * hour,
                    30 * 24 * hour,
                    365 * 24 * hour,
                    5 * 365 * 24 * hour,
                ] {
                    for kind in [OptionKind::Call, OptionKind::Put] {
                        let usage =
                            bound_usage(kind, spot, strike, vol_percent * FX_ONE / 100, seconds);
                        worst = worst.max(usage);
                    }
                }
            }
        }
    }
    println!("Black–Scholes worst error as a share of the bound: {worst:.3}");
    assert!(worst <= 1.0, "{worst}");
}

#[test]
fn carried_values_are_within_the_bound_deep_in_the_money_long_dated_and_near_expiry() {
    let mut worst = 0f64;
    let hour = 3_600i64;
    let year = 365 * 24 * hour;
    let spot = 100 * FX_ONE;
    for rate_bp in [0, 500, 2_500, 10_000] {
        for yield_bp in [0, 300, 2_000] {
            let carry = Carry {
                rate: rate_bp * FX_ONE / 10_000,
                yield_rate: yield_bp * FX_ONE / 10_000,
            };
            // Strikes from deep in the money to deep out of it on either side.
            for strike_percent in [20, 50, 80, 100, 125, 200, 400] {
                for vol_percent in [5, 30, 100] {
                    for seconds in [hour, 24 * hour, 30 * 24 * hour, year, 5 * year, 30 * year] {
                        for kind in [OptionKind::Call, OptionKind::Put] {
                            let strike = spot * strike_percent / 100;
                            let vol = vol_percent * FX_ONE / 100;
                            worst = worst
                                .max(carried_bound_usage(kind, spot, strike, vol, seconds, carry));
                        }
                    }
                }
            }
        }
    }
    println!("carried Black–Scholes worst error as a share of the bound: {worst:.3}");
    assert!(worst <= 1.0, "{worst}");
}

#[test]
fn carry_discounts_a_deep_in_the_money_long_dated_put_below_its_intrinsic_value() {
    // Strike 150 on a spot of 100, 10% vol, 5 years, 5% rate: the European put is worth 20.29 (K·e^(−rT) − S =
    // 16.82 plus time value), not the 50 of intrinsic value the zero-rate model floors it at: 60% less.
    let carry = Carry {
        rate: FX_ONE / 20,
        yield_rate: 0,
    };
    let put = |carry| {
        Pricer::new(
            OptionKind::Put,
            150 * FX_ONE,
            FX_ONE / 10,
            5 * 31_536_000,
            carry,
        )
        .value(100 * FX_ONE)
    };
    assert!(put(Carry::NONE) >= 50 * FX_ONE);
    let carried = put(carry) as f64 / FX_ONE as f64;
    let reference = reference_value(OptionKind::Put, 100.0, 150.0, 0.1, 5.0, 0.05, 0.0);
    assert!((carried - reference).abs() < 1e-9, "{carried} {reference}");
    assert!((carried - 20.288805).abs() < 1e-6, "{carried}");
}

#[test]
fn put_call_parity_holds_with_carry() {
    // C − P = S·e^(−qT) − K·e^(−rT), both sides within a few Fx units.
    let carry = Carry {
        rate: FX_ONE * 4 / 100,
        yield_rate: FX_ONE * 2 / 100,
    };
    let seconds = 2 * 31_536_000;
    let forward_gap = 100.0 * (-0.04f64).exp() - 90.0 * (-0.08f64).exp();
    let call =
        Pricer::new(OptionKind::Call, 90 * FX_ONE, FX_ONE / 3, seconds, carry).value(100 * FX_ONE);
    let put =
        Pricer::new(OptionKind::Put, 90 * FX_ONE, FX_ONE / 3, seconds, carry).value(100 * FX_ONE);
    let gap = (call - put) as f64 / FX_ONE as f64;
    assert!((gap - forward_gap).abs() < 1e-10, "{gap} {forward_gap}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn option_values_stay_within_the_bound_for_random_inputs(
        spot in 1_000_000i128..1_000_000 * FX_ONE,
        moneyness in 300i128..3_000,
        vol in FX_ONE / 100..5 * FX_ONE,
        seconds in 60i64..10 * 31_536_000,
        call in any::<bool>(),
        rate in 0..FX_ONE / 5,
        yield_rate in 0..FX_ONE / 5,
    ) {
        let kind = if call { OptionKind::Call } else { OptionKind::Put };
        let carry = Carry { rate, yield_rate };
        let usage = carried_bound_usage(kind, spot, spot * moneyness / 1_000, vol, seconds, carry);
        prop_assert!(usage <= 1.0, "{}", usage);
    }
}
