// Exact human forms of the SDK's integers, for any front end (the CLI, the web page): native amounts with the
// asset's decimals, quote money with 6, fixed point with 12, trailing zeros dropped (never rounded), and an asset's
// name. No floating point: a figure shown is the integer the program computes, written out.
import { formatDecimal } from "./risk/json/decimal";
import { PYTH_FEED_IDS } from "./pyth";
import type { AssetState } from "./state";

const trim = (text: string) => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

export const formatUnits = (native: bigint, decimals: number): string => trim(formatDecimal(native, decimals));
export const formatMoney = (minor: bigint): string => formatDecimal(minor, 6);
export const formatFx = (value: bigint): string => trim(formatDecimal(value, 12));
/** A fixed-point ratio as a percentage with every digit (1.0 → 100%). */
export const formatPercent = (value: bigint): string => `${trim(formatDecimal(value * 100n, 12))}%`;

const SYMBOL_BY_FEED = new Map<string, string>(Object.entries(PYTH_FEED_IDS).map(([pair, feed]) => [feed, pair.split("/")[0]]));

/** The asset's name: its Pyth feed's base symbol (SOL for SOL/USD), else its token index. */
export function assetSymbol(asset: Pick<AssetState, "feedId" | "tokenIndex">): string {
  return SYMBOL_BY_FEED.get(Buffer.from(asset.feedId).toString("hex")) ?? `#${asset.tokenIndex}`;
}
