//! Steps 1 and 2 of the pairing (see the module above): spreads, then two spreads charged as one.

use super::{alone_cost, leg, open_leg, option, per_unit_charge, take_short, Free, Lines};
use crate::error::Result;
use crate::fixed::{add, sub, Fx};
use crate::model::{Level, OptionPosition, Portfolio, MAX_POSITIONS};
use crate::options::black_scholes::{intrinsic, OptionKind};

#[derive(Clone, Copy, Default)]
struct Spread {
    short: usize,
    long: usize,
    /// Units still charged as this spread, and the spread's loss per unit (Fx).
    units: i128,
    loss: Fx,
}

/// A spread's loss per unit at expiry: what the short pays beyond what the long receives, at most.
fn spread_loss(short: &OptionPosition, long: &OptionPosition) -> Fx {
    match short.kind {
        OptionKind::Call => long.strike - short.strike,
        OptionKind::Put => short.strike - long.strike,
    }
    .max(0)
}

/// Steps 1 and 2. Out of line: the spreads' list stays in this frame.
#[inline(never)]
pub(super) fn spreads(
    p: &Portfolio,
    level: Level,
    lines: &mut Lines,
    free: &mut Free,
) -> Result<()> {
    let mut list = [Spread::default(); MAX_POSITIONS];
    let mut count = 0;
    for s in 0..p.positions.len() {
        let Some(short) = option(p, s).filter(|o| o.contracts < 0) else {
            continue;
        };
        while free.option[s] > 0 {
            let best = (0..p.positions.len())
                .filter_map(|l| {
                    open_leg(p, free, l, short.asset, short.kind, false).map(|o| (l, o))
                })
                .filter(|(_, long)| long.expiry >= short.expiry)
                .min_by_key(|(l, long)| (spread_loss(short, long), *l));
            let Some((l, long)) = best else { break };
            let n = free.option[s].min(free.option[l]);
            let loss = spread_loss(short, long);
            let charge = per_unit_charge(p, short, n, loss)?;
            // The best long loses least: if even it costs more than the short naked, no spread helps.
            if charge > alone_cost(p, level, free, s, n)? {
                break;
            }
            let alone = take_short(p, level, free, s, n)?;
            free.option[l] -= n;
            lines[s] = add(sub(lines[s], alone)?, charge)?;
            list[count] = Spread {
                short: s,
                long: l,
                units: n,
                loss,
            };
            count += 1;
        }
    }
    combine(p, lines, &mut list[..count])
}

/// The joint loss per unit of two spreads at expiry: the most over the strikes of what their shorts pay beyond
/// what their longs receive (between and beyond the strikes the payoff is linear, so the strikes suffice).
fn joint_loss(p: &Portfolio, a: &Spread, b: &Spread) -> Result<Fx> {
    let legs = [
        leg(p, a.short)?,
        leg(p, a.long)?,
        leg(p, b.short)?,
        leg(p, b.long)?,
    ];
    // Strikes ≤ MAX_PRICE: four intrinsic values cannot overflow.
    let payoff = |price: Fx| {
        legs.iter()
            .zip([-1, 1, -1, 1])
            .map(|(o, sign)| sign * intrinsic(o.kind, price, o.strike))
            .sum::<Fx>()
    };
    Ok(legs
        .iter()
        .map(|o| -payoff(o.strike))
        .max()
        .unwrap_or(0)
        .max(0))
}

/// Step 2: each credit spread, while it has units, with the partner that lowers the charge most.
fn combine(p: &Portfolio, lines: &mut Lines, list: &mut [Spread]) -> Result<()> {
    // Every leg's expiry and the underlying, for spreads that may combine: one expiry for all four legs.
    let terms = |s: &Spread| -> Result<(u8, i64, i64)> {
        let (short, long) = (leg(p, s.short)?, leg(p, s.long)?);
        Ok((short.asset, short.expiry, long.expiry))
    };
    for a in 0..list.len() {
        while list[a].units > 0 && list[a].loss > 0 {
            let (asset, expiry, long_expiry) = terms(&list[a])?;
            let mut best: Option<(Fx, usize)> = None;
            for b in (0..list.len()).filter(|&b| b != a && list[b].units > 0) {
                if long_expiry != expiry || terms(&list[b])? != (asset, expiry, expiry) {
                    continue;
                }
                let joint = joint_loss(p, &list[a], &list[b])?;
                if joint < list[a].loss + list[b].loss
                    && best.is_none_or(|(least, _)| joint < least)
                {
                    best = Some((joint, b));
                }
            }
            let Some((joint, b)) = best else { break };
            let n = list[a].units.min(list[b].units);
            let short = *leg(p, list[a].short)?;
            // Each spread gives back what its n units were charged (before less after, so the pieces add up).
            for k in [a, b] {
                let (s, left, loss) = (list[k].short, list[k].units, list[k].loss);
                let released = sub(
                    per_unit_charge(p, &short, left, loss)?,
                    per_unit_charge(p, &short, left - n, loss)?,
                )?;
                lines[s] = sub(lines[s], released)?;
                list[k].units = left - n;
            }
            lines[list[a].short] =
                add(lines[list[a].short], per_unit_charge(p, &short, n, joint)?)?;
        }
    }
    Ok(())
}
