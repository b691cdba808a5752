//! Event-time watermarks.
//!
//! A watermark says "no record older than this will be accepted any more".
//! It is the highest event time seen minus the allowed lateness, so a record
//! may arrive up to the lateness behind the newest one and still count. It
//! never moves backwards, and it moves only when data arrives: a file or a
//! replay is processed the same way whatever the wall clock says.

/// The watermark of one stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Watermark {
    lateness_ms: i64,
    max_event_ms: Option<i64>,
}

impl Watermark {
    /// A watermark that trails the newest event time by `lateness_ms`.
    pub fn new(lateness_ms: i64) -> Self {
        Watermark {
            lateness_ms,
            max_event_ms: None,
        }
    }

    /// Accounts for a record's event time.
    pub fn observe(&mut self, event_ms: i64) {
        self.max_event_ms = Some(self.max_event_ms.map_or(event_ms, |m| m.max(event_ms)));
    }

    /// The current watermark; `None` before the first record.
    pub fn current(&self) -> Option<i64> {
        self.max_event_ms.map(|m| m - self.lateness_ms)
    }

    /// The highest event time seen.
    pub fn max_event_ms(&self) -> Option<i64> {
        self.max_event_ms
    }

    /// Whether everything ending at or before `end_ms` is final.
    pub fn has_passed(&self, end_ms: i64) -> bool {
        self.current().is_some_and(|w| end_ms <= w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trails_the_maximum_and_never_goes_back() {
        let mut w = Watermark::new(120_000);
        assert_eq!(w.current(), None);
        assert!(!w.has_passed(i64::MIN + 1));
        w.observe(1_000_000);
        assert_eq!(w.current(), Some(880_000));
        w.observe(500_000);
        assert_eq!(w.current(), Some(880_000));
        assert!(w.has_passed(880_000));
        assert!(!w.has_passed(880_001));
    }
}
