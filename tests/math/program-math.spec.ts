// The program's share, interest, stable-price and Pyth-conversion arithmetic in bigint, checked against the
// figures the Rust unit tests in programs/tightrope/src/math/ hold the program to.
import assert from "node:assert/strict";

import { math } from "../../sdk/src";

const ONE = 1_000_000_000_000n;
const MILLI = ONE / 1_000n;
const YEAR = math.SECONDS_PER_YEAR;
const U64_MAX = (1n << 64n) - 1n;
const I128_MAX = (1n << 127n) - 1n;
const MAX_PRICE = 1_000_000_000n * ONE;

const milli = (p: bigint[]): math.InterestModel => ({
  optimalUtilization: p[0] * MILLI,
  rateAtZero: p[1] * MILLI,
  rateAtOptimal: p[2] * MILLI,
  rateAtMax: p[3] * MILLI,
  protocolFeeShare: p[4] * MILLI,
});
const MODEL = milli([800n, 20n, 100n, 1_000n, 100n]);
const FLAT_7 = milli([800n, 70n, 70n, 70n, 0n]);

const mathError = (code: string) => (e: unknown) => e instanceof math.MathError && e.code === code;

describe("program math in bigint (sdk/src/math)", function () {
  it("shares round once, against the account", function () {
    const oneAndHalf = 1_500_000_000_000n;
    assert.equal(math.depositSharesFor(10n, oneAndHalf), 6n);
    assert.equal(math.repaySharesFor(10n, oneAndHalf), 6n);
    assert.equal(math.borrowSharesFor(10n, oneAndHalf), 7n);
    assert.equal(math.withdrawSharesFor(10n, oneAndHalf), 7n);
    assert.equal(math.depositNative(7n, oneAndHalf), 10n);
    assert.equal(math.borrowNative(7n, oneAndHalf), 11n);
    assert.equal(math.borrowNative(10n, oneAndHalf), 15n);
    assert.equal(math.depositSharesFor(1n, 3n * ONE), 0n);
    assert.equal(math.borrowSharesFor(1n, 3n * ONE), 1n);
    assert.equal(math.depositSharesFor(U64_MAX, 1n), U64_MAX * ONE);
    assert.throws(() => math.depositSharesFor(1n, 0n), mathError("InvalidInput"));
    assert.throws(() => math.borrowNative(1n, -ONE), mathError("InvalidInput"));
    assert.throws(() => math.depositNative((1n << 128n) - 1n, ONE), mathError("Overflow"));
    assert.throws(() => math.borrowNative(I128_MAX, 2n * ONE), mathError("Overflow"));
  });

  it("utilization rounds up and caps at one", function () {
    assert.equal(math.utilization(0n, 0n), 0n);
    assert.equal(math.utilization(1_000n, 0n), 0n);
    assert.equal(math.utilization(0n, 5n), ONE);
    assert.equal(math.utilization(10n, 20n), ONE);
    assert.equal(math.utilization(20n, 10n), 500n * MILLI);
    assert.equal(math.utilization(3n, 1n), 333_333_333_334n);
    const U128_MAX = (1n << 128n) - 1n;
    assert.equal(math.utilization(U128_MAX, U128_MAX / 3n), 333_333_333_334n);
    assert.equal(math.utilization(U128_MAX, U128_MAX - 1n), ONE);
    assert.equal(math.utilization(2n * 10n ** 38n, 2n * 10n ** 26n + 1n), 2n);
  });

  it("the borrow rate follows both slopes, rounded up", function () {
    const rate = (u: bigint) => math.borrowRate(MODEL, u);
    assert.equal(rate(0n), 20n * MILLI);
    assert.equal(rate(400n * MILLI), 60n * MILLI);
    assert.equal(rate(900n * MILLI), 550n * MILLI);
    assert.equal(rate(ONE), ONE);
    assert.equal(rate(1n), 20n * MILLI + 1n);
    assert.equal(rate(800n * MILLI + 1n), 100n * MILLI + 5n);
    assert.throws(() => rate(ONE + 1n), mathError("InvalidInput"));
    assert.throws(() => math.borrowRate({ ...MODEL, rateAtMax: 10n * ONE + 1n }, 0n), mathError("InvalidInput"));
  });

  it("a year at half utilization: 7%, a tenth to the protocol; one second rounds the index up", function () {
    const year = math.accrue(MODEL, ONE, ONE, 2_000_000n, 1_000_000n, YEAR);
    assert.deepEqual(
      [year.utilization, year.borrowRate, year.borrowIndex, year.interestNative, year.protocolFeeNative, year.depositIndex],
      [500n * MILLI, 70n * MILLI, 1_070n * MILLI, 70_000n, 7_000n, 1_031_500_000_000n],
    );
    const second = math.accrue(MODEL, ONE, ONE, 2_000_000n, 1_000_000n, 1n);
    assert.deepEqual([second.borrowIndex, second.interestNative, second.protocolFeeNative, second.depositIndex], [ONE + 2_220n, 1n, 1n, ONE]);
  });

  it("accruals compound, no depositors means all fee, huge times are exact or named errors", function () {
    const half = math.accrue(FLAT_7, ONE, ONE, 0n, 1_000_000n, YEAR / 2n);
    assert.equal(half.borrowIndex, 1_035n * MILLI);
    assert.equal(math.accrue(FLAT_7, ONE, half.borrowIndex, 0n, 1n, YEAR / 2n).borrowIndex, 1_071_225_000_000n);
    const none = math.accrue(MODEL, 1_234_567_890_123n, 1_500_000_000_007n, 77n, 55n, 0n);
    assert.deepEqual([none.depositIndex, none.borrowIndex, none.interestNative], [1_234_567_890_123n, 1_500_000_000_007n, 0n]);
    const noDepositors = math.accrue(FLAT_7, ONE, ONE, 0n, 1_000_000n, YEAR);
    assert.deepEqual([noDepositors.interestNative, noDepositors.protocolFeeNative, noDepositors.depositIndex], [70_000n, 70_000n, ONE]);
    const noBorrows = math.accrue(MODEL, ONE, ONE, 1_000_000n, 0n, YEAR);
    assert.deepEqual([noBorrows.utilization, noBorrows.borrowIndex, noBorrows.interestNative], [0n, 1_020n * MILLI, 0n]);
    assert.equal(math.accrue(FLAT_7, ONE, ONE, 0n, 1_000_000n, U64_MAX).borrowIndex, ONE + 40_945_969_214_855_042_270_739n);
    assert.throws(() => math.accrue(FLAT_7, ONE, I128_MAX / 2n, 0n, 1n, 100n * YEAR), mathError("Overflow"));
    assert.throws(() => math.accrue(MODEL, ONE, ONE, (1n << 128n) - 1n, 0n, 1n), mathError("Overflow"));
    assert.throws(() => math.accrue(MODEL, 0n, ONE, 1n, 1n, 1n), mathError("InvalidInput"));
  });

  it("the stable price moves by the cap, catches up exactly and saturates", function () {
    const q = (units: bigint) => units * ONE;
    const tenth = 1_000_000_000n;
    assert.equal(math.updateStablePrice(0n, q(150n), 0n, tenth), q(150n));
    assert.equal(math.updateStablePrice(q(100n), q(1_000n), 1n, tenth), 100_100_000_000_000n);
    assert.equal(math.updateStablePrice(q(100n), q(1_000n), 8_999n, tenth), 999_900_000_000_000n);
    assert.equal(math.updateStablePrice(q(100n), q(1_000n), 9_001n, tenth), q(1_000n));
    assert.equal(math.updateStablePrice(q(100n), q(1_000n), U64_MAX, I128_MAX / 2n), q(1_000n));
    assert.equal(math.updateStablePrice(MAX_PRICE, 1n, U64_MAX, ONE << 40n), 1n);
    assert.equal(math.updateStablePrice(q(100n), q(10n), 899n, tenth), 10_100_000_000_000n);
    assert.equal(math.updateStablePrice(ONE + 1n, q(10n), 1n, ONE / 2n), 1_500_000_000_001n);
    assert.equal(math.updateStablePrice(ONE + 1n, ONE / 10n, 1n, ONE / 2n), 500_000_000_001n);
    assert.throws(() => math.updateStablePrice(q(1n), 0n, 1n, 1n), mathError("InvalidInput"));
    assert.throws(() => math.updateStablePrice(MAX_PRICE + 1n, q(1n), 1n, 1n), mathError("InvalidInput"));
    assert.throws(() => math.updateStablePrice(q(1n), q(2n), 1n, -1n), mathError("InvalidInput"));
  });

  it("Pyth prices convert exactly or round the price down and the confidence up", function () {
    assert.deepEqual(math.pythToFx(15_025_000_000n, 3_750_000n, -8), { price: 150_250_000_000_000n, conf: 37_500_000_000n });
    assert.deepEqual(math.pythToFx(1n, 1n, 9), { price: MAX_PRICE, conf: MAX_PRICE });
    assert.deepEqual(math.pythToFx(1_500_000_000_000_000_001n, 1n, -18), { price: 1_500_000_000_000n, conf: 1n });
    assert.deepEqual(math.pythToFx(1_999_999n, 1_000_001n, -18), { price: 1n, conf: 2n });
    for (const [p, c, e] of [[999_999n, 0n, -18], [0n, 1n, -8], [1n, 1n, 13], [2n, 0n, 9], [9_223_372_036_854_775_807n, 0n, -8]] as const) {
      assert.throws(() => math.pythToFx(p, c, e), mathError("InvalidInput"), `${p} ${c} ${e}`);
    }
    assert.throws(() => math.pythToFx(1n, U64_MAX, 9), mathError("Overflow"));
    assert.ok(math.confWithin(100n * ONE, ONE, ONE / 100n));
    assert.ok(!math.confWithin(100n * ONE, ONE + 1n, ONE / 100n));
    assert.ok(!math.confWithin(3n, 1n, 333_333_333_333n));
    assert.ok(math.confWithin(3n, 1n, 333_333_333_334n));
  });
});
