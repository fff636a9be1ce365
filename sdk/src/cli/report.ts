// An account's figures as the CLI shows them (`show`, `what-if`): equity, both requirements and healths, margin
// ratio, each balance with its prices and liquidation prices, and where the requirement comes from: each class's
// worst scenario under TIMS, each position's charges under rules. One value serves the table and `--json`.
import type { PricedBalance } from "../portfolio";
import type { Breakdown } from "../risk/breakdown";
import type { Quote } from "../risk/engine";
import { liquidationPrices } from "../risk/liquidation/price";
import type { Model, Portfolio } from "../risk/model";
import { fx, money, percent, table, units } from "./format";
import { symbolOf } from "./context";

export interface AccountReport {
  model: Model;
  quote: string;
  equity: string;
  initialRequirement: string;
  initialHealth: string;
  maintenanceRequirement: string;
  maintenanceHealth: string;
  marginRatio: string | null;
  balances: { asset: string; deposit: string; borrow: string; price: string; stablePrice: string; liquidationBelow: string | null; liquidationAbove: string | null }[];
  classes?: { asset: string; level: "initial" | "maintenance"; shock: string; loss: string; floor: string }[];
  charges?: { asset: string; equity: string; initial: string; maintenance: string }[];
}

export function accountReport(balances: readonly PricedBalance[], portfolio: Portfolio, quote: Quote, breakdown: Breakdown, quoteSymbol: string): AccountReport {
  const symbol = (i: number) => symbolOf(balances[i].asset);
  const report: AccountReport = {
    model: quote.model,
    quote: quoteSymbol,
    equity: money(quote.equity),
    initialRequirement: money(quote.initialRequirement),
    initialHealth: money(quote.initialHealth),
    maintenanceRequirement: money(quote.maintenanceRequirement),
    maintenanceHealth: money(quote.maintenanceHealth),
    marginRatio: quote.marginRatio === null ? null : percent(quote.marginRatio),
    balances: balances.map((b, i) => {
      const position = portfolio.positions[i] as { deposit: bigint; borrow: bigint };
      const liquidation = liquidationPrices(portfolio, quote.model, i);
      return {
        asset: symbol(i),
        deposit: units(position.deposit, b.asset.decimals),
        borrow: units(position.borrow, b.asset.decimals),
        price: fx(b.price.price),
        stablePrice: fx(b.stablePrice),
        liquidationBelow: liquidation.lower === null ? null : fx(liquidation.lower),
        liquidationAbove: liquidation.upper === null ? null : fx(liquidation.upper),
      };
    }),
  };
  if (quote.model === "tims") {
    report.classes = (["initial", "maintenance"] as const).flatMap((level) =>
      breakdown[level].classes.map((c) => ({ asset: symbol(c.asset), level, shock: percent(c.shock), loss: money(c.loss), floor: money(c.floor) })),
    );
  } else {
    report.charges = breakdown.positions.map((line, i) => ({ asset: symbol(i), equity: money(line.equity), initial: money(line.initial), maintenance: money(line.maintenance) }));
  }
  return report;
}

export function reportTable(r: AccountReport): string {
  const q = r.quote;
  const lines = [
    table([
      ["model", r.model === "tims" ? "TIMS portfolio margin" : "rules-based"],
      [`equity (${q})`, r.equity],
      [`initial requirement (${q})`, r.initialRequirement],
      [`initial health (${q})`, r.initialHealth],
      [`maintenance requirement (${q})`, r.maintenanceRequirement],
      [`maintenance health (${q})`, r.maintenanceHealth],
      ["margin ratio", r.marginRatio ?? "n/a (equity ≤ 0)"],
    ]),
    "",
    table([
      ["asset", "deposit", "borrow", "price", "stable price", "liquidation below", "liquidation above"],
      ...r.balances.map((b) => [b.asset, b.deposit, b.borrow, b.price, b.stablePrice, b.liquidationBelow ?? "-", b.liquidationAbove ?? "-"]),
    ]),
  ];
  if (r.classes) {
    lines.push("", table([["class", "level", "worst scenario", `loss (${q})`, `floor (${q})`], ...r.classes.map((c) => [c.asset, c.level, c.shock, c.loss, c.floor])]));
  }
  if (r.charges) {
    lines.push("", table([["position", `equity (${q})`, `initial charge (${q})`, `maintenance charge (${q})`], ...r.charges.map((c) => [c.asset, c.equity, c.initial, c.maintenance])]));
  }
  return lines.join("\n");
}
