//! Human decimal strings ⇄ scaled integers, exactly: "150.25" at scale 12 is 150_250_000_000_000. More fractional
//! digits than the scale, or a value beyond i128, is an error — never a silent rounding.

pub fn parse(text: &str, scale: u32) -> Result<i128, String> {
    let error = || format!("`{text}` is not a decimal with at most {scale} fractional digits");
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(error());
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > scale as usize {
        return Err(error());
    }
    let mut value: i128 = 0;
    let padded = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(scale as usize);
    for b in whole.bytes().chain(padded) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add((b - b'0') as i128))
            .ok_or_else(error)?;
    }
    Ok(if negative { -value } else { value })
}

/// `value / 10^scale` with every fractional digit written out: fixed width makes outputs comparable as strings.
pub fn format(value: i128, scale: u32) -> String {
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    if scale == 0 {
        return format!("{sign}{digits}");
    }
    let padded = format!("{:0>width$}", digits, width = scale as usize + 1);
    let (whole, fraction) = padded.split_at(padded.len() - scale as usize);
    format!("{sign}{whole}.{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly_or_refuses() {
        assert_eq!(parse("150.25", 12), Ok(150_250_000_000_000));
        assert_eq!(parse("-0.000001", 6), Ok(-1));
        assert_eq!(parse("7", 0), Ok(7));
        assert_eq!(parse("1.50", 1), Ok(15)); // trailing zeros are not precision
        assert!(parse("0.0000001", 6).is_err());
        assert!(parse("1e5", 6).is_err());
        assert!(parse("", 6).is_err());
        assert!(parse(".", 6).is_err());
        assert!(parse("999999999999999999999999999999", 12).is_err());
    }

    #[test]
    fn formats_with_every_fractional_digit() {
        assert_eq!(format(5_700_000_000, 6), "5700.000000");
        assert_eq!(format(-1, 6), "-0.000001");
        assert_eq!(format(375_000_000_000, 12), "0.375000000000");
        assert_eq!(format(42, 0), "42");
        for v in [0i128, 1, -1, 123_456_789, i128::MAX, i128::MIN + 1] {
            assert_eq!(parse(&format(v, 12), 12), Ok(v));
        }
    }
}
