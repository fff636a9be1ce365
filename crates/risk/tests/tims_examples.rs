//! TIMS figures from the issue, product-group offsets, floors, and liquidation sizing.

mod common;
use common::*;
use tightrope_risk::*;

fn flat_vol_single_name() -> Tier {
    Tier {
        vol_down: 0,
        vol_up: 0,
        floor_share: 0,
        ..Tier::single_name()
    }
}

#[test]
fn a_thousand_units_long_at_75_in_a_15_percent_tier_need_11250() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let assets = [usdc(), stock(fx(75, 1), 1, RulesRates::volatile())];
    let positions = [spot(1, 1_000, 0)];
    let mut b = Breakdown::default();
    let q =
        quote_with_breakdown(&portfolio(&assets, &tiers, &positions), Model::Tims, &mut b).unwrap();
    assert_eq!(q.maintenance_requirement, 11_250 * QUOTE);
    let class = b.maintenance.classes()[0];
    assert_eq!(
        (class.worst_point, class.shock, class.loss),
        (Some(0), -fx(15, 100), 11_250 * QUOTE)
    );
    // Initial scales the scenarios by 1.5: a −22.5% point.
    assert_eq!(q.initial_requirement, 16_875 * QUOTE);
}

#[test]
fn a_long_straddle_of_200_contracts_costs_at_least_200_x_100_x_0_375() {
    let tiers = [Tier::cash(), flat_vol_single_name()];
    let assets = [usdc(), stock(fx(100, 1), 1, RulesRates::volatile())];
    let positions = [
        option(1, OptionKind::Call, fx(100, 1), 100, 100, fx(50, 100), None),
        option(1, OptionKind::Put, fx(100, 1), 100, 100, fx(50, 100), None),
    ];
    let p = portfolio(&assets, &tiers, &positions);
    let mut b = Breakdown::default();
    let q = quote_with_breakdown(&p, Model::Tims, &mut b).unwrap();
    // Long gamma gains at every price point, so the per-contract minimum is the requirement.
    assert_eq!(b.maintenance.classes()[0].loss, 0);
    assert_eq!(q.maintenance_requirement, 7_500 * QUOTE);
    // With volatility shifted down the scan itself exceeds the minimum.
    let shifted = [Tier::cash(), Tier::single_name()];
    let q = quote(&portfolio(&assets, &shifted, &positions), Model::Tims).unwrap();
    assert!(q.maintenance_requirement > 7_500 * QUOTE);
}

#[test]
fn an_exact_hedge_nets_to_the_floor_within_a_class() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let assets = [usdc(), stock(fx(75, 1), 1, RulesRates::volatile())];
    let hedged = [spot(1, 1_000, 0), perp(1, -1_000, fx(75, 1))];
    let q = quote(&portfolio(&assets, &tiers, &hedged), Model::Tims).unwrap();
    // No scenario loss; the 1% floor on 150,000 of gross notional remains.
    assert_eq!(q.maintenance_requirement, 1_500 * QUOTE);
}

#[test]
fn product_groups_offset_the_configured_share_of_the_netting_benefit() {
    let grouped = Tier {
        product_group: Some(7),
        floor_share: 0,
        ..Tier::single_name()
    };
    let tiers = [Tier::cash(), grouped];
    let assets = [
        usdc(),
        stock(fx(100, 1), 1, RulesRates::volatile()),
        stock(fx(50, 1), 1, RulesRates::volatile()),
    ];
    // Long 100 × 100 of one, short 200 × 50 of the other: each class alone loses 1,500 at its worst point.
    let positions = [spot(1, 100, 0), perp(2, -200, fx(50, 1))];
    let requirement = |share| {
        let offsets = [GroupOffset { group: 7, share }];
        let p = Portfolio {
            group_offsets: &offsets,
            ..portfolio(&assets, &tiers, &positions)
        };
        let mut b = Breakdown::default();
        let q = quote_with_breakdown(&p, Model::Tims, &mut b).unwrap();
        let g = b.maintenance.groups()[0];
        assert_eq!((g.sum_of_worst, g.aligned_worst), (3_000 * QUOTE, 0));
        q.maintenance_requirement
    };
    assert_eq!(requirement(0), 3_000 * QUOTE);
    assert_eq!(requirement(fx(1, 2)), 1_500 * QUOTE);
    assert_eq!(requirement(FX_ONE), 0);
}

#[test]
fn the_margin_floor_takes_a_share_of_gross_notional() {
    let tiers = [
        Tier::cash(),
        Tier {
            floor_share: fx(20, 100),
            ..Tier::single_name()
        },
    ];
    let assets = [usdc(), stock(fx(75, 1), 1, RulesRates::volatile())];
    let q = quote(
        &portfolio(&assets, &tiers, &[spot(1, 1_000, 0)]),
        Model::Tims,
    )
    .unwrap();
    assert_eq!(q.maintenance_requirement, 15_000 * QUOTE);
}

#[test]
fn options_at_and_after_expiry_are_worth_intrinsic() {
    let tiers = [Tier::cash(), flat_vol_single_name()];
    let assets = [usdc(), stock(fx(110, 1), 1, RulesRates::volatile())];
    let mut call = OptionPosition {
        asset: 1,
        kind: OptionKind::Call,
        strike: fx(100, 1),
        expiry: 1_000,
        contracts: 1,
        multiplier: 100,
        vol: fx(80, 100),
        mark: None,
    };
    for now in [1_000, 5_000] {
        let positions = [Position::Option(call)];
        let p = Portfolio {
            now,
            ..portfolio(&assets, &tiers, &positions)
        };
        assert_eq!(quote(&p, Model::Tims).unwrap().equity, 1_000 * QUOTE);
    }
    call.expiry = 1_000 + DAY; // a day of life left adds time value
    let positions = [Position::Option(call)];
    let p = Portfolio {
        now: 1_000,
        ..portfolio(&assets, &tiers, &positions)
    };
    assert!(quote(&p, Model::Tims).unwrap().equity > 1_000 * QUOTE);
}

fn leveraged_account(borrowed: u64) -> (Vec<Asset>, Vec<Position>) {
    let assets = vec![usdc(), stock(fx(100, 1), 1, RulesRates::volatile())];
    (assets, vec![spot(1, 100, 0), spot(0, 0, dollars(borrowed))])
}

#[test]
fn liquidation_size_is_the_largest_repay_that_keeps_health_at_or_below_the_target() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let (assets, positions) = leveraged_account(8_000); // equity 2,000 < 2,500 maintenance
    let p = portfolio(&assets, &tiers, &positions);
    let size = liquidation_size(&p, Model::Rules, &terms(fx(5, 100), 0)).unwrap();
    assert!(size.health_before < 0 && size.health_after <= 0);
    assert!(size.repay > 0 && size.seize > 0 && size.fee == 0);
    assert_eq!(size.seize, liquidation_size_seize(size.repay, fx(5, 100)));
    // One more micro-dollar repaid would lift health above the target (the boundary the bisection returns).
    let mut more = positions.clone();
    let extra = size.repay + 1;
    let extra_seize = liquidation_size_seize(extra, fx(5, 100));
    more[0] = spot(1, 100 - extra_seize, 0);
    more[1] = spot(0, 0, dollars(8_000) - extra);
    assert!(
        health(
            &portfolio(&assets, &tiers, &more),
            Model::Rules,
            Level::Maintenance
        )
        .unwrap()
            > 0
    );
    // Monotone in the target; capped by the collateral when the target is out of reach.
    let higher = liquidation_size(&p, Model::Rules, &terms(fx(5, 100), 100 * QUOTE)).unwrap();
    assert!(higher.repay >= size.repay);
    let all = liquidation_size(&p, Model::Rules, &terms(fx(5, 100), Money::MAX)).unwrap();
    assert!(all.seize <= 100 && all.repay <= dollars(8_000));
    // The caller's maximum caps the repay, and the seizure follows it.
    let capped = liquidation_size(&p, Model::Rules, &LiquidationTerms { max_repay: 1_000_000, ..terms(fx(5, 100), 0) }).unwrap();
    assert_eq!((capped.repay, capped.seize), (1_000_000, liquidation_size_seize(1_000_000, fx(5, 100))));
}

#[test]
fn the_insurance_fund_takes_its_share_of_the_discount_in_seized_units() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let (assets, positions) = leveraged_account(8_000);
    let p = portfolio(&assets, &tiers, &positions);
    // Repay $950 at a 5% discount: 10 shares seized (950 / 95), worth 9.5 at the mark, so 0.5 share is discount.
    // Seizure is in whole shares, so the liability here is in whole dollars and the collateral in shares.
    let t = LiquidationTerms { max_repay: dollars(950), insurance_share: fx(1, 2), ..terms(fx(5, 100), Money::MAX) };
    let size = liquidation_size(&p, Model::Rules, &t).unwrap();
    assert_eq!((size.repay, size.seize), (dollars(950), 10));
    // Worth at the undiscounted mark: ceil(9.5) = 10 shares, so the bonus in whole shares is 0 and so is the fee.
    assert_eq!(size.fee, 0);
    let t = LiquidationTerms { max_repay: dollars(1_900), insurance_share: fx(1, 2), ..t };
    let size = liquidation_size(&p, Model::Rules, &t).unwrap();
    // 1,900 / 95 = 20 shares seized; worth 19 at the mark; bonus 1 share, half to the fund rounds down to 0.
    assert_eq!((size.seize, size.fee), (20, 0));
    let t = LiquidationTerms { insurance_share: FX_ONE, ..t };
    assert_eq!(liquidation_size(&p, Model::Rules, &t).unwrap().fee, 1);
}

#[test]
fn a_wide_oracle_prices_the_liability_up_and_the_collateral_down() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let (mut assets, positions) = leveraged_account(8_000);
    assets[1].conf = fx(5, 1); // the share at 100 ± 5
    let p = Portfolio { conf_multiplier: FX_ONE, ..portfolio(&assets, &tiers, &positions) };
    let t = LiquidationTerms { max_repay: dollars(1_900), ..terms(fx(5, 100), Money::MAX) };
    // 1,900 at 95 × 0.95 = 90.25 a share: 21.05… rounds up to 22 shares.
    assert_eq!(liquidation_size(&p, Model::Rules, &t).unwrap().seize, 22);
}

#[test]
fn a_remainder_worth_less_than_the_dust_threshold_is_closed_whole() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let (assets, positions) = leveraged_account(8_000);
    let p = portfolio(&assets, &tiers, &positions);
    let capped = |dust| LiquidationTerms { max_repay: dollars(8_000), dust, ..terms(fx(5, 100), 0) };
    let plain = liquidation_size(&p, Model::Rules, &capped(0)).unwrap();
    let left = dollars(8_000) - plain.repay;
    // Debt left worth more than the threshold stays; worth less is repaid whole.
    let kept = liquidation_size(&p, Model::Rules, &capped(left as Money)).unwrap();
    assert_eq!(kept.repay, plain.repay);
    let closed = liquidation_size(&p, Model::Rules, &capped(left as Money + 1)).unwrap();
    assert_eq!((closed.repay, closed.seize), (dollars(8_000), liquidation_size_seize(dollars(8_000), fx(5, 100))));
    // Collateral left worth less than the threshold is seized whole, for one more unit of repay than the cap: here
    // 10 borrowed shares (at 100) against $1,000, where 9 shares seize $947.37 and leave $52.63.
    let (assets, _) = leveraged_account(0);
    let short = [spot(0, dollars(1_000), 0), spot(1, 0, 10)];
    let p = portfolio(&assets, &tiers, &short);
    let shares = LiquidationTerms { liability: 1, collateral: 0, ..terms(fx(5, 100), Money::MAX) };
    let size = liquidation_size(&p, Model::Rules, &shares).unwrap();
    assert_eq!((size.repay, size.seize), (9, 947_368_422));
    let whole = liquidation_size(&p, Model::Rules, &LiquidationTerms { dust: 100 * QUOTE, ..shares }).unwrap();
    assert_eq!((whole.repay, whole.seize), (10, dollars(1_000)));
}

/// Shares seized for `repay` micro-dollars at 100 less `discount`, rounded up.
fn liquidation_size_seize(repay: u64, discount: Fx) -> u64 {
    let price = 100 * (FX_ONE - discount); // Fx
    ((repay as u128 * FX_ONE as u128).div_ceil(price as u128 * QUOTE as u128)) as u64
}

#[test]
fn a_healthy_account_is_not_liquidatable() {
    let tiers = [Tier::cash(), Tier::single_name()];
    let (assets, positions) = leveraged_account(5_000);
    let p = portfolio(&assets, &tiers, &positions);
    assert_eq!(
        liquidation_size(&p, Model::Rules, &terms(0, 0)),
        Err(RiskError::NotLiquidatable)
    );
}
