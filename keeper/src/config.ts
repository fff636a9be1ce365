// The keeper's settings from three places, strongest first: command-line flags, environment variables
// (TIGHTROPE_KEEPER_<NAME>, commander reads them), then a YAML file (`--config`, keys named as the long flags).
// Anything given nowhere takes the default shown by `tightrope-keeper run --help`.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

import { Keypair, PublicKey } from "@solana/web3.js";
import { Command, Option } from "commander";
import { parse as parseYaml } from "yaml";

import type { KeeperConfig } from "./keeper";

interface Setting {
  flag: string;
  description: string;
  default?: string;
  boolean?: true;
}

/** Every `run` setting; each is also TIGHTROPE_KEEPER_<NAME> and a YAML key. */
export const SETTINGS: Record<string, Setting> = {
  url: { flag: "--url <url>", description: "JSON-RPC URL of the cluster", default: "http://127.0.0.1:8899" },
  wsUrl: { flag: "--ws-url <url>", description: "WebSocket URL (default: the RPC port + 1)" },
  keypair: { flag: "--keypair <file>", description: "the keeper's fee payer and liquidator", default: path.join(homedir(), ".config", "solana", "id.json") },
  group: { flag: "--group <address>", description: "the Tightrope group to keep" },
  dryRun: { flag: "--dry-run", description: "decide and log every action, send nothing", boolean: true },
  shard: { flag: "--shard <i/n>", description: "keep only accounts whose key falls in shard i of n", default: "0/1" },
  metricsPort: { flag: "--metrics-port <port>", description: "serve /metrics and /status on this port (0: any free port)" },
  metricsHost: { flag: "--metrics-host <host>", description: "interface for the metrics server", default: "127.0.0.1" },
  reloadMs: { flag: "--reload-ms <ms>", description: "full reload period (safety net behind the subscriptions)", default: "60000" },
  pollMs: { flag: "--poll-ms <ms>", description: "oracle poll period (beside the subscriptions)", default: "2000" },
  sweepMs: { flag: "--sweep-ms <ms>", description: "full sweep period checking the index", default: "30000" },
  rpcTimeoutMs: { flag: "--rpc-timeout-ms <ms>", description: "give up on one RPC request after this long", default: "5000" },
  confirmTimeoutMs: { flag: "--confirm-timeout-ms <ms>", description: "re-read and re-send a transaction not confirmed after this long", default: "15000" },
  computeUnits: { flag: "--compute-units <n>", description: "compute-unit limit of each transaction" },
  priorityFee: { flag: "--priority-fee <micro-lamports>", description: "priority fee per compute unit" },
  maxAttempts: { flag: "--max-attempts <n>", description: "sends per action before the account is skipped for a while", default: "5" },
  skipMs: { flag: "--skip-ms <ms>", description: "how long a failing account is skipped", default: "60000" },
  logLevel: { flag: "--log-level <level>", description: "pino level: trace, debug, info, warn, error", default: "info" },
};

const envName = (key: string) => `TIGHTROPE_KEEPER_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** Adds every setting to `command`, each with its environment variable. */
export function addSettings(command: Command): Command {
  command.option("--config <file>", "YAML file of settings (keys as the long flags, e.g. dry-run: true)");
  for (const [key, s] of Object.entries(SETTINGS)) {
    const option = new Option(s.flag, s.description).env(envName(key));
    if (s.default !== undefined) option.default(s.default);
    command.addOption(option);
  }
  return command;
}

/** Flags and environment over the YAML file over defaults, as strings keyed like SETTINGS. */
export function resolveSettings(command: Command): Record<string, string | boolean | undefined> {
  const opts = command.opts<Record<string, string | boolean | undefined>>();
  const file = opts.config as string | undefined;
  const yaml: Record<string, unknown> = file ? (parseYaml(readFileSync(file, "utf8")) ?? {}) : {};
  const out: Record<string, string | boolean | undefined> = {};
  for (const key of Object.keys(SETTINGS)) {
    const source = command.getOptionValueSource(key);
    const yamlKey = SETTINGS[key].flag.split(" ")[0].slice(2);
    const fromYaml = yaml[yamlKey] ?? yaml[key];
    const strong = source === "cli" || source === "env";
    out[key] = strong || fromYaml === undefined ? opts[key] : typeof fromYaml === "boolean" ? fromYaml : String(fromYaml);
  }
  return out;
}

function integer(name: string, text: string | boolean | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${text}`);
  return n;
}

export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw new Error(`--shard must be i/n with 0 ≤ i < n, got ${text}`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

export function loadKeypair(file: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(file, "utf8")) as number[]));
}

export interface RunSettings {
  keeper: KeeperConfig;
  metricsPort?: number;
  metricsHost: string;
  logLevel: string;
}

export function runSettings(s: Record<string, string | boolean | undefined>): RunSettings {
  if (!s.group) throw new Error("--group <address> is required (or TIGHTROPE_KEEPER_GROUP, or group: in the YAML file)");
  const optional = (name: string, v: string | boolean | undefined) => (v === undefined ? undefined : integer(name, v));
  return {
    keeper: {
      rpcUrl: String(s.url),
      wsUrl: s.wsUrl === undefined ? undefined : String(s.wsUrl),
      group: new PublicKey(String(s.group)),
      keypair: loadKeypair(String(s.keypair)),
      dryRun: s.dryRun === true || s.dryRun === "true",
      shard: parseShard(String(s.shard)),
      reloadMs: integer("reload-ms", s.reloadMs),
      pollMs: integer("poll-ms", s.pollMs),
      sweepMs: integer("sweep-ms", s.sweepMs),
      rpcTimeoutMs: integer("rpc-timeout-ms", s.rpcTimeoutMs),
      confirmTimeoutMs: integer("confirm-timeout-ms", s.confirmTimeoutMs),
      computeUnits: optional("compute-units", s.computeUnits),
      priorityMicroLamports: optional("priority-fee", s.priorityFee),
      maxAttempts: Math.max(1, integer("max-attempts", s.maxAttempts)),
      skipMs: integer("skip-ms", s.skipMs),
    },
    metricsPort: optional("metrics-port", s.metricsPort),
    metricsHost: String(s.metricsHost),
    logLevel: String(s.logLevel),
  };
}
