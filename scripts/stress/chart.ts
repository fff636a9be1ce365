// The stress demo's chart, a standalone SVG: the replayed price paths (each asset as % of its opening price), the
// books below maintenance per margin model, and the margin calls and liquidations of each replayed hour.
import type { ProgramEvent, Sample } from "./observe";
import type { Replay, Risky } from "./paths";
import { RISKY } from "./paths";

const W = 960;
const PANEL = 190;
const LEFT = 70;
const GAP = 40;
const COLORS: Record<string, string> = { SOL: "#9945ff", ETH: "#627eea", BTC: "#f7931a", rules: "#d1495b", tims: "#2e86ab", calls: "#edae49", liquidations: "#00798c" };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function panel(top: number, title: string, yMax: number, yLabel: (v: number) => string, body: string): string {
  const ticks = [0, 0.5, 1].map((f) => {
    const y = top + PANEL - f * PANEL;
    return `<line x1="${LEFT}" x2="${W - 20}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${LEFT - 6}" y="${y + 4}" text-anchor="end" font-size="11">${esc(yLabel(f * yMax))}</text>`;
  });
  return `<text x="${LEFT}" y="${top - 8}" font-size="13" font-weight="bold">${esc(title)}</text>${ticks.join("")}${body}`;
}

function polyline(values: number[], xOf: (i: number) => number, yOf: (v: number) => number, color: string): string {
  const points = values.map((v, i) => `${xOf(i).toFixed(1)},${yOf(v).toFixed(1)}`).join(" ");
  return `<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${points}"/>`;
}

function legend(top: number, names: string[]): string {
  return names.map((n, i) => `<rect x="${W - 300 + i * 95}" y="${top - 20}" width="10" height="10" fill="${COLORS[n]}"/><text x="${W - 286 + i * 95}" y="${top - 11}" font-size="11">${n}</text>`).join("");
}

export function chartSvg(replay: Replay, samples: Sample[], events: ProgramEvent[], liquidationEvent = "liquidated"): string {
  const ticks = replay.hourOf.length;
  const hours = replay.hourOf[ticks - 1] + 1;
  const x = (tick: number) => LEFT + (tick / Math.max(1, ticks - 1)) * (W - LEFT - 20);
  const tops = [40, 40 + PANEL + GAP + 20, 40 + 2 * (PANEL + GAP + 20)];

  const relative = Object.fromEntries(RISKY.map((a) => [a, replay.ticks[a].map((p) => Number((p * 10_000n) / replay.ticks[a][0]) / 100)])) as Record<Risky, number[]>;
  const maxPct = Math.max(100, ...RISKY.flatMap((a) => relative[a]));
  const yPrice = (v: number) => tops[0] + PANEL - (v / maxPct) * PANEL;
  const prices = RISKY.map((a) => polyline(relative[a], x, yPrice, COLORS[a])).join("");

  const maxBelow = Math.max(1, ...samples.flatMap((s) => [s.below.rules, s.below.tims]));
  const yBelow = (v: number) => tops[1] + PANEL - (v / maxBelow) * PANEL;
  const xSample = (i: number) => x(samples[i].tick);
  const below = (["rules", "tims"] as const).map((m) => polyline(samples.map((s) => s.below[m]), xSample, yBelow, COLORS[m])).join("");

  const perHour = (name: string) => {
    const counts = Array<number>(hours).fill(0);
    for (const e of events.filter((ev) => ev.name === name)) counts[replay.hourOf[Math.min(e.tick, ticks - 1)]]++;
    return counts;
  };
  const [calls, liquidations] = [perHour("marginCallOpened"), perHour(liquidationEvent)];
  const maxBar = Math.max(1, ...calls, ...liquidations);
  const barW = Math.max(1, (W - LEFT - 20) / hours / 2 - 0.5);
  const bars = calls
    .map((c, h) => {
      const bx = LEFT + (h / hours) * (W - LEFT - 20);
      const hc = (c / maxBar) * PANEL;
      const hl = (liquidations[h] / maxBar) * PANEL;
      return `<rect x="${bx}" y="${tops[2] + PANEL - hc}" width="${barW}" height="${hc}" fill="${COLORS.calls}"/><rect x="${bx + barW}" y="${tops[2] + PANEL - hl}" width="${barW}" height="${hl}" fill="${COLORS.liquidations}"/>`;
    })
    .join("");

  const height = tops[2] + PANEL + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    panel(tops[0], "Price, % of the opening price", maxPct, (v) => `${v.toFixed(0)}%`, prices),
    legend(tops[0], [...RISKY]),
    panel(tops[1], "Accounts below maintenance margin", maxBelow, (v) => v.toFixed(0), below),
    legend(tops[1], ["rules", "tims"]),
    panel(tops[2], "Margin calls and liquidations per replayed hour", maxBar, (v) => v.toFixed(0), bars),
    legend(tops[2], ["calls", "liquidations"]),
    `<text x="${LEFT}" y="${height - 12}" font-size="11">${esc(replay.label)}: ${hours} replayed hours, ${ticks} oracle ticks</text>`,
    `</svg>`,
  ].join("\n");
}
