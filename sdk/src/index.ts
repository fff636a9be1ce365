import type { Idl } from "@coral-xyz/anchor";
import { PublicKey } from "@solana/web3.js";

import idlJson from "./idl/tightrope.json";
import type { Tightrope } from "./idl/tightrope";

export type { Tightrope };

/** The program's IDL as `anchor build` writes it (snake_case JSON), for `new Program(IDL, provider)`. */
export const IDL = idlJson as Idl as Tightrope;

export const PROGRAM_ID = new PublicKey(idlJson.address);

export * from "./accounts";
export * from "./accountView";
export * from "./accountWhatIf";
export * from "./balanceChange";
export * from "./client";
export * from "./errors";
export * from "./format";
export * from "./healthCurve";
export * from "./instructions";
export * from "./liquidation";
export * from "./marginCall";
export * from "./oracle";
export * from "./portfolio";
export * from "./pyth";
export * from "./rates";
export * from "./state";
export * from "./tightropeClient";
export * from "./transactions";
export * from "./wallet";
export * as math from "./math";
// The risk engine under its own name: its Asset, Tier and FX_ONE (a bigint) are not the account layouts' BN types.
export * as risk from "./risk";
