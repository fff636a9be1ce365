//! Classes into an account requirement. An ungrouped class costs max(worst loss, floor). Classes in one product
//! group are scanned at the same points; the group costs
//!   max(Σ worst − share × max(0, Σ worst − aligned worst), Σ floors)
//! where the aligned worst is the worst loss of the classes' P&L summed point by point. Share 0 charges every class
//! alone; share 1 nets the group as if it were one class.

use crate::breakdown::{ClassLine, GroupLine, LevelBreakdown};
use crate::error::Result;
use crate::fixed::{add, mul_fx, sub, Fx, Money, Rounding};
use crate::model::{Level, Portfolio};
use crate::tims::class::{scan_class, ClassScan, MAX_LEVELS, MAX_POINTS};
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

/// Where each level of a pass records its classes and groups, indexed like the levels; `None` records nothing.
pub type LevelOuts<'a> = [Option<&'a mut LevelBreakdown>; MAX_LEVELS];

fn record_class(
    p: &Portfolio,
    asset: usize,
    levels: &[Level],
    scan: &ClassScan,
    out: &mut LevelOuts,
) -> Result<()> {
    let tier = &p.tiers[p.assets[asset].tier as usize];
    for (i, (&level, b)) in levels.iter().zip(out.iter_mut()).enumerate() {
        if let Some(b) = b {
            let worst = scan.worst_point[i];
            b.classes[b.class_count] = ClassLine {
                asset: asset as u8,
                group: tier.product_group,
                worst_point: worst.map(|j| j as u8),
                shock: match worst {
                    Some(j) => shock(tier, level, j)?,
                    None => 0,
                },
                vol_shift: worst.map_or(0, |j| scan.vol_shift[i][j]),
                loss: scan.worst_loss[i],
                floor: scan.floor,
            };
            b.class_count += 1;
        }
    }
    Ok(())
}

/// Requirement at each level of every class in `group`, the first of which is `first`. `scan` is scratch space.
fn group_requirement(
    p: &Portfolio,
    group: u8,
    first: usize,
    levels: &[Level],
    scan: &mut ClassScan,
    out: &mut LevelOuts,
) -> Result<[Money; MAX_LEVELS]> {
    let mut aligned = [[0 as Money; MAX_POINTS]; MAX_LEVELS];
    let (mut sum_of_worst, mut floors, mut points) = ([0; MAX_LEVELS], 0, 0);
    for asset in
        (first..p.assets.len()).filter(|&a| group_of(p, a) == Some(group) && has_positions(p, a))
    {
        scan_class(p, asset as u8, levels, scan)?;
        record_class(p, asset, levels, scan, out)?;
        points = scan.points;
        for i in 0..levels.len() {
            for (total, pnl) in aligned[i].iter_mut().zip(&scan.pnl[i][..points]) {
                *total = add(*total, *pnl)?;
            }
            sum_of_worst[i] = add(sum_of_worst[i], scan.worst_loss[i])?;
        }
        floors = add(floors, scan.floor)?;
    }
    let share = share_of(p, group);
    let mut requirements = [0; MAX_LEVELS];
    for (i, b) in out.iter_mut().enumerate().take(levels.len()) {
        let aligned_worst = aligned[i][..points]
            .iter()
            .map(|pnl| -pnl)
            .max()
            .unwrap_or(0)
            .max(0);
        // The credit rounds down: the requirement it reduces stays rounded up.
        let credit = mul_fx(
            sub(sum_of_worst[i], aligned_worst)?.max(0),
            share,
            Rounding::Down,
        )?;
        let requirement = sub(sum_of_worst[i], credit)?.max(floors);
        if let Some(b) = b {
            b.groups[b.group_count] = GroupLine {
                group,
                share,
                sum_of_worst: sum_of_worst[i],
                aligned_worst,
                credit,
                floors,
                requirement,
            };
            b.group_count += 1;
        }
        requirements[i] = requirement;
    }
    Ok(requirements)
}

/// The account's TIMS requirement at each of `levels` (at most [`MAX_LEVELS`]), indexed like them. The levels
/// are scanned together, class by class, so that what they share is computed once (see [`scan_class`]).
pub fn tims_requirement(
    p: &Portfolio,
    levels: &[Level],
    mut out: LevelOuts,
) -> Result<[Money; MAX_LEVELS]> {
    let mut scan = ClassScan::default();
    let mut total = [0; MAX_LEVELS];
    for asset in (0..p.assets.len()).filter(|&a| has_positions(p, a)) {
        let requirements = match group_of(p, asset) {
            None => {
                scan_class(p, asset as u8, levels, &mut scan)?;
                record_class(p, asset, levels, &scan, &mut out)?;
                scan.worst_loss.map(|loss| loss.max(scan.floor))
            }
            // A group is settled at its first class; later classes of it are skipped here.
            Some(g) if (0..asset).any(|b| group_of(p, b) == Some(g) && has_positions(p, b)) => {
                continue
            }
            Some(g) => group_requirement(p, g, asset, levels, &mut scan, &mut out)?,
        };
        for (total, requirement) in total.iter_mut().zip(requirements).take(levels.len()) {
            *total = add(*total, requirement)?;
        }
    }
    Ok(total)
}
