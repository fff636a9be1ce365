// How the page writes the SDK's integers: the SDK's exact formats (never a float), with digit grouping, and a
// program error as its name, its message and, for a margin refusal, the shortfall.
import { formatFx, formatMoney, formatPercent, formatUnits, TightropeError } from "../../sdk/src";

const group = (text: string): string => {
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
};

/** Quote minor units, all six decimals: the program's figure to the minor unit. */
export const moneyText = (minor: bigint, quote: string): string => `${group(formatMoney(minor))} ${quote}`;
export const amountText = (native: bigint, decimals: number, symbol: string): string => `${group(formatUnits(native, decimals))} ${symbol}`;
export const priceText = (fx: bigint): string => `$${group(formatFx(fx))}`;
export const percentText = (fx: bigint): string => formatPercent(fx);
/** A percentage cut (not rounded) to two decimals, for a meter's label; the exact one is in percentText. */
export const shortPercentText = (fx: bigint): string => formatPercent(fx).replace(/(\.\d{2})\d+%$/, "$1%");

/** A program error as a sentence; `quote` names the shortfall's unit. */
export function refusalText(e: TightropeError, quote: string): string {
  const short = e.shortfall === undefined ? "" : ` — initial margin short by ${moneyText(e.shortfall, quote)}`;
  return `${e.code}: ${e.detail}${short}`;
}

/** m:ss or h:mm:ss from whole seconds. */
export function clockText(seconds: bigint): string {
  const s = seconds < 0n ? 0n : seconds;
  const [hours, minutes, secs] = [s / 3600n, (s / 60n) % 60n, s % 60n];
  const two = (n: bigint) => n.toString().padStart(2, "0");
  return hours > 0n ? `${hours}:${two(minutes)}:${two(secs)}` : `${minutes}:${two(secs)}`;
}
