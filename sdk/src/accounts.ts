// The program's PDAs and the argument types clients build, so deploy scripts, the keeper and tests derive
// addresses and write parameters one way.
import { BN, IdlTypes } from "@coral-xyz/anchor";
import { PublicKey } from "@solana/web3.js";

import type { Tightrope } from "./idl/tightrope";
import idlJson from "./idl/tightrope.json";

const programId = new PublicKey(idlJson.address);

export type AssetConfig = IdlTypes<Tightrope>["assetConfig"];
export type TierConfig = IdlTypes<Tightrope>["tierConfig"];
export type GuardConfig = IdlTypes<Tightrope>["guardConfig"];
export type MarginCallConfig = IdlTypes<Tightrope>["marginCallConfig"];

const u32le = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(n);
  return bytes;
};
const pda = (...seeds: Buffer[]) => PublicKey.findProgramAddressSync(seeds, programId)[0];

export const groupAddress = (creator: PublicKey, groupNum: number) =>
  pda(Buffer.from("group"), creator.toBuffer(), u32le(groupNum));
export const assetAddress = (group: PublicKey, mint: PublicKey) =>
  pda(Buffer.from("asset"), group.toBuffer(), mint.toBuffer());
export const vaultAddress = (asset: PublicKey) => pda(Buffer.from("vault"), asset.toBuffer());
export const marginAccountAddress = (group: PublicKey, owner: PublicKey, accountNum: number) =>
  pda(Buffer.from("margin_account"), group.toBuffer(), owner.toBuffer(), u32le(accountNum));

/** The engine's fixed point: 10^12 = 1.0. */
export const FX_ONE = new BN(10).pow(new BN(12));
/** `numerator / denominator` in fixed point, rounded down (integers only: no floating point near a rate). */
export const fx = (numerator: number, denominator = 1) => FX_ONE.muln(numerator).divn(denominator);
export const U64_MAX = new BN("18446744073709551615");
