// The keeper behind a proxy that times requests out, answers 5xx, replays stale reads, drops and delays its
// transactions and cuts its WebSockets: the faults delay the margin call but never prevent it.
import assert from "node:assert/strict";

import { clusterInfo } from "../helpers/cluster";
import { FaultProxy } from "../helpers/faultProxy";
import { borrower, keeperMarket, rally, startKeeper, waitFor } from "../helpers/keeper";

describe("keeper: injected RPC faults delay but never prevent a margin call", function () {
  this.timeout(180_000);

  it("flags the sunk account through timeouts, 5xx, stale reads, dropped and late transactions and WebSocket cuts", async function () {
    const market = await keeperMarket(600n);
    const sunk = await borrower(market, 5n * 10n ** 8n);
    await rally(market);
    const proxy = await FaultProxy.start(clusterInfo().rpcUrl, clusterInfo().wsUrl, 42);
    proxy.faults = { timeout: 0.05, serverError: 0.1, stale: 0.2, dropSend: 0.4, lateSend: 0.3, lateMs: 1_500, dropFirst: 2 };
    const cuts = setInterval(() => proxy.disconnectWebSockets(), 1_500);
    const { keeper, lines } = await startKeeper(market, { rpcUrl: proxy.rpcUrl, wsUrl: proxy.wsUrl, rpcTimeoutMs: 1_000 });
    try {
      const calledAt = await waitFor("the margin call", async () => (await market.admin.fetchMarginAccount(sunk.marginAccount)).marginCallAt ?? undefined, 90_000);
      assert.ok(calledAt > 0n);
    } catch (e) {
      // What the keeper went through, to tell a slow recovery from a stuck one.
      console.log(lines.slice(-40).map((l) => `${l.time} ${l.event} ${l.what ?? l.action ?? ""} ${String(l.error ?? l.msg).slice(0, 200)}`).join("\n"));
      throw e;
    } finally {
      clearInterval(cuts);
      await keeper.stop();
      await proxy.stop();
    }
    for (const fault of ["timeout", "serverError", "stale", "wsDisconnect"]) assert.ok(proxy.injected[fault] > 0, `no ${fault} was injected`);
    assert.ok(proxy.injected.dropSend >= 2, "no transaction was dropped");
    // The keeper saw the faults (failed reads or sends) and carried on.
    assert.ok(lines.some((l) => l.event === "rpc_error" || l.event === "retry"));
    console.log(`      faults injected: ${JSON.stringify(proxy.injected)}`);
  });
});
