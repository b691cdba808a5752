//! The window floor of each input partition, kept in a compacted topic.
//!
//! An offset commit says where to start reading again; the floor says which
//! windows were already evaluated (see `service`). Kafka can carry such a
//! note as commit metadata, but not every Kafka-protocol broker keeps it
//! (the test broker, nisshi 0.8, drops it), so the floor goes to its own
//! topic instead: key `<group>/<topic>/<partition>`, value
//! `{"floor_ms":…,"offset":…}`, written and acknowledged before the offsets
//! are committed. A checkpoint newer than the commit is safe: every window
//! before its floor was evaluated and its entries acknowledged before it
//! was written.

use ahash::AHashMap;

use crate::sinks::{KafkaSink, Message, Sink, SinkError};
use crate::sources::{KafkaSourceError, TopicPartition, read_topic};

/// Where the floors are kept.
#[derive(Debug)]
pub struct Checkpoints {
    sink: KafkaSink,
    brokers: String,
    topic: String,
    group: String,
    options: Vec<(String, String)>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Checkpoint {
    floor_ms: i64,
    offset: i64,
}

impl Checkpoints {
    /// Checkpoints of consumer group `group` in `topic`, written through
    /// `sink` and read back with a consumer configured by `options`.
    pub fn new(
        sink: KafkaSink,
        brokers: &str,
        topic: &str,
        group: &str,
        options: &[(String, String)],
    ) -> Self {
        Checkpoints {
            sink,
            brokers: brokers.to_owned(),
            topic: topic.to_owned(),
            group: group.to_owned(),
            options: options.to_vec(),
        }
    }

    fn key(&self, (topic, partition): &TopicPartition) -> String {
        format!("{}/{topic}/{partition}", self.group)
    }

    /// Writes the floor for every partition about to be committed, and
    /// waits for the broker to acknowledge it.
    pub(crate) fn save(
        &mut self,
        offsets: &[(TopicPartition, i64)],
        floor_ms: i64,
    ) -> Result<(), SinkError> {
        for (partition, offset) in offsets {
            let key = self.key(partition);
            let line = serde_json::json!({ "floor_ms": floor_ms, "offset": offset }).to_string();
            self.sink.send(&Message {
                line: &line,
                key: Some(&key),
                value: None,
                tombstone: false,
                headers: &[],
            })?;
        }
        self.sink.flush()
    }

    /// The lowest floor recorded for `partitions`, if any was.
    pub(crate) fn floor(
        &self,
        partitions: &[TopicPartition],
    ) -> Result<Option<i64>, KafkaSourceError> {
        let mut latest: AHashMap<String, i64> = AHashMap::new();
        for (key, value) in read_topic(&self.brokers, &self.topic, &self.options)? {
            match value.and_then(|v| serde_json::from_slice::<Checkpoint>(&v).ok()) {
                Some(c) => latest.insert(key, c.floor_ms),
                None => latest.remove(&key),
            };
        }
        Ok(partitions
            .iter()
            .filter_map(|p| latest.get(&self.key(p)).copied())
            .min())
    }
}
