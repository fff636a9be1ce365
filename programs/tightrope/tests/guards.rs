//! Guarded parameter changes through the runtime: risk-reducing changes apply at once, risk-increasing ones wait
//! the group's delay within the step limits, guards only loosen after the delay; every refusal leaves state as is.
mod common;

use common::admin::*;
use common::*;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::errors::TightropeError as E;
use tightrope::events::{AssetChangeQueued, AssetChanged, GuardChangeQueued, GuardsChanged, TierChangeQueued, TiersChanged};
use tightrope::state::{AssetConfig, GuardConfig, TierConfig};

#[test]
fn a_new_asset_is_collateral_only_after_the_delay() {
    let mut w = World::with_guards(GUARDS);
    let group_key = w.group;
    let listed = w.list_with(&group_key, 9, 100, volatile_config());
    let admin = w.admin.insecure_clone();
    let stored = asset(&w, &listed);
    assert_eq!((stored.params.deposit_cap, stored.params.borrow_cap), (0, 0));
    assert!(stored.pending.queued.is_queued());

    let trader = w.trader(0);
    let wallet = w.wallet(&listed, &trader.owner.pubkey(), 10 * SOL);
    let deposit = instruction(w.deposit_accounts(&trader, &listed, &wallet), tightrope::instruction::Deposit { amount: SOL });
    let watched = [listed.asset, listed.vault, wallet, trader.margin_account];
    w.assert_refused(deposit.clone(), &[&trader.owner], code(E::DepositCapExceeded), &watched);
    w.assert_refused(apply_ix(&w, &admin.pubkey(), &listed, &listed.oracle), &[&admin], code(E::ChangeNotDue), &watched);

    wait_delay(&mut w, &listed);
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(apply_ix(&w, &stranger.pubkey(), &listed, &listed.oracle), &[&stranger], code(E::NotAdmin), &watched);
    let outcome = w.rt.process(&[apply_ix(&w, &admin.pubkey(), &listed, &listed.oracle)], &[&admin]);
    let changed = &outcome.assert_ok().events::<AssetChanged>()[0];
    assert!(changed.from_queue && changed.after == volatile_config() && changed.before.deposit_cap == 0);
    w.rt.process(&[deposit], &[&trader.owner]).assert_ok();
    w.assert_refused(apply_ix(&w, &admin.pubkey(), &listed, &listed.oracle), &[&admin], code(E::NothingQueued), &watched);
}

#[test]
fn risk_reducing_asset_changes_apply_at_once_risk_increasing_ones_wait() {
    let (mut w, listed, admin) = guarded_world();
    let (oracle, feed) = (listed.oracle, listed.feed_id);
    let mut safer = volatile_config();
    safer.rules.initial_long = FX * 6 / 10;
    safer.deposit_cap = 1_000 * SOL;
    safer.max_conf_ratio = FX / 100;
    // Even while the oracle is wider (3%) than the tighter limit (1%) asks: the current oracle is not read.
    w.set_price(&listed, 100 * 100_000_000, 3 * 100_000_000);
    let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, safer)], &[&admin]);
    let changed = &outcome.assert_ok().events::<AssetChanged>()[0];
    assert!(!changed.from_queue && !changed.discarded_pending && changed.after == safer);
    assert_eq!(asset(&w, &listed).params.config(), safer);
    w.set_price(&listed, 100 * 100_000_000, 0);

    // Lower initial rate by one step: queued, nothing in force changes.
    let mut riskier = safer;
    riskier.rules.initial_long = FX / 2;
    let slot = w.rt.clock().slot;
    let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, riskier)], &[&admin]);
    let queued = &outcome.assert_ok().events::<AssetChangeQueued>()[0];
    assert_eq!((queued.current, queued.proposed, queued.due_slot), (safer, riskier, slot + DELAY));
    assert_eq!(asset(&w, &listed).params.config(), safer);

    // Re-sending what is in force cancels the queue.
    let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, safer)], &[&admin]);
    assert!(outcome.assert_ok().events::<AssetChanged>()[0].discarded_pending);
    assert!(!asset(&w, &listed).pending.queued.is_queued());

    // Each risk-increasing kind waits: a higher cap, a new oracle (tier moves: see guard_limits.rs).
    let new_oracle = Listed { oracle: Pubkey::new_unique(), feed_id: Pubkey::new_unique().to_bytes(), ..listed.clone() };
    w.set_price(&new_oracle, 100 * 100_000_000, 0);
    let bigger_cap = AssetConfig { deposit_cap: 2_000 * SOL, ..safer };
    for (oracle, feed, config) in [(oracle, feed, bigger_cap), (new_oracle.oracle, new_oracle.feed_id, safer)] {
        let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, config)], &[&admin]);
        assert_eq!(outcome.assert_ok().events::<AssetChangeQueued>().len(), 1, "{config:?}");
        assert_eq!(asset(&w, &listed).params.config(), safer);
    }
    // The last queued change (a new oracle) applies after the delay; the oracle must be the queued one.
    w.assert_refused(apply_ix(&w, &admin.pubkey(), &listed, &new_oracle.oracle), &[&admin], code(E::ChangeNotDue), &[listed.asset]);
    wait_delay(&mut w, &listed);
    w.set_price(&new_oracle, 100 * 100_000_000, 0);
    w.assert_refused(apply_ix(&w, &admin.pubkey(), &listed, &oracle), &[&admin], code(E::OracleAccountMismatch), &[listed.asset]);
    w.rt.process(&[apply_ix(&w, &admin.pubkey(), &listed, &new_oracle.oracle)], &[&admin]).assert_ok();
    assert_eq!(asset(&w, &listed).oracle, new_oracle.oracle);
}

#[test]
fn asset_changes_past_the_step_or_by_a_non_admin_are_refused() {
    let (mut w, listed, admin) = guarded_world();
    let (oracle, feed) = (listed.oracle, listed.feed_id);
    let mut too_far = volatile_config();
    too_far.rules.maintenance_long = FX / 4 - FX / 10 - 1; // one unit past the 0.1 step
    w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, too_far), &[&admin], code(E::ParameterStepTooLarge), &[listed.asset]);

    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    let mut safer = volatile_config();
    safer.rules.initial_long = FX;
    w.assert_refused(update_ix(&w, &stranger.pubkey(), &listed, &oracle, feed, safer), &[&stranger], code(E::NotAdmin), &[listed.asset]);
    // A proposal whose oracle does not answer is refused by the oracle's own error.
    let silent = Pubkey::new_unique();
    w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &silent, feed, safer), &[&admin], code(E::OracleWrongOwner), &[listed.asset]);
    // Out-of-range parameters (maintenance above initial), and an asset of another group.
    let mut inverted = volatile_config();
    inverted.rules.maintenance_long = FX * 6 / 10;
    w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, inverted), &[&admin], code(E::InvalidAssetConfig), &[listed.asset]);
    let other_group = w.create_group(1, OPEN_GUARDS);
    let foreign = w.list_in(&other_group, 6);
    let ix = update_ix(&w, &admin.pubkey(), &foreign, &foreign.oracle, foreign.feed_id, safer);
    w.assert_refused(ix, &[&admin], code(E::GroupMismatch), &[foreign.asset, listed.asset]);
}

#[test]
fn only_the_admin_sets_or_applies_group_changes() {
    let (mut w, _, _) = guarded_world();
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    let tighter = GuardConfig { delay_slots: 2 * DELAY, ..GUARDS };
    let watched = [w.group];
    w.assert_refused(set_guards_ix(&w, &stranger.pubkey(), tighter), &[&stranger], code(E::NotAdmin), &watched);
    w.assert_refused(apply_tiers_ix(&w, &stranger.pubkey()), &[&stranger], code(E::NotAdmin), &watched);
    // The admin's key without its signature: Anchor's AccountNotSigner.
    let mut unsigned = set_guards_ix(&w, &w.admin.pubkey(), tighter);
    unsigned.accounts[1].is_signer = false;
    let not_signer = anchor_lang::error::ErrorCode::AccountNotSigner as u32;
    w.assert_refused(unsigned, &[], not_signer, &watched);
}

#[test]
fn tier_changes_are_guarded_and_tiers_are_never_removed() {
    let (mut w, listed, admin) = guarded_world();
    let current = group(&w);
    let tiers = current.tiers[..usize::from(current.tier_count)].to_vec();
    let offsets = current.product_group_offsets;
    // The single-name tier (index 2) of `base`, changed by `f`.
    let with_single = |base: &Vec<TierConfig>, f: &dyn Fn(&mut TierConfig)| {
        let mut t = base.clone();
        f(&mut t[2]);
        t
    };
    let watched = [w.group];

    // Wider single-name band: at once.
    let wider = with_single(&tiers, &|t| t.band_down += FX / 20);
    let outcome = w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), wider.clone(), offsets)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<TiersChanged>()[0].after, wider);
    // Narrower by one band step: queued. By more: refused.
    let narrower = with_single(&wider, &|t| t.band_down -= FX / 100);
    let outcome = w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), narrower.clone(), offsets)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<TierChangeQueued>()[0].proposed, narrower);
    assert_eq!(group(&w).tiers[2], wider[2]);
    let too_narrow = with_single(&wider, &|t| t.band_down -= FX / 100 + 1);
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), too_narrow, offsets), &[&admin], code(E::ParameterStepTooLarge), &watched);
    // Fewer tiers, an out-of-range tier, padding: refused.
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), tiers[..2].to_vec(), offsets), &[&admin], code(E::InvalidParameters), &watched);
    let broken = with_single(&wider, &|t| t.band_down = 2 * FX);
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), broken, offsets), &[&admin], code(E::InvalidParameters), &watched);
    let padded = with_single(&wider, &|t| t.reserved[0] = 1);
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), padded, offsets), &[&admin], code(E::InvalidParameters), &watched);
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(set_tiers_ix(&w, &stranger.pubkey(), wider.clone(), offsets), &[&stranger], code(E::NotAdmin), &watched);

    w.assert_refused(apply_tiers_ix(&w, &admin.pubkey()), &[&admin], code(E::ChangeNotDue), &watched);
    wait_delay(&mut w, &listed);
    let outcome = w.rt.process(&[apply_tiers_ix(&w, &admin.pubkey())], &[&admin]);
    assert!(outcome.assert_ok().events::<TiersChanged>()[0].from_queue);
    assert_eq!(group(&w).tiers[2], narrower[2]);
}

#[test]
fn guards_tighten_at_once_and_loosen_only_after_the_delay() {
    let (mut w, listed, admin) = guarded_world();
    let watched = [w.group, listed.asset];
    let tighter = GuardConfig { delay_slots: 2 * DELAY, max_rate_step: FX / 20, ..GUARDS };
    let outcome = w.rt.process(&[set_guards_ix(&w, &admin.pubkey(), tighter)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<GuardsChanged>()[0].after, tighter);

    // The tighter step binds at once; the longer delay holds back a change queued under it.
    let mut step_past_new_limit = volatile_config();
    step_past_new_limit.rules.initial_long = FX / 2 - FX / 20 - 1;
    let (oracle, feed) = (listed.oracle, listed.feed_id);
    w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, step_past_new_limit), &[&admin], code(E::ParameterStepTooLarge), &watched);

    let looser = GUARDS;
    let slot = w.rt.clock().slot;
    let outcome = w.rt.process(&[set_guards_ix(&w, &admin.pubkey(), looser)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<GuardChangeQueued>()[0].due_slot, slot + 2 * DELAY);
    assert_eq!(group(&w).guards, tighter);
    wait_delay(&mut w, &listed);
    w.assert_refused(apply_guards_ix(&w, &admin.pubkey()), &[&admin], code(E::ChangeNotDue), &watched);
    wait_delay(&mut w, &listed);
    let stranger = Keypair::new();
    w.rt.fund(&stranger.pubkey(), SOL);
    w.assert_refused(apply_guards_ix(&w, &stranger.pubkey()), &[&stranger], code(E::NotAdmin), &watched);
    w.rt.process(&[apply_guards_ix(&w, &admin.pubkey())], &[&admin]).assert_ok();
    assert_eq!(group(&w).guards, looser);
}
