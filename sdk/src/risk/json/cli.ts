// The `tightrope-risk` commands that take a portfolio (`crates/risk/src/cli/mod.rs`), JSON text in and JSON text
// out with Rust's exact output and error messages: `quote [--points]`, `liquidation-price`, `liquidation-size`.
// Arguments are checked before the input is read, as clap does; of clap's messages only the one for missing
// required arguments is reproduced (the others belong to mistyped command lines, not to accounts).
import { quoteWithBreakdown } from "../engine";
import { FX_DECIMALS, MONEY_DECIMALS } from "../fixed";
import { liquidationPrices } from "../liquidation/price";
import { liquidationSize, U64_MAX } from "../liquidation/sizing";
import { findViolation } from "../validate";
import { parseDecimal } from "./decimal";
import { explainViolation } from "./explain";
import { Account, parseAccount } from "./input";
import { canonicalJson, liquidationPriceJson, liquidationSizeJson, quoteJson } from "./output";
import { pointsJson } from "./points";
import type { Json } from "./shape";

/** Each command's flags that take a value, required ones first, in clap's order, and their defaults. */
const COMMANDS: Record<string, { required: string[]; optional: Record<string, string> }> = {
  quote: { required: [], optional: {} },
  "liquidation-price": { required: ["asset"], optional: {} },
  "liquidation-size": {
    required: ["liability", "collateral", "discount"],
    optional: { target: "0", "insurance-share": "0", dust: "0" },
  },
};

type Flags = Record<string, string>;

/** The flags of `args` (the command first), or clap's error for required ones left out. */
function flags(args: readonly string[]): Flags {
  const command = COMMANDS[args[0]];
  if (!command) throw new Error(`unknown command \`${args[0]}\``);
  const out: Flags = { ...command.optional };
  for (let i = 1; i + 1 < args.length; i += 2) if (args[i].startsWith("--")) out[args[i].slice(2)] = args[i + 1];
  const missing = command.required.filter((name) => out[name] === undefined);
  if (missing.length > 0) {
    const usage = command.required.map((name) => `--${name} <VALUE>`).join(" ");
    throw new Error(
      `error: the following required arguments were not provided:\n${missing.map((name) => `  --${name} <VALUE>`).join("\n")}` +
        `\n\nUsage: tightrope-risk ${args[0]} ${usage}\n\nFor more information, try '--help'.`,
    );
  }
  return out;
}

const assetIndex = (account: Account, symbol: string): number => {
  const i = account.symbols.indexOf(symbol);
  if (i < 0) throw new Error(`unknown asset \`${symbol}\``);
  return i;
};

/** The account, refused with a named field if the engine would refuse it. */
function checkedAccount(json: string): Account {
  const account = parseAccount(json);
  const v = findViolation(account.portfolio);
  if (v) throw new Error(explainViolation(account, v));
  return account;
}

/** The `quote` output for one JSON input, as a value; with `points`, each class's P&L at every valuation point. */
export function quoteValue(json: string, points = false): Json {
  const account = checkedAccount(json);
  const { quote, breakdown } = quoteWithBreakdown(account.portfolio, account.model);
  const out = quoteJson(account, quote, breakdown) as { [key: string]: Json };
  if (points) {
    if (account.model !== "tims") throw new Error("`--points` needs a TIMS account: the rules model has no valuation points");
    out.points = pointsJson(account);
  }
  return out;
}

function liquidationPriceValue(account: Account, f: Flags): Json {
  const asset = assetIndex(account, f.asset);
  return liquidationPriceJson(account, asset, liquidationPrices(account.portfolio, account.model, asset));
}

function liquidationSizeValue(account: Account, f: Flags): Json {
  const liability = assetIndex(account, f.liability);
  const collateral = assetIndex(account, f.collateral);
  const parsed = (name: string, scale: number) => {
    try {
      return parseDecimal(f[name], scale);
    } catch (e) {
      throw new Error(`--${name}: ${(e as Error).message}`);
    }
  };
  let maxRepay = U64_MAX;
  if (f["max-repay"] !== undefined) {
    maxRepay = parsed("max-repay", account.portfolio.assets[liability].decimals);
    if (maxRepay < 0n || maxRepay > U64_MAX) throw new Error("--max-repay: out of range");
  }
  const size = liquidationSize(account.portfolio, account.model, {
    liability,
    collateral,
    discount: parsed("discount", FX_DECIMALS),
    insuranceShare: parsed("insurance-share", FX_DECIMALS),
    targetHealth: parsed("target", MONEY_DECIMALS),
    maxRepay,
    dust: parsed("dust", MONEY_DECIMALS),
  });
  return liquidationSizeJson(account, liability, collateral, size);
}

/**
 * Runs one portfolio command as `tightrope-risk <args> < input` does, returning its standard output; a failure
 * throws an Error whose message is what the binary prints on standard error.
 */
export function runRiskCommand(args: readonly string[], input: string): string {
  const f = flags(args);
  switch (args[0]) {
    case "quote":
      return canonicalJson(quoteValue(input, args.includes("--points")));
    case "liquidation-price":
      return canonicalJson(liquidationPriceValue(checkedAccount(input), f));
    default:
      return canonicalJson(liquidationSizeValue(checkedAccount(input), f));
  }
}
