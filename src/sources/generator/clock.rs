//! Time of day, as people and machines in Thailand live it.
//!
//! Traffic follows the local clock (UTC+7, no daylight saving): quiet at
//! night, busy late morning and early evening. Each population follows one
//! daily profile; rates are multiplied by it.

/// Milliseconds in an hour.
pub(super) const MS_PER_HOUR: i64 = 3_600_000;
/// Milliseconds in a minute.
pub(super) const MS_PER_MIN: i64 = 60_000;
/// Bangkok's offset from UTC.
pub(super) const BANGKOK_OFFSET_MS: i64 = 7 * MS_PER_HOUR;
const MS_PER_DAY: i64 = 24 * MS_PER_HOUR;

/// A daily shape of activity, 1.0 at its busiest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Profile {
    /// People: calls and chats from breakfast to bedtime.
    Consumer,
    /// Offices and delivery rounds: working hours, much less at weekends.
    Office,
    /// Taxi and logistics dispatch: round the clock, peaks at rush hours.
    Dispatch,
    /// International transit traffic: steady, a little lower at night.
    Transit,
    /// Scam operations: office hours of their own, never quite silent.
    Scam,
}

const CONSUMER: [f64; 24] = [
    0.14, 0.08, 0.05, 0.04, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 1.00, 1.00, //
    0.92, 0.90, 0.95, 0.95, 1.00, 1.00, 0.97, 0.92, 0.85, 0.70, 0.48, 0.26,
];
const OFFICE: [f64; 24] = [
    0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.25, 0.70, 1.00, 1.00, 1.00, //
    0.70, 0.95, 1.00, 1.00, 0.90, 0.60, 0.30, 0.15, 0.08, 0.05, 0.03, 0.02,
];
const DISPATCH: [f64; 24] = [
    0.35, 0.30, 0.25, 0.20, 0.25, 0.40, 0.65, 0.90, 1.00, 0.90, 0.80, 0.80, //
    0.85, 0.80, 0.80, 0.85, 0.95, 1.00, 1.00, 0.90, 0.80, 0.70, 0.55, 0.45,
];
const TRANSIT: [f64; 24] = [
    0.70, 0.60, 0.55, 0.50, 0.50, 0.55, 0.65, 0.75, 0.85, 0.90, 0.95, 1.00, //
    1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 0.95, 0.90, 0.85, 0.80,
];
const SCAM: [f64; 24] = [
    0.10, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.65, 0.90, 1.00, 1.00, 1.00, //
    0.80, 1.00, 1.00, 1.00, 0.90, 0.70, 0.50, 0.40, 0.35, 0.30, 0.20, 0.15,
];

/// Hour of the day in Bangkok at `ts_ms`, as a fraction in `[0, 24)`.
pub(super) fn local_hour(ts_ms: i64) -> f64 {
    (ts_ms + BANGKOK_OFFSET_MS).rem_euclid(MS_PER_DAY) as f64 / MS_PER_HOUR as f64
}

/// Whether `ts_ms` falls on Monday to Friday in Bangkok.
pub(super) fn is_workday(ts_ms: i64) -> bool {
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
    let weekday = ((ts_ms + BANGKOK_OFFSET_MS).div_euclid(MS_PER_DAY) + 3).rem_euclid(7);
    weekday < 5
}

/// Activity of `profile` at `ts_ms`, relative to its busiest hour.
pub(super) fn diurnal(profile: Profile, ts_ms: i64) -> f64 {
    let table = match profile {
        Profile::Consumer => &CONSUMER,
        Profile::Office => &OFFICE,
        Profile::Dispatch => &DISPATCH,
        Profile::Transit => &TRANSIT,
        Profile::Scam => &SCAM,
    };
    let h = local_hour(ts_ms);
    let i = (h as usize).min(23);
    let frac = h - i as f64;
    let v = table[i] * (1.0 - frac) + table[(i + 1) % 24] * frac;
    if profile == Profile::Office && !is_workday(ts_ms) {
        v * 0.3
    } else {
        v
    }
}

/// Civil date (year, month, day) of a day count since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}
