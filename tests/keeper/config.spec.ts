// The keeper's settings: flags over environment over the YAML file over defaults, and the `status` command reading
// a running keeper's /status (the metrics server serves both it and /metrics).
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { Keypair } from "@solana/web3.js";
import { Command } from "commander";

import { main } from "../../keeper/src/cli";
import { addSettings, resolveSettings, runSettings } from "../../keeper/src/config";
import { KeeperMetrics, serveMetrics } from "../../keeper/src/metrics";

describe("keeper: configuration and status", function () {
  const dir = mkdtempSync(path.join(os.tmpdir(), "keeper-config-"));
  const keypair = path.join(dir, "keeper.json");
  writeFileSync(keypair, JSON.stringify([...Keypair.generate().secretKey]));
  const group = Keypair.generate().publicKey.toBase58();

  function settings(argv: string[], env: Record<string, string>) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const command = addSettings(new Command("run").exitOverride());
      command.parse(argv, { from: "user" });
      return runSettings(resolveSettings(command));
    } finally {
      process.env = saved;
    }
  }

  it("takes flags over the environment over the YAML file over the defaults", function () {
    const yaml = path.join(dir, "keeper.yaml");
    writeFileSync(yaml, `url: http://from-yaml:1\ngroup: ${group}\ndry-run: true\nshard: 1/2\npoll-ms: 750\nkeypair: ${keypair}\n`);
    const s = settings(["--config", yaml, "--url", "http://from-flag:2"], { TIGHTROPE_KEEPER_SHARD: "2/3" });
    assert.equal(s.keeper.rpcUrl, "http://from-flag:2");
    assert.deepEqual(s.keeper.shard, { index: 2, count: 3 });
    assert.equal(s.keeper.dryRun, true);
    assert.equal(s.keeper.pollMs, 750);
    assert.equal(s.keeper.group.toBase58(), group);
    assert.equal(s.keeper.sweepMs, 30_000); // the default
    assert.throws(() => settings(["--group", group, "--keypair", keypair, "--shard", "3/3"], {}), /--shard must be i\/n/);
  });

  it("`status` prints what the keeper serves at /status; /metrics is Prometheus text", async function () {
    const metrics = new KeeperMetrics();
    metrics.tracked.set(12);
    const body = { group, shard: "0/1", dryRun: false, clusterTime: "1", tracked: 12, watched: 2, unhealthy: 1, inFlight: [], lastTick: null, unhealthyAccounts: [{ account: group, health: "-5", marginCallAt: null }], skipped: [] };
    const server = await serveMetrics(metrics, () => body, 0);
    const port = (server.address() as { port: number }).port;
    const printed: string[] = [];
    const log = console.log;
    console.log = (line: string) => printed.push(line);
    try {
      await main(["node", "tightrope-keeper", "status", "--metrics-port", String(port)]);
    } finally {
      console.log = log;
    }
    assert.match(printed.join("\n"), /12 tracked, 2 watched, 1 below maintenance/);
    assert.match(printed.join("\n"), new RegExp(`below maintenance: ${group} health -5`));
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    assert.match(text, /tightrope_keeper_accounts_tracked 12/);
    server.close();
  });
});
