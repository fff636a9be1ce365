// Rules-based margin (`crates/risk/src/rules.rs`): Reg T initial, FINRA maintenance, house add-ons, CBOE naked
// options. Each position is charged alone; every charge rounds up after each step, except that a deposit is never
// charged more than it is worth.
import { Money, abs, add, max, min, mulFx, sub, value } from "./fixed";
import { conservativePrice, Exposure, exposureOfSign } from "./marks";
import type { Asset, Level, OptionPosition, Portfolio, Position, RulesRates } from "./model";
import { intrinsic } from "./options/blackScholes";
import { exposure, unitValue, units } from "./options/position";

function levelRate(r: RulesRates, level: Level, e: Exposure): bigint {
  if (level === "initial") return e === "long" ? r.initialLong : r.initialShort;
  return e === "long" ? r.maintenanceLong : r.maintenanceShort;
}

/** value × (rate + houseRate) + |units| × housePerUnit for units ≥ 0 held (long) or owed (short). */
function linearCharge(p: Portfolio, asset: Asset, amount: bigint, level: Level, e: Exposure): Money {
  const price = conservativePrice(asset, p.confMultiplier, level, e);
  const r = asset.rules;
  const notional = value(amount, price, asset.decimals, "up");
  const percentage = mulFx(notional, add(levelRate(r, level, e), r.houseRate), "up");
  const perUnit = value(amount, r.housePerUnit, asset.decimals, "up");
  return add(percentage, perUnit);
}

/** A deposit's charge, capped at what it adds to equity at this level (its value at that mark, rounded down). */
function depositCharge(p: Portfolio, asset: Asset, deposit: bigint, level: Level): Money {
  const charge = linearCharge(p, asset, deposit, level, "long");
  const price = conservativePrice(asset, p.confMultiplier, level, "long");
  return min(charge, value(deposit, price, asset.decimals, "down"));
}

/**
 * CBOE naked short option: premium + max(rate × underlying − out-of-the-money amount, min rate × (underlying for
 * calls, strike for puts)).
 */
function shortOptionCharge(p: Portfolio, asset: Asset, o: OptionPosition, level: Level): Money {
  const d = asset.decimals;
  const n = abs(units(o));
  // The spot that maximises the charge: high for a short call, low for a short put.
  const spot = conservativePrice(asset, p.confMultiplier, level, exposure(o));
  const premium = value(n, unitValue(o, spot, p.now), d, "up");
  const underlying = value(n, spot, d, "up");
  // The out-of-the-money amount is a deduction, so it rounds down.
  const outOfTheMoney = value(n, intrinsic(o.kind === "call" ? "put" : "call", spot, o.strike), d, "down");
  const leg = sub(mulFx(underlying, asset.rules.optionRate, "up"), outOfTheMoney);
  const minimumBase = o.kind === "call" ? underlying : value(n, o.strike, d, "up");
  const minimum = mulFx(minimumBase, asset.rules.optionMinRate, "up");
  return add(premium, max(leg, minimum));
}

/** One position's rules-based charge at `level`. */
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
      return position.contracts < 0n ? shortOptionCharge(p, asset, position, level) : 0n;
  }
}
