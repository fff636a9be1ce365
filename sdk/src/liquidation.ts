// What the program's `liquidate` will decide for an account (`controller/liquidation.rs`), from the same inputs:
// whether the account may be liquidated now and why not, and the size the program will compute for a pair of
// assets. Keepers and pages use it to choose a pair and to skip sends the program would refuse.
import type { PublicKey } from "@solana/web3.js";

import { TightropeError } from "./errors";
import * as marginCall from "./marginCall";
import type { AccountPortfolio } from "./portfolio";
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

/** The terms the program sizes a liquidation of `liability` against `collateral` on. */
export function liquidationTerms(base: AccountPortfolio, liability: PublicKey, collateral: PublicKey, maxRepay: bigint, q = quote(base.portfolio, base.model)): LiquidationTerms {
  const index = (asset: PublicKey) => {
    const i = base.balances.findIndex((b) => b.asset.address.equals(asset));
    if (i < 0) throw TightropeError.program("AssetNotHeld");
    return i;
  };
  const [l, c] = [index(liability), index(collateral)];
  const [ld, cd] = [base.balances[l].asset.liquidationDiscount, base.balances[c].asset.liquidationDiscount];
  const settings = base.group.marginCall;
  return {
    liability: l,
    collateral: c,
    discount: ld > cd ? ld : cd,
    insuranceShare: settings.insuranceShare,
    targetHealth: marginCall.liquidationTarget(q, settings.liquidationTarget),
    maxRepay,
    dust: settings.dust,
  };
}

/** The repay, seizure and insurance fee the program computes for this liquidation (before share rounding). */
export function liquidationPlan(base: AccountPortfolio, liability: PublicKey, collateral: PublicKey, maxRepay: bigint): LiquidationSize & { terms: LiquidationTerms } {
  const terms = liquidationTerms(base, liability, collateral, maxRepay);
  return { ...liquidationSize(base.portfolio, base.model, terms), terms };
}
