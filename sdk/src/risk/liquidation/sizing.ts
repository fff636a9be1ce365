// Liquidation sizing (`crates/risk/src/liquidation/sizing.rs`): a liquidator repays part of one borrowed asset and
// seizes collateral of another at a discount. The size is the largest repay whose resulting maintenance health does
// not exceed a target, capped by the debt, the collateral there is to seize and the liquidator's maximum. The
// liability is priced at P + conf and the collateral at P − conf; a remainder worth less than the dust threshold is
// closed whole.
import * as engine from "../engine";
import * as errors from "../errors";
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import * as marks from "../marks";
import type { Model, Portfolio, SpotPosition } from "../model";
import * as validation from "../validate";
import * as bisection from "./bisect";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { health } = engine;
const { fail } = errors;
const { FX_ONE, mul, mulDiv, mulFx, pow10, value } = fixed;
const { conservativePrice } = marks;
const { validate } = validation;
const { bisect } = bisection;

export const U64_MAX = (1n << 64n) - 1n;

/** What a liquidation is asked to do and on what terms (`LiquidationTerms`). */
export interface LiquidationTerms {
  /** Asset indices of the liability repaid and the collateral seized. */
  liability: number;
  collateral: number;
  /** The collateral is bought this fraction below its mark. */
  discount: Fx;
  /** The fraction of the discount's worth that goes to the insurance fund, in seized units. */
  insuranceShare: Fx;
  /** Maintenance health the liquidation brings the account up to, never past (but for dust closes). */
  targetHealth: Money;
  /** The most the liquidator will repay, native units of the liability (`U64_MAX`: no limit). */
  maxRepay: bigint;
  /** A remainder worth less than this (quote minor units, at its mark) is closed whole. */
  dust: Money;
}

export interface LiquidationSize {
  /** Native units of the liability repaid and of the collateral seized. */
  repay: bigint;
  seize: bigint;
  /** Of `seize`, the units that go to the insurance fund; the liquidator receives `seize − fee`. */
  fee: bigint;
  healthBefore: Money;
  healthAfter: Money;
}

const spotOf = (p: Portfolio, asset: number): number => p.positions.findIndex((q) => q.type === "spot" && q.asset === asset);

/** The two legs' maintenance marks and the conversion between them. */
function legs(p: Portfolio, t: LiquidationTerms) {
  const [l, c] = [p.assets[t.liability], p.assets[t.collateral]];
  const liabilityMark = conservativePrice(l, p.confMultiplier, "maintenance", "short");
  const collateralMark = conservativePrice(c, p.confMultiplier, "maintenance", "long");
  /** Collateral units worth `repay` liability units at `price` per collateral unit, rounded up. */
  const collateralFor = (repay: bigint, price: Fx): bigint => {
    if (price <= 0n) fail("DivisionByZero");
    return mulDiv(mul(repay, pow10(c.decimals)), liabilityMark, mul(price, pow10(l.decimals)), "up");
  };
  const discounted = mulFx(collateralMark, FX_ONE - t.discount, "down");
  return {
    liabilityMark,
    collateralMark,
    collateralFor,
    seize: (repay: bigint) => collateralFor(repay, discounted),
    isDust: (native: bigint, mark: Fx, decimals: number) => value(native, mark, decimals, "down") < t.dust,
    liabilityDecimals: l.decimals,
    collateralDecimals: c.decimals,
  };
}

export function liquidationSize(p: Portfolio, model: Model, t: LiquidationTerms): LiquidationSize {
  validate(p);
  if (t.discount < 0n || t.discount >= FX_ONE || t.insuranceShare < 0n || t.insuranceShare > FX_ONE || t.dust < 0n) {
    fail("RateOutOfRange");
  }
  const healthBefore = health(p, model, "maintenance");
  if (healthBefore >= 0n) fail("NotLiquidatable");
  const [li, ci] = [spotOf(p, t.liability), spotOf(p, t.collateral)];
  if (li < 0 || ci < 0 || li === ci) fail("NothingToLiquidate");
  const [owed, held] = [p.positions[li] as SpotPosition, p.positions[ci] as SpotPosition];
  if (!(owed.borrow > 0n && held.deposit > 0n)) fail("NothingToLiquidate");
  const [debt, deposit] = [owed.borrow, held.deposit];
  const leg = legs(p, t);
  const { seize } = leg;
  // Cap by the collateral: the largest repay whose seizure the deposit covers (seizure grows with repay).
  const cap = seize(debt) <= deposit ? debt : bisect(0n, debt, (r) => seize(r) <= deposit);
  const healthAfter = (repay: bigint, seized: bigint): Money => {
    const positions = [...p.positions];
    positions[li] = { ...owed, borrow: owed.borrow - repay };
    positions[ci] = { ...held, deposit: held.deposit - seized };
    return health({ ...p, positions }, model, "maintenance");
  };
  let sized: bigint;
  if (healthAfter(cap, seize(cap)) <= t.targetHealth) sized = cap;
  else if (healthBefore > t.targetHealth) sized = 0n;
  else sized = bisect(0n, cap, (r) => healthAfter(r, seize(r)) <= t.targetHealth);
  let repay = sized < t.maxRepay ? sized : t.maxRepay;
  let seized = seize(repay);
  if (repay > 0n && cap === debt && debt <= t.maxRepay && leg.isDust(debt - repay, leg.liabilityMark, leg.liabilityDecimals)) {
    // The debt left would be dust: repay it whole.
    repay = debt;
    seized = seize(debt);
  } else if (repay === cap && cap < debt && seize(cap) < deposit && leg.isDust(deposit - seize(cap), leg.collateralMark, leg.collateralDecimals)) {
    // The collateral left would be dust: seize it whole, for the smallest repay that pays for all of it.
    if (cap < t.maxRepay) {
      repay = cap + 1n;
      seized = deposit;
    }
  }
  // The insurance share of the discount's worth: seized units beyond the repay's worth at the undiscounted mark
  // (rounded up), the share rounded down.
  const bonus = seized - leg.collateralFor(repay, leg.collateralMark);
  const fee = mulFx(bonus > 0n ? bonus : 0n, t.insuranceShare, "down");
  return { repay, seize: seized, fee, healthBefore, healthAfter: healthAfter(repay, seized) };
}
