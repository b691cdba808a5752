//! Metric names. Changing one breaks dashboards: treat them as an API.

/// Records read from a source, by source kind.
pub const RECORDS_RECEIVED: &str = "scamstream_records_received_total";
/// Records turned away, by reason.
pub const RECORDS_REJECTED: &str = "scamstream_records_rejected_total";
/// Records accepted into windows.
pub const RECORDS_ACCEPTED: &str = "scamstream_records_accepted_total";
/// Highest event time seen, epoch seconds.
pub const WATERMARK_EVENT_TIME: &str = "scamstream_windowing_max_event_time_seconds";
/// The event-time watermark, epoch seconds.
pub const WATERMARK: &str = "scamstream_windowing_watermark_seconds";
/// Windows closed and evaluated.
pub const WINDOWS_CLOSED: &str = "scamstream_windowing_windows_closed_total";
/// Rows held in open windows.
pub const ROWS_HELD: &str = "scamstream_windowing_rows_held";
/// Numbers the memory of calls holds (`independent_callers`).
pub const CONTACT_NUMBERS: &str = "scamstream_rules_contact_memory_numbers";
/// Records read again from the input topics after a restart to fill the
/// memory of calls with the day before the committed offsets.
pub const CONTACT_HISTORY_RECORDS: &str = "scamstream_rules_contact_memory_history_records_total";
/// Rule evaluation time per window, by rule.
pub const RULE_EVAL_SECONDS: &str = "scamstream_rules_evaluation_seconds";
/// Rows a rule's window tables held, by rule.
pub const RULE_ROWS_SCANNED: &str = "scamstream_rules_rows_scanned_total";
/// Numbers flagged, by rule.
pub const RULE_HITS: &str = "scamstream_rules_hits_total";
/// Rule evaluations that failed on data, by rule.
pub const RULE_ERRORS: &str = "scamstream_rules_errors_total";
/// Entries published, by action: `block` (new), `renewal` (a block
/// re-published with a later expiry), `unblock`, `alert`.
pub const DECISIONS: &str = "scamstream_decisions_published_total";
/// Blocks extended by a new hit, published or not.
pub const RENEWALS: &str = "scamstream_decisions_renewals_total";
/// Block or alert decisions withheld for allow-listed numbers.
pub const ALLOW_LIST_SUPPRESSED: &str = "scamstream_decisions_allow_list_suppressed_total";
/// Numbers blocked now.
pub const BLOCKLIST_SIZE: &str = "scamstream_decisions_blocklist_numbers";
/// Devices of blocked numbers watched now (device follow-up).
pub const WATCHED_DEVICES: &str = "scamstream_decisions_watched_devices";
/// Watched devices passed over in a window for carrying more numbers than
/// a handset (a placeholder IMEI or a test rig, most likely).
pub const CROWDED_DEVICES: &str = "scamstream_decisions_crowded_devices_skipped_total";
/// Records re-read after a restart that only closed windows needed.
pub const RECORDS_REPLAYED: &str = "scamstream_records_replayed_total";
/// Records read per second over the last reporting interval.
pub const RECORDS_RATE: &str = "scamstream_records_per_second";
/// Windows open now (not yet closed), over every window kind.
pub const WINDOWS_OPEN: &str = "scamstream_windowing_windows_open";
/// Wall-clock time minus the watermark, seconds.
pub const WATERMARK_LAG: &str = "scamstream_windowing_watermark_lag_seconds";
/// Messages between the consumer's position and the end of the log, by topic and partition.
pub const CONSUMER_LAG: &str = "scamstream_kafka_consumer_lag_messages";
/// Partitions assigned to this instance.
pub const PARTITIONS_ASSIGNED: &str = "scamstream_kafka_partitions_assigned";
/// Offset commits, by outcome (ok, error, pending: the producer had not been acknowledged).
pub const COMMITS: &str = "scamstream_kafka_commits_total";
/// Time to flush the outputs and commit the offsets.
pub const COMMIT_SECONDS: &str = "scamstream_kafka_commit_seconds";
/// Messages the broker refused for good.
pub const PRODUCER_ERRORS: &str = "scamstream_kafka_producer_errors_total";
/// Resident memory of the process.
pub const PROCESS_MEMORY: &str = "scamstream_process_resident_memory_bytes";
