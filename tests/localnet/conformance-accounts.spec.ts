// Account reads in every encoding the contract names, token queries, and the account cheatcodes.
import assert from "node:assert/strict";

import { utils } from "@coral-xyz/anchor";
import { getAccount, getAssociatedTokenAddressSync, TOKEN_PROGRAM_ID } from "@solana/spl-token";
import { Keypair, PublicKey } from "@solana/web3.js";

import { PROGRAM_ID } from "../../sdk/src";
import { COMMITMENT, connection, payer } from "../helpers/cluster";
import { rpc } from "../helpers/rpc";
import { newMint, tokenAccount, tokenBalance } from "../helpers/tokens";

type Encoded = { context: { slot: number }; value: { data: [string, string]; lamports: number } | null };
const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

describe("conformance: accounts", function () {
  let mint: PublicKey;
  let owner: Keypair;
  let holding: PublicKey;

  before(async function () {
    mint = await newMint(9);
    owner = Keypair.generate();
    holding = await tokenAccount(mint, owner.publicKey, 1_500_000_000n);
  });

  it("getAccountInfo: system, program and missing accounts", async function () {
    const wallet = await connection().getAccountInfo(payer().publicKey, COMMITMENT);
    assert.ok(wallet && wallet.owner.equals(PublicKey.default) && wallet.data.length === 0 && !wallet.executable);
    const program = await connection().getAccountInfo(PROGRAM_ID);
    assert.ok(program?.executable, "the Tightrope program account is not executable");
    assert.equal(await connection().getAccountInfo(PublicKey.unique()), null);
    const withContext = await connection().getAccountInfoAndContext(mint);
    assert.ok(withContext.context.slot > 0 && withContext.value?.owner.equals(TOKEN_PROGRAM_ID));
  });

  it("base58, base64, base64+zstd and dataSlice carry the same bytes", async function () {
    const base64 = (await connection().getAccountInfo(mint))!.data;
    assert.equal(base64.length, 82);
    const base58 = await rpc<Encoded>("getAccountInfo", [mint.toBase58(), { encoding: "base58" }]);
    assert.equal(base58.value!.data[1], "base58");
    assert.deepEqual(Buffer.from(utils.bytes.bs58.decode(base58.value!.data[0])), base64);
    const zstd = await rpc<Encoded>("getAccountInfo", [mint.toBase58(), { encoding: "base64+zstd" }]);
    assert.equal(zstd.value!.data[1], "base64+zstd");
    assert.deepEqual(Buffer.from(zstd.value!.data[0], "base64").subarray(0, 4), ZSTD_MAGIC);
    const sliced = await rpc<Encoded>("getAccountInfo", [
      mint.toBase58(),
      { encoding: "base64", dataSlice: { offset: 36, length: 9 } },
    ]);
    assert.deepEqual(Buffer.from(sliced.value!.data[0], "base64"), base64.subarray(36, 45));
  });

  it("getMultipleAccountsInfo keeps order and answers null for missing accounts", async function () {
    const missing = PublicKey.unique();
    const infos = await connection().getMultipleAccountsInfo([mint, missing, holding], COMMITMENT);
    assert.equal(infos.length, 3);
    assert.ok(infos[0]?.owner.equals(TOKEN_PROGRAM_ID) && infos[0].data.length === 82);
    assert.equal(infos[1], null);
    assert.equal(infos[2]?.data.length, 165);
  });

  it("getBalance and getTokenAccountBalance", async function () {
    assert.ok((await connection().getBalance(payer().publicKey)) > 1e9);
    const { value } = await connection().getTokenAccountBalance(holding);
    assert.equal(value.amount, "1500000000");
    assert.equal(value.decimals, 9);
    assert.equal(value.uiAmount, 1.5);
    assert.equal(value.uiAmountString, "1.5");
  });

  it("getTokenAccountsByOwner by mint and by program", async function () {
    const second = await newMint();
    const other = await tokenAccount(second, owner.publicKey, 5n);
    const byMint = await connection().getTokenAccountsByOwner(owner.publicKey, { mint });
    assert.deepEqual(byMint.value.map((a) => a.pubkey.toBase58()), [holding.toBase58()]);
    assert.ok(byMint.value[0].account.owner.equals(TOKEN_PROGRAM_ID));
    const byProgram = await connection().getTokenAccountsByOwner(owner.publicKey, { programId: TOKEN_PROGRAM_ID });
    const keys = byProgram.value.map((a) => a.pubkey.toBase58()).sort();
    assert.deepEqual(keys, [holding.toBase58(), other.toBase58()].sort());
  });

  it("getProgramAccounts with a base64 memcmp and a dataSize filter", async function () {
    const response = await rpc<{ pubkey: string }[]>("getProgramAccounts", [
      TOKEN_PROGRAM_ID.toBase58(),
      {
        encoding: "base64",
        filters: [
          { dataSize: 165 },
          { memcmp: { offset: 0, bytes: mint.toBuffer().toString("base64"), encoding: "base64" } },
        ],
      },
    ]);
    assert.deepEqual(response.map((a) => a.pubkey), [holding.toBase58()]);
  });

  it("surfnet_setAccount writes any account, and getProgramAccounts sees it", async function () {
    const address = Keypair.generate().publicKey;
    const owner = Keypair.generate().publicKey;
    const data = Buffer.from("tightrope cheatcode");
    await rpc("surfnet_setAccount", [
      address.toBase58(),
      { lamports: 4_000_000, data: data.toString("hex"), owner: owner.toBase58(), executable: false },
    ]);
    const info = await connection().getAccountInfo(address);
    assert.ok(info && info.owner.equals(owner) && info.lamports === 4_000_000);
    assert.deepEqual(info.data, data);
    const owned = await connection().getProgramAccounts(owner);
    assert.deepEqual(owned.map((a) => a.pubkey.toBase58()), [address.toBase58()]);
    // A partial update keeps the other fields.
    await rpc("surfnet_setAccount", [address.toBase58(), { lamports: 5_000_000 }]);
    const updated = await connection().getAccountInfo(address);
    assert.ok(updated && updated.lamports === 5_000_000 && updated.owner.equals(owner));
    assert.deepEqual(updated.data, data);
  });

  it("surfnet_setTokenAccount writes the owner's associated token account", async function () {
    const holder = Keypair.generate().publicKey;
    const delegate = Keypair.generate().publicKey;
    await rpc("surfnet_setTokenAccount", [
      holder.toBase58(),
      mint.toBase58(),
      { amount: 42_000, delegate: delegate.toBase58(), delegatedAmount: 1_000, state: "frozen" },
    ]);
    const address = getAssociatedTokenAddressSync(mint, holder);
    const account = await getAccount(connection(), address);
    assert.equal(account.amount, 42_000n);
    assert.ok(account.owner.equals(holder) && account.mint.equals(mint));
    assert.ok(account.delegate?.equals(delegate));
    assert.equal(account.delegatedAmount, 1_000n);
    assert.equal(account.isFrozen, true);
    await rpc("surfnet_setTokenAccount", [holder.toBase58(), mint.toBase58(), { amount: 7, state: "initialized" }]);
    assert.equal(await tokenBalance(address), 7n);
    const thawed = await getAccount(connection(), address);
    assert.ok(thawed.isInitialized && !thawed.isFrozen);
  });
});
