//! One class (every position on one underlying) revalued at every valuation point of its tier.
//!
//! Gains and losses net 100% inside the class: P&L is summed exactly in the asset's raw unit (native × Fx) and
//! rounded once per point, down (a loss up). Options are revalued by the model at the scenario price, at the
//! volatility shifted down and up; at each point the worse of the two counts. The base is the model value at the
//! oracle price and unshifted volatility, so a scenario of no move and no shift is no P&L. Black–Scholes value
//! rises with volatility, so a class whose live options are all long is worst at volatility down and one whose
//! options are all short at volatility up: only that shift is evaluated. Mixed classes evaluate both.
//!
//! One scan covers every level a pass needs (a quote both, a health check one), because the levels share most of
//! the work: each option's shifted volatilities and base value are computed once, and a scenario price reached
//! twice (initial shocks are the maintenance ones scaled, so a multiplier of 1.5 lands every other initial point
//! on a maintenance point) is revalued once, its sums copied to the other point.

use crate::error::Result;
use crate::fixed::{add, mul, mul_fx, raw_to_money, sub, value, Fx, Money, Rounding};
use crate::model::{Level, Portfolio, Position, MAX_POINTS_PER_SIDE};
use crate::options::black_scholes::Pricer;
use crate::options::position::{pricer, seconds_to_expiry, units};
use crate::options::qmath::{ln_q62, ln_q62_lanes};
use crate::tims::scenarios::{point_count, scenario_price, shock};

pub const MAX_POINTS: usize = 2 * MAX_POINTS_PER_SIDE;
/// Levels one scan covers: a quote needs both.
pub const MAX_LEVELS: usize = 2;

/// Which volatility produced a point's P&L: −1 shifted down, +1 shifted up, 0 unshifted (no shift configured).
pub type VolShift = i8;

/// Raw P&L sums (native × Fx) per level of the pass and point.
type Sums = [[i128; MAX_POINTS]; MAX_LEVELS];

/// A class at each level of a pass, indexed like the levels the scan was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassScan {
    pub points: usize,
    pub pnl: [[Money; MAX_POINTS]; MAX_LEVELS],
    pub vol_shift: [[VolShift; MAX_POINTS]; MAX_LEVELS],
    /// The point with the largest loss, if any point loses.
    pub worst_point: [Option<usize>; MAX_LEVELS],
    /// The class requirement before floors and offsets: the largest loss over the points, or zero.
    pub worst_loss: [Money; MAX_LEVELS],
    /// max(per-contract minimum, floor share × gross notional), the same at every level.
    pub floor: Money,
}

/// Scenario prices and their logarithms for one class at each level of a pass.
struct Grid {
    price: [[Fx; MAX_POINTS]; MAX_LEVELS],
    ln_price: [[i128; MAX_POINTS]; MAX_LEVELS],
    /// The first (level, point) of the pass at the same price: the point itself, or one whose sums it copies.
    twin: [[(u8, u8); MAX_POINTS]; MAX_LEVELS],
    /// The points that are their own twin, in order: only these are revalued, batched across levels.
    own: [(u8, u8); MAX_LEVELS * MAX_POINTS],
    own_count: usize,
    /// ln of the unshocked price, for the options' base values.
    ln_base: i128,
}

impl Grid {
    fn empty() -> Self {
        Grid {
            price: [[0; MAX_POINTS]; MAX_LEVELS],
            ln_price: [[0; MAX_POINTS]; MAX_LEVELS],
            twin: [[(0, 0); MAX_POINTS]; MAX_LEVELS],
            own: [(0, 0); MAX_LEVELS * MAX_POINTS],
            own_count: 0,
            ln_base: 0,
        }
    }

    fn fill(&mut self, p: &Portfolio, asset: u8, levels: &[Level]) -> Result<()> {
        let a = &p.assets[asset as usize];
        let tier = &p.tiers[a.tier as usize];
        let points = point_count(tier);
        for (i, &level) in levels.iter().enumerate() {
            // Prices rise with the point, so a price met before is the previous point's or, at the second level,
            // the first level's at a cursor moved along with it. (A missed one would only be revalued.)
            let mut cursor = 0;
            for j in 0..points {
                let price = scenario_price(a.price, shock(tier, level, j)?)?;
                self.price[i][j] = price;
                while i > 0 && cursor < points && self.price[0][cursor] < price {
                    cursor += 1;
                }
                self.twin[i][j] = if j > 0 && self.price[i][j - 1] == price {
                    self.twin[i][j - 1]
                } else if i > 0 && cursor < points && self.price[0][cursor] == price {
                    self.twin[0][cursor]
                } else {
                    self.own[self.own_count] = (i as u8, j as u8);
                    self.own_count += 1;
                    (i as u8, j as u8)
                };
            }
        }
        // Logarithms four at a time; ln 1 = 0 stands for a zero price (never priced by the model) and pads.
        self.ln_base = ln_q62(a.price as u128);
        for batch in self.own[..self.own_count].chunks(4) {
            let mut n = [1; 4];
            for (n, &(i, j)) in n.iter_mut().zip(batch) {
                *n = self.price[i as usize][j as usize].max(1) as u128;
            }
            for (ln, &(i, j)) in ln_q62_lanes(n).into_iter().zip(batch) {
                self.ln_price[i as usize][j as usize] = ln;
            }
        }
        Ok(())
    }
}

/// Adds `units × (value at each point − base)` to `sums` for one option line at one volatility, at the grid's own
/// points. They are priced side by side by [`Pricer::values_at`], four at a time, then the rest by two and one, so
/// no lane is wasted. Kept out of line: its lane arrays would otherwise share the scan's stack frame.
#[inline(never)]
fn add_option_pnl(sums: &mut Sums, g: &Grid, line: &Pricer, units: i128, base: Fx) -> Result<()> {
    let priced = add_batches::<4>(sums, 0, g, line, units, base)?;
    let priced = add_batches::<2>(sums, priced, g, line, units, base)?;
    add_batches::<1>(sums, priced, g, line, units, base)?;
    Ok(())
}

/// [`add_option_pnl`] for the whole batches of `N` own points from `first`; returns where they stop.
fn add_batches<const N: usize>(
    sums: &mut Sums,
    first: usize,
    g: &Grid,
    line: &Pricer,
    units: i128,
    base: Fx,
) -> Result<usize> {
    let mut next = first;
    while next + N <= g.own_count {
        let mut points = [(0, 0); N];
        points.copy_from_slice(&g.own[next..next + N]);
        let price = points.map(|(i, j)| g.price[i as usize][j as usize]);
        let ln_price = points.map(|(i, j)| g.ln_price[i as usize][j as usize]);
        for ((i, j), value) in points.into_iter().zip(line.values_at(price, ln_price)) {
            let total = &mut sums[i as usize][j as usize];
            *total = add(*total, mul(units, sub(value, base)?)?)?;
        }
        next += N;
    }
    Ok(next)
}

/// Scans the class of `asset` at each of `levels` (at most [`MAX_LEVELS`]) into `scan`, entry `i` for `levels[i]`.
pub fn scan_class(p: &Portfolio, asset: u8, levels: &[Level], scan: &mut ClassScan) -> Result<()> {
    let mut g = Grid::empty();
    g.fill(p, asset, levels)?;
    scan_grid(p, asset, levels, &g, scan)
}

/// [`scan_class`] on its filled grid. Out of line so that the grid and the sums below sit in separate stack frames
/// (an SBF frame holds 4 KiB).
#[inline(never)]
fn scan_grid(
    p: &Portfolio,
    asset: u8,
    levels: &[Level],
    g: &Grid,
    scan: &mut ClassScan,
) -> Result<()> {
    let a = &p.assets[asset as usize];
    let tier = &p.tiers[a.tier as usize];
    let points = point_count(tier);
    // Raw P&L with volatility shifted down and up; equal when the tier shifts neither. The `down` sums are kept in
    // the result's P&L arrays, which they become once rounded: one set of point arrays less on the stack.
    *scan = ClassScan {
        points,
        ..ClassScan::default()
    };
    let mut up: Sums = [[0; MAX_POINTS]; MAX_LEVELS];
    let vol_shifted = tier.vol_down > 0 || tier.vol_up > 0;
    let live = |sign: fn(i64) -> bool| {
        p.positions.iter().any(|q| {
            matches!(q, Position::Option(o)
            if o.asset == asset && sign(o.contracts) && seconds_to_expiry(o, p.now) > 0)
        })
    };
    let (long, short) = (live(i64::is_positive), live(i64::is_negative));
    // Volatility matters only to a class with live options; otherwise the `down` accumulator runs unshifted.
    let vol_shifted = vol_shifted && (long || short);
    let (need_down, need_up) = match (vol_shifted, long, short) {
        (false, _, _) => (true, false),
        (true, true, true) => (true, true),
        (true, false, true) => (false, true),
        (true, _, false) => (true, false),
    };
    let (mut net, mut gross, mut contract_units) = (0i128, 0i128, 0i128);
    for position in p.positions.iter().filter(|q| q.asset() == asset) {
        match *position {
            Position::Spot {
                deposit, borrow, ..
            } => {
                net = add(net, deposit as i128 - borrow as i128)?;
                gross = add(gross, deposit as i128 + borrow as i128)?;
            }
            Position::Linear { quantity, .. } => {
                net = add(net, quantity as i128)?;
                gross = add(gross, (quantity as i128).abs())?;
            }
            Position::Option(o) => {
                let n = units(&o)?;
                gross = add(gross, n.abs())?;
                contract_units = add(contract_units, n.abs())?;
                let line = pricer(&o, o.vol, p.now);
                let base = line.value_at(a.price, g.ln_base);
                // Volatility shifts round outward, like price moves.
                let low_vol = o.vol - mul_fx(o.vol, tier.vol_down, Rounding::Up)?;
                let high_vol = add(o.vol, mul_fx(o.vol, tier.vol_up, Rounding::Up)?)?;
                let seconds = seconds_to_expiry(&o, p.now);
                for (needed, vol, sums) in [
                    (need_down, low_vol, &mut scan.pnl),
                    (need_up, high_vol, &mut up),
                ] {
                    if needed {
                        add_option_pnl(sums, g, &line.with_vol(vol, seconds), n, base)?;
                    }
                }
            }
        }
    }
    for (i, twins) in g.twin.iter().enumerate().take(levels.len()) {
        for (j, &(k, m)) in twins.iter().enumerate().take(points) {
            // A twin's sums are complete: own points are never overwritten.
            let (k, m) = (k as usize, m as usize);
            (scan.pnl[i][j], up[i][j]) = (scan.pnl[k][m], up[k][m]);
        }
    }
    for (i, up) in up.iter().enumerate().take(levels.len()) {
        for (j, up) in up.iter().enumerate().take(points) {
            let linear = mul(net, sub(g.price[i][j], a.price)?)?;
            let (low, high) = (add(scan.pnl[i][j], linear)?, add(*up, linear)?);
            let (raw, shift) = match (vol_shifted, need_down, need_up) {
                (false, _, _) => (low, 0),
                (true, true, true) if high < low => (high, 1),
                (true, true, _) => (low, -1),
                (true, false, _) => (high, 1),
            };
            // P&L rounds down, so a loss rounds up.
            let pnl = raw_to_money(raw, a.decimals, Rounding::Down)?;
            (scan.pnl[i][j], scan.vol_shift[i][j]) = (pnl, shift);
            if -pnl > scan.worst_loss[i] {
                scan.worst_loss[i] = -pnl;
                scan.worst_point[i] = Some(j);
            }
        }
    }
    // Floors round up like every requirement.
    let per_contract = value(
        contract_units,
        tier.per_contract_min,
        a.decimals,
        Rounding::Up,
    )?;
    let gross_notional = value(gross, a.price, a.decimals, Rounding::Up)?;
    scan.floor = per_contract.max(mul_fx(gross_notional, tier.floor_share, Rounding::Up)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixed::FX_ONE;
    use crate::model::{Asset, Tier};

    #[test]
    fn the_presets_levels_share_two_scenario_prices() {
        // Initial shocks are the maintenance ones × 1.5: ±9% (single name), −4.8% and +3.6% (broad index) recur.
        for tier in [Tier::single_name(), Tier::broad_index()] {
            let assets = [
                Asset::quote(0),
                Asset {
                    tier: 1,
                    ..Asset::quote(0)
                },
            ];
            let tiers = [Tier::cash(), tier];
            let p = Portfolio {
                assets: &assets,
                tiers: &tiers,
                group_offsets: &[],
                positions: &[],
                now: 0,
                conf_multiplier: FX_ONE,
            };
            let mut g = Grid::empty();
            g.fill(&p, 1, &[Level::Initial, Level::Maintenance])
                .unwrap();
            assert_eq!(g.own_count, 18);
            let twins: Vec<_> = (0..10).filter(|&j| g.twin[1][j] != (1, j as u8)).collect();
            assert_eq!(twins.len(), 2);
            for j in twins {
                let (k, m) = g.twin[1][j];
                assert_eq!(g.price[k as usize][m as usize], g.price[1][j]);
            }
        }
    }
}
