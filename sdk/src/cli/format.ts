// The CLI's output forms: the SDK's exact number formats (`../format`), aligned tables, JSON with bigints as strings.
export { formatFx as fx, formatMoney as money, formatPercent as percent, formatUnits as units } from "../format";

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
