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
}
