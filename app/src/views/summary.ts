// The account at a glance: equity, both requirements and healths, the margin ratio, two meters of how much of
// equity the requirements leave free, and an open margin call's deadline counting down. Every figure is the SDK's.
import { AccountView, risk } from "../../../sdk/src";
import { h } from "../dom";
import { clockText, moneyText, percentText, shortPercentText } from "../text";

const MODEL_NAME = { rules: "rules-based (Reg T style)", tims: "TIMS portfolio margin" } as const;

/** The meter's colour band; thresholds are presentation, the value is the SDK's headroom. */
const band = (headroom: bigint) => (headroom > risk.FX_ONE / 2n ? "good" : headroom > risk.FX_ONE / 5n ? "warn" : "bad");

function meter(label: string, headroom: bigint, description: string, key: string): HTMLElement {
  const pct = percentText(headroom);
  return h(
    "div",
    { class: "meter-row" },
    h("span", { class: "meter-label", id: `${key}-label` }, label),
    h(
      "div",
      {
        class: `meter ${band(headroom)}`,
        role: "meter",
        "aria-labelledby": `${key}-label`,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": pct.slice(0, -1),
        "aria-valuetext": `${pct} of equity free; ${description}`,
        "data-figure": key,
      },
      h("div", { class: "meter-fill", style: `width: ${pct}` }),
    ),
    h("span", { class: "meter-value", title: pct }, shortPercentText(headroom)),
  );
}

const figure = (term: string, value: string, key: string, negative = false) => [
  h("dt", {}, term),
  h("dd", { "data-figure": key, class: negative ? "negative" : undefined }, value),
];

export function summaryView(view: AccountView, accountLabel: string, quote: string): HTMLElement {
  const q = view.quote;
  return h(
    "section",
    { "aria-labelledby": "summary-title", class: "panel" },
    h("h2", { id: "summary-title" }, accountLabel),
    h("p", {}, "Margin model: ", h("strong", { "data-figure": "model" }, MODEL_NAME[view.model])),
    h(
      "dl",
      { class: "figures" },
      ...figure("Equity", moneyText(q.equity, quote), "equity", q.equity < 0n),
      ...figure("Initial requirement", moneyText(q.initialRequirement, quote), "initial-requirement"),
      ...figure("Initial health", moneyText(q.initialHealth, quote), "initial-health", q.initialHealth < 0n),
      ...figure("Maintenance requirement", moneyText(q.maintenanceRequirement, quote), "maintenance-requirement"),
      ...figure("Maintenance health", moneyText(q.maintenanceHealth, quote), "maintenance-health", q.maintenanceHealth < 0n),
      ...figure("Margin ratio", q.marginRatio === null ? "n/a (no equity)" : percentText(q.marginRatio), "margin-ratio"),
    ),
    meter("Health", view.maintenanceHeadroom, "liquidation at 0%", "health-bar"),
    meter("Initial margin", view.initialHeadroom, "no new withdrawal or borrow at 0%", "initial-bar"),
    marginCallView(view, quote),
  );
}

function marginCallView(view: AccountView, quote: string): HTMLElement | null {
  const call = view.marginCall;
  if (call.deadline !== null) {
    return h(
      "div",
      { class: "margin-call", role: "alert", "aria-labelledby": "margin-call-title" },
      h("h3", { id: "margin-call-title" }, "Margin call"),
      h(
        "p",
        {},
        "Cure by ",
        h("time", { datetime: new Date(Number(call.deadline) * 1000).toISOString() }, new Date(Number(call.deadline) * 1000).toLocaleString()),
        ": ",
        h("strong", { id: "countdown", role: "timer", "aria-live": "off", "data-deadline": call.deadline.toString() }, `${clockText(call.secondsLeft ?? 0n)} left`),
      ),
      h("p", {}, `Deposit or repay until maintenance health is at least ${moneyText(call.cureHealth, quote)}; withdrawals and borrows are refused meanwhile.`),
      call.liquidatable ? h("p", { class: "negative" }, "The account may be liquidated now.") : null,
    );
  }
  if (call.callable) {
    return h(
      "div",
      { class: "margin-call", role: "alert" },
      h("h3", {}, "Below maintenance"),
      h("p", {}, call.liquidatable ? "The account may be liquidated now." : "Anyone may open a margin call on this account; its grace window then starts."),
    );
  }
  return null;
}

/** Moves the countdown on by the browser's clock since the snapshot (cluster time `now` at `readAt`). */
export function tickCountdown(root: ParentNode, now: bigint, readAt: number): void {
  const el = root.querySelector<HTMLElement>("#countdown");
  if (!el?.dataset.deadline) return;
  const elapsed = BigInt(Math.floor((Date.now() - readAt) / 1000));
  el.textContent = `${clockText(BigInt(el.dataset.deadline) - now - elapsed)} left`;
}

export { MODEL_NAME };
