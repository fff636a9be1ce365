//! One class (every position on one underlying) revalued at every valuation point of its tier.
//!
//! Gains and losses net 100% inside the class: P&L is summed exactly in the asset's raw unit (native × Fx) and
//! rounded once per point, down (a loss up). Options are revalued by the model at the scenario price, at the
//! volatility shifted down and up; at each point the worse of the two counts. The base is the model value at the
//! oracle price and unshifted volatility, so a scenario of no move and no shift is no P&L. Black–Scholes value
//! rises with volatility, so a class whose live options are all long is worst at volatility down and one whose
//! options are all short at volatility up: only that shift is evaluated. Mixed classes evaluate both.

use crate::error::Result;
use crate::fixed::{add, mul, mul_fx, raw_to_money, sub, value, Fx, Money, Rounding};
use crate::model::{Level, Portfolio, Position, MAX_POINTS_PER_SIDE};
use crate::options::black_scholes::Pricer;
use crate::options::position::{pricer, seconds_to_expiry, units};
use crate::options::qmath::ln_q62;
use crate::tims::scenarios::{point_count, scenario_price, shock};

pub const MAX_POINTS: usize = 2 * MAX_POINTS_PER_SIDE;

/// Which volatility produced a point's P&L: −1 shifted down, +1 shifted up, 0 unshifted (no shift configured).
pub type VolShift = i8;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassScan {
    pub points: usize,
    pub pnl: [Money; MAX_POINTS],
    pub vol_shift: [VolShift; MAX_POINTS],
    /// The point with the largest loss, if any point loses.
    pub worst_point: Option<usize>,
    /// The class requirement before floors and offsets: the largest loss over the points, or zero.
    pub worst_loss: Money,
    /// max(per-contract minimum, floor share × gross notional).
    pub floor: Money,
}

/// Scenario prices and their logarithms for one class and level.
struct Grid {
    price: [Fx; MAX_POINTS],
    ln_price: [i128; MAX_POINTS],
    /// ln of the unshocked price, for the options' base values.
    ln_base: i128,
}

impl Grid {
    /// Built in place: returned by value, the point arrays would be copied through the stack.
    fn fill(&mut self, p: &Portfolio, asset: u8, level: Level) -> Result<()> {
        let a = &p.assets[asset as usize];
        let tier = &p.tiers[a.tier as usize];
        self.ln_base = ln_q62(a.price as u128);
        for j in 0..point_count(tier) {
            let price = scenario_price(a.price, shock(tier, level, j)?)?;
            self.price[j] = price;
            self.ln_price[j] = if price > 0 { ln_q62(price as u128) } else { 0 };
        }
        Ok(())
    }
}

/// Adds `units × (value at each point − base)` to `pnl` for one option line at one volatility. Points are priced
/// side by side by [`Pricer::values_at`], four at a time, then the rest by two and one, so no lane is wasted.
fn add_option_pnl(pnl: &mut [i128], g: &Grid, line: &Pricer, units: i128, base: Fx) -> Result<()> {
    let priced = add_batches::<4>(pnl, 0, g, line, units, base)?;
    let priced = add_batches::<2>(pnl, priced, g, line, units, base)?;
    add_batches::<1>(pnl, priced, g, line, units, base)?;
    Ok(())
}

/// [`add_option_pnl`] for the whole batches of `N` points from `first`; returns where they stop.
fn add_batches<const N: usize>(
    pnl: &mut [i128],
    first: usize,
    g: &Grid,
    line: &Pricer,
    units: i128,
    base: Fx,
) -> Result<usize> {
    let mut next = first;
    while next + N <= pnl.len() {
        let (mut price, mut ln_price) = ([0; N], [0; N]);
        price.copy_from_slice(&g.price[next..next + N]);
        ln_price.copy_from_slice(&g.ln_price[next..next + N]);
        for (total, value) in pnl[next..next + N]
            .iter_mut()
            .zip(line.values_at(price, ln_price))
        {
            *total = add(*total, mul(units, sub(value, base)?)?)?;
        }
        next += N;
    }
    Ok(next)
}

pub fn scan_class(p: &Portfolio, asset: u8, level: Level) -> Result<ClassScan> {
    let a = &p.assets[asset as usize];
    let tier = &p.tiers[a.tier as usize];
    let points = point_count(tier);
    let mut g = Grid {
        price: [0; MAX_POINTS],
        ln_price: [0; MAX_POINTS],
        ln_base: 0,
    };
    g.fill(p, asset, level)?;
    // Raw P&L (native × Fx) with volatility shifted down and up; equal when the tier shifts neither. The `down`
    // sums are kept in the result's P&L array, which they become once rounded: one point array less on the stack.
    let mut scan = ClassScan {
        points,
        ..ClassScan::default()
    };
    let mut up = [0i128; MAX_POINTS];
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
                for (needed, vol, pnl) in [
                    (need_down, low_vol, &mut scan.pnl),
                    (need_up, high_vol, &mut up),
                ] {
                    if needed {
                        add_option_pnl(
                            &mut pnl[..points],
                            &g,
                            &line.with_vol(vol, seconds),
                            n,
                            base,
                        )?;
                    }
                }
            }
        }
    }
    for (j, up) in up.iter().enumerate().take(points) {
        let linear = mul(net, sub(g.price[j], a.price)?)?;
        let (low, high) = (add(scan.pnl[j], linear)?, add(*up, linear)?);
        let (raw, shift) = match (vol_shifted, need_down, need_up) {
            (false, _, _) => (low, 0),
            (true, true, true) if high < low => (high, 1),
            (true, true, _) => (low, -1),
            (true, false, _) => (high, 1),
        };
        // P&L rounds down, so a loss rounds up.
        scan.pnl[j] = raw_to_money(raw, a.decimals, Rounding::Down)?;
        scan.vol_shift[j] = shift;
        if -scan.pnl[j] > scan.worst_loss {
            scan.worst_loss = -scan.pnl[j];
            scan.worst_point = Some(j);
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
    Ok(scan)
}
