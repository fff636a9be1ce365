// The entry points (`crates/risk/src/engine.rs`): one evaluation of an account under one model, with or without a
// breakdown, and health at one level alone.
import type { Breakdown } from "./breakdown";
import * as breakdown from "./breakdown";
import * as equity from "./equity";
import type { Fx, Money } from "./fixed";
import * as fixed from "./fixed";
import type { Level, Model, Portfolio } from "./model";
import { UnitValues } from "./options/position";
import * as strategies from "./strategies";
import type { LevelOuts } from "./tims/groups";
import * as timsGroups from "./tims/groups";
import * as validation from "./validate";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { emptyBreakdown } = breakdown;
const { positionEquities } = equity;
const { FX_ONE, add, mulDiv, sub } = fixed;
const { rulesLines } = strategies;
const { timsRequirement } = timsGroups;
const { validate } = validation;

export interface Quote {
  model: Model;
  /** Equity at maintenance marks (P ∓ k·conf) and at initial marks (also the worse of oracle and stable price). */
  equity: Money;
  initialEquity: Money;
  initialRequirement: Money;
  maintenanceRequirement: Money;
  /** initialEquity − initialRequirement: negative means no new risk may be added. */
  initialHealth: Money;
  /** equity − maintenanceRequirement: negative means liquidatable. */
  maintenanceHealth: Money;
  /** maintenanceRequirement / equity (Fx, rounded up); ≥ 1 means liquidatable. Null when equity ≤ 0. */
  marginRatio: Fx | null;
}

/** Equity and requirement at each of `levels`, indexed like them, filling the breakdown when one is given. */
function levelFigures(p: Portfolio, model: Model, levels: readonly Level[], out?: Breakdown): [Money, Money][] {
  const figures: [Money, Money][] = levels.map(() => [0n, 0n]);
  // One valuer per option line for every level: its model is set up once, a spot two levels share valued once.
  const values = p.positions.map((q) => (q.type === "option" ? new UnitValues(q, p) : undefined));
  // Rules charges per position at each level, strategies recognised; TIMS charges nothing per position.
  const charges = levels.map((level) => (model === "rules" ? rulesLines(p, level, values) : p.positions.map(() => 0n)));
  p.positions.forEach((position, i) => {
    const equities = positionEquities(p, position, levels, model === "tims" ? values[i] : undefined);
    levels.forEach((level, j) => {
      const charge = charges[j][i];
      figures[j][0] = add(figures[j][0], equities[j]);
      figures[j][1] = add(figures[j][1], charge);
      const line = out?.positions[i];
      if (line && level === "initial") line.initial = charge;
      if (line && level === "maintenance") [line.equity, line.maintenance] = [equities[j], charge];
    });
  });
  if (model === "tims") {
    const outs: LevelOuts = levels.map((level) => out?.[level]);
    timsRequirement(p, levels, outs).forEach((requirement, j) => (figures[j][1] = requirement));
  }
  return figures;
}

function evaluate(p: Portfolio, model: Model, out?: Breakdown): Quote {
  validate(p);
  const [[initialEquity, initialRequirement], [equity, maintenanceRequirement]] = levelFigures(
    p,
    model,
    ["initial", "maintenance"],
    out,
  );
  // The ratio rounds up: it reads as closer to liquidation, never further.
  const marginRatio = equity > 0n ? mulDiv(maintenanceRequirement, FX_ONE, equity, "up") : null;
  return {
    model,
    equity,
    initialEquity,
    initialRequirement,
    maintenanceRequirement,
    initialHealth: sub(initialEquity, initialRequirement),
    maintenanceHealth: sub(equity, maintenanceRequirement),
    marginRatio,
  };
}

/** Equity, requirements, health and margin ratio of `p` under `model`. Throws RiskError. */
export function quote(p: Portfolio, model: Model): Quote {
  return evaluate(p, model);
}

/** As `quote`, also returning what replays the numbers. */
export function quoteWithBreakdown(p: Portfolio, model: Model): { quote: Quote; breakdown: Breakdown } {
  const breakdown = emptyBreakdown(p.positions.length);
  return { quote: evaluate(p, model, breakdown), breakdown };
}

/** Health at one level alone (equity − requirement at `level`), half the work of a quote. */
export function health(p: Portfolio, model: Model, level: Level): Money {
  validate(p);
  const [[equity, requirement]] = levelFigures(p, model, [level]);
  return sub(equity, requirement);
}
