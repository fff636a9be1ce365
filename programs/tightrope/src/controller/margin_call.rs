//! Opening and clearing margin calls: the one place an account's call state changes, each with its event carrying
//! the figures and prices it was decided on.
use anchor_lang::prelude::*;
use tightrope_risk::Quote;

use crate::errors::TightropeError;
use crate::events::{HealthFigures, MarginCallCleared, MarginCallOpened, PriceUsed};
use crate::math::margin_call::{self, Maintenance};
use crate::state::{math_error, MarginAccount, MarginCallConfig};

pub fn maintenance(quote: &Quote) -> Maintenance {
    Maintenance { equity: quote.equity, requirement: quote.maintenance_requirement, health: quote.maintenance_health }
}

/// Whether the account may be liquidated at `now` under the group's settings.
pub fn liquidatable(config: &MarginCallConfig, quote: &Quote, called_at: Option<i64>, now: i64) -> Result<bool> {
    margin_call::liquidatable(&maintenance(quote), called_at, now, config.grace_seconds, config.hard_threshold.into()).map_err(math_error)
}

/// Opens a call on an account below maintenance; refuses one that is not, and one already called (re-flagging
/// must never restart a window, or anyone could extend a friend's grace forever).
pub fn open(account_key: Pubkey, account: &mut MarginAccount, quote: &Quote, prices: Vec<PriceUsed>, config: &MarginCallConfig, now: i64) -> Result<()> {
    require!(account.margin_call().is_none(), TightropeError::AlreadyUnderMarginCall);
    let figures = maintenance(quote);
    require!(margin_call::callable(&figures), TightropeError::NotBelowMaintenance);
    account.margin_call_at = now;
    emit!(MarginCallOpened {
        margin_account: account_key,
        called_at: now,
        deadline: now.saturating_add(i64::try_from(config.grace_seconds).unwrap_or(i64::MAX)),
        beyond_hard_threshold: margin_call::beyond_hard_threshold(&figures, config.hard_threshold.into()).map_err(math_error)?,
        health: HealthFigures::from(quote),
        prices,
    });
    Ok(())
}

/// Clears the open call when maintenance health has reached the cure buffer; returns whether it did.
pub fn clear_if_cured(account_key: Pubkey, account: &mut MarginAccount, quote: &Quote, prices: Vec<PriceUsed>, config: &MarginCallConfig, now: i64) -> Result<bool> {
    let Some(called_at) = account.margin_call() else {
        return Ok(false);
    };
    if !margin_call::cured(&maintenance(quote), config.cure_buffer.into()).map_err(math_error)? {
        return Ok(false);
    }
    account.margin_call_at = 0;
    emit!(MarginCallCleared { margin_account: account_key, called_at, cleared_at: now, health: HealthFigures::from(quote), prices });
    Ok(true)
}
