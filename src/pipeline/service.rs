//! Service mode: the pipeline between Kafka topics, at least once.
//!
//! # Delivery
//!
//! No flag is lost, and replays may repeat an entry, never miss one:
//!
//! 1. Offsets are committed only by this loop, every commit interval and at
//!    shutdown, never automatically.
//! 2. Before a commit, the windows still being evaluated are decided (see
//!    `evaluation`) and the outputs are flushed: every block-list entry,
//!    alert and dead letter produced so far is acknowledged by the broker.
//!    If they are not all acknowledged yet (the broker is down), the commit
//!    waits for the next round; processing goes on.
//! 3. The committed offset of a partition is the smallest offset of its
//!    rows still held by an open window (see `offsets`), so everything an
//!    open window needs is read again after a crash.
//! 4. Before the offsets, the *floor* is checkpointed (see `checkpoint`):
//!    the start of the earliest window not closed yet. Every window starting
//!    before it has been evaluated and its entries acknowledged. After a
//!    restart those windows are not evaluated again (they would see only
//!    part of their rows), and re-read rows that only they needed are
//!    dropped as replayed.
//! 5. On start, the block-list topic is read to the end, so blocks, their
//!    expiry and the renewal de-duplication survive restarts; the alerts of
//!    the last block TTL are read back too, so they are not announced again.
//! 6. Partitions assigned for the first time in a run have the day before
//!    their window floor read back into the memory of calls (see
//!    `recall`), which would otherwise forget every line at a restart.
//! 7. A rebalance drops every window and rebuilds them from the committed
//!    offsets (librdkafka's default, eager, protocol revokes and reassigns
//!    every partition). SIGTERM or SIGINT stops fetching, flushes, commits
//!    what is safe and returns; open windows are not closed early.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ahash::AHashSet;

use super::checkpoint::Checkpoints;
use super::{Pipeline, PipelineError};
use crate::decisions::RestoredBlock;
use crate::metrics::Health;
use crate::rules::Scope;
use crate::sources::{KafkaSource, RebalanceEvent, TopicPartition};

/// How the service loop runs.
#[derive(Debug, Clone, Copy)]
pub struct ServiceOptions {
    /// Time between offset commits.
    pub commit_interval: Duration,
}

impl Pipeline {
    /// Runs between Kafka topics until `stop` is set, then flushes and
    /// commits what is safe. See the module docs for the guarantees.
    pub async fn serve(
        &mut self,
        source: &mut KafkaSource,
        checkpoints: &mut Checkpoints,
        options: ServiceOptions,
        health: &Health,
        stop: &AtomicBool,
    ) -> Result<(), PipelineError> {
        health.rules_loaded.store(true, Ordering::Relaxed);
        let mut last_commit = Instant::now();
        let mut read_since = 0u64;
        let mut recalled = AHashSet::new();
        while !stop.load(Ordering::Relaxed) {
            let chunk = source.poll_chunk();
            let events = source.take_events();
            if !events.is_empty() {
                self.on_rebalance(checkpoints, &events, health).await?;
                self.recall_history(source, &events, &mut recalled).await?;
                continue;
            }
            self.keep_unread_partitions_awake(source);
            read_since += chunk.len() as u64;
            if chunk.is_empty() {
                self.tick().await?;
            } else {
                let name = source.name().to_owned();
                self.process_chunk(&name, "kafka", chunk).await?;
            }
            if last_commit.elapsed() >= options.commit_interval {
                let elapsed = last_commit.elapsed().as_secs_f64();
                self.metrics
                    .records_rate
                    .set((read_since as f64 / elapsed) as i64);
                read_since = 0;
                self.report_lag(source, health);
                self.commit(source, checkpoints).await?;
                last_commit = Instant::now();
            }
        }
        tracing::info!("stopping: flushing outputs and committing offsets");
        self.commit(source, checkpoints).await
    }

    /// Partitions with records still to read are not idle, even while the
    /// engine is busy with other partitions (see `windowing::watermark`).
    fn keep_unread_partitions_awake(&mut self, source: &KafkaSource) {
        let now = Instant::now();
        for partition in source.partitions_with_unread() {
            let id = self.offsets.id(&partition);
            self.operator.keep_awake(id, now);
        }
    }

    /// Lets wall-clock time pass with no data: idle partitions stop holding
    /// the watermark, and windows it passes close.
    async fn tick(&mut self) -> Result<(), PipelineError> {
        self.operator.refresh(Instant::now());
        self.follow_watermark().await?;
        // No data is waiting: decide now rather than at the next window.
        self.settle().await?;
        self.update_time_metrics();
        Ok(())
    }

    /// Wall-clock lag of the watermark, and the windows open.
    pub(super) fn update_time_metrics(&self) {
        if let Some(wm) = self.operator.watermark().current() {
            let now = chrono::Utc::now().timestamp_millis();
            self.metrics.watermark_lag.set((now - wm) / 1000);
            self.metrics.watermark.set(wm / 1000);
        }
        self.metrics
            .windows_open
            .set(self.operator.windows_open() as i64);
        self.metrics.rows_held.set(self.operator.rows_held() as i64);
    }

    async fn on_rebalance(
        &mut self,
        checkpoints: &Checkpoints,
        events: &[RebalanceEvent],
        health: &Health,
    ) -> Result<(), PipelineError> {
        // The windows already closed are decided before any is dropped.
        self.settle().await?;
        self.operator.reset();
        self.offsets.reset();
        let Some(RebalanceEvent::Assigned(assigned)) = events
            .iter()
            .rev()
            .find(|e| matches!(e, RebalanceEvent::Assigned(_)))
        else {
            health.partitions.store(0, Ordering::Relaxed);
            self.metrics.partitions_assigned.set(0);
            tracing::info!("partitions revoked; windows dropped");
            return Ok(());
        };
        let floor = checkpoints.floor(assigned)?;
        self.operator.set_floor(floor);
        let now = Instant::now();
        for partition in assigned {
            let id = self.offsets.id(partition);
            self.operator.register_partition(id, now);
        }
        health.partitions.store(assigned.len(), Ordering::Relaxed);
        self.metrics.partitions_assigned.set(assigned.len() as i64);
        tracing::info!(
            partitions = assigned.len(),
            floor_ms = floor.unwrap_or(i64::MIN),
            "partitions assigned; windows rebuilt from the committed offsets"
        );
        Ok(())
    }

    fn report_lag(&self, source: &KafkaSource, health: &Health) {
        let lag = source.lag();
        let mut max = 0;
        for (topic, partition, messages) in &lag {
            self.metrics
                .consumer_lag
                .with_label_values(&[topic.as_str(), &partition.to_string()])
                .set(*messages);
            max = max.max(*messages);
        }
        health.max_lag.store(max, Ordering::Relaxed);
    }

    /// Flushes the outputs and, once they are acknowledged, commits the
    /// offsets every open window can do without.
    async fn commit(
        &mut self,
        source: &KafkaSource,
        checkpoints: &mut Checkpoints,
    ) -> Result<(), PipelineError> {
        // The closed windows' rows are no longer held, so their offsets
        // would be committed: their hits must be published first.
        self.settle().await?;
        let started = Instant::now();
        let offsets: Vec<(TopicPartition, i64)> =
            self.offsets.commit_point(self.operator.oldest_pane());
        let floor = self.operator.floor_ms();
        let durable = self.outputs.flush().and_then(|()| match floor {
            Some(floor) => checkpoints.save(&offsets, floor),
            None => Ok(()),
        });
        match durable {
            Ok(()) => {}
            Err(error) if error.is_pending() => {
                // The broker is away: nothing is lost, the messages stay
                // queued, and the offsets wait for the next round.
                self.metrics.commits.with_label_values(&["pending"]).inc();
                tracing::warn!(%error, "outputs not acknowledged yet; commit deferred");
                return Ok(());
            }
            Err(error) => return Err(error.into()),
        }
        match source.commit(&offsets) {
            Ok(()) => {
                self.metrics.commits.with_label_values(&["ok"]).inc();
                self.metrics
                    .commit_seconds
                    .observe(started.elapsed().as_secs_f64());
                Ok(())
            }
            Err(error) => {
                // The next round retries; nothing is lost by committing late.
                self.metrics.commits.with_label_values(&["error"]).inc();
                tracing::warn!(%error, "offset commit failed; retrying next round");
                Ok(())
            }
        }
    }

    /// Takes back the blocks in a block-list topic's latest entries (key:
    /// number, value: entry JSON or a tombstone), as read at start-up; the
    /// devices a block lists are watched again if devices are followed.
    pub fn restore_blocks<'a>(
        &mut self,
        entries: impl IntoIterator<Item = (&'a str, Option<&'a [u8]>)>,
    ) -> usize {
        let mut restored = 0;
        for (number, value) in entries {
            match value.and_then(parse_block) {
                Some((expires_ms, block)) => {
                    if let Some(watch) = self.devices.as_mut() {
                        watch.restore(number, &block.devices, &block.rules);
                    }
                    let scope = block
                        .scope
                        .as_deref()
                        .and_then(Scope::from_name)
                        .unwrap_or_default();
                    self.decider.restore(
                        number,
                        expires_ms,
                        RestoredBlock {
                            score: block.score,
                            rules: block.rules,
                            scope,
                            bar_calls_to: block.bar_calls_to,
                        },
                    );
                    restored += 1;
                }
                None => {
                    if let Some(watch) = self.devices.as_mut() {
                        watch.forget(number);
                    }
                    self.decider.forget(number);
                }
            }
        }
        self.metrics
            .blocklist_size
            .set(self.decider.blocked_len() as i64);
        restored
    }
}

impl Pipeline {
    /// Takes back the alerts in an alerts topic's messages (entry JSON), as
    /// read at start-up, so that a restart does not announce them again;
    /// returns how many were alerts.
    pub fn restore_alerts<'a>(&mut self, values: impl IntoIterator<Item = &'a [u8]>) -> usize {
        let mut restored = 0;
        for value in values {
            if let Some((flagged_ms, alert)) = parse_alert(value) {
                self.decider
                    .restore_alert(&alert.number, flagged_ms, alert.score, alert.rules);
                restored += 1;
            }
        }
        restored
    }
}

/// An `alert` entry as read back from the alerts topic.
#[derive(Debug, serde::Deserialize)]
struct StoredAlert {
    number: String,
    action: String,
    score: f64,
    rules: Vec<String>,
    flagged_at: String,
}

/// When an `alert` entry was flagged (epoch milliseconds), and the rest.
fn parse_alert(value: &[u8]) -> Option<(i64, StoredAlert)> {
    let stored: StoredAlert = serde_json::from_slice(value).ok()?;
    if stored.action != "alert" {
        return None;
    }
    let flagged = chrono::DateTime::parse_from_rfc3339(&stored.flagged_at).ok()?;
    Some((flagged.timestamp_millis(), stored))
}

/// A `block` entry as read back from the block-list topic.
#[derive(Debug, serde::Deserialize)]
struct StoredBlock {
    action: String,
    score: f64,
    rules: Vec<String>,
    expires_at: String,
    #[serde(default)]
    devices: Vec<String>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    bar_calls_to: bool,
}

/// The expiry (epoch milliseconds) and the rest of a `block` entry.
fn parse_block(value: &[u8]) -> Option<(i64, StoredBlock)> {
    let stored: StoredBlock = serde_json::from_slice(value).ok()?;
    if stored.action != "block" {
        return None;
    }
    let expires = chrono::DateTime::parse_from_rfc3339(&stored.expires_at).ok()?;
    Some((expires.timestamp_millis(), stored))
}

/// A stop flag set by SIGTERM or SIGINT.
pub fn stop_on_signals() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    tokio::spawn(async move {
        wait_for_signal().await;
        tracing::info!("signal received; stopping after the current chunk");
        flag.store(true, Ordering::Relaxed);
    });
    stop
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_entry_is_restored_and_others_are_not() {
        let block = br#"{"number":"+66812345678","action":"block","score":0.95,"rules":["simbox_signature"],"window_start":"2026-11-02T01:00:00Z","window_end":"2026-11-02T02:00:00Z","flagged_at":"2026-11-02T02:00:00Z","expires_at":"2026-11-03T02:00:00Z","evidence":{}}"#;
        let (expires, stored) = parse_block(block).unwrap();
        assert_eq!(expires, 1_793_671_200_000);
        assert_eq!(stored.score, 0.95);
        assert_eq!(stored.rules, vec!["simbox_signature".to_owned()]);
        assert!(
            stored.devices.is_empty(),
            "entries without devices still parse"
        );
        assert!(!stored.bar_calls_to, "nor do they bar calls to the number");
        let wangiri = br#"{"number":"+37167000104","action":"block","score":0.95,"rules":["wangiri_burst"],"bar_calls_to":true,"expires_at":"2026-11-03T02:00:00Z","evidence":{}}"#;
        assert!(parse_block(wangiri).unwrap().1.bar_calls_to);
        assert!(
            parse_block(br#"{"number":"+1","action":"unblock","reason":"expired","at":"x"}"#)
                .is_none()
        );
        assert!(parse_block(b"not json").is_none());
    }

    /// After a restart the blocked number makes no more calls (the switches
    /// bar it), so only its entry can bring its handset back under watch.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_restored_block_watches_its_devices_again() {
        use crate::config::{default_pipeline_text, parse_pipeline};
        use crate::metrics::Metrics;
        use crate::pipeline::Outputs;
        use crate::sinks::{MemorySink, NullSink};
        use crate::sources::{FileSource, InputFormat};

        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("records.jsonl");
        let call = |minute: u32, caller: &str, imei: &str| {
            format!(
                r#"{{"kind":"call","ts":"2026-11-02T03:{minute:02}:00Z","caller":"{caller}","callee":"0898765432","duration_s":0,"answered":false,"imsi":"520011234567890","imei":"{imei}"}}"#
            )
        };
        let lines = [
            call(1, "0822222222", "356938035643809"),
            call(2, "0833333333", "861234567890123"),
            call(59, "0844444444", "861234567890123"),
        ];
        std::fs::write(&input, lines.join("\n") + "\n").unwrap();
        let config = parse_pipeline("default", default_pipeline_text()).unwrap();
        let blocklist = MemorySink::default();
        let outputs = Outputs {
            blocklist: Box::new(blocklist.clone()),
            alerts: Box::new(NullSink),
            rejects: Box::new(NullSink),
        };
        let mut pipeline = Pipeline::build(&config, outputs, Metrics::new())
            .await
            .unwrap();
        let entry = br#"{"number":"+66811111111","action":"block","score":0.95,"rules":["callcenter_burst"],"expires_at":"2026-11-03T02:00:00Z","devices":["356938035643809"]}"#;
        assert_eq!(
            pipeline.restore_blocks([("+66811111111", Some(entry.as_slice()))]),
            1
        );
        let mut source = FileSource::open(&input, InputFormat::JsonLines).unwrap();
        pipeline.run(&mut source, &mut |_| {}).await.unwrap();
        let entries: Vec<serde_json::Value> = blocklist
            .lines()
            .iter()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(entries.len(), 1, "{entries:#?}");
        assert_eq!(entries[0]["number"], "+66822222222");
        assert_eq!(entries[0]["rules"], serde_json::json!(["blocked_device"]));
        assert_eq!(
            entries[0]["evidence"]["blocked_device"]["blocked_number"],
            "+66811111111"
        );
        assert_eq!(
            entries[0]["devices"],
            serde_json::json!(["356938035643809"])
        );
    }
}
