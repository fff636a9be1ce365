// `tightrope`: the trader CLI over TightropeClient. Every command checks its input, and a withdrawal, borrow or
// model switch the engine already knows the program would refuse is refused here before anything is sent, with
// the shortfall in quote units. Output is a table, or `--json`.
import { readFileSync } from "node:fs";

import { Command, Option } from "commander";

import { AccountAction, accountWhatIf, maxBorrowAmount, maxWithdrawAmount } from "../accountWhatIf";
import { enginePortfolio } from "../portfolio";
import { TightropeError } from "../errors";
import { quoteWithBreakdown } from "../risk/engine";
import { canonicalJson } from "../risk/json/output";
import { quoteValue } from "../risk/json/cli";
import { parseDecimal } from "../risk/json/decimal";
import type { Model } from "../risk/model";
import { accountReport, reportTable } from "./report";
import { CliError, DEFAULT_KEYPAIR, GlobalOptions, openSession, parseAmount, quoteSymbol, requireAccount, resolveAsset, Session, symbolOf } from "./context";
import { money, table, toJson, units } from "./format";

type Out = (text: string) => void;

function print(s: Session, out: Out, value: unknown, text: string): void {
  out(s.options.json ? toJson(value) : text);
}

/** The engine's verdict on `actions` now; a refusal becomes a CliError naming it and the shortfall. */
async function predict(s: Session, actions: AccountAction[], model?: Model) {
  try {
    const base = await s.client.portfolio(s.marginAccount);
    const market = await s.client.market(base, actions.map((a) => a.asset));
    return { base, ...accountWhatIf(base, actions, { model, market }) };
  } catch (e) {
    if (!(e instanceof TightropeError)) throw e;
    const short = e.shortfall === undefined ? "" : `: initial margin would be short by ${money(e.shortfall)} ${quoteSymbol(s)}`;
    throw new CliError(`refused before sending: ${e.code}${short} (${e.detail})`);
  }
}

async function show(s: Session, out: Out): Promise<void> {
  await requireAccount(s);
  const p = await s.client.portfolio(s.marginAccount);
  const { quote, breakdown } = quoteWithBreakdown(p.portfolio, p.model);
  const report = accountReport(p.balances, p.portfolio, quote, breakdown, quoteSymbol(s));
  print(s, out, { marginAccount: s.marginAccount.toBase58(), ...report }, `margin account ${s.accountNum} ${s.marginAccount.toBase58()}\n${reportTable(report)}`);
}

async function moveFunds(s: Session, out: Out, kind: "deposit" | "withdraw" | "borrow" | "repay", assetName: string, amountText: string) {
  const asset = resolveAsset(s, assetName);
  const symbol = symbolOf(asset);
  const amount = parseAmount(amountText, asset.decimals, symbol);
  await requireAccount(s);
  const after = await predict(s, [{ kind, asset: asset.address, amount }]);
  const signature = kind === "deposit" || kind === "repay" ? await s.client.moveIn(kind, s.marginAccount, asset, amount) : await s.client.moveOut(kind, s.marginAccount, asset, amount);
  const q = after.quote;
  print(
    s,
    out,
    { signature, kind, asset: symbol, amount: units(amount, asset.decimals), initialHealth: money(q.initialHealth), maintenanceHealth: money(q.maintenanceHealth) },
    `${kind} ${units(amount, asset.decimals)} ${symbol}: ${signature}\ninitial health ${money(q.initialHealth)} ${quoteSymbol(s)}, maintenance health ${money(q.maintenanceHealth)} ${quoteSymbol(s)}`,
  );
}

/** `kind:ASSET:amount` (deposit, withdraw, borrow, repay) or `price:ASSET:price` (quote per whole unit). */
function parseAction(s: Session, text: string): AccountAction {
  const [kind, assetName, value, extra] = text.split(":");
  if (extra !== undefined || value === undefined) throw new CliError(`invalid action "${text}": write kind:ASSET:amount, e.g. borrow:SOL:2.5 or price:SOL:120`);
  const asset = resolveAsset(s, assetName);
  if (kind === "price") {
    let price: bigint;
    try {
      price = parseDecimal(value, 12);
    } catch {
      throw new CliError(`invalid price "${value}": a decimal number with at most 12 decimal places`);
    }
    if (price <= 0n) throw new CliError(`invalid price "${value}": it must be greater than zero`);
    return { kind, asset: asset.address, price };
  }
  if (kind !== "deposit" && kind !== "withdraw" && kind !== "borrow" && kind !== "repay") {
    throw new CliError(`invalid action "${text}": the kind must be deposit, withdraw, borrow, repay or price`);
  }
  return { kind, asset: asset.address, amount: parseAmount(value, asset.decimals, symbolOf(asset)) };
}

function parseModel(text: string): Model {
  if (text !== "rules" && text !== "tims") throw new CliError(`unknown margin model "${text}": use rules or tims`);
  return text;
}

export function buildCli(out: Out = console.log): Command {
  const program = new Command("tightrope")
    .description("Trade on a Tightrope margin account: balances, health, what-ifs")
    .option("--url <url>", "JSON-RPC URL", "http://127.0.0.1:8899")
    .option("--keypair <file>", "wallet keypair file", DEFAULT_KEYPAIR)
    .option("--group <address>", "the group's address")
    .option("--account <number>", "margin account number", "0")
    .option("--json", "print JSON instead of tables")
    .showHelpAfterError();
  const session = (cmd: Command) => openSession(cmd.optsWithGlobals<GlobalOptions>());

  program.command("accounts").description("list your margin accounts in the group").action(async (_o, cmd: Command) => {
    const s = await session(cmd);
    const accounts = await s.client.marginAccounts(s.group);
    const rows = accounts.map((a) => ({ number: a.accountNum, address: a.address.toBase58(), model: a.model, balances: a.balances.length }));
    print(s, out, rows, rows.length === 0 ? "no margin accounts" : table([["number", "address", "model", "balances"], ...rows.map((r) => [String(r.number), r.address, r.model, String(r.balances)])]));
  });

  program.command("create-account").description("open margin account --account (default 0)").action(async (_o, cmd: Command) => {
    const s = await session(cmd);
    if (await s.client.connection.getAccountInfo(s.marginAccount, "confirmed")) throw new CliError(`margin account ${s.accountNum} already exists: ${s.marginAccount.toBase58()}`);
    const signature = await s.client.createMarginAccount(s.group, s.accountNum);
    print(s, out, { signature, marginAccount: s.marginAccount.toBase58() }, `created margin account ${s.accountNum} ${s.marginAccount.toBase58()}: ${signature}`);
  });

  for (const kind of ["deposit", "withdraw", "borrow", "repay"] as const) {
    program
      .command(`${kind} <asset> <amount>`)
      .description(`${kind} an amount in whole units (e.g. 1.5 SOL)`)
      .action(async (asset: string, amount: string, _o, cmd: Command) => moveFunds(await session(cmd), out, kind, asset, amount));
  }

  program.command("set-model <model>").description("switch the margin model: rules or tims").action(async (modelText: string, _o, cmd: Command) => {
    const model = parseModel(modelText);
    const s = await session(cmd);
    await requireAccount(s);
    await predict(s, [], model).then((w) => {
      if (w.quote.initialHealth < 0n) {
        throw new CliError(`refused before sending: InitialMarginShortfall: initial margin under ${model} would be short by ${money(-w.quote.initialHealth)} ${quoteSymbol(s)}`);
      }
    });
    const signature = await s.client.setMarginModel(s.marginAccount, model);
    print(s, out, { signature, model }, `margin model set to ${model}: ${signature}`);
  });

  program.command("show").description("the account's health, balances, liquidation prices and requirement breakdown").action(async (_o, cmd: Command) => show(await session(cmd), out));

  program
    .command("quote [file]")
    .description("offline: a tightrope-risk JSON portfolio (file or stdin) in, its figures out, as `tightrope-risk quote`")
    .action((file: string | undefined) => {
      let input: string;
      try {
        input = readFileSync(file ?? 0, "utf8");
      } catch {
        throw new CliError(`cannot read ${file ?? "standard input"}`);
      }
      try {
        out(canonicalJson(quoteValue(input)));
      } catch (e) {
        throw new CliError(`invalid portfolio: ${(e as Error).message}`);
      }
    });

  program
    .command("what-if <actions...>")
    .description("the account after actions (deposit|withdraw|borrow|repay:ASSET:amount, price:ASSET:price), nothing sent")
    .addOption(new Option("--model <model>", "price under this margin model").choices(["rules", "tims"]))
    .action(async (actions: string[], o: { model?: Model }, cmd: Command) => {
      const s = await session(cmd);
      const parsed = actions.map((a) => parseAction(s, a));
      await requireAccount(s);
      const w = await predict(s, parsed, o.model);
      const report = accountReport(w.balances, enginePortfolio(w.base.group, w.balances, w.base.now), w.quote, w.breakdown, quoteSymbol(s));
      print(s, out, { actions, ...report }, `after ${actions.join(", ")}:\n${reportTable(report)}`);
    });

  program
    .command("max-withdraw [asset]")
    .description("the most of each asset (or one) you can withdraw, and borrow, under initial margin now")
    .action(async (assetName: string | undefined, _o, cmd: Command) => {
      const s = await session(cmd);
      const assets = assetName ? [resolveAsset(s, assetName)] : s.assets;
      await requireAccount(s);
      const p = await s.client.portfolio(s.marginAccount);
      const market = await s.client.market(p, assets.map((a) => a.address));
      const rows = assets.map((a) => ({
        asset: symbolOf(a),
        withdraw: units(maxWithdrawAmount(p, a.address), a.decimals),
        borrow: units(maxBorrowAmount(p, a.address, market), a.decimals),
      }));
      print(s, out, rows, table([["asset", "max withdraw", "max borrow"], ...rows.map((r) => [r.asset, r.withdraw, r.borrow])]));
    });

  return program;
}

/** Runs the CLI on `argv`; resolves to the exit code. */
export async function main(argv: string[], out: Out = console.log, err: Out = console.error): Promise<number> {
  try {
    await buildCli(out).parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CliError) err(`error: ${e.message}`);
    // With logs it came from the chain; without, the SDK refused while pricing (a stale oracle, say).
    else if (e instanceof TightropeError) err(`error: refused ${e.logs.length ? "by the program" : "before sending"}: ${e.message}`);
    else err(`error: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
