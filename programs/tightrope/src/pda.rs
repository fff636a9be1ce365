//! Addresses of the program's accounts, for Rust clients and CPI callers (Anchor derives them on-chain from the
//! same seed constants).
use anchor_lang::prelude::Pubkey;

use crate::state::{ASSET_SEED, GROUP_SEED, MARGIN_ACCOUNT_SEED, VAULT_SEED};
use crate::ID;

pub fn group_address(creator: &Pubkey, group_num: u32) -> Pubkey {
    Pubkey::find_program_address(&[GROUP_SEED, creator.as_ref(), &group_num.to_le_bytes()], &ID).0
}

pub fn asset_address(group: &Pubkey, mint: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[ASSET_SEED, group.as_ref(), mint.as_ref()], &ID).0
}

pub fn vault_address(asset: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[VAULT_SEED, asset.as_ref()], &ID).0
}

pub fn margin_account_address(group: &Pubkey, owner: &Pubkey, account_num: u32) -> Pubkey {
    Pubkey::find_program_address(
        &[MARGIN_ACCOUNT_SEED, group.as_ref(), owner.as_ref(), &account_num.to_le_bytes()],
        &ID,
    )
    .0
}
