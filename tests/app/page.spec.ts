// The trader's page in a real browser: Debian's Chromium, driven by playwright-core, against the page's own local
// cluster (the one `npm run app` starts and seeds), signing with its local test keypair. Each step is what a trader
// does, checked against the SDK's figures for the same account, with a screenshot saved per step under
// tests/app/artifacts/.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { BN } from "@coral-xyz/anchor";
import { PublicKey } from "@solana/web3.js";
import { BrowserContext, chromium, Locator, Page } from "playwright-core";
import type { ViteDevServer } from "vite";

import { localPageConfig, startPageServer } from "../../app/serve";
import { LocalCluster, startLocalCluster } from "../../app/dev/localCluster";
import { LAUNCH_LIQUIDATION } from "../../migrations/deploy";
import { accountView, formatMoney, formatUnits, fx, maxWithdrawAmount, TightropeClient, whatIfView } from "../../sdk/src";
import { REPO_ROOT } from "../../sdk/src/localnet";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without these, Chromium on a closed network waits on update, sync and QUIC probes and can hang at start.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const ARTIFACTS = path.join(REPO_ROOT, "tests", "app", "artifacts");

/** Text without digit grouping, to compare with the SDK's exact formats. */
const plain = (text: string) => text.replace(/,/g, "");

/** Polls `locator`'s text until `pattern` matches it; returns the text. */
async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    last = (await locator.count()) ? await locator.first().innerText() : "";
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; last text: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the trader's page in Chromium, against a seeded local cluster", function () {
  this.timeout(240_000);
  let local: LocalCluster;
  let server: ViteDevServer;
  let browser: BrowserContext;
  let profile: string | undefined;
  let page: Page;
  let step = 0;
  const pageErrors: string[] = [];

  const shot = async (name: string) => {
    step += 1;
    await page.screenshot({ path: path.join(ARTIFACTS, `${String(step).padStart(2, "0")}-${name}.png`), fullPage: true });
  };
  const status = () => page.locator("#status");
  const figure = (key: string) => page.locator(`[data-figure="${key}"]`);
  const moveForm = () => page.getByRole("form", { name: "Move funds" });
  const solRow = () => page.locator('#balances tr[data-asset="SOL"]');
  const trader = () => TightropeClient.fromKeypair(local.connection, local.trader);
  const account = () => trader().marginAccountAddress(local.group, 0);
  const healthBar = async () => Number(await page.getByRole("meter", { name: "Health" }).getAttribute("aria-valuenow"));

  /** Fills the move-funds form: kind, asset, amount typed key by key. */
  async function prepare(kind: string, symbol: string, amount: string) {
    const form = moveForm();
    await form.getByRole("radio", { name: kind }).check();
    await form.getByLabel("Asset").selectOption({ label: symbol });
    const input = form.getByLabel(/^Amount/);
    await input.fill("");
    await input.pressSequentially(amount);
  }

  before(async function () {
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: \`apt-get install -y chromium\` (.ci/run installs it)`);
    // Only this run's screenshots: an earlier run's could pass for a step this one never reached.
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    local = await startLocalCluster();
    ({ server } = await startPageServer(localPageConfig(local), { port: 0, localRpc: local.rpcUrl }));
    // A fresh profile each run: nothing cached or stored from an earlier page.
    profile = mkdtempSync(path.join(tmpdir(), "tightrope-chromium-"));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 1100 } });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.resolvedUrls!.local[0]);
  });

  after(async function () {
    await browser?.close();
    await server?.close();
    await local?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  afterEach(function () {
    assert.deepEqual(pageErrors, [], "the page threw");
  });

  it("creates an account, deposits 10 SOL and shows the SDK's health", async function () {
    await page.getByText("Local test keypair", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Create margin account #0" }).click();
    await waitForText(status(), /Create margin account #0: confirmed/);
    await prepare("Deposit", "SOL", "10");
    await waitForText(moveForm().locator(".preview"), /After: Initial health/);
    await moveForm().getByRole("button", { name: "Sign and deposit" }).click();
    await waitForText(status(), /Deposit 10 SOL: confirmed/);
    await waitForText(solRow(), /10 SOL/);

    const view = accountView(await trader().portfolio(account()));
    assert.equal(plain(await figure("equity").innerText()), `${formatMoney(view.quote.equity)} USDC`);
    assert.equal(plain(await figure("initial-requirement").innerText()), `${formatMoney(view.quote.initialRequirement)} USDC`);
    assert.equal(plain(await figure("maintenance-health").innerText()), `${formatMoney(view.quote.maintenanceHealth)} USDC`);
    // Rules-based, 25% maintenance on a long: the bar shows three quarters of equity free.
    const bar = await healthBar();
    assert.ok(bar > 74 && bar < 76, `health bar at ${bar}%`);
    await shot("deposited");
  });

  it("gives every control a label and reaches it from the keyboard", async function () {
    // The DOM's types are not in the tests' compilation, so the element is described by what is read of it.
    type Control = { labels?: { length: number } | null; tabIndex: number; textContent: string | null; outerHTML: string; getAttribute(name: string): string | null; hasAttribute(name: string): boolean };
    const unnamed = await page.locator("input, select, button, textarea, summary").evaluateAll((controls: Control[]) =>
      controls
        .filter((el) => {
          const named = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.textContent?.trim();
          const reachable = el.tabIndex >= 0 && !el.hasAttribute("hidden");
          return !named || !reachable;
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    assert.deepEqual(unnamed, []);
  });

  it("borrows USDC against the SOL, the health after shown as the amount is typed", async function () {
    const barBefore = await healthBar();
    await prepare("Borrow", "USDC", "300");
    const preview = await waitForText(moveForm().locator(".preview"), /After: Initial health/);
    const usdc = new PublicKey(local.deployed.assets.USDC.asset);
    const base = await trader().portfolio(account());
    const expected = whatIfView(base, [{ kind: "borrow", asset: usdc, amount: 300_000_000n }], { market: await trader().market(base, [usdc]) });
    assert.ok(plain(preview).includes(`→ ${formatMoney(expected.quote.initialHealth)} USDC`), preview);
    await moveForm().getByRole("button", { name: "Sign and borrow" }).click();
    await waitForText(status(), /Borrow 300 USDC: confirmed/);
    await waitForText(page.locator('#balances tr[data-asset="USDC"]'), /300 USDC/);
    assert.ok((await healthBar()) < barBefore, "a debt takes some of the bar");
    await shot("borrowed");
  });

  it("explains an over-withdrawal before signing; forced through, the program names it and nothing moves", async function () {
    const max = maxWithdrawAmount(await trader().portfolio(account()), new PublicKey(local.deployed.assets.SOL.asset));
    await prepare("Withdraw", "SOL", "6");
    await waitForText(moveForm().locator(".max"), new RegExp(`Maximum: ${formatUnits(max, 9).replace(".", "\\.")} SOL`));
    const refusal = await waitForText(moveForm().locator(".refusal"), /InitialMarginShortfall/);
    assert.match(refusal, /The program would refuse this\. InitialMarginShortfall: .* short by [\d,]+\.\d{6} USDC/);
    const sign = moveForm().getByRole("button", { name: "Sign and withdraw" });
    assert.equal(await sign.isDisabled(), true, "a refused withdrawal cannot be signed without opting in");
    await shot("over-withdrawal-explained");

    // Interest on the USDC debt moves the liquidation price by the second; the balances themselves must not move.
    const shares = async () => JSON.stringify((await trader().fetchMarginAccount(account())).balances, (_, v) => (typeof v === "bigint" ? v.toString() : v));
    const before = [await solRow().locator('[data-col="deposit"]').innerText(), await shares()];
    await moveForm().getByLabel("Send it anyway, to see the program refuse it").check();
    await sign.click();
    const outcome = await waitForText(status(), /refused by the program/);
    assert.match(outcome, /Withdraw 6 SOL: refused by the program\. InitialMarginShortfall: .* short by [\d,]+\.\d{6} USDC\. Balances re-read: unchanged\./);
    assert.deepEqual([await solRow().locator('[data-col="deposit"]').innerText(), await shares()], before);
    await shot("over-withdrawal-refused");
  });

  it("withdraws within the limit, from the keyboard", async function () {
    await prepare("Withdraw", "SOL", "1");
    await waitForText(moveForm().locator(".preview"), /After: Initial health/);
    await moveForm().getByLabel(/^Amount/).press("Enter");
    await waitForText(status(), /Withdraw 1 SOL: confirmed/);
    await waitForText(solRow(), /^SOL\s+9 SOL/);
    await shot("withdrew");
  });

  it("switches to TIMS and shows the requirement change", async function () {
    const rulesRequirement = await figure("initial-requirement").innerText();

    const form = page.getByRole("form", { name: "Margin model" });
    await form.getByRole("radio", { name: "TIMS portfolio margin" }).check();
    await waitForText(form.locator(".preview"), /initial requirement .* → /);
    await form.getByRole("button", { name: "Sign and switch to TIMS" }).click();
    await waitForText(status(), /Switch to TIMS portfolio margin: confirmed/);
    await waitForText(figure("model"), /TIMS portfolio margin/);
    const timsRequirement = await figure("initial-requirement").innerText();
    assert.notEqual(timsRequirement, rulesRequirement);
    const view = accountView(await trader().portfolio(account()));
    assert.equal(plain(timsRequirement), `${formatMoney(view.quote.initialRequirement)} USDC`);
    await waitForText(page.locator("#breakdown"), /Worst scenario/);
    await shot("switched-to-tims");
  });

  it("moves the health bar when SOL drops, and counts a margin call's grace window down", async function () {
    const barBefore = await healthBar();
    const view = accountView(await trader().portfolio(account()));
    const sol = view.balances.find((b) => b.symbol === "SOL")!;
    assert.ok(sol.liquidation.lower !== null, "a SOL long against a USDC debt has a liquidation price below");
    // 3% under the liquidation price, in Pyth's 10^-8 units (Fx has 12 decimals).
    const drop = (sol.liquidation.lower * 97n) / 100n / 10_000n;
    await local.setPrice("SOL", drop);
    await page.getByRole("button", { name: "Refresh" }).click();
    await waitForText(page.locator("main"), /Below maintenance/);
    const barAfter = await healthBar();
    assert.ok(barAfter < barBefore, `health bar ${barBefore}% → ${barAfter}%`);
    await shot("price-drop");

    // The admin opens a 10-minute grace window; a keeper (anyone) flags the account.
    const admin = TightropeClient.fromKeypair(local.connection, local.admin);
    // The deploy's liquidation terms stay; a ten-minute window is added.
    const config = { ...LAUNCH_LIQUIDATION, graceSeconds: new BN(600), hardThreshold: fx(1, 2), cureBuffer: fx(1, 10) };
    await admin.send([await admin.instructions.setMarginCall({ group: local.group, admin: local.admin.publicKey, config })]);
    const flagged = await admin.fetchMarginAccount(account());
    await admin.send([await admin.instructions.flagMarginCall({ health: await admin.healthSource(flagged) })]);
    await page.getByRole("button", { name: "Refresh" }).click();
    const first = await waitForText(page.locator("#countdown"), /^\d+:\d\d left$/);
    await new Promise((r) => setTimeout(r, 2_500));
    const later = await page.locator("#countdown").innerText();
    const seconds = (t: string) => t.split(" ")[0].split(":").reduce((acc, part) => acc * 60 + Number(part), 0);
    assert.ok(seconds(first) > 590 && seconds(first) <= 600, `countdown started at ${first}`);
    assert.ok(seconds(later) < seconds(first), `countdown ${first} → ${later}`);
    // Under a call, the engine knows a withdrawal would be refused, and says so before signing.
    await prepare("Withdraw", "SOL", "0.1");
    await waitForText(moveForm().locator(".refusal"), /UnderMarginCall/);
    await shot("margin-call-countdown");
  });
});
