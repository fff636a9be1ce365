// Which cluster and group the page talks to. The server's /tightrope-config.json gives the defaults (`npm run app`
// writes it: the local cluster it started, or the --rpc URL it was given); the URL's ?rpc= and ?group= override
// them, then whatever the user saved in the Settings panel. A local test keypair only ever comes from the server's
// config, and only applies while the page still talks to that server's cluster.
export interface Settings {
  rpcUrl: string;
  group: string;
}

export interface ServerConfig {
  rpcUrl: string;
  group: string | null;
  localKeypair?: number[];
}

const STORE_KEY = "tightrope.settings";
/** Without a server config (a static build), a validator on this machine. */
const FALLBACK_RPC = "http://127.0.0.1:8899";

export async function serverConfig(): Promise<ServerConfig | null> {
  try {
    const response = await fetch("/tightrope-config.json", { cache: "no-store" });
    return response.ok ? ((await response.json()) as ServerConfig) : null;
  } catch {
    return null;
  }
}

function saved(): Partial<Settings> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? "{}") as Partial<Settings>;
  } catch {
    return {};
  }
}

/** The settings in force: saved choices over the URL's over the server's. */
export function currentSettings(config: ServerConfig | null): Settings {
  const query = new URLSearchParams(location.search);
  const stored = saved();
  return {
    rpcUrl: stored.rpcUrl || query.get("rpc") || config?.rpcUrl || FALLBACK_RPC,
    group: stored.group || query.get("group") || config?.group || "",
  };
}

export function saveSettings(settings: Settings | null): void {
  if (settings) localStorage.setItem(STORE_KEY, JSON.stringify(settings));
  else localStorage.removeItem(STORE_KEY);
}

/** The Wallet Standard chain a wallet should sign for, from the RPC URL (wallets refuse a chain they do not serve). */
export function chainOf(rpcUrl: string): `solana:${string}` {
  if (/devnet/i.test(rpcUrl)) return "solana:devnet";
  if (/testnet/i.test(rpcUrl)) return "solana:testnet";
  if (/127\.0\.0\.1|localhost/i.test(rpcUrl)) return "solana:localnet";
  return "solana:mainnet";
}
