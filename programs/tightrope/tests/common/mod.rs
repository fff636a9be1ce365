//! A group with listed assets and traders on the embedded runtime, and builders for every instruction.
#![allow(dead_code)] // each test binary uses its own subset

pub mod admin;
pub mod book;
pub mod engine;
pub mod liquidation;
pub mod lookup;

use anchor_lang::{AnchorDeserialize, InstructionData, ToAccountMetas};
use solana_sdk::instruction::AccountMeta;
use tightrope::state::{AssetConfig, GuardConfig, InterestConfig, MarginAccount, MarginModel, RulesConfig, TIER_CASH, TIER_SINGLE};
use anchor_spl::token::spl_token;
use solana_sdk::account::Account;
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};
use tightrope::events::HealthReported;
use tightrope::instructions::HealthReport;
use tightrope::pda;
use tightrope_runtime::{pyth, Runtime, TxOutcome};

pub const SOL: u64 = 1_000_000_000;
/// The engine's fixed point: 10^12 = 1.0.
pub const FX: u64 = 1_000_000_000_000;
/// Oracle prices are written with this exponent (Pyth's usual for USD pairs).
pub const PRICE_EXPONENT: i32 = -8;

/// A volatile single-name asset: Reg T / FINRA rates, a 2% confidence limit, generous caps, a kinked rate curve.
pub fn volatile_config() -> AssetConfig {
    AssetConfig {
        tier: TIER_SINGLE,
        oracle_max_age_seconds: 60,
        max_conf_ratio: FX / 50,
        stable_max_move_per_second: FX / 1000,
        deposit_cap: u64::MAX,
        borrow_cap: u64::MAX,
        rules: RulesConfig {
            initial_long: FX / 2,
            initial_short: FX / 2,
            maintenance_long: FX / 4,
            maintenance_short: FX * 3 / 10,
            option_rate: FX / 5,
            option_min_rate: FX / 10,
            ..RulesConfig::default()
        },
        interest: InterestConfig {
            optimal_utilization: FX * 8 / 10,
            rate_at_zero: 0,
            rate_at_optimal: FX / 10,
            rate_at_max: FX,
            protocol_fee_share: FX / 10,
        },
        liquidation_discount: FX / 20,
    }
}

/// The quote asset or cash-like collateral: the cash tier, no rules charge.
pub fn cash_config() -> AssetConfig {
    AssetConfig { tier: TIER_CASH, rules: RulesConfig::default(), ..volatile_config() }
}

/// Guards that hold nothing back: no delay, no step limit (the guard tests set their own).
pub const OPEN_GUARDS: GuardConfig = GuardConfig { delay_slots: 0, max_rate_step: u64::MAX, max_band_step: u64::MAX, max_points_step: u64::MAX, expiry_slots: u64::MAX };

pub struct Listed {
    pub mint: Pubkey,
    pub mint_authority: Keypair,
    pub asset: Pubkey,
    pub vault: Pubkey,
    pub oracle: Pubkey,
    pub feed_id: [u8; 32],
}

impl Clone for Listed {
    fn clone(&self) -> Self {
        Listed { mint_authority: self.mint_authority.insecure_clone(), ..*self }
    }
}

pub struct Trader {
    pub owner: Keypair,
    pub margin_account: Pubkey,
}

impl Clone for Trader {
    fn clone(&self) -> Self {
        Trader { owner: self.owner.insecure_clone(), margin_account: self.margin_account }
    }
}

pub struct World {
    pub rt: Runtime,
    pub admin: Keypair,
    pub group: Pubkey,
    pub quote_mint: Pubkey,
}

pub fn instruction(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id: tightrope::ID, accounts: accounts.to_account_metas(None), data: data.data() }
}

impl World {
    /// A runtime with a funded admin and a group quoted in a fresh 6-decimal mint, without guards.
    pub fn new() -> Self {
        Self::with_guards(OPEN_GUARDS)
    }

    pub fn with_guards(guards: GuardConfig) -> Self {
        let mut rt = Runtime::new();
        let admin = Keypair::new();
        rt.fund(&admin.pubkey(), 100 * SOL);
        let quote_mint = rt.create_mint(&admin.pubkey(), 6);
        let mut world = Self { rt, admin, group: Pubkey::default(), quote_mint };
        world.group = world.create_group(0, guards);
        world
    }

    /// Another group of the same admin and quote mint.
    pub fn create_group(&mut self, group_num: u32, guards: GuardConfig) -> Pubkey {
        let admin = self.admin.insecure_clone();
        self.rt.process(&[init_group_ix(&admin.pubkey(), &self.quote_mint, group_num, guards)], &[&admin]).assert_ok();
        pda::group_address(&admin.pubkey(), group_num)
    }

    /// Lists a new mint in the world's group at price 100 with `volatile_config`.
    pub fn list(&mut self, decimals: u8) -> Listed {
        let group = self.group;
        self.list_in(&group, decimals)
    }

    pub fn list_in(&mut self, group: &Pubkey, decimals: u8) -> Listed {
        self.list_with(group, decimals, 100, volatile_config())
    }

    /// Lists a new mint at `price` (whole quote units) with `config`, its oracle a fresh, fully verified update.
    pub fn list_with(&mut self, group: &Pubkey, decimals: u8, price: i64, config: AssetConfig) -> Listed {
        let mint_authority = Keypair::new();
        let mint = self.rt.create_mint(&mint_authority.pubkey(), decimals);
        let oracle = Pubkey::new_unique();
        let feed_id = oracle.to_bytes();
        let listed = Listed { mint, mint_authority, asset: Pubkey::default(), vault: Pubkey::default(), oracle, feed_id };
        self.set_price(&listed, price * 100_000_000, 0);
        let accounts = self.add_asset_accounts_in(group, &mint, &oracle);
        let (asset, vault) = (accounts.asset, accounts.vault);
        let admin = self.admin.insecure_clone();
        let ix = instruction(accounts, tightrope::instruction::AddAsset { feed_id, config });
        self.rt.process(&[ix], &[&admin]).assert_ok();
        Listed { asset, vault, ..listed }
    }

    /// Publishes `price` ± `conf` (in units of 10^PRICE_EXPONENT) for `listed` now.
    pub fn set_price(&mut self, listed: &Listed, price: i64, conf: u64) {
        let clock = self.rt.clock();
        let update = pyth::full_update(listed.feed_id, price, conf, PRICE_EXPONENT, clock.unix_timestamp, clock.slot);
        self.rt.set_price_update(&listed.oracle, &update);
    }

    /// The health accounts an instruction on `except` needs: (asset, oracle) for every other active balance of
    /// the account, in slot order.
    pub fn health_accounts(&mut self, trader: &Trader, except: Option<&Pubkey>) -> Vec<AccountMeta> {
        self.health_accounts_except(&trader.margin_account, except.copied().as_slice())
    }

    /// (asset, oracle) for every active balance of `margin_account` whose asset is not in `except`, in slot order.
    pub fn health_accounts_except(&mut self, margin_account: &Pubkey, except: &[Pubkey]) -> Vec<AccountMeta> {
        let account: MarginAccount = self.rt.load(margin_account).expect("margin account");
        let mut metas = Vec::new();
        for balance in account.active_balances().filter(|b| !except.contains(&b.asset)) {
            let asset: tightrope::state::Asset = self.rt.load(&balance.asset).expect("asset");
            metas.push(AccountMeta::new_readonly(balance.asset, false));
            metas.push(AccountMeta::new_readonly(asset.oracle, false));
        }
        metas
    }

    pub fn add_asset_accounts(&self, mint: &Pubkey, oracle: &Pubkey) -> tightrope::accounts::AddAsset {
        self.add_asset_accounts_in(&self.group, mint, oracle)
    }

    pub fn add_asset_accounts_in(&self, group: &Pubkey, mint: &Pubkey, oracle: &Pubkey) -> tightrope::accounts::AddAsset {
        let asset = pda::asset_address(group, mint);
        tightrope::accounts::AddAsset {
            group: *group,
            admin: self.admin.pubkey(),
            mint: *mint,
            asset,
            vault: pda::vault_address(&asset),
            oracle: *oracle,
            token_program: spl_token::ID,
            system_program: anchor_lang::system_program::ID,
        }
    }

    /// A funded owner with margin account `account_num` open.
    pub fn trader(&mut self, account_num: u32) -> Trader {
        let owner = Keypair::new();
        self.rt.fund(&owner.pubkey(), 10 * SOL);
        let trader = Trader { margin_account: pda::margin_account_address(&self.group, &owner.pubkey(), account_num), owner };
        self.open(&trader, account_num).assert_ok();
        trader
    }

    pub fn open(&mut self, trader: &Trader, account_num: u32) -> TxOutcome {
        let accounts = tightrope::accounts::CreateMarginAccount {
            group: self.group,
            owner: trader.owner.pubkey(),
            margin_account: trader.margin_account,
            system_program: anchor_lang::system_program::ID,
        };
        let ix = instruction(accounts, tightrope::instruction::CreateMarginAccount { account_num });
        self.rt.process(&[ix], &[&trader.owner])
    }

    /// A token account of `listed`'s mint owned by `owner`, holding `amount`.
    pub fn wallet(&mut self, listed: &Listed, owner: &Pubkey, amount: u64) -> Pubkey {
        let account = self.rt.create_token_account(&listed.mint, owner);
        if amount > 0 {
            self.rt.mint_to(&listed.mint, &listed.mint_authority, &account, amount);
        }
        account
    }

    pub fn deposit_accounts(&self, trader: &Trader, listed: &Listed, source: &Pubkey) -> tightrope::accounts::MoveIn {
        tightrope::accounts::MoveIn {
            group: self.group,
            margin_account: trader.margin_account,
            authority: trader.owner.pubkey(),
            asset: listed.asset,
            vault: listed.vault,
            source: *source,
            token_program: spl_token::ID,
        }
    }

    pub fn withdraw_accounts(&self, trader: &Trader, listed: &Listed, destination: &Pubkey) -> tightrope::accounts::MoveOut {
        tightrope::accounts::MoveOut {
            group: self.group,
            margin_account: trader.margin_account,
            authority: trader.owner.pubkey(),
            asset: listed.asset,
            oracle: listed.oracle,
            vault: listed.vault,
            destination: *destination,
            token_program: spl_token::ID,
        }
    }

    pub fn close_accounts(&self, trader: &Trader) -> tightrope::accounts::CloseMarginAccount {
        tightrope::accounts::CloseMarginAccount {
            group: self.group,
            margin_account: trader.margin_account,
            owner: trader.owner.pubkey(),
        }
    }

    pub fn deposit(&mut self, trader: &Trader, listed: &Listed, source: &Pubkey, amount: u64) -> TxOutcome {
        let ix = instruction(self.deposit_accounts(trader, listed, source), tightrope::instruction::Deposit { amount });
        self.rt.process(&[ix], &[&trader.owner])
    }

    pub fn withdraw(&mut self, trader: &Trader, listed: &Listed, destination: &Pubkey, amount: u64) -> TxOutcome {
        let ix = self.move_out_ix(trader, listed, destination, tightrope::instruction::Withdraw { amount });
        self.rt.process(&[ix], &[&trader.owner])
    }

    pub fn borrow(&mut self, trader: &Trader, listed: &Listed, destination: &Pubkey, amount: u64) -> TxOutcome {
        let ix = self.move_out_ix(trader, listed, destination, tightrope::instruction::Borrow { amount });
        self.rt.process(&[ix], &[&trader.owner])
    }

    pub fn repay(&mut self, trader: &Trader, listed: &Listed, source: &Pubkey, amount: u64) -> TxOutcome {
        let ix = instruction(self.deposit_accounts(trader, listed, source), tightrope::instruction::Repay { amount });
        self.rt.process(&[ix], &[&trader.owner])
    }

    /// A withdraw or borrow with its health accounts appended.
    pub fn move_out_ix(&mut self, trader: &Trader, listed: &Listed, destination: &Pubkey, data: impl InstructionData) -> Instruction {
        let mut ix = instruction(self.withdraw_accounts(trader, listed, destination), data);
        ix.accounts.extend(self.health_accounts(trader, Some(&listed.asset)));
        ix
    }

    /// Runs `health` for `trader`: its return data (within the runtime's 1,024-byte limit) and its event, which
    /// must carry the same figures.
    pub fn health(&mut self, trader: &Trader) -> (HealthReport, HealthReported) {
        self.try_health(trader).unwrap_or_else(|outcome| panic!("health refused: {:?}\n{}", outcome.result, outcome.logs.join("\n")))
    }

    /// `health`, or the refusal (an account whose balances the program cannot price, say).
    pub fn try_health(&mut self, trader: &Trader) -> Result<(HealthReport, HealthReported), TxOutcome> {
        let accounts = tightrope::accounts::Health { group: self.group, margin_account: trader.margin_account };
        let mut ix = instruction(accounts, tightrope::instruction::Health {});
        ix.accounts.extend(self.health_accounts(trader, None));
        let outcome = self.rt.process(&[ix], &[]);
        if !outcome.is_ok() {
            return Err(outcome);
        }
        let data = outcome.return_data.clone().expect("health returns data").data;
        assert!(data.len() <= 1024, "return data of {} bytes", data.len());
        let report = HealthReport::deserialize(&mut &data[..]).expect("a HealthReport");
        let event = outcome.events::<HealthReported>().pop().expect("a HealthReported event");
        assert_eq!((event.model, event.health, event.margin_ratio), (report.model, report.health, report.margin_ratio));
        Ok((report, event))
    }

    /// `set_margin_model` signed by `authority`, with the account's health accounts.
    pub fn set_model_ix(&mut self, trader: &Trader, authority: &Pubkey, model: MarginModel) -> Instruction {
        let accounts = tightrope::accounts::SetMarginModel { group: self.group, margin_account: trader.margin_account, authority: *authority };
        let mut ix = instruction(accounts, tightrope::instruction::SetMarginModel { model });
        ix.accounts.extend(self.health_accounts(trader, None));
        ix
    }

    pub fn set_model(&mut self, trader: &Trader, model: MarginModel) -> TxOutcome {
        let ix = self.set_model_ix(trader, &trader.owner.pubkey(), model);
        self.rt.process(&[ix], &[&trader.owner])
    }

    pub fn close(&mut self, trader: &Trader) -> TxOutcome {
        let ix = instruction(self.close_accounts(trader), tightrope::instruction::CloseMarginAccount {});
        self.rt.process(&[ix], &[&trader.owner])
    }

    /// Vault − (deposits − borrows + fees + insurance) of `listed`: what the vault holds beyond every claim on it.
    /// Rounding leaves dust here, never a negative.
    pub fn surplus(&mut self, listed: &Listed) -> i128 {
        let asset: tightrope::state::Asset = self.rt.load(&listed.asset).unwrap();
        let vault = i128::from(self.rt.token_amount(&listed.vault));
        let owed = asset.total_deposits().unwrap() as i128 - asset.total_borrows().unwrap() as i128
            + asset.protocol_fees() as i128
            + asset.insurance() as i128;
        vault - owed
    }

    /// The accounts' current state, to compare before and after a refused transaction.
    pub fn snapshot(&mut self, addresses: &[Pubkey]) -> Vec<Option<Account>> {
        addresses.iter().map(|address| self.rt.account(address)).collect()
    }

    /// Runs `ix`, asserts it failed with custom error `code`, and that none of `watched` changed.
    #[track_caller]
    pub fn assert_refused(&mut self, ix: Instruction, signers: &[&Keypair], code: u32, watched: &[Pubkey]) -> TxOutcome {
        let before = self.snapshot(watched);
        let outcome = self.rt.process(&[ix], signers);
        assert_eq!(outcome.custom_error(), Some(code), "{:?}\n{}", outcome.result, outcome.logs.join("\n"));
        assert!(before == self.snapshot(watched), "state changed by a refused transaction");
        outcome
    }
}

/// `fund_insurance` of `amount` from `source`, signed by `funder`.
pub fn fund_insurance_ix(w: &World, listed: &Listed, funder: &Pubkey, source: &Pubkey, amount: u64) -> Instruction {
    let accounts = tightrope::accounts::FundInsurance {
        group: w.group,
        asset: listed.asset,
        vault: listed.vault,
        source: *source,
        funder: *funder,
        token_program: spl_token::ID,
    };
    instruction(accounts, tightrope::instruction::FundInsurance { amount })
}

pub fn set_delegate_ix(trader: &Trader, signer: &Pubkey, delegate: Pubkey) -> Instruction {
    let accounts = tightrope::accounts::SetDelegate { margin_account: trader.margin_account, owner: *signer };
    instruction(accounts, tightrope::instruction::SetDelegate { delegate })
}

pub fn init_group_ix(creator: &Pubkey, quote_mint: &Pubkey, group_num: u32, guards: GuardConfig) -> Instruction {
    let accounts = tightrope::accounts::InitGroup {
        creator: *creator,
        quote_mint: *quote_mint,
        group: pda::group_address(creator, group_num),
        system_program: anchor_lang::system_program::ID,
    };
    instruction(accounts, tightrope::instruction::InitGroup { group_num, guards })
}

/// Anchor's error number for a program error variant.
pub fn code(error: tightrope::errors::TightropeError) -> u32 {
    anchor_lang::error::ERROR_CODE_OFFSET + error as u32
}
