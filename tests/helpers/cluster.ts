// The running local cluster as tests see it: its URLs, the funded payer and a plain web3.js Connection. The root
// hook publishes the addresses through the environment, so every module instance (CJS or ESM) sees the same ones.
import { readFileSync } from "node:fs";

import { Commitment, Connection, Keypair } from "@solana/web3.js";

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

/**
 * Closes a Connection's WebSocket for good and returns the subscriptions still registered on it. web3.js has no public
 * close; after an explicit close it reconnects at once if any subscription is left, and its rpc-websockets client
 * then retries forever against a stopped server, which keeps mocha alive. So reconnection is switched off first.
 */
export function closeWebSocket(conn: Connection): string[] {
  const internals = conn as unknown as {
    _rpcWebSocket?: { reconnect: boolean; close(code?: number): void };
    _subscriptionsByHash?: Record<string, { method?: string }>;
  };
  const left = Object.values(internals._subscriptionsByHash ?? {}).map((s) => s.method ?? "?");
  if (internals._rpcWebSocket) {
    internals._rpcWebSocket.reconnect = false;
    internals._rpcWebSocket.close(1000);
  }
  return left;
}

/** Closes the shared Connection's WebSocket, if one was made; returns the subscriptions a test forgot to remove. */
export function closeSharedConnection(): string[] {
  const left = cachedConnection ? closeWebSocket(cachedConnection) : [];
  cachedConnection = undefined;
  return left;
}
