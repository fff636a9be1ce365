// Mocha root hook plugin (registered in .mocharc.cjs): one tightrope-localnet for the whole run. It builds nothing;
// see `localnetBinary` for where it looks. Tests reach the server through `tests/helpers/cluster.ts`.
import { closeSharedConnection, publishCluster } from "../helpers/cluster";
import { Localnet, startLocalnet } from "../helpers/localnet-process";

let server: Localnet | undefined;
let stopping = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
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
