// Engine refusals in words (`crates/risk/src/cli/explain.rs`): which tier, asset or position, which field, the value
// and the accepted range, with the names the JSON used.
import { FX_DECIMALS } from "../fixed";
import type { Subject, Violation } from "../validate";
import { formatDecimal } from "./decimal";
import type { Account } from "./input";

/** Fields counted in whole numbers (indices, counts, native units, seconds); every other field is fixed point. */
const WHOLE = new Set(["decimals", "tier", "points_down", "points_up", "assets", "tiers", "positions", "product_groups",
  "product_group", "asset", "tracks.asset", "expiry", "multiplier"]);

const number = (field: string, value: bigint): string => formatDecimal(value, WHOLE.has(field) ? 0 : FX_DECIMALS);

function subject(account: Account, s: Subject): string {
  const symbol = (i: number) => account.symbols[i] ?? "?";
  if (s.kind === "portfolio") return "account";
  const i = s.index;
  switch (s.kind) {
    case "tier":
      return `tier ${i} (\`${account.tierNames[i]}\`)`;
    case "groupOffset":
      return `product group ${i} (\`${account.groups[i]}\`)`;
    case "asset":
      return `asset ${i} (\`${symbol(i)}\`)`;
    case "position":
      return `position ${i} (on \`${symbol(account.portfolio.positions[i].asset)}\`)`;
  }
}

/** "position 2 (on `XYZ`): `vol` 12.000000000000 is outside [0.000000000000, 10.000000000000] (RateOutOfRange)". */
export function explainViolation(account: Account, v: Violation): string {
  const what = `${subject(account, v.subject)}: \`${v.field}\` ${number(v.field, v.value)}`;
  return v.low <= v.high
    ? `${what} is outside [${number(v.field, v.low)}, ${number(v.field, v.high)}] (${v.error})`
    : `${what} is not accepted (${v.error})`;
}
