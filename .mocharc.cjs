// Mocha appends command-line spec files to a configured `spec`, so `npx mocha tests/localnet/x.spec.ts` would run
// everything. The default glob applies only when no spec file is named.
const named = process.argv.slice(2).some((arg) => !arg.startsWith("-") && /\.ts$/.test(arg));

module.exports = {
  "node-option": ["import=tsx"],
  extension: ["ts"],
  require: ["tests/hooks/localnet.ts"],
  spec: named ? [] : ["tests/**/*.spec.ts"],
  timeout: 60000,
  // A handle a failed test leaves open (a WebSocket, a timer) must never keep the run, and CI, waiting forever.
  exit: true,
};
