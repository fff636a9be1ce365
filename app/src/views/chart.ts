// Maintenance health against each underlying's price: the SDK's health curve (the TIMS scan grid of the asset's
// tier, the current price and the liquidation prices, each point the engine's figure) drawn as SVG. Numbers become
// pixels here and nowhere else: positions are geometry, every label is a formatted SDK integer. Each chart comes
// with its points as a table, for screen readers and for anyone who wants the exact figures.
import { AccountView, CurvePoint, HealthCurve } from "../../../sdk/src";
import { h, svg } from "../dom";
import { moneyText, percentText, priceText } from "../text";

const [W, H] = [520, 240];
const PAD = { left: 96, right: 24, top: 20, bottom: 44 };

function scale(values: number[], from: number, to: number): (v: number) => number {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const span = hi - lo || 1;
  return (v) => from + ((v - lo) / span) * (to - from);
}

function curveChart(curve: HealthCurve & { symbol: string }, quote: string): HTMLElement {
  const pts = curve.points;
  const xs = pts.map((p) => Number(p.price));
  const ys = pts.map((p) => Number(p.health));
  const x = scale(xs, PAD.left, W - PAD.right);
  const y = scale([...ys, 0], H - PAD.bottom, PAD.top);
  const at = (p: CurvePoint) => [x(Number(p.price)), y(Number(p.health))] as const;
  const current = pts.find((p) => p.kind === "current")!;
  const highest = pts.reduce((a, b) => (b.health > a.health ? b : a));
  const lowest = pts.reduce((a, b) => (b.health < a.health ? b : a));
  const vline = (p: CurvePoint, cls: string, label: string, anchor: "start" | "end") =>
    svg(
      "g",
      { class: cls },
      svg("line", { x1: at(p)[0], x2: at(p)[0], y1: PAD.top, y2: H - PAD.bottom }),
      svg("text", { x: at(p)[0] + (anchor === "start" ? 4 : -4), y: PAD.top + 10, "text-anchor": anchor }, label),
    );
  const liquidations = pts.filter((p) => p.kind === "liquidation");
  const title = `${curve.symbol}: maintenance health against its price`;
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": `${title}; liquidation ${liquidations.map((p) => priceText(p.price)).join(" and ") || "none in range"}` },
    svg("line", { class: "zero", x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0) }),
    svg("text", { class: "axis", x: PAD.left - 6, y: y(0) + 4, "text-anchor": "end" }, "0"),
    svg("text", { class: "axis", x: PAD.left - 6, y: y(Number(highest.health)) + 4, "text-anchor": "end" }, moneyText(highest.health, "")),
    lowest.health < 0n ? svg("text", { class: "axis", x: PAD.left - 6, y: y(Number(lowest.health)) + 4, "text-anchor": "end" }, moneyText(lowest.health, "")) : null,
    svg("text", { class: "axis", x: PAD.left, y: H - PAD.bottom + 18, "text-anchor": "start" }, priceText(pts[0].price)),
    svg("text", { class: "axis", x: W - PAD.right, y: H - PAD.bottom + 18, "text-anchor": "end" }, priceText(pts[pts.length - 1].price)),
    svg("text", { class: "axis", x: (PAD.left + W - PAD.right) / 2, y: H - 6, "text-anchor": "middle" }, `${curve.symbol} price`),
    svg("polyline", { class: "curve", points: pts.map((p) => at(p).join(",")).join(" ") }),
    ...pts.map((p) =>
      svg("circle", { class: `point ${p.kind}`, cx: at(p)[0], cy: at(p)[1], r: p.kind === "scan" ? 3 : 4 }, svg("title", {}, `${priceText(p.price)}: ${moneyText(p.health, quote)}`)),
    ),
    vline(current, "now", `now ${priceText(current.price)}`, "start"),
    ...liquidations.map((p) => vline(p, "liquidation", `liquidation ${priceText(p.price)}`, p.price < current.price ? "start" : "end")),
  );
  const kind = (p: CurvePoint) => (p.kind === "scan" ? `scan ${p.shock! > 0n ? "+" : ""}${percentText(p.shock!)}` : p.kind === "current" ? "current price" : "liquidation price");
  return h(
    "figure",
    { class: "chart", "data-asset": curve.symbol },
    h("figcaption", {}, title),
    chart,
    h(
      "details",
      {},
      h("summary", {}, `${curve.symbol} chart data`),
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Point"), h("th", { scope: "col" }, "Price"), h("th", { scope: "col" }, "Maintenance health"))),
        h("tbody", {}, ...pts.map((p) => h("tr", { "data-kind": p.kind }, h("td", {}, kind(p)), h("td", {}, priceText(p.price)), h("td", {}, moneyText(p.health, quote))))),
      ),
    ),
  );
}

export function chartsView(view: AccountView, quote: string): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": "charts-title", class: "panel" },
    h("h2", { id: "charts-title" }, "Health against price"),
    h("p", { class: "hint" }, "Each underlying moved alone across its risk tier's scan grid (the prices TIMS revalues at); dashed red: where maintenance health reaches zero."),
    ...(view.curves.length ? view.curves.map((c) => curveChart(c, quote)) : [h("p", {}, "No underlying to chart: cash balances have no scan.")]),
  );
}
