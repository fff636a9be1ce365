// What every `tightrope` command needs before it acts: the keypair, a reachable RPC, the group and its assets,
// asset names and exact amounts. Each failure is a CliError whose message is all the user sees.
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import { assetSymbol } from "../format";
import { parseDecimal } from "../risk/json/decimal";
import type { AssetState, GroupState } from "../state";
import { TightropeClient } from "../tightropeClient";

/** A user-facing failure: printed as `error: <message>`, exit code 1, nothing sent. */
export class CliError extends Error {}

export interface GlobalOptions {
  url: string;
  keypair: string;
  group?: string;
  account: string;
  json?: boolean;
}

export const DEFAULT_KEYPAIR = path.join(homedir(), ".config", "solana", "id.json");
const U64_MAX = (1n << 64n) - 1n;

export function loadKeypair(file: string): Keypair {
  if (!existsSync(file)) throw new CliError(`keypair file not found: ${file} (pass --keypair <file>, or create one with \`solana-keygen new\`)`);
  try {
    return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(file, "utf8")) as number[]));
  } catch {
    throw new CliError(`${file} is not a Solana keypair file (a JSON array of 64 bytes)`);
  }
}

export function parseKey(text: string, what: string): PublicKey {
  try {
    return new PublicKey(text);
  } catch {
    throw new CliError(`${what} is not a valid address: ${text}`);
  }
}

/** A Connection to `url`, after checking the node answers (a clear error instead of web3.js retrying). */
export async function connect(url: string): Promise<Connection> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "getHealth" }),
      signal: AbortSignal.timeout(5_000),
    });
    await response.json();
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new CliError(`cannot reach the RPC at ${url} (${cause}); pass --url <rpc url>`);
  }
  return new Connection(url, "confirmed");
}

/** The session of one command: the client, its group and the group's assets. */
export interface Session {
  client: TightropeClient;
  group: PublicKey;
  groupState: GroupState;
  assets: AssetState[];
  marginAccount: PublicKey;
  accountNum: number;
  options: GlobalOptions;
}

export function accountNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 0xffff_ffff) throw new CliError(`--account must be an account number (0 to 4294967295), not ${text}`);
  return Number(text);
}

export async function openSession(options: GlobalOptions): Promise<Session> {
  const keypair = loadKeypair(options.keypair);
  if (!options.group) throw new CliError("--group <address> is required (the group's address, as deploy prints it)");
  const group = parseKey(options.group, "--group");
  const accountNum = accountNumber(options.account);
  const client = TightropeClient.fromKeypair(await connect(options.url), keypair);
  const info = await client.connection.getAccountInfo(group, "confirmed");
  if (!info || !info.owner.equals(client.program.programId)) throw new CliError(`no Tightrope group at ${group.toBase58()} on ${options.url}`);
  const [groupState, assets] = await Promise.all([client.fetchGroup(group), client.fetchAssets(group)]);
  return { client, group, groupState, assets, marginAccount: client.marginAccountAddress(group, accountNum), accountNum, options };
}

/** The margin account must exist before anything but `create-account` acts on it. */
export async function requireAccount(s: Session): Promise<void> {
  if (!(await s.client.connection.getAccountInfo(s.marginAccount, "confirmed"))) {
    throw new CliError(`no margin account ${s.accountNum} for ${s.client.publicKey.toBase58()} in this group (create it with \`tightrope create-account\`)`);
  }
}

/** The asset's name: its Pyth feed's base symbol (SOL for SOL/USD), else its token index. */
export const symbolOf = (asset: AssetState): string => assetSymbol(asset);

/** An asset of the group named by symbol, `#index`, mint or asset address. */
export function resolveAsset(s: Session, name: string): AssetState {
  const upper = name.toUpperCase();
  const found = s.assets.find((a) => symbolOf(a) === upper || a.mint.toBase58() === name || a.address.toBase58() === name);
  if (!found) throw new CliError(`unknown asset "${name}" in group ${s.group.toBase58()}; listed: ${s.assets.map(symbolOf).join(", ") || "none"}`);
  return found;
}

/** The quote asset's symbol (what money figures are in). */
export function quoteSymbol(s: Session): string {
  const quote = s.assets.find((a) => a.mint.equals(s.groupState.quoteMint));
  return quote ? symbolOf(quote) : "quote";
}

/** `text` in whole units of an asset with `decimals`, exactly, as native units (a positive u64). */
export function parseAmount(text: string, decimals: number, symbol: string): bigint {
  let native: bigint;
  try {
    native = parseDecimal(text, decimals);
  } catch {
    throw new CliError(`invalid amount "${text}": ${symbol} takes a decimal number with at most ${decimals} decimal places`);
  }
  if (native <= 0n) throw new CliError(`invalid amount "${text}": it must be greater than zero`);
  if (native > U64_MAX) throw new CliError(`invalid amount "${text}": beyond the largest ${symbol} amount`);
  return native;
}
