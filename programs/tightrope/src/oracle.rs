//! The Pyth receiver's `PriceUpdateV2` account layout, defined here rather than through a Pyth crate so the
//! program, the embedded runtime and its tests share one definition of the bytes.
use anchor_lang::prelude::*;

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

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::hash::hash;

    #[test]
    fn discriminator_is_the_anchor_hash_of_the_account_name() {
        assert_eq!(hash(b"account:PriceUpdateV2").to_bytes()[..8], PriceUpdateV2::DISCRIMINATOR);
    }
}
