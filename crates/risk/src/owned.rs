//! An owned account for off-chain callers (CLI, keeper, tests); `portfolio()` lends it to the engine.

use crate::fixed::Fx;
use crate::model::{Asset, GroupOffset, Portfolio, Position, Tier};
use std::vec::Vec;

#[derive(Clone, Debug, Default)]
pub struct OwnedPortfolio {
    pub assets: Vec<Asset>,
    pub tiers: Vec<Tier>,
    pub group_offsets: Vec<GroupOffset>,
    pub positions: Vec<Position>,
    pub now: i64,
    pub conf_multiplier: Fx,
}

impl OwnedPortfolio {
    pub fn portfolio(&self) -> Portfolio<'_> {
        Portfolio {
            assets: &self.assets,
            tiers: &self.tiers,
            group_offsets: &self.group_offsets,
            positions: &self.positions,
            now: self.now,
            conf_multiplier: self.conf_multiplier,
        }
    }
}
