use anchor_lang::prelude::*;

/// Every refusal the program makes on its own account; Anchor's constraint errors cover the rest.
#[error_code]
pub enum TightropeError {
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("Withdrawal exceeds the account's deposit of this asset")]
    InsufficientDeposit,
    #[msg("The margin account still holds balances")]
    AccountNotEmpty,
    #[msg("All balance slots of the margin account are in use")]
    BalanceSlotsFull,
    #[msg("Signer is not the group admin")]
    NotAdmin,
    #[msg("Signer is not the margin account owner")]
    NotOwner,
    #[msg("Account belongs to another group")]
    GroupMismatch,
    #[msg("Vault is not this asset's vault")]
    VaultMismatch,
    #[msg("Token account holds a different mint than the asset")]
    MintMismatch,
    #[msg("Token account is not owned by the signer")]
    TokenOwnerMismatch,
    #[msg("The group has no room for another asset")]
    AssetLimitReached,
    #[msg("Oracle account is not owned by the Pyth receiver program")]
    OracleWrongOwner,
    #[msg("Oracle account is not a PriceUpdateV2")]
    InvalidOracleAccount,
    #[msg("Oracle carries another price feed than the asset's")]
    OracleFeedMismatch,
    #[msg("Oracle update is only partially verified")]
    OracleNotFullyVerified,
    #[msg("Oracle price is older than the asset's maximum age")]
    StaleOracle,
    #[msg("Oracle price is not positive or out of range")]
    InvalidOraclePrice,
    #[msg("Oracle confidence interval is wider than the asset allows")]
    OracleConfidenceTooWide,
    #[msg("Oracle account is not the asset's oracle")]
    OracleAccountMismatch,
    #[msg("Asset configuration is out of range")]
    InvalidAssetConfig,
    #[msg("Health accounts must be (asset, oracle) per balance, in balance order, each once")]
    HealthAccountsMismatch,
    #[msg("The account would not meet its initial margin requirement")]
    InitialMarginShortfall,
    #[msg("The asset's deposit cap would be exceeded")]
    DepositCapExceeded,
    #[msg("The asset's borrow cap would be exceeded")]
    BorrowCapExceeded,
    #[msg("Not enough deposits of the asset to lend")]
    InsufficientLiquidity,
    #[msg("The risk engine refused the inputs")]
    RiskEngine,
    #[msg("The account owes nothing of this asset")]
    NoDebt,
    #[msg("Parameters are out of range")]
    InvalidParameters,
    #[msg("A risk-increasing change moves a parameter further than one step allows")]
    ParameterStepTooLarge,
    #[msg("No parameter change is queued")]
    NothingQueued,
    #[msg("The queued change's delay has not passed")]
    ChangeNotDue,
    #[msg("This operation is paused for the group")]
    OperationPaused,
    #[msg("A delegate may trade but never move funds out of the account")]
    DelegateCannotWithdraw,
    #[msg("Oracle update was published before the last price this asset used")]
    OraclePublishTimeRegressed,
    #[msg("Oracle update claims a publish time in the future")]
    OraclePublishTimeInFuture,
    #[msg("Mint decimals are beyond what the risk engine supports")]
    MintDecimalsUnsupported,
    #[msg("The queued change expired: its window after the due slot has passed")]
    ChangeExpired,
    #[msg("Tiers of one product group must share their valuation points")]
    MisalignedProductGroup,
    #[msg("The vault cannot be the source or destination of its own transfer")]
    VaultAsTokenAccount,
    #[msg("The account meets its maintenance requirement: there is nothing to call")]
    NotBelowMaintenance,
    #[msg("A margin call is already open on this account")]
    AlreadyUnderMarginCall,
    #[msg("No margin call is open on this account")]
    NotUnderMarginCall,
    #[msg("The account's maintenance health has not reached the cure buffer")]
    MarginCallNotCured,
    #[msg("Under a margin call the account may only deposit and repay")]
    UnderMarginCall,
    #[msg("The insurance fund holds less of this asset than asked")]
    InsufficientInsurance,
    #[msg("The group gives a grace window: flag a margin call on the account first")]
    MarginCallNotFlagged,
    #[msg("The account's margin call is within its grace window")]
    MarginCallGraceRunning,
    #[msg("A margin account cannot liquidate itself")]
    SelfLiquidation,
    #[msg("The liability and the collateral of a liquidation must be different assets")]
    SameAssetLiquidation,
    #[msg("The liquidated account does not owe the liability or hold the collateral named")]
    AssetNotHeld,
    #[msg("At this size the liquidation would repay nothing")]
    NothingToLiquidate,
    #[msg("The liquidation would not improve the account's maintenance health")]
    LiquidationNotImproving,
    #[msg("The account still holds collateral: liquidate it before resolving bad debt")]
    CollateralRemains,
    #[msg("The account owes nothing: there is no bad debt to resolve")]
    NoBadDebt,
}
