// The box an account is provably above maintenance in: for each asset it holds, a price interval such that with
// every price inside its interval (and every confidence within the ratio assumed for its asset) maintenance health
// is ≥ 0. The argument, for the spot balances the program holds today:
//
// 1. Health is separable. Under rules each position is charged alone; under TIMS each asset is its own class and
//    product-group offsets only lower the requirement. So health ≥ Σ_j G_j(P_j), where G_j is the health of the
//    portfolio holding balance j alone (the engine's own `health`, exact, bigint).
// 2. A balance is a deposit or a borrow, never both, so G_j is monotone in P_j (up for a deposit, down for a
//    borrow) and down in the confidence; we evaluate it at the worst confidence assumed, ρ_j·P_j. Each rounding in
//    the engine moves a figure by at most one minor unit, so monotone holds up to a few units (JITTER).
// 3. Split the slack H* = Σ G_j(P_j) − 2k·JITTER into budgets b_j and find each edge E_j with G_j(E_j) ≥ G_j(P_j) − b_j,
//    checked exactly. Then anywhere in the box, health ≥ Σ (G_j(P_j) − b_j − 2·JITTER) ≥ 0 (one jitter for the
//    price's monotonicity, one for the confidence's; H* reserves both).
//
// Budgets follow each asset's TIMS band (its expected move), so a volatile asset gets the wider relative interval.
// Options or perps would need the scan grid's worst slope instead (the design); the program holds neither.
import { risk } from "@tightrope/sdk";

type Fx = risk.Fx;
type Money = risk.Money;
const { FX_ONE, MAX_PRICE, health } = risk;

/** Minor units one evaluation may sit below a monotone curve through its neighbours (≤ 4 roundings a position). */
export const JITTER: Money = 16n;
/** An asset without a band (cash) still moves: it weighs as if its band were 1%. */
const MIN_BAND: Fx = FX_ONE / 100n;
/** Attempts to pull an edge toward the price when its exact check fails (rounding or a housePerUnit constant). */
const EDGE_RETRIES = 8;

/** The market every account is priced in: the engine's assets by a global index, and the group's tiers. */
export interface Market {
  assets: risk.Asset[];
  /** Confidence ratio (Fx) the intervals assume per asset; a tick beyond it invalidates that asset's edges. */
  confRatio: Fx[];
  tiers: readonly risk.Tier[];
  groupOffsets: readonly risk.GroupOffset[];
  now: bigint;
}

/** One account as the index sees it: spot balances by global asset index, one per asset. */
export interface TrackedAccount {
  key: string;
  model: risk.Model;
  positions: risk.SpotPosition[];
}

/** An interval edge: the account must be re-evaluated once `asset`'s price crosses `price` (Fx) on `side`. */
export interface Edge {
  asset: number;
  side: "lower" | "upper";
  price: Fx;
}

export function portfolioOf(market: Market, positions: readonly risk.Position[], assets = market.assets): risk.Portfolio {
  return { assets, tiers: market.tiers, groupOffsets: market.groupOffsets, positions, now: market.now, confMultiplier: FX_ONE };
}

/** Exact maintenance health at the market's prices: the decision, as the program takes it. */
export const exactHealth = (market: Market, account: TrackedAccount): Money =>
  health(portfolioOf(market, account.positions), account.model, "maintenance");

/** G_j: health of balance `position` alone with its asset at `price` and the assumed worst confidence. */
function aloneAt(market: Market, model: risk.Model, position: risk.SpotPosition, price: Fx): Money {
  const assets = market.assets.slice();
  const conf = (price * market.confRatio[position.asset] + FX_ONE - 1n) / FX_ONE;
  assets[position.asset] = { ...assets[position.asset], price, conf };
  return health(portfolioOf(market, [position], assets), model, "maintenance");
}

const isEmpty = (p: risk.SpotPosition) => p.deposit === 0n && p.borrow === 0n;

/**
 * The account's edges, or null when it is not provably healthy at the current prices (the index then re-evaluates
 * it on every tick of its assets). An empty list: no price move of a held asset can make it unhealthy.
 */
export function boxEdges(market: Market, account: TrackedAccount): Edge[] | null {
  const held = account.positions.filter((p) => !isEmpty(p));
  const prices = held.map((p) => market.assets[p.asset].price);
  const alone = held.map((p, j) => aloneAt(market, account.model, p, prices[j]));
  // Two jitters a balance: one for the price's monotonicity, one for the confidence's.
  let slack = -2n * JITTER * BigInt(held.length);
  for (const g of alone) slack += g;
  if (slack < 0n) return null;
  const weights = held.map((p, j) => {
    const tier = market.tiers[market.assets[p.asset].tier];
    const band = tier.bandDown + tier.bandUp;
    return (alone[j] < 0n ? -alone[j] : alone[j]) * (band > MIN_BAND ? band : MIN_BAND);
  });
  const total = weights.reduce((a, b) => a + b, 0n);
  const edges: Edge[] = [];
  for (let j = 0; j < held.length; j++) {
    const g = alone[j];
    if (g === 0n) continue; // nothing held worth a unit: no move of this price changes health
    const budget = total === 0n ? 0n : (slack * weights[j]) / total;
    const floor = g - budget;
    const p0 = prices[j];
    // G_j is close to proportional to price (value × (1 − rate), or × (1 + rate) for a borrow), so the edge where it
    // has lost `budget` is p0 × floor / g: below p0 for a deposit (g > 0), above it for a borrow (g < 0).
    // A deposit alone never has negative health (rules cap its charge at its value; a TIMS band loses a fraction of
    // it), so with a non-positive floor its price may fall to nothing.
    if (g > 0n && floor <= 0n) continue;
    let edge = (p0 * floor) / g;
    if (edge > MAX_PRICE) edge = MAX_PRICE;
    if (edge < 1n) edge = 1n;
    let found = false;
    for (let attempt = 0; attempt < EDGE_RETRIES && !found; attempt++) {
      if (aloneAt(market, account.model, held[j], edge) >= floor) found = true;
      else edge = p0 + ((edge - p0) * 3n) / 4n; // a quarter closer to the price, still outside it
    }
    if (!found || edge === p0) return null;
    edges.push({ asset: held[j].asset, side: g > 0n ? "lower" : "upper", price: edge });
  }
  return edges;
}
