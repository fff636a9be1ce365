// Raw JSON-RPC over HTTP and WebSocket, for what web3.js has no method for (health, cheatcodes, encodings) and for
// requests web3.js would never send (bad input).
import WebSocket from "ws";

import { clusterInfo } from "./cluster";

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export interface RpcResponse<T = unknown> {
  jsonrpc: string;
  id: number | string | null;
  result?: T;
  error?: RpcError;
}

let nextId = 1;

/** Posts a raw body and returns the parsed JSON answer, whatever it is. */
export async function postRaw(body: string): Promise<unknown> {
  const response = await fetch(clusterInfo().rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.json();
}

/** One request; returns the whole response so callers can check `error` as well as `result`. */
export async function rpcRequest<T = unknown>(method: string, params?: unknown[]): Promise<RpcResponse<T>> {
  const request = { jsonrpc: "2.0", id: nextId++, method, ...(params === undefined ? {} : { params }) };
  return (await postRaw(JSON.stringify(request))) as RpcResponse<T>;
}

/** One request that must succeed; throws with the server's error otherwise. */
export async function rpc<T = unknown>(method: string, params?: unknown[]): Promise<T> {
  const response = await rpcRequest<T>(method, params);
  if (response.error) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  if (!("result" in response)) throw new Error(`${method}: response has neither result nor error`);
  return response.result as T;
}

/** Opens a raw WebSocket to the server's subscription port; closes it when `use` settles. */
export async function withWebSocket<T>(use: (ws: WebSocket) => Promise<T>): Promise<T> {
  const ws = new WebSocket(clusterInfo().wsUrl);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("WebSocket did not open within 5 s")), 5_000);
    ws.once("open", () => (clearTimeout(timer), resolve()));
    ws.once("error", (e) => (clearTimeout(timer), reject(e)));
  });
  try {
    return await use(ws);
  } finally {
    ws.close();
  }
}

/** Sends one raw frame and resolves with the next message that answers it (or any, if the frame has no id). */
export function wsExchange(ws: WebSocket, frame: string, timeoutMs = 5_000): Promise<RpcResponse> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (ws.off("message", onMessage), reject(new Error("no WebSocket answer"))), timeoutMs);
    const onMessage = (raw: WebSocket.Data) => {
      const message = JSON.parse(raw.toString()) as RpcResponse & { method?: string };
      if (message.method !== undefined) return; // a notification, not the answer
      clearTimeout(timer);
      ws.off("message", onMessage);
      resolve(message);
    };
    ws.on("message", onMessage);
    ws.send(frame);
  });
}
