// What-if and the largest withdrawal and borrow under initial margin, on the engine alone (no cluster).
import { strict as assert } from "node:assert";

import { risk } from "../../sdk/src";

const { maxBorrow, maxWithdraw, parseAccount, quote, whatIf } = risk;

const account = (model: "rules" | "tims", assets: object[], positions: object[], extra: object = {}) =>
  parseAccount(
    JSON.stringify({
      model,
      tiers: [{ name: "cash", preset: "cash" }, { name: "single" }],
      assets: [{ symbol: "USD", decimals: 6, price: "1", tier: "cash", rules: { preset: "cash" } }, ...assets],
      positions,
      ...extra,
    }),
  );

const initialHealthAfter = (a: risk.Account, actions: risk.Action[]) => whatIf(a.portfolio, a.model, actions).quote.initialHealth;

describe("risk what-if", () => {
  const xyz = { symbol: "XYZ", decimals: 0, price: "100", tier: "single" };

  it("borrows exactly up to Reg T: 100 shares at $100 carry a $5,000.000000 loan, not a minor unit more", () => {
    const a = account("rules", [xyz], [{ type: "spot", asset: "XYZ", deposit: "100" }]);
    const max = maxBorrow(a.portfolio, a.model, 0);
    assert.equal(max, 5_000_000_000n);
    assert.equal(initialHealthAfter(a, [{ kind: "borrow", asset: 0, amount: max }]), 0n);
    assert.equal(initialHealthAfter(a, [{ kind: "borrow", asset: 0, amount: max + 1n }]), -1n);
  });

  it("withdraws to the lamport: the answer passes, one lamport more fails, and a closed form agrees", () => {
    // 50 SOL against 3,000 USD owed; initial marks take min(150, 148) − 2 × 0.1 = 147.8 and charge 50% long.
    const sol = { symbol: "SOL", decimals: 9, price: "150", conf: "0.1", stable_price: "148", tier: "single" };
    const a = account("rules", [sol], [
      { type: "spot", asset: "USD", borrow: "3000" },
      { type: "spot", asset: "SOL", deposit: "50" },
    ], { conf_multiplier: "2" });
    const max = maxWithdraw(a.portfolio, a.model, 1);
    assert.ok(initialHealthAfter(a, [{ kind: "withdraw", asset: 1, amount: max }]) >= 0n);
    assert.ok(initialHealthAfter(a, [{ kind: "withdraw", asset: 1, amount: max + 1n }]) < 0n);
    // Independently: the fewest lamports q kept with floor(v) − ceil(ceil(v) / 2) ≥ 3,000 USD, v = q × 0.1478 minor
    // units (147.8 quote per 10^9 lamports), searched upward from where v / 2 = 3,000 USD.
    const ceilDiv = (n: bigint, d: bigint) => (n + d - 1n) / d;
    let q = (6_000_000_000n * 10_000n) / 1478n - 10n;
    for (;;) {
      const [low, high] = [(q * 1478n) / 10_000n, ceilDiv(q * 1478n, 10_000n)];
      if (low - ceilDiv(high, 2n) >= 3_000_000_000n) break;
      q++;
    }
    assert.equal(max, 50_000_000_000n - q);
  });

  it("finds the TIMS borrow boundary of an options account to the minor unit", () => {
    const sol = { symbol: "SOL", decimals: 9, price: "150", conf: "0.05", tier: "single" };
    const a = account("tims", [sol], [
      { type: "spot", asset: "USD", deposit: "20000" },
      { type: "spot", asset: "SOL", deposit: "10" },
      { type: "option", asset: "SOL", kind: "call", strike: "160", expiry_days: "30", contracts: "-20", multiplier: "1", vol: "0.8" },
      { type: "option", asset: "SOL", kind: "put", strike: "140", expiry_days: "30", contracts: "15", multiplier: "1", vol: "0.7" },
    ]);
    for (const asset of [0, 1]) {
      const max = maxBorrow(a.portfolio, a.model, asset);
      assert.ok(max > 0n);
      assert.ok(initialHealthAfter(a, [{ kind: "borrow", asset, amount: max }]) >= 0n, `asset ${asset} at max`);
      assert.ok(initialHealthAfter(a, [{ kind: "borrow", asset, amount: max + 1n }]) < 0n, `asset ${asset} past max`);
    }
  });

  it("allows nothing once initial health is short, and everything when nothing is owed", () => {
    const short = account("rules", [xyz], [{ type: "spot", asset: "XYZ", deposit: "100" }, { type: "spot", asset: "USD", borrow: "6000" }]);
    assert.equal(maxWithdraw(short.portfolio, short.model, 1), 0n);
    assert.equal(maxBorrow(short.portfolio, short.model, 0), 0n);
    const clean = account("rules", [xyz], [{ type: "spot", asset: "XYZ", deposit: "100" }]);
    assert.equal(maxWithdraw(clean.portfolio, clean.model, 1), 100n);
    assert.equal(maxWithdraw(clean.portfolio, clean.model, 0), 0n, "no USD deposit to withdraw");
  });

  it("applies actions as the program does, and prices move the quote", () => {
    const a = account("rules", [xyz], [{ type: "spot", asset: "XYZ", deposit: "100" }, { type: "spot", asset: "USD", borrow: "1000" }]);
    const repaid = whatIf(a.portfolio, a.model, [{ kind: "repay", asset: 0, amount: 5_000_000_000n }]);
    assert.deepEqual(repaid.portfolio.positions[1], { type: "spot", asset: 0, deposit: 0n, borrow: 0n }, "a repayment beyond the debt repays it");
    assert.throws(() => whatIf(a.portfolio, a.model, [{ kind: "withdraw", asset: 1, amount: 101n }]), RangeError);
    assert.throws(() => whatIf(a.portfolio, a.model, [{ kind: "deposit", asset: 1, amount: 0n }]), RangeError);
    const moved = whatIf(a.portfolio, a.model, [
      { kind: "deposit", asset: 0, amount: 250_000_000n },
      { kind: "price", asset: 1, price: 80n * risk.FX_ONE },
    ]);
    assert.equal(moved.portfolio.positions.length, 2, "the deposit lands in the existing USD balance");
    // 100 × 80 + 250 − 1,000 = 7,250 equity; the price move leaves the stable price, so initial marks use 80.
    assert.equal(moved.quote.equity, 7_250_000_000n);
    assert.equal(moved.quote.maintenanceRequirement, 2_000_000_000n);
    assert.deepEqual(moved.quote, quote(moved.portfolio, a.model));
  });
});
