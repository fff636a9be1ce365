// `npm run demo:trader` without its build step: the same script against its own server, its lines checked.
import assert from "node:assert/strict";

import { runDemo } from "../../scripts/demo";
import { Localnet, startLocalnet } from "../../sdk/src/localnet";

describe("the demo (scripts/demo.ts, own server)", function () {
  let server: Localnet;

  before(async function () {
    server = await startLocalnet();
  });

  after(async function () {
    await server?.stop();
  });

  it("rules refuse the borrow, TIMS allows it, a rally takes the account below maintenance", async function () {
    const lines: string[] = [];
    await runDemo(server, (line) => lines.push(line));
    const text = lines.join("\n");
    assert.equal(lines.filter((l) => l.includes("deploy: add_asset")).length, 4, text);
    assert.match(text, /refused: InitialMarginShortfall, shortfall \$\d+\.\d\d/);
    assert.match(text, /borrowed: equity \$[\d,.]+, initial requirement \$225\.00 \(health \$[\d,.]+\)/);
    assert.match(text, /class 1: worst initial-margin scenario 3000 bp, loss \$225\.00/);
    assert.match(text, /after the rally: .*maintenance requirement \$172\.50 \(health -\$[\d,.]+\)/);
    assert.match(text, /a keeper may now liquidate/);
  });
});
