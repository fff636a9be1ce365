//! Classes into an account requirement. An ungrouped class costs max(worst loss, floor). Classes in one product
//! group are scanned at the same points; the group costs
//!   max(Σ worst − share × max(0, Σ worst − aligned worst), Σ floors)
//! where the aligned worst is the worst loss of the classes' P&L summed point by point. Share 0 charges every class
//! alone; share 1 nets the group as if it were one class.

use crate::breakdown::{ClassLine, GroupLine, LevelBreakdown};
use crate::error::Result;
use crate::fixed::{add, mul_fx, sub, Fx, Money, Rounding};
use crate::model::{Level, Portfolio};
use crate::tims::class::{scan_class, ClassScan, MAX_POINTS};
use crate::tims::scenarios::shock;

fn has_positions(p: &Portfolio, asset: usize) -> bool {
    p.positions.iter().any(|q| q.asset() as usize == asset)
}

fn group_of(p: &Portfolio, asset: usize) -> Option<u8> {
    p.tiers[p.assets[asset].tier as usize].product_group
}

fn share_of(p: &Portfolio, group: u8) -> Fx {
    p.group_offsets
        .iter()
        .find(|o| o.group == group)
        .map_or(0, |o| o.share)
}

fn record_class(
    p: &Portfolio,
    asset: usize,
    level: Level,
    scan: &ClassScan,
    out: &mut Option<&mut LevelBreakdown>,
) -> Result<()> {
    if let Some(b) = out {
        let tier = &p.tiers[p.assets[asset].tier as usize];
        let worst = scan.worst_point;
        b.classes[b.class_count] = ClassLine {
            asset: asset as u8,
            group: tier.product_group,
            worst_point: worst.map(|j| j as u8),
            shock: match worst {
                Some(j) => shock(tier, level, j)?,
                None => 0,
            },
            vol_shift: worst.map_or(0, |j| scan.vol_shift[j]),
            loss: scan.worst_loss,
            floor: scan.floor,
        };
        b.class_count += 1;
    }
    Ok(())
}

/// Requirement of every class in `group`, the first of which is `first`.
fn group_requirement(
    p: &Portfolio,
    group: u8,
    first: usize,
    level: Level,
    out: &mut Option<&mut LevelBreakdown>,
) -> Result<Money> {
    let mut aligned = [0 as Money; MAX_POINTS];
    let (mut sum_of_worst, mut floors, mut points) = (0, 0, 0);
    for asset in
        (first..p.assets.len()).filter(|&a| group_of(p, a) == Some(group) && has_positions(p, a))
    {
        let scan = scan_class(p, asset as u8, level)?;
        record_class(p, asset, level, &scan, out)?;
        points = scan.points;
        for (total, pnl) in aligned.iter_mut().zip(&scan.pnl[..points]) {
            *total = add(*total, *pnl)?;
        }
        sum_of_worst = add(sum_of_worst, scan.worst_loss)?;
        floors = add(floors, scan.floor)?;
    }
    let aligned_worst = aligned[..points]
        .iter()
        .map(|pnl| -pnl)
        .max()
        .unwrap_or(0)
        .max(0);
    let share = share_of(p, group);
    // The credit rounds down: the requirement it reduces stays rounded up.
    let credit = mul_fx(
        sub(sum_of_worst, aligned_worst)?.max(0),
        share,
        Rounding::Down,
    )?;
    let requirement = sub(sum_of_worst, credit)?.max(floors);
    if let Some(b) = out {
        b.groups[b.group_count] = GroupLine {
            group,
            share,
            sum_of_worst,
            aligned_worst,
            credit,
            floors,
            requirement,
        };
        b.group_count += 1;
    }
    Ok(requirement)
}

/// The account's TIMS requirement at `level`.
pub fn tims_requirement(
    p: &Portfolio,
    level: Level,
    mut out: Option<&mut LevelBreakdown>,
) -> Result<Money> {
    let mut total: Money = 0;
    for asset in (0..p.assets.len()).filter(|&a| has_positions(p, a)) {
        let requirement = match group_of(p, asset) {
            None => {
                let scan = scan_class(p, asset as u8, level)?;
                record_class(p, asset, level, &scan, &mut out)?;
                scan.worst_loss.max(scan.floor)
            }
            // A group is settled at its first class; later classes of it are skipped here.
            Some(g) if (0..asset).any(|b| group_of(p, b) == Some(g) && has_positions(p, b)) => {
                continue
            }
            Some(g) => group_requirement(p, g, asset, level, &mut out)?,
        };
        total = add(total, requirement)?;
    }
    Ok(total)
}
