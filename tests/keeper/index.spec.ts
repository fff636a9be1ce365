// The keeper's index against a full sweep on random ticks (property test): after every tick, the accounts the index
// says are below maintenance are exactly those an exact evaluation of every account finds, under both margin
// models, for moves of any size in any asset (USDC included), with confidence widening past what the edges assume.
import assert from "node:assert/strict";

import { deployMarket, moved, population, random } from "../../keeper/bench/population";
import { HealthIndex } from "../../keeper/src/index/healthIndex";

describe("keeper index: agrees with a full sweep on random ticks", function () {
  this.timeout(120_000);

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 3,000 accounts, 150 ticks, no disagreement, and far fewer evaluations than a sweep`, function () {
      const market = deployMarket();
      const index = new HealthIndex(market);
      for (const account of population(3_000, seed)) index.upsert(account);
      const rand = random(seed * 7919);
      let evaluated = 0;
      let unhealthySeen = 0;
      for (let tick = 0; tick < 150; tick++) {
        const asset = Math.floor(rand() * market.assets.length);
        // Mostly small moves, some crash-sized ones, drifting down so accounts do cross into liquidation.
        const size = rand() < 0.1 ? 0.08 : 0.01;
        const { price, conf } = moved(market, asset, (rand() - 0.55) * size);
        // One tick in twenty carries a confidence wider than the edges assume (up to 1.5% of the price).
        const wide = rand() < 0.05 ? (price * BigInt(1 + Math.floor(rand() * 150))) / 10_000n : conf;
        evaluated += index.tick(asset, price, wide).evaluated;
        const sweep = index.sweep();
        assert.deepEqual(sweep.disagreements, [], `tick ${tick}: the index disagrees with the sweep`);
        assert.equal(index.unhealthy().length, sweep.unhealthy);
        unhealthySeen = Math.max(unhealthySeen, sweep.unhealthy);
      }
      assert.ok(unhealthySeen > 0, "the ticks never made an account unhealthy: the property was not exercised");
      assert.ok(evaluated < 150 * 3_000 * 0.25, `the index evaluated ${evaluated} accounts, not much less than sweeping`);
    });
  }

  it("an account replaced or removed leaves no stale edge behind", function () {
    const market = deployMarket();
    const index = new HealthIndex(market);
    const accounts = population(500, 11);
    accounts.forEach((a) => index.upsert(a));
    // Every other account emptied, then a third removed: the sweep must still agree, and removed ones are gone.
    accounts.forEach((a, i) => i % 2 === 0 && index.upsert({ ...a, positions: a.positions.map((p) => ({ ...p, deposit: 0n, borrow: 0n })) }));
    accounts.forEach((a, i) => i % 3 === 0 && index.remove(a.key));
    const rand = random(5);
    for (let tick = 0; tick < 40; tick++) {
      const asset = 1 + Math.floor(rand() * 3);
      const { price, conf } = moved(market, asset, (rand() - 0.6) * 0.05);
      index.tick(asset, price, conf);
      assert.deepEqual(index.sweep().disagreements, []);
    }
    assert.equal(index.size, accounts.length - Math.ceil(accounts.length / 3));
    assert.ok(index.unhealthy().every((u) => !accounts.some((a, i) => i % 3 === 0 && a.key === u.key)));
  });
});
