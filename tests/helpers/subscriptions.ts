// Waiting for a WebSocket notification. web3.js subscribes lazily and gives no signal when the server has
// confirmed the subscription, so the trigger is repeated until something arrives or the time is up.
const RETRIGGER_MS = 1_500;

export async function firstNotification<T>(options: {
  subscribe: (deliver: (value: T) => void) => number;
  unsubscribe: (id: number) => Promise<void>;
  trigger: () => Promise<unknown>;
  accept?: (value: T) => boolean;
  timeoutMs?: number;
}): Promise<T> {
  const { subscribe, unsubscribe, trigger, accept = () => true, timeoutMs = 15_000 } = options;
  let deliver!: (value: T) => void;
  const arrived = new Promise<T>((resolve) => (deliver = resolve));
  const id = subscribe((value) => {
    if (accept(value)) deliver(value);
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      await trigger();
      const wait = Math.min(RETRIGGER_MS, deadline - Date.now());
      if (wait <= 0) throw new Error(`no notification within ${timeoutMs} ms`);
      const got = await Promise.race([arrived, sleep(wait).then(() => undefined)]);
      if (got !== undefined) return got;
    }
  } finally {
    await unsubscribe(id);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
