// Vite builds the page from app/ and bundles the SDK's TypeScript source with it. web3.js, Anchor and the SDK use
// Node's Buffer: the `buffer` package stands in for it (installed as a global by src/polyfills.ts, the entry's first
// import), and `global` is the browser's globalThis. The SDK's root export is browser-safe; its localnet and CLI
// modules (node:child_process, node:fs) are never imported from here.
import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  define: { global: "globalThis" },
  resolve: { alias: { buffer: "buffer/" } },
  server: { host: "127.0.0.1", fs: { allow: [path.resolve(here, "..")] } },
  build: { outDir: path.resolve(here, "..", "target", "app"), emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1024 },
  optimizeDeps: { include: ["buffer", "@coral-xyz/anchor", "@coral-xyz/anchor/dist/cjs/idl", "@solana/web3.js", "@solana/spl-token", "@wallet-standard/app"] },
});
