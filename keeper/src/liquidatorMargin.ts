// The keeper's own margin account: where it takes on what it liquidates, and the check that it stays above initial
// margin afterwards, priced as the program would, before anything is sent.
import { PublicKey } from "@solana/web3.js";
import { TightropeClient, TightropeError } from "@tightrope/sdk";

import type { PairPlan } from "./plan";

export class LiquidatorMarginError extends Error {
  constructor(why: string) {
    super(`the keeper's margin account would fall below initial margin: ${why}`);
    this.name = "LiquidatorMarginError";
  }
}

/** Refuses `plan` if it would leave `liquidator` below initial margin (or the what-if refuses it). */
export async function requireLiquidatorMargin(client: TightropeClient, liquidator: PublicKey, legs: { liability: PublicKey; collateral: PublicKey }, plan: PairPlan): Promise<void> {
  try {
    const after = await client.whatIf(liquidator, [
      { kind: "borrow", asset: legs.liability, amount: plan.repay },
      // The what-if applies a real borrow's caps, which the program's internal transfer does not: stricter, never looser.
      { kind: "deposit", asset: legs.collateral, amount: plan.seize - plan.fee },
    ]);
    if (after.quote.initialHealth < 0n) throw new LiquidatorMarginError(`initial health would be ${after.quote.initialHealth}`);
  } catch (e) {
    if (e instanceof TightropeError) throw new LiquidatorMarginError(e.message);
    throw e;
  }
}
