//! Kafka input: a consumer in a consumer group, read in chunks.
//!
//! Offsets are never committed automatically (`enable.auto.commit=false`):
//! the service commits an offset only once every window its record belongs
//! to has closed and the resulting entries are acknowledged (see
//! `pipeline::service`). Rebalances are reported as events; the service
//! then rebuilds its windows from the committed offsets.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::KafkaError;
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};

use super::history::History;
use super::{Chunk, ChunkBody, Item, Origin};

/// The consumer settings scamstream needs; the user's options come after
/// them but may not turn auto-commit back on.
const CONSUMER_DEFAULTS: &[(&str, &str)] = &[
    ("enable.auto.commit", "false"),
    ("enable.auto.offset.store", "false"),
    ("auto.offset.reset", "earliest"),
    // Lag and unread records (which keep a partition from counting as idle)
    // come from the statistics: fresh enough against an idle timeout.
    ("statistics.interval.ms", "1000"),
    ("enable.partition.eof", "false"),
];

/// A topic partition.
pub type TopicPartition = (Arc<str>, i32);

/// What a rebalance did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebalanceEvent {
    /// These partitions are now ours.
    Assigned(Vec<TopicPartition>),
    /// These partitions were taken away.
    Revoked(Vec<TopicPartition>),
}

/// Per partition (topic, partition, records): how many records the broker
/// holds that scamstream has not read yet, as of librdkafka's latest
/// statistics (every `statistics.interval.ms`).
pub type LagReport = Vec<(String, i32, i64)>;

/// Collects rebalances and statistics as librdkafka reports them.
#[derive(Debug, Default)]
struct SourceContext {
    events: Mutex<Vec<RebalanceEvent>>,
    lag: Mutex<LagReport>,
}

impl ClientContext for SourceContext {
    fn stats(&self, statistics: Statistics) {
        let lag = statistics
            .topics
            .values()
            .flat_map(|t| {
                t.partitions.values().filter_map(|p| {
                    let unread = unread(p.app_offset, p.hi_offset, p.consumer_lag)?;
                    (p.partition >= 0).then(|| (t.topic.clone(), p.partition, unread))
                })
            })
            .collect();
        *self.lag.lock().unwrap_or_else(PoisonError::into_inner) = lag;
    }
}

impl ConsumerContext for SourceContext {
    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let event = match rebalance {
            Rebalance::Assign(list) => RebalanceEvent::Assigned(partitions_of(list)),
            Rebalance::Revoke(list) => RebalanceEvent::Revoked(partitions_of(list)),
            Rebalance::Error(error) => {
                tracing::warn!(%error, "rebalance failed");
                return;
            }
        };
        self.events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(event);
    }
}

/// Records in a partition not delivered to scamstream yet: the end of the
/// log (`hi_offset`) minus the next offset to deliver (`app_offset`). Before
/// the first delivery, librdkafka's `consumer_lag` (end of the log minus the
/// committed offset, where reading starts). Not the committed offset's
/// distance: scamstream commits behind its open windows on purpose.
fn unread(app_offset: i64, hi_offset: i64, consumer_lag: i64) -> Option<i64> {
    if hi_offset < 0 {
        return None;
    }
    if app_offset >= 0 {
        return Some((hi_offset - app_offset).max(0));
    }
    (consumer_lag >= 0).then_some(consumer_lag)
}

fn partitions_of(list: &TopicPartitionList) -> Vec<TopicPartition> {
    list.elements()
        .iter()
        .map(|e| (Arc::from(e.topic()), e.partition()))
        .collect()
}

/// Why the Kafka source failed.
#[derive(Debug, thiserror::Error)]
pub enum KafkaSourceError {
    /// The consumer could not be created or subscribed: a configuration problem.
    #[error("cannot start the Kafka consumer: {0}")]
    Setup(KafkaError),
    /// A request to the broker failed.
    #[error("Kafka {what} failed: {error}")]
    Request {
        /// What was asked.
        what: &'static str,
        /// Why it failed.
        error: KafkaError,
    },
}

/// How to consume.
#[derive(Debug, Clone)]
pub struct KafkaSourceConfig {
    /// Bootstrap servers.
    pub brokers: String,
    /// Input topics.
    pub topics: Vec<String>,
    /// Consumer group.
    pub group: String,
    /// librdkafka properties, applied after the defaults.
    pub options: Vec<(String, String)>,
    /// Most records in one chunk.
    pub max_records: usize,
    /// Longest a chunk waits to fill up.
    pub max_wait: Duration,
}

/// The Kafka consumer.
pub struct KafkaSource {
    consumer: BaseConsumer<SourceContext>,
    config: KafkaSourceConfig,
    topics: Vec<Arc<str>>,
    name: String,
}

impl std::fmt::Debug for KafkaSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KafkaSource")
            .field("name", &self.name)
            .finish()
    }
}

impl KafkaSource {
    /// Creates the consumer and subscribes to the topics.
    pub fn connect(config: KafkaSourceConfig) -> Result<Self, KafkaSourceError> {
        let mut client = ClientConfig::new();
        client
            .set("bootstrap.servers", &config.brokers)
            .set("group.id", &config.group);
        for (key, value) in CONSUMER_DEFAULTS {
            client.set(*key, *value);
        }
        for (key, value) in &config.options {
            client.set(key, value);
        }
        client.set("enable.auto.commit", "false");
        let consumer: BaseConsumer<SourceContext> = client
            .create_with_context(SourceContext::default())
            .map_err(KafkaSourceError::Setup)?;
        let topics: Vec<&str> = config.topics.iter().map(String::as_str).collect();
        consumer
            .subscribe(&topics)
            .map_err(KafkaSourceError::Setup)?;
        Ok(KafkaSource {
            name: format!("kafka:{}", config.topics.join(",")),
            topics: config
                .topics
                .iter()
                .map(|t| Arc::from(t.as_str()))
                .collect(),
            consumer,
            config,
        })
    }

    /// The name rejects and logs use.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What this group read of `partitions` before its last commit, as far
    /// back as broker time `since_ms` (see [`History`]).
    pub fn history(
        &self,
        partitions: &[TopicPartition],
        since_ms: i64,
    ) -> Result<History, KafkaSourceError> {
        History::open(
            &self.consumer,
            &self.config.brokers,
            &self.config.options,
            partitions,
            since_ms,
            self.config.max_records,
        )
    }

    /// Reads up to `max_records` messages, waiting at most `max_wait`; the
    /// chunk is empty when nothing came. A rebalance ends the chunk early
    /// and drops what it held, since the windows are rebuilt anyway.
    pub fn poll_chunk(&mut self) -> Chunk {
        let deadline = Instant::now() + self.config.max_wait;
        let mut buf = Vec::new();
        let mut items = Vec::new();
        let mut origins = Vec::new();
        while items.len() < self.config.max_records {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            let Some(result) = self.consumer.poll(left) else {
                break;
            };
            if self.has_events() {
                buf.clear();
                items.clear();
                origins.clear();
                break;
            }
            match result {
                Ok(message) => {
                    let start = buf.len() as u32;
                    buf.extend_from_slice(message.payload().unwrap_or_default());
                    items.push(Item {
                        start,
                        end: buf.len() as u32,
                        position: message.offset().max(0) as u64,
                    });
                    origins.push(Origin {
                        topic: self.topic_name(message.topic()),
                        partition: message.partition(),
                        offset: message.offset(),
                    });
                }
                Err(error) => tracing::warn!(%error, "consumer error; librdkafka retries"),
            }
        }
        Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "offset",
            origins,
        }
    }

    fn topic_name(&self, topic: &str) -> Arc<str> {
        self.topics
            .iter()
            .find(|t| &***t == topic)
            .cloned()
            .unwrap_or_else(|| Arc::from(topic))
    }

    /// Stops fetching from `partitions`, or starts again (`paused` false),
    /// so that [`Self::keep_alive`] can poll the group without reading.
    pub fn set_paused(
        &self,
        partitions: &[TopicPartition],
        paused: bool,
    ) -> Result<(), KafkaSourceError> {
        let mut list = TopicPartitionList::new();
        for (topic, partition) in partitions {
            list.add_partition(topic, *partition);
        }
        let result = if paused {
            self.consumer.pause(&list)
        } else {
            self.consumer.resume(&list)
        };
        result.map_err(|error| KafkaSourceError::Request {
            what: if paused {
                "pausing partitions"
            } else {
                "resuming partitions"
            },
            error,
        })
    }

    /// Polls the group while every assigned partition is paused (see
    /// [`Self::set_paused`]), so that a long pause in reading (history
    /// read back) does not exceed `max.poll.interval.ms` and cost the
    /// group membership. Rebalances are recorded as usual; a message, which
    /// a paused partition does not deliver, would be a bug and is logged.
    pub fn keep_alive(&self) {
        if let Some(Ok(message)) = self.consumer.poll(Duration::ZERO) {
            tracing::error!(
                topic = message.topic(),
                partition = message.partition(),
                offset = message.offset(),
                "a paused partition delivered a message; it is read again after the next rebalance"
            );
        }
    }

    fn has_events(&self) -> bool {
        !self
            .consumer
            .context()
            .events
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty()
    }

    /// The rebalances since the last call.
    pub fn take_events(&self) -> Vec<RebalanceEvent> {
        std::mem::take(
            &mut *self
                .consumer
                .context()
                .events
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }

    /// The latest lag per partition: records not read yet (see [`LagReport`]).
    pub fn lag(&self) -> LagReport {
        self.consumer
            .context()
            .lag
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The assigned partitions that, by the latest statistics, hold records
    /// not read yet: they are busy, not idle, however long the engine takes
    /// over other partitions' records.
    pub fn partitions_with_unread(&self) -> Vec<TopicPartition> {
        let Ok(assigned) = self.consumer.assignment() else {
            return Vec::new();
        };
        let lag = self.lag();
        assigned
            .elements()
            .iter()
            .filter(|e| {
                lag.iter().any(|(topic, partition, unread)| {
                    *unread > 0 && *partition == e.partition() && topic == e.topic()
                })
            })
            .map(|e| (self.topic_name(e.topic()), e.partition()))
            .collect()
    }

    /// Commits `offsets` (the next offset to read per partition) and waits
    /// for the broker to confirm.
    pub fn commit(&self, offsets: &[(TopicPartition, i64)]) -> Result<(), KafkaSourceError> {
        if offsets.is_empty() {
            return Ok(());
        }
        let mut list = TopicPartitionList::new();
        for ((topic, partition), offset) in offsets {
            list.add_partition_offset(topic, *partition, Offset::Offset(*offset))
                .map_err(|error| KafkaSourceError::Request {
                    what: "building a commit",
                    error,
                })?;
        }
        self.consumer
            .commit(&list, rdkafka::consumer::CommitMode::Sync)
            .map_err(|error| KafkaSourceError::Request {
                what: "committing offsets",
                error,
            })
    }
}

/// A message's key and value (`None` for a tombstone).
pub type KeyedMessage = (String, Option<Vec<u8>>);

/// Every message of `topic`, from the beginning to the end it has now: how
/// the block-list is read back at start-up. Keys are UTF-8 numbers; values
/// are `None` for tombstones.
pub fn read_topic(
    brokers: &str,
    topic: &str,
    options: &[(String, String)],
) -> Result<Vec<KeyedMessage>, KafkaSourceError> {
    read_topic_since(brokers, topic, options, None)
}

/// [`read_topic`] from the first message the broker stamped at or after
/// `since_ms` (epoch milliseconds), or from the beginning when `None`: how
/// the alerts of the last day are read back at start-up.
pub fn read_topic_since(
    brokers: &str,
    topic: &str,
    options: &[(String, String)],
    since_ms: Option<i64>,
) -> Result<Vec<KeyedMessage>, KafkaSourceError> {
    let mut client = ClientConfig::new();
    client
        .set("bootstrap.servers", brokers)
        .set("group.id", "scamstream-restore")
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false");
    for (key, value) in options {
        client.set(key, value);
    }
    let consumer: BaseConsumer = client.create().map_err(KafkaSourceError::Setup)?;
    let request = |what: &'static str| move |error| KafkaSourceError::Request { what, error };
    let wait = Duration::from_secs(30);
    let metadata = consumer
        .fetch_metadata(Some(topic), wait)
        .map_err(request("reading topic metadata"))?;
    let mut list = TopicPartitionList::new();
    let mut ends = Vec::new();
    for partition in metadata.topics().iter().flat_map(|t| t.partitions()) {
        let (low, high) = consumer
            .fetch_watermarks(topic, partition.id(), wait)
            .map_err(request("reading the end of the topic"))?;
        let start = match since_ms {
            _ if high <= low => continue,
            None => Offset::Beginning,
            Some(since_ms) => match offset_at(&consumer, topic, partition.id(), since_ms)? {
                Some(offset) if offset < high => Offset::Offset(offset),
                _ => continue,
            },
        };
        list.add_partition_offset(topic, partition.id(), start)
            .map_err(request("assigning the topic"))?;
        ends.push((partition.id(), high));
    }
    let mut entries = Vec::new();
    if ends.is_empty() {
        return Ok(entries);
    }
    consumer
        .assign(&list)
        .map_err(request("assigning the topic"))?;
    let deadline = Instant::now() + Duration::from_secs(120);
    while !ends.is_empty() && Instant::now() < deadline {
        let Some(result) = consumer.poll(Duration::from_millis(500)) else {
            continue;
        };
        let message = result.map_err(request("reading the topic"))?;
        let key = String::from_utf8_lossy(message.key().unwrap_or_default()).into_owned();
        entries.push((key, message.payload().map(<[u8]>::to_vec)));
        let (partition, offset) = (message.partition(), message.offset());
        ends.retain(|&(p, high)| p != partition || offset + 1 < high);
    }
    Ok(entries)
}

/// The offset of the first message of `topic`'s `partition` the broker
/// stamped at or after `since_ms`; `None` when there is none.
fn offset_at(
    consumer: &BaseConsumer,
    topic: &str,
    partition: i32,
    since_ms: i64,
) -> Result<Option<i64>, KafkaSourceError> {
    let mut times = TopicPartitionList::new();
    let request = |error| KafkaSourceError::Request {
        what: "looking up offsets by time",
        error,
    };
    times
        .add_partition_offset(topic, partition, Offset::Offset(since_ms))
        .map_err(request)?;
    let found = consumer
        .offsets_for_times(times, Duration::from_secs(30))
        .map_err(request)?;
    Ok(found
        .find_partition(topic, partition)
        .and_then(|e| match e.offset() {
            Offset::Offset(offset) => Some(offset),
            _ => None,
        }))
}

#[cfg(test)]
mod tests {
    use super::unread;

    #[test]
    fn unread_counts_from_the_next_delivery_not_from_the_commit() {
        assert_eq!(unread(900, 1_000, 5_000), Some(100), "commits trail reads");
        assert_eq!(unread(1_000, 1_000, 5_000), Some(0));
        assert_eq!(unread(1_001, 1_000, 0), Some(0), "stale end of log");
    }

    #[test]
    fn before_the_first_delivery_reading_starts_at_the_commit() {
        assert_eq!(unread(-1001, 1_000, 400), Some(400));
        assert_eq!(unread(-1001, 1_000, -1), None);
        assert_eq!(unread(10, -1, 400), None, "end of log unknown");
    }
}
