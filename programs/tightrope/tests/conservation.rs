//! Token conservation and the initial-margin invariant under random sequences run through the runtime.
//!
//! Traders deposit, withdraw, borrow and repay three assets while time passes (interest accrues) and prices move.
//! After every step, for every asset: vault balance = deposits − borrows + protocol fees, within rounding dust that
//! only ever favours the protocol. At fixed prices, no accepted action leaves an account below initial margin.
//! The seed is printed; TIGHTROPE_SEED replays one, TIGHTROPE_STEPS sets the length.
mod common;

use common::*;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope::state::{Asset, AssetConfig, RulesConfig, TIER_CASH};
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
    let cash = AssetConfig { tier: TIER_CASH, rules: RulesConfig::default(), ..volatile_config() };
    let assets = vec![
        w.list_with(&group, 6, PRICES[0], cash),
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
    /// One random user action; returns whether it was accepted.
    fn act(&mut self, rng: &mut Rng) -> bool {
        let (t, a) = (rng.below(TRADERS as u64) as usize, rng.below(3) as usize);
        let (trader, asset, wallet) = (&self.traders[t], self.assets[a].clone(), self.wallets[t][a]);
        let trader = Trader { owner: trader.owner.insecure_clone(), margin_account: trader.margin_account };
        let held = self.w.rt.token_amount(&wallet);
        let amount = 1 + rng.below(held / 4 + 1_000);
        let outcome = match rng.below(4) {
            0 => self.w.deposit(&trader, &asset, &wallet, amount.min(held.max(1))),
            1 => self.w.withdraw(&trader, &asset, &wallet, amount),
            2 => self.w.borrow(&trader, &asset, &wallet, amount),
            _ => self.w.repay(&trader, &asset, &wallet, amount),
        };
        outcome.is_ok()
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

    /// Vault − (deposits − borrows + fees) per asset; must never be negative.
    fn surplus(&mut self) -> Vec<i128> {
        self.assets
            .clone()
            .iter()
            .map(|listed| {
                let asset: Asset = self.w.rt.load(&listed.asset).unwrap();
                let vault = i128::from(self.w.rt.token_amount(&listed.vault));
                let owed = asset.total_deposits().unwrap() as i128 - asset.total_borrows().unwrap() as i128
                    + asset.protocol_fees() as i128;
                vault - owed
            })
            .collect()
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
        } else if m.act(&mut rng) {
            accepted += 1;
        }
        for (index, surplus) in m.surplus().into_iter().enumerate() {
            assert!(surplus >= 0, "seed {seed} step {step}: asset {index} vault short by {}", -surplus);
            max_dust = max_dust.max(surplus);
        }
    }
    println!("{accepted} actions accepted; largest rounding surplus {max_dust} native units");
    assert!(accepted > steps / 4, "the sequence exercises accepted actions");
    // Dust only comes from per-operation rounding: a few units per accepted action at most.
    assert!(max_dust <= 4 * accepted as i128, "surplus {max_dust} is more than rounding dust");
}

#[test]
fn no_action_at_fixed_prices_leaves_an_account_below_initial_margin() {
    let seed = seed() ^ 1;
    println!("seed {seed}");
    let mut rng = Rng(seed);
    let mut m = market();
    // The clock stands still, so neither prices nor interest move: only the traders' own actions do.
    let now = m.w.rt.clock().unix_timestamp;
    m.w.rt.set_unix_timestamp(now);
    let mut accepted = 0;
    for step in 0..600 {
        accepted += u32::from(m.act(&mut rng));
        for t in 0..TRADERS {
            let health = m.initial_health(t);
            assert!(health >= 0, "seed {seed} step {step}: trader {t} at initial health {health}");
        }
    }
    assert!(accepted > 150, "{accepted} actions accepted");
}
