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
/** Highest accepted carry rate (interest or yield): 100% a year. */
export const MAX_CARRY: Fx = FX_ONE;

/** Rules: Reg T / FINRA / CBOE, positions charged alone or as recognised strategies. TIMS: classes revalued over a band of points. */
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
  /** Scales the volatility up-shift with time to expiry (√(reference / days to expiry)); off by default. */
  volTerm: VolTerm;
  /** Two more scenarios far outside the band, counted at a weight (SPAN's extreme moves); off by default. */
  extreme: ExtremeMove;
}

/** The up-shift becomes volUp × clamp(√(referenceDays / days to expiry), minScale, maxScale); 0 days is off. */
export interface VolTerm {
  referenceDays: number;
  minScale: Fx;
  maxScale: Fx;
}

export const VOL_TERM_OFF: VolTerm = { referenceDays: 0, minScale: FX_ONE, maxScale: FX_ONE };

/** Extreme scenarios at `multiple` × the band each way, their P&L counted at `weight`; multiple 0 is off. */
export interface ExtremeMove {
  multiple: Fx;
  weight: Fx;
}

export const EXTREME_OFF: ExtremeMove = { multiple: 0n, weight: 0n };

export const extremeIsOn = (e: ExtremeMove): boolean => e.multiple > 0n;

type TierPreset = "finra_4210g" | "finra_4210g_broad_index" | "single_name" | "broad_index" | "cash";

export const TIER_PRESETS: Readonly<Record<TierPreset, Tier>> = (() => {
  // FINRA 4210(g): ±15% at ten points and $0.375 per contract, nothing else.
  const finra: Tier = {
    bandDown: (FX_ONE * 15n) / 100n,
    bandUp: (FX_ONE * 15n) / 100n,
    pointsDown: 5,
    pointsUp: 5,
    volDown: 0n,
    volUp: 0n,
    initialMultiplier: FX_ONE,
    perContractMin: (FX_ONE * 375n) / 1000n,
    floorShare: 0n,
    productGroup: null,
    volTerm: VOL_TERM_OFF,
    extreme: EXTREME_OFF,
  };
  // The crypto presets: FINRA's bands plus the house add-ons.
  const singleName: Tier = {
    ...finra,
    volDown: FX_ONE / 4n,
    volUp: FX_ONE / 4n,
    initialMultiplier: (FX_ONE * 3n) / 2n,
    floorShare: FX_ONE / 100n,
  };
  const broad = { bandDown: (FX_ONE * 8n) / 100n, bandUp: (FX_ONE * 6n) / 100n };
  return {
    finra_4210g: finra,
    finra_4210g_broad_index: { ...finra, ...broad },
    single_name: singleName,
    broad_index: { ...singleName, ...broad, floorShare: FX_ONE / 200n },
    cash: { ...finra, bandDown: 0n, bandUp: 0n, pointsDown: 0, pointsUp: 0, perContractMin: 0n },
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
  /** Interest rate and dividend (or borrow) yield of this asset as an option underlying. */
  carry: Carry;
  /** The asset this one tracks (an ETF on an index), so holding it covers options on that asset. */
  tracks: Tracking | null;
}

/** Black–Scholes–Merton carry: annual, continuously compounded, Fx in [0, MAX_CARRY]; both zero is no carry. */
export interface Carry {
  rate: Fx;
  yieldRate: Fx;
}

export const CARRY_NONE: Carry = { rate: 0n, yieldRate: 0n };

/** `ratio` whole units of asset `underlying` per whole unit of the tracking asset. */
export interface Tracking {
  underlying: number;
  ratio: Fx;
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
