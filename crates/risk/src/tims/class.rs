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

fn grid(p: &Portfolio, asset: u8, level: Level) -> Result<Grid> {
    let a = &p.assets[asset as usize];
    let tier = &p.tiers[a.tier as usize];
    let mut g = Grid {
        price: [0; MAX_POINTS],
        ln_price: [0; MAX_POINTS],
        ln_base: ln_q62(a.price as u128),
    };
    for j in 0..point_count(tier) {
        let price = scenario_price(a.price, shock(tier, level, j)?)?;
        g.price[j] = price;
        g.ln_price[j] = if price > 0 { ln_q62(price as u128) } else { 0 };
    }
    Ok(g)
}

/// Adds `units × (value at each point − base)` to `pnl` for one option line at one volatility.
fn add_option_pnl(pnl: &mut [i128], g: &Grid, line: &Pricer, units: i128, base: Fx) -> Result<()> {
    for (j, total) in pnl.iter_mut().enumerate() {
        let move_value = sub(line.value_at(g.price[j], g.ln_price[j]), base)?;
        *total = add(*total, mul(units, move_value)?)?;
    }
    Ok(())
}

pub fn scan_class(p: &Portfolio, asset: u8, level: Level) -> Result<ClassScan> {
    let a = &p.assets[asset as usize];
    let tier = &p.tiers[a.tier as usize];
    let points = point_count(tier);
    let g = grid(p, asset, level)?;
    // Raw P&L (native × Fx) with volatility shifted down and up; equal when the tier shifts neither.
    let mut down = [0i128; MAX_POINTS];
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
                    (need_down, low_vol, &mut down),
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
    let mut scan = ClassScan {
        points,
        ..ClassScan::default()
    };
    for j in 0..points {
        let linear = mul(net, sub(g.price[j], a.price)?)?;
        let (low, high) = (add(down[j], linear)?, add(up[j], linear)?);
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
