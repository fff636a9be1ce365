// Human decimal strings ⇄ scaled integers, exactly (`crates/risk/src/cli/decimal.rs`): more fractional digits than
// the scale, or a value beyond i128, is an error with Rust's message, never a silent rounding.
import { I128_MAX } from "../fixed";

const DIGITS = /^[0-9]*$/;

export function parseDecimal(text: string, scale: number): bigint {
  const error = () => new Error(`\`${text}\` is not a decimal with at most ${scale} fractional digits`);
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text.startsWith("+") ? text.slice(1) : text;
  const dot = digits.indexOf(".");
  const [whole, rawFraction] = dot < 0 ? [digits, ""] : [digits.slice(0, dot), digits.slice(dot + 1)];
  if ((whole === "" && rawFraction === "") || !DIGITS.test(whole) || !DIGITS.test(rawFraction)) throw error();
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > scale) throw error();
  // Rust accumulates in i128 with checked steps; the magnitude only grows, so checking the end is the same test.
  const magnitude = BigInt((whole + fraction.padEnd(scale, "0")).replace(/^0+(?=.)/, "") || "0");
  if (magnitude > I128_MAX) throw error();
  return negative ? -magnitude : magnitude;
}

/** value / 10^scale with every fractional digit written out: equal numbers are equal strings. */
export function formatDecimal(value: bigint, scale: number): string {
  const digits = (value < 0n ? -value : value).toString();
  const sign = value < 0n ? "-" : "";
  if (scale === 0) return sign + digits;
  const padded = digits.padStart(scale + 1, "0");
  return `${sign}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}
