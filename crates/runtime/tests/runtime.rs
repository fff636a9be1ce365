//! The embedded runtime's own guarantees: real SPL Token, Pyth accounts the program's layout reads back, clock and
//! slot control, and resending identical transactions.
use anchor_spl::token::spl_token;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use solana_system_interface::instruction as system_instruction;
use tightrope_runtime::pyth::{self, PriceUpdateV2, VerificationLevel, PYTH_RECEIVER_ID};
use tightrope_runtime::Runtime;

#[test]
fn spl_token_runs_as_the_real_sbf_program() {
    let mut rt = Runtime::new();
    let token_program = rt.account(&spl_token::ID).expect("SPL Token is deployed");
    assert!(token_program.executable);
    assert_ne!(token_program.owner, solana_sdk::native_loader::ID, "loaded as SBF, not as a native builtin");

    let authority = Keypair::new();
    let mint = rt.create_mint(&authority.pubkey(), 6);
    let alice = rt.create_token_account(&mint, &Pubkey::new_unique());
    rt.mint_to(&mint, &authority, &alice, 1_500_000);
    assert_eq!(rt.token_amount(&alice), 1_500_000);
    rt.set_token_amount(&alice, 7);
    assert_eq!(rt.token_amount(&alice), 7);

    let outsider = Keypair::new();
    let forged = spl_token::instruction::mint_to(&spl_token::ID, &mint, &alice, &outsider.pubkey(), &[], 1).unwrap();
    let outcome = rt.process(&[forged], &[&outsider]);
    assert_eq!(outcome.custom_error(), Some(spl_token::error::TokenError::OwnerMismatch as u32));
    assert!(outcome.logs.iter().any(|line| line.contains("Error: owner does not match")), "{:#?}", outcome.logs);
}

#[test]
fn price_updates_read_back_through_the_programs_layout() {
    let mut rt = Runtime::new();
    let address = Pubkey::new_unique();
    let mut update = pyth::full_update([9; 32], 15_012_345_678, 1_234_567, -8, 1_700_000_000, 42);
    rt.set_price_update(&address, &update);
    let account = rt.account(&address).unwrap();
    assert_eq!((account.owner, account.data.len()), (PYTH_RECEIVER_ID, PriceUpdateV2::LEN));
    assert_eq!(PriceUpdateV2::from_account_data(&account.data), Some(update));

    update.verification_level = VerificationLevel::Partial { num_signatures: 5 };
    rt.set_price_update(&address, &update);
    let data = rt.account(&address).unwrap().data;
    assert_eq!(data.len(), PriceUpdateV2::LEN, "both encodings fit the allocated size");
    assert_eq!(PriceUpdateV2::from_account_data(&data), Some(update));
    assert_eq!(PriceUpdateV2::from_account_data(&data[1..]), None, "a wrong discriminator is refused");
}

#[test]
fn clock_and_slots_move_on_request() {
    let mut rt = Runtime::new();
    let start = rt.clock();
    rt.set_unix_timestamp(start.unix_timestamp + 3_600);
    assert_eq!(rt.clock().unix_timestamp, start.unix_timestamp + 3_600);
    assert_eq!(rt.clock().slot, start.slot);
    rt.advance_slots(10);
    assert!(rt.clock().slot >= start.slot + 10);
}

#[test]
fn identical_transactions_can_be_resent() {
    let mut rt = Runtime::new();
    let to = Pubkey::new_unique();
    let transfer = system_instruction::transfer(&rt.payer().pubkey(), &to, 1_000_000);
    let first = rt.process(&[transfer.clone()], &[]);
    let second = rt.process(&[transfer], &[]);
    first.assert_ok();
    second.assert_ok();
    assert_ne!(first.signature, second.signature, "the second went out with a newer blockhash");
    assert_eq!(rt.lamports(&to), 2_000_000);
}
