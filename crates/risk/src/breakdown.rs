//! What lets anyone replay a requirement: per position under rules, per class and product group under TIMS.
//! Fixed capacity, no allocation; an on-chain caller that only needs the totals passes no breakdown at all.

use crate::fixed::{Fx, Money};
use crate::model::{MAX_ASSETS, MAX_POSITIONS};
use crate::tims::class::VolShift;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PositionLine {
    /// Contribution to maintenance equity (to initial equity it can differ by the stable-price mark).
    pub equity: Money,
    /// Rules-model charges; zero under TIMS.
    pub initial: Money,
    pub maintenance: Money,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassLine {
    pub asset: u8,
    pub group: Option<u8>,
    /// Index of the worst valuation point, its shock, the volatility shift there and its loss.
    pub worst_point: Option<u8>,
    pub shock: Fx,
    pub vol_shift: VolShift,
    pub loss: Money,
    pub floor: Money,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupLine {
    pub group: u8,
    pub share: Fx,
    /// Σ class worst losses; the worst loss of the classes' summed P&L point by point; the credit granted.
    pub sum_of_worst: Money,
    pub aligned_worst: Money,
    pub credit: Money,
    pub floors: Money,
    pub requirement: Money,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelBreakdown {
    pub classes: [ClassLine; MAX_ASSETS],
    pub class_count: usize,
    pub groups: [GroupLine; MAX_ASSETS],
    pub group_count: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Breakdown {
    pub positions: [PositionLine; MAX_POSITIONS],
    pub position_count: usize,
    pub initial: LevelBreakdown,
    pub maintenance: LevelBreakdown,
}

impl LevelBreakdown {
    pub fn classes(&self) -> &[ClassLine] {
        &self.classes[..self.class_count]
    }

    pub fn groups(&self) -> &[GroupLine] {
        &self.groups[..self.group_count]
    }
}

impl Breakdown {
    pub fn positions(&self) -> &[PositionLine] {
        &self.positions[..self.position_count]
    }
}
