// What the keeper does about one unhealthy account, decided from the program's own rules: open a margin call
// (the group has a window and the account is not called yet), wait out the window, resolve bad debt (debt and no
// deposits left), or liquidate the (liability, collateral) pair that restores the most health per dollar repaid,
// sized by the SDK's mirror of the program's sizing. Everything here is bigint.
import { GroupState, MarginAccountState, risk } from "@tightrope/sdk";
import { value } from "@tightrope/sdk/src/risk/fixed";

import type { TrackedAccount } from "./index/box";

const { FX_ONE, liquidationSize, quote } = risk;
type Money = risk.Money;

export interface PairPlan {
  /** Global asset indices of the balances repaid and seized. */
  liability: number;
  collateral: number;
  repay: bigint;
  seize: bigint;
  healthAfter: Money;
}

export type Decision =
  | { kind: "flag" }
  | { kind: "wait"; until: bigint }
  | { kind: "resolveBadDebt" }
  | { kind: "liquidate"; plan: PairPlan }
  | { kind: "none"; why: string };

/** Liquidatable now as the program decides it: no window, past the window, or beyond the hard threshold. */
export function liquidatableNow(group: GroupState, account: MarginAccountState, q: risk.Quote, now: bigint): boolean {
  const { graceSeconds, hardThreshold } = group.marginCall;
  if (q.maintenanceHealth >= 0n) return false;
  if (graceSeconds === 0n) return true;
  if (q.equity <= 0n || q.maintenanceHealth < -((hardThreshold * q.maintenanceRequirement) / FX_ONE)) return true;
  return account.marginCallAt !== null && now >= account.marginCallAt + graceSeconds;
}

/**
 * The pair whose liquidation to `targetHealth` (0: back to maintenance) buys the most health per dollar of debt
 * repaid at the liability's price, or null when no pair has both a borrow and a deposit.
 */
export function bestPair(p: risk.Portfolio, model: risk.Model, discount: risk.Fx, targetHealth: Money = 0n): PairPlan | null {
  let best: (PairPlan & { gain: Money; cost: Money }) | null = null;
  const spots = p.positions.filter((q): q is risk.SpotPosition => q.type === "spot");
  for (const owed of spots.filter((q) => q.borrow > 0n)) {
    for (const held of spots.filter((q) => q.deposit > 0n && q !== owed)) {
      const size = liquidationSize(p, model, owed.asset, held.asset, discount, targetHealth);
      if (size.repay === 0n) continue;
      const a = p.assets[owed.asset];
      const gain = size.healthAfter - size.healthBefore;
      const cost = value(size.repay, a.price, a.decimals, "up");
      // gain / cost > best.gain / best.cost, cross-multiplied so it stays exact.
      if (best === null || gain * best.cost > best.gain * cost) {
        best = { liability: owed.asset, collateral: held.asset, repay: size.repay, seize: size.seize, healthAfter: size.healthAfter, gain, cost };
      }
    }
  }
  return best && { liability: best.liability, collateral: best.collateral, repay: best.repay, seize: best.seize, healthAfter: best.healthAfter };
}

/** The decision for an account the index found below maintenance, at cluster time `now`. */
export function decide(group: GroupState, state: MarginAccountState, tracked: TrackedAccount, p: risk.Portfolio, discount: risk.Fx, now: bigint): Decision {
  const q = quote(p, tracked.model);
  if (q.maintenanceHealth >= 0n) return { kind: "none", why: "healthy" };
  if (group.marginCall.graceSeconds > 0n && state.marginCallAt === null) return { kind: "flag" };
  if (!liquidatableNow(group, state, q, now)) return { kind: "wait", until: state.marginCallAt! + group.marginCall.graceSeconds };
  const deposits = tracked.positions.some((x) => x.deposit > 0n);
  const debt = tracked.positions.some((x) => x.borrow > 0n);
  if (debt && !deposits) return { kind: "resolveBadDebt" };
  const plan = bestPair(p, tracked.model, discount);
  return plan ? { kind: "liquidate", plan } : { kind: "none", why: "no pair with both a borrow and a deposit" };
}
