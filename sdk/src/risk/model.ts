// The engine's inputs, as `crates/risk/src/model.rs`: assets with prices and rules rates, TIMS tiers,
// product-group offsets and positions. Every amount is a bigint; indices and small counts are numbers.
import { FX_ONE, Fx } from "./fixed";

export const MAX_ASSETS = 16;
export const MAX_TIERS = 16;
export const MAX_POSITIONS = 32;
export const MAX_GROUP_OFFSETS = 16;
export const MAX_POINTS_PER_SIDE = 16;
export const MAX_DECIMALS = 12;
/** Highest accepted price: 10^9 quote per whole unit. */
export const MAX_PRICE: Fx = 1_000_000_000n * FX_ONE;
/** Highest accepted rules rate, initial multiplier, volatility or confidence multiplier: 10 (1,000%). */
export const MAX_RATE: Fx = 10n * FX_ONE;
/** Longest accepted time to expiry: 100 years of 365 days. */
export const MAX_EXPIRY_SECONDS = 100n * 31_536_000n;

/** Rules: Reg T / FINRA / CBOE, every position charged alone. TIMS: classes revalued over a band of points. */
export type Model = "rules" | "tims";
export type Level = "initial" | "maintenance";

/** Per-asset rules-based rates (Fx). Charges are `value × (rate + houseRate) + |units| × housePerUnit`. */
export interface RulesRates {
  initialLong: Fx;
  initialShort: Fx;
  maintenanceLong: Fx;
  maintenanceShort: Fx;
  houseRate: Fx;
  housePerUnit: Fx;
  /** CBOE naked-option rate of underlying value, and its floor rate (of underlying for calls, strike for puts). */
  optionRate: Fx;
  optionMinRate: Fx;
}

export const RULES_PRESETS: Readonly<Record<"volatile" | "broad_index" | "cash", RulesRates>> = (() => {
  const volatile: RulesRates = {
    initialLong: FX_ONE / 2n,
    initialShort: FX_ONE / 2n,
    maintenanceLong: FX_ONE / 4n,
    maintenanceShort: (FX_ONE * 3n) / 10n,
    houseRate: 0n,
    housePerUnit: 0n,
    optionRate: FX_ONE / 5n,
    optionMinRate: FX_ONE / 10n,
  };
  const cash: RulesRates = {
    initialLong: 0n,
    initialShort: 0n,
    maintenanceLong: 0n,
    maintenanceShort: 0n,
    houseRate: 0n,
    housePerUnit: 0n,
    optionRate: 0n,
    optionMinRate: 0n,
  };
  return { volatile, broad_index: { ...volatile, optionRate: (FX_ONE * 15n) / 100n }, cash };
})();

/** A TIMS risk tier: how far and at how many points a class is revalued, and its floors. */
export interface Tier {
  bandDown: Fx;
  bandUp: Fx;
  pointsDown: number;
  pointsUp: number;
  /** Relative implied-volatility shifts for options: σ·(1 − volDown) and σ·(1 + volUp). */
  volDown: Fx;
  volUp: Fx;
  /** Initial margin revalues at price shocks scaled by this (≥ 1). */
  initialMultiplier: Fx;
  /** Minimum per option contract, in quote per unit of multiplier. */
  perContractMin: Fx;
  /** Minimum requirement as a share of the class's gross notional. */
  floorShare: Fx;
  productGroup: number | null;
}

export const TIER_PRESETS: Readonly<Record<"single_name" | "broad_index" | "cash", Tier>> = (() => {
  const singleName: Tier = {
    bandDown: (FX_ONE * 15n) / 100n,
    bandUp: (FX_ONE * 15n) / 100n,
    pointsDown: 5,
    pointsUp: 5,
    volDown: FX_ONE / 4n,
    volUp: FX_ONE / 4n,
    initialMultiplier: (FX_ONE * 3n) / 2n,
    perContractMin: (FX_ONE * 375n) / 1000n,
    floorShare: FX_ONE / 100n,
    productGroup: null,
  };
  return {
    single_name: singleName,
    broad_index: { ...singleName, bandDown: (FX_ONE * 8n) / 100n, bandUp: (FX_ONE * 6n) / 100n, floorShare: FX_ONE / 200n },
    cash: {
      bandDown: 0n,
      bandUp: 0n,
      pointsDown: 0,
      pointsUp: 0,
      volDown: 0n,
      volUp: 0n,
      initialMultiplier: FX_ONE,
      perContractMin: 0n,
      floorShare: 0n,
      productGroup: null,
    },
  };
})();

export interface Asset {
  decimals: number;
  /** Oracle price, its confidence interval and the slow (stable) price, Fx quote per whole unit. */
  price: Fx;
  conf: Fx;
  stablePrice: Fx;
  /** Index into `Portfolio.tiers`. */
  tier: number;
  rules: RulesRates;
}

export interface GroupOffset {
  group: number;
  /** Share (Fx, ≤ 1) of the netting benefit between classes of the group that is granted. */
  share: Fx;
}

export type OptionKind = "call" | "put";

export interface OptionPosition {
  type: "option";
  asset: number;
  kind: OptionKind;
  strike: Fx;
  /** Unix seconds (i64); compared with `Portfolio.now`. */
  expiry: bigint;
  /** Signed (i64): positive long, negative short. */
  contracts: bigint;
  /** Native units of the underlying per contract (u64). */
  multiplier: bigint;
  /** Implied volatility (Fx, annualised). */
  vol: Fx;
  /** Market mark per whole unit of underlying; null values the option by the model. */
  mark: Fx | null;
}

/** Deposits and borrows of one asset, native units (u64 each). They never net under the rules model. */
export interface SpotPosition {
  type: "spot";
  asset: number;
  deposit: bigint;
  borrow: bigint;
}

/** A perpetual or future cash-settled in quote: signed native quantity (i64) and entry price (Fx). */
export interface PerpPosition {
  type: "perp";
  asset: number;
  quantity: bigint;
  entryPrice: Fx;
}

export type Position = SpotPosition | PerpPosition | OptionPosition;

/** One account's inputs. */
export interface Portfolio {
  assets: readonly Asset[];
  tiers: readonly Tier[];
  groupOffsets: readonly GroupOffset[];
  positions: readonly Position[];
  /** Unix seconds (i64), for option expiries. */
  now: bigint;
  /** k in the conservative marks P ∓ k·conf. */
  confMultiplier: Fx;
}
