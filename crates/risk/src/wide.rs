//! 256-bit intermediates for `a × b / d`, so a product of two in-range 128-bit factors never overflows before the
//! division brings it back. Plain schoolbook arithmetic on 64-bit halves: easy to port, easy to check.

const LOW64: u128 = u64::MAX as u128;

/// The full product `a × b` as `(high, low)` 128-bit halves.
pub fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    if a <= LOW64 && b <= LOW64 {
        // One 64×64 → 128-bit multiply: most products in the engine are of this size.
        return (0, a * b);
    }
    let (a1, a0) = (a >> 64, a & LOW64);
    let (b1, b0) = (b >> 64, b & LOW64);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // Each term is below 2^64, so the middle column cannot overflow.
    let mid = (p00 >> 64) + (p01 & LOW64) + (p10 & LOW64);
    let low = (p00 & LOW64) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// `(high·2^128 + low) / d` as `(quotient, remainder)`; `None` when `d` is zero or the quotient needs more than
/// 128 bits.
pub fn div_wide(high: u128, low: u128, d: u128) -> Option<(u128, u128)> {
    if d == 0 || high >= d {
        return None;
    }
    if high == 0 {
        // One hardware division when both fit 64 bits (the common case), else one 128-bit division.
        let quotient = match (u64::try_from(low), u64::try_from(d)) {
            (Ok(l), Ok(d64)) => (l / d64) as u128,
            _ => low / d,
        };
        // quotient × d ≤ low: the remainder needs no overflow checks.
        return Some((quotient, low.wrapping_sub(quotient.wrapping_mul(d))));
    }
    // Restoring long division, one quotient bit per step; only reached when the product exceeds 2^128.
    let mut rem = high;
    let mut quotient = 0u128;
    for bit in (0..128).rev() {
        let carry = rem >> 127;
        rem = (rem << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        // With the carry the true remainder is 2^128 + rem, certainly ≥ d; the wrapping difference is exact.
        if carry == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some((quotient, rem))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_halves_match_a_known_square() {
        // (2^128 − 1)^2 = 2^256 − 2^129 + 1
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        assert_eq!(mul_wide(1 << 64, 1 << 64), (1, 0));
        assert_eq!(mul_wide(12345, 678), (0, 12345 * 678));
        // Either side of the one-multiply case: 64-bit factors, then one just beyond.
        assert_eq!(mul_wide(LOW64, LOW64), (0, LOW64 * LOW64));
        assert_eq!(mul_wide(LOW64 + 1, LOW64), (0, (LOW64 + 1) * LOW64));
        assert_eq!(mul_wide(LOW64 + 1, LOW64 + 1), (1, 0));
    }

    #[test]
    fn long_division_inverts_the_product() {
        let cases = [
            (u128::MAX, u128::MAX - 7, u128::MAX),
            (1 << 100, 3 << 90, 7 << 80),
            (99, 1 << 127, 1 << 64),
        ];
        for (a, b, d) in cases {
            let (hi, lo) = mul_wide(a, b);
            match div_wide(hi, lo, d) {
                Some((q, r)) => {
                    // q·d + r must rebuild the product exactly.
                    let (qh, ql) = mul_wide(q, d);
                    let (sum, c) = ql.overflowing_add(r);
                    assert_eq!((qh + c as u128, sum), (hi, lo));
                    assert!(r < d);
                }
                None => assert!(hi >= d),
            }
        }
        assert_eq!(div_wide(0, 10, 0), None);
        assert_eq!(div_wide(5, 0, 5), None);
    }
}
