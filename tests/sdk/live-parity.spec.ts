// The SDK's health of live accounts against the program's own `health` return data, on a private cluster (time
// travel moves the whole cluster). Each check simulates `health` and asks the same simulation for the clock and
// every account it read, so the SDK prices exactly the state the program priced: shares × indices accrued to that
// second, the oracle reads, P ∓ conf, the stable price at that second. Equity, both requirements, both healths and
// the margin ratio must be equal to the minor unit, under both margin models.
import assert from "node:assert/strict";

import { Connection, SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";

import {
  accruedAsset,
  AccountPortfolio,
  buildPortfolio,
  clockUnixTimestamp,
  closeWebSocket,
  decodeAsset,
  decodeGroup,
  decodeMarginAccount,
  risk,
  stablePriceAt,
} from "../../sdk/src";
import { clusterClock, Localnet, startLocalnet, timeTravelTo } from "../../sdk/src/localnet";
import { createMarket, createTrader, Market, publish } from "../helpers/market";

const DAY = 86_400n;

describe("live parity: SDK health equals the program's health (own server)", function () {
  this.timeout(120_000);
  let server: Localnet;
  let connection: Connection;
  let market: Market;
  let trader: Awaited<ReturnType<typeof createTrader>>;
  const checked: string[] = [];

  before(async function () {
    server = await startLocalnet();
    connection = new Connection(server.rpcUrl, "confirmed");
    const target = { connection, rpcUrl: server.rpcUrl };
    market = await createMarket(target, server.payer, [
      { symbol: "USDC", decimals: 6, price: 100_000_000n },
      { symbol: "SOL", decimals: 9, price: 10_000_000_000n },
      { symbol: "ETH", decimals: 8, price: 300_000_000_000n },
    ]);
    // A lender supplies SOL and ETH so the trader can borrow them.
    const lender = await createTrader(market, server.payer, { SOL: 1_000n * 10n ** 9n, ETH: 100n * 10n ** 8n });
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 1_000n * 10n ** 9n);
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.ETH, 100n * 10n ** 8n);
    trader = await createTrader(market, server.payer, { USDC: 10_000n * 10n ** 6n, ETH: 10n ** 8n });
  });

  after(async function () {
    if (connection) closeWebSocket(connection);
    await server?.stop();
  });

  /** Simulates `health`, rebuilds the portfolio from the accounts and clock that simulation saw, compares. */
  async function expectParity(label: string): Promise<AccountPortfolio> {
    const client = trader.client;
    const account = await client.fetchMarginAccount(trader.marginAccount);
    const source = await client.healthSource(account);
    const ix = await client.instructions.health({ health: source });
    const keys = [SYSVAR_CLOCK_PUBKEY, market.group, trader.marginAccount, ...source.assets.map((a) => a.address), ...source.assets.map((a) => a.oracle)];
    const program = await client.simulateHealth(ix, keys);
    const [clock, group, marginAccount, ...rest] = program.accounts;
    const n = source.assets.length;
    const assets = new Map(rest.slice(0, n).map((info, i) => [keys[3 + i].toBase58(), decodeAsset(keys[3 + i], info!.data)]));
    const oracles = new Map(rest.slice(n).map((info, i) => [keys[3 + n + i].toBase58(), info]));
    const built = buildPortfolio(
      decodeGroup(market.group, group!.data),
      decodeMarginAccount(trader.marginAccount, marginAccount!.data),
      assets,
      oracles,
      clockUnixTimestamp(clock!.data),
    );
    const sdk = risk.quote(built.portfolio, built.model);
    const figures = (q: typeof sdk | typeof program) => ({
      model: q.model,
      equity: q.equity,
      initialEquity: q.initialEquity,
      initialRequirement: q.initialRequirement,
      maintenanceRequirement: q.maintenanceRequirement,
      initialHealth: q.initialHealth,
      maintenanceHealth: q.maintenanceHealth,
      marginRatio: q.marginRatio,
    });
    assert.deepEqual(figures(sdk), figures(program), `${label}: SDK and program disagree`);
    checked.push(`${label}: equity ${sdk.equity}, initial ${sdk.initialRequirement}, maintenance ${sdk.maintenanceRequirement}`);
    return built;
  }

  /** Moves the cluster `seconds` ahead and republishes every price there, so no oracle goes stale. */
  async function travel(seconds: bigint, prices: Record<string, bigint>) {
    const { unixTimestamp } = await clusterClock(connection);
    await timeTravelTo(market.target, unixTimestamp + seconds);
    for (const [symbol, price] of Object.entries(prices)) await publish(market, symbol, price);
  }

  it("after deposits and borrows under the rules model", async function () {
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 5_000n * 10n ** 6n);
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.ETH, 10n ** 8n);
    await expectParity("deposits");
    await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, 20n * 10n ** 9n);
    const built = await expectParity("borrow SOL");
    assert.equal(built.model, "rules");
    assert.ok(built.portfolio.positions.some((p) => p.type === "spot" && p.borrow > 0n));
  });

  it("after interest accrues for 30 days on untouched assets", async function () {
    const before = await trader.client.fetchAsset(market.assets.SOL.address);
    await travel(30n * DAY, { USDC: 100_000_000n, SOL: 10_000_000_000n, ETH: 300_000_000_000n });
    const built = await expectParity("30 days later");
    const sol = built.balances.find((b) => b.asset.address.equals(market.assets.SOL.address))!;
    // The program accrues in memory: the stored index is the old one, the priced one has grown.
    assert.equal((await trader.client.fetchAsset(market.assets.SOL.address)).borrowIndex, before.borrowIndex);
    assert.ok(sol.asset.borrowIndex > before.borrowIndex, "no interest accrued: the test would not see a wrong accrual");
    assert.equal(accruedAsset(before, built.now).borrowIndex, sol.asset.borrowIndex);
  });

  it("after price moves, with the stable price lagging the observed price", async function () {
    await publish(market, "SOL", 13_000_000_000n);
    await publish(market, "ETH", 240_000_000_000n);
    await expectParity("SOL +30%, ETH -20%, unobserved");
    // Observed now, the stable price follows at 0.1% a second: a minute later it sits between the two prices.
    for (const symbol of ["SOL", "ETH"]) {
      const asset = market.assets[symbol];
      await market.admin.send([await market.admin.instructions.observePrice({ asset: asset.address, oracle: asset.oracle })]);
    }
    await travel(60n, { USDC: 100_000_000n, SOL: 13_000_000_000n, ETH: 240_000_000_000n });
    const built = await expectParity("observed, a minute later");
    const eth = built.balances.find((b) => b.asset.address.equals(market.assets.ETH.address))!;
    assert.ok(eth.stablePrice > eth.price.price, "the stable price should still lag the fall");
    assert.equal(stablePriceAt(await trader.client.fetchAsset(eth.asset.address), built.now), eth.stablePrice);
  });

  it("under TIMS, after switching model, borrowing more and another day of interest", async function () {
    await trader.client.setMarginModel(trader.marginAccount, "tims");
    assert.equal((await expectParity("TIMS")).model, "tims");
    await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, 5n * 10n ** 9n);
    await trader.client.moveIn("repay", trader.marginAccount, market.assets.SOL, 10n ** 9n);
    await expectParity("TIMS after borrow and repay");
    await travel(DAY, { USDC: 100_000_000n, SOL: 12_000_000_000n, ETH: 250_000_000_000n });
    await expectParity("TIMS a day later");
  });

  it("the SDK's own fetch path agrees with the program when both read the same second", async function () {
    // client.portfolio reads the clock itself; retry until a simulation lands in the same second.
    for (let attempt = 0; attempt < 5; attempt++) {
      const sdk: AccountPortfolio = await trader.client.portfolio(trader.marginAccount);
      const program = await trader.client.programHealth(trader.marginAccount);
      const now = await trader.client.clusterTime();
      if (now !== sdk.now) continue;
      const q = risk.quote(sdk.portfolio, sdk.model);
      assert.deepEqual([q.equity, q.initialHealth, q.maintenanceHealth, q.marginRatio], [program.equity, program.initialHealth, program.maintenanceHealth, program.marginRatio]);
      console.log(`      live parity checks:\n        ${checked.join("\n        ")}`);
      return;
    }
    assert.fail("the clock moved during every attempt");
  });
});
