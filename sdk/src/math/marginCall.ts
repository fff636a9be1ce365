// The margin call's timeline (`programs/tightrope/src/math/margin_call.rs`): when an account may be called, when a
// call is cured, when it may be liquidated, and the health a liquidation lifts it to. Amounts in quote minor
// units, shares Fx.
import { FX_ONE } from "../risk/fixed";
import { mulDiv } from "./common";

/** An account's maintenance figures, as the risk engine reports them. */
export interface Maintenance {
  equity: bigint;
  requirement: bigint;
  health: bigint;
}

export const callable = (m: Maintenance): boolean => m.health < 0n;

/** Maintenance health at least `cureBuffer × requirement`, rounded up. */
export const cured = (m: Maintenance, cureBuffer: bigint): boolean => m.health >= mulDiv(m.requirement, cureBuffer, FX_ONE, "up");

/** Past the point where the grace window applies: health below −threshold × requirement (rounded toward zero), or no equity. */
export const beyondHardThreshold = (m: Maintenance, hardThreshold: bigint): boolean =>
  m.equity <= 0n || m.health < -mulDiv(m.requirement, hardThreshold, FX_ONE, "down");

/** Whether the account may be liquidated at `now`, given when its call was made (`null`: never). */
export function liquidatable(m: Maintenance, calledAt: bigint | null, now: bigint, graceSeconds: bigint, hardThreshold: bigint): boolean {
  if (!callable(m)) return false;
  if (graceSeconds === 0n || beyondHardThreshold(m, hardThreshold)) return true;
  return calledAt !== null && now >= calledAt + graceSeconds;
}

/** The maintenance health a liquidation lifts the account to: `target × requirement`, rounded up. */
export const liquidationTarget = (m: Maintenance, target: bigint): bigint => mulDiv(m.requirement, target, FX_ONE, "up");
