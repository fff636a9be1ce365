// The `tightrope-risk` JSON input (docs/risk-json.md) and its exact conversion into the engine's inputs, as
// `crates/risk/src/cli/input.rs`: conversions run in Rust's order, so the first bad value gives Rust's message.
import { FX_DECIMALS, FX_ONE, Fx } from "../fixed";
import {
  Asset,
  GroupOffset,
  Model,
  OptionKind,
  OptionPosition,
  Portfolio,
  Position,
  RULES_PRESETS,
  RulesRates,
  TIER_PRESETS,
  Tier,
} from "../model";
import { parseDecimal } from "./decimal";
import { Json, JsonObject, array, integer, object, oneOf, optionalInteger, optionalText, text } from "./shape";

/** A parsed account: the engine's inputs plus the names the JSON used for assets and product groups. */
export interface Account {
  model: Model;
  portfolio: Portfolio;
  symbols: string[];
  tierNames: string[];
  groups: string[];
}

const U8_MAX = 255n;
const U16_MAX = 65_535n;
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

const TIER_FIELDS = ["name", "preset", "band_down", "band_up", "points_down", "points_up", "vol_down", "vol_up",
  "initial_multiplier", "per_contract_min", "floor_share", "product_group", "vol_term_days", "vol_scale_min",
  "vol_scale_max", "extreme_multiple", "extreme_weight"];
const TIER_TEXT_FIELDS = TIER_FIELDS.filter((k) => !["name", "points_down", "points_up", "vol_term_days"].includes(k));
const ASSET_FIELDS = ["symbol", "decimals", "price", "conf", "stable_price", "tier", "rules", "rate", "yield", "tracks"];
const RULES_FIELDS = ["preset", "initial_long", "initial_short", "maintenance_long", "maintenance_short", "house_rate",
  "house_per_unit", "option_rate", "option_min_rate"];
const POSITION_FIELDS: Record<string, string[]> = {
  spot: ["type", "asset", "deposit", "borrow"],
  perp: ["type", "asset", "quantity", "entry_price"],
  option: ["type", "asset", "kind", "strike", "expiry_seconds", "expiry_days", "contracts", "multiplier", "vol", "mark"],
};

export function indexOf(names: readonly string[], name: string, what: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new Error(`unknown ${what} \`${name}\``);
  return i;
}

const fx = (t: string): Fx => parseDecimal(t, FX_DECIMALS);
const fxOr = (t: string | undefined, fallback: Fx): Fx => (t === undefined ? fallback : fx(t));

function narrow(value: bigint, low: bigint, high: bigint, what: string): bigint {
  if (value < low || value > high) throw new Error(`${what} ${value} is out of range`);
  return value;
}

function tier(t: JsonObject, groups: readonly string[]): Tier {
  const preset = optionalText(t, "preset", "tier") ?? "single_name";
  if (!Object.hasOwn(TIER_PRESETS, preset)) throw new Error(`unknown tier preset \`${preset}\``);
  const base = TIER_PRESETS[preset as keyof typeof TIER_PRESETS];
  const field = (key: string, fallback: Fx) => fxOr(optionalText(t, key, "tier"), fallback);
  const points = (key: string, fallback: number) => Number(optionalInteger(t, key, "tier", 0n, U8_MAX) ?? fallback);
  const group = optionalText(t, "product_group", "tier");
  const days = optionalInteger(t, "vol_term_days", "tier", 0n, U16_MAX);
  return {
    bandDown: field("band_down", base.bandDown),
    bandUp: field("band_up", base.bandUp),
    pointsDown: points("points_down", base.pointsDown),
    pointsUp: points("points_up", base.pointsUp),
    volDown: field("vol_down", base.volDown),
    volUp: field("vol_up", base.volUp),
    initialMultiplier: field("initial_multiplier", base.initialMultiplier),
    perContractMin: field("per_contract_min", base.perContractMin),
    floorShare: field("floor_share", base.floorShare),
    productGroup: group === undefined ? null : indexOf(groups, group, "product group"),
    volTerm: {
      referenceDays: days === undefined ? base.volTerm.referenceDays : Number(days),
      minScale: field("vol_scale_min", base.volTerm.minScale),
      maxScale: field("vol_scale_max", base.volTerm.maxScale),
    },
    extreme: {
      multiple: field("extreme_multiple", base.extreme.multiple),
      weight: field("extreme_weight", base.extreme.weight),
    },
  };
}

function rules(r: JsonObject): RulesRates {
  const preset = optionalText(r, "preset", "rules") ?? "volatile";
  if (!Object.hasOwn(RULES_PRESETS, preset)) throw new Error(`unknown rules preset \`${preset}\``);
  const base = RULES_PRESETS[preset as keyof typeof RULES_PRESETS];
  const field = (key: string, fallback: Fx) => fxOr(optionalText(r, key, "rules"), fallback);
  return {
    initialLong: field("initial_long", base.initialLong),
    initialShort: field("initial_short", base.initialShort),
    maintenanceLong: field("maintenance_long", base.maintenanceLong),
    maintenanceShort: field("maintenance_short", base.maintenanceShort),
    houseRate: field("house_rate", base.houseRate),
    housePerUnit: field("house_per_unit", base.housePerUnit),
    optionRate: field("option_rate", base.optionRate),
    optionMinRate: field("option_min_rate", base.optionMinRate),
  };
}

/** `convert()`, an error it throws prefixed with what it was about, as Rust's `map_err(|e| format!(…))`. */
function prefixed<T>(what: string, convert: () => T): T {
  try {
    return convert();
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}`);
  }
}

function asset(a: JsonObject, r: JsonObject, symbols: readonly string[], tierNames: readonly string[]): Asset {
  const price = fx(a.price as string);
  const conf = fxOr(optionalText(a, "conf", "asset"), 0n);
  const stablePrice = fxOr(optionalText(a, "stable_price", "asset"), price);
  const tierIndex = indexOf(tierNames, a.tier as string, "tier");
  const rulesRates = rules(r);
  const carry = { rate: fxOr(optionalText(a, "rate", "asset"), 0n), yieldRate: fxOr(optionalText(a, "yield", "asset"), 0n) };
  const t = a.tracks === undefined || a.tracks === null ? null : (a.tracks as JsonObject);
  const tracks = t === null ? null : { underlying: indexOf(symbols, t.asset as string, "asset"), ratio: fx(t.ratio as string) };
  return { decimals: Number(a.decimals), price, conf, stablePrice, tier: tierIndex, rules: rulesRates, carry, tracks };
}

/** Checks a position's shape (serde's stage) and returns its fields. */
function positionShape(value: Json): JsonObject {
  const type = oneOf(object(value, "position"), "type", "position", ["spot", "perp", "future", "option"]);
  const p = object(value, `${type} position`, POSITION_FIELDS[type === "future" ? "perp" : type]);
  text(p, "asset", "position");
  if (type === "perp" || type === "future") ["quantity", "entry_price"].forEach((k) => text(p, k, "perp"));
  if (type === "spot") ["deposit", "borrow"].forEach((k) => optionalText(p, k, "spot"));
  if (type === "option") {
    oneOf(p, "kind", "option", ["call", "put"]);
    ["strike", "contracts", "multiplier"].forEach((k) => text(p, k, "option"));
    ["expiry_days", "vol", "mark"].forEach((k) => optionalText(p, k, "option"));
    optionalInteger(p, "expiry_seconds", "option", I64_MIN, I64_MAX);
  }
  return p;
}

/** Why a missing field is needed: only where the model values the option. */
const needed = (field: string) => `\`${field}\` is needed to value an option by the model (no \`mark\`, or TIMS)`;

/** Under rules a marked option needs no expiry: legs without one are taken to expire together, at `now`. */
function expiry(p: JsonObject, now: bigint, modelled: boolean): bigint {
  const seconds = optionalInteger(p, "expiry_seconds", "option", I64_MIN, I64_MAX);
  const days = optionalText(p, "expiry_days", "option");
  if (seconds !== undefined && days !== undefined) throw new Error("give one of `expiry_seconds` and `expiry_days`, not both");
  if (seconds !== undefined) return seconds;
  if (days === undefined) {
    if (!modelled) return now;
    throw new Error(needed("expiry_seconds` or `expiry_days"));
  }
  // Days × 86,400 must land on a whole second: parsed at 5 decimals, then scaled.
  const scaled = parseDecimal(days, 5) * 86_400n;
  if (scaled > (1n << 127n) - 1n || scaled < -(1n << 127n)) throw new Error("expiry out of range");
  if (scaled % 100_000n !== 0n) throw new Error(`expiry_days \`${days}\` is not a whole number of seconds`);
  const at = narrow(scaled / 100_000n, I64_MIN, I64_MAX, "expiry") + now;
  if (at > I64_MAX || at < I64_MIN) throw new Error("expiry out of range");
  return at;
}

function position(p: JsonObject, symbols: readonly string[], assets: readonly Asset[], now: bigint, model: Model): Position {
  const asset = indexOf(symbols, text(p, "asset", "position"), "asset");
  const native = (t: string) => parseDecimal(t, assets[asset].decimals);
  switch (p.type) {
    case "spot": {
      const amount = (key: string) => narrow(native(optionalText(p, key, "spot") ?? "0"), 0n, U64_MAX, "spot amount");
      return { type: "spot", asset, deposit: amount("deposit"), borrow: amount("borrow") };
    }
    case "option": {
      const mark = optionalText(p, "mark", "option");
      // Under rules a marked option is never valued by the model: neither volatility nor expiry is needed.
      const modelled = mark === undefined || model === "tims";
      const at = expiry(p, now, modelled);
      const volText = optionalText(p, "vol", "option");
      if (volText === undefined && modelled) throw new Error(needed("vol"));
      const vol = volText === undefined ? 0n : fx(volText);
      const o: OptionPosition = {
        type: "option",
        asset,
        kind: p.kind as OptionKind,
        strike: fx(text(p, "strike", "option")),
        expiry: at,
        contracts: narrow(parseDecimal(text(p, "contracts", "option"), 0), I64_MIN, I64_MAX, "contracts"),
        multiplier: narrow(native(text(p, "multiplier", "option")), 0n, U64_MAX, "multiplier"),
        vol,
        mark: mark === undefined ? null : fx(mark),
      };
      return o;
    }
    default: {
      const quantity = narrow(native(text(p, "quantity", "perp")), I64_MIN, I64_MAX, "quantity");
      return { type: "perp", asset, quantity, entryPrice: fx(text(p, "entry_price", "perp")) };
    }
  }
}

/** Parses a `tightrope-risk` input; throws Error with Rust's message for every conversion failure. */
export function parseAccount(json: string): Account {
  let parsed: Json;
  try {
    parsed = JSON.parse(json) as Json;
  } catch (e) {
    throw new Error(`invalid input: ${(e as Error).message}`);
  }
  // serde's stage: the whole shape first, before any value is converted.
  const input = object(parsed, "input", ["model", "now", "conf_multiplier", "tiers", "product_groups", "assets", "positions"]);
  const model = oneOf(input, "model", "input", ["rules", "tims"]);
  const now = input.now === undefined ? 0n : integer(input, "now", "input", I64_MIN, I64_MAX);
  const confMultiplier = optionalText(input, "conf_multiplier", "input");
  const tiers = array(input.tiers, "tiers").map((t) => object(t, "tier", TIER_FIELDS));
  tiers.forEach((t) => {
    text(t, "name", "tier");
    TIER_TEXT_FIELDS.forEach((k) => optionalText(t, k, "tier"));
    ["points_down", "points_up"].forEach((k) => optionalInteger(t, k, "tier", 0n, U8_MAX));
    optionalInteger(t, "vol_term_days", "tier", 0n, U16_MAX);
  });
  const productGroups = (input.product_groups === undefined ? [] : array(input.product_groups, "product_groups")).map(
    (g) => object(g, "product group", ["name", "offset"]),
  );
  productGroups.forEach((g) => ["name", "offset"].forEach((k) => text(g, k, "product group")));
  const assetInputs = array(input.assets, "assets").map((a) =>
    object(a, "asset", ASSET_FIELDS),
  );
  const rulesInputs = assetInputs.map((a) => {
    ["symbol", "price", "tier"].forEach((k) => text(a, k, "asset"));
    ["conf", "stable_price", "rate", "yield"].forEach((k) => optionalText(a, k, "asset"));
    if (a.tracks !== undefined && a.tracks !== null) {
      const t = object(a.tracks, "tracks", ["asset", "ratio"]);
      ["asset", "ratio"].forEach((k) => text(t, k, "tracks"));
    }
    integer(a, "decimals", "asset", 0n, U8_MAX);
    const r = a.rules === undefined ? {} : object(a.rules, "rules", RULES_FIELDS);
    RULES_FIELDS.forEach((k) => optionalText(r, k, "rules"));
    return r;
  });
  const positionInputs = array(input.positions, "positions").map(positionShape);

  // Rust's conversion order: confidence multiplier, tiers, offsets, assets, positions.
  const groups = productGroups.map((g) => g.name as string);
  const tierNames = tiers.map((t) => t.name as string);
  const conf = fxOr(confMultiplier, FX_ONE);
  const tierList = tiers.map((t, i) => prefixed(`tier \`${tierNames[i]}\``, () => tier(t, groups)));
  const groupOffsets: GroupOffset[] = productGroups.map((g, i) => ({ group: i, share: fx(g.offset as string) }));
  const symbols = assetInputs.map((a) => a.symbol as string);
  const assets: Asset[] = [];
  assetInputs.forEach((a, i) => {
    assets.push(prefixed(`asset \`${symbols[i]}\``, () => asset(a, rulesInputs[i], symbols, tierNames)));
  });
  const positions = positionInputs.map((p, i) => prefixed(`position ${i}`, () => position(p, symbols, assets, now, model)));
  return {
    model,
    portfolio: { assets, tiers: tierList, groupOffsets, positions, now, confMultiplier: conf },
    symbols,
    tierNames,
    groups,
  };
}
