//! Steps 3 and 4 of the pairing (see the module above): shorts covered by their underlying, and the underlying
//! hedged by long options.

use super::{open_leg, option, per_unit_charge, take_short, Free, Lines};
use crate::error::Result;
use crate::fixed::{add, mul_div, pow10, sub, Fx, Money, Rounding, FX_ONE};
use crate::marks::{conservative_price, Exposure};
use crate::model::{Level, OptionPosition, Portfolio, Position, MAX_POSITIONS};
use crate::options::black_scholes::{intrinsic, OptionKind};
use crate::rules::{deposit_charge, linear_charge, short_option_spot};

/// Native units of `to` worth `units` native units of `from` that tracks it at `ratio` (floor: cover is never
/// overstated), and back (ceiling: what covering takes).
fn tracked_units(
    p: &Portfolio,
    from: u8,
    to: u8,
    ratio: Fx,
    units: i128,
    back: bool,
) -> Result<i128> {
    let (f, t) = (
        pow10(p.assets[from as usize].decimals.into())?,
        pow10(p.assets[to as usize].decimals.into())?,
    );
    if back {
        mul_div(units, f * FX_ONE, ratio * t, Rounding::Up)
    } else {
        mul_div(units, ratio * t, f * FX_ONE, Rounding::Down)
    }
}

/// What `n` covered units of short option `o`, costing `alone` uncovered, are charged: their in-the-money amount
/// (the stock counts at no more than the strike), at most `alone`.
pub(super) fn covered_charge(
    p: &Portfolio,
    level: Level,
    o: &OptionPosition,
    n: i128,
    alone: Money,
) -> Result<Money> {
    let in_the_money = intrinsic(o.kind, short_option_spot(p, o, level)?, o.strike);
    Ok(per_unit_charge(p, o, n, in_the_money)?.min(alone))
}

/// Steps 3 and 4. Out of line: the record of which deposits cover calls stays in this frame.
#[inline(never)]
pub(super) fn covered_and_hedged(
    p: &Portfolio,
    level: Level,
    lines: &mut Lines,
    free: &mut Free,
) -> Result<()> {
    // Per deposit (borrow): units covering calls (puts) counted at no more (less) than a strike, and that strike.
    let mut caps = [(0i128, 0 as Fx); MAX_POSITIONS];
    for s in 0..p.positions.len() {
        let Some(short) = option(p, s).filter(|o| o.contracts < 0) else {
            continue;
        };
        let call = short.kind == OptionKind::Call;
        for j in 0..p.positions.len() {
            let asset = p.positions[j].asset();
            let ratio = match p.assets[asset as usize].tracks {
                _ if asset == short.asset => None,
                Some(t) if t.underlying == short.asset => Some(t.ratio),
                _ => continue,
            };
            // Option lines have no linear units: their pools are empty.
            let pool = if call {
                &mut free.long[j]
            } else {
                &mut free.short[j]
            };
            let available = match ratio {
                Some(r) => tracked_units(p, asset, short.asset, r, *pool, false)?,
                None => *pool,
            };
            let n = available.min(free.option[s]);
            if n <= 0 {
                continue;
            }
            *pool -= match ratio {
                Some(r) => tracked_units(p, short.asset, asset, r, n, true)?.min(*pool),
                None => n,
            };
            if call {
                // Charged in step 5, which may pair these units in a straddle instead where that costs less.
                free.option[s] -= n;
                free.covered[s] += n;
            } else {
                let alone = take_short(p, level, free, s, n)?;
                lines[s] = add(
                    sub(lines[s], alone)?,
                    covered_charge(p, level, short, n, alone)?,
                )?;
            }
            // The first short a holding covers sets its cap; later ones join only if the cap already counts
            // their units conservatively (a call's strike no higher, a put's no lower). Moving the cap would
            // re-price units capped before: a deposit covering one more call would raise what they are charged.
            if ratio.is_none() && matches!(p.positions[j], Position::Spot { .. }) {
                let (units, strike) = caps[j];
                let joins = units == 0
                    || (call && short.strike <= strike)
                    || (!call && short.strike >= strike);
                if joins {
                    caps[j] = (units + n, if units == 0 { short.strike } else { strike });
                }
            }
            if free.option[s] == 0 {
                break;
            }
        }
    }
    if level == Level::Maintenance {
        hedged(p, lines, free, &caps)?;
    }
    Ok(())
}

/// Step 4 for every deposit (protected by long puts) and borrow (by long calls).
fn hedged(
    p: &Portfolio,
    lines: &mut Lines,
    free: &mut Free,
    caps: &[(i128, Fx); MAX_POSITIONS],
) -> Result<()> {
    for j in 0..p.positions.len() {
        let Position::Spot {
            asset,
            deposit,
            borrow,
        } = p.positions[j]
        else {
            continue;
        };
        let a = &p.assets[asset as usize];
        for (held, exposure, kind) in [
            (deposit, Exposure::Long, OptionKind::Put),
            (borrow, Exposure::Short, OptionKind::Call),
        ] {
            // Units hedged so far: hedges take the stock from its first unit up, so what stays unhedged is
            // charged as the top of the holding (a deposit's cap on its value binds there as it does alone).
            let (held, mut hedged) = (held as i128, 0);
            // The stock at its equity mark, counted at no more (less) than the strike of a call (put) it covers.
            let mark = conservative_price(a, p.conf_multiplier, Level::Maintenance, exposure)?;
            let (mut capped, cap) = caps[j];
            // What the stock costs alone, as `position_charge` charges it (a deposit at most its value).
            let stock_alone = |units: i128| match exposure {
                Exposure::Long => deposit_charge(p, a, units, Level::Maintenance),
                Exposure::Short => linear_charge(p, a, units, Level::Maintenance, exposure),
            };
            for i in 0..p.positions.len() {
                let Some(o) = open_leg(p, free, i, asset, kind, false) else {
                    continue;
                };
                let h = (held - hedged).min(free.option[i]);
                if h == 0 {
                    break;
                }
                free.option[i] -= h;
                let alone = sub(stock_alone(hedged + h)?, stock_alone(hedged)?)?;
                hedged += h;
                // Per unit: the hedge rate on the strike plus how far the stock may move before the option pays.
                let floor = mul_div(o.strike, a.rules.option_min_rate, FX_ONE, Rounding::Up)?;
                let gap = |s: Fx| match kind {
                    OptionKind::Put => s - o.strike,
                    OptionKind::Call => o.strike - s,
                };
                let with_cap = h.min(capped);
                capped -= with_cap;
                let capped_mark = match kind {
                    OptionKind::Put => mark.min(cap),
                    OptionKind::Call => mark.max(cap),
                };
                let charge = add(
                    per_unit_charge(p, o, with_cap, floor + gap(capped_mark).max(0))?,
                    per_unit_charge(p, o, h - with_cap, floor + gap(mark).max(0))?,
                )?;
                lines[j] = add(sub(lines[j], alone)?, charge.min(alone))?;
            }
        }
    }
    Ok(())
}
