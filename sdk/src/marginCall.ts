// The margin call's timeline as the program decides it (`programs/tightrope/src/math/margin_call.rs`): when an
// account may be called, when a call is cured, when it may be liquidated, and, for a called account, the deadline
// its grace window ends at. Integers only; amounts in quote minor units, shares Fx.
import { FX_ONE, mulDiv } from "./risk/fixed";
import type { Quote } from "./risk/engine";
import type { GroupState, MarginAccountState } from "./state";

type Maintenance = Pick<Quote, "equity" | "maintenanceRequirement" | "maintenanceHealth">;
type Settings = GroupState["marginCall"];

/** Below maintenance: `flag_margin_call` would open a call. */
export const callable = (m: Maintenance): boolean => m.maintenanceHealth < 0n;

/** Maintenance health at least `cureBuffer × requirement` (rounded up): `clear_margin_call` would clear the call. */
export const cured = (m: Maintenance, cureBuffer: bigint): boolean => m.maintenanceHealth >= mulDiv(m.maintenanceRequirement, cureBuffer, FX_ONE, "up");

/** Past the point where a grace window applies: equity ≤ 0, or health below −hardThreshold × requirement. */
export const beyondHardThreshold = (m: Maintenance, hardThreshold: bigint): boolean =>
  m.equity <= 0n || m.maintenanceHealth < -mulDiv(m.maintenanceRequirement, hardThreshold, FX_ONE, "down");

/** Whether the account may be liquidated at `now` (unix seconds), given when its call was made (null: never). */
export function liquidatable(m: Maintenance, calledAt: bigint | null, now: bigint, settings: Pick<Settings, "graceSeconds" | "hardThreshold">): boolean {
  if (!callable(m)) return false;
  if (settings.graceSeconds === 0n || beyondHardThreshold(m, settings.hardThreshold)) return true;
  return calledAt !== null && now >= calledAt + settings.graceSeconds;
}

/** The maintenance health a liquidation lifts the account to: `target × requirement`, rounded up. */
export const liquidationTarget = (m: Maintenance, target: bigint): bigint => mulDiv(m.maintenanceRequirement, target, FX_ONE, "up");

export interface MarginCallStatus {
  /** Unix seconds the open call was made; null when none is open. */
  calledAt: bigint | null;
  /** When the grace window of the open call ends (calledAt + graceSeconds); null when none is open. */
  deadline: bigint | null;
  /** Seconds from `now` to the deadline, never below zero; null when no call is open. */
  secondsLeft: bigint | null;
  callable: boolean;
  beyondHardThreshold: boolean;
  liquidatable: boolean;
  /** Maintenance health the call needs to clear (cureBuffer × requirement, rounded up). */
  cureHealth: bigint;
}

/** The account's margin-call position at `now` under its group's settings and the figures in `quote`. */
export function marginCallStatus(group: Pick<GroupState, "marginCall">, account: Pick<MarginAccountState, "marginCallAt">, quote: Maintenance, now: bigint): MarginCallStatus {
  const settings = group.marginCall;
  const calledAt = account.marginCallAt;
  const deadline = calledAt === null ? null : calledAt + settings.graceSeconds;
  return {
    calledAt,
    deadline,
    secondsLeft: deadline === null ? null : deadline > now ? deadline - now : 0n,
    callable: callable(quote),
    beyondHardThreshold: beyondHardThreshold(quote, settings.hardThreshold),
    liquidatable: liquidatable(quote, calledAt, now, settings),
    cureHealth: mulDiv(quote.maintenanceRequirement, settings.cureBuffer, FX_ONE, "up"),
  };
}
