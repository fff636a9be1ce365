// The Tightrope program as a client sees it: an Anchor `Program` built from the committed IDL over a plain
// Connection, its PDAs, and fixtures (a group with a listed asset, a trader with tokens and a margin account).
import { AnchorProvider, BN, Program, Wallet } from "@coral-xyz/anchor";
import { Keypair, PublicKey } from "@solana/web3.js";

import {
  AssetConfig,
  assetAddress,
  fx,
  GuardConfig,
  groupAddress,
  healthAccounts,
  IDL,
  marginAccountAddress,
  Tightrope,
  U64_MAX,
  vaultAddress,
} from "../../sdk/src";
import { COMMITMENT, connection, payer } from "./cluster";
import { freshPrice, setPythPrice } from "./pyth";
import { newMint, tokenAccount } from "./tokens";
import { fundedWallet } from "./wallet";

export type TightropeProgram = Program<Tightrope>;

/** Fees are paid by the server's payer; instruction signers (admins, owners) are added per call. */
export function tightropeProgram(): TightropeProgram {
  const provider = new AnchorProvider(connection(), new Wallet(payer()), {
    commitment: COMMITMENT,
    preflightCommitment: COMMITMENT,
  });
  return new Program<Tightrope>(IDL, provider);
}

export { assetAddress, groupAddress, healthAccounts, marginAccountAddress, vaultAddress } from "../../sdk/src";
export type { AssetConfig, GuardConfig } from "../../sdk/src";

/** Byte offset of `owner` in a MarginAccount: discriminator 8, version/bump/reserved0/account_num 8, group 32. */
export const MARGIN_ACCOUNT_OWNER_OFFSET = 48;

export interface Group {
  admin: Keypair;
  group: PublicKey;
  quoteMint: PublicKey;
  initSignature: string;
}

export interface ListedAsset {
  mint: PublicKey;
  asset: PublicKey;
  vault: PublicKey;
  oracle: PublicKey;
  feedId: Uint8Array;
  signature: string;
}

/** Guards that hold nothing back (no delay, no step limit), as the Rust fixture's `OPEN_GUARDS`. */
export const openGuards = (): GuardConfig => ({ delaySlots: new BN(0), maxRateStep: U64_MAX, maxBandStep: U64_MAX, maxPointsStep: U64_MAX, expirySlots: U64_MAX });

export async function createGroup(program: TightropeProgram, groupNum = 0): Promise<Group> {
  const admin = await fundedWallet();
  const quoteMint = await newMint(6);
  const initSignature = await program.methods
    .initGroup(groupNum, openGuards())
    .accounts({ creator: admin.publicKey, quoteMint })
    .signers([admin])
    .rpc();
  return { admin, group: groupAddress(admin.publicKey, groupNum), quoteMint, initSignature };
}


/** A volatile single-name asset (tier 2): Reg T / FINRA rates, a 2% confidence limit, no caps that bind. */
export function volatileConfig(): AssetConfig {
  const unlimited = U64_MAX;
  return {
    tier: 2,
    oracleMaxAgeSeconds: 60,
    maxConfRatio: fx(1, 50),
    stableMaxMovePerSecond: fx(1, 1000),
    depositCap: unlimited,
    borrowCap: unlimited,
    rules: {
      initialLong: fx(1, 2),
      initialShort: fx(1, 2),
      maintenanceLong: fx(1, 4),
      maintenanceShort: fx(3, 10),
      houseRate: new BN(0),
      housePerUnit: new BN(0),
      optionRate: fx(1, 5),
      optionMinRate: fx(1, 10),
    },
    interest: {
      optimalUtilization: fx(8, 10),
      rateAtZero: new BN(0),
      rateAtOptimal: fx(1, 10),
      rateAtMax: fx(1),
      protocolFeeShare: fx(1, 10),
    },
    liquidationDiscount: fx(1, 20),
  };
}

/** Lists `mint` (a new one by default) with a fresh Pyth price account as its oracle. */
export async function listAsset(program: TightropeProgram, group: Group, mint?: PublicKey): Promise<ListedAsset> {
  const assetMint = mint ?? (await newMint(6));
  const feedId = Keypair.generate().publicKey.toBytes();
  const oracle = await setPythPrice(await freshPrice(feedId));
  const signature = await program.methods
    .addAsset(Array.from(feedId), volatileConfig())
    .accountsPartial({ group: group.group, admin: group.admin.publicKey, mint: assetMint, oracle })
    .signers([group.admin])
    .rpc();
  const asset = assetAddress(group.group, assetMint);
  return { mint: assetMint, asset, vault: vaultAddress(asset), oracle, feedId, signature };
}

export interface Trader {
  owner: Keypair;
  marginAccount: PublicKey;
  /** The owner's token account of the listed asset, holding what the fixture minted. */
  source: PublicKey;
}

/** A funded owner with `amount` tokens of `asset` and an open (empty) margin account number `accountNum`. */
export async function openTrader(
  program: TightropeProgram,
  group: Group,
  asset: ListedAsset,
  amount: bigint,
  accountNum = 0,
): Promise<Trader> {
  const owner = await fundedWallet();
  const source = await tokenAccount(asset.mint, owner.publicKey, amount);
  await program.methods
    .createMarginAccount(accountNum)
    .accounts({ group: group.group, owner: owner.publicKey })
    .signers([owner])
    .rpc();
  return { owner, marginAccount: marginAccountAddress(group.group, owner.publicKey, accountNum), source };
}

/** Deposit/withdraw accounts; `substitute` swaps any of them (and the signer) for the refusal tests. */
export interface BalanceOverrides {
  group?: PublicKey;
  marginAccount?: PublicKey;
  asset?: PublicKey;
  vault?: PublicKey;
  oracle?: PublicKey;
  tokenAccount?: PublicKey;
  signer?: Keypair;
}

function balanceCall(group: Group, asset: ListedAsset, trader: Trader, substitute: BalanceOverrides) {
  const signer = substitute.signer ?? trader.owner;
  const accounts = {
    group: substitute.group ?? group.group,
    marginAccount: substitute.marginAccount ?? trader.marginAccount,
    authority: signer.publicKey,
    asset: substitute.asset ?? asset.asset,
    vault: substitute.vault ?? asset.vault,
  };
  return { accounts, tokenAccount: substitute.tokenAccount ?? trader.source, signer };
}

export async function deposit(
  program: TightropeProgram,
  group: Group,
  asset: ListedAsset,
  trader: Trader,
  amount: bigint,
  substitute: BalanceOverrides = {},
): Promise<string> {
  const { accounts, tokenAccount, signer } = balanceCall(group, asset, trader, substitute);
  return program.methods
    .deposit(new BN(amount.toString()))
    .accountsPartial({ ...accounts, source: tokenAccount })
    .signers([signer])
    .rpc();
}

export async function withdraw(
  program: TightropeProgram,
  group: Group,
  asset: ListedAsset,
  trader: Trader,
  amount: bigint,
  substitute: BalanceOverrides = {},
): Promise<string> {
  const { accounts, tokenAccount, signer } = balanceCall(group, asset, trader, substitute);
  return program.methods
    .withdraw(new BN(amount.toString()))
    .accountsPartial({ ...accounts, oracle: substitute.oracle ?? asset.oracle, destination: tokenAccount })
    .remainingAccounts(await healthAccounts(program, trader.marginAccount, asset.asset))
    .signers([signer])
    .rpc();
}

export async function closeMarginAccount(program: TightropeProgram, group: Group, trader: Trader, signer = trader.owner) {
  return program.methods
    .closeMarginAccount()
    .accountsPartial({ group: group.group, marginAccount: trader.marginAccount, owner: signer.publicKey })
    .signers([signer])
    .rpc();
}

/** Little-endian u128 as the program stores it (`[u8; 16]`). */
export const u128le = (bytes: number[] | Uint8Array): bigint =>
  Buffer.from(bytes).readBigUInt64LE(0) + (Buffer.from(bytes).readBigUInt64LE(8) << 64n);

/** A margin account's deposit shares of `asset` (0 when it holds none). */
export async function depositOf(program: TightropeProgram, marginAccount: PublicKey, asset: PublicKey) {
  const account = await program.account.marginAccount.fetch(marginAccount);
  const balance = account.balances.find((b) => b.asset.equals(asset));
  // Deposit shares; at the starting index of 1 (no interest yet) they equal native units.
  return balance ? u128le(balance.depositShares) : 0n;
}
