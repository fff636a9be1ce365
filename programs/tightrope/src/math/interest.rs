//! The kinked utilization interest model, accrued by index.
//!
//! Utilization `u = borrows / deposits` sets an annual borrow rate, piecewise linear through `(0, rate_at_zero)`,
//! `(optimal, rate_at_optimal)` and `(1, rate_at_max)`. [`accrue`] grows the borrow index by
//! `rate × elapsed / SECONDS_PER_YEAR` (simple within one call, compounding across calls), measures the interest as
//! the growth of what all borrow shares owe, sends the protocol's fee share to the fee total and spreads the rest
//! over the deposit shares.
//!
//! ## Rounding (each against borrowers and depositors, for the protocol)
//! * utilization rounds **up** and the rate **up**: both can only raise what borrowers pay; what depositors receive
//!   is capped by the interest actually charged, so a higher rate never hands out more than it collects;
//! * the borrow index grows by **up** to 10^-12 of an index unit more than exact (so at most one extra 10^-12 per
//!   call; at one call per second that is < 3.2·10^-5 of an index unit a year);
//! * the fee rounds **up** (the protocol takes its share first); the deposit index grows **down**.
//!
//! ## Token conservation
//! Write `D = deposit_native(S_d, i_d)` (rounded down), `B = borrow_native(S_b, i_b)` (rounded up), `F` the fee
//! total, and the vault `V = D − B + F` (the program's per-account values satisfy Σ deposits ≤ D and Σ debts ≥ B,
//! so its vault is at least this). After one accrual with `I = B' − B` and fee `f`:
//! `D' − B' + (F + f) = V − dust` with `0 ≤ dust = (I − f) − (D' − D) ≤ ⌈S_d / 10^12⌉` native units.
//! Proof: `δ = ⌊(I − f)·10^12 / S_d⌋`, so `S_d·δ/10^12 ∈ (I − f − S_d/10^12, I − f]` and `D' = ⌊S_d(i_d + δ)/10^12⌋`
//! lies in `[D + (I − f) − ⌈S_d/10^12⌉, D + (I − f)]`. So depositors are never owed more than the vault holds, and
//! for up to 10^12 deposit shares the dust is at most one native unit per accrual. With no deposit shares the
//! whole interest is fee (dust 0): nobody else can be owed it.
//!
//! ## Bounds
//! [`InterestModel::validate`] caps rates at [`MAX_ANNUAL_RATE`] (1,000% a year), so `rate × elapsed` fits `i128`
//! for every `u64` elapsed time: no cap on elapsed time and no saturation. A result that leaves `i128` (an index or
//! a total after centuries at the top rate) is `Overflow`, and the caller then changes nothing.

use super::shares::{borrow_native, deposit_native};
use super::MathError::{InvalidInput, Overflow};
use super::Rounding::{Down, Up};
use super::{mul_div, to_i128, to_u128, Fx, MathResult, FX_ONE};

/// 365 days.
pub const SECONDS_PER_YEAR: u64 = 365 * 24 * 60 * 60;
/// A year of seconds times FX_ONE, the denominator of `rate × elapsed`.
const YEAR_FX: i128 = SECONDS_PER_YEAR as i128 * FX_ONE;
/// Highest accepted annual rate: 10 (1,000%).
pub const MAX_ANNUAL_RATE: Fx = 10 * FX_ONE;

/// Annual rates and shares, all [`Fx`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InterestModel {
    pub optimal_utilization: Fx,
    pub rate_at_zero: Fx,
    pub rate_at_optimal: Fx,
    pub rate_at_max: Fx,
    pub protocol_fee_share: Fx,
}

impl InterestModel {
    /// `0 < optimal ≤ 1`, `0 ≤ rate_at_zero ≤ rate_at_optimal ≤ rate_at_max ≤ MAX_ANNUAL_RATE`, `0 ≤ fee share ≤ 1`;
    /// otherwise `InvalidInput`.
    pub fn validate(&self) -> MathResult<()> {
        let ok = 0 < self.optimal_utilization
            && self.optimal_utilization <= FX_ONE
            && 0 <= self.rate_at_zero
            && self.rate_at_zero <= self.rate_at_optimal
            && self.rate_at_optimal <= self.rate_at_max
            && self.rate_at_max <= MAX_ANNUAL_RATE
            && (0..=FX_ONE).contains(&self.protocol_fee_share);
        if ok {
            Ok(())
        } else {
            Err(InvalidInput)
        }
    }
}

/// The result of one accrual: the new indices, the interest charged and the protocol's part of it, and the
/// utilization and rate used (for the event).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accrual {
    pub deposit_index: Fx,
    pub borrow_index: Fx,
    pub interest_native: u128,
    pub protocol_fee_native: u128,
    pub utilization: Fx,
    pub borrow_rate: Fx,
}

/// `borrows / deposits` in `[0, FX_ONE]`: 0 with no borrows, `FX_ONE` when borrows reach or exceed deposits
/// (including zero deposits).
pub fn utilization(deposits_native: u128, borrows_native: u128) -> Fx {
    if borrows_native == 0 {
        return 0;
    }
    if borrows_native >= deposits_native {
        return FX_ONE;
    }
    let (mut borrows, mut deposits) = (borrows_native, deposits_native);
    if deposits > i128::MAX as u128 {
        // Up: halve into i128 range, borrows up and deposits down, so the ratio can only grow.
        borrows = borrows / 2 + borrows % 2;
        deposits /= 2;
    }
    // Up: a higher utilization only raises what borrowers pay (see the module notes). The quotient is < 2·FX_ONE,
    // so the fallback is unreachable; it is the conservative answer anyway.
    mul_div(borrows as i128, FX_ONE, deposits as i128, Up).map_or(FX_ONE, |u| u.min(FX_ONE))
}

/// The annual borrow rate at `utilization` (in `[0, FX_ONE]`, else `InvalidInput`; the model must validate).
pub fn borrow_rate(model: &InterestModel, utilization: Fx) -> MathResult<Fx> {
    model.validate()?;
    if !(0..=FX_ONE).contains(&utilization) {
        return Err(InvalidInput);
    }
    let m = model;
    let rise = if utilization <= m.optimal_utilization {
        // Up: the borrower pays at least the exact rate on the first slope.
        mul_div(
            m.rate_at_optimal - m.rate_at_zero,
            utilization,
            m.optimal_utilization,
            Up,
        )?
    } else {
        // Up: the borrower pays at least the exact rate on the second slope (here optimal < 1).
        m.rate_at_optimal - m.rate_at_zero
            + mul_div(
                m.rate_at_max - m.rate_at_optimal,
                utilization - m.optimal_utilization,
                FX_ONE - m.optimal_utilization,
                Up,
            )?
    };
    // Both slopes stay within [rate_at_zero, rate_at_max] ≤ MAX_ANNUAL_RATE: no overflow.
    Ok(m.rate_at_zero + rise)
}

/// Brings an asset's indices forward by `elapsed_seconds` (see the module notes for rounding and conservation).
pub fn accrue(
    model: &InterestModel,
    deposit_index: Fx,
    borrow_index: Fx,
    deposit_shares_total: u128,
    borrow_shares_total: u128,
    elapsed_seconds: u64,
) -> MathResult<Accrual> {
    model.validate()?;
    let deposits = deposit_native(deposit_shares_total, deposit_index)?;
    let borrows = borrow_native(borrow_shares_total, borrow_index)?;
    let utilization = utilization(deposits, borrows);
    let rate = borrow_rate(model, utilization)?;

    // rate ≤ 10^13 and elapsed < 1.9·10^19, so this product (< 1.9·10^32) always fits.
    let rate_time = rate.checked_mul(elapsed_seconds.into()).ok_or(Overflow)?;
    // Up: the debt grows by at least the exact simple interest of this call.
    let growth = mul_div(borrow_index, rate_time, YEAR_FX, Up)?;
    let new_borrow_index = borrow_index.checked_add(growth).ok_or(Overflow)?;
    let new_borrows = borrow_native(borrow_shares_total, new_borrow_index)?;
    // The index only grows and the rounded-up debt is monotone in it, so this never underflows.
    let interest = new_borrows.checked_sub(borrows).ok_or(Overflow)?;

    let (fee, new_deposit_index) = if deposit_shares_total == 0 {
        // No depositor to credit: the whole interest is the protocol's, so nothing is left unaccounted.
        (interest, deposit_index)
    } else {
        // Up: the protocol takes at least its share of the interest (never more than all of it, as share ≤ 1).
        let fee = mul_div(to_i128(interest)?, model.protocol_fee_share, FX_ONE, Up)?;
        let fee = to_u128(fee)?;
        let to_depositors = to_i128(interest - fee)?;
        // Down: depositors are credited no more than their part, spread over their shares.
        let growth = mul_div(to_depositors, FX_ONE, to_i128(deposit_shares_total)?, Down)?;
        let index = deposit_index.checked_add(growth).ok_or(Overflow)?;
        (fee, index)
    };
    // The new deposit total must stay representable, or later touches of the asset would fail.
    deposit_native(deposit_shares_total, new_deposit_index)?;

    Ok(Accrual {
        deposit_index: new_deposit_index,
        borrow_index: new_borrow_index,
        interest_native: interest,
        protocol_fee_native: fee,
        utilization,
        borrow_rate: rate,
    })
}

#[cfg(test)]
mod tests {
    use super::super::Lcg;
    use super::*;

    const ONE: Fx = FX_ONE;
    const YEAR: u64 = SECONDS_PER_YEAR;
    const MILLI: Fx = ONE / 1_000;

    /// A model from (optimal, rate at zero, at optimal, at max, fee share) in thousandths.
    const fn milli(p: [i128; 5]) -> InterestModel {
        InterestModel {
            optimal_utilization: p[0] * MILLI,
            rate_at_zero: p[1] * MILLI,
            rate_at_optimal: p[2] * MILLI,
            rate_at_max: p[3] * MILLI,
            protocol_fee_share: p[4] * MILLI,
        }
    }
    /// Kink at 80%: 2% at zero, 10% at the kink, 100% at full; 10% of interest to the protocol.
    const MODEL: InterestModel = milli([800, 20, 100, 1_000, 100]);
    /// 7% whatever the utilization, no fee.
    const FLAT_7: InterestModel = milli([800, 70, 70, 70, 0]);

    /// `MODEL` with one parameter changed.
    fn with(change: fn(&mut InterestModel)) -> InterestModel {
        let mut model = MODEL;
        change(&mut model);
        model
    }

    #[test]
    fn validation_names_each_bad_parameter() {
        assert_eq!(MODEL.validate(), Ok(()));
        assert_eq!(with(|m| m.optimal_utilization = ONE).validate(), Ok(()));
        let bad = [
            with(|m| m.optimal_utilization = 0),
            with(|m| m.optimal_utilization = ONE + 1),
            with(|m| m.rate_at_zero = -1),
            with(|m| m.rate_at_zero = 101 * MILLI),
            with(|m| m.rate_at_max = 99 * MILLI),
            with(|m| m.rate_at_max = MAX_ANNUAL_RATE + 1),
            with(|m| m.protocol_fee_share = ONE + 1),
            with(|m| m.protocol_fee_share = -1),
        ];
        for model in bad {
            assert_eq!(model.validate(), Err(InvalidInput), "{model:?}");
        }
    }

    #[test]
    fn utilization_rounds_up_and_caps_at_one() {
        assert_eq!(utilization(0, 0), 0);
        assert_eq!(utilization(1_000, 0), 0);
        assert_eq!(utilization(0, 5), ONE);
        assert_eq!(utilization(10, 20), ONE);
        assert_eq!(utilization(20, 10), 500 * MILLI);
        assert_eq!(utilization(3, 1), 333_333_333_334);
        // Deposits beyond i128: both halved (borrows up), still just above one third.
        assert_eq!(utilization(u128::MAX, u128::MAX / 3), 333_333_333_334);
        assert_eq!(utilization(u128::MAX, u128::MAX - 1), ONE);
        // Just above 10^-12 before and after halving: 2 units, not 1 (the odd borrow unit rounds up).
        assert_eq!(utilization(2 * 10u128.pow(38), 2 * 10u128.pow(26) + 1), 2);
    }

    #[test]
    fn the_rate_follows_both_slopes_and_rounds_up() {
        let rate = |u| borrow_rate(&MODEL, u);
        assert_eq!(rate(0), Ok(20 * MILLI));
        assert_eq!(rate(400 * MILLI), Ok(60 * MILLI));
        assert_eq!(rate(800 * MILLI), Ok(100 * MILLI));
        assert_eq!(rate(900 * MILLI), Ok(550 * MILLI));
        assert_eq!(rate(ONE), Ok(ONE));
        // 10^-12 of utilization adds 0.1·10^-12 of rate on the first slope, 4.5·10^-12 on the second: up.
        assert_eq!(rate(1), Ok(20 * MILLI + 1));
        assert_eq!(rate(800 * MILLI + 1), Ok(100 * MILLI + 5));
        assert_eq!(rate(ONE + 1), Err(InvalidInput));
        assert_eq!(rate(-1), Err(InvalidInput));
        let full_kink = with(|m| m.optimal_utilization = ONE);
        assert_eq!(borrow_rate(&full_kink, ONE), Ok(100 * MILLI));
        let bad = with(|m| m.optimal_utilization = 0);
        assert_eq!(borrow_rate(&bad, 0), Err(InvalidInput));
    }

    #[test]
    fn a_year_at_half_utilization_pays_seven_percent_with_a_tenth_to_the_protocol() {
        // 1,000,000 borrowed of 2,000,000 deposited: u = 50%, rate = 2% + 8% × 50/80 = 7%.
        let a = accrue(&MODEL, ONE, ONE, 2_000_000, 1_000_000, YEAR).unwrap();
        assert_eq!((a.utilization, a.borrow_rate), (500 * MILLI, 70 * MILLI));
        assert_eq!(a.borrow_index, 1_070 * MILLI);
        assert_eq!((a.interest_native, a.protocol_fee_native), (70_000, 7_000));
        // 63,000 over 2,000,000 shares: +3.15%.
        assert_eq!(a.deposit_index, 1_031_500_000_000);
    }

    #[test]
    fn one_second_rounds_the_index_up_and_the_fee_takes_the_odd_unit() {
        // 10^12 × 0.07 / 31,536,000 = 2,219.68… → 2,220.
        let a = accrue(&MODEL, ONE, ONE, 2_000_000, 1_000_000, 1).unwrap();
        assert_eq!(a.borrow_index, ONE + 2_220);
        // 1,000,000 shares owe 1,000,000.00222 → 1,000,001: one unit of interest, all of it fee (rounded up).
        assert_eq!((a.interest_native, a.protocol_fee_native), (1, 1));
        assert_eq!(a.deposit_index, ONE);
    }

    #[test]
    fn calls_compound_and_elapsed_zero_changes_nothing() {
        let half = accrue(&FLAT_7, ONE, ONE, 0, 1_000_000, YEAR / 2).unwrap();
        assert_eq!(half.borrow_index, 1_035 * MILLI);
        let twice = accrue(&FLAT_7, ONE, half.borrow_index, 0, 1, YEAR / 2).unwrap();
        assert_eq!(twice.borrow_index, 1_071_225_000_000);
        let (d, b) = (1_234_567_890_123, 1_500_000_000_007);
        let none = accrue(&MODEL, d, b, 77, 55, 0).unwrap();
        assert_eq!((none.deposit_index, none.borrow_index), (d, b));
        assert_eq!((none.interest_native, none.protocol_fee_native), (0, 0));
    }

    #[test]
    fn without_depositors_all_interest_is_fee_and_without_borrowers_there_is_none() {
        let a = accrue(&FLAT_7, ONE, ONE, 0, 1_000_000, YEAR).unwrap();
        assert_eq!((a.interest_native, a.protocol_fee_native), (70_000, 70_000));
        assert_eq!(a.deposit_index, ONE);
        // No borrows: the rate is the rate at zero and the index moves, but no shares owe anything.
        let b = accrue(&MODEL, ONE, ONE, 1_000_000, 0, YEAR).unwrap();
        assert_eq!((b.utilization, b.borrow_index), (0, 1_020 * MILLI));
        assert_eq!((b.interest_native, b.protocol_fee_native), (0, 0));
        assert_eq!(b.deposit_index, ONE);
    }

    #[test]
    fn huge_times_and_bad_inputs_are_named_errors_or_exact() {
        // 2^64 − 1 seconds at 7%: ≈ 4.09·10^10 × the index (rounded up), representable for 10^6 shares.
        let a = accrue(&FLAT_7, ONE, ONE, 0, 1_000_000, u64::MAX).unwrap();
        assert_eq!(a.borrow_index, ONE + 40_945_969_214_855_042_270_739);
        let bad = with(|m| m.rate_at_max = MAX_ANNUAL_RATE + 1);
        let top = i128::MAX / 2;
        let refused = [
            (accrue(&FLAT_7, ONE, top, 0, 1, 100 * YEAR), Overflow),
            (accrue(&MODEL, ONE, ONE, u128::MAX, 0, 1), Overflow),
            (accrue(&MODEL, 0, ONE, 1, 1, 1), InvalidInput),
            (accrue(&MODEL, ONE, -1, 1, 1, 1), InvalidInput),
            (accrue(&bad, ONE, ONE, 1, 1, 1), InvalidInput),
        ];
        for (result, error) in refused {
            assert_eq!(result, Err(error));
        }
    }

    /// `V = D − B + F` before; after, `D' − B' + F' = V − dust` with `0 ≤ dust ≤ ⌈S_d / 10^12⌉`.
    #[test]
    fn accrual_never_owes_depositors_more_than_the_vault_holds_and_dust_is_bounded() {
        let mut rng = Lcg(2024);
        let mut seen = [0u32; 5]; // ok, with interest, no deposits, no borrows, dust > 0
        for step in 0..30_000u32 {
            let mut rates = [0; 3].map(|_| rng.below(MAX_ANNUAL_RATE as u64 + 1) as Fx);
            rates.sort();
            let fee = [0, ONE, rng.below(ONE as u64 + 1) as Fx][rng.below(3) as usize];
            let optimal = 1 + rng.below(ONE as u64) as Fx;
            let model = InterestModel {
                optimal_utilization: optimal,
                rate_at_zero: rates[0],
                rate_at_optimal: rates[1],
                rate_at_max: rates[2],
                protocol_fee_share: fee,
            };
            let (i_d, i_b) = (ONE + rng.spread(70) as Fx, ONE + rng.spread(70) as Fx);
            let s_d = if step % 10 == 0 { 0 } else { rng.spread(90) };
            let s_b = if step % 11 == 0 { 0 } else { rng.spread(90) };
            let elapsed = match rng.below(6) {
                0 => 0,
                1 => 1,
                2 => rng.below(60),
                3 => rng.below(YEAR),
                4 => rng.below(100 * YEAR),
                _ => u64::MAX - rng.below(1_000),
            };
            let d = deposit_native(s_d, i_d).unwrap();
            let b = borrow_native(s_b, i_b).unwrap();
            let a = match accrue(&model, i_d, i_b, s_d, s_b, elapsed) {
                Ok(a) => a,
                Err(e) => {
                    assert_eq!(e, Overflow, "only overflow may refuse valid inputs");
                    continue;
                }
            };
            let d2 = deposit_native(s_d, a.deposit_index).unwrap();
            let b2 = borrow_native(s_b, a.borrow_index).unwrap();
            assert_eq!(b2 - b, a.interest_native);
            assert!(a.protocol_fee_native <= a.interest_native);
            assert!(a.deposit_index >= i_d && a.borrow_index >= i_b);
            // D' − D ≤ I − f, i.e. D' − B' + F' ≤ D − B + F = V.
            let (credited, owed) = (d2 - d, a.interest_native - a.protocol_fee_native);
            assert!(credited <= owed, "depositors got more than their interest");
            let dust = owed - credited;
            assert!(
                dust <= s_d.div_ceil(ONE as u128),
                "dust {dust}, {s_d} shares"
            );
            let interest = a.interest_native > 0;
            let flags = [
                true,
                interest,
                s_d == 0 && interest,
                s_b == 0 && elapsed > 0,
                dust > 0,
            ];
            for (count, flag) in seen.iter_mut().zip(flags) {
                *count += flag as u32;
            }
        }
        // The loop must have exercised the interesting cases, not only refusals.
        assert!(seen[0] > 20_000 && seen[1] > 10_000, "{seen:?}");
        assert!(seen[2] > 100 && seen[3] > 100 && seen[4] > 100, "{seen:?}");
    }
}
