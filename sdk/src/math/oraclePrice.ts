// Pyth fixed point to the engine's (`programs/tightrope/src/math/oracle_price.rs`): exponents ≥ −12 scale up
// exactly; finer ones round the price down and the confidence up.
import { FX_DECIMALS, FX_ONE, Fx } from "../risk/fixed";
import { MAX_PRICE } from "../risk/model";
import { mathFail, mulDiv } from "./common";

export const MIN_EXPONENT = -18;
export const MAX_EXPONENT = 12;
const I128_MAX = (1n << 127n) - 1n;

const checkPrice = (price: Fx) => (price <= 0n || price > MAX_PRICE ? mathFail("InvalidInput") : price);

/** (price, conf) in Fx from a Pyth price (i64), confidence (u64) and exponent. */
export function pythToFx(price: bigint, conf: bigint, exponent: number): { price: Fx; conf: Fx } {
  if (exponent < MIN_EXPONENT || exponent > MAX_EXPONENT || price <= 0n) mathFail("InvalidInput");
  const shift = exponent + FX_DECIMALS;
  const scale = 10n ** BigInt(Math.abs(shift));
  if (shift >= 0) {
    const priceFx = price * scale;
    if (priceFx > I128_MAX) mathFail("InvalidInput");
    checkPrice(priceFx);
    const confFx = conf * scale;
    if (confFx > I128_MAX) mathFail("Overflow");
    return { price: priceFx, conf: confFx };
  }
  const priceFx = checkPrice(mulDiv(price, 1n, scale, "down"));
  return { price: priceFx, conf: mulDiv(conf, 1n, scale, "up") };
}

/** conf / price ≤ maxConfRatio, decided exactly. */
export function confWithin(price: Fx, conf: Fx, maxConfRatio: Fx): boolean {
  if (price <= 0n || conf < 0n || maxConfRatio < 0n) return false;
  try {
    return mulDiv(conf, FX_ONE, price, "up") <= maxConfRatio;
  } catch {
    return false;
  }
}
