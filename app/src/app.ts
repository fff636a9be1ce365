// The page: settings, the signer, the account picker, and the account's panels and forms. It reads through the
// SDK (session.ts), re-reads every few seconds and after every transaction, and re-draws a panel only when its
// figures changed, so an open table or a half-typed amount survives a refresh.
import { PublicKey } from "@solana/web3.js";

import { asProgramError, assetSymbol, MarginAccountState, TightropeError } from "../../sdk/src";
import { fill, h } from "./dom";
import { Session, Snapshot } from "./session";
import { currentSettings, saveSettings, ServerConfig, serverConfig, Settings } from "./settings";
import { refusalText } from "./text";
import { Form, modelForm, moveFundsForm } from "./views/actions";
import { balancesView, breakdownView } from "./views/balances";
import { chartsView } from "./views/chart";
import { summaryView, tickCountdown } from "./views/summary";
import { Signer, walletPicker } from "./wallets";

const REFRESH_MS = 4_000;

/** A stable text of what the panels show, to skip re-drawing identical figures. */
const fingerprint = (s: Snapshot) =>
  JSON.stringify([s.view.quote, s.account.balances, s.account.marginCallAt, s.view.balances.map((b) => [b.balance.price.price, b.rates])], (_, v) =>
    typeof v === "bigint" ? v.toString() : v instanceof PublicKey ? v.toBase58() : v,
  );

class Page {
  session: Session | null = null;
  accounts: MarginAccountState[] = [];
  selected: PublicKey | null = null;
  snap: Snapshot | null = null;
  forms: Form[] = [];
  shown = "";
  quote = "USDC";
  readonly status = h("div", { id: "status", role: "status", "aria-live": "polite" });
  readonly picker = h("section", { class: "panel", "aria-labelledby": "accounts-title" });
  readonly panels = h("div", { class: "panels" });
  readonly formsHost = h("div", { class: "forms" });
  readonly figures = h("div", { class: "figures-host" });

  constructor(readonly main: HTMLElement, readonly settings: Settings) {
    fill(main, this.status, this.picker, h("div", { class: "layout" }, this.figures, this.formsHost), this.panels);
  }

  say(text: string, kind: "info" | "error" | "ok" = "info"): void {
    fill(this.status, h("p", { class: kind }, text));
  }

  async connect(signer: Signer | null): Promise<void> {
    [this.session, this.snap, this.selected, this.shown] = [null, null, null, ""];
    fill(this.formsHost);
    fill(this.figures);
    fill(this.panels);
    if (!signer) return fill(this.picker, h("h2", { id: "accounts-title" }, "Margin account"), h("p", {}, "Connect a wallet to see your margin accounts."));
    if (!this.settings.group) return fill(this.picker, h("h2", { id: "accounts-title" }, "Margin account"), h("p", {}, "Set the group's address in Settings."));
    try {
      const session = new Session(this.settings.rpcUrl, signer.wallet, new PublicKey(this.settings.group));
      await session.load();
      this.session = session;
      const quoteAsset = session.assets.find((a) => a.mint.equals(session.group.quoteMint));
      this.quote = quoteAsset ? assetSymbol(quoteAsset) : "quote";
      await this.loadAccounts();
    } catch (e) {
      this.say(`Cannot read the group ${this.settings.group} at ${this.settings.rpcUrl}: ${(e as Error).message}`, "error");
    }
  }

  /** The picker's words for an account. */
  static accountLabel(a: MarginAccountState): string {
    return `#${a.accountNum} ${a.address.toBase58().slice(0, 8)}… (${a.model === "tims" ? "TIMS" : "rules"}, ${a.balances.length} balances)`;
  }

  async loadAccounts(select?: PublicKey): Promise<void> {
    const session = this.session!;
    this.accounts = await session.accounts();
    const chosen = select ?? this.selected ?? this.accounts[0]?.address ?? null;
    const next = session.nextAccountNumber(this.accounts);
    const picker = h(
      "select",
      { id: "account-select", onchange: (e: Event) => void this.choose(new PublicKey((e.target as HTMLSelectElement).value)) },
      ...this.accounts.map((a) =>
        h("option", { value: a.address.toBase58(), selected: chosen?.equals(a.address) }, Page.accountLabel(a)),
      ),
    );
    fill(
      this.picker,
      h("h2", { id: "accounts-title" }, "Margin account"),
      this.accounts.length ? h("div", { class: "field" }, h("label", { for: "account-select" }, "Account"), picker) : h("p", {}, "You have no margin account in this group yet."),
      h("button", { type: "button", id: "create-account", onclick: () => void this.create(next) }, `Create margin account #${next}`),
    );
    if (chosen) await this.choose(chosen);
  }

  async create(accountNum: number): Promise<void> {
    const session = this.session!;
    await this.submit(`Create margin account #${accountNum}`, () => session.client.createMarginAccount(session.group.address, accountNum), false);
    await this.loadAccounts(session.client.marginAccountAddress(session.group.address, accountNum));
  }

  async choose(address: PublicKey): Promise<void> {
    this.selected = address;
    [this.snap, this.shown] = [null, ""];
    const host = { session: this.session!, snapshot: () => this.snap, quote: this.quote, submit: (label: string, send: () => Promise<string>) => this.submit(label, send) };
    await this.refresh();
    this.forms = [moveFundsForm(host), modelForm(host)];
    fill(this.formsHost, ...this.forms.map((f) => f.element));
  }

  async refresh(): Promise<void> {
    if (!this.session || !this.selected) return;
    const address = this.selected;
    let snap: Snapshot;
    try {
      snap = await this.session.snapshot(address);
    } catch (e) {
      const err = asProgramError(e);
      this.say(`Cannot price the account: ${err instanceof TightropeError ? refusalText(err, this.quote) : (err as Error).message}`, "error");
      return;
    }
    if (!this.selected?.equals(address)) return;
    this.snap = snap;
    const print = fingerprint(snap);
    if (print !== this.shown) {
      this.shown = print;
      const label = `Margin account #${snap.account.accountNum}`;
      const option = this.picker.querySelector<HTMLOptionElement>(`option[value="${address.toBase58()}"]`);
      if (option) option.textContent = Page.accountLabel(snap.account);
      fill(this.figures, summaryView(snap.view, label, this.quote));
      fill(this.panels, balancesView(snap.view, this.quote), breakdownView(snap.view, this.quote), chartsView(snap.view, this.quote));
    }
    tickCountdown(this.figures, snap.view.now, snap.readAt);
    for (const form of this.forms) form.update();
  }

  /** Signs and sends; names a program refusal with its shortfall; re-reads and says whether balances moved. */
  async submit(label: string, send: () => Promise<string>, reread = true): Promise<void> {
    const before = this.snap ? JSON.stringify(this.snap.account.balances, (_, v) => (typeof v === "bigint" ? v.toString() : v)) : null;
    this.say(`${label}: waiting for the signature…`);
    let outcome: { text: string; kind: "ok" | "error" };
    try {
      const signature = await send();
      outcome = { text: `${label}: confirmed (${signature.slice(0, 16)}…).`, kind: "ok" };
    } catch (e) {
      const err = asProgramError(e);
      const byProgram = err instanceof TightropeError && err.logs.length > 0;
      outcome = {
        text: err instanceof TightropeError ? `${label}: refused ${byProgram ? "by the program" : "before sending"}. ${refusalText(err, this.quote)}.` : `${label}: failed. ${(err as Error).message}`,
        kind: "error",
      };
    }
    if (reread) {
      await this.refresh();
      const after = this.snap ? JSON.stringify(this.snap.account.balances, (_, v) => (typeof v === "bigint" ? v.toString() : v)) : null;
      if (outcome.kind === "error") outcome.text += after === before ? " Balances re-read: unchanged." : " Balances re-read: they changed meanwhile.";
    }
    this.say(outcome.text, outcome.kind);
  }
}

function settingsPanel(settings: Settings, config: ServerConfig | null): HTMLElement {
  const rpc = h("input", { id: "setting-rpc", type: "url", value: settings.rpcUrl, required: true, size: 40 });
  const group = h("input", { id: "setting-group", type: "text", value: settings.group, size: 44, spellcheck: "false" });
  const form = h(
    "form",
    {},
    h("div", { class: "field" }, h("label", { for: rpc.id }, "RPC URL"), rpc),
    h("div", { class: "field" }, h("label", { for: group.id }, "Group address"), group),
    h("button", { type: "submit" }, "Save and reload"),
    h("button", { type: "button", onclick: () => (saveSettings(null), location.reload()) }, "Back to the server's defaults"),
    config ? h("p", { class: "hint" }, `This server's defaults: ${config.rpcUrl}${config.group ? `, group ${config.group}` : ""}.`) : null,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveSettings({ rpcUrl: rpc.value.trim(), group: group.value.trim() });
    location.reload();
  });
  return h("details", { class: "settings" }, h("summary", {}, `Settings — ${settings.rpcUrl}`), form);
}

export async function startApp(): Promise<void> {
  const config = await serverConfig();
  const settings = currentSettings(config);
  const main = document.getElementById("main")!;
  document.querySelector("header")!.append(settingsPanel(settings, config));
  const page = new Page(main, settings);
  // The local test keypair belongs to the cluster this server started; it is not offered against any other.
  const localKeypair = config?.localKeypair && config.rpcUrl === settings.rpcUrl ? config.localKeypair : undefined;
  walletPicker(document.getElementById("wallet")!, { localKeypair, rpcUrl: settings.rpcUrl, onChange: (signer) => void page.connect(signer) });
  setInterval(() => document.visibilityState === "visible" && void page.refresh(), REFRESH_MS);
  setInterval(() => page.snap && tickCountdown(page.figures, page.snap.view.now, page.snap.readAt), 1_000);
  const refresh = h("button", { type: "button", id: "refresh", onclick: () => void page.refresh() }, "Refresh");
  document.querySelector("header")!.append(refresh);
}
