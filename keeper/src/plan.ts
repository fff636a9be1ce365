// What the keeper does about one unhealthy account, decided from the program's own rules: open a margin call
// (the group has a window and the account is not called yet), wait out the window, resolve bad debt (debt and no
// deposits left), or liquidate the (liability, collateral) pair that restores the most health per dollar repaid,
// sized by the SDK's mirror of the program's sizing. Everything here is bigint.
import { GroupState, liquidatable, MarginAccountState, risk, termsFor, U64_MAX } from "@tightrope/sdk";
import { value } from "@tightrope/sdk/src/risk/fixed";

import type { TrackedAccount } from "./index/box";

const { liquidationSize, quote } = risk;
type Money = risk.Money;

export interface PairPlan {
  /** Global asset indices of the balances repaid and seized. */
  liability: number;
  collateral: number;
  repay: bigint;
  seize: bigint;
  /** Of `seize`, what goes to the insurance fund: the liquidator receives `seize − fee`. */
  fee: bigint;
  healthAfter: Money;
}

export type Decision =
  | { kind: "flag" }
  | { kind: "wait"; until: bigint }
  | { kind: "resolveBadDebt" }
  | { kind: "liquidate"; plan: PairPlan }
  | { kind: "none"; why: string };

/**
 * The pair whose liquidation, on the program's terms (`discounts` by global asset index, the group's target,
 * insurance share and dust), buys the most health per dollar of debt repaid at the liability's price, or null when
 * no pair has both a borrow and a deposit.
 */
export function bestPair(group: GroupState, p: risk.Portfolio, model: risk.Model, discounts: readonly bigint[]): PairPlan | null {
  let best: (PairPlan & { gain: Money; cost: Money }) | null = null;
  const q = quote(p, model);
  const spots = p.positions.filter((x): x is risk.SpotPosition => x.type === "spot");
  for (const owed of spots.filter((x) => x.borrow > 0n)) {
    for (const held of spots.filter((x) => x.deposit > 0n && x !== owed)) {
      const legs = { liability: owed.asset, collateral: held.asset, liabilityDiscount: discounts[owed.asset], collateralDiscount: discounts[held.asset] };
      const size = liquidationSize(p, model, termsFor(group.marginCall, q, legs, U64_MAX));
      if (size.repay === 0n || size.healthAfter <= size.healthBefore) continue;
      const a = p.assets[owed.asset];
      const gain = size.healthAfter - size.healthBefore;
      const cost = value(size.repay, a.price, a.decimals, "up");
      // gain / cost > best.gain / best.cost, cross-multiplied so it stays exact.
      if (best === null || gain * best.cost > best.gain * cost) {
        best = { liability: owed.asset, collateral: held.asset, repay: size.repay, seize: size.seize, fee: size.fee, healthAfter: size.healthAfter, gain, cost };
      }
    }
  }
  return best && { liability: best.liability, collateral: best.collateral, repay: best.repay, seize: best.seize, fee: best.fee, healthAfter: best.healthAfter };
}

/** The decision for an account the index found below maintenance, at cluster time `now`. */
export function decide(group: GroupState, state: MarginAccountState, tracked: TrackedAccount, p: risk.Portfolio, discounts: readonly bigint[], now: bigint): Decision {
  const q = quote(p, tracked.model);
  if (q.maintenanceHealth >= 0n) return { kind: "none", why: "healthy" };
  if (group.marginCall.graceSeconds > 0n && state.marginCallAt === null) return { kind: "flag" };
  if (!liquidatable(q, state.marginCallAt, now, group.marginCall)) return { kind: "wait", until: state.marginCallAt! + group.marginCall.graceSeconds };
  const deposits = tracked.positions.some((x) => x.deposit > 0n);
  const debt = tracked.positions.some((x) => x.borrow > 0n);
  if (debt && !deposits) return { kind: "resolveBadDebt" };
  const plan = bestPair(group, p, tracked.model, discounts);
  return plan ? { kind: "liquidate", plan } : { kind: "none", why: "no pair with both a borrow and a deposit" };
}
