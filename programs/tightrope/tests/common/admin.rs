//! Builders for the admin instructions and the guarded-group fixtures the guard tests share.
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::state::{Asset, AssetConfig, GuardConfig, Group, TierConfig, MAX_PRODUCT_GROUPS};

use super::{instruction, volatile_config, Listed, World, FX};

pub const DELAY: u64 = 100;
/// Long enough that no guard test runs into it, except the ones about expiry.
pub const EXPIRY: u64 = 10 * DELAY;
pub const GUARDS: GuardConfig = GuardConfig { delay_slots: DELAY, max_rate_step: FX / 10, max_band_step: FX / 100, max_points_step: 1, expiry_slots: EXPIRY };

pub fn update_ix(w: &World, admin: &Pubkey, listed: &Listed, oracle: &Pubkey, feed_id: [u8; 32], config: AssetConfig) -> Instruction {
    let accounts = tightrope::accounts::AssetAdmin { group: w.group, admin: *admin, asset: listed.asset, oracle: *oracle };
    instruction(accounts, tightrope::instruction::UpdateAsset { feed_id, config })
}

pub fn apply_ix(w: &World, admin: &Pubkey, listed: &Listed, oracle: &Pubkey) -> Instruction {
    let accounts = tightrope::accounts::AssetAdmin { group: w.group, admin: *admin, asset: listed.asset, oracle: *oracle };
    instruction(accounts, tightrope::instruction::ApplyAssetChange {})
}

pub fn set_tiers_ix(w: &World, admin: &Pubkey, tiers: Vec<TierConfig>, offsets: [u64; MAX_PRODUCT_GROUPS]) -> Instruction {
    let accounts = tightrope::accounts::GroupAdmin { group: w.group, admin: *admin };
    instruction(accounts, tightrope::instruction::SetTiers { tiers, product_group_offsets: offsets })
}

pub fn apply_tiers_ix(w: &World, admin: &Pubkey) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::ApplyTierChange {})
}

pub fn set_guards_ix(w: &World, admin: &Pubkey, guards: GuardConfig) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::SetGuards { guards })
}

pub fn apply_guards_ix(w: &World, admin: &Pubkey) -> Instruction {
    instruction(tightrope::accounts::GroupAdmin { group: w.group, admin: *admin }, tightrope::instruction::ApplyGuardChange {})
}

pub fn asset(w: &World, listed: &Listed) -> Asset {
    w.rt.load(&listed.asset).expect("asset")
}

pub fn group(w: &World) -> Group {
    w.rt.load(&w.group).expect("group")
}

/// Moves `slots` ahead and republishes the oracle so it is fresh at the new time.
pub fn wait_slots(w: &mut World, listed: &Listed, slots: u64) {
    w.rt.advance_slots(slots);
    w.set_price(listed, 100 * 100_000_000, 0);
}

/// Moves past the delay and republishes the oracle.
pub fn wait_delay(w: &mut World, listed: &Listed) {
    wait_slots(w, listed, DELAY);
}

/// A guarded group with one asset whose listing has been applied, so its caps are live.
pub fn guarded_world() -> (World, Listed, Keypair) {
    let mut w = World::with_guards(GUARDS);
    let group_key = w.group;
    let listed = w.list_with(&group_key, 9, 100, volatile_config());
    let admin = w.admin.insecure_clone();
    wait_delay(&mut w, &listed);
    w.rt.process(&[apply_ix(&w, &admin.pubkey(), &listed, &listed.oracle)], &[&admin]).assert_ok();
    (w, listed, admin)
}
