/**
 * Builds the program's IDL without the Anchor CLI, the way `anchor build` does: compile the program with
 * `idl-build`, collect the blocks its `__anchor_private_print_idl` tests print, merge events, errors and their
 * types into the program block, shorten module paths, sort, and check discriminators. Writes the JSON and its
 * camelCase TypeScript type into `sdk/src/idl/`; `tests/idl.spec.ts` fails when the committed files differ.
 *
 * Unlike the CLI it does not set RUSTFLAGS, which would rebuild the whole dependency graph.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { convertIdlToCamelCase } from "@coral-xyz/anchor/dist/cjs/idl";
import type { Idl, IdlEvent, IdlErrorCode, IdlConst, IdlTypeDef } from "@coral-xyz/anchor/dist/cjs/idl";

const ROOT = path.resolve(__dirname, "..");
const PROGRAM = "tightrope";
const PROGRAM_DIR = path.join(ROOT, "programs", PROGRAM);
export const IDL_JSON = path.join(ROOT, "sdk", "src", "idl", `${PROGRAM}.json`);
export const IDL_TS = path.join(ROOT, "sdk", "src", "idl", `${PROGRAM}.ts`);

/** The printed blocks, in the order the test binary wrote them. */
function printIdlBlocks(): Map<string, string[]> {
  const stdout = execFileSync(
    "cargo",
    ["test", "-p", PROGRAM, "--lib", "--features", "idl-build", "__anchor_private_print_idl", "--", "--show-output", "--quiet"],
    {
      cwd: ROOT,
      env: { ...process.env, ANCHOR_IDL_BUILD_PROGRAM_PATH: PROGRAM_DIR },
      encoding: "utf8",
      // cargo's progress and warnings surface only if the build fails (execFileSync's error carries stderr).
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const blocks = new Map<string, string[]>();
  const add = (kind: string, text: string) => blocks.set(kind, [...(blocks.get(kind) ?? []), text]);
  let open: { kind: string; lines: string[] } | undefined;
  let addressNext = false;
  for (const line of stdout.split("\n")) {
    const begin = /^--- IDL begin (\w+) ---$/.exec(line);
    if (addressNext) {
      // The address block is one line with no end marker.
      add("address", line);
      addressNext = false;
    } else if (begin) {
      addressNext = begin[1] === "address";
      open = addressNext ? undefined : { kind: begin[1], lines: [] };
    } else if (open && line === `--- IDL end ${open.kind} ---`) {
      add(open.kind, open.lines.join("\n"));
      open = undefined;
    } else if (open) {
      open.lines.push(line);
    }
  }
  return blocks;
}

/** Replaces `a::b::Name` with `Name` wherever that leaves no two different paths with one name. */
function shortenModulePaths(idl: Idl): Idl {
  let text = JSON.stringify(idl);
  for (const match of JSON.stringify(idl).matchAll(/"((?:\w+::)+)(\w+)"/g)) {
    const [quoted, , name] = match;
    const replaced = text.split(quoted).join(`"${name}"`);
    if (!new RegExp(`"(\\w+::)+${name}"`).test(replaced)) text = replaced;
  }
  return JSON.parse(text) as Idl;
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function assertDistinctDiscriminators(kind: string, items: { name: string; discriminator: number[] }[]): void {
  for (const outer of items) {
    if (outer.discriminator.length === 0) throw new Error(`empty discriminator for ${kind} ${outer.name}`);
    for (const inner of items) {
      const prefix = inner.discriminator.every((byte, i) => outer.discriminator[i] === byte);
      if (inner.name !== outer.name && prefix) throw new Error(`ambiguous ${kind} discriminators: ${outer.name}, ${inner.name}`);
    }
  }
}

export function buildIdl(): Idl {
  const blocks = printIdlBlocks();
  const program = blocks.get("program");
  if (!program || program.length !== 1) throw new Error("expected exactly one IDL program block");
  const idl = JSON.parse(program[0]) as Idl;
  const address = blocks.get("address")?.[0]?.replace(/[^0-9A-Za-z]/g, "");
  const events = (blocks.get("event") ?? []).map((text) => JSON.parse(text) as { event: IdlEvent; types: IdlTypeDef[] });
  const types = new Map<string, IdlTypeDef>();
  for (const ty of events.flatMap((e) => e.types)) types.set(ty.name, ty);
  for (const ty of idl.types ?? []) types.set(ty.name, ty);
  const merged: Idl = {
    ...idl,
    address: address ?? idl.address,
    constants: (blocks.get("const") ?? []).map((text) => JSON.parse(text) as IdlConst),
    events: events.map((e) => e.event),
    errors: (blocks.get("errors") ?? []).flatMap((text) => JSON.parse(text) as IdlErrorCode[]),
    types: [...types.values()],
  };
  const shortened = shortenModulePaths(merged);
  const sorted: Idl = {
    ...shortened,
    accounts: byName(shortened.accounts ?? []),
    constants: byName(shortened.constants ?? []),
    events: byName(shortened.events ?? []),
    instructions: byName(shortened.instructions),
    types: byName(shortened.types ?? []),
  };
  assertDistinctDiscriminators("account", sorted.accounts ?? []);
  assertDistinctDiscriminators("event", sorted.events ?? []);
  assertDistinctDiscriminators("instruction", sorted.instructions);
  return sorted;
}

function pascalCase(name: string): string {
  return name.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());
}

/** The two committed files: the IDL JSON and its camelCase type, as `anchor build` lays them out. */
export function renderIdl(idl: Idl): { json: string; ts: string } {
  const json = JSON.stringify(idl, null, 2) + "\n";
  const camel = JSON.stringify(convertIdlToCamelCase(idl), null, 2);
  const ts = `/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at \`sdk/src/idl/${idl.metadata.name}.json\`.
 */
export type ${pascalCase(idl.metadata.name)} = ${camel};
`;
  return { json, ts };
}

function main(): void {
  const rendered = renderIdl(buildIdl());
  writeFileSync(IDL_JSON, rendered.json);
  writeFileSync(IDL_TS, rendered.ts);
  console.log(`wrote ${path.relative(ROOT, IDL_JSON)} and ${path.relative(ROOT, IDL_TS)}`);
}

if (require.main === module) main();
