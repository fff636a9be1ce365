// `quote --points` (`points_json` in `crates/risk/src/cli/output.rs`): every class's P&L at each valuation point of
// both levels, the scan the TIMS requirement takes its worst from.
import type { Level } from "../model";
import { scanClass } from "../tims/class";
import { scenarioPrice, shock, tierShocks } from "../tims/scenarios";
import type { Account } from "./input";
import { fixed, money, volShiftName } from "./output";
import type { Json } from "./shape";

export function pointsJson(account: Account): Json {
  const p = account.portfolio;
  const levels: Level[] = ["initial", "maintenance"];
  const out: Json[][] = [[], []];
  for (let asset = 0; asset < p.assets.length; asset++) {
    if (!p.positions.some((q) => q.asset === asset)) continue;
    const a = p.assets[asset];
    const tier = p.tiers[a.tier];
    const scan = scanClass(p, asset, tierShocks(tier, levels));
    levels.forEach((level, i) => {
      const points = Array.from({ length: scan.points }, (_, j) => {
        const s = shock(tier, level, j);
        return { shock: fixed(s), price: fixed(scenarioPrice(a.price, s)), vol_shift: volShiftName(scan.volShift[i][j]), pnl: money(scan.pnl[i][j]) };
      });
      out[i].push({ asset: account.symbols[asset], points });
    });
  }
  return { initial: out[0], maintenance: out[1] };
}
