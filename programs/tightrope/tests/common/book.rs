//! The market most trader-facing tests start from: USDC (cash tier, price 1) and SOL (price 100), and a trader with
//! empty wallets of both; helpers fund, deposit and lend so each test states only what it needs.
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope_runtime::TxOutcome;

use super::{cash_config, Listed, Trader, World};

pub const USDC: u64 = 1_000_000;

pub struct Book {
    pub w: World,
    pub usdc: Listed,
    pub sol: Listed,
    pub trader: Trader,
    pub usdc_wallet: Pubkey,
    pub sol_wallet: Pubkey,
    lenders: u32,
}

impl Book {
    pub fn new() -> Self {
        let mut w = World::new();
        let group = w.group;
        let usdc = w.list_with(&group, 6, 1, cash_config());
        let sol = w.list(9);
        let trader = w.trader(0);
        let usdc_wallet = w.wallet(&usdc, &trader.owner.pubkey(), 0);
        let sol_wallet = w.wallet(&sol, &trader.owner.pubkey(), 0);
        Book { w, usdc, sol, trader, usdc_wallet, sol_wallet, lenders: 0 }
    }

    /// The trader's wallet of `listed` (USDC or SOL).
    pub fn wallet_of(&self, listed: &Listed) -> Pubkey {
        if listed.mint == self.usdc.mint {
            self.usdc_wallet
        } else {
            self.sol_wallet
        }
    }

    /// Mints `amount` of `listed` into the trader's wallet.
    pub fn fund(&mut self, listed: &Listed, amount: u64) {
        let wallet = self.wallet_of(listed);
        self.w.rt.mint_to(&listed.mint, &listed.mint_authority, &wallet, amount);
    }

    /// Funds the trader with `amount` of `listed` and deposits it.
    pub fn deposit(&mut self, listed: &Listed, amount: u64) {
        self.fund(listed, amount);
        let (trader, wallet) = (self.trader.clone(), self.wallet_of(listed));
        self.w.deposit(&trader, listed, &wallet, amount).assert_ok();
    }

    /// Another account supplies `amount` of `listed`, so there is something to borrow.
    pub fn lend(&mut self, listed: &Listed, amount: u64) {
        self.lenders += 1;
        let lender = self.w.trader(self.lenders);
        let wallet = self.w.wallet(listed, &lender.owner.pubkey(), amount);
        self.w.deposit(&lender, listed, &wallet, amount).assert_ok();
    }

    /// The trader's account, both assets, their vaults and the trader's wallets.
    pub fn watched(&self) -> Vec<Pubkey> {
        let (u, s) = (&self.usdc, &self.sol);
        vec![self.trader.margin_account, u.asset, u.vault, s.asset, s.vault, self.usdc_wallet, self.sol_wallet]
    }

    /// Runs `ix` signed by the trader and asserts it is refused with `code`, changing nothing watched.
    #[track_caller]
    pub fn refuse(&mut self, ix: Instruction, code: u32) -> TxOutcome {
        let (watched, owner) = (self.watched(), self.trader.owner.insecure_clone());
        self.w.assert_refused(ix, &[&owner], code, &watched)
    }
}
