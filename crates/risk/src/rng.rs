//! SplitMix64: the one small deterministic generator behind the parity vectors and the randomized sequence tests,
//! so a failing run replays from its seed and a TypeScript mirror can reproduce a vector file from its seed.

pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform-ish in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Uniform-ish in `low..=high`.
    pub fn range(&mut self, low: i128, high: i128) -> i128 {
        low + (self.next() as i128).rem_euclid(high - low + 1)
    }

    pub fn chance(&mut self, percent: i128) -> bool {
        self.range(0, 99) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as i128 - 1) as usize]
    }
}
