// Steps 3 and 4 of the pairing (`crates/risk/src/strategies/covered.rs`): shorts covered by their underlying, and
// the underlying hedged by long options.
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Exposure } from "../marks";
import * as marks from "../marks";
import type { Asset, Level, OptionPosition, Portfolio } from "../model";
import * as blackScholes from "../options/blackScholes";
import * as rules from "../rules";
import type { Free } from "./legs";
import * as legs from "./legs";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { FX_ONE, add, max, min, mulDiv, pow10, sub } = fixed;
const { conservativePrice } = marks;
const { intrinsic } = blackScholes;
const { depositCharge, linearCharge, shortOptionSpot } = rules;
const { openLeg, option, perUnitCharge, takeShort } = legs;

/** Native units of `to` worth `amount` of `from` that tracks it at `ratio` (floor), and back (ceiling). */
function trackedUnits(p: Portfolio, from: number, to: number, ratio: Fx, amount: bigint, back: boolean): bigint {
  const [f, t] = [pow10(p.assets[from].decimals), pow10(p.assets[to].decimals)];
  return back ? mulDiv(amount, f * FX_ONE, ratio * t, "up") : mulDiv(amount, ratio * t, f * FX_ONE, "down");
}

/** What n covered units of short option `o`, costing `alone` uncovered, are charged: their in-the-money amount. */
export function coveredCharge(p: Portfolio, level: Level, o: OptionPosition, n: bigint, alone: Money): Money {
  const inTheMoney = intrinsic(o.kind, shortOptionSpot(p, o, level), o.strike);
  return min(perUnitCharge(p, o, n, inTheMoney), alone);
}

/** Per deposit (borrow): units covering calls (puts) counted at no more (less) than a strike, and that strike. */
type Caps = [bigint, Fx][];

/** Steps 3 and 4. */
export function covered(p: Portfolio, level: Level, lines: Money[], free: Free): void {
  const caps: Caps = p.positions.map(() => [0n, 0n]);
  for (let s = 0; s < p.positions.length; s++) {
    const short = option(p, s);
    if (!short || short.contracts >= 0n) continue;
    const call = short.kind === "call";
    for (let j = 0; j < p.positions.length; j++) {
      const asset = p.positions[j].asset;
      const tracks = p.assets[asset].tracks;
      let ratio: Fx | null = null;
      if (asset !== short.asset) {
        if (tracks === null || tracks.underlying !== short.asset) continue;
        ratio = tracks.ratio;
      }
      // Option lines have no linear units: their pools are empty.
      const pools = call ? free.long : free.short;
      const available = ratio === null ? pools[j] : trackedUnits(p, asset, short.asset, ratio, pools[j], false);
      const n = min(available, free.option[s]);
      if (n <= 0n) continue;
      pools[j] -= ratio === null ? n : min(trackedUnits(p, short.asset, asset, ratio, n, true), pools[j]);
      if (call) {
        // Charged in step 5, which may pair these units in a straddle instead where that costs less.
        free.option[s] -= n;
        free.covered[s] += n;
      } else {
        const alone = takeShort(p, level, free, s, n);
        lines[s] = add(sub(lines[s], alone), coveredCharge(p, level, short, n, alone));
      }
      // The first short a holding covers sets its cap; later ones join only if the cap already counts their units
      // conservatively (a call's strike no higher, a put's no lower), so no unit capped before is re-priced.
      if (ratio === null && p.positions[j].type === "spot") {
        const [count, strike] = caps[j];
        if (count === 0n || (call ? short.strike <= strike : short.strike >= strike))
          caps[j] = [count + n, count === 0n ? short.strike : strike];
      }
      if (free.option[s] === 0n) break;
    }
  }
  if (level === "maintenance") hedged(p, lines, free, caps);
}

/** What n units of a holding cost alone, as positionCharge charges them (a deposit at most its value). */
function stockAlone(p: Portfolio, a: Asset, n: bigint, exposure: Exposure): Money {
  return exposure === "long" ? depositCharge(p, a, n, "maintenance") : linearCharge(p, a, n, "maintenance", exposure);
}

/** How far the stock may move from `mark` before option `o` (a put, or a call) pays. */
const gap = (o: OptionPosition, mark: Fx): Fx => max(o.kind === "put" ? mark - o.strike : o.strike - mark, 0n);

/** The holding each hedge protects and the long option kind that protects it. */
const HEDGES = [
  ["long", "put"],
  ["short", "call"],
] as const;

/** Step 4 for every deposit (protected by long puts) and borrow (by long calls), from the holding's first unit up. */
function hedged(p: Portfolio, lines: Money[], free: Free, caps: Caps): void {
  for (let j = 0; j < p.positions.length; j++) {
    const spot = p.positions[j];
    if (spot.type !== "spot") continue;
    const a = p.assets[spot.asset];
    for (const [exposure, kind] of HEDGES) {
      const held = exposure === "long" ? spot.deposit : spot.borrow;
      let hedgedUnits = 0n;
      // The stock at its equity mark, counted at no more (less) than the strike of a call (put) it covers.
      const mark = conservativePrice(a, p.confMultiplier, "maintenance", exposure);
      let [capped, cap] = caps[j];
      for (let i = 0; i < p.positions.length; i++) {
        const o = openLeg(p, free, i, spot.asset, kind, false);
        if (!o) continue;
        const h = min(held - hedgedUnits, free.option[i]);
        if (h === 0n) break;
        free.option[i] -= h;
        const alone = sub(stockAlone(p, a, hedgedUnits + h, exposure), stockAlone(p, a, hedgedUnits, exposure));
        hedgedUnits += h;
        // Per unit: the hedge rate on the strike plus how far the stock may move before the option pays.
        const floor = mulDiv(o.strike, a.rules.optionMinRate, FX_ONE, "up");
        const withCap = min(h, capped);
        capped -= withCap;
        const cappedMark = kind === "put" ? min(mark, cap) : max(mark, cap);
        const charge = add(perUnitCharge(p, o, withCap, floor + gap(o, cappedMark)), perUnitCharge(p, o, h - withCap, floor + gap(o, mark)));
        lines[j] = add(sub(lines[j], alone), min(charge, alone));
      }
    }
  }
}
