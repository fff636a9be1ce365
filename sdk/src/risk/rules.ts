// Rules-based margin (`crates/risk/src/rules.rs`), each position alone: Reg T initial, FINRA maintenance, house
// add-ons, CBOE naked options. Every charge rounds up after each step, except that a deposit is never charged more
// than it is worth. `strategies` lowers these charges for legs it recognises together.
import type { Fx, Money } from "./fixed";
import * as fixed from "./fixed";
import type { Exposure } from "./marks";
import * as marks from "./marks";
import type { Asset, Level, OptionPosition, Portfolio, Position, RulesRates } from "./model";
import * as blackScholes from "./options/blackScholes";
import * as optionPosition from "./options/position";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { abs, add, max, min, mulFx, sub, value } = fixed;
const { conservativePrice, exposureOfSign } = marks;
const { intrinsic } = blackScholes;
const { exposure, unitValue, units } = optionPosition;

function levelRate(r: RulesRates, level: Level, e: Exposure): bigint {
  if (level === "initial") return e === "long" ? r.initialLong : r.initialShort;
  return e === "long" ? r.maintenanceLong : r.maintenanceShort;
}

/** value × (rate + houseRate) + |units| × housePerUnit for units ≥ 0 held (long) or owed (short). */
export function linearCharge(p: Portfolio, asset: Asset, amount: bigint, level: Level, e: Exposure): Money {
  const price = conservativePrice(asset, p.confMultiplier, level, e);
  const r = asset.rules;
  const notional = value(amount, price, asset.decimals, "up");
  const percentage = mulFx(notional, add(levelRate(r, level, e), r.houseRate), "up");
  const perUnit = value(amount, r.housePerUnit, asset.decimals, "up");
  return add(percentage, perUnit);
}

/** A deposit's charge, capped at what it adds to equity at this level (its value at that mark, rounded down). */
export function depositCharge(p: Portfolio, asset: Asset, deposit: bigint, level: Level): Money {
  const charge = linearCharge(p, asset, deposit, level, "long");
  const price = conservativePrice(asset, p.confMultiplier, level, "long");
  return min(charge, value(deposit, price, asset.decimals, "down"));
}

/** The spot that maximises a short option's charge: high for a short call, low for a short put. */
export const shortOptionSpot = (p: Portfolio, o: OptionPosition, level: Level): Fx =>
  conservativePrice(p.assets[o.asset], p.confMultiplier, level, exposure(o));

/** A short option's value per unit at its charging spot: what its premium is charged at. */
export const shortUnitValue = (p: Portfolio, o: OptionPosition, level: Level): Fx =>
  unitValue(o, shortOptionSpot(p, o, level), p);

/** The premium of n ≥ 0 units at `unit`, rounded up (it is owed). */
export const shortPremium = (p: Portfolio, o: OptionPosition, n: bigint, unit: Fx): Money =>
  value(n, unit, p.assets[o.asset].decimals, "up");

/**
 * CBOE naked short option on n ≥ 0 units (`o` gives the terms) at its charging spot (`shortOptionSpot`) with its
 * unit value there: premium + max(rate × underlying − out-of-the-money amount, min rate × (underlying for calls,
 * strike for puts)).
 */
export function nakedChargeAt(p: Portfolio, o: OptionPosition, n: bigint, spot: Fx, unit: Fx): Money {
  const asset = p.assets[o.asset];
  const d = asset.decimals;
  const premium = shortPremium(p, o, n, unit);
  const underlying = value(n, spot, d, "up");
  // The out-of-the-money amount is a deduction, so it rounds down.
  const outOfTheMoney = value(n, intrinsic(o.kind === "call" ? "put" : "call", spot, o.strike), d, "down");
  const leg = sub(mulFx(underlying, asset.rules.optionRate, "up"), outOfTheMoney);
  const minimumBase = o.kind === "call" ? underlying : value(n, o.strike, d, "up");
  const minimum = mulFx(minimumBase, asset.rules.optionMinRate, "up");
  return add(premium, max(leg, minimum));
}

/** One position's rules-based charge at `level`, alone. */
export function positionCharge(p: Portfolio, position: Position, level: Level): Money {
  const asset = p.assets[position.asset];
  switch (position.type) {
    case "spot":
      return add(
        depositCharge(p, asset, position.deposit, level),
        linearCharge(p, asset, position.borrow, level, "short"),
      );
    case "perp":
      return linearCharge(p, asset, abs(position.quantity), level, exposureOfSign(position.quantity));
    case "option":
      return position.contracts < 0n
        ? nakedChargeAt(
            p,
            position,
            abs(units(position)),
            shortOptionSpot(p, position, level),
            shortUnitValue(p, position, level),
          )
        : 0n;
  }
}
