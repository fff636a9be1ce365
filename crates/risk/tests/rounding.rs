//! Rounding never favours the account: every figure compared with an exact rational reference computed here in
//! plain integers (ranges kept small enough for i128 products). Equity parts are never above the exact value,
//! charges and losses never below, and each is within a few minor units of it.

mod common;
use common::*;
use proptest::prelude::*;
use tightrope_risk::*;

#[derive(Clone, Debug)]
struct Small {
    decimals: u8,
    price: Fx,
    conf: Fx,
    k: i128,
    rules: RulesRates,
    deposit: u64,
    borrow: u64,
    quantity: i64,
    entry: Fx,
    call: bool,
    strike: Fx,
    contracts: i64,
    multiplier: u64,
    mark: Fx,
}

fn small() -> impl Strategy<Value = Small> {
    (
        (
            prop::sample::select(vec![0u8, 6, 9]),
            1..=1_000 * FX_ONE,
            0..=FX_ONE,
            0i128..=3,
        ),
        (
            prop::array::uniform4(0..=FX_ONE),
            0..=FX_ONE / 10,
            0..=FX_ONE,
            0..=FX_ONE / 2,
            0..=FX_ONE / 4,
        ),
        (
            0..=1_000_000_000u64,
            0..=1_000_000_000u64,
            -1_000_000_000i64..=1_000_000_000,
            0..=1_000 * FX_ONE,
        ),
        (
            any::<bool>(),
            1..=1_000 * FX_ONE,
            -1_000i64..=-1,
            1..=1_000_000u64,
            0..=100 * FX_ONE,
        ),
    )
        .prop_map(
            |((decimals, price, conf, k), rates, (deposit, borrow, quantity, entry), option)| {
                let (
                    [initial_long, initial_short, maintenance_long, maintenance_short],
                    house_rate,
                    per_unit,
                    rate,
                    min,
                ) = rates;
                let rules = RulesRates {
                    initial_long,
                    initial_short,
                    maintenance_long,
                    maintenance_short,
                    house_rate,
                    house_per_unit: per_unit,
                    option_rate: rate,
                    option_min_rate: min,
                };
                let (call, strike, contracts, multiplier, mark) = option;
                Small {
                    decimals,
                    price,
                    conf: conf.min(price),
                    k,
                    rules,
                    deposit,
                    borrow,
                    quantity,
                    entry,
                    call,
                    strike,
                    contracts,
                    multiplier,
                    mark,
                }
            },
        )
}

impl Small {
    fn asset(&self) -> Asset {
        Asset {
            decimals: self.decimals,
            price: self.price,
            conf: self.conf,
            stable_price: self.price,
            tier: 1,
            rules: self.rules,
            ..Asset::quote(0)
        }
    }

    fn positions(&self) -> [Position; 3] {
        let kind = if self.call {
            OptionKind::Call
        } else {
            OptionKind::Put
        };
        [
            spot(1, self.deposit, self.borrow),
            Position::Linear {
                asset: 1,
                quantity: self.quantity,
                entry_price: self.entry,
            },
            option(
                1,
                kind,
                self.strike,
                self.contracts,
                self.multiplier,
                FX_ONE / 2,
                Some(self.mark),
            ),
        ]
    }

    /// Maintenance marks, exact (k is a whole number, so k·conf needs no rounding).
    fn low(&self) -> i128 {
        (self.price - self.k * self.conf).max(0)
    }

    fn high(&self) -> i128 {
        self.price + self.k * self.conf
    }

    fn unit(&self) -> i128 {
        10i128.pow(self.decimals as u32 + 6)
    }
}

/// `engine ≤ exact` and `exact − engine < slack` for a value `num / den` (and the mirror for `Up`).
fn check(engine: Money, num: i128, den: i128, up: bool, slack: i128) -> Result<(), TestCaseError> {
    let scaled = engine * den;
    if up {
        prop_assert!(
            scaled >= num && scaled - num < slack * den,
            "charge {} vs exact {}/{}",
            engine,
            num,
            den
        );
    } else {
        prop_assert!(
            scaled <= num && num - scaled < slack * den,
            "value {} vs exact {}/{}",
            engine,
            num,
            den
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn rules_equity_rounds_down_and_charges_round_up(s in small()) {
        let assets = [usdc(), s.asset()];
        let tiers = [Tier::cash(), Tier::single_name()];
        let positions = s.positions();
        let p = Portfolio { conf_multiplier: s.k * FX_ONE, ..portfolio(&assets, &tiers, &positions) };
        let mut b = Breakdown::default();
        quote_with_breakdown(&p, Model::Rules, &mut b).unwrap();
        let lines = b.positions();
        // Each position's charge alone (the deposit or perp may cover the option as a strategy in the quote).
        let alone = |i: usize| tightrope_risk::rules::position_charge(&p, &positions[i], Level::Maintenance).unwrap();
        let (u, low, high) = (s.unit(), s.low(), s.high());
        let (dep, bor, q) = (s.deposit as i128, s.borrow as i128, s.quantity as i128);
        // Equity: deposits at the low mark less borrows at the high mark; the perp's P&L at its own mark.
        check(lines[0].equity, dep * low - bor * high, u, false, 2)?;
        let perp_mark = if q >= 0 { low } else { high };
        check(lines[1].equity, q * (perp_mark - s.entry), u, false, 1)?;
        // Charges over 10^(d+18): value × (rate + house) + units × house per unit.
        let r = &s.rules;
        let den = u * FX_ONE;
        let deposit_num = dep * low * (r.maintenance_long + r.house_rate) + dep * r.house_per_unit * FX_ONE;
        let borrow_num = bor * high * (r.maintenance_short + r.house_rate) + bor * r.house_per_unit * FX_ONE;
        let deposit_value_num = dep * low * FX_ONE;
        if deposit_num + den <= deposit_value_num {
            check(alone(0), deposit_num + borrow_num, den, true, 6)?;
        } else {
            // The deposit's charge is capped at its value, rounded down as equity rounds it: one unit lower at most.
            let exact = deposit_num.min(deposit_value_num) + borrow_num;
            let scaled = alone(0) * den;
            prop_assert!(scaled >= exact - den && scaled - exact < 6 * den, "charge {} vs exact {}/{}", alone(0), exact, den);
        }
        let perp_rate = if q >= 0 { r.maintenance_long } else { r.maintenance_short };
        let perp_num = q.abs() * perp_mark * (perp_rate + r.house_rate) + q.abs() * r.house_per_unit * FX_ONE;
        check(alone(1), perp_num, den, true, 3)?;
        // The short option: premium + max(rate × underlying − out of the money, min rate × underlying or strike).
        let n = (s.contracts as i128 * s.multiplier as i128).abs();
        let spot_price = if s.call { high } else { low };
        let otm = if s.call { (s.strike - spot_price).max(0) } else { (spot_price - s.strike).max(0) };
        let leg = n * spot_price * r.option_rate - n * otm * FX_ONE;
        let floor = n * (if s.call { spot_price } else { s.strike }) * r.option_min_rate;
        check(alone(2), n * s.mark * FX_ONE + leg.max(floor), den, true, 5)?;
    }

    #[test]
    fn tims_class_losses_round_up(s in small(), band in 1..=FX_ONE / 2, points in 1u8..=6) {
        let assets = [usdc(), s.asset()];
        let tier = Tier { band_down: band, band_up: band, points_down: points, points_up: points, ..Tier::single_name() };
        let tiers = [Tier::cash(), tier];
        let positions = &s.positions()[..2];
        let mut b = Breakdown::default();
        quote_with_breakdown(&portfolio(&assets, &tiers, positions), Model::Tims, &mut b).unwrap();
        let net = s.deposit as i128 - s.borrow as i128 + s.quantity as i128;
        // The worst point of a linear class is an end of the band: |net| × P × band over 10^(d+18). The move is
        // rounded outward to a whole Fx unit first, which may add up to |net| Fx units of loss on top.
        let exact = net.abs() * s.price * band;
        let move_rounding = net.abs() / s.unit() + 1;
        check(b.maintenance.classes()[0].loss, exact, s.unit() * FX_ONE, true, 2 + move_rounding)?;
    }
}
