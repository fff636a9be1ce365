// What the keeper tells its operator over HTTP: Prometheus metrics at /metrics (prom-client) and, at /status, the
// JSON the `status` command prints (what the running keeper sees: accounts, the unhealthy ones, skips, prices).
import { createServer, Server } from "node:http";

import { Counter, Gauge, Histogram, Registry } from "prom-client";

export class KeeperMetrics {
  readonly registry = new Registry();
  readonly tracked = this.gauge("tightrope_keeper_accounts_tracked", "Margin accounts of the group in this keeper's shard");
  readonly watched = this.gauge("tightrope_keeper_accounts_watched", "Accounts not provably healthy, re-evaluated on every tick");
  readonly unhealthy = this.gauge("tightrope_keeper_accounts_unhealthy", "Accounts below maintenance margin");
  readonly flagged = this.counter("tightrope_keeper_margin_calls_flagged_total", "Margin calls this keeper opened");
  readonly sent = this.counter("tightrope_keeper_liquidations_sent_total", "Liquidation transactions sent", ["kind"]);
  readonly landed = this.counter("tightrope_keeper_liquidations_landed_total", "Liquidation transactions confirmed", ["kind"]);
  readonly failed = this.counter("tightrope_keeper_liquidations_failed_total", "Sends that failed, by action and reason", ["kind", "reason"]);
  readonly badDebtResolved = this.counter("tightrope_keeper_bad_debt_resolved_total", "Bankrupt accounts whose debt was resolved");
  readonly decisions = this.counter("tightrope_keeper_decisions_total", "Actions decided (sent or, in dry-run, only logged)", ["kind"]);
  readonly tickToSend = new Histogram({
    name: "tightrope_keeper_tick_to_send_seconds",
    help: "From the price tick that made an account actionable to its transaction being sent",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly tickEvaluation = new Histogram({
    name: "tightrope_keeper_tick_evaluation_seconds",
    help: "Index re-evaluation time of one price tick",
    buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly ticks = this.counter("tightrope_keeper_price_ticks_total", "Oracle price changes applied to the index", ["asset"]);
  readonly disagreements = this.counter("tightrope_keeper_index_disagreements_total", "Accounts a full sweep found the index wrong about (bugs)");
  readonly sweeps = this.counter("tightrope_keeper_sweeps_total", "Full sweeps run");
  readonly rpcErrors = this.counter("tightrope_keeper_rpc_errors_total", "Failed reads or subscription steps, by what failed", ["what"]);
  readonly reloads = this.counter("tightrope_keeper_reloads_total", "Full reloads of the group's accounts");

  private gauge(name: string, help: string) {
    return new Gauge({ name, help, registers: [this.registry] });
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[] = []) {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }
}

/** Serves /metrics and /status on `port` (0: any free port); resolves with the server once listening. */
export function serveMetrics(metrics: KeeperMetrics, status: () => unknown, port: number, host = "127.0.0.1"): Promise<Server> {
  const server = createServer((req, res) => {
    const route = (req.url ?? "/").split("?")[0];
    if (route === "/metrics") {
      metrics.registry.metrics().then(
        (body) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(body),
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
    } else if (route === "/status") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(status(), (_, v) => (typeof v === "bigint" ? v.toString() : v)));
    } else {
      res.writeHead(404).end("try /metrics or /status\n");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
