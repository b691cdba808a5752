//! Event-time watermarks.
//!
//! A watermark says "no record older than this will be accepted any more".
//! Each input partition (one file is one partition; a Kafka source has one
//! per topic partition) trails its own newest event time by the allowed
//! lateness. The stream's watermark is the minimum over the partitions that
//! are not idle, so a partition that is behind holds the windows open for
//! its records, while one that has gone quiet (no record for the idle
//! timeout, in wall-clock time) stops holding everyone back. When every
//! partition is idle, the input has been read to its end for now, and the
//! freshest partition sets the watermark. It never moves
//! backwards, and only data moves it: a file or a replay is processed the
//! same way whatever the wall clock says.
//!
//! Two rules keep idleness from turning records that are merely not read
//! yet into late ones:
//!
//! - **A pause wakes everyone.** When the first record after a pause (every
//!   partition idle: a broker outage, a quiet night) arrives, every
//!   partition gets a fresh idle timeout to speak up. Otherwise the first
//!   partition read after an outage would carry the watermark past the
//!   backlog the others are about to deliver.
//! - **Unread records are not silence.** The source may say that a partition
//!   has records it has not delivered yet ([`Watermark::keep_awake`]); such a
//!   partition is not idle however long the engine is busy elsewhere.

use std::time::{Duration, Instant};

/// One partition's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PartitionClock {
    id: u32,
    /// `None` for a partition assigned but not heard from yet.
    max_event_ms: Option<i64>,
    last_seen: Instant,
}

/// The watermark of a stream of one or more partitions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watermark {
    lateness_ms: i64,
    idle_after: Option<Duration>,
    partitions: Vec<PartitionClock>,
    max_event_ms: Option<i64>,
    current: Option<i64>,
}

impl Watermark {
    /// A watermark that trails the newest event time by `lateness_ms`, over
    /// partitions that never count as idle.
    pub fn new(lateness_ms: i64) -> Self {
        Watermark {
            lateness_ms,
            idle_after: None,
            partitions: Vec::new(),
            max_event_ms: None,
            current: None,
        }
    }

    /// Partitions without a record for `idle_after` stop holding the
    /// watermark back.
    pub fn with_idle_timeout(mut self, idle_after: Duration) -> Self {
        self.idle_after = Some(idle_after);
        self
    }

    /// Accounts for a record's event time in the only partition.
    pub fn observe(&mut self, event_ms: i64) {
        self.observe_in(0, event_ms, Instant::now());
    }

    /// Accounts for a record's event time in `partition`, seen at `now`.
    pub fn observe_in(&mut self, partition: u32, event_ms: i64, now: Instant) {
        self.end_pause(now);
        self.max_event_ms = Some(self.max_event_ms.map_or(event_ms, |m| m.max(event_ms)));
        let clock = self.clock(partition, now);
        clock.max_event_ms = Some(clock.max_event_ms.map_or(event_ms, |m| m.max(event_ms)));
        clock.last_seen = now;
        self.refresh(now);
    }

    /// Says that `partition` has records not delivered yet, at `now`: it is
    /// not idle, and holds the watermark at its newest event time so far.
    /// Like a record, it ends a pause for every partition.
    pub fn keep_awake(&mut self, partition: u32, now: Instant) {
        self.end_pause(now);
        self.clock(partition, now).last_seen = now;
    }

    /// If every partition is idle at `now` (the input was read to its end),
    /// gives every partition a fresh idle timeout: news has come.
    fn end_pause(&mut self, now: Instant) {
        let Some(idle) = self.idle_after else {
            return;
        };
        let paused = self
            .partitions
            .iter()
            .all(|p| now.saturating_duration_since(p.last_seen) >= idle);
        if paused {
            for clock in &mut self.partitions {
                clock.last_seen = now;
            }
        }
    }

    /// Declares `partition` before its first record, so that the watermark
    /// waits for it (until it is idle) instead of racing ahead without it.
    pub fn register(&mut self, partition: u32, now: Instant) {
        self.clock(partition, now);
    }

    fn clock(&mut self, partition: u32, now: Instant) -> &mut PartitionClock {
        let i = match self.partitions.iter().position(|p| p.id == partition) {
            Some(i) => i,
            None => {
                self.partitions.push(PartitionClock {
                    id: partition,
                    max_event_ms: None,
                    last_seen: now,
                });
                self.partitions.len() - 1
            }
        };
        &mut self.partitions[i]
    }

    /// Re-reads which partitions are idle at `now`; may advance the watermark.
    pub fn refresh(&mut self, now: Instant) {
        let is_active = |p: &&PartitionClock| {
            self.idle_after
                .is_none_or(|idle| now.saturating_duration_since(p.last_seen) < idle)
        };
        let any_active = self.partitions.iter().any(|p| is_active(&p));
        let bound = if any_active {
            // A silent active partition holds everything: `None` sorts first.
            self.partitions
                .iter()
                .filter(is_active)
                .map(|p| p.max_event_ms)
                .min()
        } else {
            self.partitions.iter().map(|p| p.max_event_ms).max()
        };
        let Some(Some(bound)) = bound else {
            return;
        };
        let candidate = bound - self.lateness_ms;
        self.current = Some(self.current.map_or(candidate, |c| c.max(candidate)));
    }

    /// Forgets every partition and starts again: after a Kafka rebalance,
    /// when the windows are rebuilt from the committed offsets.
    pub fn reset(&mut self) {
        self.partitions.clear();
        self.max_event_ms = None;
        self.current = None;
    }

    /// The current watermark; `None` before the first record.
    pub fn current(&self) -> Option<i64> {
        self.current
    }

    /// The highest event time seen in any partition.
    pub fn max_event_ms(&self) -> Option<i64> {
        self.max_event_ms
    }

    /// Whether everything ending at or before `end_ms` is final.
    pub fn has_passed(&self, end_ms: i64) -> bool {
        self.current.is_some_and(|w| end_ms <= w)
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

    #[test]
    fn the_slowest_partition_holds_the_watermark() {
        let now = Instant::now();
        let mut w = Watermark::new(0);
        w.observe_in(0, 10_000, now);
        w.observe_in(1, 4_000, now);
        assert_eq!(w.current(), Some(10_000), "the first record set it");
        w.observe_in(0, 20_000, now);
        assert_eq!(w.current(), Some(10_000), "partition 1 is behind at 4 s");
        w.observe_in(1, 15_000, now);
        assert_eq!(w.current(), Some(15_000));
        assert_eq!(w.max_event_ms(), Some(20_000));
    }

    #[test]
    fn an_idle_partition_stops_holding_it_back() {
        let start = Instant::now();
        let mut w = Watermark::new(0).with_idle_timeout(Duration::from_secs(30));
        w.observe_in(0, 1_000, start);
        w.observe_in(1, 1_000, start);
        w.observe_in(0, 50_000, start + Duration::from_secs(10));
        assert_eq!(w.current(), Some(1_000), "partition 1 is not idle yet");
        w.refresh(start + Duration::from_secs(31));
        assert_eq!(w.current(), Some(50_000), "partition 1 went quiet");
        w.observe_in(1, 2_000, start + Duration::from_secs(32));
        assert_eq!(w.current(), Some(50_000), "it never goes back");
    }

    #[test]
    fn a_registered_partition_is_waited_for_until_idle() {
        let start = Instant::now();
        let mut w = Watermark::new(0).with_idle_timeout(Duration::from_secs(30));
        w.register(0, start);
        w.register(1, start);
        w.observe_in(0, 50_000, start);
        assert_eq!(w.current(), None, "partition 1 has said nothing yet");
        w.observe_in(0, 55_000, start + Duration::from_secs(20));
        w.observe_in(0, 60_000, start + Duration::from_secs(31));
        assert_eq!(w.current(), Some(60_000), "partition 1 went idle");
    }

    #[test]
    fn when_every_partition_is_idle_the_freshest_one_counts() {
        let start = Instant::now();
        let mut w = Watermark::new(1_000).with_idle_timeout(Duration::from_secs(30));
        w.observe_in(0, 10_000, start);
        w.observe_in(1, 50_000, start);
        assert_eq!(w.current(), Some(9_000));
        w.refresh(start + Duration::from_secs(31));
        assert_eq!(w.current(), Some(49_000), "the input is read to its end");
    }

    #[test]
    fn after_a_pause_the_first_partition_back_waits_for_the_others() {
        let start = Instant::now();
        let idle = Duration::from_secs(30);
        let mut w = Watermark::new(0).with_idle_timeout(idle);
        w.observe_in(0, 10_000, start);
        w.observe_in(1, 10_000, start);
        w.refresh(start + Duration::from_secs(60));
        assert_eq!(w.current(), Some(10_000), "an outage: everyone is idle");
        let back = start + Duration::from_secs(61);
        w.observe_in(0, 900_000, back);
        assert_eq!(w.current(), Some(10_000), "partition 1's backlog is due");
        w.observe_in(1, 20_000, back + Duration::from_secs(1));
        assert_eq!(w.current(), Some(20_000), "its records were not late");
        w.refresh(back + idle + Duration::from_secs(1));
        assert_eq!(w.current(), Some(900_000), "partition 1 had nothing more");
    }

    #[test]
    fn a_partition_with_unread_records_is_not_idle() {
        let start = Instant::now();
        let mut w = Watermark::new(0).with_idle_timeout(Duration::from_secs(30));
        w.observe_in(0, 10_000, start);
        w.observe_in(1, 10_000, start);
        w.observe_in(0, 20_000, start + Duration::from_secs(20));
        let busy = start + Duration::from_secs(40);
        w.keep_awake(1, busy);
        w.observe_in(0, 500_000, busy);
        assert_eq!(w.current(), Some(10_000), "partition 1 has records unread");
        w.refresh(busy + Duration::from_secs(31));
        assert_eq!(w.current(), Some(500_000), "without more news it goes idle");
    }

    #[test]
    fn news_of_unread_records_after_a_pause_wakes_everyone() {
        let start = Instant::now();
        let mut w = Watermark::new(0).with_idle_timeout(Duration::from_secs(30));
        w.observe_in(0, 10_000, start);
        w.observe_in(1, 10_000, start);
        let back = start + Duration::from_secs(60);
        w.keep_awake(0, back);
        w.observe_in(0, 900_000, back);
        assert_eq!(w.current(), Some(10_000), "partition 1 may be next");
    }

    #[test]
    fn without_a_timeout_nothing_is_idle() {
        let start = Instant::now();
        let mut w = Watermark::new(0);
        w.observe_in(0, 1_000, start);
        w.observe_in(1, 9_000, start);
        w.refresh(start + Duration::from_secs(3_600));
        assert_eq!(w.current(), Some(1_000));
    }
}
