//! Mints and token accounts through real SPL Token instructions.
use anchor_lang::solana_program::program_pack::Pack;
use solana_system_interface::instruction as system_instruction;
use anchor_spl::token::spl_token;
use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

use crate::Runtime;

impl Runtime {
    /// Creates and initialises a mint whose mint authority is `authority`.
    pub fn create_mint(&mut self, authority: &Pubkey, decimals: u8) -> Pubkey {
        let mint = Keypair::new();
        let create = self.create_owned_account(&mint.pubkey(), spl_token::state::Mint::LEN, &spl_token::ID);
        let init = spl_token::instruction::initialize_mint2(&spl_token::ID, &mint.pubkey(), authority, None, decimals)
            .expect("initialize_mint2");
        self.process(&[create, init], &[&mint]).assert_ok();
        mint.pubkey()
    }

    /// Creates and initialises a token account of `mint` owned by `owner`.
    pub fn create_token_account(&mut self, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        let account = Keypair::new();
        let create = self.create_owned_account(&account.pubkey(), spl_token::state::Account::LEN, &spl_token::ID);
        let init = spl_token::instruction::initialize_account3(&spl_token::ID, &account.pubkey(), mint, owner)
            .expect("initialize_account3");
        self.process(&[create, init], &[&account]).assert_ok();
        account.pubkey()
    }

    pub fn mint_to(&mut self, mint: &Pubkey, authority: &Keypair, to: &Pubkey, amount: u64) {
        let ix = spl_token::instruction::mint_to(&spl_token::ID, mint, to, &authority.pubkey(), &[], amount)
            .expect("mint_to");
        self.process(&[ix], &[authority]).assert_ok();
    }

    /// Balance of a token account; panics if it is not one.
    pub fn token_amount(&mut self, account: &Pubkey) -> u64 {
        let data = self.account(account).expect("token account exists").data;
        spl_token::state::Account::unpack(&data).expect("a token account").amount
    }

    /// Overwrites a token account's balance, as a fixture for amounts no real mint's supply could reach.
    pub fn set_token_amount(&mut self, account: &Pubkey, amount: u64) {
        let mut raw: Account = self.account(account).expect("token account exists");
        let mut state = spl_token::state::Account::unpack(&raw.data).expect("a token account");
        state.amount = amount;
        spl_token::state::Account::pack(state, &mut raw.data).expect("pack");
        self.set_account(account, raw);
    }

    fn create_owned_account(&mut self, address: &Pubkey, space: usize, owner: &Pubkey) -> solana_sdk::instruction::Instruction {
        let lamports = self.rent().minimum_balance(space);
        system_instruction::create_account(&self.payer().pubkey(), address, lamports, space as u64, owner)
    }
}
