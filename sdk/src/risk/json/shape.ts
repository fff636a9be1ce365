// The JSON shape checks serde performs before any value is converted: required and optional fields, their types,
// and no unknown field. Rust's messages here come from serde_json (with line and column), so only their
// "invalid input:" prefix is mirrored; every message after this stage is Rust's own text, reproduced exactly.
// Integers arrive through JSON.parse, so one beyond 2^53 is refused rather than read inexactly.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function invalid(what: string): never {
  throw new Error(`invalid input: ${what}`);
}

/** An object with no field outside `fields` (when given). */
export function object(value: Json | undefined, what: string, fields?: readonly string[]): JsonObject {
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalid(`${what} must be an object`);
  for (const key of Object.keys(value)) if (fields && !fields.includes(key)) invalid(`unknown field \`${key}\` in ${what}`);
  return value;
}

export function array(value: Json | undefined, what: string): Json[] {
  return Array.isArray(value) ? value : invalid(`${what} must be an array`);
}

export function text(o: JsonObject, key: string, what: string): string {
  const v = o[key];
  return typeof v === "string" ? v : invalid(`${what}.${key} must be a string`);
}

/** An `Option<String>`: absent and null are both none. */
export function optionalText(o: JsonObject, key: string, what: string): string | undefined {
  return o[key] === undefined || o[key] === null ? undefined : text(o, key, what);
}

/** An integer field of a Rust integer type with the given bounds. */
export function integer(o: JsonObject, key: string, what: string, low: bigint, high: bigint): bigint {
  const v = o[key];
  if (typeof v !== "number" || !Number.isSafeInteger(v) || BigInt(v) < low || BigInt(v) > high) {
    invalid(`${what}.${key} must be an integer in [${low}, ${high}] (exact in JSON.parse)`);
  }
  return BigInt(v);
}

export function optionalInteger(o: JsonObject, key: string, what: string, low: bigint, high: bigint): bigint | undefined {
  return o[key] === undefined || o[key] === null ? undefined : integer(o, key, what, low, high);
}

export function oneOf<T extends string>(o: JsonObject, key: string, what: string, names: readonly T[]): T {
  const v = text(o, key, what);
  return (names as readonly string[]).includes(v) ? (v as T) : invalid(`${what}.${key}: unknown variant \`${v}\``);
}
