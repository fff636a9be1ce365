// The program's accounts decoded into plain values with bigint amounts: the form the portfolio, the what-if and
// the CLI compute with. `raw` keeps Anchor's decoding (BN fields) for anything else a client wants.
import { BN, BorshCoder, Idl, IdlAccounts } from "@coral-xyz/anchor";
// Not re-exported from the package root; the same conversion `new Program` applies to its IDL.
import { convertIdlToCamelCase } from "@coral-xyz/anchor/dist/cjs/idl";
import { PublicKey } from "@solana/web3.js";

import type { Tightrope } from "./idl/tightrope";
import idlJson from "./idl/tightrope.json";
import type { InterestModel } from "./math/interest";
import { EXTREME_OFF, VOL_TERM_OFF } from "./risk/model";
import type { Model, RulesRates, Tier } from "./risk/model";

export type RawGroup = IdlAccounts<Tightrope>["group"];
export type RawAsset = IdlAccounts<Tightrope>["asset"];
export type RawMarginAccount = IdlAccounts<Tightrope>["marginAccount"];

export const tightropeCoder = new BorshCoder(convertIdlToCamelCase(idlJson as Idl));
const NO_PRODUCT_GROUP = 255;

/** Little-endian u128 as the program stores it (`[u8; 16]`). */
export const u128le = (bytes: number[] | Uint8Array): bigint => {
  const b = Buffer.from(bytes);
  return b.readBigUInt64LE(0) + (b.readBigUInt64LE(8) << 64n);
};
const big = (n: BN | number) => BigInt(n.toString());

export interface GroupState {
  address: PublicKey;
  admin: PublicKey;
  quoteMint: PublicKey;
  assetCount: number;
  pauseFlags: number;
  /** The TIMS tiers in force, as the engine reads them. */
  tiers: Tier[];
  /** Share of the netting benefit of each product group (Fx). */
  productGroupOffsets: bigint[];
  /**
   * Margin-call window (seconds), hard threshold, cure buffer and liquidation target (Fx shares of the maintenance
   * requirement), the insurance fund's share of a liquidation's discount (Fx) and the dust threshold (quote minor
   * units) below which a liquidation closes a position whole.
   */
  marginCall: {
    graceSeconds: bigint;
    hardThreshold: bigint;
    cureBuffer: bigint;
    liquidationTarget: bigint;
    insuranceShare: bigint;
    dust: bigint;
  };
  raw: RawGroup;
}

export interface AssetState {
  address: PublicKey;
  group: PublicKey;
  mint: PublicKey;
  vault: PublicKey;
  oracle: PublicKey;
  feedId: Uint8Array;
  decimals: number;
  tokenIndex: number;
  tier: number;
  rules: RulesRates;
  interest: InterestModel;
  oracleMaxAgeSeconds: number;
  maxConfRatio: bigint;
  stableMaxMovePerSecond: bigint;
  /** A liquidation buys collateral this fraction (Fx) below its mark: the larger of its two assets'. */
  liquidationDiscount: bigint;
  depositCap: bigint;
  borrowCap: bigint;
  stablePrice: bigint;
  stableUpdatedAt: bigint;
  observedPrice: bigint;
  lastPublishTime: bigint;
  lastAccruedAt: bigint;
  depositIndex: bigint;
  borrowIndex: bigint;
  depositShares: bigint;
  borrowShares: bigint;
  protocolFees: bigint;
  /** The group's insurance fund in this asset (native units, held in the vault) and an admin withdrawal waiting. */
  insurance: bigint;
  pendingInsuranceWithdrawal: { amount: bigint; queuedAtSlot: bigint } | null;
  raw: RawAsset;
}

export interface BalanceState {
  /** Slot in the account's balance array (the canonical order of health accounts). */
  slot: number;
  asset: PublicKey;
  depositShares: bigint;
  borrowShares: bigint;
}

export interface MarginAccountState {
  address: PublicKey;
  group: PublicKey;
  owner: PublicKey;
  /** The default key when none. */
  delegate: PublicKey;
  accountNum: number;
  model: Model;
  /** Active balances in slot order. */
  balances: BalanceState[];
  /** Unix time the open margin call was made; null when none is open. */
  marginCallAt: bigint | null;
  raw: RawMarginAccount;
}

export function decodeGroup(address: PublicKey, data: Buffer): GroupState {
  const raw = tightropeCoder.accounts.decode<RawGroup>("group", data);
  const tiers = raw.tiers.slice(0, raw.tierCount).map(
    (t): Tier => ({
      bandDown: big(t.bandDown),
      bandUp: big(t.bandUp),
      pointsDown: t.pointsDown,
      pointsUp: t.pointsUp,
      volDown: big(t.volDown),
      volUp: big(t.volUp),
      initialMultiplier: big(t.initialMultiplier),
      perContractMin: big(t.perContractMin),
      floorShare: big(t.floorShare),
      productGroup: t.productGroup === NO_PRODUCT_GROUP ? null : t.productGroup,
      // The program stores no vol term or extreme move yet: both off, as its `TierConfig::to_tier` sets them.
      volTerm: VOL_TERM_OFF,
      extreme: EXTREME_OFF,
    }),
  );
  return {
    address,
    admin: raw.admin,
    quoteMint: raw.quoteMint,
    assetCount: raw.assetCount,
    pauseFlags: raw.pauseFlags,
    tiers,
    productGroupOffsets: raw.productGroupOffsets.map(big),
    marginCall: {
      graceSeconds: big(raw.marginCall.graceSeconds),
      hardThreshold: big(raw.marginCall.hardThreshold),
      cureBuffer: big(raw.marginCall.cureBuffer),
      liquidationTarget: big(raw.marginCall.liquidationTarget),
      insuranceShare: big(raw.marginCall.insuranceShare),
      dust: big(raw.marginCall.dust),
    },
    raw,
  };
}

export function decodeAsset(address: PublicKey, data: Buffer): AssetState {
  const raw = tightropeCoder.accounts.decode<RawAsset>("asset", data);
  const p = raw.params;
  const r = p.rules;
  const i = p.interest;
  return {
    address,
    group: raw.group,
    mint: raw.mint,
    vault: raw.vault,
    oracle: raw.oracle,
    feedId: Uint8Array.from(raw.feedId),
    decimals: raw.decimals,
    tokenIndex: raw.tokenIndex,
    tier: p.tier,
    rules: {
      initialLong: big(r.initialLong),
      initialShort: big(r.initialShort),
      maintenanceLong: big(r.maintenanceLong),
      maintenanceShort: big(r.maintenanceShort),
      houseRate: big(r.houseRate),
      housePerUnit: big(r.housePerUnit),
      optionRate: big(r.optionRate),
      optionMinRate: big(r.optionMinRate),
    },
    interest: {
      optimalUtilization: big(i.optimalUtilization),
      rateAtZero: big(i.rateAtZero),
      rateAtOptimal: big(i.rateAtOptimal),
      rateAtMax: big(i.rateAtMax),
      protocolFeeShare: big(i.protocolFeeShare),
    },
    oracleMaxAgeSeconds: p.oracleMaxAgeSeconds,
    maxConfRatio: big(p.maxConfRatio),
    stableMaxMovePerSecond: big(p.stableMaxMovePerSecond),
    liquidationDiscount: big(p.liquidationDiscount),
    depositCap: big(p.depositCap),
    borrowCap: big(p.borrowCap),
    stablePrice: u128le(raw.stablePrice),
    stableUpdatedAt: big(raw.stableUpdatedAt),
    observedPrice: u128le(raw.observedPrice),
    lastPublishTime: big(raw.lastPublishTime),
    lastAccruedAt: big(raw.lastAccruedAt),
    depositIndex: u128le(raw.depositIndex),
    borrowIndex: u128le(raw.borrowIndex),
    depositShares: u128le(raw.depositShares),
    borrowShares: u128le(raw.borrowShares),
    protocolFees: u128le(raw.protocolFees),
    insurance: u128le(raw.insurance),
    pendingInsuranceWithdrawal:
      raw.pendingInsuranceWithdrawal.queued.queued === 0
        ? null
        : { amount: big(raw.pendingInsuranceWithdrawal.amount), queuedAtSlot: big(raw.pendingInsuranceWithdrawal.queued.queuedAtSlot) },
    raw,
  };
}

export function decodeMarginAccount(address: PublicKey, data: Buffer): MarginAccountState {
  const raw = tightropeCoder.accounts.decode<RawMarginAccount>("marginAccount", data);
  const balances = raw.balances
    .map((b, slot) => ({ slot, asset: b.asset, depositShares: u128le(b.depositShares), borrowShares: u128le(b.borrowShares) }))
    .filter((b) => !b.asset.equals(PublicKey.default));
  return {
    address,
    group: raw.group,
    owner: raw.owner,
    delegate: raw.delegate,
    accountNum: raw.accountNum,
    model: raw.marginModel === 1 ? "tims" : "rules",
    balances,
    marginCallAt: big(raw.marginCallAt) === 0n ? null : big(raw.marginCallAt),
    raw,
  };
}

/** Byte offsets for `getProgramAccounts` filters: discriminator 8, then each layout's leading fields. */
export const MARGIN_ACCOUNT_GROUP_OFFSET = 16;
export const MARGIN_ACCOUNT_OWNER_OFFSET = 48;
/** Asset: discriminator 8, version/bump/vault_bump/decimals 4, token_index 2, reserved 2. */
export const ASSET_GROUP_OFFSET = 16;

/** The account discriminator of `name` (`"asset"`, `"marginAccount"`, `"group"`), for filters. */
export const accountDiscriminator = (name: "group" | "asset" | "marginAccount"): Buffer => tightropeCoder.accounts.accountDiscriminator(name);
