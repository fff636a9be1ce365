//! The entry points: one evaluation of an account under one model, with or without a breakdown.

use crate::breakdown::Breakdown;
use crate::equity::position_equities;
use crate::error::Result;
use crate::fixed::{add, mul_div, sub, Fx, Money, Rounding, FX_ONE};
use crate::model::{Level, Model, Portfolio, MAX_POSITIONS};
use crate::strategies::rules_lines;
use crate::tims::class::MAX_LEVELS;
use crate::tims::groups::LevelOuts;
use crate::tims::tims_requirement;
use crate::validate::validate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub model: Model,
    /// Equity at maintenance marks (P ∓ k·conf) and at initial marks (also the worse of oracle and stable price).
    pub equity: Money,
    pub initial_equity: Money,
    pub initial_requirement: Money,
    pub maintenance_requirement: Money,
    /// initial_equity − initial_requirement: negative means no new risk may be added.
    pub initial_health: Money,
    /// equity − maintenance_requirement: negative means liquidatable.
    pub maintenance_health: Money,
    /// maintenance_requirement / equity (Fx, rounded up); ≥ 1 means liquidatable. `None` when equity ≤ 0.
    pub margin_ratio: Option<Fx>,
}

/// Equity and requirement at each of `levels` (at most two), indexed like them, filling the breakdown when one is
/// given.
fn level_figures(
    p: &Portfolio,
    model: Model,
    levels: &[Level],
    mut out: Option<&mut Breakdown>,
) -> Result<[(Money, Money); MAX_LEVELS]> {
    let mut figures = [(0, 0); MAX_LEVELS];
    // Rules charges per position at each level, strategies recognised; TIMS charges nothing per position.
    let mut charges = [[0; MAX_POSITIONS]; MAX_LEVELS];
    if model == Model::Rules {
        for (lines, &level) in charges.iter_mut().zip(levels) {
            rules_lines(p, level, lines)?;
        }
    }
    for (i, position) in p.positions.iter().enumerate() {
        let equities = position_equities(p, position, levels, model == Model::Tims)?;
        for (((&level, e), (equity, requirement)), lines) in
            levels.iter().zip(equities).zip(&mut figures).zip(&charges)
        {
            let charge = lines[i];
            *equity = add(*equity, e)?;
            *requirement = add(*requirement, charge)?;
            if let Some(b) = out.as_deref_mut() {
                let line = &mut b.positions[i];
                match level {
                    Level::Initial => line.initial = charge,
                    Level::Maintenance => (line.equity, line.maintenance) = (e, charge),
                }
            }
        }
    }
    if model == Model::Tims {
        let mut classes: LevelOuts = [None, None];
        if let Some(b) = out {
            let (mut initial, mut maintenance) = (Some(&mut b.initial), Some(&mut b.maintenance));
            for (slot, level) in classes.iter_mut().zip(levels) {
                *slot = match level {
                    Level::Initial => initial.take(),
                    Level::Maintenance => maintenance.take(),
                };
            }
        }
        let requirements = tims_requirement(p, levels, classes)?;
        for ((_, requirement), tims) in figures.iter_mut().zip(requirements) {
            *requirement = tims;
        }
    }
    Ok(figures)
}

fn evaluate(p: &Portfolio, model: Model, mut out: Option<&mut Breakdown>) -> Result<Quote> {
    validate(p)?;
    if let Some(b) = out.as_deref_mut() {
        *b = Breakdown {
            position_count: p.positions.len(),
            ..Breakdown::default()
        };
    }
    let [(initial_equity, initial_requirement), (equity, maintenance_requirement)] =
        level_figures(p, model, &[Level::Initial, Level::Maintenance], out)?;
    // The ratio rounds up: it reads as closer to liquidation, never further.
    let margin_ratio = if equity > 0 {
        Some(mul_div(
            maintenance_requirement,
            FX_ONE,
            equity,
            Rounding::Up,
        )?)
    } else {
        None
    };
    Ok(Quote {
        model,
        equity,
        initial_equity,
        initial_requirement,
        maintenance_requirement,
        initial_health: sub(initial_equity, initial_requirement)?,
        maintenance_health: sub(equity, maintenance_requirement)?,
        margin_ratio,
    })
}

/// Equity, requirements, health and margin ratio of `p` under `model`.
pub fn quote(p: &Portfolio, model: Model) -> Result<Quote> {
    evaluate(p, model, None)
}

/// As [`quote`], also filling `breakdown` with what replays the numbers.
pub fn quote_with_breakdown(
    p: &Portfolio,
    model: Model,
    breakdown: &mut Breakdown,
) -> Result<Quote> {
    evaluate(p, model, Some(breakdown))
}

/// Health at one level alone (equity − requirement at `level`): the liquidation check (maintenance) or the
/// may-this-add-risk check (initial), half the work of a quote.
pub fn health(p: &Portfolio, model: Model, level: Level) -> Result<Money> {
    validate(p)?;
    let [(equity, requirement), _] = level_figures(p, model, &[level], None)?;
    sub(equity, requirement)
}
