// Exact human forms of the SDK's integers for the CLI: native amounts with the asset's decimals, quote money with
// 6, fixed point with 12, trailing zeros dropped (never rounded); aligned tables; JSON with bigints as strings.
import { formatDecimal } from "../risk/json/decimal";

const trim = (text: string) => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

export const units = (native: bigint, decimals: number): string => trim(formatDecimal(native, decimals));
export const money = (minor: bigint): string => formatDecimal(minor, 6);
export const fx = (value: bigint): string => trim(formatDecimal(value, 12));
/** A fixed-point ratio as a percentage with every digit (1.0 → 100%). */
export const percent = (value: bigint): string => `${trim(formatDecimal(value * 100n, 12))}%`;

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const numeric = (cell: string) => /^[-$]?[\d,.]+%?$/.test(cell);
  return rows
    .map((r) => r.map((cell, c) => (numeric(cell) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd())
    .join("\n");
}

export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2);
