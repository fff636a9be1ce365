// What the SDK hands a front end: the margin-call timeline (the program's math/margin_call.rs cases), interest
// rates, the health curve over a tier's scan grid, and the account view and what-ifs on a live account, including
// the refusals the program makes before any margin check (an open margin call, a paused operation).
import assert from "node:assert/strict";

import {
  accountView,
  assetRates,
  AssetState,
  beyondHardThreshold,
  callable,
  cured,
  healthCurve,
  liquidatable,
  marginCallStatus,
  modelSwitchWhatIf,
  risk,
  TightropeError,
  whatIfView,
} from "../../sdk/src";
import { clusterClock, setPythPrice } from "../../sdk/src/localnet";
import { clusterInfo, connection, payer } from "../helpers/cluster";
import { createMarket, createTrader, Market, publish } from "../helpers/market";

const FX = risk.FX_ONE;
const TENTH = FX / 10n;
const figures = (equity: bigint, requirement: bigint) => ({ equity, maintenanceRequirement: requirement, maintenanceHealth: equity - requirement });
const settings = (graceSeconds: bigint, hardThreshold = TENTH, cureBuffer = 0n) => ({ graceSeconds, hardThreshold, cureBuffer, liquidationTarget: 0n, insuranceShare: 0n, dust: 0n });

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof TightropeError) return e.code;
    throw e;
  }
  return "passed";
};

describe("SDK view of an account", () => {
  describe("margin calls, as math/margin_call.rs decides them", () => {
    it("an account at or above maintenance is neither callable nor liquidatable", () => {
      for (const m of [figures(100n, 100n), figures(150n, 100n), figures(0n, 0n)]) {
        assert.equal(callable(m), false);
        assert.equal(liquidatable(m, 0n, 1_000_000n, settings(0n, 0n)), false);
      }
    });

    it("the grace window holds liquidation until it ends", () => {
      const m = figures(95n, 100n); // health −5, within a 10% hard threshold (−10)
      assert.equal(liquidatable(m, null, 1_000n, settings(600n)), false, "never called");
      assert.equal(liquidatable(m, 1_000n, 1_599n, settings(600n)), false);
      assert.equal(liquidatable(m, 1_000n, 1_600n, settings(600n)), true);
      assert.equal(liquidatable(m, null, 1_000n, settings(0n)), true, "no window: at once");
    });

    it("beyond the hard threshold or at zero equity the window does not apply", () => {
      assert.equal(beyondHardThreshold(figures(90n, 100n), TENTH), false, "exactly −10% is the threshold");
      assert.equal(beyondHardThreshold(figures(89n, 100n), TENTH), true);
      assert.equal(liquidatable(figures(89n, 100n), null, 0n, settings(600n)), true);
      assert.equal(beyondHardThreshold(figures(0n, 1n), FX), true, "no equity left");
    });

    it("a cure needs the buffer rounded up, and the status counts down to the deadline, never below zero", () => {
      // 10% of 99 is 9.9: health 9 does not cure (it would if the buffer rounded down), health 10 does.
      assert.equal(cured(figures(108n, 99n), TENTH), false);
      assert.equal(cured(figures(109n, 99n), TENTH), true);
      const group = { marginCall: settings(600n, TENTH, TENTH) };
      const open = marginCallStatus(group, { marginCallAt: 1_000n }, figures(95n, 100n), 1_100n);
      assert.deepEqual([open.deadline, open.secondsLeft, open.callable, open.liquidatable, open.cureHealth], [1_600n, 500n, true, false, 10n]);
      assert.equal(marginCallStatus(group, { marginCallAt: 1_000n }, figures(95n, 100n), 2_000n).secondsLeft, 0n);
      const none = marginCallStatus(group, { marginCallAt: null }, figures(95n, 100n), 1_100n);
      assert.deepEqual([none.deadline, none.secondsLeft, none.callable], [null, null, true]);
    });
  });

  it("rates: utilization, the kinked borrow rate, and depositors' share after the protocol's fee", () => {
    // 1,000 deposited, 400 borrowed at index 1: utilization 40%, half of the 80% kink, so half of its 10% rate.
    const asset = {
      depositShares: 1_000n,
      borrowShares: 400n,
      depositIndex: FX,
      borrowIndex: FX,
      interest: { optimalUtilization: (FX * 8n) / 10n, rateAtZero: 0n, rateAtOptimal: TENTH, rateAtMax: 3n * FX, protocolFeeShare: TENTH },
    } as unknown as AssetState;
    const r = assetRates(asset);
    assert.deepEqual([r.deposits, r.borrows], [1_000n, 400n]);
    assert.equal(r.utilization, (FX * 4n) / 10n);
    assert.equal(r.borrowRate, FX / 20n, "5% a year");
    assert.equal(r.depositRate, (FX * 18n) / 1_000n, "5% × 40% × 90% = 1.8% a year");
  });

  it("the health curve runs over the tier's scan grid, through the current and the liquidation prices", () => {
    // 10 SOL at $100 against 600 USD owed, TIMS: the SOL class scans −25%…+20% (5 points a side).
    const a = risk.parseAccount(
      JSON.stringify({
        model: "tims",
        tiers: [{ name: "cash", preset: "cash" }, { name: "alts", band_down: "0.25", band_up: "0.2", points_down: 5, points_up: 5 }],
        assets: [{ symbol: "USD", decimals: 6, price: "1", tier: "cash", rules: { preset: "cash" } }, { symbol: "SOL", decimals: 9, price: "100", tier: "alts" }],
        positions: [{ type: "spot", asset: "USD", borrow: "600" }, { type: "spot", asset: "SOL", deposit: "10" }],
      }),
    );
    const curve = healthCurve(a.portfolio, a.model, 1);
    const prices = curve.points.map((p) => p.price);
    assert.deepEqual(prices, [...prices].sort((x, y) => (x < y ? -1 : 1)), "sorted by price");
    assert.equal(curve.points.filter((p) => p.kind === "scan").length, 10, "the grid's ten points; its zero is the current price");
    assert.deepEqual([prices[0], prices[prices.length - 1]], [75n * FX, 120n * FX], "the grid's ends: −25% and +20%");
    // Health at P is 10P − 600 − 25% × 10P (the scan's worst point), zero at P = 80.
    assert.ok(curve.liquidation.lower! >= 80n * FX && curve.liquidation.lower! < 80n * FX + FX / 1_000n, `liquidation at ${curve.liquidation.lower}`);
    const current = curve.points.find((p) => p.kind === "current")!;
    assert.equal(current.health, risk.quote(a.portfolio, a.model).maintenanceHealth);
    const liq = curve.points.find((p) => p.kind === "liquidation")!;
    assert.equal(liq.price, curve.liquidation.lower);
    assert.ok(liq.health >= 0n, "health is still ≥ 0 at the liquidation price");
    const below = healthCurve({ ...a.portfolio, assets: [a.portfolio.assets[0], { ...a.portfolio.assets[1], price: liq.price - 1n }] }, a.model, 1);
    assert.ok(below.points.find((p) => p.kind === "current")!.health < 0n, "and below zero a unit under it");
  });

  describe("on a live account", function () {
    this.timeout(60_000);
    let market: Market;
    let trader: Awaited<ReturnType<typeof createTrader>>;

    before(async function () {
      market = await createMarket({ connection: connection(), rpcUrl: clusterInfo().rpcUrl }, payer(), [
        { symbol: "USDC", decimals: 6, price: 100_000_000n },
        { symbol: "SOL", decimals: 9, price: 10_000_000_000n },
        { symbol: "ETH", decimals: 8, price: 300_000_000_000n },
      ]);
      const lender = await createTrader(market, payer(), { USDC: 100_000n * 10n ** 6n });
      await lender.client.moveIn("deposit", lender.marginAccount, market.assets.USDC, 100_000n * 10n ** 6n);
      trader = await createTrader(market, payer(), { SOL: 10n * 10n ** 9n });
      await trader.client.moveIn("deposit", trader.marginAccount, market.assets.SOL, 10n * 10n ** 9n);
      await trader.client.moveOut("borrow", trader.marginAccount, market.assets.USDC, 300n * 10n ** 6n);
    });

    it("the view's figures are the what-if's, and each balance carries its value, rates and liquidation prices", async () => {
      const base = await trader.client.portfolio(trader.marginAccount);
      const view = accountView(base);
      assert.deepEqual(view.quote, (await trader.client.whatIf(trader.marginAccount, [])).quote);
      const [usdc, sol] = [view.balances.find((b) => b.symbol === "#0")!, view.balances.find((b) => b.symbol === "#1")!];
      assert.equal(sol.deposit, 10n * 10n ** 9n);
      assert.ok(usdc.borrow >= 300n * 10n ** 6n && usdc.value < 0n && usdc.rates.borrowRate > 0n);
      assert.ok(sol.liquidation.lower !== null && sol.value > 0n);
      assert.equal(view.curves.find((c) => c.symbol === "#1")!.liquidation.lower, sol.liquidation.lower);
      assert.ok(view.maintenanceHeadroom > 0n && view.maintenanceHeadroom < FX);
      assert.equal(view.marginCall.calledAt, null);
      assert.equal(await trader.client.tokenBalance(market.mints.USDC), 300n * 10n ** 6n);
    });

    it("a model switch the program would refuse is refused with its shortfall; one it would allow is priced", async () => {
      const base = await trader.client.portfolio(trader.marginAccount);
      assert.equal(modelSwitchWhatIf(base, "tims").model, "tims");
      const poorer = { ...base, balances: base.balances.map((b) => (b.asset.address.equals(market.assets.SOL.address) ? { ...b, depositShares: b.depositShares / 3n } : b)) };
      assert.equal(refusal(() => modelSwitchWhatIf(poorer, "tims")), "InitialMarginShortfall");
    });

    it("under an open margin call a withdrawal or borrow is UnderMarginCall, a deposit is priced; paused, OperationPaused", async () => {
      const base = await trader.client.portfolio(trader.marginAccount);
      const called = { ...base, account: { ...base.account, marginCallAt: 1n } };
      const sol = market.assets.SOL.address;
      assert.equal(refusal(() => whatIfView(called, [{ kind: "withdraw", asset: sol, amount: 1n }])), "UnderMarginCall");
      assert.equal(refusal(() => whatIfView(called, [{ kind: "deposit", asset: sol, amount: 1n }])), "passed");
      const paused = { ...base, group: { ...base.group, pauseFlags: 1 } };
      assert.equal(refusal(() => whatIfView(paused, [{ kind: "deposit", asset: sol, amount: 1n }])), "OperationPaused");
      assert.equal(refusal(() => whatIfView(paused, [{ kind: "withdraw", asset: sol, amount: 1n }])), "passed");
    });

    it("a stale oracle of an asset the account does not hold refuses that asset's what-if, not the market's reading", async () => {
      const eth = market.assets.ETH;
      const clock = await clusterClock(connection());
      const stale = { feedId: market.feedIds.ETH, price: 300_000_000_000n, conf: 100_000_000n, exponent: -8, publishTime: clock.unixTimestamp - 3_600n, postedSlot: clock.slot };
      await setPythPrice(market.target, stale, eth.oracle);
      try {
        const base = await trader.client.portfolio(trader.marginAccount);
        const priced = await trader.client.market(base, [eth.address]);
        assert.equal(refusal(() => whatIfView(base, [{ kind: "borrow", asset: eth.address, amount: 1n }], { market: priced })), "StaleOracle");
        assert.equal(refusal(() => whatIfView(base, [{ kind: "withdraw", asset: market.assets.SOL.address, amount: 1n }], { market: priced })), "passed");
      } finally {
        await publish(market, "ETH", 300_000_000_000n);
      }
    });
  });
});
