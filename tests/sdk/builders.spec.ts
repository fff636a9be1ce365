// Every instruction builder of TightropeClient through the shared local cluster, sent with its simulate-then-send
// path; refusals come back as decoded TightropeErrors (with the shortfall for initial margin) and change nothing.
import assert from "node:assert/strict";

import { BN } from "@coral-xyz/anchor";
import { getAssociatedTokenAddressSync, getOrCreateAssociatedTokenAccount } from "@solana/spl-token";
import { Keypair, PublicKey } from "@solana/web3.js";

import { ConfirmationTimeoutError, confirmSignature, fx, liquidationPlan, liquidationStatus, TightropeClient, TightropeError, U64_MAX } from "../../sdk/src";
import { clusterInfo, connection, payer } from "../helpers/cluster";
import { assetConfig, createMarket, createTrader, Market, publish } from "../helpers/market";
import { openGuards } from "../helpers/program";
import { snapshot } from "../helpers/refusal";
import { tokenBalance } from "../helpers/tokens";

const slotsLater = async (n: number) => {
  const start = await connection().getSlot("confirmed");
  while ((await connection().getSlot("confirmed")) < start + n) await new Promise((r) => setTimeout(r, 100));
};

/** The refusal `name` (a TightropeError), with nothing changed in `watched`. */
async function refused(watched: PublicKey[], call: () => Promise<unknown>, name: string): Promise<TightropeError> {
  const before = await snapshot(watched);
  const error = await call().then(() => assert.fail(`expected ${name}`), (e: unknown) => e);
  assert.ok(error instanceof TightropeError, `expected TightropeError ${name}, got ${String(error)}`);
  assert.equal(error.code, name);
  assert.deepEqual(await snapshot(watched), before, `${name} changed account state`);
  return error;
}

describe("TightropeClient builders through the local cluster", function () {
  let market: Market;
  let admin: TightropeClient;
  let a: { group: PublicKey; admin: PublicKey };

  before(async function () {
    market = await createMarket({ connection: connection(), rpcUrl: clusterInfo().rpcUrl }, payer(), [
      { symbol: "USDC", decimals: 6, price: 100_000_000n },
      { symbol: "SOL", decimals: 9, price: 10_000_000_000n },
    ]);
    admin = market.admin;
    a = { group: market.group, admin: payer().publicKey };
  });

  // Oracles older than 60 s are refused; a loaded machine can take that long across the file.
  beforeEach(async function () {
    if (market) for (const [symbol, price] of [["USDC", 100_000_000n], ["SOL", 10_000_000_000n]] as const) await publish(market, symbol, price);
  });

  it("init_group and add_asset: the group and its assets decode", async function () {
    const group = await admin.fetchGroup(market.group);
    assert.ok(group.admin.equals(payer().publicKey));
    assert.equal(group.assetCount, 2);
    assert.equal(group.tiers.length, 3);
    const assets = await admin.fetchAssets(market.group);
    assert.deepEqual(assets.map((x) => x.decimals), [6, 9]);
    assert.equal(assets[1].depositIndex, 1_000_000_000_000n);
  });

  it("set_pause stops deposits with OperationPaused, then resumes them", async function () {
    const trader = await createTrader(market, payer(), { USDC: 1_000_000n });
    await admin.send([await admin.instructions.setPause({ ...a, flags: 1 })]);
    await refused([trader.marginAccount, market.assets.USDC.vault], () => trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 1n), "OperationPaused");
    await admin.send([await admin.instructions.setPause({ ...a, flags: 0 })]);
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 1_000_000n);
    assert.equal(await tokenBalance(market.assets.USDC.vault), 1_000_000n);
  });

  it("set_guards, update_asset, set_tiers queue behind a delay; the apply_* builders apply them", async function () {
    await admin.send([await admin.instructions.setGuards({ ...a, guards: { ...openGuards(), delaySlots: new BN(2) } })]);
    const sol = market.assets.SOL;
    const lower = assetConfig(2);
    lower.rules.initialLong = fx(2, 5);
    await admin.send([await admin.instructions.updateAsset({ ...a, asset: sol.address, oracle: sol.oracle, feedId: sol.feedId, config: lower })]);
    assert.equal((await admin.fetchAsset(sol.address)).rules.initialLong, 500_000_000_000n, "a lower rate must wait");
    const group = (await admin.fetchGroup(market.group)).raw;
    const tiers = group.tiers.slice(0, group.tierCount).map((t, i) => (i === 2 ? { ...t, bandUp: t.bandUp.sub(fx(1, 100)) } : t));
    await admin.send([await admin.instructions.setTiers({ ...a, tiers, productGroupOffsets: group.productGroupOffsets })]);
    await admin.send([await admin.instructions.setGuards({ ...a, guards: openGuards() })]);
    await slotsLater(3);
    await admin.send([await admin.instructions.applyAssetChange({ ...a, asset: sol.address, oracle: sol.oracle })]);
    await admin.send([await admin.instructions.applyTierChange(a)]);
    await admin.send([await admin.instructions.applyGuardChange(a)]);
    assert.equal((await admin.fetchAsset(sol.address)).rules.initialLong, 400_000_000_000n);
    const after = await admin.fetchGroup(market.group);
    assert.equal(after.tiers[2].bandUp, 140_000_000_000n);
    assert.equal(after.raw.guards.delaySlots.toString(), "0");
    await refused([market.group], async () => admin.send([await admin.instructions.applyGuardChange(a)]), "NothingQueued");
  });

  it("create_margin_account, deposit, borrow, repay, withdraw, accrue_interest, observe_price and health", async function () {
    const lender = await createTrader(market, payer(), { SOL: 100n * 10n ** 9n });
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 100n * 10n ** 9n);
    const trader = await createTrader(market, payer(), { USDC: 1_000n * 10n ** 6n });
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 1_000n * 10n ** 6n);
    await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, 10n ** 9n);
    await trader.client.moveIn("repay", trader.marginAccount, market.assets.SOL, 10n ** 9n / 2n);
    await trader.client.moveOut("withdraw", trader.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
    const account = await trader.client.fetchMarginAccount(trader.marginAccount);
    assert.equal(account.balances.length, 2);
    assert.ok(account.balances[1].borrowShares > 0n);
    const sol = market.assets.SOL;
    await admin.send([await admin.instructions.accrueInterest({ asset: sol.address })]);
    await admin.send([await admin.instructions.observePrice({ asset: sol.address, oracle: sol.oracle })]);
    assert.ok((await admin.fetchAsset(sol.address)).lastAccruedAt > sol.lastAccruedAt);
    const health = await trader.client.programHealth(trader.marginAccount);
    const sent = await trader.client.send([await trader.client.instructions.health({ health: await trader.client.healthSource(account) })]);
    assert.equal(typeof sent, "string");
    assert.ok(health.initialHealth > 0n && health.equity < 900n * 10n ** 6n);
  });

  it("a borrow beyond initial margin: InitialMarginShortfall with the shortfall the SDK's what-if predicts", async function () {
    const trader = await createTrader(market, payer(), { USDC: 100n * 10n ** 6n });
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
    const amount = 3n * 10n ** 9n;
    const predicted = await trader.client
      .whatIf(trader.marginAccount, [{ kind: "borrow", asset: market.assets.SOL.address, amount }])
      .then(() => assert.fail("the what-if let it through"), (e: unknown) => e as TightropeError);
    assert.equal(predicted.code, "InitialMarginShortfall");
    // The SDK refuses before sending; sending anyway shows the program's own refusal, decoded from its logs.
    const account = await trader.client.fetchMarginAccount(trader.marginAccount);
    const ix = await trader.client.instructions.borrow({
      health: await trader.client.healthSource(account),
      authority: trader.owner.publicKey,
      asset: market.assets.SOL,
      destination: (await admin.connection.getTokenAccountsByOwner(trader.owner.publicKey, { mint: market.mints.USDC })).value[0].pubkey,
      amount,
    });
    const error = await refused([trader.marginAccount, market.assets.SOL.address], () => trader.client.send([ix]), "MintMismatch");
    assert.equal(error.number, 6009);
    const max = await trader.client.maxBorrow(trader.marginAccount, market.assets.SOL.address);
    await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, max);
    const onChain = await refused([trader.marginAccount], () => trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, amount), "InitialMarginShortfall");
    const afterMax = await trader.client
      .whatIf(trader.marginAccount, [{ kind: "borrow", asset: market.assets.SOL.address, amount }])
      .catch((e: TightropeError) => e);
    assert.ok(onChain.shortfall! > 0n && onChain.shortfall === (afterMax as TightropeError).shortfall, `${onChain.shortfall} vs ${(afterMax as TightropeError).shortfall}`);
    assert.match(onChain.message, /InitialMarginShortfall: .* \(shortfall \d+ quote minor units\)/);
  });

  it("set_margin_model, set_delegate and close_margin_account", async function () {
    const trader = await createTrader(market, payer(), { USDC: 10n });
    await trader.client.setMarginModel(trader.marginAccount, "tims");
    assert.equal((await trader.client.fetchMarginAccount(trader.marginAccount)).model, "tims");
    const delegate = Keypair.generate().publicKey;
    await trader.client.send([await trader.client.instructions.setDelegate({ marginAccount: trader.marginAccount, owner: trader.owner.publicKey, delegate })]);
    assert.ok((await trader.client.fetchMarginAccount(trader.marginAccount)).delegate.equals(delegate));
    await trader.client.send([await trader.client.instructions.closeMarginAccount({ group: market.group, marginAccount: trader.marginAccount, owner: trader.owner.publicKey })]);
    assert.equal(await connection().getAccountInfo(trader.marginAccount), null);
  });

  it("set_margin_call, flag_margin_call and clear_margin_call: a call gates withdrawals until it is cured", async function () {
    await admin.send([await admin.instructions.setMarginCall({ ...a, config: { graceSeconds: new BN(600), hardThreshold: fx(1), cureBuffer: new BN(0), liquidationTarget: new BN(0), insuranceShare: new BN(0), dust: new BN(0) } })]);
    assert.equal((await admin.fetchGroup(market.group)).marginCall.graceSeconds, 600n);
    await refused([market.group], async () => admin.send([await admin.instructions.applyMarginCallChange(a)]), "NothingQueued");
    const lender = await createTrader(market, payer(), { SOL: 10n * 10n ** 9n });
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 10n * 10n ** 9n);
    const trader = await createTrader(market, payer(), { USDC: 200n * 10n ** 6n });
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
    await trader.client.moveOut("borrow", trader.marginAccount, market.assets.SOL, 10n ** 9n / 2n);
    const source = async () => admin.healthSource(await admin.fetchMarginAccount(trader.marginAccount));
    // Healthy: nothing to call. SOL at 170: 0.5 SOL owed is worth 85 of the 100 deposited, against 25.5 maintenance.
    await refused([trader.marginAccount], async () => admin.send([await admin.instructions.flagMarginCall({ health: await source() })]), "NotBelowMaintenance");
    await publish(market, "SOL", 17_000_000_000n);
    await admin.send([await admin.instructions.flagMarginCall({ health: await source() })]);
    assert.ok((await admin.fetchMarginAccount(trader.marginAccount)).marginCallAt! > 0n);
    await refused([trader.marginAccount], () => trader.client.moveOut("withdraw", trader.marginAccount, market.assets.USDC, 1n), "UnderMarginCall");
    await refused([trader.marginAccount], async () => admin.send([await admin.instructions.clearMarginCall({ health: await source() })]), "MarginCallNotCured");
    await trader.client.moveIn("deposit", trader.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
    await admin.send([await admin.instructions.clearMarginCall({ health: await source() })]);
    assert.equal((await admin.fetchMarginAccount(trader.marginAccount)).marginCallAt, null);
    await trader.client.moveOut("withdraw", trader.marginAccount, market.assets.USDC, 1n);
  });

  it("liquidate and resolve_bad_debt: the program moves the SDK mirror's figures; a solvent account has no bad debt to resolve", async function () {
    // No window, lift to 10% of the requirement, half the discount to the fund.
    const terms = { graceSeconds: new BN(0), hardThreshold: new BN(0), cureBuffer: new BN(0), liquidationTarget: fx(1, 10), insuranceShare: fx(1, 2), dust: new BN(0) };
    await admin.send([await admin.instructions.setMarginCall({ ...a, config: terms })]);
    const lender = await createTrader(market, payer(), { SOL: 10n * 10n ** 9n });
    await lender.client.moveIn("deposit", lender.marginAccount, market.assets.SOL, 10n * 10n ** 9n);
    const victim = await createTrader(market, payer(), { USDC: 100n * 10n ** 6n });
    await victim.client.moveIn("deposit", victim.marginAccount, market.assets.USDC, 100n * 10n ** 6n);
    await victim.client.moveOut("borrow", victim.marginAccount, market.assets.SOL, 10n ** 9n / 2n);
    const liquidator = await createTrader(market, payer(), { USDC: 1_000n * 10n ** 6n });
    await liquidator.client.moveIn("deposit", liquidator.marginAccount, market.assets.USDC, 1_000n * 10n ** 6n);
    const [usdc, sol] = [market.assets.USDC, market.assets.SOL];
    const liquidate = () => liquidator.client.liquidate({ liquidator: liquidator.marginAccount, liquidatee: victim.marginAccount, liability: sol, collateral: usdc, maxRepay: U64_MAX });
    const watched = [victim.marginAccount, liquidator.marginAccount, usdc.address, sol.address];
    await refused(watched, liquidate, "NotBelowMaintenance");
    // SOL at 170: 0.5 SOL owed is worth 85 of the 100 deposited, against 25.5 maintenance.
    await publish(market, "SOL", 17_000_000_000n);
    const base = await admin.portfolio(victim.marginAccount);
    assert.deepEqual(liquidationStatus(base).liquidatable, true);
    const plan = liquidationPlan(base, sol.address, usdc.address, U64_MAX);
    const debtBefore = (await admin.portfolio(victim.marginAccount)).portfolio.positions;
    const insuranceBefore = (await admin.fetchAsset(usdc.address)).insurance;
    await liquidate();
    const after = await admin.portfolio(victim.marginAccount);
    const owed = (p: typeof debtBefore) => (p.find((q) => q.type === "spot" && q.borrow > 0n) as { borrow: bigint }).borrow;
    // The debt falls by the planned repay (to the unit the share rounding allows); the fund gets the planned fee.
    assert.ok(owed(debtBefore) - owed(after.portfolio.positions) - plan.repay <= 1n, `${owed(debtBefore)} ${owed(after.portfolio.positions)} ${plan.repay}`);
    assert.equal((await admin.fetchAsset(usdc.address)).insurance - insuranceBefore, plan.fee);
    assert.ok(plan.fee > 0n && plan.repay > 0n);
    assert.equal(liquidationStatus(after).liquidatable, false);
    // Solvent accounts hold collateral: resolve_bad_debt refuses them by name.
    await refused([victim.marginAccount, sol.address], async () => admin.send([await admin.instructions.resolveBadDebt({ account: await admin.fetchMarginAccount(victim.marginAccount) })]), "CollateralRemains");
    await refused([lender.marginAccount], async () => admin.send([await admin.instructions.resolveBadDebt({ account: await admin.fetchMarginAccount(lender.marginAccount) })]), "CollateralRemains");
  });

  it("fund_insurance, request_insurance_withdrawal and withdraw_insurance: anyone adds, the admin takes after the delay", async function () {
    const usdc = market.assets.USDC;
    const funder = await createTrader(market, payer(), { USDC: 50n * 10n ** 6n }, { openAccount: false });
    const source = getAssociatedTokenAddressSync(market.mints.USDC, funder.owner.publicKey);
    const before = (await admin.fetchAsset(usdc.address)).insurance;
    await funder.client.send([await funder.client.instructions.fundInsurance({ group: market.group, asset: usdc, funder: funder.owner.publicKey, source, amount: 50n * 10n ** 6n })]);
    assert.equal((await admin.fetchAsset(usdc.address)).insurance, before + 50n * 10n ** 6n);
    const request = (amount: bigint) => admin.instructions.requestInsuranceWithdrawal({ ...a, asset: usdc.address, amount });
    await refused([usdc.address], async () => admin.send([await request(before + 50n * 10n ** 6n + 1n)]), "InsufficientInsurance");
    await admin.send([await request(20n * 10n ** 6n)]);
    assert.equal((await admin.fetchAsset(usdc.address)).pendingInsuranceWithdrawal?.amount, 20n * 10n ** 6n);
    // The group's delay is zero here, so the request is due at once.
    const destination = (await getOrCreateAssociatedTokenAccount(connection(), payer(), market.mints.USDC, payer().publicKey)).address;
    const paidBefore = await tokenBalance(destination);
    await admin.send([await admin.instructions.withdrawInsurance({ ...a, asset: usdc, destination })]);
    const after = await admin.fetchAsset(usdc.address);
    assert.equal(after.insurance, before + 30n * 10n ** 6n);
    assert.equal(after.pendingInsuranceWithdrawal, null);
    assert.equal((await tokenBalance(destination)) - paidBefore, 20n * 10n ** 6n);
  });

  it("an account with 16 balances: health goes through a lookup table, created once and reused", async function () {
    this.timeout(120_000);
    const symbols = Array.from({ length: 15 }, (_, i) => `X${i}`);
    const wide = await createMarket({ connection: connection(), rpcUrl: clusterInfo().rpcUrl }, payer(), [
      { symbol: "USDC", decimals: 6, price: 100_000_000n },
      ...symbols.map((symbol) => ({ symbol, decimals: 6, price: 100_000_000n })),
    ]);
    const trader = await createTrader(wide, payer(), Object.fromEntries(["USDC", ...symbols].map((s) => [s, 10n])));
    for (const s of ["USDC", ...symbols]) await trader.client.moveIn("deposit", trader.marginAccount, wide.assets[s], 10n);
    const account = await trader.client.fetchMarginAccount(trader.marginAccount);
    assert.equal(account.balances.length, 16);
    const ix = await trader.client.instructions.health({ health: await trader.client.healthSource(account) });
    assert.equal(ix.keys.length, 34);
    const table = await trader.client.sender.ensureLookupTable(ix.keys.map((k) => k.pubkey).concat(ix.programId));
    const again = await trader.client.sender.ensureLookupTable(ix.keys.map((k) => k.pubkey), table.key);
    assert.ok(again.key.equals(table.key));
    assert.equal(again.state.addresses.length, table.state.addresses.length);
    const signature = await trader.client.send([ix], { lookupTable: table.key, computeUnits: 400_000, priorityMicroLamports: 1 });
    const tx = await connection().getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    assert.equal(tx!.transaction.message.version, 0);
    assert.equal(tx!.transaction.message.addressTableLookups.length, 1);
  });

  it("a signature that never lands: ConfirmationTimeoutError names it and the time waited", async function () {
    const unknown = "1".repeat(64);
    const error = await confirmSignature(connection(), unknown, 300).then(() => assert.fail("confirmed"), (e: unknown) => e);
    assert.ok(error instanceof ConfirmationTimeoutError);
    assert.match(error.message, /not confirmed within 300 ms/);
  });
});
