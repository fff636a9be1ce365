// What the stress demo watches while it replays: the program's events as they are emitted (a `logsSubscribe` on the
// program, decoded as an indexer would), and every book's maintenance health sampled each replayed hour from the
// accounts themselves, priced by the SDK exactly as the program prices them.
import { BorshCoder, EventParser } from "@coral-xyz/anchor";
import { SYSVAR_CLOCK_PUBKEY } from "@solana/web3.js";

import { accountDiscriminator, buildPortfolio, clockUnixTimestamp, decodeMarginAccount, MARGIN_ACCOUNT_GROUP_OFFSET, risk } from "../../sdk/src";
import type { Book } from "./books";
import type { StressMarket } from "./market";

export interface ProgramEvent {
  name: string;
  data: Record<string, unknown>;
  /** Replay tick at which it was seen. */
  tick: number;
}

export interface Sample {
  tick: number;
  hour: number;
  /** Books below maintenance and books under a margin call, per model. */
  below: Record<risk.Model, number>;
  called: Record<risk.Model, number>;
}

export class Observer {
  readonly events: ProgramEvent[] = [];
  readonly samples: Sample[] = [];
  /** Books seen below maintenance at some sample, and each book's last health. */
  readonly everBelow = new Set<string>();
  readonly lastHealth = new Map<string, bigint>();
  tick = 0;
  private subscription: number | undefined;
  private readonly models: Map<string, risk.Model>;

  constructor(readonly m: StressMarket, readonly books: Book[]) {
    this.models = new Map(books.map((b) => [b.marginAccount.toBase58(), b.model]));
  }

  modelOf(account: string): risk.Model | undefined {
    return this.models.get(account);
  }

  start(): void {
    const programId = this.m.admin.program.programId;
    const parser = new EventParser(programId, new BorshCoder(this.m.admin.program.idl));
    this.subscription = this.m.connection.onLogs(
      programId,
      (logs) => {
        if (logs.err) return;
        for (const e of parser.parseLogs(logs.logs)) this.events.push({ name: e.name, data: e.data as Record<string, unknown>, tick: this.tick });
      },
      "confirmed",
    );
  }

  async stop(): Promise<void> {
    if (this.subscription !== undefined) await this.m.connection.removeOnLogsListener(this.subscription);
  }

  /** Every book's maintenance health now, from one read of the accounts, the assets, the oracles and the clock. */
  async sample(hour: number): Promise<Sample> {
    const c = this.m.connection;
    const [rows, assets] = await Promise.all([
      c.getProgramAccounts(this.m.admin.program.programId, {
        commitment: "confirmed",
        filters: [
          { memcmp: { offset: 0, bytes: accountDiscriminator("marginAccount").toString("base64"), encoding: "base64" } },
          { memcmp: { offset: MARGIN_ACCOUNT_GROUP_OFFSET, bytes: this.m.group.toBase58() } },
        ],
      }),
      this.m.admin.fetchAssets(this.m.group),
    ]);
    const infos = await c.getMultipleAccountsInfo([SYSVAR_CLOCK_PUBKEY, ...assets.map((a) => a.oracle)], "confirmed");
    const now = clockUnixTimestamp(infos[0]!.data);
    const oracles = new Map(assets.map((a, i) => [a.oracle.toBase58(), infos[i + 1]]));
    const byAddress = new Map(assets.map((a) => [a.address.toBase58(), a]));
    const group = await this.m.admin.fetchGroup(this.m.group);
    const sample: Sample = { tick: this.tick, hour, below: { rules: 0, tims: 0 }, called: { rules: 0, tims: 0 } };
    for (const row of rows) {
      const key = row.pubkey.toBase58();
      const model = this.models.get(key);
      if (!model) continue; // the lender and the keeper
      const account = decodeMarginAccount(row.pubkey, row.account.data);
      const priced = buildPortfolio(group, account, byAddress, oracles, now);
      const health = risk.health(priced.portfolio, priced.model, "maintenance");
      this.lastHealth.set(key, health);
      if (health < 0n) {
        sample.below[model]++;
        this.everBelow.add(key);
      }
      if (account.marginCallAt !== null) sample.called[model]++;
    }
    this.samples.push(sample);
    return sample;
  }
}
