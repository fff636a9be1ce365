//! Account layouts. All are zero-copy with a version byte and reserved space, so later versions grow in place.
//! 128-bit values are stored as little-endian `[u8; 16]`: alignment 1 keeps the layout identical on x86-64
//! (where `u128` is 16-aligned) and SBF (8-aligned).
pub mod asset;
pub mod config;
pub mod group;
pub mod guard;
pub mod margin_account;
pub mod margin_call;

pub use asset::*;
pub use config::*;
pub use group::*;
pub use guard::*;
pub use margin_account::*;
pub use margin_call::*;

/// Layout version written by this program into every account it creates.
pub const LAYOUT_VERSION: u8 = 1;

pub fn load_u128(bytes: &[u8; 16]) -> u128 {
    u128::from_le_bytes(*bytes)
}

pub fn store_u128(bytes: &mut [u8; 16], value: u128) {
    *bytes = value.to_le_bytes();
}
