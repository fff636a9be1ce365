// A JSON-RPC and WebSocket proxy in front of the local cluster that injects the faults a keeper meets in production:
// requests never answered (the client's timeout fires), 5xx answers, stale reads (the first answer ever given to
// the same read, replayed), transactions dropped (answered with their signature, never forwarded) or delivered
// late, and WebSockets cut on demand. Faults are drawn from a seeded generator so a failure can be replayed.
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";

import { utils } from "@coral-xyz/anchor";
import WebSocket from "ws";

import { freePortPair } from "../../sdk/src/localnet";

export interface Faults {
  /** Shares (0..1) of HTTP requests given each fault, drawn in this order. */
  timeout: number;
  serverError: number;
  /** Of reads (account and program-account queries): answered with the first answer to the same request. */
  stale: number;
  /** Of sendTransaction: answered with the signature and never forwarded, or forwarded `lateMs` later. */
  dropSend: number;
  lateSend: number;
  lateMs: number;
  /** The first this many sendTransactions are dropped whatever the draw, so a run always meets a lost send. */
  dropFirst: number;
}

export const NO_FAULTS: Faults = { timeout: 0, serverError: 0, stale: 0, dropSend: 0, lateSend: 0, lateMs: 0, dropFirst: 0 };
const READS = new Set(["getAccountInfo", "getMultipleAccounts", "getProgramAccounts"]);

export class FaultProxy {
  faults: Faults = NO_FAULTS;
  /** How many times each fault was injected. */
  readonly injected: Record<string, number> = {};
  private readonly firstAnswers = new Map<string, string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly held: ServerResponse[] = [];
  private state: number;

  private constructor(
    private readonly upstreamRpc: string,
    private readonly upstreamWs: string,
    private readonly http: Server,
    private readonly wss: WebSocket.Server,
    readonly rpcUrl: string,
    readonly wsUrl: string,
    seed: number,
  ) {
    this.state = seed >>> 0;
  }

  static async start(upstreamRpc: string, upstreamWs: string, seed = 1): Promise<FaultProxy> {
    const port = await freePortPair();
    const http = createServer();
    const wss = new WebSocket.Server({ host: "127.0.0.1", port: port + 1 });
    const proxy = new FaultProxy(upstreamRpc, upstreamWs, http, wss, `http://127.0.0.1:${port}`, `ws://127.0.0.1:${port + 1}`, seed);
    http.on("request", (req, res) => void proxy.onRequest(req, res));
    wss.on("connection", (client) => proxy.onSocket(client));
    await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));
    return proxy;
  }

  /** Cuts every WebSocket (client and upstream side): subscribers must reconnect and resubscribe. */
  disconnectWebSockets(): void {
    this.count("wsDisconnect");
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.disconnectWebSockets();
    this.held.forEach((res) => res.destroy());
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private draw(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private count(fault: string): void {
    this.injected[fault] = (this.injected[fault] ?? 0) + 1;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const request = JSON.parse(body) as { id?: unknown; method?: string; params?: unknown[] };
    const f = this.faults;
    if (this.draw() < f.timeout) {
      this.count("timeout");
      this.held.push(res); // never answered
      return;
    }
    if (this.draw() < f.serverError) {
      this.count("serverError");
      res.writeHead(503).end("injected 503");
      return;
    }
    const readKey = READS.has(request.method ?? "") ? JSON.stringify([request.method, request.params]) : undefined;
    if (readKey && this.firstAnswers.has(readKey) && this.draw() < f.stale) {
      this.count("stale");
      const stale = JSON.parse(this.firstAnswers.get(readKey)!) as Record<string, unknown>;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ...stale, id: request.id }));
      return;
    }
    if (request.method === "sendTransaction") {
      const forced = (this.injected.dropSend ?? 0) < f.dropFirst;
      const roll = forced ? 0 : this.draw();
      if (roll < f.dropSend + f.lateSend) {
        const late = roll >= f.dropSend;
        this.count(late ? "lateSend" : "dropSend");
        if (late) setTimeout(() => void this.forward(body).catch(() => undefined), f.lateMs);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: request.id, result: signatureOf(request.params) }));
        return;
      }
    }
    try {
      const answer = await this.forward(body);
      if (readKey && !this.firstAnswers.has(readKey)) this.firstAnswers.set(readKey, answer);
      res.writeHead(200, { "content-type": "application/json" }).end(answer);
    } catch (e) {
      res.writeHead(502).end(String(e));
    }
  }

  private async forward(body: string): Promise<string> {
    const response = await fetch(this.upstreamRpc, { method: "POST", headers: { "content-type": "application/json" }, body });
    return response.text();
  }

  private onSocket(client: WebSocket): void {
    const upstream = new WebSocket(this.upstreamWs);
    const pending: WebSocket.Data[] = [];
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.on("message", (data) => (upstream.readyState === WebSocket.OPEN ? upstream.send(data) : pending.push(data)));
    upstream.on("open", () => pending.splice(0).forEach((d) => upstream.send(d)));
    upstream.on("message", (data) => client.readyState === WebSocket.OPEN && client.send(data));
    const close = () => {
      client.terminate();
      upstream.terminate();
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  }
}

/** The first signature of a sendTransaction's transaction (base64 or base58 wire format), base58. */
function signatureOf(params: unknown[] | undefined): string {
  const [encoded, config] = (params ?? []) as [string, { encoding?: string } | undefined];
  const wire = config?.encoding === "base64" ? Buffer.from(encoded, "base64") : Buffer.from(utils.bytes.bs58.decode(encoded));
  return utils.bytes.bs58.encode(wire.subarray(1, 65)); // a compact-u16 count below 128 is one byte
}
