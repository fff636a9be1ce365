// The `tightrope` bin (node_modules/.bin/tightrope, as npm installs it) against a private local cluster whose
// assets sit on Pyth's real feed ids, so they are named USDC, SOL, ETH. Every command runs as a subprocess; its
// output, exit code and the chain afterwards are checked. Bad input: a clear message, exit 1, nothing changed.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { getAssociatedTokenAddressSync } from "@solana/spl-token";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import { closeWebSocket, risk } from "../../sdk/src";
import { Localnet, priceNow, REPO_ROOT, setPythPrice, startLocalnet } from "../../sdk/src/localnet";
import { createMarket, createTrader, Market, publish } from "../helpers/market";

const PRICES = { USDC: 100_000_000n, SOL: 10_000_000_000n, ETH: 300_000_000_000n };
const BIN = path.join(REPO_ROOT, "node_modules", ".bin", "tightrope");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("tightrope CLI against a local cluster (own server)", function () {
  this.timeout(180_000);
  let server: Localnet;
  let connection: Connection;
  let market: Market;
  let owner: Keypair;
  let keyFile: string;
  let marginAccount: PublicKey;

  const run = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const full = ["--url", server.rpcUrl, "--keypair", keyFile, "--group", market.group.toBase58(), ...args];
      execFile(BIN, full, { encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    assert.equal(r.code, 0, `tightrope ${args.join(" ")} failed:\n${r.stderr}`);
    return r.stdout;
  };
  const json = async (...args: string[]) => JSON.parse(await ok("--json", ...args));

  /** The watched accounts' bytes, to prove a refusal changed nothing. */
  const state = async () => {
    const keys = [marginAccount, ...Object.values(market.assets).map((a) => a.vault), ...["USDC", "SOL"].map((s) => getAssociatedTokenAddressSync(market.mints[s], owner.publicKey))];
    return (await connection.getMultipleAccountsInfo(keys)).map((i) => (i ? i.data.toString("hex") : null));
  };
  /** A refusal: exit 1, `message` on stderr, nothing on chain changed. */
  const refused = async (message: RegExp, ...args: string[]) => {
    const before = await state();
    const r = await run(...args);
    assert.equal(r.code, 1, `expected exit 1 from tightrope ${args.join(" ")}; stdout:\n${r.stdout}`);
    assert.match(r.stderr, message);
    assert.deepEqual(await state(), before, `tightrope ${args.join(" ")} changed the chain`);
  };

  before(async function () {
    server = await startLocalnet();
    connection = new Connection(server.rpcUrl, "confirmed");
    market = await createMarket(
      { connection, rpcUrl: server.rpcUrl },
      server.payer,
      Object.entries(PRICES).map(([symbol, price]) => ({ symbol, decimals: { USDC: 6, SOL: 9, ETH: 8 }[symbol]!, price })),
      { realFeeds: true },
    );
    const lender = await createTrader(market, server.payer, { SOL: 100n * 10n ** 9n });
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 100n * 10n ** 9n);
    const trader = await createTrader(market, server.payer, { USDC: 1_000n * 10n ** 6n, SOL: 0n }, { openAccount: false });
    owner = trader.owner;
    marginAccount = trader.marginAccount;
    keyFile = path.join(mkdtempSync(path.join(tmpdir(), "tightrope-cli-")), "id.json");
    writeFileSync(keyFile, JSON.stringify(Array.from(owner.secretKey)));
  });

  // Oracles older than 60 s are refused, and a slow machine can take that long between tests.
  beforeEach(async function () {
    for (const [symbol, price] of Object.entries(PRICES)) await publish(market, symbol, price);
  });

  after(async function () {
    if (connection) closeWebSocket(connection);
    await server?.stop();
  });

  it("create-account, accounts, deposit and show (rules): the figures are the program's", async function () {
    assert.match(await ok("create-account"), /created margin account 0 \w+: \w+/);
    const accounts = await json("accounts");
    assert.deepEqual(accounts.map((a: { number: number; model: string }) => [a.number, a.model]), [[0, "rules"]]);
    assert.match(await ok("deposit", "usdc", "1000"), /deposit 1000 USDC: \w+/);
    const shown = await json("show");
    const program = await market.admin.programHealth(marginAccount);
    assert.equal(shown.equity, risk.formatDecimal(program.equity, 6));
    assert.equal(shown.initialHealth, risk.formatDecimal(program.initialHealth, 6));
    assert.equal(shown.balances[0].deposit, "1000");
    assert.match(await ok("show"), /equity \(USDC\)\s+999\.500000[\s\S]*position\s+equity \(USDC\)\s+initial charge/);
  });

  it("borrow refused before sending under rules with the shortfall, allowed after set-model tims", async function () {
    await refused(/refused before sending: InitialMarginShortfall: initial margin would be short by \d+\.\d{6} USDC/, "borrow", "SOL", "7.5");
    assert.match(await ok("set-model", "tims"), /margin model set to tims/);
    assert.match(await ok("borrow", "SOL", "7.5"), /borrow 7\.5 SOL: \w+\ninitial health \d+\.\d{6} USDC/);
    const sol = await connection.getTokenAccountBalance(getAssociatedTokenAddressSync(market.mints.SOL, owner.publicKey));
    assert.equal(sol.value.amount, "7500000000");
    const table = await ok("show");
    assert.match(table, /TIMS portfolio margin/);
    assert.match(table, /class\s+level\s+worst scenario[\s\S]*SOL\s+initial\s+\d/);
    assert.match(table, /SOL\s+0\s+7\.5\d*\s+100\s+100\s+-\s+1\d\d\.\d+/, "a short has a liquidation price above");
    assert.match(await ok("repay", "SOL", "0.5"), /repay 0\.5 SOL/);
  });

  it("what-if and max-withdraw answer without sending anything", async function () {
    const before = await state();
    const now = await json("show");
    const rally = await json("what-if", "price:SOL:115");
    assert.ok(BigInt(rally.maintenanceHealth.replace(".", "")) < BigInt(now.maintenanceHealth.replace(".", "")), "a SOL rally hurts a SOL short");
    const underRules = await json("what-if", "--model", "rules", "price:SOL:100");
    assert.equal(underRules.model, "rules");
    assert.ok(underRules.initialHealth.startsWith("-"), "rules would not carry this short");
    const repaid = await json("what-if", "repay:SOL:1", "deposit:USDC:10");
    assert.equal(repaid.balances.find((b: { asset: string }) => b.asset === "SOL").borrow.slice(0, 3), "6.0");
    const max = await json("max-withdraw", "USDC");
    assert.equal(max[0].asset, "USDC");
    assert.ok(Number(max[0].withdraw) > 0 && Number(max[0].withdraw) < 1000);
    assert.match(await ok("max-withdraw"), /asset\s+max withdraw\s+max borrow\nUSDC[\s\S]*SOL[\s\S]*ETH/);
    assert.deepEqual(await state(), before);
  });

  it("quote: the same JSON in and out as tightrope-risk quote, offline", async function () {
    const portfolio = {
      model: "rules",
      tiers: [{ name: "cash", preset: "cash" }, { name: "stocks", preset: "single_name" }],
      assets: [
        { symbol: "USD", decimals: 6, price: "1", tier: "cash", rules: { preset: "cash" } },
        { symbol: "XYZ", decimals: 0, price: "100", tier: "stocks" },
      ],
      positions: [{ type: "spot", asset: "XYZ", deposit: "100" }, { type: "spot", asset: "USD", borrow: "5000" }],
    };
    const file = path.join(path.dirname(keyFile), "portfolio.json");
    writeFileSync(file, JSON.stringify(portfolio));
    const out = await new Promise<Run>((resolve) =>
      execFile(BIN, ["quote", file], { encoding: "utf8" }, (e, stdout, stderr) => resolve({ code: e ? 1 : 0, stdout, stderr })),
    );
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stdout.trim(), risk.runRiskCommand(["quote"], JSON.stringify(portfolio)));
    assert.equal(JSON.parse(out.stdout).initial_health, "0.000000");
  });

  describe("bad input: a clear message, exit 1, nothing changed", function () {
    it("a missing keypair file", async function () {
      await refused(/keypair file not found: \/nonexistent\/id\.json/, "--keypair", "/nonexistent/id.json", "accounts");
    });
    it("an unreachable RPC", async function () {
      await refused(/cannot reach the RPC at http:\/\/127\.0\.0\.1:1/, "--url", "http://127.0.0.1:1", "show");
    });
    it("a missing or wrong group", async function () {
      const r = await new Promise<Run>((resolve) =>
        execFile(BIN, ["--url", server.rpcUrl, "--keypair", keyFile, "show"], { encoding: "utf8" }, (e, stdout, stderr) => resolve({ code: e ? 1 : 0, stdout, stderr })),
      );
      assert.equal(r.code, 1);
      assert.match(r.stderr, /--group <address> is required/);
      await refused(/no Tightrope group at/, "--group", Keypair.generate().publicKey.toBase58(), "show");
      await refused(/--group is not a valid address: nope/, "--group", "nope", "show");
    });
    it("an unknown asset, for every command that names one", async function () {
      for (const command of [["deposit", "DOGE", "1"], ["withdraw", "DOGE", "1"], ["borrow", "DOGE", "1"], ["repay", "DOGE", "1"], ["max-withdraw", "DOGE"], ["what-if", "borrow:DOGE:1"]]) {
        await refused(/unknown asset "DOGE" in group \w+; listed: USDC, SOL, ETH/, ...command);
      }
    });
    it("amounts that are not exact positive numbers in the asset's decimals", async function () {
      await refused(/invalid amount "1\.0000001": USDC takes a decimal number with at most 6 decimal places/, "deposit", "USDC", "1.0000001");
      await refused(/invalid amount "abc"/, "withdraw", "USDC", "abc");
      await refused(/invalid amount "0": it must be greater than zero/, "borrow", "SOL", "0");
      await refused(/invalid amount "99999999999999999999"/, "repay", "USDC", "99999999999999999999");
      await refused(/invalid price "-3"/, "what-if", "price:SOL:-3");
      await refused(/invalid action "borrow:SOL"/, "what-if", "borrow:SOL");
      await refused(/the kind must be deposit, withdraw, borrow, repay or price/, "what-if", "lend:SOL:1");
    });
    it("actions the engine knows the program would refuse", async function () {
      await refused(/refused before sending: InsufficientDeposit/, "withdraw", "USDC", "1001");
      await refused(/refused before sending: NoDebt/, "repay", "ETH", "1");
      await refused(/refused before sending: InitialMarginShortfall: initial margin would be short by \d+\.\d{6} USDC/, "withdraw", "USDC", "999");
      await refused(/refused before sending: InitialMarginShortfall: initial margin under rules would be short by \d+\.\d{6} USDC/, "set-model", "rules");
    });
    it("a stale oracle: the SDK's oracle check refuses before sending", async function () {
      const update = await priceNow(connection, market.feedIds.SOL, PRICES.SOL, -8, PRICES.SOL / 2_000n);
      await setPythPrice(market.target, { ...update, publishTime: update.publishTime - 600n }, market.assets.SOL.oracle);
      await refused(/refused before sending: StaleOracle \(Oracle price is older than the asset's maximum age\)/, "borrow", "SOL", "0.1");
      await refused(/refused before sending: StaleOracle/, "show");
    });
    it("an unknown model, a missing account, an existing account, an unreadable portfolio", async function () {
      await refused(/unknown margin model "portfolio": use rules or tims/, "set-model", "portfolio");
      await refused(/no margin account 5 for \w+ in this group/, "--account", "5", "show");
      await refused(/--account must be an account number/, "--account", "x", "show");
      await refused(/margin account 0 already exists/, "create-account");
      await refused(/cannot read \/nonexistent\.json/, "quote", "/nonexistent.json");
      const bad = path.join(path.dirname(keyFile), "bad.json");
      writeFileSync(bad, "{ not json");
      await refused(/invalid portfolio: /, "quote", bad);
    });
  });
});
