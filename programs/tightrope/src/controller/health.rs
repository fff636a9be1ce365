//! An account's health from all its balances, computed by `tightrope_risk` with fresh prices.
//!
//! The accounts it needs arrive as remaining accounts in one canonical order: for every active balance of the
//! margin account, in slot order, the asset and then its oracle, skipping the asset the instruction names itself
//! (already loaded and changed). Anything missing, extra, duplicated or reordered is refused.
use anchor_lang::prelude::*;
use tightrope_risk::{Breakdown, Portfolio, Position, Quote, Tier, FX_ONE};

use crate::errors::TightropeError;
use crate::events::PriceUsed;
use crate::math;
use crate::oracle::OraclePrice;
use crate::state::{math_error, Asset, Group, MarginAccount, MarginModel, MAX_TIERS};

/// The asset an instruction already holds (accrued and changed), with its fresh price.
pub struct Touched<'a> {
    pub key: Pubkey,
    pub asset: &'a Asset,
    pub price: OraclePrice,
}

/// What one balance contributes: the engine's view of the asset and the balance in native units.
pub struct Priced {
    pub asset: tightrope_risk::Asset,
    pub deposit: u64,
    pub borrow: u64,
    pub used: PriceUsed,
}

/// Prices an asset for the engine; the stable price is moved to `now` (in memory) so initial margin sees it.
fn priced(key: Pubkey, asset: &Asset, price: OraclePrice, deposit_shares: u128, borrow_shares: u128, now: i64) -> Result<Priced> {
    let stable = asset.stable_price_at(now)?;
    let to_u64 = |v: u128| u64::try_from(v).map_err(|_| error!(TightropeError::MathOverflow));
    let deposit = to_u64(math::shares::deposit_native(deposit_shares, asset.deposit_index()).map_err(math_error)?.into())?;
    let borrow = to_u64(math::shares::borrow_native(borrow_shares, asset.borrow_index()).map_err(math_error)?.into())?;
    Ok(Priced {
        asset: tightrope_risk::Asset {
            decimals: asset.decimals,
            price: price.price,
            conf: price.conf,
            stable_price: stable,
            tier: asset.params.tier,
            rules: asset.params.rules.to_rates(),
            // Balances hold no options yet: no carry, and no asset covers another's options.
            carry: tightrope_risk::Carry::NONE,
            tracks: None,
        },
        deposit,
        borrow,
        used: PriceUsed { asset: key, price: price.price, conf: price.conf, stable_price: stable, publish_time: price.publish_time },
    })
}

/// Loads a read-only asset from the remaining accounts and brings its indices to `now` in memory, so interest
/// owed since its last touch counts against the account.
fn load_untouched<'info>(group: &Pubkey, expected: &Pubkey, asset_info: &'info AccountInfo<'info>, now: i64) -> Result<Asset> {
    require_keys_eq!(*asset_info.key, *expected, TightropeError::HealthAccountsMismatch);
    let loader = AccountLoader::<Asset>::try_from(asset_info)?;
    let mut asset = *loader.load()?;
    require_keys_eq!(asset.group, *group, TightropeError::GroupMismatch);
    asset.accrue(now)?;
    Ok(asset)
}

/// The engine's breakdown is about 7 KiB, more than an SBF stack frame (4 KiB) holds, so it is allocated on the
/// heap, zeroed: every field is an integer, a count, an `Option<u8>` or an `i8`, for which all-zero bytes are the
/// default value (`a_zeroed_breakdown_is_the_default` holds this).
pub fn boxed_breakdown() -> Box<Breakdown> {
    let layout = core::alloc::Layout::new::<Breakdown>();
    // SAFETY: the layout is non-zero-sized, a null result is handed to the allocation-error handler, and zeroed
    // memory is a valid `Breakdown` (see above).
    unsafe {
        let ptr = std::alloc::alloc_zeroed(layout) as *mut Breakdown;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Box::from_raw(ptr)
    }
}

/// Prices every balance of `account`, in slot order (see the module docs for the account order), taking the assets
/// in `touched` as the instruction holds them; returns the priced balances and the remaining accounts left over.
pub fn price_balances<'info>(
    group_key: &Pubkey,
    account: &MarginAccount,
    touched: &[Touched],
    remaining: &'info [AccountInfo<'info>],
    now: i64,
) -> Result<(Vec<Priced>, &'info [AccountInfo<'info>])> {
    let mut priced_balances = Vec::with_capacity(account.active_balances().count());
    let mut rest = remaining;
    for balance in account.active_balances() {
        let (deposit_shares, borrow_shares) = (balance.deposit_shares(), balance.borrow_shares());
        let entry = match touched.iter().find(|t| t.key == balance.asset) {
            Some(t) => priced(t.key, t.asset, t.price, deposit_shares, borrow_shares, now)?,
            None => {
                let [asset_info, oracle_info, tail @ ..] = rest else {
                    return err!(TightropeError::HealthAccountsMismatch);
                };
                rest = tail;
                let asset = load_untouched(group_key, &balance.asset, asset_info, now)?;
                let price = asset.read_price(oracle_info, now)?;
                priced(balance.asset, &asset, price, deposit_shares, borrow_shares, now)?
            }
        };
        priced_balances.push(entry);
    }
    Ok((priced_balances, rest))
}

/// Runs `f` on the engine's portfolio of `priced` balances (one spot position per balance, in order) under the
/// group's tiers; an engine error is logged and refused as `RiskEngine`.
pub fn with_portfolio<R>(group: &Group, priced: &[Priced], now: i64, f: impl FnOnce(&Portfolio) -> core::result::Result<R, tightrope_risk::RiskError>) -> Result<R> {
    let assets: Vec<tightrope_risk::Asset> = priced.iter().map(|p| p.asset).collect();
    let positions: Vec<Position> = priced
        .iter()
        .enumerate()
        .map(|(index, p)| Position::Spot { asset: index as u8, deposit: p.deposit, borrow: p.borrow })
        .collect();
    let mut tiers = [Tier::cash(); MAX_TIERS];
    let tier_count = group.risk_tiers(&mut tiers);
    let offsets: Vec<tightrope_risk::GroupOffset> = group
        .group_offsets()
        .iter()
        .map(|&(group, share)| tightrope_risk::GroupOffset { group, share })
        .collect();
    let portfolio = Portfolio {
        assets: &assets,
        tiers: &tiers[..tier_count],
        group_offsets: &offsets,
        positions: &positions,
        now,
        // Assets at P − conf, liabilities at P + conf.
        conf_multiplier: FX_ONE,
    };
    f(&portfolio).map_err(|error| {
        msg!("risk engine: {:?}", error);
        error!(TightropeError::RiskEngine)
    })
}

/// The engine's quote of `priced` under `model`, filling `breakdown` (per position and per class) when given one.
pub fn quote_priced(group: &Group, priced: &[Priced], model: MarginModel, now: i64, breakdown: Option<&mut Breakdown>) -> Result<Quote> {
    with_portfolio(group, priced, now, |portfolio| match breakdown {
        Some(breakdown) => tightrope_risk::quote_with_breakdown(portfolio, model.risk_model(), breakdown),
        None => tightrope_risk::quote(portfolio, model.risk_model()),
    })
}

pub fn prices_used(priced: &[Priced]) -> Vec<PriceUsed> {
    priced.iter().map(|p| p.used).collect()
}

/// Prices every balance of `account` (see the module docs for the account order; every remaining account must be
/// used) and returns the engine's quote under `model`, with the prices it used.
#[allow(clippy::too_many_arguments)]
pub fn quote<'info>(
    group_key: &Pubkey,
    group: &Group,
    account: &MarginAccount,
    model: MarginModel,
    touched: &[Touched],
    remaining: &'info [AccountInfo<'info>],
    now: i64,
    breakdown: Option<&mut Breakdown>,
) -> Result<(Quote, Vec<PriceUsed>)> {
    let (priced, rest) = price_balances(group_key, account, touched, remaining, now)?;
    require!(rest.is_empty(), TightropeError::HealthAccountsMismatch);
    Ok((quote_priced(group, &priced, model, now, breakdown)?, prices_used(&priced)))
}

/// Refuses a result that leaves the account below its initial requirement, logging the shortfall.
pub fn require_initial(quote: &Quote) -> Result<()> {
    if quote.initial_health < 0 {
        msg!("initial margin shortfall: {} (quote minor units)", -quote.initial_health);
        return err!(TightropeError::InitialMarginShortfall);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zeroed_breakdown_is_the_default() {
        assert_eq!(*boxed_breakdown(), Breakdown::default());
    }
}
