//! Byte-level JSON writing: integers, escaped strings and RFC 3339 times.
//!
//! The generator writes hundreds of thousands of records a second, so it
//! formats straight into the output buffer instead of building values for a
//! serializer.

use super::clock::{BANGKOK_OFFSET_MS, civil_from_days};

/// Appends the decimal digits of `v`.
pub(super) fn push_u64(out: &mut Vec<u8>, v: u64) {
    push_padded(out, v, 1);
}

/// Appends `v` in decimal, left-padded with zeros to at least `width` digits.
pub(super) fn push_padded(out: &mut Vec<u8>, mut v: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let start = i.min(buf.len().saturating_sub(width));
    out.extend_from_slice(&buf[start..]);
}

/// Appends a signed integer.
pub(super) fn push_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    push_u64(out, v.unsigned_abs());
}

/// Appends `s` as a JSON string, quotes included.
pub(super) fn push_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => b"\\u00",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escape);
        if escape == b"\\u00" {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        }
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// How a timestamp is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TsFormat {
    /// `"2026-11-02T01:02:03.456Z"`.
    UtcMillis,
    /// `"2026-11-02T01:02:03Z"`, truncated to the second.
    UtcSeconds,
    /// `"2026-11-02T08:02:03.456+07:00"`.
    BangkokMillis,
    /// `1793581323456`.
    EpochMillis,
}

/// Appends `ts_ms` as a JSON value in `format`.
pub(super) fn push_ts(out: &mut Vec<u8>, ts_ms: i64, format: TsFormat) {
    let (shifted, suffix): (i64, &[u8]) = match format {
        TsFormat::EpochMillis => {
            push_i64(out, ts_ms);
            return;
        }
        TsFormat::UtcMillis | TsFormat::UtcSeconds => (ts_ms, b"Z\""),
        TsFormat::BangkokMillis => (ts_ms + BANGKOK_OFFSET_MS, b"+07:00\""),
    };
    let days = shifted.div_euclid(86_400_000);
    let ms_of_day = shifted.rem_euclid(86_400_000) as u64;
    let (year, month, day) = civil_from_days(days);
    out.push(b'"');
    push_padded(out, year.unsigned_abs(), 4);
    out.push(b'-');
    push_padded(out, u64::from(month), 2);
    out.push(b'-');
    push_padded(out, u64::from(day), 2);
    out.push(b'T');
    push_padded(out, ms_of_day / 3_600_000, 2);
    out.push(b':');
    push_padded(out, ms_of_day / 60_000 % 60, 2);
    out.push(b':');
    push_padded(out, ms_of_day / 1000 % 60, 2);
    if format != TsFormat::UtcSeconds {
        out.push(b'.');
        push_padded(out, ms_of_day % 1000, 3);
    }
    out.extend_from_slice(suffix);
}

#[cfg(test)]
mod tests {
    use super::*;

    const START_MS: i64 = 1_793_577_600_000;

    #[test]
    fn timestamps_in_every_format() {
        for (ts, format, want) in [
            (
                START_MS + 3_723_456,
                TsFormat::UtcMillis,
                "\"2026-11-02T01:02:03.456Z\"",
            ),
            (
                START_MS + 3_723_456,
                TsFormat::UtcSeconds,
                "\"2026-11-02T01:02:03Z\"",
            ),
            (
                START_MS + 3_723_456,
                TsFormat::BangkokMillis,
                "\"2026-11-02T08:02:03.456+07:00\"",
            ),
            (START_MS + 3_723_456, TsFormat::EpochMillis, "1793581323456"),
            (
                START_MS + 17 * 3_600_000,
                TsFormat::BangkokMillis,
                "\"2026-11-03T00:00:00.000+07:00\"",
            ),
            (
                951_782_400_000,
                TsFormat::UtcMillis,
                "\"2000-02-29T00:00:00.000Z\"",
            ),
        ] {
            let mut out = Vec::new();
            push_ts(&mut out, ts, format);
            assert_eq!(String::from_utf8_lossy(&out), want);
            let text = want.trim_matches('"');
            if format != TsFormat::EpochMillis {
                let parsed =
                    chrono::DateTime::parse_from_rfc3339(text).map(|t| t.timestamp_millis());
                assert_eq!(
                    parsed,
                    Ok(ts
                        - ts % if format == TsFormat::UtcSeconds {
                            1000
                        } else {
                            1
                        })
                );
            }
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = Vec::new();
        push_str(&mut out, "a\"b\\c\nd\u{1}ไทย");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "\"a\\\"b\\\\c\\nd\\u0001ไทย\""
        );
        let back: String = serde_json::from_slice(&out).unwrap_or_default();
        assert_eq!(back, "a\"b\\c\nd\u{1}ไทย");
    }

    #[test]
    fn padded_integers() {
        let mut out = Vec::new();
        push_padded(&mut out, 42, 5);
        out.push(b' ');
        push_padded(&mut out, 123_456, 3);
        out.push(b' ');
        push_i64(&mut out, -7);
        assert_eq!(String::from_utf8_lossy(&out), "00042 123456 -7");
    }
}
