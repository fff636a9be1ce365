// A raw JSON-RPC WebSocket client: sees subscription ids and notifications exactly as the server sends them, and
// can send frames web3.js never would.
import WebSocket from "ws";

import { clusterInfo } from "./cluster";
import { RpcResponse } from "./rpc";

export interface Notification {
  method: string;
  params: { subscription: number; result: unknown };
}

export class RawSocket {
  private answers: RpcResponse[] = [];
  private notifications: Notification[] = [];
  private wake: (() => void) | undefined;
  private nextId = 1;

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (raw) => {
      const message = JSON.parse(raw.toString()) as RpcResponse & Partial<Notification>;
      if (message.method !== undefined) this.notifications.push(message as Notification);
      else this.answers.push(message);
      this.wake?.();
    });
  }

  static async open(url = clusterInfo().wsUrl): Promise<RawSocket> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`WebSocket ${url} did not open within 5 s`)), 5_000);
      ws.once("open", () => (clearTimeout(timer), resolve()));
      ws.once("error", (e) => (clearTimeout(timer), reject(e)));
    });
    return new RawSocket(ws);
  }

  close(): void {
    this.ws.close();
  }

  discardNotifications(): void {
    this.notifications = [];
  }

  /** Sends a raw frame and returns the next answer (not a notification). */
  async exchange(frame: string, timeoutMs = 5_000): Promise<RpcResponse> {
    this.answers = [];
    this.ws.send(frame);
    return this.waitFor(() => this.answers.shift(), timeoutMs, "an answer");
  }

  async request<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const answer = await this.exchange(JSON.stringify({ jsonrpc: "2.0", id: this.nextId++, method, params }));
    if (answer.error) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
    return answer.result as T;
  }

  /** The next notification of `subscription`, or undefined if none arrives within `timeoutMs`. */
  async nextNotification(subscription: number, timeoutMs = 5_000): Promise<Notification | undefined> {
    const take = () => {
      const index = this.notifications.findIndex((n) => n.params.subscription === subscription);
      return index < 0 ? undefined : this.notifications.splice(index, 1)[0];
    };
    return this.waitFor(take, timeoutMs, "").catch(() => undefined);
  }

  private async waitFor<T>(take: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = take();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
  }
}

/** Opens a socket for the duration of `use`. */
export async function withRawSocket<T>(use: (socket: RawSocket) => Promise<T>, url?: string): Promise<T> {
  const socket = await RawSocket.open(url);
  try {
    return await use(socket);
  } finally {
    socket.close();
  }
}
