// Classes into an account requirement (`crates/risk/src/tims/groups.rs`). An ungrouped class costs
// max(worst loss, floor). Classes in one product group are scanned at the same points; the group costs
//   max(Σ worst − share × max(0, Σ worst − aligned worst), Σ floors)
// where the aligned worst is the worst loss of the classes' P&L summed point by point.
import type { LevelBreakdown } from "../breakdown";
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Level, Portfolio } from "../model";
import type { ClassScan, Shocks } from "./class";
import * as timsClass from "./class";
import * as scenarios from "./scenarios";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { add, max, mulFx, sub } = fixed;
const { scanClass } = timsClass;
const { tierShocks } = scenarios;

const hasPositions = (p: Portfolio, asset: number): boolean => p.positions.some((q) => q.asset === asset);

const groupOf = (p: Portfolio, asset: number): number | null => p.tiers[p.assets[asset].tier].productGroup;

const shareOf = (p: Portfolio, group: number): Fx => p.groupOffsets.find((o) => o.group === group)?.share ?? 0n;

/** Where each level of a pass records its classes and groups, indexed like the levels; undefined records nothing. */
export type LevelOuts = (LevelBreakdown | undefined)[];

/** The shocks of each tier met in one pass, computed once: every class of a tier shares them. */
class ShockTables {
  private readonly tables = new Map<number, Shocks>();

  constructor(
    private readonly p: Portfolio,
    private readonly levels: readonly Level[],
  ) {}

  of(asset: number): Shocks {
    const tier = this.p.assets[asset].tier;
    let table = this.tables.get(tier);
    if (!table) this.tables.set(tier, (table = tierShocks(this.p.tiers[tier], this.levels)));
    return table;
  }
}

function recordClass(p: Portfolio, asset: number, shocks: Shocks, scan: ClassScan, out: LevelOuts): void {
  const tier = p.tiers[p.assets[asset].tier];
  shocks.forEach((levelShocks, i) => {
    const worst = scan.worstPoint[i];
    out[i]?.classes.push({
      asset,
      group: tier.productGroup,
      worstPoint: worst,
      shock: worst === null ? 0n : levelShocks[worst],
      volShift: worst === null ? 0 : scan.volShift[i][worst],
      loss: scan.worstLoss[i],
      floor: scan.floor,
    });
  });
}

/** Requirement at each level of every class in `group`, the first of which is `first`. */
function groupRequirement(p: Portfolio, group: number, first: number, levels: readonly Level[], shocks: ShockTables, out: LevelOuts): Money[] {
  const aligned: Money[][] = levels.map(() => []);
  const sumOfWorst: Money[] = levels.map(() => 0n);
  let floors = 0n;
  for (let asset = first; asset < p.assets.length; asset++) {
    if (groupOf(p, asset) !== group || !hasPositions(p, asset)) continue;
    const scan = scanClass(p, asset, shocks.of(asset));
    recordClass(p, asset, shocks.of(asset), scan, out);
    levels.forEach((_, i) => {
      // Every class of a group has the same points (validated); the last scanned sets how many are summed.
      aligned[i].length = scan.points;
      scan.pnl[i].forEach((pnl, j) => (aligned[i][j] = add(aligned[i][j] ?? 0n, pnl)));
      sumOfWorst[i] = add(sumOfWorst[i], scan.worstLoss[i]);
    });
    floors = add(floors, scan.floor);
  }
  const share = shareOf(p, group);
  return levels.map((_, i) => {
    const alignedWorst = aligned[i].reduce((worst, pnl) => max(worst, -pnl), 0n);
    // The credit rounds down: the requirement it reduces stays rounded up.
    const credit = mulFx(max(sub(sumOfWorst[i], alignedWorst), 0n), share, "down");
    const requirement = max(sub(sumOfWorst[i], credit), floors);
    out[i]?.groups.push({ group, share, sumOfWorst: sumOfWorst[i], alignedWorst, credit, floors, requirement });
    return requirement;
  });
}

/** The account's TIMS requirement at each of `levels`, indexed like them. */
export function timsRequirement(p: Portfolio, levels: readonly Level[], out: LevelOuts): Money[] {
  const total: Money[] = levels.map(() => 0n);
  const shocks = new ShockTables(p, levels);
  for (let asset = 0; asset < p.assets.length; asset++) {
    if (!hasPositions(p, asset)) continue;
    const g = groupOf(p, asset);
    let requirements: Money[];
    if (g === null) {
      const scan = scanClass(p, asset, shocks.of(asset));
      recordClass(p, asset, shocks.of(asset), scan, out);
      requirements = scan.worstLoss.map((loss) => max(loss, scan.floor));
    } else {
      // A group is settled at its first class; later classes of it are skipped here.
      let settled = false;
      for (let b = 0; b < asset; b++) settled ||= groupOf(p, b) === g && hasPositions(p, b);
      if (settled) continue;
      requirements = groupRequirement(p, g, asset, levels, shocks, out);
    }
    requirements.forEach((r, i) => (total[i] = add(total[i], r)));
  }
  return total;
}
