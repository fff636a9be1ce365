//! The happy path through every instruction, with the events each emits and the logs a validator would show.
mod common;

use common::*;
use solana_sdk::signature::Signer;
use tightrope::events::{AssetAdded, BalanceChangeKind, BalanceChanged, GroupInitialized, MarginAccountClosed, MarginAccountCreated};
use tightrope::state::{Asset, Group, MarginAccount, LAYOUT_VERSION};

#[test]
fn group_asset_account_deposit_withdraw_close() {
    let mut w = World::new();
    let group: Group = w.rt.load(&w.group).expect("group");
    assert_eq!((group.version, group.admin, group.quote_mint), (LAYOUT_VERSION, w.admin.pubkey(), w.quote_mint));

    let sol = w.list(9);
    let asset: Asset = w.rt.load(&sol.asset).expect("asset");
    assert_eq!((asset.mint, asset.vault, asset.oracle, asset.decimals), (sol.mint, sol.vault, sol.oracle, 9));
    assert_eq!((asset.group, asset.feed_id, asset.token_index), (w.group, sol.feed_id, 0));
    assert_eq!(w.rt.load::<Group>(&w.group).unwrap().asset_count, 1);

    let trader = w.trader(0);
    let account: MarginAccount = w.rt.load(&trader.margin_account).expect("margin account");
    assert_eq!((account.owner, account.group), (trader.owner.pubkey(), w.group));
    assert!(account.is_empty());

    let wallet = w.wallet(&sol, &trader.owner.pubkey(), 5 * SOL);
    let deposited = w.deposit(&trader, &sol, &wallet, 3 * SOL);
    deposited.assert_ok();
    let event = &deposited.events::<BalanceChanged>()[0];
    // At the starting index of 1, shares equal native units.
    assert_eq!((event.kind, event.amount, event.deposit_shares_after), (BalanceChangeKind::Deposit, 3 * SOL, 3 * SOL as u128));
    assert_eq!((event.asset_deposits_after, event.vault_amount_after), (3 * SOL as u128, 3 * SOL));
    assert_eq!((w.rt.token_amount(&wallet), w.rt.token_amount(&sol.vault)), (2 * SOL, 3 * SOL));

    let withdrawn = w.withdraw(&trader, &sol, &wallet, SOL);
    withdrawn.assert_ok();
    let event = &withdrawn.events::<BalanceChanged>()[0];
    assert_eq!((event.kind, event.deposit_shares_after, event.vault_amount_after), (BalanceChangeKind::Withdraw, 2 * SOL as u128, 2 * SOL));
    let after = event.health_after.expect("a withdrawal reports health");
    assert!(after.initial_health >= 0 && event.prices.len() == 1, "{after:?}");

    w.withdraw(&trader, &sol, &wallet, 2 * SOL).assert_ok();
    let account: MarginAccount = w.rt.load(&trader.margin_account).unwrap();
    assert!(account.is_empty(), "a balance withdrawn to zero frees its slot");
    assert_eq!(w.rt.load::<Asset>(&sol.asset).unwrap().total_deposits().unwrap(), 0);

    let rent = w.rt.lamports(&trader.margin_account);
    let owner_before = w.rt.lamports(&trader.owner.pubkey());
    let closed = w.close(&trader);
    closed.assert_ok();
    assert_eq!(closed.events::<MarginAccountClosed>()[0].owner, trader.owner.pubkey());
    assert!(w.rt.account(&trader.margin_account).is_none());
    assert_eq!(w.rt.lamports(&trader.owner.pubkey()), owner_before + rent, "rent returns to the owner");
}

#[test]
fn every_creation_emits_its_inputs() {
    let mut rt = tightrope_runtime::Runtime::new();
    let admin = solana_sdk::signature::Keypair::new();
    rt.fund(&admin.pubkey(), 10 * SOL);
    let quote = rt.create_mint(&admin.pubkey(), 6);
    let outcome = rt.process(&[init_group_ix(&admin.pubkey(), &quote, 7, OPEN_GUARDS)], &[&admin]);
    outcome.assert_ok();
    let event = &outcome.events::<GroupInitialized>()[0];
    assert_eq!((event.group_num, event.admin, event.quote_mint), (7, admin.pubkey(), quote));

    let mut w = World::new();
    let listed_before = w.rt.load::<Group>(&w.group).unwrap().asset_count;
    let usdc = w.list(6);
    let eth = w.list(8);
    let asset: Asset = w.rt.load(&eth.asset).unwrap();
    assert_eq!((listed_before, asset.token_index), (0, 1), "token indices are handed out in listing order");
    let _ = usdc;

    let owner = solana_sdk::signature::Keypair::new();
    w.rt.fund(&owner.pubkey(), SOL);
    let trader = Trader { margin_account: tightrope::pda::margin_account_address(&w.group, &owner.pubkey(), 3), owner };
    let outcome = w.open(&trader, 3);
    let event = &outcome.assert_ok().events::<MarginAccountCreated>()[0];
    assert_eq!((event.account_num, event.owner, event.margin_account), (3, trader.owner.pubkey(), trader.margin_account));
}

#[test]
fn asset_added_event_carries_oracle_and_feed() {
    let mut w = World::new();
    let mint_authority = solana_sdk::signature::Keypair::new();
    let mint = w.rt.create_mint(&mint_authority.pubkey(), 8);
    let oracle = solana_sdk::pubkey::Pubkey::new_unique();
    let accounts = w.add_asset_accounts(&mint, &oracle);
    let admin = w.admin.insecure_clone();
    let clock = w.rt.clock();
    w.rt.set_price_update(&oracle, &tightrope_runtime::pyth::full_update([7; 32], 6_000_000_000_000, 1_000_000_000, PRICE_EXPONENT, clock.unix_timestamp, clock.slot));
    let config = volatile_config();
    let outcome = w.rt.process(&[instruction(accounts, tightrope::instruction::AddAsset { feed_id: [7; 32], config })], &[&admin]);
    let event = &outcome.assert_ok().events::<AssetAdded>()[0];
    assert_eq!((event.mint, event.oracle, event.feed_id, event.decimals), (mint, oracle, [7; 32], 8));
    // 60,000.00000000 at exponent −8, in the engine's 10^12 fixed point.
    assert_eq!((event.config, event.price, event.conf), (config, 60_000 * FX as i128, 10 * FX as i128));
}

#[test]
fn logs_have_a_validators_shape() {
    let mut w = World::new();
    let sol = w.list(9);
    let trader = w.trader(0);
    let wallet = w.wallet(&sol, &trader.owner.pubkey(), SOL);
    let outcome = w.deposit(&trader, &sol, &wallet, SOL);
    outcome.assert_ok();
    let program = tightrope::ID.to_string();
    let token = anchor_spl::token::ID.to_string();
    let expected_prefix = [
        format!("Program {program} invoke [1]"),
        "Program log: Instruction: Deposit".to_string(),
        format!("Program {token} invoke [2]"),
        "Program log: Instruction: Transfer".to_string(),
    ];
    assert_eq!(outcome.logs[..4], expected_prefix, "{:#?}", outcome.logs);
    assert!(outcome.logs[4].starts_with(&format!("Program {token} consumed ")), "{:#?}", outcome.logs);
    assert_eq!(outcome.logs[5], format!("Program {token} success"));
    assert!(outcome.logs[6].starts_with("Program data: "));
    assert_eq!(outcome.logs.last().unwrap(), &format!("Program {program} success"));
    assert_eq!(outcome.logs.iter().filter(|l| l.contains("invoke [1]")).count(), 1, "{:#?}", outcome.logs);

    let refused = w.withdraw(&trader, &sol, &wallet, 2 * SOL);
    let anchor_error = refused.logs.iter().find(|l| l.starts_with("Program log: AnchorError")).expect("AnchorError log");
    assert!(anchor_error.contains("Error Code: InsufficientDeposit. Error Number: 6002."), "{anchor_error}");
    assert_eq!(refused.logs.iter().filter(|l| l.contains("custom program error")).count(), 1, "{:#?}", refused.logs);
}
