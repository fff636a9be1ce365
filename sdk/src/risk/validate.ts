// Input bounds (`crates/risk/src/validate.rs`), checked once and in the same order as Rust, so the first failing
// bound names the same error. Rust's field types (u8, u64, i64) bound the rest; `checkTypes` holds a TypeScript
// caller to them, as a programming error rather than a RiskError.
import { RiskErrorCode, fail } from "./errors";
import { FX_ONE, Fx, I128_MAX, mulFx } from "./fixed";
import {
  Asset,
  MAX_ASSETS,
  MAX_DECIMALS,
  MAX_EXPIRY_SECONDS,
  MAX_GROUP_OFFSETS,
  MAX_POINTS_PER_SIDE,
  MAX_POSITIONS,
  MAX_PRICE,
  MAX_RATE,
  MAX_TIERS,
  OptionPosition,
  Portfolio,
  Tier,
} from "./model";

function within(x: Fx, low: Fx, high: Fx, error: RiskErrorCode): void {
  if (x < low || x > high) fail(error);
}

/** The ranges a tier must respect. */
export function checkTier(t: Tier): void {
  within(t.bandDown, 0n, FX_ONE, "InvalidTier");
  within(t.bandUp, 0n, FX_ONE, "InvalidTier");
  within(t.initialMultiplier, FX_ONE, MAX_RATE, "RateOutOfRange");
  // The widened band must stay within ±100% so scenario prices stay within [0, 2·MAX_PRICE].
  within(mulFx(t.bandDown, t.initialMultiplier, "up"), 0n, FX_ONE, "InvalidTier");
  within(mulFx(t.bandUp, t.initialMultiplier, "up"), 0n, FX_ONE, "InvalidTier");
  if (t.pointsDown > MAX_POINTS_PER_SIDE || t.pointsUp > MAX_POINTS_PER_SIDE) fail("TooMany");
  within(t.volDown, 0n, FX_ONE, "RateOutOfRange");
  within(t.volUp, 0n, MAX_RATE, "RateOutOfRange");
  within(t.perContractMin, 0n, MAX_PRICE, "RateOutOfRange");
  within(t.floorShare, 0n, FX_ONE, "RateOutOfRange");
}

function checkAsset(a: Asset, tiers: number): void {
  if (a.decimals > MAX_DECIMALS) fail("DecimalsOutOfRange");
  if (a.tier >= tiers) fail("UnknownIndex");
  within(a.price, 1n, MAX_PRICE, "PriceOutOfRange");
  within(a.stablePrice, 1n, MAX_PRICE, "PriceOutOfRange");
  within(a.conf, 0n, MAX_PRICE, "PriceOutOfRange");
  const r = a.rules;
  for (const rate of [r.initialLong, r.initialShort, r.maintenanceLong, r.maintenanceShort, r.houseRate]) {
    within(rate, 0n, MAX_RATE, "RateOutOfRange");
  }
  within(r.optionRate, 0n, MAX_RATE, "RateOutOfRange");
  within(r.optionMinRate, 0n, MAX_RATE, "RateOutOfRange");
  within(r.housePerUnit, 0n, MAX_PRICE, "RateOutOfRange");
}

function checkOption(o: OptionPosition, p: Portfolio): void {
  within(o.strike, 1n, MAX_PRICE, "InvalidOption");
  within(o.mark ?? 0n, 0n, MAX_PRICE, "InvalidOption");
  if (o.multiplier === 0n || o.expiry - p.now > MAX_EXPIRY_SECONDS) fail("InvalidOption");
  // The shocked-up volatility must stay within the kernel's range too (Rust adds with saturation).
  const tier = p.tiers[p.assets[o.asset].tier];
  within(o.vol, 0n, MAX_RATE, "RateOutOfRange");
  const shifted = o.vol + mulFx(o.vol, tier.volUp, "up");
  within(shifted > I128_MAX ? I128_MAX : shifted, 0n, MAX_RATE, "RateOutOfRange");
}

/** Checks every bound the engine relies on, in Rust's order. */
export function validate(p: Portfolio): void {
  checkTypes(p);
  if (
    p.assets.length > MAX_ASSETS ||
    p.tiers.length > MAX_TIERS ||
    p.positions.length > MAX_POSITIONS ||
    p.groupOffsets.length > MAX_GROUP_OFFSETS
  ) {
    fail("TooMany");
  }
  within(p.confMultiplier, 0n, MAX_RATE, "RateOutOfRange");
  for (let i = 0; i < p.tiers.length; i++) {
    const t = p.tiers[i];
    checkTier(t);
    // Classes offset point by point, so every tier of a group needs the same points.
    for (let j = 0; j < i; j++) {
      const u = p.tiers[j];
      const grouped = u.productGroup !== null && u.productGroup === t.productGroup;
      if (grouped && (u.pointsDown !== t.pointsDown || u.pointsUp !== t.pointsUp)) fail("MisalignedGroup");
    }
  }
  for (const o of p.groupOffsets) within(o.share, 0n, FX_ONE, "RateOutOfRange");
  for (const a of p.assets) checkAsset(a, p.tiers.length);
  for (let i = 0; i < p.positions.length; i++) {
    const position = p.positions[i];
    if (position.asset >= p.assets.length) fail("UnknownIndex");
    if (position.type === "spot") {
      for (let j = 0; j < i; j++) {
        const q = p.positions[j];
        if (q.type === "spot" && q.asset === position.asset) fail("DuplicateSpot");
      }
    } else if (position.type === "perp") {
      within(position.entryPrice, 0n, MAX_PRICE, "PriceOutOfRange");
    } else {
      checkOption(position, p);
    }
  }
}

const U8_MAX = 255;
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

function integer(x: unknown, low: bigint, high: bigint, what: string): void {
  if (typeof x !== "bigint" || x < low || x > high) throw new RangeError(`${what} must be a bigint in [${low}, ${high}]`);
}

function small(x: unknown, what: string): void {
  if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > U8_MAX) throw new RangeError(`${what} must be an integer in [0, 255]`);
}

/** The ranges Rust's field types give: u8 indices and counts, u64 amounts, i64 quantities, contracts and times. */
function checkTypes(p: Portfolio): void {
  integer(p.now, I64_MIN, I64_MAX, "now");
  for (const t of p.tiers) {
    small(t.pointsDown, "tier.pointsDown");
    small(t.pointsUp, "tier.pointsUp");
    if (t.productGroup !== null) small(t.productGroup, "tier.productGroup");
  }
  for (const o of p.groupOffsets) small(o.group, "groupOffset.group");
  for (const a of p.assets) {
    small(a.decimals, "asset.decimals");
    small(a.tier, "asset.tier");
  }
  for (const q of p.positions) {
    small(q.asset, "position.asset");
    if (q.type === "spot") {
      integer(q.deposit, 0n, U64_MAX, "spot.deposit");
      integer(q.borrow, 0n, U64_MAX, "spot.borrow");
    } else if (q.type === "perp") {
      integer(q.quantity, I64_MIN, I64_MAX, "perp.quantity");
    } else {
      integer(q.expiry, I64_MIN, I64_MAX, "option.expiry");
      integer(q.contracts, I64_MIN, I64_MAX, "option.contracts");
      integer(q.multiplier, 0n, U64_MAX, "option.multiplier");
    }
  }
}
