// `npm run app`: the trader's page on Vite's dev server.
//
//   npm run app                                   a private local cluster, seeded, with a local test keypair
//   npm run app -- --rpc <url> --group <address>  any cluster; sign with a Wallet Standard browser wallet
//   options: --port <n> (default 5173)
//
// The page reads its starting settings from /tightrope-config.json, which this server answers; the page's own
// Settings panel can point it at another RPC URL and group later. Only on the local cluster does the config carry a
// keypair, and the page labels it as the local test keypair it is: a throwaway key that holds play tokens on a
// cluster that lives as long as this process.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

import { createServer, Plugin, ViteDevServer } from "vite";

import { REPO_ROOT } from "../sdk/src/localnet";
import { LocalCluster, startLocalCluster } from "./dev/localCluster";

/** What the page starts from (see app/src/settings.ts). */
export interface PageConfig {
  rpcUrl: string;
  group: string | null;
  /** Only for a local cluster this server started: the trader keypair's secret key. */
  localKeypair?: number[];
}

/**
 * Serves the page's config at /tightrope-config.json. With `localRpc`, the dev server also forwards /rpc to that
 * cluster: tightrope-localnet answers no CORS preflight (validators do), so the page reaches it on its own origin,
 * and the config names that address.
 */
export function pageConfigPlugin(config: PageConfig, localRpc?: string): Plugin {
  return {
    name: "tightrope-page-config",
    config: () => (localRpc ? { server: { proxy: { "/rpc": { target: localRpc, changeOrigin: true, rewrite: (p: string) => p.replace(/^\/rpc/, "") } } } } : {}),
    configureServer(server) {
      server.middlewares.use("/tightrope-config.json", (req, res) => {
        const answer = localRpc ? { ...config, rpcUrl: `http://${req.headers.host}/rpc` } : config;
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "no-store");
        res.end(JSON.stringify(answer));
      });
    },
  };
}

/** Vite's dev server for the page, answering `config` (port 0: any free port; `localRpc`: see pageConfigPlugin). */
export async function startPageServer(config: PageConfig, options: { port?: number; localRpc?: string } = {}): Promise<{ server: ViteDevServer; url: string }> {
  const port = options.port ?? 5173;
  const server = await createServer({
    configFile: path.join(__dirname, "vite.config.mts"),
    plugins: [pageConfigPlugin(config, options.localRpc)],
    server: { port, strictPort: port !== 0 },
    logLevel: "warn",
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("the page server reports no local URL");
  return { server, url };
}

/** The config a seeded local cluster gives the page. */
export const localPageConfig = (local: LocalCluster): PageConfig => ({
  rpcUrl: local.rpcUrl,
  group: local.group.toBase58(),
  localKeypair: Array.from(local.trader.secretKey),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rpc: { type: "string" }, group: { type: "string" }, port: { type: "string", default: "5173" } } });
  let local: LocalCluster | undefined;
  let config: PageConfig;
  if (values.rpc) {
    config = { rpcUrl: values.rpc, group: values.group ?? null };
  } else {
    // As the demo does: the local cluster is the one cargo builds, unless a prebuilt binary is named.
    if (!process.env.TIGHTROPE_LOCALNET_BIN) execFileSync("cargo", ["build", "-p", "tightrope-localnet"], { cwd: REPO_ROOT, stdio: "inherit" });
    local = await startLocalCluster({ log: (line) => console.log(line) });
    config = localPageConfig(local);
    console.log(`local cluster ${local.rpcUrl}, group ${config.group}`);
  }
  const { server, url } = await startPageServer(config, { port: Number(values.port), localRpc: local?.rpcUrl });
  console.log(`the page: ${url}  (Ctrl-C stops ${local ? "it and the local cluster" : "it"})`);
  const shutdown = async () => {
    // The cluster first: it is a child process, and would outlive this one if closing Vite failed.
    await local?.stop();
    await server.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
