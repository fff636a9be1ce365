// One class, every position on one underlying, revalued at every valuation point of its tier
// (`crates/risk/src/tims/class.rs`). P&L is summed exactly in the asset's raw unit (native × Fx) and rounded once
// per point, down (a loss up). Options are revalued by the model at the scenario price with volatility shifted
// down and up and the worse counts; the base is the model value at the oracle price and unshifted volatility.
// Black–Scholes value rises with volatility, so a class whose live options are all long is worst at volatility
// down and one whose options are all short at volatility up: only that shift is evaluated, as in Rust, because
// the shift reported in the breakdown depends on it. Both levels are scanned together and a scenario price
// reached twice is valued once.
import type { VolShift } from "../breakdown";
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { OptionPosition, Portfolio, Position } from "../model";
import { Pricer } from "../options/blackScholes";
import * as optionPosition from "../options/position";
import * as qmath from "../options/qmath";
import * as scenarios from "./scenarios";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { abs, add, max, mul, mulFx, rawToMoney, sub, value } = fixed;
const { pricer, secondsToExpiry, shiftedUpVol, units } = optionPosition;
const { lnQ62 } = qmath;
const { extremeWeight, pointCount, scenarioPrice } = scenarios;

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

/** Each distinct scenario price of a pass once, and which one each (level, point) has. */
interface Grid {
  price: Fx[];
  at: number[][];
}

/** The signed shocks of every point at each level of a pass: the same for every class of a tier. */
export type Shocks = (readonly Fx[])[];

function grid(price: Fx, shocks: Shocks): Grid {
  const index = new Map<Fx, number>();
  const prices: Fx[] = [];
  const at: number[][] = [];
  for (const levelShocks of shocks) {
    const row: number[] = [];
    for (const s of levelShocks) {
      const x = scenarioPrice(price, s);
      let k = index.get(x);
      if (k === undefined) {
        k = prices.push(x) - 1;
        index.set(x, k);
      }
      row.push(k);
    }
    at.push(row);
  }
  return { price: prices, at };
}

/** Adds units × (value at each price − base) to `sums` for one option line at one volatility. */
function addOptionPnl(sums: bigint[], price: readonly Fx[], lnPrice: readonly bigint[], line: Pricer, n: bigint, base: Fx): void {
  for (let k = 0; k < price.length; k++) {
    sums[k] = add(sums[k], mul(n, sub(line.valueAt(price[k], lnPrice[k]), base)));
  }
}

function isLiveOption(q: Position, now: bigint): q is OptionPosition {
  return q.type === "option" && secondsToExpiry(q, now) > 0n;
}

/** Scans the class of `asset` at each level of a pass, entry i for the i-th level of `shocks` (its tier's). */
export function scanClass(p: Portfolio, asset: number, shocks: Shocks): ClassScan {
  const a = p.assets[asset];
  const tier = p.tiers[a.tier];
  const points = pointCount(tier);
  const g = grid(a.price, shocks);
  const classPositions = p.positions.filter((q) => q.asset === asset);
  // Logarithms only for a class that prices options (ln 1 = 0 stands for a zero price, never priced).
  const priced = classPositions.some((q) => q.type === "option");
  const lnPrice = priced ? g.price.map((x) => lnQ62(x > 0n ? x : 1n)) : [];
  const lnBase = priced ? lnQ62(a.price) : 0n;
  const long = classPositions.some((q) => isLiveOption(q, p.now) && q.contracts > 0n);
  const short = classPositions.some((q) => isLiveOption(q, p.now) && q.contracts < 0n);
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
      const line = pricer(q, q.vol, p.now, a.carry);
      const base = line.valueAt(a.price, lnBase);
      // Volatility shifts round outward, like price moves.
      const lowVol = q.vol - mulFx(q.vol, tier.volDown, "up");
      const highVol = shiftedUpVol(q, tier, p.now);
      const seconds = secondsToExpiry(q, p.now);
      if (needDown) addOptionPnl(down, g.price, lnPrice, line.withVol(lowVol, seconds), n, base);
      if (needUp) addOptionPnl(up, g.price, lnPrice, line.withVol(highVol, seconds), n, base);
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
      // P&L rounds down, so a loss rounds up; an extreme point's counts at its weight.
      const whole = rawToMoney(raw, a.decimals, "down");
      const weight = extremeWeight(tier, j);
      const money = weight === null ? whole : mulFx(whole, weight, "down");
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
