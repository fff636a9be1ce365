//! The ways around the parameter guards the review found, each closed: new tiers, moving an asset to a narrower
//! tier, dropping valuation points, jumping interest models, misaligned product groups, and queued changes that
//! never expire. Every refusal asserts its named error and that nothing changed.
mod common;

use common::admin::*;
use common::*;
use solana_sdk::signature::Signer;
use tightrope::errors::TightropeError as E;
use tightrope::events::{AssetChangeQueued, GuardChangeQueued, TierChangeQueued};
use tightrope::state::{AssetConfig, GuardConfig, TierConfig, TIER_BROAD, TIER_CASH, TIER_SINGLE};
use tightrope_risk::Tier;

fn current_tiers(w: &World) -> Vec<TierConfig> {
    group(w).tiers().to_vec()
}

#[test]
fn a_new_tier_waits_the_delay() {
    let (mut w, _, admin) = guarded_world();
    let mut tiers = current_tiers(&w);
    let count = tiers.len() as u8;
    // A tier without a band: nothing is charged for an asset moved there.
    tiers.push(TierConfig::from_tier(&Tier::cash()).unwrap());
    let offsets = group(&w).product_group_offsets;
    let outcome = w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), tiers, offsets)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<TierChangeQueued>().len(), 1, "{}", outcome.logs.join("\n"));
    assert_eq!(group(&w).tier_count, count);
}

#[test]
fn moving_an_asset_to_a_narrower_tier_is_step_limited() {
    let (mut w, listed, admin) = guarded_world();
    let (oracle, feed) = (listed.oracle, listed.feed_id);
    // From the single-name tier (±15%) to cash (no band) or broad index (−8%/+6%): more than one 1% band step.
    for tier in [TIER_CASH, TIER_BROAD] {
        let config = AssetConfig { tier, ..volatile_config() };
        w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, config), &[&admin], code(E::ParameterStepTooLarge), &[listed.asset, w.group]);
    }
    // A tier one step narrower (−14%/+15%) is listed, then the asset moves there after the delay.
    let mut tiers = current_tiers(&w);
    let mut narrower = tiers[usize::from(TIER_SINGLE)];
    narrower.band_down -= FX / 100;
    tiers.push(narrower);
    let offsets = group(&w).product_group_offsets;
    w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), tiers.clone(), offsets)], &[&admin]).assert_ok();
    wait_delay(&mut w, &listed);
    w.rt.process(&[apply_tiers_ix(&w, &admin.pubkey())], &[&admin]).assert_ok();
    let config = AssetConfig { tier: tiers.len() as u8 - 1, ..volatile_config() };
    let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, config)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<AssetChangeQueued>().len(), 1);
}

#[test]
fn valuation_points_drop_one_at_a_time() {
    let (mut w, _, admin) = guarded_world();
    let offsets = group(&w).product_group_offsets;
    let mut tiers = current_tiers(&w);
    let single = usize::from(TIER_SINGLE);
    tiers[single].points_down -= 2;
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), tiers.clone(), offsets), &[&admin], code(E::ParameterStepTooLarge), &[w.group]);
    tiers[single].points_down += 1;
    let outcome = w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), tiers, offsets)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<TierChangeQueued>().len(), 1);
}

#[test]
fn an_interest_model_moves_at_most_one_rate_step_either_way() {
    let (mut w, listed, admin) = guarded_world();
    let (oracle, feed) = (listed.oracle, listed.feed_id);
    let base = volatile_config();
    for rate_at_max in [base.interest.rate_at_max - FX / 10 - 1, base.interest.rate_at_max + FX / 10 + 1] {
        let mut config = base;
        config.interest.rate_at_max = rate_at_max;
        w.assert_refused(update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, config), &[&admin], code(E::ParameterStepTooLarge), &[listed.asset]);
    }
    let mut config = base;
    config.interest.rate_at_max += FX / 10;
    let outcome = w.rt.process(&[update_ix(&w, &admin.pubkey(), &listed, &oracle, feed, config)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<AssetChangeQueued>().len(), 1);
}

#[test]
fn tiers_of_one_product_group_must_share_their_valuation_points() {
    let (mut w, listed, admin) = guarded_world();
    let offsets = group(&w).product_group_offsets;
    let mut tiers = current_tiers(&w);
    let (broad, single) = (usize::from(TIER_BROAD), usize::from(TIER_SINGLE));
    // Broad index and single name join product group 0 with the same points: a change that waits.
    tiers[broad].product_group = 0;
    tiers[single].product_group = 0;
    w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), tiers.clone(), offsets)], &[&admin]).assert_ok();
    wait_delay(&mut w, &listed);
    w.rt.process(&[apply_tiers_ix(&w, &admin.pubkey())], &[&admin]).assert_ok();
    assert_eq!(current_tiers(&w), tiers);
    // More points for one of them is safe for that tier alone, but every quote of the group would fail.
    let mut misaligned = tiers.clone();
    misaligned[single].points_up += 1;
    w.assert_refused(set_tiers_ix(&w, &admin.pubkey(), misaligned, offsets), &[&admin], code(E::MisalignedProductGroup), &[w.group]);
    // Both together are fine.
    tiers[broad].points_up += 1;
    tiers[single].points_up += 1;
    w.rt.process(&[set_tiers_ix(&w, &admin.pubkey(), tiers.clone(), offsets)], &[&admin]).assert_ok();
    assert_eq!(current_tiers(&w), tiers);
}

/// Queues one risky change of each kind: an asset's initial rate, the single-name band, the rate step.
fn queue_all(w: &mut World, listed: &Listed, admin: &solana_sdk::signature::Keypair) {
    let mut config = volatile_config();
    config.rules.initial_long -= FX / 20;
    let mut tiers = current_tiers(w);
    tiers[usize::from(TIER_SINGLE)].band_down -= FX / 100;
    let offsets = group(w).product_group_offsets;
    let looser = GuardConfig { max_rate_step: FX / 5, ..GUARDS };
    let ixs = [
        update_ix(w, &admin.pubkey(), listed, &listed.oracle, listed.feed_id, config),
        set_tiers_ix(w, &admin.pubkey(), tiers, offsets),
        set_guards_ix(w, &admin.pubkey(), looser),
    ];
    let outcome = w.rt.process(&ixs, &[admin]);
    assert_eq!(outcome.assert_ok().events::<GuardChangeQueued>().len(), 1);
}

#[test]
fn a_queued_change_expires_after_its_window() {
    let (mut w, listed, admin) = guarded_world();
    let watched = [w.group, listed.asset];
    queue_all(&mut w, &listed, &admin);
    wait_slots(&mut w, &listed, DELAY + EXPIRY + 1);
    let applies = [apply_ix(&w, &admin.pubkey(), &listed, &listed.oracle), apply_tiers_ix(&w, &admin.pubkey()), apply_guards_ix(&w, &admin.pubkey())];
    for ix in applies.clone() {
        w.assert_refused(ix, &[&admin], code(E::ChangeExpired), &watched);
    }
    // Queued again, each still applies in the last slot of its window.
    queue_all(&mut w, &listed, &admin);
    wait_slots(&mut w, &listed, DELAY + EXPIRY);
    for ix in applies {
        w.rt.process(&[ix], &[&admin]).assert_ok();
    }
    assert_eq!(group(&w).guards.max_rate_step, FX / 5);
}

#[test]
fn the_expiry_window_is_a_guard_itself() {
    let (mut w, listed, admin) = guarded_world();
    let none = GuardConfig { expiry_slots: 0, ..GUARDS };
    w.assert_refused(set_guards_ix(&w, &admin.pubkey(), none), &[&admin], code(E::InvalidParameters), &[w.group, listed.asset]);
    // A longer window loosens the guards: it waits; a shorter one applies at once.
    let longer = GuardConfig { expiry_slots: 2 * EXPIRY, ..GUARDS };
    let outcome = w.rt.process(&[set_guards_ix(&w, &admin.pubkey(), longer)], &[&admin]);
    assert_eq!(outcome.assert_ok().events::<GuardChangeQueued>().len(), 1);
    let shorter = GuardConfig { expiry_slots: EXPIRY / 2, ..GUARDS };
    w.rt.process(&[set_guards_ix(&w, &admin.pubkey(), shorter)], &[&admin]).assert_ok();
    assert_eq!(group(&w).guards, shorter);
}
