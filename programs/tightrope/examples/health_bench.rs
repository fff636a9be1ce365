//! Benchmark (not a test): a margin account with 16 balances — deposits in 8 assets, borrows in 8 — checked by the
//! `health` instruction through the embedded runtime. Prints the accounts and bytes one health check needs in a
//! legacy transaction, the native time per `health` instruction, and the risk engine's share of it.
//!
//!     cargo run --release -p tightrope --example health_bench [-- ITERATIONS]
#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::*;
#[allow(deprecated)]
use solana_sdk::address_lookup_table::{self as alt, AddressLookupTableAccount};
use solana_sdk::instruction::Instruction;
use solana_sdk::message::{v0, VersionedMessage};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use solana_sdk::transaction::{Transaction, VersionedTransaction};
use tightrope::state::{AssetConfig, MarginModel, RulesConfig, TIER_CASH};

/// A v0 transaction whose accounts (but the signers) come from a fresh address lookup table.
fn v0(w: &mut World, ix: Instruction, signers: &[&Keypair]) -> VersionedTransaction {
    let payer = w.rt.payer().insecure_clone();
    let slot = w.rt.clock().slot;
    let (create, table) = alt::instruction::create_lookup_table(payer.pubkey(), payer.pubkey(), slot.saturating_sub(1));
    let keys: Vec<Pubkey> = ix.accounts.iter().filter(|m| !m.is_signer).map(|m| m.pubkey).collect();
    w.rt.process(&[create], &[]).assert_ok();
    for chunk in keys.chunks(20) {
        let extend = alt::instruction::extend_lookup_table(table, payer.pubkey(), Some(payer.pubkey()), chunk.to_vec());
        w.rt.process(&[extend], &[]).assert_ok();
    }
    // Entries become usable in the slot after they were added.
    w.rt.advance_slots(1);
    let lookup = AddressLookupTableAccount { key: table, addresses: keys };
    let message = v0::Message::try_compile(&payer.pubkey(), &[ix], &[lookup], w.rt.bank().last_blockhash()).unwrap();
    let mut all: Vec<&Keypair> = vec![&payer];
    all.extend_from_slice(signers);
    VersionedTransaction::try_new(VersionedMessage::V0(message), &all).unwrap()
}

fn send_v0(w: &mut World, ix: Instruction, signers: &[&Keypair]) {
    let tx = v0(w, ix, signers);
    w.rt.execute(tx).assert_ok();
}

fn main() {
    let iterations: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let mut w = World::new();
    let group = w.group;
    let trader = w.trader(0);
    let lender = w.trader(1);
    let cash = AssetConfig { tier: TIER_CASH, rules: RulesConfig::default(), ..volatile_config() };
    let mut listed = vec![w.list_with(&group, 6, 1, cash)];
    listed.extend((1..16).map(|i| w.list_with(&group, 9, 10 * i, volatile_config())));
    // Lots of quote collateral, then 8 more deposits and 8 borrows (supplied by a lender).
    for (i, asset) in listed.iter().enumerate() {
        let wallet = w.wallet(asset, &trader.owner.pubkey(), 10_000_000_000_000);
        if i < 8 {
            w.deposit(&trader, asset, &wallet, if i == 0 { 10_000_000_000_000 } else { SOL }).assert_ok();
        } else {
            let supply = w.wallet(asset, &lender.owner.pubkey(), 100 * SOL);
            w.deposit(&lender, asset, &supply, 100 * SOL).assert_ok();
            let ix = w.move_out_ix(&trader, asset, &wallet, tightrope::instruction::Borrow { amount: SOL });
            send_v0(&mut w, ix, &[&trader.owner]);
        }
    }
    for model in [MarginModel::Rules, MarginModel::Tims] {
        let accounts = tightrope::accounts::SetMarginModel { group, margin_account: trader.margin_account, authority: trader.owner.pubkey() };
        let mut ix = instruction(accounts, tightrope::instruction::SetMarginModel { model });
        ix.accounts.extend(w.health_accounts(&trader, None));
        send_v0(&mut w, ix, &[&trader.owner]);

        let accounts = tightrope::accounts::Health { group, margin_account: trader.margin_account };
        let mut ix = instruction(accounts, tightrope::instruction::Health {});
        ix.accounts.extend(w.health_accounts(&trader, None));
        let payer = w.rt.payer().insecure_clone();
        let legacy = Transaction::new_signed_with_payer(&[ix.clone()], Some(&payer.pubkey()), &[&payer], w.rt.bank().last_blockhash());
        let legacy_bytes = bincode::serialize(&legacy).unwrap().len();
        let tx = v0(&mut w, ix.clone(), &[]);
        let bytes = bincode::serialize(&tx).unwrap().len();
        let start = Instant::now();
        for _ in 0..iterations {
            w.rt.simulate(tx.clone(), false, &[]).result.expect("health succeeds");
        }
        let per = start.elapsed() / iterations;
        // A validator caps return data at 1,024 bytes and a transaction's log at 10,000 bytes.
        let once = w.rt.simulate(tx.clone(), false, &[]);
        let returned = once.return_data.map_or(0, |r| r.data.len());
        let log_bytes: usize = once.logs.iter().map(String::len).sum();
        println!(
            "{model:?}: 16 balances -> {} instruction accounts; legacy transaction {legacy_bytes} bytes (limit 1232), \
             v0 with a lookup table {bytes} bytes; {per:?} per simulated health transaction; \
             return data {returned} bytes (limit 1024), logs {log_bytes} bytes (limit 10000)",
            ix.accounts.len(),
        );
    }
}
