// Steps 1 and 2 of the pairing (`crates/risk/src/strategies/spreads.rs`): spreads, then two spreads charged as one.
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Level, OptionPosition, Portfolio } from "../model";
import * as blackScholes from "../options/blackScholes";
import type { Free } from "./legs";
import * as legs from "./legs";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { add, min, sub } = fixed;
const { intrinsic } = blackScholes;
const { aloneCost, leg, openLeg, option, perUnitCharge } = legs;

interface Spread {
  short: number;
  long: number;
  /** Units still charged as this spread, and the spread's loss per unit (Fx). */
  units: bigint;
  loss: Fx;
}

/** A spread's loss per unit at expiry: what the short pays beyond what the long receives, at most. */
function spreadLoss(short: OptionPosition, long: OptionPosition): Fx {
  const loss = short.kind === "call" ? long.strike - short.strike : short.strike - long.strike;
  return loss > 0n ? loss : 0n;
}

/** Step 1: each short option takes the long of its underlying and kind, expiring no earlier, that loses least. */
export function spreads(p: Portfolio, level: Level, lines: Money[], free: Free): void {
  const list: Spread[] = [];
  for (let s = 0; s < p.positions.length; s++) {
    const short = option(p, s);
    if (!short || short.contracts >= 0n) continue;
    while (free.option[s] > 0n) {
      let best: [number, OptionPosition, Fx] | null = null;
      for (let l = 0; l < p.positions.length; l++) {
        const long = openLeg(p, free, l, short.asset, short.kind, false);
        if (!long || long.expiry < short.expiry) continue;
        const loss = spreadLoss(short, long);
        if (best === null || loss < best[2]) best = [l, long, loss];
      }
      if (best === null) break;
      const [l, , loss] = best;
      const n = min(free.option[s], free.option[l]);
      const charge = perUnitCharge(p, short, n, loss);
      // The best long loses least: if even it costs more than the short naked, no spread helps.
      const alone = aloneCost(p, level, free, s, n);
      if (charge > alone) break;
      free.option[s] -= n;
      free.option[l] -= n;
      lines[s] = add(sub(lines[s], alone), charge);
      list.push({ short: s, long: l, units: n, loss });
    }
  }
  combine(p, lines, list);
}

/** The joint loss per unit of two spreads at expiry: the most over the strikes of what they pay. */
function jointLoss(p: Portfolio, a: Spread, b: Spread): Fx {
  const legs = [leg(p, a.short), leg(p, a.long), leg(p, b.short), leg(p, b.long)];
  const signs = [-1n, 1n, -1n, 1n];
  const payoff = (price: Fx) => legs.reduce((sum, o, i) => sum + signs[i] * intrinsic(o.kind, price, o.strike), 0n);
  return legs.reduce((most, o) => (-payoff(o.strike) > most ? -payoff(o.strike) : most), 0n);
}

/** Step 2: each credit spread, while it has units, with the partner that lowers the charge most. */
function combine(p: Portfolio, lines: Money[], list: Spread[]): void {
  const terms = (s: Spread): [number, bigint, bigint] => {
    const [short, long] = [leg(p, s.short), leg(p, s.long)];
    return [short.asset, short.expiry, long.expiry];
  };
  for (let a = 0; a < list.length; a++) {
    while (list[a].units > 0n && list[a].loss > 0n) {
      const [asset, expiry, longExpiry] = terms(list[a]);
      let best: [Fx, number] | null = null;
      for (let b = 0; b < list.length; b++) {
        if (b === a || list[b].units <= 0n) continue;
        const [assetB, expiryB, longExpiryB] = terms(list[b]);
        if (longExpiry !== expiry || assetB !== asset || expiryB !== expiry || longExpiryB !== expiry) continue;
        const joint = jointLoss(p, list[a], list[b]);
        if (joint < list[a].loss + list[b].loss && (best === null || joint < best[0])) best = [joint, b];
      }
      if (best === null) break;
      const [joint, b] = best;
      const n = min(list[a].units, list[b].units);
      const short = leg(p, list[a].short);
      // Each spread gives back what its n units were charged (before less after, so the pieces add up).
      for (const k of [a, b]) {
        const { short: s, units: left, loss } = list[k];
        const released = sub(perUnitCharge(p, short, left, loss), perUnitCharge(p, short, left - n, loss));
        lines[s] = sub(lines[s], released);
        list[k].units = left - n;
      }
      lines[list[a].short] = add(lines[list[a].short], perUnitCharge(p, short, n, joint));
    }
  }
}
