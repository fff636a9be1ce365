#!/usr/bin/env node
// The `tightrope-keeper` CLI. The keeper ships as TypeScript source, so tsx compiles it on load.
require("tsx/cjs");
require("../src/cli.ts")
  .main(process.argv)
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
