// Strategy-based rules margin (`crates/risk/src/strategies/mod.rs`, whose docs give the pairing order): option legs
// recognised together are charged what the strategy can lose instead of each leg alone. Deterministic; every step
// walks the positions in index order: spreads, two spreads as one, covered shorts, hedged underlying (maintenance),
// straddles and strangles (which also charge the covered calls, so a deposit never reshuffles pairs). A strategy is
// charged at most what its legs cost alone, counted as the leg's charge before less after taking them out.
import type { Money } from "../fixed";
import * as fixed from "../fixed";
import type { Level, Portfolio } from "../model";
import type { UnitValues } from "../options/position";
import * as optionPosition from "../options/position";
import * as rules from "../rules";
import { covered, coveredCharge } from "./covered";
import type { Free } from "./legs";
import * as legs from "./legs";
import { spreads } from "./spreads";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { abs, add, min, sub } = fixed;
const { units } = optionPosition;
const { nakedChargeAt, positionCharge, shortOptionSpot, shortPremium } = rules;
const { aloneCost, leg, openLeg, option } = legs;

/** The charges of every position at `level`, strategies recognised; `values` values each option line. */
export function rulesLines(p: Portfolio, level: Level, values: readonly (UnitValues | undefined)[]): Money[] {
  // Without options there is nothing to pair: each position alone.
  if (!p.positions.some((q) => q.type === "option")) return p.positions.map((q) => positionCharge(p, q, level));
  const zeros = () => p.positions.map(() => 0n);
  const free: Free = { option: zeros(), long: zeros(), short: zeros(), covered: zeros(), unit: zeros() };
  const lines = p.positions.map((q, i) => {
    if (q.type === "option") free.option[i] = abs(units(q));
    if (q.type === "spot") [free.long[i], free.short[i]] = [q.deposit, q.borrow];
    if (q.type === "perp") [free.long[i], free.short[i]] = q.quantity > 0n ? [q.quantity, 0n] : [0n, -q.quantity];
    // A short option is valued once; pairing reuses that value for every slice of it.
    if (q.type !== "option" || q.contracts >= 0n) return positionCharge(p, q, level);
    const spot = shortOptionSpot(p, q, level);
    free.unit[i] = values[i]!.at(spot);
    return nakedChargeAt(p, q, abs(units(q)), spot, free.unit[i]);
  });
  spreads(p, level, lines, free);
  covered(p, level, lines, free);
  straddles(p, level, lines, free);
  return lines;
}

/** A straddle of n units whose legs cost `callAlone` and `putAlone`: the greater plus the other's premium, at most
 * both; with the line it is charged to. */
function straddle(
  p: Portfolio,
  free: Free,
  c: number,
  q: number,
  n: bigint,
  callAlone: Money,
  putAlone: Money,
): [number, Money] {
  const [greater, charge] =
    callAlone >= putAlone
      ? [c, add(callAlone, shortPremium(p, leg(p, q), n, free.unit[q]))]
      : [q, add(putAlone, shortPremium(p, leg(p, c), n, free.unit[c]))];
  return [greater, min(charge, add(callAlone, putAlone))];
}

/** Step 5: a short call with the first short put still open of the same underlying and expiry; it also charges the
 * calls step 3 covered. Uncovered units pair first; covered ones pair only where that costs less than keeping them
 * covered with their puts alone, and the pair takes the same units either way. */
function straddles(p: Portfolio, level: Level, lines: Money[], free: Free): void {
  for (let c = 0; c < p.positions.length; c++) {
    const call = option(p, c);
    if (!call || call.contracts >= 0n || call.kind !== "call") continue;
    for (let q = 0; q < p.positions.length; q++) {
      const put = openLeg(p, free, q, call.asset, "put", true);
      if (!put) continue;
      const n = min(free.option[c] + free.covered[c], free.option[q]);
      if (put.expiry !== call.expiry || n === 0n) continue;
      const k = n - min(n, free.option[c]);
      const [callAll, putAll] = [aloneCost(p, level, free, c, n), aloneCost(p, level, free, q, n)];
      const [callOpen, putOpen] = [aloneCost(p, level, free, c, n - k), aloneCost(p, level, free, q, n - k)];
      const [wholeLine, whole] = straddle(p, free, c, q, n, callAll, putAll);
      const [partLine, part] = straddle(p, free, c, q, n - k, callOpen, putOpen);
      const coveredPart = coveredCharge(p, level, call, k, sub(callAll, callOpen));
      const putRest = sub(putAll, putOpen);
      lines[c] = sub(lines[c], callAll);
      lines[q] = sub(lines[q], putAll);
      if (whole <= add(add(part, coveredPart), putRest)) {
        lines[wholeLine] = add(lines[wholeLine], whole);
      } else {
        lines[partLine] = add(lines[partLine], part);
        lines[c] = add(lines[c], coveredPart);
        lines[q] = add(lines[q], putRest);
      }
      free.option[q] -= n;
      free.option[c] -= n - k;
      free.covered[c] -= k;
    }
    // Covered units no straddle took: their in-the-money amount.
    const k = free.covered[c];
    if (k > 0n) {
      const alone = aloneCost(p, level, free, c, k);
      free.covered[c] = 0n;
      lines[c] = add(sub(lines[c], alone), coveredCharge(p, level, call, k, alone));
    }
  }
}
