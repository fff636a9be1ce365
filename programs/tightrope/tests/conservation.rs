//! Token conservation under a random sequence of opens, deposits, withdrawals (valid and invalid) and closes by
//! many traders: for every asset, vault balance = asset total = sum of the margin accounts' deposits, after every
//! step. The seed is printed; set TIGHTROPE_SEED to replay one, TIGHTROPE_STEPS for a longer run.
mod common;

use common::*;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::Signer;
use tightrope::errors::TightropeError as E;
use tightrope::state::{Asset, MarginAccount};

/// SplitMix64: a tiny deterministic generator, so a failing sequence replays from its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

const TRADERS: usize = 6;
const START_BALANCE: u64 = 1_000 * SOL;

#[test]
fn vaults_always_equal_the_sum_of_deposits() {
    let seed = env_u64("TIGHTROPE_SEED").unwrap_or_else(|| std::process::id() as u64 ^ 0x5EED);
    let steps = env_u64("TIGHTROPE_STEPS").unwrap_or(1_500);
    println!("seed {seed}, {steps} steps");
    let mut rng = Rng(seed);

    let mut w = World::new();
    let assets: Vec<Listed> = [6u8, 8, 9].into_iter().map(|decimals| w.list(decimals)).collect();
    let traders: Vec<Trader> = (0..TRADERS).map(|i| w.trader(i as u32)).collect();
    let wallets: Vec<Vec<Pubkey>> = traders
        .iter()
        .map(|t| assets.iter().map(|a| w.wallet(a, &t.owner.pubkey(), START_BALANCE)).collect())
        .collect();
    // The model: deposits[trader][asset], and which accounts are open.
    let mut deposits = [[0u64; 3]; TRADERS];
    let mut open = [true; TRADERS];
    // Accepted and refused operations, so a run shows what it exercised.
    let (mut accepted, mut refused) = (0u32, 0u32);

    for step in 0..steps {
        let t = rng.below(TRADERS as u64) as usize;
        let a = rng.below(assets.len() as u64) as usize;
        let (trader, asset, wallet) = (&traders[t], &assets[a], wallets[t][a]);
        let context = format!("seed {seed} step {step}: trader {t} asset {a}");
        let ok = match rng.below(10) {
            0 => {
                let outcome = if open[t] { w.close(trader) } else { w.open(trader, t as u32) };
                let empty = deposits[t].iter().all(|&d| d == 0);
                match (open[t], empty) {
                    (true, true) | (false, _) => {
                        outcome.assert_ok();
                        open[t] = !open[t];
                    }
                    (true, false) => assert_eq!(outcome.custom_error(), Some(code(E::AccountNotEmpty)), "{context}"),
                }
                outcome.is_ok()
            }
            1..=5 if open[t] => {
                let held = w.rt.token_amount(&wallet);
                // Mostly affordable amounts, sometimes more than the wallet holds.
                let amount = 1 + rng.below(held.max(1) + held / 8);
                let outcome = w.deposit(trader, asset, &wallet, amount);
                if amount <= held {
                    outcome.assert_ok();
                    deposits[t][a] += amount;
                } else {
                    assert!(!outcome.is_ok(), "{context}: overdraft deposit accepted");
                }
                outcome.is_ok()
            }
            _ if open[t] => {
                let amount = 1 + rng.below(deposits[t][a] + deposits[t][a] / 8 + 1);
                let outcome = w.withdraw(trader, asset, &wallet, amount);
                if amount <= deposits[t][a] {
                    outcome.assert_ok();
                    deposits[t][a] -= amount;
                } else {
                    assert_eq!(outcome.custom_error(), Some(code(E::InsufficientDeposit)), "{context}");
                }
                outcome.is_ok()
            }
            _ => {
                let outcome = w.deposit(trader, asset, &wallet, 1);
                assert!(!outcome.is_ok(), "{context}: deposit into a closed account");
                false
            }
        };
        if ok {
            accepted += 1;
        } else {
            refused += 1;
        }
        assert_conserved(&mut w, &assets, &traders, &deposits, &context);
    }
    println!("{accepted} transactions accepted, {refused} refused");
    assert!(accepted > steps as u32 / 2 && refused > 0, "the sequence exercises both paths");
}

fn assert_conserved(w: &mut World, assets: &[Listed], traders: &[Trader], model: &[[u64; 3]; TRADERS], context: &str) {
    let accounts: Vec<Option<MarginAccount>> = traders.iter().map(|t| w.rt.load(&t.margin_account)).collect();
    for (a, asset) in assets.iter().enumerate() {
        let on_chain: u128 = accounts
            .iter()
            .flatten()
            .filter_map(|account| account.balance(&asset.asset).map(|b| b.deposit()))
            .sum();
        let modelled: u128 = model.iter().map(|d| u128::from(d[a])).sum();
        let total = w.rt.load::<Asset>(&asset.asset).unwrap().total_deposits();
        let vault = u128::from(w.rt.token_amount(&asset.vault));
        assert_eq!((vault, total, on_chain), (modelled, modelled, modelled), "{context}: asset {a}");
    }
}
