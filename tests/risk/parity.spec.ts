// The TypeScript risk engine against the Rust one: ≥ 10,000 generated accounts (both models, options, perps) and
// the command cases built on them (liquidation price and size, and one refusal per error case), every output and
// every error compared as text. When the engine changes, this is what forces the mirror to follow.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { riskBinary, runRisk } from "../../scripts/risk-cli";
import { canonicalJson, quoteValue, runRiskCommand } from "../../sdk/src/risk";
import type { Json } from "../../sdk/src/risk/json/shape";

const COUNT = Number(process.env.RISK_PARITY_COUNT ?? 10_000);
const SEED = process.env.RISK_PARITY_SEED ?? "20251206";
/** serde_json's own shape errors carry line and column; the mirror matches them only up to this prefix. */
const SHAPE_ERROR = "invalid input:";

interface Vector {
  input: Json;
  output: Json;
}
interface Case {
  args: string[];
  input: Json;
  output?: Json;
  error?: string;
}

type Outcome = { output: string } | { error: string };

function outcome(run: () => string): Outcome {
  try {
    return { output: run() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function same(want: Outcome, got: Outcome): boolean {
  if ("output" in want) return "output" in got && got.output === want.output;
  if (!("error" in got)) return false;
  return want.error.startsWith(SHAPE_ERROR) ? got.error.startsWith(SHAPE_ERROR) : got.error === want.error;
}

/** "ok", or what refused the case: the engine's error name, or a conversion or usage error. */
function errorKind(error: string | undefined): string {
  if (error === undefined) return "ok";
  const named = /\((\w+)\)$/.exec(error) ?? /^(\w+)$/.exec(error);
  if (named) return `error ${named[1]}`;
  return error.startsWith("error:") ? "error usage" : "error conversion";
}

/** The first differing line of two outcomes, for a readable failure. */
function difference(want: Outcome, got: Outcome): string {
  const lines = (o: Outcome) => ("output" in o ? o.output : `error: ${o.error}`).split("\n");
  const [w, g] = [lines(want), lines(got)];
  const line = w.findIndex((text, i) => text !== g[i]);
  return `line ${line + 1}: want ${w[line]?.trim()}, got ${g[line]?.trim()}`;
}

describe("risk engine parity: TypeScript mirror against tightrope-risk vectors", function () {
  // Building (a no-op after `cargo test --workspace`), generating and replaying take a few tens of seconds.
  this.timeout(600_000);
  let file: { vectors: Vector[]; cases: Case[] };
  let dir: string;

  before(function () {
    riskBinary();
    dir = mkdtempSync(path.join(tmpdir(), "risk-parity-"));
    const out = path.join(dir, "vectors.json");
    runRisk(["vectors", "--count", String(COUNT), "--seed", SEED, "--out", out]);
    file = JSON.parse(readFileSync(out, "utf8"));
  });

  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  function replay(label: string, items: { want: Outcome; run: () => string; tag: string }[]) {
    const mismatches: string[] = [];
    const counts = new Map<string, number>();
    for (const [i, item] of items.entries()) {
      counts.set(item.tag, (counts.get(item.tag) ?? 0) + 1);
      const got = outcome(item.run);
      if (!same(item.want, got)) mismatches.push(`${label} ${i} (${item.tag}): ${difference(item.want, got)}`);
    }
    console.log(`      ${label}: ${items.length} compared, ${mismatches.length} mismatches; ${[...counts].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    assert.equal(mismatches.length, 0, `${mismatches.length} mismatches, first:\n${mismatches.slice(0, 5).join("\n")}`);
  }

  it(`reproduces every quote vector (seed ${SEED})`, () => {
    assert.ok(file.vectors.length >= 10_000 || process.env.RISK_PARITY_COUNT, "at least 10,000 vectors");
    replay(
      "quote vectors",
      file.vectors.map((v) => {
        const input = v.input as { model: string; positions: { type: string }[] };
        const types = new Set(input.positions.map((p) => p.type));
        return {
          want: { output: canonicalJson(v.output) },
          run: () => canonicalJson(quoteValue(JSON.stringify(v.input))),
          tag: `${input.model}${types.has("perp") ? "+perps" : ""}${types.has("option") ? "+options" : ""}`,
        };
      }),
    );
  });

  it("reproduces every command case: liquidation price and size, and each error message", () => {
    const errors = file.cases.filter((c) => c.error !== undefined);
    assert.ok(errors.length > 0 && errors.length < file.cases.length, "cases hold both outputs and errors");
    const shapeErrors = errors.filter((c) => c.error!.startsWith(SHAPE_ERROR)).length;
    console.log(`      ${errors.length} error cases, ${shapeErrors} of them serde shape errors (compared by prefix)`);
    replay(
      "command cases",
      file.cases.map((c) => ({
        want: c.error !== undefined ? { error: c.error } : { output: canonicalJson(c.output!) },
        run: () => runRiskCommand(c.args, JSON.stringify(c.input)),
        tag: `${c.args.join(" ").replace(/ --(?!points)\S+ \S+/g, "")} ${(c.input as { model: string }).model} ${errorKind(c.error)}`,
      })),
    );
  });
});
