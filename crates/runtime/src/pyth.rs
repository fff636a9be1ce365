//! Pyth `PriceUpdateV2` accounts, written with the program's own layout and owned by the Pyth receiver.
use solana_sdk::account::Account;
use solana_sdk::pubkey::Pubkey;
pub use tightrope::oracle::{PriceFeedMessage, PriceUpdateV2, VerificationLevel, PYTH_RECEIVER_ID};

use crate::Runtime;

/// A fully verified update of `feed_id`: `price ± conf` × 10^`exponent`, published at `publish_time`.
pub fn full_update(feed_id: [u8; 32], price: i64, conf: u64, exponent: i32, publish_time: i64, slot: u64) -> PriceUpdateV2 {
    PriceUpdateV2 {
        write_authority: Pubkey::default(),
        verification_level: VerificationLevel::Full,
        price_message: PriceFeedMessage {
            feed_id,
            price,
            conf,
            exponent,
            publish_time,
            prev_publish_time: publish_time.saturating_sub(1),
            ema_price: price,
            ema_conf: conf,
        },
        posted_slot: slot,
    }
}

impl Runtime {
    /// Writes `update` at `address` as the Pyth receiver would: its owner, its discriminator, rent-exempt.
    pub fn set_price_update(&mut self, address: &Pubkey, update: &PriceUpdateV2) {
        let data = update.to_account_data();
        let lamports = self.rent().minimum_balance(data.len());
        self.set_account(address, Account { lamports, data, owner: PYTH_RECEIVER_ID, executable: false, rent_epoch: 0 });
    }
}
