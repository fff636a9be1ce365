// Equity (`crates/risk/src/equity.rs`): each position closed out at conservative marks, rounded down one by one,
// so holdings round down and liabilities round up in magnitude.
import type { Money } from "./fixed";
import * as fixed from "./fixed";
import * as marks from "./marks";
import type { Level, Portfolio, Position } from "./model";
import { UnitValues } from "./options/position";
import * as optionPosition from "./options/position";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { add, sub, value } = fixed;
const { conservativePrice, exposureOfSign } = marks;
const { exposure, units } = optionPosition;

/**
 * One position's contribution to equity at each of `levels`, an option's valued by `optionValues` (one valuer
 * across the levels, so it is set up once and a repeated mark is not revalued). Under rules (no valuer) options
 * count zero: a long option has no collateral value and a short option's premium is inside its charge.
 */
export function positionEquities(p: Portfolio, position: Position, levels: readonly Level[], optionValues: UnitValues | undefined): Money[] {
  return levels.map((level) => positionEquity(p, position, level, optionValues));
}

function positionEquity(p: Portfolio, position: Position, level: Level, optionValues: UnitValues | undefined): Money {
  const asset = p.assets[position.asset];
  const d = asset.decimals;
  switch (position.type) {
    case "spot": {
      const held = value(position.deposit, conservativePrice(asset, p.confMultiplier, level, "long"), d, "down");
      const owed = value(-position.borrow, conservativePrice(asset, p.confMultiplier, level, "short"), d, "down");
      return add(held, owed);
    }
    case "perp": {
      const price = conservativePrice(asset, p.confMultiplier, level, exposureOfSign(position.quantity));
      return value(position.quantity, sub(price, position.entryPrice), d, "down");
    }
    case "option": {
      if (!optionValues) return 0n;
      const spot = conservativePrice(asset, p.confMultiplier, level, exposure(position));
      return value(units(position), optionValues.at(spot), d, "down");
    }
  }
}
