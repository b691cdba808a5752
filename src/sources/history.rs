//! What a consumer group read before its last commit, read again.
//!
//! A restarted engine resumes from its committed offsets, so the records
//! before them are never read again, and the rules' memory of calls (who
//! called whom over the day before each window, see
//! `rules::contacts`) would start empty: for a day after every restart,
//! `spoofed_callerid` would know no subscriber abroad from a forged caller
//! ID. [`History`] reads, for each partition, the records from the first
//! one the broker stamped at or after a given time up to the group's
//! committed offset, in chunks, with a consumer of its own that joins no
//! group and commits nothing.

use std::time::{Duration, Instant};

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};

use super::kafka::{KafkaSourceError, TopicPartition};
use super::{Chunk, ChunkBody, Item};

/// How long the broker may go without sending a record of the history
/// before the rest is given up (logged, not an error: the memory is a
/// help, not a source of truth).
const STALL: Duration = Duration::from_secs(30);
/// How long a request for offsets may take.
const REQUEST: Duration = Duration::from_secs(30);

/// Where one partition's history ends: the group's committed offset.
#[derive(Debug)]
struct Range {
    topic: String,
    partition: i32,
    end: i64,
}

/// The records of some partitions between a time and the committed offsets.
pub struct History {
    consumer: Option<BaseConsumer>,
    open: Vec<Range>,
    max_records: usize,
    read: u64,
}

impl std::fmt::Debug for History {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("History")
            .field("open", &self.open)
            .field("read", &self.read)
            .finish()
    }
}

fn request(what: &'static str) -> impl Fn(rdkafka::error::KafkaError) -> KafkaSourceError {
    move |error| KafkaSourceError::Request { what, error }
}

impl History {
    /// The history of `partitions` since broker time `since_ms`, up to the
    /// offsets `group_consumer` (a consumer of the group) has committed,
    /// read by a new consumer of `brokers` with the librdkafka `options`.
    /// A partition with no commit, or nothing stamped since `since_ms`
    /// before its commit, has no history.
    pub(crate) fn open<C: rdkafka::consumer::ConsumerContext>(
        group_consumer: &BaseConsumer<C>,
        brokers: &str,
        options: &[(String, String)],
        partitions: &[TopicPartition],
        since_ms: i64,
        max_records: usize,
    ) -> Result<Self, KafkaSourceError> {
        let mut asked = TopicPartitionList::new();
        let mut times = TopicPartitionList::new();
        for (topic, partition) in partitions {
            asked.add_partition(topic, *partition);
            times
                .add_partition_offset(topic, *partition, Offset::Offset(since_ms))
                .map_err(request("asking for offsets by time"))?;
        }
        let committed = group_consumer
            .committed_offsets(asked, REQUEST)
            .map_err(request("reading the committed offsets"))?;
        let starts = group_consumer
            .offsets_for_times(times, REQUEST)
            .map_err(request("looking up offsets by time"))?;
        let mut from = TopicPartitionList::new();
        let mut open = Vec::new();
        for element in committed.elements() {
            let Offset::Offset(end) = element.offset() else {
                continue;
            };
            let start = match starts
                .find_partition(element.topic(), element.partition())
                .map(|e| e.offset())
            {
                Some(Offset::Offset(start)) => start,
                // Nothing stamped since then: no history to read.
                _ => continue,
            };
            if start >= end {
                continue;
            }
            from.add_partition_offset(element.topic(), element.partition(), Offset::Offset(start))
                .map_err(request("assigning the history"))?;
            open.push(Range {
                topic: element.topic().to_owned(),
                partition: element.partition(),
                end,
            });
        }
        let consumer = if open.is_empty() {
            None
        } else {
            let consumer = history_consumer(brokers, options)?;
            consumer
                .assign(&from)
                .map_err(request("assigning the history"))?;
            Some(consumer)
        };
        Ok(History {
            consumer,
            open,
            max_records,
            read: 0,
        })
    }

    /// The next chunk of the history, or `None` once every partition has
    /// reached its committed offset (or the broker stalled, which is logged).
    pub fn next_chunk(&mut self) -> Option<Chunk> {
        let consumer = self.consumer.as_ref()?;
        let mut buf = Vec::new();
        let mut items = Vec::new();
        let mut last = Instant::now();
        while !self.open.is_empty() && items.len() < self.max_records {
            let Some(result) = consumer.poll(Duration::from_millis(200)) else {
                if last.elapsed() >= STALL {
                    tracing::warn!(
                        partitions = self.open.len(),
                        "the broker sent no history for {STALL:?}; the memory of calls goes on without the rest"
                    );
                    self.open.clear();
                }
                if items.is_empty() {
                    continue;
                }
                break;
            };
            last = Instant::now();
            let message = match result {
                Ok(message) => message,
                Err(error) => {
                    tracing::warn!(%error, "reading the history; librdkafka retries");
                    continue;
                }
            };
            let (topic, partition, offset) =
                (message.topic(), message.partition(), message.offset());
            let Some(index) = self
                .open
                .iter()
                .position(|r| r.partition == partition && r.topic == topic)
            else {
                continue;
            };
            if offset >= self.open[index].end {
                self.open.swap_remove(index);
                continue;
            }
            if offset + 1 >= self.open[index].end {
                self.open.swap_remove(index);
            }
            let start = buf.len() as u32;
            buf.extend_from_slice(message.payload().unwrap_or_default());
            items.push(Item {
                start,
                end: buf.len() as u32,
                position: offset.max(0) as u64,
            });
        }
        if self.open.is_empty() {
            self.consumer = None;
        }
        self.read += items.len() as u64;
        (!items.is_empty()).then_some(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "offset",
            origins: Vec::new(),
        })
    }

    /// Records handed out so far.
    pub fn records_read(&self) -> u64 {
        self.read
    }
}

fn history_consumer(
    brokers: &str,
    options: &[(String, String)],
) -> Result<BaseConsumer, KafkaSourceError> {
    let mut client = ClientConfig::new();
    client.set("bootstrap.servers", brokers);
    for (key, value) in options {
        client.set(key, value);
    }
    // Joins no group and commits nothing, whatever the options say.
    client
        .set("group.id", "scamstream-history")
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false");
    client.create().map_err(KafkaSourceError::Setup)
}
