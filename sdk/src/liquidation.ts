// What the program's `liquidate` will decide for an account (`controller/liquidation.rs`), from the same inputs:
// whether the account may be liquidated now and why not, and the size the program will compute for a pair of
// assets. Keepers and pages use it to choose a pair and to skip sends the program would refuse.
import type { PublicKey } from "@solana/web3.js";

import { TightropeError } from "./errors";
import * as marginCall from "./marginCall";
import type { AccountPortfolio } from "./portfolio";
import type { GroupState } from "./state";
import { quote } from "./risk/engine";
import type { Quote } from "./risk/engine";
import { liquidationSize, LiquidationSize, LiquidationTerms } from "./risk/liquidation/sizing";

export type LiquidationStatus =
  | { liquidatable: true; quote: Quote }
  | { liquidatable: false; quote: Quote; reason: "NotBelowMaintenance" | "MarginCallNotFlagged" | "MarginCallGraceRunning" };

/** Whether the program would liquidate the account at the portfolio's moment, naming its refusal if not. */
export function liquidationStatus(base: AccountPortfolio): LiquidationStatus {
  const q = quote(base.portfolio, base.model);
  if (q.maintenanceHealth >= 0n) return { liquidatable: false, quote: q, reason: "NotBelowMaintenance" };
  const c = base.group.marginCall;
  if (marginCall.liquidatable(q, base.account.marginCallAt, base.now, c)) return { liquidatable: true, quote: q };
  return { liquidatable: false, quote: q, reason: base.account.marginCallAt === null ? "MarginCallNotFlagged" : "MarginCallGraceRunning" };
}

/**
 * The terms the program sizes a liquidation on (`controller/liquidation.rs`): the larger of the two assets'
 * discounts, the group's insurance share and dust, and its target share of the maintenance requirement in `q`.
 * `liability` and `collateral` index the portfolio the terms will be used with.
 */
export function termsFor(
  settings: GroupState["marginCall"],
  q: Quote,
  legs: { liability: number; collateral: number; liabilityDiscount: bigint; collateralDiscount: bigint },
  maxRepay: bigint,
): LiquidationTerms {
  const { liabilityDiscount: ld, collateralDiscount: cd } = legs;
  return {
    liability: legs.liability,
    collateral: legs.collateral,
    discount: ld > cd ? ld : cd,
    insuranceShare: settings.insuranceShare,
    targetHealth: marginCall.liquidationTarget(q, settings.liquidationTarget),
    maxRepay,
    dust: settings.dust,
  };
}

/** The terms for a liquidation of `base`'s `liability` against its `collateral`. */
export function liquidationTerms(base: AccountPortfolio, liability: PublicKey, collateral: PublicKey, maxRepay: bigint, q = quote(base.portfolio, base.model)): LiquidationTerms {
  const index = (asset: PublicKey) => {
    const i = base.balances.findIndex((b) => b.asset.address.equals(asset));
    if (i < 0) throw TightropeError.program("AssetNotHeld");
    return i;
  };
  const [l, c] = [index(liability), index(collateral)];
  const discounts = { liabilityDiscount: base.balances[l].asset.liquidationDiscount, collateralDiscount: base.balances[c].asset.liquidationDiscount };
  return termsFor(base.group.marginCall, q, { liability: l, collateral: c, ...discounts }, maxRepay);
}

/** The repay, seizure and insurance fee the program computes for this liquidation (before share rounding). */
export function liquidationPlan(base: AccountPortfolio, liability: PublicKey, collateral: PublicKey, maxRepay: bigint): LiquidationSize & { terms: LiquidationTerms } {
  const terms = liquidationTerms(base, liability, collateral, maxRepay);
  return { ...liquidationSize(base.portfolio, base.model, terms), terms };
}
