/**
 * The stress demo (`npm run demo`): the whole system through a real crash. It starts the local cluster, deploys
 * USDC, SOL, ETH and BTC with their tiers (migrations/deploy.ts), opens a few hundred traders under both margin
 * models, starts the keeper (`tightrope-keeper run`) as its own process, then replays a historical crash hour by
 * hour as oracle updates while the keeper works, and ends with a report per margin model, from the program's own
 * events and accounts, and an SVG chart whose path it prints.
 *
 *   npm run demo -- [--accounts 300] [--window crash] [--grace 10] [--tick-ms 150] [--seed 1] [--out chart.svg]
 *
 * `--window` is `crash` (SOL through FTX 2022-11, BTC and ETH through COVID 2020-03) or any window in
 * scripts/data/stress/. `--grace` is the group's margin-call window in cluster seconds (a replayed hour is one
 * tick pair, about 2 × tick-ms of wall time).
 */
import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { SingleBar } from "cli-progress";

import { closeWebSocket } from "../sdk/src";
import { Localnet, localnetBinary, REPO_ROOT, startLocalnet } from "../sdk/src/localnet";
import { openBooks } from "./stress/books";
import { chartSvg } from "./stress/chart";
import { publishPrices, setUpMarket, StressMarket } from "./stress/market";
import { Observer } from "./stress/observe";
import { DEFAULT_WINDOW, loadReplay, openingPrices, RISKY } from "./stress/paths";
import { KeeperLog, report } from "./stress/report";

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const dollars = (units: bigint) => (Number(units) / 1e8).toFixed(2);

/** `tightrope-keeper run` in its own process, its JSON log in `logPath`; resolves once it has loaded the group. */
async function startKeeper(m: StressMarket, logPath: string) {
  const fd = openSync(logPath, "w");
  const bin = path.join(REPO_ROOT, "keeper", "bin", "tightrope-keeper.cjs");
  const args = ["run", "--url", m.server.rpcUrl, "--group", m.group.toBase58(), "--keypair", m.keeperKeypairPath, "--metrics-port", "0"];
  // Polls as often as the replay ticks; a skip lasts the replay (liquidation arrives with issue #10).
  args.push("--poll-ms", "200", "--sweep-ms", "5000", "--confirm-timeout-ms", "10000", "--skip-ms", "600000");
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let waited = 0; !readFileSync(logPath, "utf8").includes('"event":"start"'); waited += 100) {
    if (child.exitCode !== null || waited > 60_000) throw new Error(`the keeper did not start:\n${readFileSync(logPath, "utf8")}`);
    await sleep(100);
  }
  return { pid: child.pid, stop: async () => (child.kill("SIGTERM"), await exited) };
}

function keeperLog(logPath: string): KeeperLog {
  const out: KeeperLog = { tickToSendMs: new Map(), skipped: new Map(), disagreements: 0 };
  for (const line of readFileSync(logPath, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    const l = JSON.parse(line) as { event?: string; action?: string; tickToSendMs?: number; reason?: string; error?: string };
    if (l.event === "sending" && l.tickToSendMs !== undefined) out.tickToSendMs.set(l.action!, [...(out.tickToSendMs.get(l.action!) ?? []), l.tickToSendMs]);
    if (l.event === "skipped") out.skipped.set(`${l.reason}: ${l.error}`, (out.skipped.get(`${l.reason}: ${l.error}`) ?? 0) + 1);
    if (l.event === "index_disagreement") out.disagreements++;
  }
  return out;
}

async function run(server: Localnet, o: { accounts: number; window: string; grace: number; tickMs: number; seed: number; out: string }): Promise<void> {
  const started = performance.now();
  const say = (line: string) => console.log(line);
  say(`cluster ${server.rpcUrl} ready in ${server.startupMs.toFixed(0)} ms`);
  const replay = loadReplay(o.window);
  const opening = openingPrices(o.window);
  const prices = { USDC: 100_000_000n, ...opening };
  say(`replaying ${replay.label}: ${replay.hourOf.length / 2} hours; opening SOL $${dollars(opening.SOL)}, ETH $${dollars(opening.ETH)}, BTC $${dollars(opening.BTC)}`);
  const m = await setUpMarket(server, prices, o.grace, say);
  try {
    const opened = new SingleBar({ format: "opening books |{bar}| {value}/{total}", noTTYOutput: true, notTTYSchedule: 5_000 });
    const openedAt = performance.now();
    opened.start(o.accounts, 0);
    const books = await openBooks(m, o.accounts, o.seed, prices, () => opened.increment());
    opened.stop();
    const kinds = new Map<string, number>();
    books.forEach((b) => kinds.set(`${b.kind} (${b.model})`, (kinds.get(`${b.kind} (${b.model})`) ?? 0) + 1));
    say(`books opened in ${((performance.now() - openedAt) / 1000).toFixed(1)} s: ${[...kinds].sort().map(([k, n]) => `${n} ${k}`).join(", ")}`);

    const logPath = path.join(os.tmpdir(), `tightrope-stress-keeper-${process.pid}.log`);
    const keeper = await startKeeper(m, logPath);
    say(`keeper running as process ${keeper.pid}, log ${logPath}`);
    const insuranceFund = async () => (await m.admin.fetchAsset(m.assets.USDC.address)).insurance;
    const insuranceStart = await insuranceFund();
    const observer = new Observer(m, books);
    observer.start();
    await observer.sample(0);
    const bar = new SingleBar({ format: "replay |{bar}| {value}/{total} ticks | hour {hour} | SOL ${sol} ETH ${eth} BTC ${btc} | below maintenance {below} | called {called}", noTTYOutput: true, notTTYSchedule: 5_000 });
    const replayAt = performance.now();
    bar.start(replay.hourOf.length, 0, { hour: 0, sol: dollars(opening.SOL), eth: dollars(opening.ETH), btc: dollars(opening.BTC), below: 0, called: 0 });
    for (let tick = 0; tick < replay.hourOf.length; tick++) {
      const at = performance.now();
      observer.tick = tick;
      for (const a of RISKY) prices[a] = replay.ticks[a][tick];
      await publishPrices(server, m.connection, prices);
      // Each hour's close is sampled: every book's health, from the accounts.
      const s = tick % 2 === 1 ? await observer.sample(replay.hourOf[tick]) : observer.samples[observer.samples.length - 1];
      bar.update(tick + 1, { hour: replay.hourOf[tick], sol: dollars(prices.SOL), eth: dollars(prices.ETH), btc: dollars(prices.BTC), below: s.below.rules + s.below.tims, called: s.called.rules + s.called.tims });
      await sleep(Math.max(0, o.tickMs - (performance.now() - at)));
    }
    bar.stop();
    say(`replayed ${replay.hourOf.length} ticks in ${((performance.now() - replayAt) / 1000).toFixed(1)} s`);
    await sleep(2_000); // what the keeper has in flight lands
    await observer.sample(replay.hourOf[replay.hourOf.length - 1]);
    await observer.stop();
    await keeper.stop();

    say(`\nreport (${replay.label}, ${books.length} books, margin-call window ${o.grace} s):`);
    const decimalsOf = (asset: string) => Object.values(m.assets).find((a) => a.address.toBase58() === asset)?.decimals ?? 0;
    report(observer, keeperLog(logPath), { start: insuranceStart, end: await insuranceFund() }, decimalsOf).forEach((line) => say(`  ${line}`));
    mkdirSync(path.dirname(o.out), { recursive: true });
    writeFileSync(o.out, chartSvg(replay, observer.samples, observer.events));
    say(`chart: ${o.out}`);
    say(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    closeWebSocket(m.connection);
    rmSync(m.keeperKeypairPath, { force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      accounts: { type: "string", default: "300" },
      window: { type: "string", default: DEFAULT_WINDOW },
      grace: { type: "string", default: "10" },
      "tick-ms": { type: "string", default: "150" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
    },
  });
  const window = values.window!;
  const out = values.out ?? path.join(REPO_ROOT, "target", "stress-demo", `${window}.svg`);
  // From a fresh clone the cluster binary is the one cargo builds (a warm build takes seconds); an explicit binary
  // (TIGHTROPE_LOCALNET_BIN) is used as it is.
  if (!process.env.TIGHTROPE_LOCALNET_BIN) execFileSync("cargo", ["build", "-p", "tightrope-localnet"], { cwd: REPO_ROOT, stdio: "inherit" });
  console.log(`starting ${localnetBinary()}`);
  // Short slots: each of the keeper's transactions confirms within one, so the replay need not crawl.
  const server = await startLocalnet({ slotMs: 100 });
  try {
    await run(server, { accounts: Number(values.accounts), window, grace: Number(values.grace), tickMs: Number(values["tick-ms"]), seed: Number(values.seed), out });
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
