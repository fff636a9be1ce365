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
  groups: string[];
}

const U8_MAX = 255n;
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

const TIER_FIELDS = ["name", "preset", "band_down", "band_up", "points_down", "points_up", "vol_down", "vol_up",
  "initial_multiplier", "per_contract_min", "floor_share", "product_group"];
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

/** Checks a position's shape (serde's stage) and returns its fields. */
function positionShape(value: Json): JsonObject {
  const type = oneOf(object(value, "position"), "type", "position", ["spot", "perp", "future", "option"]);
  const p = object(value, `${type} position`, POSITION_FIELDS[type === "future" ? "perp" : type]);
  text(p, "asset", "position");
  if (type === "perp" || type === "future") ["quantity", "entry_price"].forEach((k) => text(p, k, "perp"));
  if (type === "spot") ["deposit", "borrow"].forEach((k) => optionalText(p, k, "spot"));
  if (type === "option") {
    oneOf(p, "kind", "option", ["call", "put"]);
    ["strike", "contracts", "multiplier", "vol"].forEach((k) => text(p, k, "option"));
    ["expiry_days", "mark"].forEach((k) => optionalText(p, k, "option"));
    optionalInteger(p, "expiry_seconds", "option", I64_MIN, I64_MAX);
  }
  return p;
}

function expiry(p: JsonObject, now: bigint): bigint {
  const seconds = optionalInteger(p, "expiry_seconds", "option", I64_MIN, I64_MAX);
  const days = optionalText(p, "expiry_days", "option");
  if (seconds !== undefined && days === undefined) return seconds;
  if (seconds !== undefined || days === undefined) throw new Error("an option needs exactly one of expiry_seconds and expiry_days");
  // Days × 86,400 must land on a whole second: parsed at 5 decimals, then scaled.
  const scaled = parseDecimal(days, 5) * 86_400n;
  if (scaled > (1n << 127n) - 1n || scaled < -(1n << 127n)) throw new Error("expiry out of range");
  if (scaled % 100_000n !== 0n) throw new Error(`expiry_days \`${days}\` is not a whole number of seconds`);
  const at = narrow(scaled / 100_000n, I64_MIN, I64_MAX, "expiry") + now;
  if (at > I64_MAX || at < I64_MIN) throw new Error("expiry out of range");
  return at;
}

function position(p: JsonObject, symbols: readonly string[], assets: readonly Asset[], now: bigint): Position {
  const asset = indexOf(symbols, text(p, "asset", "position"), "asset");
  const native = (t: string) => parseDecimal(t, assets[asset].decimals);
  switch (p.type) {
    case "spot": {
      const amount = (key: string) => narrow(native(optionalText(p, key, "spot") ?? "0"), 0n, U64_MAX, "spot amount");
      return { type: "spot", asset, deposit: amount("deposit"), borrow: amount("borrow") };
    }
    case "option": {
      const at = expiry(p, now);
      const mark = optionalText(p, "mark", "option");
      const o: OptionPosition = {
        type: "option",
        asset,
        kind: p.kind as OptionKind,
        strike: fx(text(p, "strike", "option")),
        expiry: at,
        contracts: narrow(parseDecimal(text(p, "contracts", "option"), 0), I64_MIN, I64_MAX, "contracts"),
        multiplier: narrow(native(text(p, "multiplier", "option")), 0n, U64_MAX, "multiplier"),
        vol: fx(text(p, "vol", "option")),
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
    ["preset", "band_down", "band_up", "vol_down", "vol_up", "initial_multiplier", "per_contract_min", "floor_share",
      "product_group"].forEach((k) => optionalText(t, k, "tier"));
    ["points_down", "points_up"].forEach((k) => optionalInteger(t, k, "tier", 0n, U8_MAX));
  });
  const productGroups = (input.product_groups === undefined ? [] : array(input.product_groups, "product_groups")).map(
    (g) => object(g, "product group", ["name", "offset"]),
  );
  productGroups.forEach((g) => ["name", "offset"].forEach((k) => text(g, k, "product group")));
  const assetInputs = array(input.assets, "assets").map((a) =>
    object(a, "asset", ["symbol", "decimals", "price", "conf", "stable_price", "tier", "rules"]),
  );
  const rulesInputs = assetInputs.map((a) => {
    ["symbol", "price", "tier"].forEach((k) => text(a, k, "asset"));
    ["conf", "stable_price"].forEach((k) => optionalText(a, k, "asset"));
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
  const tierList = tiers.map((t) => tier(t, groups));
  const groupOffsets: GroupOffset[] = productGroups.map((g, i) => ({ group: i, share: fx(g.offset as string) }));
  const symbols = assetInputs.map((a) => a.symbol as string);
  const assets: Asset[] = [];
  assetInputs.forEach((a, i) => {
    const price = fx(a.price as string);
    assets.push({
      decimals: Number(a.decimals),
      price,
      conf: fxOr(optionalText(a, "conf", "asset"), 0n),
      stablePrice: fxOr(optionalText(a, "stable_price", "asset"), price),
      tier: indexOf(tierNames, a.tier as string, "tier"),
      rules: rules(rulesInputs[i]),
    });
  });
  const positions = positionInputs.map((p) => position(p, symbols, assets, now));
  return {
    model,
    portfolio: { assets, tiers: tierList, groupOffsets, positions, now, confMultiplier: conf },
    symbols,
    groups,
  };
}
