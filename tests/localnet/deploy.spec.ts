// migrations/deploy.ts against the local cluster, as against any other: real mints, Pyth price accounts at the
// push-oracle addresses of the real feed ids, the CLI run as a user runs it, then re-run to show it is idempotent.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { AnchorProvider, Program, Wallet } from "@coral-xyz/anchor";
import { Keypair, PublicKey } from "@solana/web3.js";

import { deploy, Deployed, LAUNCH_GUARDS, MARKETS, Symbol } from "../../migrations/deploy";
import { feedIdBytes, IDL, PYTH_FEED_IDS, pythFeedAccount, Tightrope } from "../../sdk/src";
import { clusterInfo, COMMITMENT, connection } from "../helpers/cluster";
import { REPO_ROOT } from "../../sdk/src/localnet";
import { freshPrice, setPythPrice } from "../helpers/pyth";
import { snapshot } from "../helpers/refusal";
import { newMint } from "../helpers/tokens";
import { fundedWallet } from "../helpers/wallet";

const run = promisify(execFile);
const DECIMALS: Record<Symbol, number> = { USDC: 6, SOL: 9, ETH: 8, BTC: 8 };
/** Prices as Pyth publishes them, exponent −8. */
const PRICES: Record<Symbol, bigint> = { USDC: 100_000_000n, SOL: 15_000_000_000n, ETH: 300_000_000_000n, BTC: 6_000_000_000_000n };

function programFor(admin: Keypair): Program<Tightrope> {
  const provider = new AnchorProvider(connection(), new Wallet(admin), { commitment: COMMITMENT });
  return new Program<Tightrope>(IDL, provider);
}

describe("migrations/deploy.ts", function () {
  let admin: Keypair;
  let keypairFile: string;
  const mints = {} as Record<Symbol, PublicKey>;
  let deployed: Deployed;

  before(async function () {
    admin = await fundedWallet(20);
    keypairFile = path.join(mkdtempSync(path.join(tmpdir(), "tightrope-deploy-")), "admin.json");
    writeFileSync(keypairFile, JSON.stringify(Array.from(admin.secretKey)));
    for (const symbol of Object.keys(DECIMALS) as Symbol[]) {
      mints[symbol] = await newMint(DECIMALS[symbol]);
      const feedId = feedIdBytes(PYTH_FEED_IDS[MARKETS[symbol].feed]);
      await setPythPrice(await freshPrice(feedId, PRICES[symbol], -8), pythFeedAccount(feedId));
    }
  });

  it("derives Pyth's push-oracle account for a feed as Pyth does (SOL/USD, shard 0)", function () {
    const sol = pythFeedAccount(feedIdBytes(PYTH_FEED_IDS["SOL/USD"]));
    assert.equal(sol.toBase58(), "7UVimffxr9ow1uXYxsr4LHAcV58mLzhmwaeKvJ1pjLiE");
  });

  it("the CLI creates the group, tiers, four assets on their feeds, and tightens the guards", async function () {
    const args = ["--import", "tsx", "migrations/deploy.ts", "--url", clusterInfo().rpcUrl, "--keypair", keypairFile];
    for (const symbol of Object.keys(mints) as Symbol[]) args.push(`--${symbol.toLowerCase()}`, mints[symbol].toBase58());
    const { stdout, stderr } = await run(process.execPath, args, { cwd: REPO_ROOT, timeout: 120_000 });
    deployed = JSON.parse(stdout) as Deployed;
    assert.match(stderr, /init_group/);
    assert.equal((stderr.match(/add_asset/g) ?? []).length, 4, stderr);

    const program = programFor(admin);
    const group = await program.account.group.fetch(new PublicKey(deployed.group));
    assert.ok(group.admin.equals(admin.publicKey) && group.quoteMint.equals(mints.USDC));
    assert.equal(JSON.stringify(group.guards), JSON.stringify(LAUNCH_GUARDS));
    const bandOf = (symbol: Symbol) => group.tiers[MARKETS[symbol].tier].bandDown;
    assert.ok(bandOf("BTC").lt(bandOf("SOL")) && bandOf("ETH").lt(bandOf("SOL")), "BTC/ETH must be narrower than SOL");
    assert.ok(bandOf("USDC").isZero());

    for (const symbol of Object.keys(mints) as Symbol[]) {
      const listed = deployed.assets[symbol];
      const asset = await program.account.asset.fetch(new PublicKey(listed.asset));
      const feedId = feedIdBytes(PYTH_FEED_IDS[MARKETS[symbol].feed]);
      assert.ok(asset.mint.equals(mints[symbol]) && asset.oracle.equals(pythFeedAccount(feedId)), symbol);
      assert.deepEqual(Uint8Array.from(asset.feedId), feedId);
      assert.equal(asset.decimals, DECIMALS[symbol]);
      assert.equal(asset.params.tier, MARKETS[symbol].tier);
      const cap = BigInt(asset.params.depositCap.toString());
      assert.equal(cap, BigInt(MARKETS[symbol].depositCap) * 10n ** BigInt(DECIMALS[symbol]), `${symbol} cap`);
    }
  });

  it("a second run sends nothing and changes nothing", async function () {
    const watched = [deployed.group, ...Object.values(deployed.assets).map((a) => a.asset)].map((k) => new PublicKey(k));
    const before = await snapshot(watched);
    const said: string[] = [];
    const again = await deploy(programFor(admin), { groupNum: 0, mints, log: (line) => said.push(line) });
    assert.deepEqual(said, []);
    assert.deepEqual(again, deployed);
    assert.deepEqual(await snapshot(watched), before);
  });

  it("names the missing price account when a feed has none on the cluster", async function () {
    const error = await deploy(programFor(admin), { groupNum: 1, mints, shard: 7, log: () => {} }).then(
      () => assert.fail("deployed without oracles"),
      (e: unknown) => e as Error,
    );
    const expected = pythFeedAccount(feedIdBytes(PYTH_FEED_IDS["USDC/USD"]), 7).toBase58();
    assert.match(error.message, new RegExp(`no Pyth price account for USDC/USD at ${expected}`));
  });
});
