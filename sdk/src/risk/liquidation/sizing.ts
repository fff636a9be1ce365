// Liquidation sizing (`crates/risk/src/liquidation/sizing.rs`): a liquidator repays part of one borrowed asset and
// seizes collateral of another at a discount. The size is the largest repay whose resulting maintenance health does
// not exceed a target, capped by the debt and by the collateral there is to seize.
import * as engine from "../engine";
import * as errors from "../errors";
import type { Fx, Money } from "../fixed";
import * as fixed from "../fixed";
import type { Model, Portfolio, SpotPosition } from "../model";
import * as validation from "../validate";
import * as bisection from "./bisect";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { health } = engine;
const { fail } = errors;
const { FX_ONE, mul, mulDiv, mulFx, pow10 } = fixed;
const { validate } = validation;
const { bisect } = bisection;

export interface LiquidationSize {
  /** Native units of the liability repaid and of the collateral seized. */
  repay: bigint;
  seize: bigint;
  healthBefore: Money;
  healthAfter: Money;
}

const spotOf = (p: Portfolio, asset: number): number => p.positions.findIndex((q) => q.type === "spot" && q.asset === asset);

/**
 * Collateral units seized for `repay` liability units: the repaid value at oracle prices, bought at the collateral
 * price less the discount. The discounted price rounds down and the units up: both cost the account.
 */
function seizeFor(p: Portfolio, liability: number, collateral: number, discount: Fx, repay: bigint): bigint {
  const [l, c] = [p.assets[liability], p.assets[collateral]];
  const discounted = mulFx(c.price, FX_ONE - discount, "down");
  const numerator = mul(repay, pow10(c.decimals));
  const denominator = mul(discounted, pow10(l.decimals));
  return mulDiv(numerator, l.price, denominator, "up");
}

export function liquidationSize(
  p: Portfolio,
  model: Model,
  liability: number,
  collateral: number,
  discount: Fx,
  targetHealth: Money,
): LiquidationSize {
  validate(p);
  if (discount < 0n || discount >= FX_ONE) fail("RateOutOfRange");
  const healthBefore = health(p, model, "maintenance");
  if (healthBefore >= 0n) fail("NotLiquidatable");
  const [li, ci] = [spotOf(p, liability), spotOf(p, collateral)];
  if (li < 0 || ci < 0) fail("NothingToLiquidate");
  const [owed, held] = [p.positions[li] as SpotPosition, p.positions[ci] as SpotPosition];
  if (!(owed.borrow > 0n && held.deposit > 0n)) fail("NothingToLiquidate");
  const [debt, deposit] = [owed.borrow, held.deposit];
  const seize = (repay: bigint) => seizeFor(p, liability, collateral, discount, repay);
  // Cap by the collateral: the largest repay whose seizure the deposit covers (seizure grows with repay).
  const cap = seize(debt) <= deposit ? debt : bisect(0n, debt, (r) => seize(r) <= deposit);
  const healthAfter = (repay: bigint): Money => {
    const seized = seize(repay);
    const positions = [...p.positions];
    // Liability and collateral may be one balance (li === ci): both changes apply to it, as in Rust.
    positions[li] = { ...(positions[li] as SpotPosition), borrow: (positions[li] as SpotPosition).borrow - repay };
    positions[ci] = { ...(positions[ci] as SpotPosition), deposit: (positions[ci] as SpotPosition).deposit - seized };
    return health({ ...p, positions }, model, "maintenance");
  };
  let repay: bigint;
  if (healthAfter(cap) <= targetHealth) repay = cap;
  else if (healthBefore > targetHealth) repay = 0n;
  else repay = bisect(0n, cap, (r) => healthAfter(r) <= targetHealth);
  return { repay, seize: seize(repay), healthBefore, healthAfter: healthAfter(repay) };
}
