// Mocha root hook plugin (registered in .mocharc.cjs): one tightrope-localnet for the whole run. It builds nothing;
// see `localnetBinary` for where it looks. Tests reach the server through `tests/helpers/cluster.ts`.
import path from "node:path";

import { closeSharedConnection, publishCluster } from "../helpers/cluster";
import { Localnet, REPO_ROOT, startLocalnet } from "../../sdk/src/localnet";

/** Specs that never touch a cluster: a run of only these starts none (and needs no localnet build). */
const OFFLINE_SPECS = ["risk", "math"].map((dir) => path.join(REPO_ROOT, "tests", dir) + path.sep);

function needsCluster(root: Mocha.Suite): boolean {
  return root.suites.some((suite) => !OFFLINE_SPECS.some((dir) => suite.file?.startsWith(dir)));
}

let server: Localnet | undefined;
let stopping = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    if (this.test?.parent && !needsCluster(this.test.parent)) return;
    const started = await startLocalnet();
    server = started;
    publishCluster({ rpcUrl: started.rpcUrl, wsUrl: started.wsUrl, payerPath: started.payerPath });
    void started.exited.then((how) => {
      if (!stopping) console.error(`\ntightrope-localnet died during the run (${how})\n--- stderr ---\n${started.stderr()}`);
    });
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(10_000);
    stopping = true;
    const leaked = closeSharedConnection();
    await server?.stop();
    // A subscription left behind is a test that did not clean up (or failed half way): say so, loudly.
    if (leaked.length > 0) throw new Error(`subscriptions never removed: ${leaked.join(", ")}`);
  },
};
