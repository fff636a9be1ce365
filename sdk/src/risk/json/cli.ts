// The `tightrope-risk` commands that take a portfolio (`crates/risk/src/cli/mod.rs`), JSON text in and JSON text
// out with Rust's exact output and error messages: `quote`, `liquidation-price`, `liquidation-size`.
import { quoteWithBreakdown } from "../engine";
import { FX_DECIMALS, MONEY_DECIMALS } from "../fixed";
import { liquidationPrices } from "../liquidation/price";
import { liquidationSize } from "../liquidation/sizing";
import { parseDecimal } from "./decimal";
import { Account, parseAccount } from "./input";
import { canonicalJson, liquidationPriceJson, liquidationSizeJson, quoteJson } from "./output";
import type { Json } from "./shape";

export const USAGE = `usage:
  tightrope-risk quote < portfolio.json
  tightrope-risk liquidation-price --asset SYM < portfolio.json
  tightrope-risk liquidation-size --liability SYM --collateral SYM --discount D [--target AMOUNT] < portfolio.json
  tightrope-risk vectors --count N --seed S --out FILE
  tightrope-risk bench [--iterations N] [--portfolios FILE]`;

/** The value following `--name` in `args`. */
function flag(args: readonly string[], name: string): string {
  const i = args.indexOf(name);
  if (i < 0 || i + 1 >= args.length) throw new Error(`missing ${name}\n${USAGE}`);
  return args[i + 1];
}

const assetIndex = (account: Account, symbol: string): number => {
  const i = account.symbols.indexOf(symbol);
  if (i < 0) throw new Error(`unknown asset \`${symbol}\``);
  return i;
};

/** The `quote` output for one JSON input, as a value. */
export function quoteValue(json: string): Json {
  const account = parseAccount(json);
  const { quote, breakdown } = quoteWithBreakdown(account.portfolio, account.model);
  return quoteJson(account, quote, breakdown);
}

function liquidationPriceValue(account: Account, args: readonly string[]): Json {
  const asset = assetIndex(account, flag(args, "--asset"));
  return liquidationPriceJson(account, asset, liquidationPrices(account.portfolio, account.model, asset));
}

function liquidationSizeValue(account: Account, args: readonly string[]): Json {
  const liability = assetIndex(account, flag(args, "--liability"));
  const collateral = assetIndex(account, flag(args, "--collateral"));
  const discount = parseDecimal(flag(args, "--discount"), FX_DECIMALS);
  const targetFlag = args.indexOf("--target");
  const target = parseDecimal(targetFlag >= 0 && targetFlag + 1 < args.length ? args[targetFlag + 1] : "0", MONEY_DECIMALS);
  const size = liquidationSize(account.portfolio, account.model, liability, collateral, discount, target);
  return liquidationSizeJson(account, liability, collateral, size);
}

/**
 * Runs one portfolio command as `tightrope-risk <args> < input` does, returning its standard output; a failure
 * throws an Error whose message is what the binary prints on standard error.
 */
export function runRiskCommand(args: readonly string[], input: string): string {
  switch (args[0]) {
    case "quote":
      return canonicalJson(quoteValue(input));
    case "liquidation-price":
      return canonicalJson(liquidationPriceValue(parseAccount(input), args));
    case "liquidation-size":
      return canonicalJson(liquidationSizeValue(parseAccount(input), args));
    default:
      throw new Error(USAGE);
  }
}
