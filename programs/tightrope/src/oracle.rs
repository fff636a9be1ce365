//! The Pyth receiver's `PriceUpdateV2` account layout, defined here rather than through a Pyth crate so the
//! program, the embedded runtime and its tests share one definition of the bytes.
use anchor_lang::prelude::*;

use crate::errors::TightropeError;
use crate::math;

/// The Pyth Solana receiver program, owner of every genuine `PriceUpdateV2` account.
pub const PYTH_RECEIVER_ID: Pubkey = pubkey!("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub enum VerificationLevel {
    /// Posted with fewer than the quorum of Wormhole signatures checked.
    Partial { num_signatures: u8 },
    Full,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct PriceFeedMessage {
    pub feed_id: [u8; 32],
    pub price: i64,
    pub conf: u64,
    pub exponent: i32,
    pub publish_time: i64,
    pub prev_publish_time: i64,
    pub ema_price: i64,
    pub ema_conf: u64,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct PriceUpdateV2 {
    pub write_authority: Pubkey,
    pub verification_level: VerificationLevel,
    pub price_message: PriceFeedMessage,
    pub posted_slot: u64,
}

impl PriceUpdateV2 {
    /// Anchor account discriminator: `sha256("account:PriceUpdateV2")[..8]`.
    pub const DISCRIMINATOR: [u8; 8] = [34, 241, 35, 99, 157, 126, 244, 205];
    /// Allocated size: discriminator + the largest encoding (a `Partial` level takes one more byte than `Full`).
    pub const LEN: usize = 8 + 32 + 2 + 32 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 8;

    /// Account bytes as the receiver writes them, zero-padded to `LEN`.
    pub fn to_account_data(&self) -> Vec<u8> {
        let mut data = Vec::with_capacity(Self::LEN);
        data.extend_from_slice(&Self::DISCRIMINATOR);
        // Serialising plain fields into a Vec cannot fail.
        self.serialize(&mut data).expect("serialize into Vec");
        data.resize(Self::LEN, 0);
        data
    }

    /// Parses account bytes; `None` when the discriminator or the encoding is wrong.
    pub fn from_account_data(data: &[u8]) -> Option<Self> {
        let body = data.strip_prefix(&Self::DISCRIMINATOR)?;
        Self::deserialize(&mut &body[..]).ok()
    }
}

/// How far ahead of the cluster clock a publish time may be: validators' clocks trail wall time by a few seconds,
/// while a publish time far ahead would keep a price "fresh" long after it was posted.
pub const MAX_CLOCK_LEAD_SECONDS: i64 = 30;

/// A validated price: oracle price and confidence as the risk engine's fixed point (quote per whole unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OraclePrice {
    pub price: tightrope_risk::Fx,
    pub conf: tightrope_risk::Fx,
    pub publish_time: i64,
}

/// Reads `account` as the asset's price: owned by the Pyth receiver, of the asset's feed, fully verified, no older
/// than the asset's maximum age at `now` and not from the future, positive, and no wider than its confidence limit.
pub fn read_price(account: &AccountInfo, feed_id: &[u8; 32], max_age_seconds: u32, max_conf_ratio: u64, now: i64) -> Result<OraclePrice> {
    require_keys_eq!(*account.owner, PYTH_RECEIVER_ID, TightropeError::OracleWrongOwner);
    let update = PriceUpdateV2::from_account_data(&account.try_borrow_data()?).ok_or(error!(TightropeError::InvalidOracleAccount))?;
    let message = update.price_message;
    require!(message.feed_id == *feed_id, TightropeError::OracleFeedMismatch);
    require!(update.verification_level == VerificationLevel::Full, TightropeError::OracleNotFullyVerified);
    if message.publish_time > now.saturating_add(MAX_CLOCK_LEAD_SECONDS) {
        msg!("oracle publish time {} is ahead of the clock ({})", message.publish_time, now);
        return err!(TightropeError::OraclePublishTimeInFuture);
    }
    let age = now.saturating_sub(message.publish_time);
    if age > i64::from(max_age_seconds) {
        msg!("oracle published {} s ago; the limit is {} s", age, max_age_seconds);
        return err!(TightropeError::StaleOracle);
    }
    let (price, conf) = math::oracle_price::to_fx(message.price, message.conf, message.exponent)
        .map_err(|_| error!(TightropeError::InvalidOraclePrice))?;
    require!(
        math::oracle_price::conf_within(price, conf, tightrope_risk::Fx::from(max_conf_ratio)),
        TightropeError::OracleConfidenceTooWide
    );
    Ok(OraclePrice { price, conf, publish_time: message.publish_time })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::hash::hash;

    #[test]
    fn discriminator_is_the_anchor_hash_of_the_account_name() {
        assert_eq!(hash(b"account:PriceUpdateV2").to_bytes()[..8], PriceUpdateV2::DISCRIMINATOR);
    }
}
