// Every named refusal of the program, decoded by an unmodified Anchor client, and nothing changed by any of them.
// Preflight stays on: Anchor 0.31.1 cannot decode a failed send with skipPreflight against web3.js >= 1.95.
import assert from "node:assert/strict";

import { Keypair, PublicKey, SendTransactionError } from "@solana/web3.js";

import {
  closeMarginAccount,
  createGroup,
  deposit,
  Group,
  listAsset,
  ListedAsset,
  openGuards,
  openTrader,
  tightropeProgram,
  TightropeProgram,
  Trader,
  withdraw,
  volatileConfig,
} from "../helpers/program";
import { expectAnchorError, patchAccountData, snapshot } from "../helpers/refusal";
import { newMint, tokenAccount } from "../helpers/tokens";
import { fundedWallet } from "../helpers/wallet";

const U64_MAX = (1n << 64n) - 1n;
/** MarginAccount: 8 discriminator + 8 header + group 32 + owner 32, then 16 balances of 64 bytes. */
const BALANCES_OFFSET = 80;
const BALANCE_SIZE = 64;
/** Group: 8 discriminator, version 1, bump 1, then asset_count u16. */
const ASSET_COUNT_OFFSET = 10;

describe("tightrope refusals over JSON-RPC", function () {
  let program: TightropeProgram;
  let group: Group;
  let asset: ListedAsset;
  let other: ListedAsset;
  let trader: Trader;
  let watched: PublicKey[];

  before(async function () {
    program = tightropeProgram();
    group = await createGroup(program);
    asset = await listAsset(program, group);
    other = await listAsset(program, group);
    trader = await openTrader(program, group, asset, 1_000n);
    await deposit(program, group, asset, trader, 400n);
    watched = [group.group, asset.asset, asset.vault, other.asset, other.vault, trader.marginAccount, trader.source];
  });

  it("ZeroAmount (6000) for a zero deposit and a zero withdrawal", async function () {
    await expectAnchorError(watched, () => deposit(program, group, asset, trader, 0n), "ZeroAmount", 6000);
    await expectAnchorError(watched, () => withdraw(program, group, asset, trader, 0n), "ZeroAmount", 6000);
  });

  it("DepositCapExceeded (6023) when a deposit would take the totals past any u64 cap", async function () {
    // The vault's u64 cannot hold it either; the cap (itself a u64) is the check that names the refusal.
    await expectAnchorError(watched, () => deposit(program, group, asset, trader, U64_MAX), "DepositCapExceeded", 6023);
  });

  it("InsufficientDeposit (6002) beyond the deposit and for an asset never deposited", async function () {
    await expectAnchorError(watched, () => withdraw(program, group, asset, trader, 401n), "InsufficientDeposit", 6002);
    const otherDestination = await tokenAccount(other.mint, trader.owner.publicKey);
    await expectAnchorError(
      watched,
      () => withdraw(program, group, other, trader, 1n, { tokenAccount: otherDestination }),
      "InsufficientDeposit",
      6002,
    );
  });

  it("AccountNotEmpty (6003) when closing an account that holds a deposit", async function () {
    await expectAnchorError(watched, () => closeMarginAccount(program, group, trader), "AccountNotEmpty", 6003);
  });

  it("BalanceSlotsFull (6004) when all 16 slots hold other assets", async function () {
    const full = await openTrader(program, group, asset, 10n, 1);
    // Sixteen instructions' worth of listings is not what is under test: fill the slots through the cheatcode.
    await patchAccountData(full.marginAccount, (data) => {
      for (let slot = 0; slot < 16; slot++) {
        const at = BALANCES_OFFSET + slot * BALANCE_SIZE;
        Keypair.generate().publicKey.toBuffer().copy(data, at);
        data.writeUInt8(1, at + 32);
      }
    });
    const keys = [...watched, full.marginAccount, full.source];
    await expectAnchorError(keys, () => deposit(program, group, asset, full, 1n), "BalanceSlotsFull", 6004);
  });

  it("NotAdmin (6005) when someone else lists an asset", async function () {
    const intruder = await fundedWallet();
    const mint = await newMint();
    const call = () =>
      program.methods
        .addAsset(Array(32).fill(1), volatileConfig())
        .accountsPartial({ group: group.group, admin: intruder.publicKey, mint, oracle: asset.oracle })
        .signers([intruder])
        .rpc();
    await expectAnchorError(watched, call, "NotAdmin", 6005);
  });

  it("NotOwner (6006) when another signer moves funds of the account, in or out", async function () {
    const thief = await openTrader(program, group, asset, 100n);
    const substitute = { signer: thief.owner, tokenAccount: thief.source };
    const keys = [...watched, thief.marginAccount, thief.source];
    await expectAnchorError(keys, () => withdraw(program, group, asset, trader, 1n, substitute), "NotOwner", 6006);
    await expectAnchorError(keys, () => deposit(program, group, asset, trader, 1n, substitute), "NotOwner", 6006);
    await expectAnchorError(keys, () => closeMarginAccount(program, group, trader, thief.owner), "NotOwner", 6006);
  });

  it("GroupMismatch (6007) for a margin account of another group", async function () {
    const elsewhere = await createGroup(program);
    const stranger = await openTrader(program, elsewhere, asset, 10n);
    const keys = [...watched, stranger.marginAccount];
    await expectAnchorError(keys, () => deposit(program, group, asset, stranger, 1n), "GroupMismatch", 6007);
  });

  it("VaultMismatch (6008) when another asset's vault is passed", async function () {
    const substitute = { vault: other.vault };
    await expectAnchorError(watched, () => deposit(program, group, asset, trader, 1n, substitute), "VaultMismatch", 6008);
    await expectAnchorError(watched, () => withdraw(program, group, asset, trader, 1n, substitute), "VaultMismatch", 6008);
  });

  it("MintMismatch (6009) for a token account of another mint", async function () {
    // Not the associated account: an earlier test already made that one.
    const wrongMint = await tokenAccount(other.mint, trader.owner.publicKey, 50n, Keypair.generate());
    const substitute = { tokenAccount: wrongMint };
    const keys = [...watched, wrongMint];
    await expectAnchorError(keys, () => deposit(program, group, asset, trader, 1n, substitute), "MintMismatch", 6009);
    await expectAnchorError(keys, () => withdraw(program, group, asset, trader, 1n, substitute), "MintMismatch", 6009);
  });

  it("TokenOwnerMismatch (6010) when depositing from someone else's token account", async function () {
    const victim = await fundedWallet();
    const victimTokens = await tokenAccount(asset.mint, victim.publicKey, 50n);
    const keys = [...watched, victimTokens];
    const call = () => deposit(program, group, asset, trader, 1n, { tokenAccount: victimTokens });
    await expectAnchorError(keys, call, "TokenOwnerMismatch", 6010);
  });

  it("AssetLimitReached (6011) once the group's u16 token index is exhausted", async function () {
    const full = await createGroup(program);
    await patchAccountData(full.group, (data) => data.writeUInt16LE(0xffff, ASSET_COUNT_OFFSET));
    const mint = await newMint();
    const call = () =>
      program.methods
        .addAsset(Array(32).fill(2), volatileConfig())
        .accountsPartial({ group: full.group, admin: full.admin.publicKey, mint, oracle: asset.oracle })
        .signers([full.admin])
        .rpc();
    await expectAnchorError([full.group, full.admin.publicKey], call, "AssetLimitReached", 6011);
  });

  it("Anchor's own AccountDiscriminatorMismatch (3002) for an asset passed as a margin account", async function () {
    const call = () => deposit(program, group, asset, trader, 1n, { marginAccount: asset.asset });
    await expectAnchorError(watched, call, "AccountDiscriminatorMismatch", 3002);
  });

  it("re-initialising a group fails in the system program and changes nothing", async function () {
    const before = await snapshot(watched);
    const error = await program.methods
      .initGroup(0, openGuards())
      .accounts({ creator: group.admin.publicKey, quoteMint: group.quoteMint })
      .signers([group.admin])
      .rpc()
      .then(
        () => assert.fail("re-initialisation succeeded"),
        (e: unknown) => e,
      );
    assert.ok(error instanceof SendTransactionError, String(error));
    assert.ok(error.logs?.some((line) => line.includes("already in use")), JSON.stringify(error.logs));
    assert.deepEqual(await snapshot(watched), before);
  });

  it("the refused calls left the deposit usable", async function () {
    await withdraw(program, group, asset, trader, 400n);
    await closeMarginAccount(program, group, trader);
  });
});
