//! The pipeline: one loop that moves chunks through every stage.
//!
//! ```text
//! source ─chunk─▶ decode (all cores) ─batch─▶ window operator ─closed windows─▶ rules ─hits─▶ decider ─▶ sinks
//!                   │ rejects                   │ late                                                 blocklist
//!                   └──────────────▶ rejects ◀──┘                                                      alerts
//! ```
//!
//! Decoding runs on its own threads a few chunks ahead of the rest, split
//! across cores; the rules of a window run as concurrent tasks, in the
//! background while the next chunks are windowed (see `evaluation`).
//! Windows, decisions and outputs see the chunks strictly in input order,
//! so the outputs are a deterministic function of the input whatever the
//! chunk sizes.

mod checkpoint;
mod decode;
mod error;
mod evaluation;
mod offsets;
mod recall;
mod rejects;
mod service;
mod summary;

use std::sync::Arc;
use std::time::Instant;

use prometheus::Histogram;

pub use checkpoint::Checkpoints;
pub use error::PipelineError;
pub use service::{ServiceOptions, stop_on_signals};
pub use summary::Summary;

use crate::config::{AllowListSource, KafkaConfig, OutputsConfig, PipelineConfig};
use crate::decisions::{AllowList, Decider, Decision, DeviceWatch, RuleInfo, devices};
use crate::metrics::Metrics;
use crate::record::{NumberNormalizer, RejectReason, Rejection};
use crate::rules::{RuleEngine, RuleError, RuleErrors};
use crate::sinks::{KafkaSink, Message, NullSink, Producer, Sink, SinkError, open_sink};
use crate::sources::{Chunk, Progress, Source};
use crate::windowing::{Inserted, Part, WindowOperator};
use arrow::array::AsArray;
use arrow::datatypes::TimestampMillisecondType;
use decode::{DecodePool, DecodedPart};
use offsets::OffsetTracker;

/// The three outputs of a run.
pub struct Outputs {
    /// Block and unblock entries.
    pub blocklist: Box<dyn Sink>,
    /// Alerts.
    pub alerts: Box<dyn Sink>,
    /// Rejected and late records.
    pub rejects: Box<dyn Sink>,
}

impl std::fmt::Debug for Outputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outputs")
    }
}

impl Outputs {
    /// Opens the configured files, or the topics through `kafka`'s producer.
    /// Refused Kafka messages are counted in `metrics`.
    pub fn open(
        config: &OutputsConfig,
        kafka: Option<&KafkaConfig>,
        metrics: &Metrics,
    ) -> Result<Self, SinkError> {
        let (true, Some(kafka)) = (config.kafka, kafka) else {
            return Ok(Outputs {
                blocklist: open_sink(&config.blocklist)?,
                alerts: open_sink(&config.alerts)?,
                rejects: open_sink(&config.rejects)?,
            });
        };
        let producer = Producer::new(
            &kafka.brokers,
            &kafka.producer_options,
            metrics.producer_errors.clone(),
        )?;
        let topic = |path: &std::path::Path| -> Box<dyn Sink> {
            Box::new(KafkaSink::new(
                producer.clone(),
                path.to_string_lossy().into_owned(),
            ))
        };
        Ok(Outputs {
            blocklist: topic(&config.blocklist),
            alerts: topic(&config.alerts),
            rejects: topic(&config.rejects),
        })
    }

    /// Outputs that discard everything.
    pub fn discard() -> Self {
        Outputs {
            blocklist: Box::new(NullSink),
            alerts: Box::new(NullSink),
            rejects: Box::new(NullSink),
        }
    }

    /// Returns once every entry sent so far is durable.
    pub fn flush(&mut self) -> Result<(), SinkError> {
        self.blocklist.flush()?;
        self.alerts.flush()?;
        self.rejects.flush()
    }
}

/// Chunks read and handed to the decode threads ahead of the one whose
/// windows are being evaluated. Evaluating a window takes as long as
/// decoding several chunks, so a short queue ran dry while the rules ran
/// and then left the decode threads idle: 8 instead of 2 gave 6 to 10 %
/// more end to end (README, *Performance*), for at most about 36 MiB of
/// chunk text in flight (nine chunks of at most 4 MiB).
const DECODE_AHEAD: usize = 8;

/// Every stage, wired together.
pub struct Pipeline {
    decoders: DecodePool,
    operator: WindowOperator,
    offsets: OffsetTracker,
    engine: Arc<RuleEngine>,
    decider: Decider,
    /// Devices of blocked numbers, when they are followed.
    devices: Option<DeviceWatch>,
    outputs: Outputs,
    metrics: Metrics,
    rule_timers: Vec<Histogram>,
    hit_log: Option<Vec<LoggedHit>>,
    tap: Option<BatchTap>,
    /// Windows being evaluated in the background (see `evaluation`).
    pending: Option<evaluation::Pending>,
}

/// A function shown every decoded batch, in input order (backtests use it
/// to see when each number first appears).
pub type BatchTap = Box<dyn FnMut(&arrow::record_batch::RecordBatch) + Send>;

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("engine", &self.engine)
            .field("operator", &self.operator)
            .finish_non_exhaustive()
    }
}

/// One rule hit as a backtest sees it: which rule flagged which number in
/// the window ending when.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedHit {
    /// Index of the rule in [`RuleEngine::rules`].
    pub rule: usize,
    /// The flagged number.
    pub number: String,
    /// End of the window, epoch milliseconds.
    pub window_end_ms: i64,
}

impl Pipeline {
    /// Loads and plans the rules, reads the allow-list and opens nothing
    /// else: the outputs are given.
    pub async fn build(
        config: &PipelineConfig,
        outputs: Outputs,
        metrics: Metrics,
    ) -> Result<Self, PipelineError> {
        crate::tune_allocator();
        let engine = RuleEngine::load(&config.rules, &config.rule_env()).await?;
        let allow = match &config.allow_list {
            Some(AllowListSource::File(path)) => AllowList::load(path)?,
            Some(AllowListSource::Builtin) => AllowList::builtin()?,
            None => AllowList::default(),
        };
        let operator = WindowOperator::new(engine.window_specs(), config.allowed_lateness_ms);
        let mut infos: Vec<RuleInfo> = engine.rules().iter().map(RuleInfo::of).collect();
        let follow_devices = config.decisions.follow_devices;
        if let Some(rule) = engine
            .rules()
            .iter()
            .find(|r| *r.name == *devices::RULE_NAME)
            && follow_devices
        {
            let message = format!(
                "the rule name `{}` is the device follow-up's: rename the rule, \
                 or set [decisions] follow_devices = false",
                devices::RULE_NAME
            );
            let error = RuleError::at(rule.path.clone(), None, message);
            return Err(PipelineError::Rules(RuleErrors(vec![error])));
        }
        let devices = follow_devices.then(|| {
            infos.push(devices::rule_info(operator.pane_ms()));
            metrics.register_rule(devices::RULE_NAME);
            DeviceWatch::new(infos.len() - 1)
        });
        let decider = Decider::new(config.decisions.clone(), infos, allow);
        let normalizer = NumberNormalizer::new(config.country_code).map_err(|e| {
            PipelineError::Internal(format!("country code passed validation but {e}"))
        })?;
        let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
        let decoders = DecodePool::new(workers, &normalizer, operator.pane_ms()).map_err(|e| {
            PipelineError::Internal(format!("cannot start the decode threads: {e}"))
        })?;
        let rule_timers = engine
            .rules()
            .iter()
            .map(|r| metrics.register_rule(&r.name))
            .collect();
        Ok(Pipeline {
            decoders,
            operator,
            offsets: OffsetTracker::default(),
            engine: Arc::new(engine),
            decider,
            devices,
            outputs,
            metrics,
            rule_timers,
            hit_log: None,
            tap: None,
            pending: None,
        })
    }

    /// Partitions silent for `idle_after` stop holding the watermark back.
    pub fn set_idle_timeout(&mut self, idle_after: std::time::Duration) {
        self.operator.set_idle_timeout(idle_after);
    }

    /// Keeps every rule hit, shadow rules' included, for
    /// [`Pipeline::take_hits`] (backtests).
    pub fn keep_hits(&mut self) {
        self.hit_log.get_or_insert_with(Vec::new);
    }

    /// Shows every decoded batch to `tap`, before windowing.
    pub fn set_tap(&mut self, tap: BatchTap) {
        self.tap = Some(tap);
    }

    /// The hits kept since the last call.
    pub fn take_hits(&mut self) -> Vec<LoggedHit> {
        self.hit_log
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// The metrics this pipeline updates.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The rule engine.
    pub fn engine(&self) -> &RuleEngine {
        &self.engine
    }

    /// Whether the devices of blocked numbers are followed: then hits of
    /// rule index `engine().rules().len()` are the follow-up's
    /// ([`devices::RULE_NAME`]).
    pub fn follows_devices(&self) -> bool {
        self.devices.is_some()
    }

    /// Runs `source` to its end, closing every open window at the end, and
    /// returns the summary. `on_progress` is called after every chunk.
    pub async fn run(
        &mut self,
        source: &mut dyn Source,
        on_progress: &mut dyn FnMut(Progress),
    ) -> Result<Summary, PipelineError> {
        let started = Instant::now();
        let mut exhausted = false;
        loop {
            while !exhausted && self.decoders.in_flight() <= DECODE_AHEAD {
                match source.next_chunk()? {
                    Some(chunk) => self.decoders.submit(Arc::new(chunk))?,
                    None => exhausted = true,
                }
            }
            let Some((chunk, parts)) = self.decoders.next().await? else {
                break;
            };
            self.process_decoded(source.name(), source.kind(), &chunk, parts)
                .await?;
            on_progress(source.progress());
        }
        let closed = self.operator.close_all();
        self.evaluate(closed).await?;
        self.settle().await?;
        self.outputs.flush()?;
        let mut summary = Summary::collect(
            source.kind(),
            &self.metrics,
            &self.engine,
            self.decider.stats(),
            started.elapsed(),
        );
        if self.devices.is_some() {
            let name = devices::RULE_NAME;
            let hits = self.metrics.rule_hits.with_label_values(&[name]).get();
            summary.hits.push((name.to_owned(), hits));
        }
        Ok(summary)
    }

    /// Decodes and windows one chunk, and starts evaluating the windows it
    /// closes; their hits are decided by the time the next windows close,
    /// the watermark is idle, or offsets are committed.
    pub async fn process_chunk(
        &mut self,
        source: &str,
        kind: &str,
        chunk: Chunk,
    ) -> Result<(), PipelineError> {
        self.decoders.submit(Arc::new(chunk))?;
        while let Some((chunk, parts)) = self.decoders.next().await? {
            self.process_decoded(source, kind, &chunk, parts).await?;
        }
        Ok(())
    }

    /// Windows and evaluates one decoded chunk.
    async fn process_decoded(
        &mut self,
        source: &str,
        kind: &str,
        chunk: &Chunk,
        parts: Vec<DecodedPart>,
    ) -> Result<(), PipelineError> {
        self.count_received(kind, chunk);
        let now = std::time::Instant::now();
        let ids = self.partition_ids(chunk);
        let mut accepted = 0u64;
        for part in &parts {
            for (item, rejection) in &part.rejects {
                self.reject(source, chunk, *item as usize, rejection)?;
            }
            if let Some(tap) = self.tap.as_mut() {
                tap(&part.batch);
            }
        }
        // The calls and the SMS of a chunk are windowed in input order, as
        // one stream, so that lateness does not depend on the split.
        let windowed: Vec<Part<'_>> = parts
            .iter()
            .map(|part| Part {
                batch: &part.batch,
                order: &part.items,
            })
            .collect();
        let outcomes = self
            .operator
            .insert_parts(&windowed, |item| ids.get(item).map_or(0, |&id| id), now)
            .map_err(|e| {
                PipelineError::Internal(format!("windowing a decoded batch failed: {e}"))
            })?;
        for (part, inserted) in parts.iter().zip(&outcomes) {
            let item_of = |row: usize| part.items[row] as usize;
            let late_message =
                Rejection::new(RejectReason::Late, "arrived after its window had closed");
            for row in &inserted.late {
                self.reject(source, chunk, item_of(*row as usize), &late_message)?;
            }
            self.metrics
                .records_replayed
                .inc_by(inserted.replayed.len() as u64);
            if !ids.is_empty() {
                self.hold_offsets(chunk, &ids, part, inserted);
            }
            accepted +=
                (part.batch.num_rows() - inserted.late.len() - inserted.replayed.len()) as u64;
        }
        for (item, origin) in chunk.origins.iter().enumerate() {
            self.offsets.read(ids[item], origin.offset);
        }
        self.metrics.records_accepted.inc_by(accepted);
        self.follow_watermark().await
    }

    /// Closes and evaluates the windows the watermark has passed, and lifts
    /// the blocks that expired by it.
    async fn follow_watermark(&mut self) -> Result<(), PipelineError> {
        let watermark = self.operator.watermark().clone();
        if let (Some(max), Some(wm)) = (watermark.max_event_ms(), watermark.current()) {
            self.metrics.max_event_time.set(max / 1000);
            self.metrics.watermark.set(wm / 1000);
        }
        let closed = self.operator.close_ready();
        if closed.is_empty() {
            self.settle_if_finished().await?;
        } else {
            self.evaluate(closed).await?;
        }
        if let Some(wm) = watermark.current() {
            self.advance_to(wm)?;
        }
        self.metrics.rows_held.set(self.operator.rows_held() as i64);
        self.metrics
            .contact_numbers
            .set(self.engine.contact_numbers() as i64);
        Ok(())
    }

    /// Records received, by source kind, or by topic for Kafka.
    fn count_received(&self, kind: &str, chunk: &Chunk) {
        if chunk.origins.is_empty() {
            self.metrics
                .records_received
                .with_label_values(&[kind])
                .inc_by(chunk.len() as u64);
            return;
        }
        let mut rest = chunk.origins.as_slice();
        while let Some(first) = rest.first() {
            let run = rest.iter().take_while(|o| o.topic == first.topic).count();
            self.metrics
                .records_received
                .with_label_values(&[&*first.topic])
                .inc_by(run as u64);
            rest = &rest[run..];
        }
    }

    /// The watermark partition of every record of a Kafka chunk (empty for
    /// files, whose records are all partition 0).
    fn partition_ids(&mut self, chunk: &Chunk) -> Vec<u32> {
        chunk
            .origins
            .iter()
            .map(|o| self.offsets.id(&(o.topic.clone(), o.partition)))
            .collect()
    }

    /// Notes the offsets of the rows of `part` the windows now hold.
    fn hold_offsets(
        &mut self,
        chunk: &Chunk,
        ids: &[u32],
        part: &DecodedPart,
        inserted: &Inserted,
    ) {
        let pane_ms = self.operator.pane_ms();
        let Some(times) = part
            .batch
            .column_by_name(crate::record::column::EVENT_TIME)
            .and_then(|c| c.as_primitive_opt::<TimestampMillisecondType>())
        else {
            return;
        };
        let mut skipped = inserted
            .late
            .iter()
            .chain(&inserted.replayed)
            .copied()
            .collect::<Vec<_>>();
        skipped.sort_unstable();
        for (row, &ts) in times.values().iter().enumerate() {
            if skipped.binary_search(&(row as u32)).is_ok() {
                continue;
            }
            let item = part.items[row] as usize;
            let pane_start = ts.div_euclid(pane_ms) * pane_ms;
            self.offsets
                .hold(ids[item], chunk.origins[item].offset, pane_start);
        }
    }

    fn reject(
        &mut self,
        source: &str,
        chunk: &Chunk,
        item: usize,
        rejection: &Rejection,
    ) -> Result<(), PipelineError> {
        self.metrics
            .records_rejected
            .with_label_values(&[rejection.reason.as_str()])
            .inc();
        rejects::write_reject(
            self.outputs.rejects.as_mut(),
            source,
            chunk,
            item,
            rejection,
        )?;
        Ok(())
    }

    pub(super) fn record_runs(&self, runs: &[crate::rules::RuleRun]) {
        for run in runs {
            let name = self.engine.rules()[run.rule].name.as_ref();
            self.rule_timers[run.rule].observe(run.elapsed.as_secs_f64());
            self.metrics
                .rule_rows_scanned
                .with_label_values(&[name])
                .inc_by(run.rows_scanned as u64);
            self.metrics
                .rule_hits
                .with_label_values(&[name])
                .inc_by(run.hits as u64);
            if let Some(error) = &run.error {
                self.metrics.rule_errors.with_label_values(&[name]).inc();
                tracing::warn!(
                    rule = name,
                    error = error.as_str(),
                    "rule failed on a window; other rules went on"
                );
            }
        }
    }

    pub(super) fn publish(&mut self, decisions: &[Decision]) -> Result<(), PipelineError> {
        for decision in decisions {
            let (sink, action) = match decision {
                Decision::Block(_) => (&mut self.outputs.blocklist, "block"),
                Decision::Unblock(_) => (&mut self.outputs.blocklist, "unblock"),
                Decision::Alert(_) => (&mut self.outputs.alerts, "alert"),
            };
            let line = decision.to_json();
            sink.send(&Message {
                line: &line,
                key: Some(decision.number()),
                value: None,
                tombstone: matches!(decision, Decision::Unblock(_)),
                headers: &[],
            })?;
            if action != "block" {
                self.metrics.decisions.with_label_values(&[action]).inc();
            }
        }
        // New blocks and published renewals are both block entries; the
        // decider tells them apart.
        let stats = self.decider.stats();
        let decisions = &self.metrics.decisions;
        catch_up(&decisions.with_label_values(&["block"]), stats.blocks);
        catch_up(
            &decisions.with_label_values(&["renewal"]),
            stats.renewals_published,
        );
        catch_up(&self.metrics.renewals, stats.renewals);
        catch_up(
            &self.metrics.allow_list_suppressed,
            stats.allow_list_suppressed,
        );
        self.metrics
            .blocklist_size
            .set(self.decider.blocked_len() as i64);
        if let Some(watch) = &self.devices {
            self.metrics.watched_devices.set(watch.len() as i64);
            catch_up(&self.metrics.crowded_devices, watch.crowded());
        }
        Ok(())
    }
}

/// Raises `counter` to `total`, a count kept elsewhere.
fn catch_up(counter: &prometheus::IntCounter, total: u64) {
    counter.inc_by(total.saturating_sub(counter.get()));
}
