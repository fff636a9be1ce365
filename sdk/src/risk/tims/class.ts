// One class, every position on one underlying, revalued at every valuation point of its tier
// (`crates/risk/src/tims/class.rs`). P&L is summed exactly in the asset's raw unit (native × Fx) and rounded once
// per point, down (a loss up). Options are revalued by the model at the scenario price with volatility shifted
// down and up and the worse counts; the base is the model value at the oracle price and unshifted volatility.
// Black–Scholes value rises with volatility, so a class whose live options are all long is worst at volatility
// down and one whose options are all short at volatility up: only that shift is evaluated, as in Rust, because
// the shift reported in the breakdown depends on it. Both levels are scanned together and a scenario price
// reached twice is valued once.
import type { VolShift } from "../breakdown";
import { Fx, Money, abs, add, max, mul, mulFx, rawToMoney, sub, value } from "../fixed";
import type { Level, Portfolio } from "../model";
import { Pricer } from "../options/blackScholes";
import { pricer, secondsToExpiry, units } from "../options/position";
import { lnQ62 } from "../options/qmath";
import { pointCount, scenarioPrice, shock } from "./scenarios";

/** A class at each level of a pass, indexed like the levels the scan was given. */
export interface ClassScan {
  points: number;
  pnl: Money[][];
  volShift: VolShift[][];
  /** The point with the largest loss, if any point loses. */
  worstPoint: (number | null)[];
  /** The largest loss over the points, or zero. */
  worstLoss: Money[];
  /** max(per-contract minimum, floor share × gross notional), the same at every level. */
  floor: Money;
}

/** Each distinct scenario price of a pass once, with its logarithm, and which one each (level, point) has. */
interface Grid {
  price: Fx[];
  lnPrice: bigint[];
  at: number[][];
}

function grid(p: Portfolio, asset: number, levels: readonly Level[]): Grid {
  const a = p.assets[asset];
  const tier = p.tiers[a.tier];
  const index = new Map<Fx, number>();
  const price: Fx[] = [];
  const at = levels.map((level) =>
    Array.from({ length: pointCount(tier) }, (_, j) => {
      const x = scenarioPrice(a.price, shock(tier, level, j));
      let k = index.get(x);
      if (k === undefined) {
        k = price.push(x) - 1;
        index.set(x, k);
      }
      return k;
    }),
  );
  // ln 1 = 0 stands for a zero price, which the model never prices.
  return { price, lnPrice: price.map((x) => lnQ62(x > 0n ? x : 1n)), at };
}

/** Adds units × (value at each price − base) to `sums` for one option line at one volatility. */
function addOptionPnl(sums: bigint[], g: Grid, line: Pricer, n: bigint, base: Fx): void {
  for (let k = 0; k < g.price.length; k++) {
    sums[k] = add(sums[k], mul(n, sub(line.valueAt(g.price[k], g.lnPrice[k]), base)));
  }
}

/** Scans the class of `asset` at each of `levels`, entry i for levels[i]. */
export function scanClass(p: Portfolio, asset: number, levels: readonly Level[]): ClassScan {
  const a = p.assets[asset];
  const tier = p.tiers[a.tier];
  const points = pointCount(tier);
  const g = grid(p, asset, levels);
  const lnBase = lnQ62(a.price);
  const classPositions = p.positions.filter((q) => q.asset === asset);
  const live = (sign: (contracts: bigint) => boolean) =>
    classPositions.some((q) => q.type === "option" && sign(q.contracts) && secondsToExpiry(q, p.now) > 0n);
  const [long, short] = [live((c) => c > 0n), live((c) => c < 0n)];
  // Volatility matters only to a class with live options; otherwise the `down` sums run unshifted.
  const volShifted = (tier.volDown > 0n || tier.volUp > 0n) && (long || short);
  const needDown = !volShifted || long;
  const needUp = volShifted && short;
  const down = g.price.map(() => 0n);
  const up = g.price.map(() => 0n);
  let [net, gross, contractUnits] = [0n, 0n, 0n];
  for (const q of classPositions) {
    if (q.type === "spot") {
      net = add(net, q.deposit - q.borrow);
      gross = add(gross, q.deposit + q.borrow);
    } else if (q.type === "perp") {
      net = add(net, q.quantity);
      gross = add(gross, abs(q.quantity));
    } else {
      const n = units(q);
      gross = add(gross, abs(n));
      contractUnits = add(contractUnits, abs(n));
      const line = pricer(q, q.vol, p.now);
      const base = line.valueAt(a.price, lnBase);
      // Volatility shifts round outward, like price moves.
      const lowVol = q.vol - mulFx(q.vol, tier.volDown, "up");
      const highVol = add(q.vol, mulFx(q.vol, tier.volUp, "up"));
      const seconds = secondsToExpiry(q, p.now);
      if (needDown) addOptionPnl(down, g, line.withVol(lowVol, seconds), n, base);
      if (needUp) addOptionPnl(up, g, line.withVol(highVol, seconds), n, base);
    }
  }
  const scan: ClassScan = { points, pnl: [], volShift: [], worstPoint: [], worstLoss: [], floor: 0n };
  for (const at of g.at) {
    const [pnl, volShift] = [[] as Money[], [] as VolShift[]];
    let [worstPoint, worstLoss]: [number | null, Money] = [null, 0n];
    at.forEach((k, j) => {
      const linear = mul(net, sub(g.price[k], a.price));
      const [low, high] = [add(down[k], linear), add(up[k], linear)];
      let [raw, shift]: [bigint, VolShift] = [low, 0];
      if (volShifted) [raw, shift] = needDown && !(needUp && high < low) ? [low, -1] : [high, 1];
      // P&L rounds down, so a loss rounds up.
      const money = rawToMoney(raw, a.decimals, "down");
      pnl.push(money);
      volShift.push(shift);
      if (-money > worstLoss) [worstLoss, worstPoint] = [-money, j];
    });
    scan.pnl.push(pnl);
    scan.volShift.push(volShift);
    scan.worstPoint.push(worstPoint);
    scan.worstLoss.push(worstLoss);
  }
  // Floors round up like every requirement.
  const perContract = value(contractUnits, tier.perContractMin, a.decimals, "up");
  const grossNotional = value(gross, a.price, a.decimals, "up");
  scan.floor = max(perContract, mulFx(grossNotional, tier.floorShare, "up"));
  return scan;
}
