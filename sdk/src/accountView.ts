// Everything a front end shows about one margin account, computed once by the SDK so a page does no margin
// arithmetic of its own: the quote and its breakdown under the account's model, each balance in native units with
// its value, rates and liquidation prices, the health curve of each underlying, how much of equity the
// requirements use, and the margin-call position. All integers, from the same engine the program runs.
import { accountWhatIf, AccountAction, AccountWhatIf, Market } from "./accountWhatIf";
import { assetSymbol } from "./format";
import { healthCurve, HealthCurve } from "./healthCurve";
import { marginCallStatus, MarginCallStatus } from "./marginCall";
import { AccountPortfolio, enginePortfolio, PricedBalance } from "./portfolio";
import { assetRates, AssetRates } from "./rates";
import type { Breakdown, ClassLine } from "./risk/breakdown";
import { quoteWithBreakdown, Quote } from "./risk/engine";
import { FX_ONE, Fx, Money, mulDiv } from "./risk/fixed";
import { liquidationPrices, LiquidationPrices } from "./risk/liquidation/price";
import type { Model, Portfolio, SpotPosition } from "./risk/model";
import { scenarioPrice } from "./risk/tims/scenarios";

export interface BalanceView {
  balance: PricedBalance;
  symbol: string;
  decimals: number;
  /** Native units. */
  deposit: bigint;
  borrow: bigint;
  /** The position's contribution to equity at maintenance marks (P − conf for a deposit, P + conf for a debt). */
  value: Money;
  rates: AssetRates;
  liquidation: LiquidationPrices;
  /** Rules-based charges of this position (zero under TIMS). */
  initialCharge: Money;
  maintenanceCharge: Money;
}

export interface ClassView extends ClassLine {
  symbol: string;
  level: "initial" | "maintenance";
  /** The worst scenario's price of the class's underlying (null: no point loses). */
  scenarioPrice: Fx | null;
}

export interface AccountView {
  model: Model;
  now: bigint;
  quote: Quote;
  breakdown: Breakdown;
  balances: BalanceView[];
  /** TIMS: each class's worst scenario at both levels (empty under rules). */
  classes: ClassView[];
  /** 1 − maintenance requirement ÷ equity, within [0, 1]: 1 with no requirement, 0 at or past liquidation. */
  maintenanceHeadroom: Fx;
  /** 1 − initial requirement ÷ initial equity, within [0, 1]: 0 when no new risk may be added. */
  initialHeadroom: Fx;
  /** Maintenance health against each held underlying's price (assets whose tier scans, or with a liquidation price). */
  curves: (HealthCurve & { symbol: string })[];
  marginCall: MarginCallStatus;
}

/** 1 − requirement ÷ equity, clamped to [0, 1] (the share of equity the requirement leaves free), rounded down. */
function headroom(equity: Money, requirement: Money): Fx {
  // Nothing required of an account not in debt (an empty one included): all of it is free.
  if (requirement <= 0n && equity >= 0n) return FX_ONE;
  if (equity <= 0n || requirement >= equity) return 0n;
  return FX_ONE - mulDiv(requirement, FX_ONE, equity, "up");
}

function spot(p: Portfolio, i: number): SpotPosition {
  return p.positions[i] as SpotPosition;
}

/** The view of `balances` (a portfolio's, or a what-if's) at `base`'s moment under `model`. */
export function balancesView(base: AccountPortfolio, balances: readonly PricedBalance[], model: Model): AccountView {
  const p = enginePortfolio(base.group, balances, base.now);
  const { quote, breakdown } = quoteWithBreakdown(p, model);
  const symbols = balances.map((b) => assetSymbol(b.asset));
  const views = balances.map(
    (b, i): BalanceView => ({
      balance: b,
      symbol: symbols[i],
      decimals: b.asset.decimals,
      deposit: spot(p, i).deposit,
      borrow: spot(p, i).borrow,
      value: breakdown.positions[i].equity,
      rates: assetRates(b.asset),
      liquidation: liquidationPrices(p, model, i),
      initialCharge: breakdown.positions[i].initial,
      maintenanceCharge: breakdown.positions[i].maintenance,
    }),
  );
  const classes =
    model === "tims"
      ? (["initial", "maintenance"] as const).flatMap((level) =>
          breakdown[level].classes.map(
            (c): ClassView => ({
              ...c,
              level,
              symbol: symbols[c.asset],
              scenarioPrice: c.worstPoint === null ? null : scenarioPrice(p.assets[c.asset].price, c.shock),
            }),
          ),
        )
      : [];
  const curves = balances
    .map((b, i) => ({ i, scans: base.group.tiers[b.asset.tier].pointsDown + base.group.tiers[b.asset.tier].pointsUp > 0 }))
    .filter(({ i, scans }) => scans || views[i].liquidation.lower !== null || views[i].liquidation.upper !== null)
    .map(({ i }) => ({ ...healthCurve(p, model, i), symbol: symbols[i] }));
  return {
    model,
    now: base.now,
    quote,
    breakdown,
    balances: views,
    classes,
    maintenanceHeadroom: headroom(quote.equity, quote.maintenanceRequirement),
    initialHeadroom: headroom(quote.initialEquity, quote.initialRequirement),
    curves,
    marginCall: marginCallStatus(base.group, base.account, quote, base.now),
  };
}

/** The account as it stands. */
export const accountView = (base: AccountPortfolio): AccountView => balancesView(base, base.balances, base.model);

/** The account after `actions` (and under `model`), or the program's error for a step it would refuse. */
export function whatIfView(base: AccountPortfolio, actions: readonly AccountAction[], options: { model?: Model; market?: Market } = {}): AccountView & { whatIf: AccountWhatIf } {
  const whatIf = accountWhatIf(base, actions, options);
  return { ...balancesView(base, whatIf.balances, whatIf.model), whatIf };
}
