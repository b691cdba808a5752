//! The metric handles, registered in one Prometheus registry.

use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry,
};

use super::names::*;
use crate::record::RejectReason;

/// Handles to every metric.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Registry,
    /// See [`RECORDS_RECEIVED`].
    pub records_received: IntCounterVec,
    /// See [`RECORDS_REJECTED`].
    pub records_rejected: IntCounterVec,
    /// See [`RECORDS_ACCEPTED`].
    pub records_accepted: IntCounter,
    /// See [`WATERMARK_EVENT_TIME`].
    pub max_event_time: IntGauge,
    /// See [`WATERMARK`].
    pub watermark: IntGauge,
    /// See [`WINDOWS_CLOSED`].
    pub windows_closed: IntCounter,
    /// See [`ROWS_HELD`].
    pub rows_held: IntGauge,
    /// See [`RULE_EVAL_SECONDS`].
    pub rule_eval_seconds: HistogramVec,
    /// See [`RULE_ROWS_SCANNED`].
    pub rule_rows_scanned: IntCounterVec,
    /// See [`RULE_HITS`].
    pub rule_hits: IntCounterVec,
    /// See [`RULE_ERRORS`].
    pub rule_errors: IntCounterVec,
    /// See [`DECISIONS`].
    pub decisions: IntCounterVec,
    /// See [`RENEWALS`].
    pub renewals: IntCounter,
    /// See [`ALLOW_LIST_SUPPRESSED`].
    pub allow_list_suppressed: IntCounter,
    /// See [`BLOCKLIST_SIZE`].
    pub blocklist_size: IntGauge,
    /// See [`WATCHED_DEVICES`].
    pub watched_devices: IntGauge,
    /// See [`CONTACT_NUMBERS`].
    pub contact_numbers: IntGauge,
    /// See [`CONTACT_HISTORY_RECORDS`].
    pub contact_history_records: IntCounter,
    /// See [`CROWDED_DEVICES`].
    pub crowded_devices: IntCounter,
    /// See [`RECORDS_REPLAYED`].
    pub records_replayed: IntCounter,
    /// See [`RECORDS_RATE`].
    pub records_rate: IntGauge,
    /// See [`WINDOWS_OPEN`].
    pub windows_open: IntGauge,
    /// See [`WATERMARK_LAG`].
    pub watermark_lag: IntGauge,
    /// See [`CONSUMER_LAG`].
    pub consumer_lag: IntGaugeVec,
    /// See [`PARTITIONS_ASSIGNED`].
    pub partitions_assigned: IntGauge,
    /// See [`COMMITS`].
    pub commits: IntCounterVec,
    /// See [`COMMIT_SECONDS`].
    pub commit_seconds: Histogram,
    /// See [`PRODUCER_ERRORS`].
    pub producer_errors: IntCounter,
    /// See [`PROCESS_MEMORY`].
    pub process_memory: IntGauge,
}

impl Metrics {
    /// Creates and registers every metric in a fresh registry.
    pub fn new() -> Self {
        let registry = Registry::new();
        let counter_vec = |name: &str, help: &str, labels: &[&str]| {
            let c =
                IntCounterVec::new(Opts::new(name, help), labels).expect("valid metric definition");
            registry
                .register(Box::new(c.clone()))
                .expect("metric names are unique");
            c
        };
        let counter = |name: &str, help: &str| {
            let c = IntCounter::new(name, help).expect("valid metric definition");
            registry
                .register(Box::new(c.clone()))
                .expect("metric names are unique");
            c
        };
        let gauge = |name: &str, help: &str| {
            let g = IntGauge::new(name, help).expect("valid metric definition");
            registry
                .register(Box::new(g.clone()))
                .expect("metric names are unique");
            g
        };
        let buckets = vec![
            0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
        ];
        let rule_eval_seconds = HistogramVec::new(
            HistogramOpts::new(
                RULE_EVAL_SECONDS,
                "Time to evaluate a rule over one window.",
            )
            .buckets(buckets),
            &["rule"],
        )
        .expect("valid metric definition");
        registry
            .register(Box::new(rule_eval_seconds.clone()))
            .expect("metric names are unique");
        let gauge_vec = |name: &str, help: &str, labels: &[&str]| {
            let g =
                IntGaugeVec::new(Opts::new(name, help), labels).expect("valid metric definition");
            registry
                .register(Box::new(g.clone()))
                .expect("metric names are unique");
            g
        };
        let commit_seconds = Histogram::with_opts(
            HistogramOpts::new(
                COMMIT_SECONDS,
                "Time to flush the outputs and commit offsets.",
            )
            .buckets(vec![0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0]),
        )
        .expect("valid metric definition");
        registry
            .register(Box::new(commit_seconds.clone()))
            .expect("metric names are unique");
        let metrics = Metrics {
            records_received: counter_vec(
                RECORDS_RECEIVED,
                "Records read from a source.",
                &["source"],
            ),
            records_rejected: counter_vec(
                RECORDS_REJECTED,
                "Records turned away, by reason.",
                &["reason"],
            ),
            records_accepted: counter(RECORDS_ACCEPTED, "Records accepted into windows."),
            max_event_time: gauge(
                WATERMARK_EVENT_TIME,
                "Highest event time seen, epoch seconds.",
            ),
            watermark: gauge(WATERMARK, "Event-time watermark, epoch seconds."),
            windows_closed: counter(WINDOWS_CLOSED, "Windows closed and evaluated."),
            rows_held: gauge(ROWS_HELD, "Rows held in open windows."),
            rule_eval_seconds,
            rule_rows_scanned: counter_vec(
                RULE_ROWS_SCANNED,
                "Rows in the windows a rule evaluated.",
                &["rule"],
            ),
            rule_hits: counter_vec(RULE_HITS, "Numbers flagged by a rule.", &["rule"]),
            rule_errors: counter_vec(
                RULE_ERRORS,
                "Rule evaluations that failed on data.",
                &["rule"],
            ),
            decisions: counter_vec(
                DECISIONS,
                "Block-list and alert entries published, by action.",
                &["action"],
            ),
            renewals: counter(RENEWALS, "Blocks extended by a new hit, published or not."),
            allow_list_suppressed: counter(
                ALLOW_LIST_SUPPRESSED,
                "Decisions withheld for allow-listed numbers.",
            ),
            blocklist_size: gauge(BLOCKLIST_SIZE, "Numbers blocked now."),
            watched_devices: gauge(
                WATCHED_DEVICES,
                "Devices of blocked numbers watched now (device follow-up).",
            ),
            contact_numbers: gauge(
                CONTACT_NUMBERS,
                "Numbers the memory of calls holds (independent_callers).",
            ),
            contact_history_records: counter(
                CONTACT_HISTORY_RECORDS,
                "Records read again after a restart to fill the memory of calls.",
            ),
            crowded_devices: counter(
                CROWDED_DEVICES,
                "Watched devices passed over in a window for carrying more numbers than a handset.",
            ),
            records_replayed: counter(
                RECORDS_REPLAYED,
                "Records re-read after a restart that only already-closed windows needed.",
            ),
            records_rate: gauge(RECORDS_RATE, "Records read per second, last interval."),
            windows_open: gauge(WINDOWS_OPEN, "Windows open now, over every window kind."),
            watermark_lag: gauge(
                WATERMARK_LAG,
                "Wall-clock time minus the watermark, seconds.",
            ),
            consumer_lag: gauge_vec(
                CONSUMER_LAG,
                "Messages in the log not read yet (end of the log minus the next offset to read).",
                &["topic", "partition"],
            ),
            partitions_assigned: gauge(
                PARTITIONS_ASSIGNED,
                "Partitions assigned to this instance.",
            ),
            commits: counter_vec(COMMITS, "Offset commits, by outcome.", &["outcome"]),
            commit_seconds,
            producer_errors: counter(PRODUCER_ERRORS, "Messages the broker refused for good."),
            process_memory: gauge(PROCESS_MEMORY, "Resident memory of the process, bytes."),
            registry,
        };
        for action in ["block", "renewal", "unblock", "alert"] {
            metrics.decisions.with_label_values(&[action]);
        }
        for outcome in ["ok", "error", "pending"] {
            metrics.commits.with_label_values(&[outcome]);
        }
        for reason in RejectReason::ALL {
            metrics
                .records_rejected
                .with_label_values(&[reason.as_str()]);
        }
        metrics
    }

    /// The registry, for the `/metrics` endpoint.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        if let Some(bytes) = resident_memory_bytes() {
            self.process_memory.set(bytes);
        }
        let encoder = prometheus::TextEncoder::new();
        encoder
            .encode_to_string(&self.registry.gather())
            .unwrap_or_default()
    }

    /// Rejections counted for `reason`.
    pub fn rejected(&self, reason: RejectReason) -> u64 {
        self.records_rejected
            .with_label_values(&[reason.as_str()])
            .get()
    }

    /// Declares a rule's series so they show as zero before its first hit.
    pub fn register_rule(&self, rule: &str) -> Histogram {
        self.rule_hits.with_label_values(&[rule]);
        self.rule_errors.with_label_values(&[rule]);
        self.rule_rows_scanned.with_label_values(&[rule]);
        self.rule_eval_seconds.with_label_values(&[rule])
    }
}

/// Resident set size from `/proc/self/statm` (Linux), in bytes.
fn resident_memory_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_is_named_by_convention_and_has_help() {
        let m = Metrics::new();
        m.register_rule("r");
        m.records_received.with_label_values(&["file"]).inc();
        m.decisions.with_label_values(&["block"]).inc();
        for family in m.registry().gather() {
            let name = family.name();
            assert!(name.starts_with("scamstream_"), "{name}");
            assert!(!family.help().is_empty(), "{name} has no help");
        }
        let text = m.render();
        assert!(
            text.contains("scamstream_records_rejected_total{reason=\"late\"} 0"),
            "{text}"
        );
    }
}
