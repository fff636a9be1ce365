//! The largest liquidation: both accounts hold the 16 balances an account may have. It must run, and fit one v0
//! transaction whose accounts (but the signers and the program) come from an address lookup table; the test
//! prints the account count and the serialized size, figures the README and the issue note quote.
mod common;

use common::liquidation::*;
use solana_sdk::compute_budget::ComputeBudgetInstruction;
use solana_sdk::message::VersionedMessage;
use solana_sdk::signature::Signer;
use tightrope::events::Liquidated;
use tightrope::state::MAX_BALANCES;

/// Largest serialized transaction a validator accepts (the packet data size).
const PACKET_DATA_SIZE: usize = 1232;

#[test]
fn a_liquidation_between_two_full_accounts_runs_and_fits_one_v0_transaction() {
    let (mut w, liquidatee, liquidator, debt, quote) = full_accounts();
    let ix = liquidate_ix(&mut w, &liquidator.margin_account, &liquidator.owner.pubkey(), &liquidatee.margin_account, &debt, &quote, u64::MAX);
    let metas = ix.accounts.len();
    let budget = [ComputeBudgetInstruction::set_compute_unit_limit(1_400_000), ComputeBudgetInstruction::set_compute_unit_price(1)];
    let instructions = [budget[0].clone(), budget[1].clone(), ix];

    // Every account but the signers goes in the table, as the SDK's sender does.
    let owner = liquidator.owner.insecure_clone();
    let table = w.lookup_table(&instructions, &[owner.pubkey()]);
    let transaction = w.v0_transaction(&instructions, &[&owner], &table);
    let VersionedMessage::V0(message) = &transaction.message else { unreachable!() };
    let keys = message.account_keys.len() + message.address_table_lookups.iter().map(|l| l.writable_indexes.len() + l.readonly_indexes.len()).sum::<usize>();
    let bytes = bincode::serialize(&transaction).unwrap().len();
    println!(
        "liquidation with 16 + 16 balances: {metas} account metas, {keys} distinct accounts ({} static, {} from the table), {bytes} bytes as v0 with a lookup table (limit {PACKET_DATA_SIZE})",
        message.account_keys.len(),
        keys - message.account_keys.len()
    );
    assert!(bytes <= PACKET_DATA_SIZE, "{bytes} bytes");
    assert!(keys <= 64, "{keys} accounts: over the transaction's account lock limit");

    let outcome = w.rt.execute(transaction);
    let event = outcome.assert_ok().events::<Liquidated>().pop().unwrap();
    assert_eq!((event.liquidatee_prices.len(), event.liquidator_prices.len()), (MAX_BALANCES, MAX_BALANCES));
    assert!(event.liquidatee_after.maintenance_health > event.liquidatee_before.maintenance_health);
}
