// `tightrope-keeper`: `run` keeps a group (settings in config.ts), `status` prints what a running keeper sees.
import { Command } from "commander";
import pino from "pino";

import { addSettings, resolveSettings, runSettings } from "./config";
import { Keeper } from "./keeper";
import { KeeperMetrics, serveMetrics } from "./metrics";

async function run(command: Command): Promise<void> {
  const settings = runSettings(resolveSettings(command));
  const log = pino({ level: settings.logLevel, base: { service: "tightrope-keeper" } });
  const metrics = new KeeperMetrics();
  const keeper = new Keeper(settings.keeper, log, metrics);
  const { shard, dryRun, group } = settings.keeper;
  log.info({ event: "starting", group: group.toBase58(), shard: `${shard.index}/${shard.count}`, dryRun, rpc: settings.keeper.rpcUrl }, "starting");
  if (settings.metricsPort !== undefined) {
    const server = await serveMetrics(metrics, () => keeper.status(), settings.metricsPort, settings.metricsHost);
    const address = server.address();
    // The port line lets a supervisor (or the demo) find a port chosen with --metrics-port 0.
    log.info({ event: "metrics", port: typeof address === "object" && address ? address.port : settings.metricsPort }, "serving /metrics and /status");
  }
  const shutdown = (signal: string) => {
    log.info({ event: "stopping", signal }, "stopping");
    keeper.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await keeper.start();
}

async function status(options: { metricsPort: string; metricsHost: string; json?: boolean }): Promise<void> {
  const response = await fetch(`http://${options.metricsHost}:${options.metricsPort}/status`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as ReturnType<Keeper["status"]>;
  if (options.json) {
    console.log(JSON.stringify(body, null, 2));
    return;
  }
  console.log(`group ${body.group}, shard ${body.shard}${body.dryRun ? ", dry run" : ""}, cluster time ${body.clusterTime}`);
  console.log(`accounts: ${body.tracked} tracked, ${body.watched} watched, ${body.unhealthy} below maintenance, ${body.inFlight.length} in flight`);
  if (body.lastTick) console.log(`last tick: asset ${body.lastTick.asset} at ${body.lastTick.price}, ${body.lastTick.evaluated} re-evaluated in ${body.lastTick.ms.toFixed(2)} ms`);
  for (const u of body.unhealthyAccounts) console.log(`  below maintenance: ${u.account} health ${u.health}${u.marginCallAt ? `, called at ${u.marginCallAt}` : ""}`);
  for (const s of body.skipped) console.log(`  skipped until ${s.until}: ${s.account}: ${s.reason}`);
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command("tightrope-keeper").description("Finds and acts on every unhealthy Tightrope margin account within milliseconds of a price tick");
  addSettings(program.command("run").description("keep a group: index its accounts, follow prices, flag, liquidate")).action((_o, cmd: Command) => run(cmd));
  program
    .command("status")
    .description("print what a running keeper sees (from its /status endpoint)")
    .requiredOption("--metrics-port <port>", "the running keeper's --metrics-port")
    .option("--metrics-host <host>", "its --metrics-host", "127.0.0.1")
    .option("--json", "print the raw JSON")
    .action(status);
  await program.parseAsync(argv);
}
