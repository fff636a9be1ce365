// Starts and stops one `tightrope-localnet` process. Shared by the mocha root hook, the demo, the benchmark and
// any tool that wants a private cluster, so all find the binary, pick ports and wait for readiness the same way.
import { ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";

import { Keypair } from "@solana/web3.js";

/** The repository this SDK lives in (sdk/src/localnet → root), where cargo puts the binary by default. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
const LOOPBACK = "127.0.0.1";
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const STDERR_KEEP_CHARS = 64 * 1024;

export interface Localnet {
  rpcUrl: string;
  wsUrl: string;
  payerPath: string;
  payer: Keypair;
  pid: number;
  /** Milliseconds from spawn to the `Ready` line. */
  startupMs: number;
  /** The last 64 KiB the server wrote to stderr, for diagnosing a crash. */
  stderr(): string;
  /** Settles when the process exits, whatever the reason, with how it ended. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** The binary to run: `TIGHTROPE_LOCALNET_BIN`, else the cargo debug build. Never builds it. */
export function localnetBinary(): string {
  const explicit = process.env.TIGHTROPE_LOCALNET_BIN;
  const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(REPO_ROOT, "target");
  const bin = explicit ?? path.join(path.resolve(REPO_ROOT, targetDir), "debug", "tightrope-localnet");
  if (!existsSync(bin)) {
    throw new Error(
      `tightrope-localnet not found at ${bin}. Build it first with \`cargo build -p tightrope-localnet\` ` +
        `(or point TIGHTROPE_LOCALNET_BIN at a binary).`,
    );
  }
  return bin;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, LOOPBACK, () => server.close(() => resolve(true)));
  });
}

function ephemeralPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A port P with P and P + 1 both free on loopback (web3.js puts the WebSocket on P + 1). */
export async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await ephemeralPort();
    if (port > 0 && port < 65535 && (await portIsFree(port + 1))) return port;
  }
  throw new Error("no free pair of consecutive loopback ports after 50 attempts");
}

function loadKeypair(file: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(file, "utf8")) as number[]));
}

/** Parses the start-up banner; throws if the server exits, or says nothing useful, within the time limit. */
function awaitBanner(child: ChildProcess, stderr: () => string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const banner = new Map<string, string>();
    const lines = createInterface({ input: child.stdout! });
    const fail = (why: string) => {
      cleanup();
      reject(new Error(`tightrope-localnet ${why}\n--- stderr ---\n${stderr()}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited before Ready (code ${code}, signal ${signal})`);
    const timer = setTimeout(() => fail(`printed no Ready within ${READY_TIMEOUT_MS} ms`), READY_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child.off("exit", onExit);
      lines.close();
    };
    child.on("exit", onExit);
    lines.on("line", (line) => {
      const trimmed = line.trim();
      if (trimmed === "Ready" || trimmed.startsWith("Ready ")) {
        cleanup();
        resolve(banner);
        return;
      }
      const colon = trimmed.indexOf(": ");
      if (colon > 0) banner.set(trimmed.slice(0, colon), trimmed.slice(colon + 2));
    });
  });
}

export async function startLocalnet(options: { slotMs?: number } = {}): Promise<Localnet> {
  const bin = localnetBinary();
  const port = await freePortPair();
  const args = ["--port", String(port), "--slot-ms", String(options.slotMs ?? 400)];
  const started = performance.now();
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let errText = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => {
    errText = (errText + chunk).slice(-STDERR_KEEP_CHARS);
  });
  let hasExited = false;
  const exitedPromise = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      hasExited = true;
      resolve(`code ${code}, signal ${signal}`);
    }),
  );
  const stop = async () => {
    if (hasExited) return;
    child.kill("SIGTERM");
    const timedOut = await Promise.race([
      exitedPromise.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(true), STOP_TIMEOUT_MS).unref()),
    ]);
    if (timedOut) {
      child.kill("SIGKILL");
      await exitedPromise;
    }
  };

  let banner: Map<string, string>;
  try {
    banner = await awaitBanner(child, () => errText);
  } catch (e) {
    await stop();
    throw e;
  }
  const startupMs = performance.now() - started;
  // Drain stdout so a chatty server never blocks on a full pipe.
  child.stdout!.resume();

  const expectedRpc = `http://${LOOPBACK}:${port}`;
  const rpcUrl = banner.get("RPC URL");
  const wsUrl = banner.get("WebSocket URL");
  const payerPath = banner.get("Payer keypair");
  if (rpcUrl !== expectedRpc || wsUrl !== `ws://${LOOPBACK}:${port + 1}` || !payerPath) {
    await stop();
    throw new Error(`unexpected tightrope-localnet banner: ${JSON.stringify([...banner])}`);
  }
  return {
    rpcUrl,
    wsUrl,
    payerPath,
    payer: loadKeypair(payerPath),
    pid: child.pid!,
    startupMs,
    stderr: () => errText,
    exited: exitedPromise,
    stop,
  };
}
