// Raw JSON-RPC over HTTP, for what web3.js has no method for (health, cheatcodes, encodings) and for
// requests web3.js would never send (bad input).
import { rpcCall } from "../../sdk/src/localnet";
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
export async function postRaw(body: string, url = clusterInfo().rpcUrl): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return response.json();
}

/** One request; returns the whole response so callers can check `error` as well as `result`. */
export async function rpcRequest<T = unknown>(
  method: string,
  params?: unknown[],
  url?: string,
): Promise<RpcResponse<T>> {
  const request = { jsonrpc: "2.0", id: nextId++, method, ...(params === undefined ? {} : { params }) };
  return (await postRaw(JSON.stringify(request), url)) as RpcResponse<T>;
}

/** One request that must succeed; throws with the server's error otherwise (the SDK's cheatcode client). */
export async function rpc<T = unknown>(method: string, params?: unknown[], url = clusterInfo().rpcUrl): Promise<T> {
  return rpcCall<T>(url, method, params);
}
