//! Transactions too large for the legacy format: every account but the signers goes through a fresh address lookup
//! table, created and extended on the runtime as on a cluster, then a v0 transaction is signed and executed.
use solana_sdk::address_lookup_table::instruction::{create_lookup_table, extend_lookup_table};
use solana_sdk::address_lookup_table::AddressLookupTableAccount;
use solana_sdk::instruction::Instruction;
use solana_sdk::message::{v0, VersionedMessage};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use solana_sdk::transaction::VersionedTransaction;
use tightrope_runtime::TxOutcome;

use super::World;

impl World {
    /// A lookup table of every non-signer account `instructions` name.
    pub fn lookup_table(&mut self, instructions: &[Instruction], signers: &[Pubkey]) -> AddressLookupTableAccount {
        let payer = self.rt.payer().insecure_clone();
        let mut addresses: Vec<Pubkey> = Vec::new();
        for meta in instructions.iter().flat_map(|ix| &ix.accounts) {
            if !signers.contains(&meta.pubkey) && meta.pubkey != payer.pubkey() && !addresses.contains(&meta.pubkey) {
                addresses.push(meta.pubkey);
            }
        }
        let (create, key) = create_lookup_table(payer.pubkey(), payer.pubkey(), self.rt.clock().slot.saturating_sub(1));
        self.rt.process(&[create], &[]).assert_ok();
        for chunk in addresses.chunks(20) {
            self.rt.process(&[extend_lookup_table(key, payer.pubkey(), Some(payer.pubkey()), chunk.to_vec())], &[]).assert_ok();
        }
        // A table's new addresses are usable from the next slot.
        self.rt.advance_slots(1);
        AddressLookupTableAccount { key, addresses }
    }

    /// The v0 transaction of `instructions` through `table`, signed by the payer and `signers`.
    pub fn v0_transaction(&self, instructions: &[Instruction], signers: &[&Keypair], table: &AddressLookupTableAccount) -> VersionedTransaction {
        let payer = self.rt.payer().insecure_clone();
        let message = v0::Message::try_compile(&payer.pubkey(), instructions, std::slice::from_ref(table), self.rt.bank().last_blockhash()).unwrap();
        let mut all: Vec<&Keypair> = vec![&payer];
        all.extend_from_slice(signers);
        VersionedTransaction::try_new(VersionedMessage::V0(message), &all).unwrap()
    }

    /// Runs `instructions` as one v0 transaction through a fresh lookup table.
    pub fn process_v0(&mut self, instructions: &[Instruction], signers: &[&Keypair]) -> TxOutcome {
        let keys: Vec<Pubkey> = signers.iter().map(|k| k.pubkey()).collect();
        let table = self.lookup_table(instructions, &keys);
        let transaction = self.v0_transaction(instructions, signers, &table);
        self.rt.execute(transaction)
    }
}
