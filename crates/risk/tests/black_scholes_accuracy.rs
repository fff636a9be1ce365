//! The integer Black–Scholes and its ln / exp / normal CDF against f64 references (libm's erfc for N).
//! f64 carries ~1e-16 relative error, three orders below the bounds asserted here.

use proptest::prelude::*;
use tightrope_risk::options::black_scholes::{OptionKind, Pricer, SECONDS_PER_YEAR};
use tightrope_risk::options::qmath::{exp_neg_q48, ln_q62, normal_cdf_q48, Q48_ONE};
use tightrope_risk::FX_ONE;

/// Documented bounds (crate docs): value per unit within 2e-13 × (spot + strike) + 2 Fx units; N within 1e-14.
const VALUE_RELATIVE_BOUND: f64 = 2e-13;
const VALUE_ABSOLUTE_FX: f64 = 2.0;
const CDF_BOUND: f64 = 1e-14;

fn reference_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

fn reference_value(kind: OptionKind, spot: f64, strike: f64, vol: f64, years: f64) -> f64 {
    let v = vol * years.sqrt();
    let d1 = (spot / strike).ln() / v + v / 2.0;
    let d2 = d1 - v;
    match kind {
        OptionKind::Call => spot * reference_cdf(d1) - strike * reference_cdf(d2),
        OptionKind::Put => strike * reference_cdf(-d2) - spot * reference_cdf(-d1),
    }
}

/// Error of the integer value in units of the documented bound (≤ 1 passes).
fn bound_usage(kind: OptionKind, spot: i128, strike: i128, vol: i128, seconds: i64) -> f64 {
    let integer = Pricer::new(kind, strike, vol, seconds).value(spot) as f64;
    let to_f = |x: i128| x as f64 / FX_ONE as f64;
    let reference = reference_value(
        kind,
        to_f(spot),
        to_f(strike),
        to_f(vol),
        seconds as f64 / SECONDS_PER_YEAR as f64,
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]
    #[test]
    fn option_values_stay_within_the_bound_for_random_inputs(
        spot in 1_000_000i128..1_000_000 * FX_ONE,
        moneyness in 300i128..3_000,
        vol in FX_ONE / 100..5 * FX_ONE,
        seconds in 60i64..10 * 31_536_000,
        call in any::<bool>(),
    ) {
        let kind = if call { OptionKind::Call } else { OptionKind::Put };
        let usage = bound_usage(kind, spot, spot * moneyness / 1_000, vol, seconds);
        prop_assert!(usage <= 1.0, "{}", usage);
    }
}
