// A typed builder for every instruction of the program, one method each, all over Anchor's generated methods.
// The instructions that price an account (withdraw, borrow, health, set_margin_model, flag_margin_call,
// clear_margin_call, liquidate) append its health accounts in the canonical order through `healthAccountMetas`, the
// one place that order is written down.
import { BN, Program } from "@coral-xyz/anchor";
import { AccountMeta, PublicKey } from "@solana/web3.js";

import type { AssetConfig, GuardConfig, MarginCallConfig, TierConfig } from "./accounts";
import type { Tightrope } from "./idl/tightrope";
import type { MarginAccountState } from "./state";

/**
 * What the canonical order needs: the account's balances (slot order) and the oracle of each balance's asset,
 * by the asset's base58 address.
 */
export interface HealthSource {
  account: Pick<MarginAccountState, "address" | "group" | "balances">;
  oracles: ReadonlyMap<string, PublicKey>;
}

/** The asset keys an instruction names. */
export interface AssetKeys {
  address: PublicKey;
  vault: PublicKey;
  oracle: PublicKey;
  mint: PublicKey;
}

const readOnly = (pubkey: PublicKey): AccountMeta => ({ pubkey, isSigner: false, isWritable: false });

/**
 * (asset, oracle) for every active balance in slot order, skipping `except` (the assets the instruction names
 * itself): the order `controller/health.rs` verifies.
 */
export function healthAccountMetas(source: HealthSource, except?: PublicKey | PublicKey[]): AccountMeta[] {
  const skipped = except === undefined ? [] : Array.isArray(except) ? except : [except];
  return source.account.balances
    .filter((b) => !skipped.some((e) => b.asset.equals(e)))
    .flatMap((b) => {
      const oracle = source.oracles.get(b.asset.toBase58());
      if (!oracle) throw new Error(`no oracle known for asset ${b.asset.toBase58()} of ${source.account.address.toBase58()}`);
      return [readOnly(b.asset), readOnly(oracle)];
    });
}

const u64 = (amount: bigint) => new BN(amount.toString());

export type MarginModelArg = "rules" | "tims";
const modelArg = (model: MarginModelArg) => (model === "tims" ? { tims: {} } : { rules: {} });

/** Builders for every instruction; each returns one TransactionInstruction and sends nothing. */
export class TightropeInstructions {
  constructor(readonly program: Program<Tightrope>) {}

  initGroup(a: { creator: PublicKey; quoteMint: PublicKey; groupNum: number; guards: GuardConfig }) {
    return this.program.methods.initGroup(a.groupNum, a.guards).accounts({ creator: a.creator, quoteMint: a.quoteMint }).instruction();
  }

  addAsset(a: { group: PublicKey; admin: PublicKey; mint: PublicKey; oracle: PublicKey; feedId: Uint8Array; config: AssetConfig }) {
    return this.program.methods
      .addAsset(Array.from(a.feedId), a.config)
      .accountsPartial({ group: a.group, admin: a.admin, mint: a.mint, oracle: a.oracle })
      .instruction();
  }

  updateAsset(a: { group: PublicKey; admin: PublicKey; asset: PublicKey; oracle: PublicKey; feedId: Uint8Array; config: AssetConfig }) {
    return this.program.methods
      .updateAsset(Array.from(a.feedId), a.config)
      .accountsPartial({ group: a.group, admin: a.admin, asset: a.asset, oracle: a.oracle })
      .instruction();
  }

  applyAssetChange(a: { group: PublicKey; admin: PublicKey; asset: PublicKey; oracle: PublicKey }) {
    return this.program.methods.applyAssetChange().accountsPartial(a).instruction();
  }

  setTiers(a: { group: PublicKey; admin: PublicKey; tiers: TierConfig[]; productGroupOffsets: BN[] }) {
    return this.program.methods.setTiers(a.tiers, a.productGroupOffsets).accountsPartial({ group: a.group, admin: a.admin }).instruction();
  }

  applyTierChange(a: { group: PublicKey; admin: PublicKey }) {
    return this.program.methods.applyTierChange().accountsPartial(a).instruction();
  }

  setGuards(a: { group: PublicKey; admin: PublicKey; guards: GuardConfig }) {
    return this.program.methods.setGuards(a.guards).accountsPartial({ group: a.group, admin: a.admin }).instruction();
  }

  applyGuardChange(a: { group: PublicKey; admin: PublicKey }) {
    return this.program.methods.applyGuardChange().accountsPartial(a).instruction();
  }

  setMarginCall(a: { group: PublicKey; admin: PublicKey; config: MarginCallConfig }) {
    return this.program.methods.setMarginCall(a.config).accountsPartial({ group: a.group, admin: a.admin }).instruction();
  }

  applyMarginCallChange(a: { group: PublicKey; admin: PublicKey }) {
    return this.program.methods.applyMarginCallChange().accountsPartial(a).instruction();
  }

  /** Adds `amount` of the asset to the insurance fund from `source`, a token account of `funder`; anyone may. */
  fundInsurance(a: { group: PublicKey; asset: AssetKeys; funder: PublicKey; source: PublicKey; amount: bigint }) {
    return this.program.methods
      .fundInsurance(u64(a.amount))
      .accountsPartial({ group: a.group, asset: a.asset.address, vault: a.asset.vault, source: a.source, funder: a.funder })
      .instruction();
  }

  requestInsuranceWithdrawal(a: { group: PublicKey; admin: PublicKey; asset: PublicKey; amount: bigint }) {
    return this.program.methods
      .requestInsuranceWithdrawal(u64(a.amount))
      .accountsPartial({ group: a.group, admin: a.admin, asset: a.asset })
      .instruction();
  }

  withdrawInsurance(a: { group: PublicKey; admin: PublicKey; asset: AssetKeys; destination: PublicKey }) {
    return this.program.methods
      .withdrawInsurance()
      .accountsPartial({ group: a.group, admin: a.admin, asset: a.asset.address, vault: a.asset.vault, destination: a.destination })
      .instruction();
  }

  setPause(a: { group: PublicKey; admin: PublicKey; flags: number }) {
    return this.program.methods.setPause(a.flags).accountsPartial({ group: a.group, admin: a.admin }).instruction();
  }

  createMarginAccount(a: { group: PublicKey; owner: PublicKey; accountNum: number }) {
    return this.program.methods.createMarginAccount(a.accountNum).accounts({ group: a.group, owner: a.owner }).instruction();
  }

  /** Deposit and repay take the same accounts and price nothing. */
  private moveIn(kind: "deposit" | "repay", a: { group: PublicKey; marginAccount: PublicKey; authority: PublicKey; asset: AssetKeys; source: PublicKey; amount: bigint }) {
    return this.program.methods[kind](u64(a.amount))
      .accountsPartial({ group: a.group, marginAccount: a.marginAccount, authority: a.authority, asset: a.asset.address, vault: a.asset.vault, source: a.source })
      .instruction();
  }

  deposit(a: Parameters<TightropeInstructions["moveIn"]>[1]) {
    return this.moveIn("deposit", a);
  }

  repay(a: Parameters<TightropeInstructions["moveIn"]>[1]) {
    return this.moveIn("repay", a);
  }

  /** Withdraw and borrow: the named asset is priced in place, every other balance through its health accounts. */
  private moveOut(kind: "withdraw" | "borrow", a: { health: HealthSource; authority: PublicKey; asset: AssetKeys; destination: PublicKey; amount: bigint }) {
    return this.program.methods[kind](u64(a.amount))
      .accountsPartial({
        group: a.health.account.group,
        marginAccount: a.health.account.address,
        authority: a.authority,
        asset: a.asset.address,
        oracle: a.asset.oracle,
        vault: a.asset.vault,
        destination: a.destination,
      })
      .remainingAccounts(healthAccountMetas(a.health, a.asset.address))
      .instruction();
  }

  withdraw(a: Parameters<TightropeInstructions["moveOut"]>[1]) {
    return this.moveOut("withdraw", a);
  }

  borrow(a: Parameters<TightropeInstructions["moveOut"]>[1]) {
    return this.moveOut("borrow", a);
  }

  accrueInterest(a: { asset: PublicKey }) {
    return this.program.methods.accrueInterest().accountsPartial(a).instruction();
  }

  observePrice(a: { asset: PublicKey; oracle: PublicKey }) {
    return this.program.methods.observePrice().accountsPartial(a).instruction();
  }

  /** The instructions that take only the group, the margin account and its health accounts. */
  private accountOnly(kind: "health" | "flagMarginCall" | "clearMarginCall", a: { health: HealthSource }) {
    return this.program.methods[kind]()
      .accountsPartial({ group: a.health.account.group, marginAccount: a.health.account.address })
      .remainingAccounts(healthAccountMetas(a.health))
      .instruction();
  }

  health(a: { health: HealthSource }) {
    return this.accountOnly("health", a);
  }

  setMarginModel(a: { health: HealthSource; authority: PublicKey; model: MarginModelArg }) {
    return this.program.methods
      .setMarginModel(modelArg(a.model))
      .accountsPartial({ group: a.health.account.group, marginAccount: a.health.account.address, authority: a.authority })
      .remainingAccounts(healthAccountMetas(a.health))
      .instruction();
  }

  /** Opens a margin call on an account below maintenance; anyone may send it. */
  flagMarginCall(a: { health: HealthSource }) {
    return this.accountOnly("flagMarginCall", a);
  }

  /** Clears a cured margin call; anyone may send it. */
  clearMarginCall(a: { health: HealthSource }) {
    return this.accountOnly("clearMarginCall", a);
  }

  /**
   * The `liquidator` account (signed by its owner or delegate) takes over up to `maxRepay` of the liquidatee's
   * `liability` and receives its `collateral` at the discount; both accounts' health accounts follow, each
   * skipping the two named assets.
   */
  liquidate(a: { liquidatee: HealthSource; liquidator: HealthSource; authority: PublicKey; liability: AssetKeys; collateral: AssetKeys; maxRepay: bigint }) {
    const legs = [a.liability.address, a.collateral.address];
    return this.program.methods
      .liquidate(u64(a.maxRepay))
      .accountsPartial({
        group: a.liquidatee.account.group,
        liquidator: a.liquidator.account.address,
        authority: a.authority,
        liquidatee: a.liquidatee.account.address,
        liabilityAsset: a.liability.address,
        liabilityOracle: a.liability.oracle,
        collateralAsset: a.collateral.address,
        collateralOracle: a.collateral.oracle,
      })
      .remainingAccounts([...healthAccountMetas(a.liquidatee, legs), ...healthAccountMetas(a.liquidator, legs)])
      .instruction();
  }

  /** Writes off the debt of an account with no collateral left; anyone may send it. */
  resolveBadDebt(a: { account: Pick<MarginAccountState, "address" | "group" | "balances"> }) {
    return this.program.methods
      .resolveBadDebt()
      .accountsPartial({ group: a.account.group, marginAccount: a.account.address })
      .remainingAccounts(a.account.balances.filter((b) => b.borrowShares > 0n).map((b) => ({ pubkey: b.asset, isSigner: false, isWritable: true })))
      .instruction();
  }

  setDelegate(a: { marginAccount: PublicKey; owner: PublicKey; delegate: PublicKey }) {
    return this.program.methods.setDelegate(a.delegate).accountsPartial({ marginAccount: a.marginAccount, owner: a.owner }).instruction();
  }

  closeMarginAccount(a: { group: PublicKey; marginAccount: PublicKey; owner: PublicKey }) {
    return this.program.methods.closeMarginAccount().accountsPartial(a).instruction();
  }
}
