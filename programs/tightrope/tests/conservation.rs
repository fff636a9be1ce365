//! Token conservation and the initial-margin invariant under random sequences run through the runtime.
//!
//! Traders deposit, withdraw, borrow and repay three assets while time passes (interest accrues) and prices move.
//! Some steps add to the insurance fund. After every step, for every asset: vault balance = deposits − borrows +
//! protocol fees + insurance fund, within rounding dust that only ever favours the protocol, and no balance holds a
//! deposit and a borrow at once. At fixed prices, with the
//! clock running and nobody accruing interest, no accepted withdrawal or borrow leaves its account below initial
//! margin.
//! The seed is printed; TIGHTROPE_SEED replays one, TIGHTROPE_STEPS sets the length.
mod common;

use common::*;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope::state::{Asset, MarginAccount};
use tightrope_risk::rng::SplitMix64 as Rng;

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

const TRADERS: usize = 5;
/// Whole-unit prices the three assets start at: a cash-like quote, a mid-priced and a cheap volatile asset.
const PRICES: [i64; 3] = [1, 2_000, 100];

struct Market {
    w: World,
    assets: Vec<Listed>,
    traders: Vec<Trader>,
    wallets: Vec<Vec<Pubkey>>,
    prices: [i64; 3],
}

fn market() -> Market {
    let mut w = World::new();
    let group = w.group;
    let assets = vec![
        w.list_with(&group, 6, PRICES[0], cash_config()),
        w.list_with(&group, 8, PRICES[1], volatile_config()),
        w.list_with(&group, 9, PRICES[2], volatile_config()),
    ];
    let traders: Vec<Trader> = (0..TRADERS).map(|i| w.trader(i as u32)).collect();
    let wallets = traders
        .iter()
        .map(|t| assets.iter().map(|a| w.wallet(a, &t.owner.pubkey(), 1_000_000 * 10u64.pow(6))).collect())
        .collect();
    Market { w, assets, traders, wallets, prices: PRICES }
}

impl Market {
    /// One random user action; returns the trader, whether it moved funds out, and whether it was accepted.
    fn act(&mut self, rng: &mut Rng) -> (usize, bool, bool) {
        let (t, a) = (rng.below(TRADERS as u64) as usize, rng.below(3) as usize);
        let (trader, asset, wallet) = (&self.traders[t], self.assets[a].clone(), self.wallets[t][a]);
        let trader = Trader { owner: trader.owner.insecure_clone(), margin_account: trader.margin_account };
        let held = self.w.rt.token_amount(&wallet);
        let amount = 1 + rng.below(held / 4 + 1_000);
        let action = rng.below(5);
        let outcome = match action {
            0 => self.w.deposit(&trader, &asset, &wallet, amount.min(held.max(1))),
            1 => self.w.withdraw(&trader, &asset, &wallet, amount),
            2 => self.w.borrow(&trader, &asset, &wallet, amount),
            3 => self.w.repay(&trader, &asset, &wallet, amount),
            _ => {
                let ix = fund_insurance_ix(&self.w, &asset, &trader.owner.pubkey(), &wallet, amount.min(held.max(1)) / 8 + 1);
                self.w.rt.process(&[ix], &[&trader.owner])
            }
        };
        (t, action == 1 || action == 2, outcome.is_ok())
    }

    /// Whether any trader's balance holds deposit and borrow shares of one asset at once.
    fn any_two_sided_balance(&self) -> bool {
        self.traders.iter().any(|t| {
            let account: MarginAccount = self.w.rt.load(&t.margin_account).unwrap();
            let two_sided = account.active_balances().any(|b| b.deposit_shares() > 0 && b.borrow_shares() > 0);
            two_sided
        })
    }

    /// Moves the clock `seconds` ahead and republishes every price unchanged; nothing accrues interest.
    fn let_time_run(&mut self, seconds: i64) {
        let now = self.w.rt.clock().unix_timestamp + seconds;
        self.w.rt.set_unix_timestamp(now);
        for (index, asset) in self.assets.clone().iter().enumerate() {
            self.w.set_price(asset, self.prices[index] * 100_000_000, 0);
        }
    }

    /// Lets `seconds` pass: the clock moves, every oracle republishes with a moved price, interest accrues.
    fn pass_time(&mut self, rng: &mut Rng, seconds: i64) {
        let now = self.w.rt.clock().unix_timestamp + seconds;
        self.w.rt.set_unix_timestamp(now);
        for (index, asset) in self.assets.clone().iter().enumerate() {
            if index > 0 {
                // Up to ±5% per move.
                let step = self.prices[index] * (rng.below(101) as i64 - 50) / 1000;
                self.prices[index] = (self.prices[index] + step).max(1);
            }
            self.w.set_price(asset, self.prices[index] * 100_000_000, 0);
            let accrue = instruction(tightrope::accounts::AccrueInterest { asset: asset.asset }, tightrope::instruction::AccrueInterest {});
            self.w.rt.process(&[accrue], &[]).assert_ok();
        }
    }

    /// Vault − (deposits − borrows + fees + insurance) per asset; must never be negative.
    fn surplus(&mut self) -> Vec<i128> {
        self.assets.clone().iter().map(|listed| self.w.surplus(listed)).collect()
    }

    fn initial_health(&mut self, t: usize) -> i128 {
        let trader = Trader { owner: self.traders[t].owner.insecure_clone(), margin_account: self.traders[t].margin_account };
        let (report, _) = self.w.health(&trader);
        report.health.initial_health
    }
}

fn seed() -> u64 {
    env_u64("TIGHTROPE_SEED").unwrap_or_else(|| u64::from(std::process::id()) ^ 0x5EED)
}

#[test]
fn vaults_always_cover_deposits_less_borrows_plus_fees() {
    let (seed, steps) = (seed(), env_u64("TIGHTROPE_STEPS").unwrap_or(10_000));
    println!("seed {seed}, {steps} steps");
    let mut rng = Rng(seed);
    let mut m = market();
    let (mut accepted, mut max_dust) = (0u64, 0i128);
    for step in 0..steps {
        if rng.below(10) == 0 {
            let seconds = 1 + rng.below(86_400) as i64;
            m.pass_time(&mut rng, seconds);
        } else if m.act(&mut rng).2 {
            accepted += 1;
        }
        assert!(!m.any_two_sided_balance(), "seed {seed} step {step}: a balance holds a deposit and a borrow");
        for (index, surplus) in m.surplus().into_iter().enumerate() {
            assert!(surplus >= 0, "seed {seed} step {step}: asset {index} vault short by {}", -surplus);
            max_dust = max_dust.max(surplus);
        }
    }
    let insured: u128 = m.assets.iter().map(|a| m.w.rt.load::<Asset>(&a.asset).unwrap().insurance()).sum();
    assert!(insured > 0, "the sequence adds to the insurance fund");
    println!("{accepted} actions accepted; largest rounding surplus {max_dust} native units; insurance {insured}");
    assert!(accepted > steps / 4, "the sequence exercises accepted actions");
    // Dust only comes from per-operation rounding: a few units per accepted action at most.
    assert!(max_dust <= 4 * accepted as i128, "surplus {max_dust} is more than rounding dust");
}

#[test]
fn no_withdrawal_or_borrow_leaves_its_account_below_initial_margin() {
    let seed = seed() ^ 1;
    println!("seed {seed}");
    let mut rng = Rng(seed);
    let mut m = market();
    // Prices stand still while the clock runs up to an hour between actions and nobody accrues interest: interest
    // owed on balances no one touched must count in every decision.
    let mut moved_out = 0;
    for step in 0..600 {
        let seconds = rng.below(3_600) as i64;
        m.let_time_run(seconds);
        let (t, out, accepted) = m.act(&mut rng);
        if out && accepted {
            moved_out += 1;
            let health = m.initial_health(t);
            assert!(health >= 0, "seed {seed} step {step}: trader {t} at initial health {health}");
        }
    }
    assert!(moved_out > 50, "{moved_out} withdrawals and borrows accepted");
}
