// What lets anyone replay a requirement (`crates/risk/src/breakdown.rs`): per position under rules, per class and
// product group under TIMS.
import type { Fx, Money } from "./fixed";

export interface PositionLine {
  /** Contribution to maintenance equity (to initial equity it can differ by the stable-price mark). */
  equity: Money;
  /** Rules-model charges; zero under TIMS. */
  initial: Money;
  maintenance: Money;
}

/** Which volatility produced a point's P&L: −1 shifted down, +1 shifted up, 0 unshifted. */
export type VolShift = -1 | 0 | 1;

export interface ClassLine {
  asset: number;
  group: number | null;
  /** Index of the worst valuation point (null: no point loses), its shock, the volatility shift there, its loss. */
  worstPoint: number | null;
  shock: Fx;
  volShift: VolShift;
  loss: Money;
  floor: Money;
}

export interface GroupLine {
  group: number;
  share: Fx;
  /** Σ class worst losses; the worst loss of the classes' summed P&L point by point; the credit granted. */
  sumOfWorst: Money;
  alignedWorst: Money;
  credit: Money;
  floors: Money;
  requirement: Money;
}

export interface LevelBreakdown {
  classes: ClassLine[];
  groups: GroupLine[];
}

export interface Breakdown {
  positions: PositionLine[];
  initial: LevelBreakdown;
  maintenance: LevelBreakdown;
}

export const emptyBreakdown = (positions: number): Breakdown => ({
  positions: Array.from({ length: positions }, () => ({ equity: 0n, initial: 0n, maintenance: 0n })),
  initial: { classes: [], groups: [] },
  maintenance: { classes: [], groups: [] },
});
