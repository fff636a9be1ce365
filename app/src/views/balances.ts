// Per-asset balances (deposit or borrow, value, the rate it earns or pays, liquidation prices) and where the
// requirement comes from: each class's worst scenario under TIMS, each position's charges under rules.
import { AccountView } from "../../../sdk/src";
import { h } from "../dom";
import { amountText, moneyText, percentText, priceText } from "../text";

const th = (text: string) => h("th", { scope: "col" }, text);

export function balancesView(view: AccountView, quote: string): HTMLElement {
  const rows = view.balances.map((b) => {
    const rate = b.borrow > 0n ? `pays ${percentText(b.rates.borrowRate)} a year` : `earns ${percentText(b.rates.depositRate)} a year`;
    const liq = [b.liquidation.lower !== null ? `below ${priceText(b.liquidation.lower)}` : null, b.liquidation.upper !== null ? `above ${priceText(b.liquidation.upper)}` : null]
      .filter(Boolean)
      .join(", ");
    return h(
      "tr",
      { "data-asset": b.symbol },
      h("th", { scope: "row" }, b.symbol),
      h("td", { "data-col": "deposit" }, b.deposit > 0n ? amountText(b.deposit, b.decimals, b.symbol) : "—"),
      h("td", { "data-col": "borrow" }, b.borrow > 0n ? amountText(b.borrow, b.decimals, b.symbol) : "—"),
      h("td", { "data-col": "price" }, priceText(b.balance.price.price)),
      h("td", { "data-col": "value", class: b.value < 0n ? "negative" : undefined }, moneyText(b.value, quote)),
      h("td", { "data-col": "rate" }, rate),
      h("td", { "data-col": "liquidation" }, view.quote.maintenanceHealth < 0n ? "below maintenance now" : liq || "none"),
    );
  });
  return h(
    "section",
    { "aria-labelledby": "balances-title", class: "panel" },
    h("h2", { id: "balances-title" }, "Balances"),
    view.balances.length === 0
      ? h("p", {}, "No balances yet: deposit to start.")
      : h(
          "table",
          { id: "balances" },
          h("caption", {}, `Values at the oracle price less its confidence (deposits) or plus it (debts), in ${quote}`),
          h("thead", {}, h("tr", {}, th("Asset"), th("Deposit"), th("Borrow"), th("Price"), th("Value"), th("Rate"), th("Liquidation price"))),
          h("tbody", {}, ...rows),
        ),
  );
}

export function breakdownView(view: AccountView, quote: string): HTMLElement {
  const body =
    view.model === "tims"
      ? h(
          "table",
          { id: "breakdown" },
          h("caption", {}, "TIMS: each class revalued across its risk tier's band; the worst point sets its requirement"),
          h("thead", {}, h("tr", {}, th("Class"), th("Level"), th("Worst scenario"), th("Scenario price"), th("Loss"), th("Floor"))),
          h(
            "tbody",
            {},
            ...view.classes.map((c) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, c.symbol),
                h("td", {}, c.level),
                h("td", {}, c.worstPoint === null ? "no point loses" : `${c.shock > 0n ? "+" : ""}${percentText(c.shock)}`),
                h("td", {}, c.scenarioPrice === null ? "—" : priceText(c.scenarioPrice)),
                h("td", {}, moneyText(c.loss, quote)),
                h("td", {}, moneyText(c.floor, quote)),
              ),
            ),
          ),
        )
      : h(
          "table",
          { id: "breakdown" },
          h("caption", {}, "Rules-based: each position charged its asset's rate (long or short) plus any house add-on"),
          h("thead", {}, h("tr", {}, th("Position"), th("Value"), th("Initial charge"), th("Maintenance charge"))),
          h(
            "tbody",
            {},
            ...view.balances.map((b) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, `${b.symbol} ${b.borrow > 0n ? "short" : "long"}`),
                h("td", {}, moneyText(b.value, quote)),
                h("td", {}, moneyText(b.initialCharge, quote)),
                h("td", {}, moneyText(b.maintenanceCharge, quote)),
              ),
            ),
          ),
        );
  return h("section", { "aria-labelledby": "breakdown-title", class: "panel" }, h("h2", { id: "breakdown-title" }, "Where the requirement comes from"), body);
}
