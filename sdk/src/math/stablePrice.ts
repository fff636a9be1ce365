// The stable price (`programs/tightrope/src/math/stable_price.rs`): it follows the oracle by at most
// stable × rate × elapsed, rounded down, never past it; a move beyond i128 saturates to the oracle price.
import { FX_ONE, Fx } from "../risk/fixed";
import { MAX_PRICE } from "../risk/model";
import { MathError, mathFail, mulDiv } from "./common";

const I128_MAX = (1n << 127n) - 1n;

export function updateStablePrice(stable: Fx, oracle: Fx, elapsedSeconds: bigint, maxMovePerSecond: Fx): Fx {
  if (oracle <= 0n || oracle > MAX_PRICE || stable < 0n || stable > MAX_PRICE || maxMovePerSecond < 0n) {
    mathFail("InvalidInput");
  }
  if (stable === 0n) return oracle;
  const gap = oracle - stable;
  const relative = maxMovePerSecond * elapsedSeconds;
  if (relative > I128_MAX) return oracle;
  let allowed: bigint;
  try {
    allowed = mulDiv(stable, relative, FX_ONE, "down");
  } catch (e) {
    if (e instanceof MathError && e.code === "Overflow") return oracle;
    throw e;
  }
  const magnitude = gap < 0n ? -gap : gap;
  const step = magnitude < allowed ? magnitude : allowed;
  return gap >= 0n ? stable + step : stable - step;
}
