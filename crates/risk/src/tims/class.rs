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
//! twice is revalued once. Initial shocks are the maintenance ones scaled, so with the presets' multiplier of 1.5
//! and five points a side, initial step 2 lands on maintenance step 3 (±9% of a ±15% band): 18 prices, not 20.

use crate::error::Result;
use crate::fixed::{add, mul, mul_fx, raw_to_money, sub, value, Fx, Money, Rounding};
use crate::model::{Level, Portfolio, Position, MAX_POINTS_PER_SIDE};
use crate::options::black_scholes::Pricer;
use crate::options::position::{pricer, seconds_to_expiry, shifted_up_vol, units};
use crate::options::qmath::{ln_q62, ln_q62_lanes};
use crate::tims::scenarios::{extreme_weight, point_count, scenario_price, shock};

/// The band's points and the two extreme ones.
pub const MAX_POINTS: usize = 2 * MAX_POINTS_PER_SIDE + 2;
/// Levels one scan covers: a quote needs both.
pub const MAX_LEVELS: usize = 2;

/// Which volatility produced a point's P&L: −1 shifted down, +1 shifted up, 0 unshifted (no shift configured).
pub type VolShift = i8;

/// Distinct scenario prices a pass can have: every point of every level.
const MAX_PRICES: usize = MAX_LEVELS * MAX_POINTS;

/// Raw P&L sums (native × Fx), one per distinct scenario price of a pass.
type Sums = [i128; MAX_PRICES];

/// A class at each level of a pass, indexed like the levels the scan was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl Default for ClassScan {
    fn default() -> Self {
        ClassScan {
            points: 0,
            pnl: [[0; MAX_POINTS]; MAX_LEVELS],
            vol_shift: [[0; MAX_POINTS]; MAX_LEVELS],
            worst_point: [None; MAX_LEVELS],
            worst_loss: [0; MAX_LEVELS],
            floor: 0,
        }
    }
}

/// Scenario prices and their logarithms for one class at each level of a pass, each distinct price once.
struct Grid {
    /// The distinct prices in order of first appearance, and their logarithms.
    price: [Fx; MAX_PRICES],
    ln_price: [i128; MAX_PRICES],
    count: usize,
    /// Which distinct price each (level, point) has: points that share one share its revaluation.
    at: [[u8; MAX_POINTS]; MAX_LEVELS],
    /// ln of the unshocked price, for the options' base values.
    ln_base: i128,
}

impl Grid {
    fn empty() -> Self {
        Grid {
            price: [0; MAX_PRICES],
            ln_price: [0; MAX_PRICES],
            count: 0,
            at: [[0; MAX_POINTS]; MAX_LEVELS],
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
                let price_of = |at: u8| self.price[at as usize];
                while i > 0 && cursor < points && price_of(self.at[0][cursor]) < price {
                    cursor += 1;
                }
                self.at[i][j] = if j > 0 && price_of(self.at[i][j - 1]) == price {
                    self.at[i][j - 1]
                } else if i > 0 && cursor < points && price_of(self.at[0][cursor]) == price {
                    self.at[0][cursor]
                } else {
                    self.price[self.count] = price;
                    self.count += 1;
                    (self.count - 1) as u8
                };
            }
        }
        // Logarithms four at a time; ln 1 = 0 stands for a zero price (never priced by the model) and pads.
        self.ln_base = ln_q62(a.price as u128);
        for (price, ln_price) in self.price[..self.count]
            .chunks(4)
            .zip(self.ln_price.chunks_mut(4))
        {
            let mut n = [1; 4];
            for (n, price) in n.iter_mut().zip(price) {
                *n = (*price).max(1) as u128;
            }
            for (ln, ln_price) in ln_q62_lanes(n).into_iter().zip(ln_price) {
                *ln_price = ln;
            }
        }
        Ok(())
    }
}

/// Adds `units × (value at each price − base)` to `sums` for one option line at one volatility, at each of the
/// grid's distinct prices. They are priced side by side by [`Pricer::values_at`], four at a time, then the rest by
/// two and one, so no lane is wasted. Kept out of line: its lane arrays would otherwise share the scan's frame.
#[inline(never)]
fn add_option_pnl(sums: &mut Sums, g: &Grid, line: &Pricer, units: i128, base: Fx) -> Result<()> {
    let priced = add_batches::<4>(sums, 0, g, line, units, base)?;
    let priced = add_batches::<2>(sums, priced, g, line, units, base)?;
    add_batches::<1>(sums, priced, g, line, units, base)?;
    Ok(())
}

/// [`add_option_pnl`] for the whole batches of `N` prices from `first`; returns where they stop.
fn add_batches<const N: usize>(
    sums: &mut Sums,
    first: usize,
    g: &Grid,
    line: &Pricer,
    units: i128,
    base: Fx,
) -> Result<usize> {
    let mut next = first;
    while next + N <= g.count {
        let (mut price, mut ln_price) = ([0; N], [0; N]);
        price.copy_from_slice(&g.price[next..next + N]);
        ln_price.copy_from_slice(&g.ln_price[next..next + N]);
        for (total, value) in sums[next..next + N]
            .iter_mut()
            .zip(line.values_at(price, ln_price))
        {
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
    // Raw P&L with volatility shifted down and up; equal when the tier shifts neither.
    *scan = ClassScan {
        points,
        ..ClassScan::default()
    };
    let (mut down, mut up): (Sums, Sums) = ([0; MAX_PRICES], [0; MAX_PRICES]);
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
                let line = pricer(&o, o.vol, p.now, a.carry);
                let base = line.value_at(a.price, g.ln_base);
                // Volatility shifts round outward, like price moves.
                let low_vol = o.vol - mul_fx(o.vol, tier.vol_down, Rounding::Up)?;
                let high_vol = shifted_up_vol(&o, tier, p.now)?;
                let seconds = seconds_to_expiry(&o, p.now);
                for (needed, vol, sums) in [
                    (need_down, low_vol, &mut down),
                    (need_up, high_vol, &mut up),
                ] {
                    if needed {
                        add_option_pnl(sums, g, &line.with_vol(vol, seconds), n, base)?;
                    }
                }
            }
        }
    }
    for (i, at) in g.at.iter().enumerate().take(levels.len()) {
        for (j, &k) in at.iter().enumerate().take(points) {
            let k = k as usize;
            let linear = mul(net, sub(g.price[k], a.price)?)?;
            let (low, high) = (add(down[k], linear)?, add(up[k], linear)?);
            let (raw, shift) = match (vol_shifted, need_down, need_up) {
                (false, _, _) => (low, 0),
                (true, true, true) if high < low => (high, 1),
                (true, true, _) => (low, -1),
                (true, false, _) => (high, 1),
            };
            // P&L rounds down, so a loss rounds up; an extreme point's counts at its weight.
            let pnl = raw_to_money(raw, a.decimals, Rounding::Down)?;
            let pnl = match extreme_weight(tier, j) {
                Some(weight) => mul_fx(pnl, weight, Rounding::Down)?,
                None => pnl,
            };
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
            // Each (level, point) finds its own price among the 18 distinct ones.
            assert_eq!(g.count, 18);
            for (i, level) in [Level::Initial, Level::Maintenance].into_iter().enumerate() {
                for j in 0..10 {
                    let price = scenario_price(FX_ONE, shock(&tier, level, j).unwrap()).unwrap();
                    assert_eq!(g.price[g.at[i][j] as usize], price);
                }
            }
        }
    }
}
