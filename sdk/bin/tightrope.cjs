#!/usr/bin/env node
// The `tightrope` trader CLI. The SDK ships as TypeScript source, so tsx compiles it on load.
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv)
  // Exit once stdout has drained (a pipe may still hold output), without waiting on idle HTTP keep-alive sockets.
  .then((code) => process.stdout.write("", () => process.exit(code)));
