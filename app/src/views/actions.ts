// The forms that move funds and switch the margin model. As the trader types, each shows the most the program
// allows and the account after the action (the SDK's what-if on the last snapshot); an action the engine knows the
// program would refuse is explained, by the program's error name and shortfall, before anything is signed. Sending
// it anyway is a deliberate second step, so a trader can see the program's own refusal.
import {
  AccountAction,
  AssetState,
  assetSymbol,
  BalanceKind,
  formatUnits,
  maxBorrowAmount,
  maxWithdrawAmount,
  modelSwitchWhatIf,
  risk,
  TightropeError,
  whatIfView,
} from "../../../sdk/src";
import type { Model } from "../../../sdk/src/risk/model";
import { fill, h, uid } from "../dom";
import type { Session, Snapshot } from "../session";
import { amountText, moneyText, percentText, refusalText } from "../text";
import { MODEL_NAME } from "./summary";

export interface ActionHost {
  session: Session;
  snapshot(): Snapshot | null;
  quote: string;
  /** Signs and sends `send`, reports the outcome and re-reads the account. */
  submit(label: string, send: () => Promise<string>): Promise<void>;
}

export interface Form {
  element: HTMLElement;
  /** Recomputes the maximum and the preview (after a new snapshot). */
  update(): void;
}

const VERB: Record<BalanceKind, string> = { deposit: "Deposit", withdraw: "Withdraw", borrow: "Borrow", repay: "Repay" };
const U64_MAX = (1n << 64n) - 1n;

/** A control's label and the control, tied by id. */
function labelled(text: string, control: HTMLElement): HTMLElement {
  control.id ||= uid("control");
  return h("div", { class: "field" }, h("label", { for: control.id }, text), control);
}

function radios<T extends string>(legend: string, name: string, options: [T, string][], checked: T, onChange: () => void): HTMLFieldSetElement {
  return h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, legend),
    ...options.map(([value, text]) => {
      const input = h("input", { type: "radio", name, value, checked: value === checked, onchange: onChange });
      return h("label", {}, input, ` ${text}`);
    }),
  );
}

const chosen = <T extends string>(fieldset: HTMLFieldSetElement): T => (fieldset.querySelector<HTMLInputElement>("input:checked")!.value as T);

/** What the form would do, or why it cannot. */
type Verdict = { ok: true; after: string } | { ok: false; why: string; program: boolean };

/** The "after" line: health before → after and the health bar's headroom. */
function afterText(before: Snapshot["view"], after: Snapshot["view"], quote: string): string {
  const [b, a] = [before.quote, after.quote];
  return (
    `Initial health ${moneyText(b.initialHealth, quote)} → ${moneyText(a.initialHealth, quote)}; ` +
    `maintenance health ${moneyText(b.maintenanceHealth, quote)} → ${moneyText(a.maintenanceHealth, quote)}; ` +
    `health bar ${percentText(before.maintenanceHeadroom)} → ${percentText(after.maintenanceHeadroom)}`
  );
}

/** The shared tail of both forms: the preview, the refusal, the send-anyway opt-in and the submit button. */
function outcome(name: string) {
  const preview = h("p", { class: "preview", id: uid(`${name}-preview`), "aria-live": "polite" });
  const refusal = h("p", { class: "refusal", id: uid(`${name}-refusal`), role: "alert", hidden: true });
  const force = h("input", { type: "checkbox", id: uid(`${name}-force`) });
  const forceRow = h("div", { class: "force", hidden: true }, force, h("label", { for: force.id }, " Send it anyway, to see the program refuse it"));
  const button = h("button", { type: "submit", "aria-describedby": `${preview.id} ${refusal.id}` });
  const show = (verdict: Verdict | null, label: string) => {
    button.textContent = label;
    preview.textContent = verdict?.ok ? `After: ${verdict.after}` : "";
    refusal.hidden = !verdict || verdict.ok;
    refusal.textContent = verdict && !verdict.ok ? (verdict.program ? `The program would refuse this. ${verdict.why}` : verdict.why) : "";
    forceRow.hidden = !verdict || verdict.ok || !verdict.program;
    if (forceRow.hidden) force.checked = false;
    button.disabled = !verdict || (!verdict.ok && !(verdict.program && force.checked));
  };
  return { preview, refusal, force, forceRow, button, show };
}

/** The engine's verdict on a refused step, as text. */
function refused(e: unknown, quote: string): Verdict {
  if (e instanceof TightropeError) return { ok: false, why: refusalText(e, quote), program: true };
  throw e;
}

export function moveFundsForm(host: ActionHost): Form {
  const assets = host.session.assets;
  const kind = radios<BalanceKind>("Action", uid("kind"), (Object.keys(VERB) as BalanceKind[]).map((k) => [k, VERB[k]]), "deposit", () => update(true));
  const asset = h("select", { onchange: () => update(true) }, ...assets.map((a, i) => h("option", { value: String(i) }, assetSymbol(a))));
  const amount = h("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", oninput: () => update(false) });
  const maxLine = h("p", { class: "max", id: uid("max"), "aria-live": "polite" });
  amount.setAttribute("aria-describedby", maxLine.id);
  const useMax = h("button", { type: "button", onclick: () => ((amount.value = maxText), update(false)) }, "Use the maximum");
  const tail = outcome("move");
  tail.force.addEventListener("change", () => update(false));
  let [max, maxText, maxFor] = [0n, "", ""];

  const selected = (): AssetState => assets[Number(asset.value)];
  function computeMax(s: Snapshot, k: BalanceKind, a: AssetState): [bigint, string] {
    const held = s.view.balances.find((b) => b.balance.asset.address.equals(a.address));
    const wallet = s.wallet.get(a.address.toBase58()) ?? 0n;
    const symbol = assetSymbol(a);
    const amountOf = (n: bigint) => amountText(n, a.decimals, symbol);
    try {
      switch (k) {
        case "deposit":
          return [wallet, `your wallet holds ${amountOf(wallet)}`];
        case "withdraw": {
          const m = maxWithdrawAmount(s.base, a.address);
          return [m, `the most initial margin allows, of a deposit of ${amountOf(held?.deposit ?? 0n)}`];
        }
        case "borrow": {
          const m = maxBorrowAmount(s.base, a.address, s.market);
          return [m, "the most initial margin, the asset's cap and its liquidity allow"];
        }
        case "repay": {
          const debt = held?.borrow ?? 0n;
          return [debt < wallet ? debt : wallet, `a debt of ${amountOf(debt)}; your wallet holds ${amountOf(wallet)}`];
        }
      }
    } catch (e) {
      // The account cannot be priced with this asset (a stale oracle, say): nothing may move out.
      if (e instanceof TightropeError) return [0n, `the asset cannot be priced now: ${e.code}`];
      throw e;
    }
  }

  function verdict(s: Snapshot, k: BalanceKind, a: AssetState): Verdict | null {
    const text = amount.value.trim();
    if (text === "") return null;
    let native: bigint;
    try {
      native = risk.parseDecimal(text, a.decimals);
    } catch {
      return { ok: false, why: `Enter an amount of ${assetSymbol(a)} with at most ${a.decimals} decimal places.`, program: false };
    }
    if (native <= 0n || native > U64_MAX) return { ok: false, why: "Enter an amount greater than zero.", program: false };
    const wallet = s.wallet.get(a.address.toBase58()) ?? 0n;
    if ((k === "deposit" || (k === "repay" && native <= max)) && native > wallet) {
      return { ok: false, why: `Your wallet holds only ${amountText(wallet, a.decimals, assetSymbol(a))}.`, program: false };
    }
    try {
      const action: AccountAction = { kind: k, asset: a.address, amount: native };
      const after = whatIfView(s.base, [action], { market: s.market });
      return { ok: true, after: afterText(s.view, after, host.quote) };
    } catch (e) {
      return refused(e, host.quote);
    }
  }

  function update(recomputeMax: boolean): void {
    const s = host.snapshot();
    const [k, a] = [chosen<BalanceKind>(kind), selected()];
    amount.previousElementSibling!.textContent = `Amount (${assetSymbol(a)})`;
    if (!s) return tail.show(null, `${VERB[k]}`);
    const key = `${k} ${a.address.toBase58()} ${s.readAt}`;
    if (recomputeMax || key !== maxFor) {
      const [m, why] = computeMax(s, k, a);
      [max, maxText, maxFor] = [m, formatUnits(m, a.decimals), key];
      fill(maxLine, `Maximum: ${amountText(m, a.decimals, assetSymbol(a))} (${why})`);
    }
    tail.show(verdict(s, k, a), `Sign and ${VERB[k].toLowerCase()}`);
  }

  const form = h(
    "form",
    { "aria-labelledby": "move-title", class: "panel" },
    h("h2", { id: "move-title" }, "Move funds"),
    kind,
    labelled("Asset", asset),
    h("div", { class: "amount-row" }, labelled("Amount", amount), useMax),
    maxLine,
    tail.preview,
    tail.refusal,
    tail.forceRow,
    tail.button,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const s = host.snapshot();
    const [k, a] = [chosen<BalanceKind>(kind), selected()];
    if (!s || tail.button.disabled) return;
    const native = risk.parseDecimal(amount.value.trim(), a.decimals);
    const label = `${VERB[k]} ${amountText(native, a.decimals, assetSymbol(a))}`;
    const client = host.session.client;
    void host
      .submit(label, () => (k === "deposit" || k === "repay" ? client.moveIn(k, s.account.address, a, native) : client.moveOut(k, s.account.address, a, native)))
      .then(() => {
        amount.value = "";
        update(true);
      });
  });
  update(true);
  return { element: form, update: () => update(false) };
}

export function modelForm(host: ActionHost): Form {
  const current = () => host.snapshot()?.view.model ?? "rules";
  const choice = radios<Model>("Margin model", uid("model"), [["rules", MODEL_NAME.rules], ["tims", MODEL_NAME.tims]], current(), () => update());
  const tail = outcome("model");
  tail.force.addEventListener("change", () => update());
  let shownModel: Model | null = null;

  function update(): void {
    const s = host.snapshot();
    if (!s) return tail.show(null, "Switch");
    // A new snapshot under another model (after a switch) moves the selection to the account's model.
    if (shownModel !== s.view.model) {
      choice.querySelector<HTMLInputElement>(`input[value="${s.view.model}"]`)!.checked = true;
      shownModel = s.view.model;
    }
    const model = chosen<Model>(choice);
    if (model === s.view.model) {
      tail.show(null, "Switch");
      tail.preview.textContent = `The account is under ${MODEL_NAME[model]}.`;
      return;
    }
    let verdict: Verdict;
    try {
      const after = modelSwitchWhatIf(s.base, model);
      const [b, a] = [s.view.quote, after.quote];
      verdict = {
        ok: true,
        after:
          `initial requirement ${moneyText(b.initialRequirement, host.quote)} → ${moneyText(a.initialRequirement, host.quote)}; ` +
          `maintenance requirement ${moneyText(b.maintenanceRequirement, host.quote)} → ${moneyText(a.maintenanceRequirement, host.quote)}; ` +
          `initial health → ${moneyText(a.initialHealth, host.quote)}`,
      };
    } catch (e) {
      verdict = refused(e, host.quote);
    }
    tail.show(verdict, `Sign and switch to ${model === "tims" ? "TIMS" : "rules"}`);
  }

  const form = h("form", { "aria-labelledby": "model-title", class: "panel" }, h("h2", { id: "model-title" }, "Margin model"), choice, tail.preview, tail.refusal, tail.forceRow, tail.button);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const s = host.snapshot();
    if (!s || tail.button.disabled) return;
    const model = chosen<Model>(choice);
    void host.submit(`Switch to ${MODEL_NAME[model]}`, () => host.session.client.setMarginModel(s.account.address, model)).then(update);
  });
  update();
  return { element: form, update };
}
