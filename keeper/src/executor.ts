// Everything the keeper sends, behind one interface: flag a margin call, liquidate, resolve bad debt. Each send is
// simulated first (a refusal comes back as the program's named error before any fee is paid), carries the
// configured compute-unit limit and priority fee, and waits for `confirmed` with a timeout.
import { PublicKey, TransactionSignature } from "@solana/web3.js";
import { AssetState, SendOptions, TightropeClient } from "@tightrope/sdk";

export interface LiquidationRequest {
  liquidator: PublicKey;
  liquidatee: PublicKey;
  liability: AssetState;
  collateral: AssetState;
  /** Native units of the liability at most repaid. */
  maxRepay: bigint;
}

export interface Executor {
  flagMarginCall(marginAccount: PublicKey): Promise<TransactionSignature>;
  liquidate(request: LiquidationRequest): Promise<TransactionSignature>;
  resolveBadDebt(marginAccount: PublicKey): Promise<TransactionSignature>;
}

export class ChainExecutor implements Executor {
  constructor(
    readonly client: TightropeClient,
    readonly options: Pick<SendOptions, "computeUnits" | "priorityMicroLamports" | "timeoutMs">,
  ) {}

  async flagMarginCall(marginAccount: PublicKey): Promise<TransactionSignature> {
    // The health accounts are read now, so they follow the account's balances as they are on chain.
    const account = await this.client.fetchMarginAccount(marginAccount);
    const ix = await this.client.instructions.flagMarginCall({ health: await this.client.healthSource(account) });
    return this.client.send([ix], this.options);
  }

  liquidate(request: LiquidationRequest): Promise<TransactionSignature> {
    return this.client.liquidate(request, this.options);
  }

  resolveBadDebt(marginAccount: PublicKey): Promise<TransactionSignature> {
    return this.client.resolveBadDebt(marginAccount, this.options);
  }
}
