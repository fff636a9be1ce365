//! The accounts of the admin's parameter instructions, shared as `MoveIn` is by deposit and repay: one struct for
//! the group-level ones (tiers, guards, pause) and one for the asset-level ones.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::state::{Asset, Group};

#[derive(Accounts)]
pub struct GroupAdmin<'info> {
    #[account(mut, has_one = admin @ TightropeError::NotAdmin)]
    pub group: AccountLoader<'info, Group>,
    pub admin: Signer<'info>,
}

#[derive(Accounts)]
pub struct AssetAdmin<'info> {
    #[account(has_one = admin @ TightropeError::NotAdmin)]
    pub group: AccountLoader<'info, Group>,
    pub admin: Signer<'info>,
    #[account(mut, has_one = group @ TightropeError::GroupMismatch)]
    pub asset: AccountLoader<'info, Asset>,
    /// CHECK: the Pyth `PriceUpdateV2` of the change: the proposed one (the current one to keep it) for
    /// `update_asset`, the queued one for `apply_asset_change`; a new one is read with the change's feed and limits.
    pub oracle: UncheckedAccount<'info>,
}
