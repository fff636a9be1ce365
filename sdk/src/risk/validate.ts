// Input bounds (`crates/risk/src/validate.rs`), checked once and in the same order as Rust, so the first failing
// bound names the same error, field and value (`findViolation`). Rust's field types (u8, u64, i64) bound the rest;
// `checkTypes` holds a TypeScript caller to them, as a programming error rather than a RiskError.
import type { RiskErrorCode } from "./errors";
import * as errors from "./errors";
import type { Fx } from "./fixed";
import * as fixed from "./fixed";
import type { Asset, OptionPosition, Portfolio, Tier } from "./model";
import * as model from "./model";
import * as optionPosition from "./options/position";
import * as scenarios from "./tims/scenarios";
// tsx runs this code as CommonJS, where each use of a named import reads two export getters: bound once here.
const { fail } = errors;
const { FX_ONE, I128_MAX, mulFx } = fixed;
const {
  MAX_ASSETS,
  MAX_CARRY,
  MAX_DECIMALS,
  MAX_EXPIRY_SECONDS,
  MAX_GROUP_OFFSETS,
  MAX_POINTS_PER_SIDE,
  MAX_POSITIONS,
  MAX_PRICE,
  MAX_RATE,
  MAX_TIERS,
  extremeIsOn,
} = model;
const { shiftedUpVol } = optionPosition;
const { pointCount, shock } = scenarios;

/** What a field belongs to: indices into the portfolio's arrays. */
export type Subject =
  | { kind: "portfolio" }
  | { kind: "tier" | "groupOffset" | "asset" | "position"; index: number };

/** One refused input: the error, the subject and field, the offending value and the accepted range. */
export interface Violation {
  error: RiskErrorCode;
  subject: Subject;
  field: string;
  value: bigint;
  low: bigint;
  high: bigint;
}

/** Thrown inside the checks and caught by `findViolation`, as Rust's `?` returns early. */
class Refused {
  constructor(readonly violation: Violation) {}
}

function within(field: string, x: bigint, low: bigint, high: bigint, error: RiskErrorCode): void {
  if (x < low || x > high) throw new Refused({ error, subject: { kind: "portfolio" }, field, value: x, low, high });
}

/** A refusal that is not about a range (a duplicate, a self-reference): its range is empty. */
const refuse = (field: string, value: bigint, error: RiskErrorCode): never => {
  within(field, value, 1n, 0n, error);
  throw new Error("unreachable");
};

/** Within for a number field (an index or count, an integer): compared as a number, reported as a bigint. */
function withinCount(field: string, x: number, low: number, high: number, error: RiskErrorCode): void {
  if (x < low || x > high) within(field, BigInt(x), BigInt(low), BigInt(high), error);
}

/** `e` naming `subject` when it is a refusal, as thrown by a check run for that subject. */
function about(subject: Subject, e: unknown): unknown {
  return e instanceof Refused ? new Refused({ ...e.violation, subject }) : e;
}

/** A computed bound input, or the largest i128 when computing it overflows (Rust's `unwrap_or(Fx::MAX)`). */
function orMax(compute: () => Fx): Fx {
  try {
    return compute();
  } catch {
    return I128_MAX;
  }
}

/** A band scaled by `factor` must stay within ±100%, so scenario prices stay within [0, 2·MAX_PRICE]. */
const scaledBand = (field: string, band: Fx, factor: Fx) =>
  within(field, orMax(() => mulFx(band, factor, "up")), 0n, FX_ONE, "InvalidTier");

function tierViolation(t: Tier): void {
  within("band_down", t.bandDown, 0n, FX_ONE, "InvalidTier");
  within("band_up", t.bandUp, 0n, FX_ONE, "InvalidTier");
  within("initial_multiplier", t.initialMultiplier, FX_ONE, MAX_RATE, "RateOutOfRange");
  scaledBand("band_down", t.bandDown, t.initialMultiplier);
  scaledBand("band_up", t.bandUp, t.initialMultiplier);
  withinCount("points_down", t.pointsDown, 0, MAX_POINTS_PER_SIDE, "TooMany");
  withinCount("points_up", t.pointsUp, 0, MAX_POINTS_PER_SIDE, "TooMany");
  within("vol_down", t.volDown, 0n, FX_ONE, "RateOutOfRange");
  within("vol_up", t.volUp, 0n, MAX_RATE, "RateOutOfRange");
  within("per_contract_min", t.perContractMin, 0n, MAX_PRICE, "RateOutOfRange");
  within("floor_share", t.floorShare, 0n, FX_ONE, "RateOutOfRange");
  within("vol_scale_min", t.volTerm.minScale, 0n, t.volTerm.maxScale, "RateOutOfRange");
  within("vol_scale_max", t.volTerm.maxScale, 0n, MAX_RATE, "RateOutOfRange");
  if (extremeIsOn(t.extreme)) {
    within("extreme_multiple", t.extreme.multiple, FX_ONE, MAX_RATE, "RateOutOfRange");
    // The outermost initial shocks, computed as the scan computes them, must stay within ±100% too.
    for (const index of [0, pointCount(t) - 1]) {
      const widest = orMax(() => shock(t, "initial", index));
      within("extreme_multiple", widest < 0n ? -widest : widest, 0n, FX_ONE, "InvalidTier");
    }
  }
  within("extreme_weight", t.extreme.weight, 0n, FX_ONE, "RateOutOfRange");
}

/** The ranges a tier must respect. */
export function checkTier(t: Tier): void {
  const v = findIn(() => tierViolation(t));
  if (v) fail(v.error);
}

/** Every tier's ranges, and that the tiers of one product group share their points and extreme scenario. */
function tiersViolation(tiers: readonly Tier[]): void {
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i];
    try {
      tierViolation(t);
      for (let j = 0; j < i; j++) {
        const u = tiers[j];
        const misaligned =
          u.productGroup !== null &&
          u.productGroup === t.productGroup &&
          (u.pointsDown !== t.pointsDown || u.pointsUp !== t.pointsUp || extremeIsOn(u.extreme) !== extremeIsOn(t.extreme));
        if (misaligned) refuse("product_group", BigInt(i), "MisalignedGroup");
      }
    } catch (e) {
      throw about({ kind: "tier", index: i }, e);
    }
  }
}

/** The tiers' checks as an error, as a program refuses a set of tiers when it is set. */
export function checkTiers(tiers: readonly Tier[]): void {
  const v = findIn(() => tiersViolation(tiers));
  if (v) fail(v.error);
}

function assetViolation(a: Asset, selfIndex: number, assets: number, tiers: number): void {
  withinCount("decimals", a.decimals, 0, MAX_DECIMALS, "DecimalsOutOfRange");
  withinCount("tier", a.tier, 0, tiers - 1, "UnknownIndex");
  within("price", a.price, 1n, MAX_PRICE, "PriceOutOfRange");
  within("stable_price", a.stablePrice, 1n, MAX_PRICE, "PriceOutOfRange");
  within("conf", a.conf, 0n, MAX_PRICE, "PriceOutOfRange");
  const r = a.rules;
  within("initial_long", r.initialLong, 0n, MAX_RATE, "RateOutOfRange");
  within("initial_short", r.initialShort, 0n, MAX_RATE, "RateOutOfRange");
  within("maintenance_long", r.maintenanceLong, 0n, MAX_RATE, "RateOutOfRange");
  within("maintenance_short", r.maintenanceShort, 0n, MAX_RATE, "RateOutOfRange");
  within("house_rate", r.houseRate, 0n, MAX_RATE, "RateOutOfRange");
  within("option_rate", r.optionRate, 0n, MAX_RATE, "RateOutOfRange");
  within("option_min_rate", r.optionMinRate, 0n, MAX_RATE, "RateOutOfRange");
  within("house_per_unit", r.housePerUnit, 0n, MAX_PRICE, "RateOutOfRange");
  within("rate", a.carry.rate, 0n, MAX_CARRY, "RateOutOfRange");
  within("yield", a.carry.yieldRate, 0n, MAX_CARRY, "RateOutOfRange");
  if (a.tracks !== null) {
    // An asset cannot track itself; the one it tracks must exist.
    if (a.tracks.underlying === selfIndex) refuse("tracks.asset", BigInt(selfIndex), "UnknownIndex");
    withinCount("tracks.asset", a.tracks.underlying, 0, assets - 1, "UnknownIndex");
    within("tracks.ratio", a.tracks.ratio, 1n, MAX_PRICE, "RateOutOfRange");
  }
}

function optionViolation(o: OptionPosition, p: Portfolio): void {
  within("strike", o.strike, 1n, MAX_PRICE, "InvalidOption");
  within("mark", o.mark ?? 0n, 0n, MAX_PRICE, "InvalidOption");
  within("multiplier", o.multiplier, 1n, U64_MAX, "InvalidOption");
  within("expiry", o.expiry, I64_MIN, p.now + MAX_EXPIRY_SECONDS, "InvalidOption");
  within("vol", o.vol, 0n, MAX_RATE, "RateOutOfRange");
  // The shocked-up volatility must stay within the kernel's range too.
  const tier = p.tiers[p.assets[o.asset].tier];
  within("vol", orMax(() => shiftedUpVol(o, tier, p.now)), 0n, MAX_RATE, "RateOutOfRange");
}

function positionViolation(p: Portfolio, i: number): void {
  const position = p.positions[i];
  withinCount("asset", position.asset, 0, p.assets.length - 1, "UnknownIndex");
  if (position.type === "spot") {
    for (let j = 0; j < i; j++) {
      const q = p.positions[j];
      if (q.type === "spot" && q.asset === position.asset) refuse("asset", BigInt(position.asset), "DuplicateSpot");
    }
  } else if (position.type === "perp") {
    within("entry_price", position.entryPrice, 0n, MAX_PRICE, "PriceOutOfRange");
  } else {
    optionViolation(position, p);
  }
}

function findIn(check: () => void): Violation | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof Refused) return e.violation;
    throw e;
  }
}

/** Checks every bound the engine relies on, in Rust's order, and names the first input outside them. */
export function findViolation(p: Portfolio): Violation | null {
  checkTypes(p);
  return findIn(() => {
    withinCount("assets", p.assets.length, 0, MAX_ASSETS, "TooMany");
    withinCount("tiers", p.tiers.length, 0, MAX_TIERS, "TooMany");
    withinCount("positions", p.positions.length, 0, MAX_POSITIONS, "TooMany");
    withinCount("product_groups", p.groupOffsets.length, 0, MAX_GROUP_OFFSETS, "TooMany");
    within("conf_multiplier", p.confMultiplier, 0n, MAX_RATE, "RateOutOfRange");
    tiersViolation(p.tiers);
    for (let i = 0; i < p.groupOffsets.length; i++) {
      try {
        within("offset", p.groupOffsets[i].share, 0n, FX_ONE, "RateOutOfRange");
      } catch (e) {
        throw about({ kind: "groupOffset", index: i }, e);
      }
    }
    for (let i = 0; i < p.assets.length; i++) {
      try {
        assetViolation(p.assets[i], i, p.assets.length, p.tiers.length);
      } catch (e) {
        throw about({ kind: "asset", index: i }, e);
      }
    }
    for (let i = 0; i < p.positions.length; i++) {
      try {
        positionViolation(p, i);
      } catch (e) {
        throw about({ kind: "position", index: i }, e);
      }
    }
  });
}

/** Checks every bound the engine relies on. */
export function validate(p: Portfolio): void {
  const v = findViolation(p);
  if (v) fail(v.error);
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
