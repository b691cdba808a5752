//! Kafka topics as outputs: the block-list, alerts and the dead-letter topic.
//!
//! One idempotent producer serves every output topic. The block-list is
//! keyed by the E.164 number and an `unblock` is written as a tombstone, so
//! a compacted block-list topic holds exactly the numbers blocked now.
//! Delivery is confirmed by [`Sink::flush`]: the service commits its input
//! offsets only after a flush has returned, so an entry is never lost
//! between "the window closed" and "the broker has it".

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use prometheus::IntCounter;
use rdkafka::ClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{
    BaseRecord, DeliveryResult, Producer as _, ProducerContext, ThreadedProducer,
};

use super::{Message, Sink, SinkError};

/// How long a flush waits for acknowledgements before it reports them as
/// still pending (the messages stay queued and are retried).
const FLUSH_WAIT: Duration = Duration::from_secs(5);

/// Why Kafka output failed.
#[derive(Debug, thiserror::Error)]
pub enum KafkaSinkError {
    /// The producer could not be created: a configuration problem.
    #[error("cannot create the Kafka producer: {0}")]
    Create(KafkaError),
    /// The broker has not acknowledged everything yet; nothing is lost, the
    /// messages stay queued.
    #[error("the broker has not acknowledged {pending} message(s) yet")]
    Pending {
        /// Messages still in flight.
        pending: i32,
    },
    /// The broker refused a message for good.
    #[error("topic {topic}: the broker refused a message: {reason}")]
    Refused {
        /// The topic.
        topic: String,
        /// librdkafka's reason.
        reason: String,
    },
}

/// Counts delivery failures for the flush that follows them, and in the
/// producer-errors metric.
#[derive(Debug)]
struct DeliveryReport {
    failed: AtomicU64,
    last_error: Mutex<Option<(String, String)>>,
    metric: IntCounter,
}

impl ClientContext for DeliveryReport {}

impl ProducerContext for DeliveryReport {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        if let Err((error, message)) = result {
            use rdkafka::Message as _;
            self.failed.fetch_add(1, Ordering::Relaxed);
            self.metric.inc();
            let mut last = self
                .last_error
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            *last = Some((message.topic().to_owned(), error.to_string()));
        }
    }
}

/// The producer shared by every Kafka output.
#[derive(Clone)]
pub struct Producer {
    inner: ThreadedProducer<DeliveryReport>,
    failures_seen: Arc<AtomicU64>,
}

impl std::fmt::Debug for Producer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Producer")
    }
}

/// The producer settings scamstream needs, before the user's own: an
/// idempotent producer (no duplicates or reordering from its own retries)
/// that retries until the broker is back.
pub const PRODUCER_DEFAULTS: &[(&str, &str)] = &[
    ("enable.idempotence", "true"),
    ("acks", "all"),
    ("message.timeout.ms", "0"),
    ("linger.ms", "5"),
    ("compression.type", "lz4"),
];

impl Producer {
    /// A producer for `brokers`; `options` are librdkafka properties that
    /// override the defaults; refused messages are counted in `errors`.
    pub fn new(
        brokers: &str,
        options: &[(String, String)],
        errors: IntCounter,
    ) -> Result<Self, KafkaSinkError> {
        let mut config = ClientConfig::new();
        config.set("bootstrap.servers", brokers);
        for (key, value) in PRODUCER_DEFAULTS {
            config.set(*key, *value);
        }
        for (key, value) in options {
            config.set(key, value);
        }
        let inner = config
            .create_with_context(DeliveryReport {
                failed: AtomicU64::new(0),
                last_error: Mutex::new(None),
                metric: errors,
            })
            .map_err(KafkaSinkError::Create)?;
        Ok(Producer {
            inner,
            failures_seen: Arc::new(AtomicU64::new(0)),
        })
    }

    fn report(&self) -> &DeliveryReport {
        self.inner.context()
    }

    /// Messages sent and not yet acknowledged.
    pub fn in_flight(&self) -> i32 {
        self.inner.in_flight_count()
    }

    /// Messages the broker refused for good, since the start.
    pub fn failures(&self) -> u64 {
        self.report().failed.load(Ordering::Relaxed)
    }

    fn send(&self, topic: &str, message: &Message<'_>) -> Result<(), KafkaSinkError> {
        let payload: Option<&[u8]> = match (message.tombstone, message.value) {
            (true, _) => None,
            (false, Some(value)) => Some(value),
            (false, None) => Some(message.line.as_bytes()),
        };
        let mut record = BaseRecord::<str, [u8]>::to(topic);
        if let Some(key) = message.key {
            record = record.key(key);
        }
        if let Some(payload) = payload {
            record = record.payload(payload);
        }
        if !message.headers.is_empty() {
            let headers = message
                .headers
                .iter()
                .fold(OwnedHeaders::new(), |h, (key, value)| {
                    h.insert(Header {
                        key,
                        value: Some(*value),
                    })
                });
            record = record.headers(headers);
        }
        loop {
            match self.inner.send(record) {
                Ok(()) => return Ok(()),
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    record = back;
                    self.inner.poll(Duration::from_millis(50));
                }
                Err((error, _)) => {
                    return Err(KafkaSinkError::Refused {
                        topic: topic.to_owned(),
                        reason: error.to_string(),
                    });
                }
            }
        }
    }

    /// Waits for every queued message to be acknowledged; fails if one was
    /// refused since the last flush.
    pub fn flush(&self) -> Result<(), KafkaSinkError> {
        let flushed = self.inner.flush(FLUSH_WAIT);
        let failed = self.report().failed.load(Ordering::Relaxed);
        if failed > self.failures_seen.swap(failed, Ordering::Relaxed) {
            let (topic, reason) = self
                .report()
                .last_error
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone()
                .unwrap_or_default();
            return Err(KafkaSinkError::Refused { topic, reason });
        }
        match flushed {
            Ok(()) => Ok(()),
            Err(_) => Err(KafkaSinkError::Pending {
                pending: self.in_flight(),
            }),
        }
    }
}

/// One output topic.
#[derive(Debug)]
pub struct KafkaSink {
    producer: Producer,
    topic: String,
}

impl KafkaSink {
    /// Writes to `topic` through `producer`.
    pub fn new(producer: Producer, topic: impl Into<String>) -> Self {
        KafkaSink {
            producer,
            topic: topic.into(),
        }
    }
}

impl Sink for KafkaSink {
    fn send(&mut self, message: &Message<'_>) -> Result<(), SinkError> {
        Ok(self.producer.send(&self.topic, message)?)
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        Ok(self.producer.flush()?)
    }
}

/// A topic to create when missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicSpec {
    /// The name.
    pub name: String,
    /// Log-compacted (the block-list) rather than deleted by age.
    pub compacted: bool,
}

/// Creates the topics that do not exist yet, with `partitions` partitions
/// and replication factor 1 (a cluster's own defaults apply when an operator
/// creates them beforehand, which production deployments should).
pub async fn ensure_topics(
    brokers: &str,
    options: &[(String, String)],
    topics: &[TopicSpec],
    partitions: i32,
) -> Result<(), KafkaSinkError> {
    use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
    use rdkafka::client::DefaultClientContext;
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", brokers);
    for (key, value) in options {
        config.set(key, value);
    }
    let admin: AdminClient<DefaultClientContext> =
        config.create().map_err(KafkaSinkError::Create)?;
    let new: Vec<NewTopic<'_>> = topics
        .iter()
        .map(|t| {
            let topic = NewTopic::new(&t.name, partitions, TopicReplication::Fixed(1));
            if t.compacted {
                topic.set("cleanup.policy", "compact")
            } else {
                topic
            }
        })
        .collect();
    let options = AdminOptions::new().request_timeout(Some(Duration::from_secs(30)));
    let results =
        admin
            .create_topics(&new, &options)
            .await
            .map_err(|e| KafkaSinkError::Refused {
                topic: "(admin)".into(),
                reason: e.to_string(),
            })?;
    for result in results {
        match result {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((topic, code)) => {
                return Err(KafkaSinkError::Refused {
                    topic,
                    reason: format!("cannot create the topic: {code}"),
                });
            }
        }
    }
    Ok(())
}
