//! The risk engine's inputs rebuilt from an account's state and the prices an event says the program used, so a
//! test can hold the program's figures to `tightrope_risk` on the same inputs.
use tightrope::events::PriceUsed;
use tightrope::math::shares;
use tightrope::state::{Asset, Group, MarginAccount, MAX_TIERS};
use tightrope_risk::{Carry, GroupOffset, Portfolio, Position, Tier, FX_ONE};

use super::World;

pub struct EngineInputs {
    pub assets: Vec<tightrope_risk::Asset>,
    pub positions: Vec<Position>,
    tiers: [Tier; MAX_TIERS],
    tier_count: usize,
    offsets: Vec<GroupOffset>,
    now: i64,
}

impl EngineInputs {
    /// `account`'s balances in slot order at `prices` (one per balance, in the same order), at the runtime's now.
    pub fn of(w: &World, account: &MarginAccount, prices: &[PriceUsed]) -> Self {
        let group: Group = w.rt.load(&w.group).unwrap();
        let mut tiers = [Tier::cash(); MAX_TIERS];
        let tier_count = group.risk_tiers(&mut tiers);
        let (mut assets, mut positions) = (Vec::new(), Vec::new());
        for (index, (balance, used)) in account.active_balances().zip(prices).enumerate() {
            assert_eq!(balance.asset, used.asset);
            let asset: Asset = w.rt.load(&balance.asset).unwrap();
            assets.push(tightrope_risk::Asset {
                decimals: asset.decimals,
                price: used.price,
                conf: used.conf,
                stable_price: used.stable_price,
                tier: asset.params.tier,
                rules: asset.params.rules.to_rates(),
                carry: Carry::NONE,
                tracks: None,
            });
            let deposit = shares::deposit_native(balance.deposit_shares(), asset.deposit_index()).unwrap() as u64;
            let borrow = shares::borrow_native(balance.borrow_shares(), asset.borrow_index()).unwrap() as u64;
            positions.push(Position::Spot { asset: index as u8, deposit, borrow });
        }
        let offsets = group.group_offsets().iter().map(|&(group, share)| GroupOffset { group, share }).collect();
        EngineInputs { assets, positions, tiers, tier_count, offsets, now: w.rt.clock().unix_timestamp }
    }

    pub fn portfolio(&self) -> Portfolio<'_> {
        Portfolio {
            assets: &self.assets,
            tiers: &self.tiers[..self.tier_count],
            group_offsets: &self.offsets,
            positions: &self.positions,
            now: self.now,
            conf_multiplier: FX_ONE,
        }
    }
}
