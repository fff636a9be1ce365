// Cluster-level methods as web3.js parses them, raw where web3.js has no method.
import assert from "node:assert/strict";

import { utils } from "@coral-xyz/anchor";
import { PublicKey } from "@solana/web3.js";

import { COMMITMENT, connection } from "../helpers/cluster";
import { rpc } from "../helpers/rpc";
import { sleep } from "../helpers/subscriptions";

const isBase58Key = (s: string) => utils.bytes.bs58.decode(s).length === 32;

describe("conformance: cluster", function () {
  it("getVersion, getHealth, getGenesisHash and getIdentity", async function () {
    const version = await connection().getVersion();
    assert.match(version["solana-core"], /^\d+\.\d+\.\d+/);
    assert.equal(await rpc("getHealth"), "ok");
    const genesis = await connection().getGenesisHash();
    assert.ok(isBase58Key(genesis));
    assert.equal(await connection().getGenesisHash(), genesis);
    const identity = await rpc<{ identity: string }>("getIdentity");
    assert.ok(isBase58Key(identity.identity));
  });

  it("slots advance on the clock, and getSlot, getBlockHeight and getEpochInfo agree", async function () {
    const first = await connection().getSlot(COMMITMENT);
    await sleep(1_200); // three slots at the default 400 ms
    // Read in the order the assertions compare them: a slot may open between two calls, so each later read may
    // only be larger.
    const epoch = await connection().getEpochInfo(COMMITMENT);
    const height = await connection().getBlockHeight(COMMITMENT);
    const slot = await connection().getSlot(COMMITMENT);
    assert.ok(slot > first, `slot stayed at ${first}`);
    assert.ok(epoch.absoluteSlot >= first && epoch.absoluteSlot <= slot);
    assert.ok(epoch.slotIndex < epoch.slotsInEpoch);
    assert.ok(epoch.blockHeight! <= height && height <= slot);
  });

  it("getLatestBlockhash is valid for about 150 blocks on getBlockHeight's basis", async function () {
    const latest = await connection().getLatestBlockhash(COMMITMENT);
    const height = await connection().getBlockHeight(COMMITMENT);
    assert.ok(isBase58Key(latest.blockhash));
    const margin = latest.lastValidBlockHeight - height;
    assert.ok(margin > 100 && margin <= 300, `lastValidBlockHeight ${latest.lastValidBlockHeight} at height ${height}`);
    const withContext = await connection().getLatestBlockhashAndContext(COMMITMENT);
    assert.ok(withContext.context.slot > 0);
  });

  it("getMinimumBalanceForRentExemption follows the default rent", async function () {
    assert.equal(await connection().getMinimumBalanceForRentExemption(0), 890_880);
    assert.equal(await connection().getMinimumBalanceForRentExemption(165), 2_039_280);
  });

  it("requestAirdrop credits the requested lamports", async function () {
    const to = PublicKey.unique();
    const signature = await connection().requestAirdrop(to, 3_000_000);
    const latest = await connection().getLatestBlockhash(COMMITMENT);
    await connection().confirmTransaction({ signature, ...latest }, COMMITMENT);
    assert.equal(await connection().getBalance(to, COMMITMENT), 3_000_000);
  });
});
