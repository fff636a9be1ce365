import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { buildIdl, IDL_JSON, IDL_TS, renderIdl } from "../scripts/idl";

describe("committed IDL", function () {
  // The first idl-build compile of anchor-lang on a fresh machine takes minutes.
  this.timeout(30 * 60 * 1000);

  it("matches the program (regenerate with `npm run idl`)", function () {
    const rendered = renderIdl(buildIdl());
    assert.equal(readFileSync(IDL_JSON, "utf8"), rendered.json, "sdk/src/idl/tightrope.json is stale");
    assert.equal(readFileSync(IDL_TS, "utf8"), rendered.ts, "sdk/src/idl/tightrope.ts is stale");
  });
});
