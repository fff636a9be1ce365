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
//! a total after centuries at the top rate) is `MathError::Overflow`, and the caller then changes nothing.

use super::shares::{borrow_native, deposit_native};
use super::{mul_div, to_i128, to_u128, Fx, MathError, MathResult, Rounding, FX_ONE};

/// 365 days.
pub const SECONDS_PER_YEAR: u64 = 365 * 24 * 60 * 60;
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
            Err(MathError::InvalidInput)
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
    mul_div(borrows as i128, FX_ONE, deposits as i128, Rounding::Up)
        .map_or(FX_ONE, |u| u.min(FX_ONE))
}

/// The annual borrow rate at `utilization` (in `[0, FX_ONE]`, else `InvalidInput`; the model must validate).
pub fn borrow_rate(model: &InterestModel, utilization: Fx) -> MathResult<Fx> {
    model.validate()?;
    if !(0..=FX_ONE).contains(&utilization) {
        return Err(MathError::InvalidInput);
    }
    let m = model;
    let rise = if utilization <= m.optimal_utilization {
        // Up: the borrower pays at least the exact rate on the first slope.
        mul_div(
            m.rate_at_optimal - m.rate_at_zero,
            utilization,
            m.optimal_utilization,
            Rounding::Up,
        )?
    } else {
        // Up: the borrower pays at least the exact rate on the second slope (here optimal < 1).
        m.rate_at_optimal - m.rate_at_zero
            + mul_div(
                m.rate_at_max - m.rate_at_optimal,
                utilization - m.optimal_utilization,
                FX_ONE - m.optimal_utilization,
                Rounding::Up,
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
    let rate_time = rate
        .checked_mul(i128::from(elapsed_seconds))
        .ok_or(MathError::Overflow)?;
    // Up: the debt grows by at least the exact simple interest of this call.
    let growth = mul_div(
        borrow_index,
        rate_time,
        SECONDS_PER_YEAR as i128 * FX_ONE,
        Rounding::Up,
    )?;
    let new_borrow_index = borrow_index
        .checked_add(growth)
        .ok_or(MathError::Overflow)?;
    let new_borrows = borrow_native(borrow_shares_total, new_borrow_index)?;
    // The index only grows and the rounded-up debt is monotone in it, so this never underflows.
    let interest = new_borrows
        .checked_sub(borrows)
        .ok_or(MathError::Overflow)?;

    let (fee, new_deposit_index) = if deposit_shares_total == 0 {
        // No depositor to credit: the whole interest is the protocol's, so nothing is left unaccounted.
        (interest, deposit_index)
    } else {
        // Up: the protocol takes at least its share of the interest (never more than all of it, as share ≤ 1).
        let fee = to_u128(mul_div(
            to_i128(interest)?,
            model.protocol_fee_share,
            FX_ONE,
            Rounding::Up,
        )?)?;
        let to_depositors = to_i128(interest - fee)?;
        // Down: depositors are credited no more than their part, spread over their shares.
        let growth = mul_div(
            to_depositors,
            FX_ONE,
            to_i128(deposit_shares_total)?,
            Rounding::Down,
        )?;
        let index = deposit_index
            .checked_add(growth)
            .ok_or(MathError::Overflow)?;
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

    const fn fx_milli(m: i128) -> Fx {
        m * 1_000_000_000
    }

    /// Kink at 80%: 2% at zero, 10% at the kink, 100% at full; 10% of interest to the protocol.
    const MODEL: InterestModel = InterestModel {
        optimal_utilization: fx_milli(800),
        rate_at_zero: fx_milli(20),
        rate_at_optimal: fx_milli(100),
        rate_at_max: FX_ONE,
        protocol_fee_share: fx_milli(100),
    };

    /// 7% whatever the utilization.
    const FLAT_7: InterestModel = InterestModel {
        optimal_utilization: fx_milli(800),
        rate_at_zero: fx_milli(70),
        rate_at_optimal: fx_milli(70),
        rate_at_max: fx_milli(70),
        protocol_fee_share: 0,
    };

    #[test]
    fn validation_names_each_bad_parameter() {
        assert_eq!(MODEL.validate(), Ok(()));
        let full_kink = InterestModel {
            optimal_utilization: FX_ONE,
            ..MODEL
        };
        assert_eq!(full_kink.validate(), Ok(()));
        let bad = [
            InterestModel {
                optimal_utilization: 0,
                ..MODEL
            },
            InterestModel {
                optimal_utilization: FX_ONE + 1,
                ..MODEL
            },
            InterestModel {
                rate_at_zero: -1,
                ..MODEL
            },
            InterestModel {
                rate_at_zero: fx_milli(101),
                ..MODEL
            },
            InterestModel {
                rate_at_max: fx_milli(99),
                ..MODEL
            },
            InterestModel {
                rate_at_max: MAX_ANNUAL_RATE + 1,
                ..MODEL
            },
            InterestModel {
                protocol_fee_share: FX_ONE + 1,
                ..MODEL
            },
            InterestModel {
                protocol_fee_share: -1,
                ..MODEL
            },
        ];
        for model in bad {
            assert_eq!(model.validate(), Err(MathError::InvalidInput), "{model:?}");
        }
    }

    #[test]
    fn utilization_rounds_up_and_caps_at_one() {
        assert_eq!(utilization(0, 0), 0);
        assert_eq!(utilization(1_000, 0), 0);
        assert_eq!(utilization(0, 5), FX_ONE);
        assert_eq!(utilization(10, 20), FX_ONE);
        assert_eq!(utilization(20, 10), fx_milli(500));
        assert_eq!(utilization(3, 1), 333_333_333_334);
        // Deposits beyond i128: both halved (borrows up), still just above one third.
        assert_eq!(utilization(u128::MAX, u128::MAX / 3), 333_333_333_334);
        assert_eq!(utilization(u128::MAX, u128::MAX - 1), FX_ONE);
    }

    #[test]
    fn the_rate_follows_both_slopes_and_rounds_up() {
        let rate = |u| borrow_rate(&MODEL, u);
        assert_eq!(rate(0), Ok(fx_milli(20)));
        assert_eq!(rate(fx_milli(400)), Ok(fx_milli(60)));
        assert_eq!(rate(fx_milli(800)), Ok(fx_milli(100)));
        assert_eq!(rate(fx_milli(900)), Ok(fx_milli(550)));
        assert_eq!(rate(FX_ONE), Ok(FX_ONE));
        // 10^-12 utilization adds 0.1·10^-12 of rate: up to one unit.
        assert_eq!(rate(1), Ok(fx_milli(20) + 1));
        assert_eq!(rate(fx_milli(800) + 1), Ok(fx_milli(100) + 5));
        assert_eq!(rate(FX_ONE + 1), Err(MathError::InvalidInput));
        assert_eq!(rate(-1), Err(MathError::InvalidInput));
        let full_kink = InterestModel {
            optimal_utilization: FX_ONE,
            ..MODEL
        };
        assert_eq!(borrow_rate(&full_kink, FX_ONE), Ok(fx_milli(100)));
        let bad = InterestModel {
            optimal_utilization: 0,
            ..MODEL
        };
        assert_eq!(borrow_rate(&bad, 0), Err(MathError::InvalidInput));
    }

    #[test]
    fn a_year_at_half_utilization_pays_seven_percent_with_a_tenth_to_the_protocol() {
        // 1,000,000 borrowed of 2,000,000 deposited: u = 50%, rate = 2% + 8% × 50/80 = 7%.
        let a = accrue(
            &MODEL,
            FX_ONE,
            FX_ONE,
            2_000_000,
            1_000_000,
            SECONDS_PER_YEAR,
        )
        .unwrap();
        assert_eq!(a.utilization, fx_milli(500));
        assert_eq!(a.borrow_rate, fx_milli(70));
        assert_eq!(a.borrow_index, fx_milli(1_070));
        assert_eq!(a.interest_native, 70_000);
        assert_eq!(a.protocol_fee_native, 7_000);
        // 63,000 over 2,000,000 shares: +3.15%.
        assert_eq!(a.deposit_index, 1_031_500_000_000);
    }

    #[test]
    fn one_second_rounds_the_index_up_and_the_fee_takes_the_odd_unit() {
        // 10^12 × 0.07 / 31,536,000 = 2,219.68… → 2,220.
        let a = accrue(&MODEL, FX_ONE, FX_ONE, 2_000_000, 1_000_000, 1).unwrap();
        assert_eq!(a.borrow_index, FX_ONE + 2_220);
        // 1,000,000 shares now owe 1,000,000.00222 → 1,000,001: one unit of interest, all of it fee (rounded up).
        assert_eq!(a.interest_native, 1);
        assert_eq!(a.protocol_fee_native, 1);
        assert_eq!(a.deposit_index, FX_ONE);
    }

    #[test]
    fn calls_compound_and_elapsed_zero_changes_nothing() {
        let half = accrue(&FLAT_7, FX_ONE, FX_ONE, 0, 1_000_000, SECONDS_PER_YEAR / 2).unwrap();
        assert_eq!(half.borrow_index, fx_milli(1_035));
        let twice = accrue(
            &FLAT_7,
            FX_ONE,
            half.borrow_index,
            0,
            1_000_000,
            SECONDS_PER_YEAR / 2,
        )
        .unwrap();
        assert_eq!(twice.borrow_index, 1_071_225_000_000);
        let none = accrue(&MODEL, 1_234_567_890_123, 1_500_000_000_007, 77, 55, 0).unwrap();
        assert_eq!(
            (none.deposit_index, none.borrow_index),
            (1_234_567_890_123, 1_500_000_000_007)
        );
        assert_eq!((none.interest_native, none.protocol_fee_native), (0, 0));
    }

    #[test]
    fn without_depositors_all_interest_is_fee_and_without_borrowers_there_is_none() {
        let a = accrue(&FLAT_7, FX_ONE, FX_ONE, 0, 1_000_000, SECONDS_PER_YEAR).unwrap();
        assert_eq!(
            (a.interest_native, a.protocol_fee_native, a.deposit_index),
            (70_000, 70_000, FX_ONE)
        );
        // No borrows: the rate is the rate at zero and the index moves, but no shares owe anything.
        let b = accrue(&MODEL, FX_ONE, FX_ONE, 1_000_000, 0, SECONDS_PER_YEAR).unwrap();
        assert_eq!((b.utilization, b.borrow_index), (0, fx_milli(1_020)));
        assert_eq!(
            (b.interest_native, b.protocol_fee_native, b.deposit_index),
            (0, 0, FX_ONE)
        );
    }

    #[test]
    fn huge_times_and_bad_inputs_are_named_errors_or_exact() {
        // 2^64 − 1 seconds at 7%: ≈ 4.09·10^10 × the index (rounded up), still representable for 10^6 shares.
        let a = accrue(&FLAT_7, FX_ONE, FX_ONE, 0, 1_000_000, u64::MAX).unwrap();
        assert_eq!(a.borrow_index, FX_ONE + 40_945_969_214_855_042_270_739);
        let near_top = i128::MAX / 2;
        assert_eq!(
            accrue(&FLAT_7, FX_ONE, near_top, 0, 1, 100 * SECONDS_PER_YEAR),
            Err(MathError::Overflow)
        );
        assert_eq!(
            accrue(&MODEL, FX_ONE, FX_ONE, u128::MAX, 0, 1),
            Err(MathError::Overflow)
        );
        assert_eq!(
            accrue(&MODEL, 0, FX_ONE, 1, 1, 1),
            Err(MathError::InvalidInput)
        );
        assert_eq!(
            accrue(&MODEL, FX_ONE, -1, 1, 1, 1),
            Err(MathError::InvalidInput)
        );
        let bad = InterestModel {
            rate_at_max: MAX_ANNUAL_RATE + 1,
            ..MODEL
        };
        assert_eq!(
            accrue(&bad, FX_ONE, FX_ONE, 1, 1, 1),
            Err(MathError::InvalidInput)
        );
    }

    fn random_model(rng: &mut Lcg) -> InterestModel {
        let mut rates = [0; 3].map(|_| rng.below(MAX_ANNUAL_RATE as u64 + 1) as Fx);
        rates.sort();
        let fee = match rng.below(4) {
            0 => 0,
            1 => FX_ONE,
            _ => rng.below(FX_ONE as u64 + 1) as Fx,
        };
        InterestModel {
            optimal_utilization: 1 + rng.below(FX_ONE as u64) as Fx,
            rate_at_zero: rates[0],
            rate_at_optimal: rates[1],
            rate_at_max: rates[2],
            protocol_fee_share: fee,
        }
    }

    fn random_elapsed(rng: &mut Lcg) -> u64 {
        match rng.below(6) {
            0 => 0,
            1 => 1,
            2 => rng.below(60),
            3 => rng.below(SECONDS_PER_YEAR),
            4 => rng.below(100 * SECONDS_PER_YEAR),
            _ => u64::MAX - rng.below(1_000),
        }
    }

    /// `V = D − B + F` before; after, `D' − B' + F' = V − dust` with `0 ≤ dust ≤ ⌈S_d / 10^12⌉`.
    #[test]
    fn accrual_never_owes_depositors_more_than_the_vault_holds_and_dust_is_bounded() {
        let mut rng = Lcg(2024);
        let (mut ok, mut with_interest, mut no_deposits, mut no_borrows, mut dusty) =
            (0, 0, 0, 0, 0);
        for step in 0..30_000u32 {
            let model = random_model(&mut rng);
            let deposit_index = FX_ONE + rng.spread(70) as Fx;
            let borrow_index = FX_ONE + rng.spread(70) as Fx;
            let s_d = if step % 10 == 0 { 0 } else { rng.spread(90) };
            let s_b = if step % 11 == 0 { 0 } else { rng.spread(90) };
            let elapsed = random_elapsed(&mut rng);
            let d = deposit_native(s_d, deposit_index).unwrap();
            let b = borrow_native(s_b, borrow_index).unwrap();
            let a = match accrue(&model, deposit_index, borrow_index, s_d, s_b, elapsed) {
                Ok(a) => a,
                Err(e) => {
                    assert_eq!(
                        e,
                        MathError::Overflow,
                        "only overflow may refuse valid inputs"
                    );
                    continue;
                }
            };
            ok += 1;
            let d2 = deposit_native(s_d, a.deposit_index).unwrap();
            let b2 = borrow_native(s_b, a.borrow_index).unwrap();
            assert_eq!(b2 - b, a.interest_native);
            assert!(a.protocol_fee_native <= a.interest_native);
            assert!(a.deposit_index >= deposit_index && a.borrow_index >= borrow_index);
            // (D' − D) ≤ I − f, i.e. D' − B' + F' ≤ D − B + F.
            let credited = d2 - d;
            let to_depositors = a.interest_native - a.protocol_fee_native;
            assert!(
                credited <= to_depositors,
                "depositors credited more than their interest"
            );
            let dust = to_depositors - credited;
            assert!(
                dust <= s_d.div_ceil(FX_ONE as u128),
                "dust {dust} above ⌈{s_d}/10^12⌉"
            );
            with_interest += (a.interest_native > 0) as u32;
            no_deposits += (s_d == 0 && a.interest_native > 0) as u32;
            no_borrows += (s_b == 0 && elapsed > 0) as u32;
            dusty += (dust > 0) as u32;
        }
        // The loop must have exercised the interesting cases, not only refusals.
        assert!(ok > 20_000, "{ok}");
        assert!(with_interest > 10_000 && no_deposits > 100 && no_borrows > 100 && dusty > 100);
    }
}
