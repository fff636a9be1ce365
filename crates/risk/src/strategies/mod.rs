//! Strategy-based rules margin (CBOE Margin Manual, FINRA 4210(f)(2)): option legs recognised together are
//! charged what the strategy can lose instead of each leg alone. Deterministic; "first" means lowest position
//! index, and every step walks the positions in order:
//!
//! 1. **Spreads.** Each short option takes the long option of the same underlying and kind, expiring no earlier,
//!    whose spread loses least at the short's expiry: calls K_long − K_short, puts K_short − K_long, at least 0
//!    (a debit spread is paid by its premium). Verticals and calendars (the long expiring later).
//! 2. **Two spreads as one.** A credit spread with another spread whose four legs share its expiry, when their
//!    joint loss at expiry (the most over the strikes) is below their two charges: butterflies (the debit spread
//!    pays for the credit one), iron condors and iron butterflies (one side loses at a time), short boxes.
//! 3. **Covered shorts.** A short call still open is covered by long units of its underlying (deposits, long
//!    perps, then deposits of assets that track it, at their ratio), a short put by short units (borrows, short
//!    perps); it is charged its in-the-money amount (the stock counts at no more than the strike), at most its
//!    naked charge. Covered calls are charged in step 5, which may straddle them instead.
//! 4. **Hedged underlying** (maintenance; Reg T initial is unchanged). Deposits protected by long puts not in a
//!    spread are charged `option_min_rate` × K plus what the stock may fall to K, the stock counted at no more
//!    than the strike of a call it covers (protective puts, collars, conversions); borrows protected by long
//!    calls likewise (reverse conversions). The first short a holding covers sets that strike; units covering a
//!    call struck higher (a put struck lower) count at the mark, so covering more never re-prices capped units.
//!    Hedges take the holding's first units, each piece's alone charge counted as `position_charge` counts it (a
//!    deposit's capped at its value), so the unhedged rest is charged as the top of the holding and a deposit
//!    added on top never lowers health.
//! 5. **Straddles and strangles.** A short call with the first short put still open of the same underlying and
//!    expiry: the greater naked charge plus the other leg's premium. The call's units pair covered or not,
//!    uncovered first; covered ones take the straddle only where it costs less than their in-the-money amount
//!    plus the put alone, and the put's units go with the call either way. Covered units left are charged their
//!    in-the-money amount.
//!
//! A deposit never lowers health. Its own charge is at most its value; which legs pair never depends on deposits
//! (covered calls still pair in step 5), so covering only ever lowers a call's charge. Were covering to take a call
//! out of step 5, one more deposited unit could turn a straddled call (marked below intrinsic, or on an asset with
//! a large yield) into a covered one charged its larger in-the-money amount.
//!
//! A strategy is charged at most what its legs cost alone, counted as the leg's charge before less after taking
//! them out, so the pieces of a leg add up to its whole and pairing never charges more than every leg alone.

// Lines, free units and the positions are parallel arrays walked by position index, as the pairing order says.
#![allow(clippy::needless_range_loop)]

mod covered;
mod spreads;

use crate::error::{Result, RiskError};
use crate::fixed::{add, sub, value, Fx, Money, Rounding};
use crate::model::{Level, OptionPosition, Portfolio, Position, MAX_POSITIONS};
use crate::options::black_scholes::OptionKind;
use crate::options::position::units;
use crate::rules::{naked_charge_at, position_charge, short_premium, short_unit_value};

/// Rules charge per position line.
pub type Lines = [Money; MAX_POSITIONS];

/// Units not yet in a strategy: each option line's (absolute), each linear line's long and short units.
struct Free {
    option: [i128; MAX_POSITIONS],
    long: [i128; MAX_POSITIONS],
    short: [i128; MAX_POSITIONS],
    /// Short call units step 3 covered, charged in step 5 (still counted open when slicing their naked charge).
    covered: [i128; MAX_POSITIONS],
    /// Each short option's value per unit at its charging spot, computed once per level.
    unit: [Fx; MAX_POSITIONS],
}

fn option<'p>(p: &'p Portfolio, i: usize) -> Option<&'p OptionPosition> {
    match &p.positions[i] {
        Position::Option(o) => Some(o),
        _ => None,
    }
}

/// Line `i` as the option a strategy recorded it to be.
fn leg<'p>(p: &'p Portfolio, i: usize) -> Result<&'p OptionPosition> {
    option(p, i).ok_or(RiskError::UnknownIndex)
}

/// Whether line `i` is an option on `asset` of `kind`, short or long as asked, with units still free.
fn open_leg<'p>(
    p: &'p Portfolio,
    free: &Free,
    i: usize,
    asset: u8,
    kind: OptionKind,
    short: bool,
) -> Option<&'p OptionPosition> {
    option(p, i).filter(|o| {
        o.asset == asset && o.kind == kind && (o.contracts < 0) == short && free.option[i] > 0
    })
}

/// What `n` of the open (free or covered) units of short option line `i` cost alone: its naked charge before
/// less after.
fn alone_cost(p: &Portfolio, level: Level, free: &Free, i: usize, n: i128) -> Result<Money> {
    let (o, before) = (leg(p, i)?, free.option[i] + free.covered[i]);
    let unit = free.unit[i];
    sub(
        naked_charge_at(p, o, before, level, unit)?,
        naked_charge_at(p, o, before - n, level, unit)?,
    )
}

/// Takes `n` units off short option line `i` and returns what they cost alone.
fn take_short(p: &Portfolio, level: Level, free: &mut Free, i: usize, n: i128) -> Result<Money> {
    let alone = alone_cost(p, level, free, i, n)?;
    free.option[i] -= n;
    Ok(alone)
}

/// Money of `n` units of `o`'s underlying at `per_unit` (Fx), rounded up: a strategy charge.
fn per_unit_charge(p: &Portfolio, o: &OptionPosition, n: i128, per_unit: Fx) -> Result<Money> {
    value(
        n,
        per_unit.max(0),
        p.assets[o.asset as usize].decimals,
        Rounding::Up,
    )
}

/// The charges of every position at `level`, strategies recognised. Out of line: its free units (2.5 KiB) stay
/// out of the engine's frame (an SBF frame holds 4 KiB).
#[inline(never)]
pub fn rules_lines(p: &Portfolio, level: Level, lines: &mut Lines) -> Result<()> {
    // Without options there is nothing to pair (the program's accounts today): each position alone.
    if !p.positions.iter().any(|q| matches!(q, Position::Option(_))) {
        for (line, position) in lines.iter_mut().zip(p.positions) {
            *line = position_charge(p, position, level)?;
        }
        return Ok(());
    }
    let mut free = Free {
        option: [0; MAX_POSITIONS],
        long: [0; MAX_POSITIONS],
        short: [0; MAX_POSITIONS],
        covered: [0; MAX_POSITIONS],
        unit: [0; MAX_POSITIONS],
    };
    for (i, position) in p.positions.iter().enumerate() {
        // A short option is valued once; pairing reuses that value for every slice of it.
        lines[i] = match *position {
            Position::Option(o) if o.contracts < 0 => {
                free.unit[i] = short_unit_value(p, &o, level)?;
                naked_charge_at(p, &o, units(&o)?.abs(), level, free.unit[i])?
            }
            _ => position_charge(p, position, level)?,
        };
        match *position {
            Position::Option(o) => free.option[i] = units(&o)?.abs(),
            Position::Spot {
                deposit, borrow, ..
            } => (free.long[i], free.short[i]) = (deposit.into(), borrow.into()),
            Position::Linear { quantity, .. } if quantity > 0 => free.long[i] = quantity.into(),
            Position::Linear { quantity, .. } => free.short[i] = -(quantity as i128),
        }
    }
    spreads::spreads(p, level, lines, &mut free)?;
    covered::covered_and_hedged(p, level, lines, &mut free)?;
    straddles(p, level, lines, &mut free)
}

/// A straddle of `n` units whose legs cost `call_alone` and `put_alone`: the greater plus the other's premium, at
/// most both. Returns the line it is charged to and the charge.
fn straddle(
    p: &Portfolio,
    free: &Free,
    (c, q): (usize, usize),
    n: i128,
    call_alone: Money,
    put_alone: Money,
) -> Result<(usize, Money)> {
    let (greater, charge) = if call_alone >= put_alone {
        (
            c,
            add(call_alone, short_premium(p, leg(p, q)?, n, free.unit[q])?)?,
        )
    } else {
        (
            q,
            add(put_alone, short_premium(p, leg(p, c)?, n, free.unit[c])?)?,
        )
    };
    Ok((greater, charge.min(add(call_alone, put_alone)?)))
}

/// Step 5, which also charges the calls step 3 covered.
fn straddles(p: &Portfolio, level: Level, lines: &mut Lines, free: &mut Free) -> Result<()> {
    for c in 0..p.positions.len() {
        let Some(call) = option(p, c).filter(|o| o.contracts < 0 && o.kind == OptionKind::Call)
        else {
            continue;
        };
        for q in 0..p.positions.len() {
            let Some(put) = open_leg(p, free, q, call.asset, OptionKind::Put, true) else {
                continue;
            };
            let n = (free.option[c] + free.covered[c]).min(free.option[q]);
            if put.expiry != call.expiry || n == 0 {
                continue;
            }
            // The call's uncovered units pair first; the k covered ones pair only where the straddle costs less
            // than keeping them covered with their puts alone. Either way the pair takes the same units, so which
            // legs pair never depends on the deposits.
            let k = n - n.min(free.option[c]);
            let (call_all, put_all) = (
                alone_cost(p, level, free, c, n)?,
                alone_cost(p, level, free, q, n)?,
            );
            let (call_open, put_open) = (
                alone_cost(p, level, free, c, n - k)?,
                alone_cost(p, level, free, q, n - k)?,
            );
            let (whole_line, whole) = straddle(p, free, (c, q), n, call_all, put_all)?;
            let (part_line, part) = straddle(p, free, (c, q), n - k, call_open, put_open)?;
            let covered = covered::covered_charge(p, level, call, k, sub(call_all, call_open)?)?;
            let put_rest = sub(put_all, put_open)?;
            lines[c] = sub(lines[c], call_all)?;
            lines[q] = sub(lines[q], put_all)?;
            if whole <= add(add(part, covered)?, put_rest)? {
                lines[whole_line] = add(lines[whole_line], whole)?;
            } else {
                lines[part_line] = add(lines[part_line], part)?;
                lines[c] = add(lines[c], covered)?;
                lines[q] = add(lines[q], put_rest)?;
            }
            free.option[q] -= n;
            free.option[c] -= n - k;
            free.covered[c] -= k;
        }
        // Covered units no straddle took: their in-the-money amount.
        let k = free.covered[c];
        if k > 0 {
            let alone = alone_cost(p, level, free, c, k)?;
            free.covered[c] = 0;
            lines[c] = add(
                sub(lines[c], alone)?,
                covered::covered_charge(p, level, call, k, alone)?,
            )?;
        }
    }
    Ok(())
}
