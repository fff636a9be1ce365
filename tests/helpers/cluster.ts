// The running local cluster as tests see it: its URLs, the funded payer and a plain web3.js Connection. The root
// hook publishes the addresses through the environment, so every module instance (CJS or ESM) sees the same ones.
import { readFileSync } from "node:fs";

import { Commitment, Connection, Keypair } from "@solana/web3.js";

import { closeWebSocket } from "../../sdk/src";

export { closeWebSocket } from "../../sdk/src";

const ENV_RPC = "TIGHTROPE_LOCALNET_RPC_URL";
const ENV_WS = "TIGHTROPE_LOCALNET_WS_URL";
const ENV_PAYER = "TIGHTROPE_LOCALNET_PAYER";

export const COMMITMENT = "confirmed" satisfies Commitment;

export interface ClusterInfo {
  rpcUrl: string;
  wsUrl: string;
  payerPath: string;
}

export function publishCluster(info: ClusterInfo): void {
  process.env[ENV_RPC] = info.rpcUrl;
  process.env[ENV_WS] = info.wsUrl;
  process.env[ENV_PAYER] = info.payerPath;
}

export function clusterInfo(): ClusterInfo {
  const rpcUrl = process.env[ENV_RPC];
  const wsUrl = process.env[ENV_WS];
  const payerPath = process.env[ENV_PAYER];
  if (!rpcUrl || !wsUrl || !payerPath) {
    throw new Error("no local cluster: run through mocha so tests/hooks/localnet.ts starts tightrope-localnet");
  }
  return { rpcUrl, wsUrl, payerPath };
}

let cachedPayer: Keypair | undefined;
let cachedConnection: Connection | undefined;

/** The keypair the server funded at start. */
export function payer(): Keypair {
  cachedPayer ??= Keypair.fromSecretKey(
    Uint8Array.from(JSON.parse(readFileSync(clusterInfo().payerPath, "utf8")) as number[]),
  );
  return cachedPayer;
}

/** One shared Connection; web3.js derives the WebSocket URL (port + 1) by itself, as against any validator. */
export function connection(): Connection {
  cachedConnection ??= new Connection(clusterInfo().rpcUrl, COMMITMENT);
  return cachedConnection;
}

/** Closes the shared Connection's WebSocket, if one was made; returns the subscriptions a test forgot to remove. */
export function closeSharedConnection(): string[] {
  const left = cachedConnection ? closeWebSocket(cachedConnection) : [];
  cachedConnection = undefined;
  return left;
}
