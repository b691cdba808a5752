//! Settings of one generated data set.
//!
//! Kept apart from the machinery so the CLI, the pipeline config and the
//! benchmarks can describe a data set without knowing how it is made.

/// 2026-11-02T00:00:00Z, a Monday, 07:00 in Bangkok, in epoch milliseconds.
const DEFAULT_START_MS: i64 = 1_793_577_600_000;

/// Fewest ordinary subscribers the generator works with; smaller requests are raised to it.
pub(super) const MIN_SUBSCRIBERS: usize = 100;

/// Most hours one data set may cover: labels are planned up front, so the run must end.
pub(super) const MAX_HOURS: f64 = 24.0 * 366.0;

/// Settings of one generated data set.
#[derive(Debug, Clone)]
pub struct GeneratorConfig {
    /// Ordinary subscribers on our network (at least 100 are generated).
    /// The look-alike and fraud populations scale with it.
    pub subscribers: usize,
    /// Hours of event time to generate (negative or NaN means none, capped at a year).
    pub hours: f64,
    /// Seed of every random choice: the same config always gives the same bytes.
    pub seed: u64,
    /// Event time at which the traffic starts, in epoch milliseconds.
    pub start_ms: i64,
}

impl Default for GeneratorConfig {
    /// 20 000 subscribers, one hour from 2026-11-02T00:00:00Z (07:00 in Bangkok), seed 42.
    fn default() -> Self {
        GeneratorConfig {
            subscribers: 20_000,
            hours: 1.0,
            seed: 42,
            start_ms: DEFAULT_START_MS,
        }
    }
}

impl GeneratorConfig {
    /// The number of ordinary subscribers actually generated.
    pub(super) fn effective_subscribers(&self) -> usize {
        self.subscribers.max(MIN_SUBSCRIBERS)
    }

    /// The hours actually generated: finite, between zero and [`MAX_HOURS`].
    pub(super) fn effective_hours(&self) -> f64 {
        if self.hours.is_nan() {
            0.0
        } else {
            self.hours.clamp(0.0, MAX_HOURS)
        }
    }

    /// Length of the run in milliseconds.
    pub(super) fn span_ms(&self) -> i64 {
        (self.effective_hours() * 3_600_000.0).round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_start_is_monday_morning_in_bangkok() {
        let start = chrono::DateTime::parse_from_rfc3339("2026-11-02T00:00:00Z")
            .map(|t| t.timestamp_millis());
        assert_eq!(start, Ok(GeneratorConfig::default().start_ms));
        assert_eq!(super::super::clock::civil_from_days(20_759), (2026, 11, 2));
        assert!(super::super::clock::is_workday(DEFAULT_START_MS));
    }

    #[test]
    fn odd_settings_are_tamed() {
        let odd = GeneratorConfig {
            subscribers: 3,
            hours: -2.0,
            ..GeneratorConfig::default()
        };
        assert_eq!(odd.effective_subscribers(), MIN_SUBSCRIBERS);
        assert_eq!(odd.span_ms(), 0);
        let long = GeneratorConfig {
            hours: f64::INFINITY,
            ..GeneratorConfig::default()
        };
        assert_eq!(long.effective_hours(), MAX_HOURS);
    }
}
