//! Where decisions and rejects go: JSON Lines files, standard output, memory
//! or nowhere (for benchmarks), and Kafka topics in service mode.
//!
//! Every output takes the same [`Message`]: the JSON line, serialised once by
//! the stage that made it, plus what only Kafka can carry (a key, headers,
//! the original bytes of a rejected record, and tombstones). A file writes
//! the line; a topic writes the rest.

mod file;
mod kafka;

pub use file::{MemorySink, NullSink, open_sink};
pub use kafka::{KafkaSink, KafkaSinkError, PRODUCER_DEFAULTS, Producer, TopicSpec, ensure_topics};

/// One output entry.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    /// The entry as one JSON line (without newline): what files get.
    pub line: &'a str,
    /// The Kafka key: the E.164 number of a block-list entry.
    pub key: Option<&'a str>,
    /// The Kafka value when it is not the line: the original bytes of a
    /// rejected record.
    pub value: Option<&'a [u8]>,
    /// Write a null value (a tombstone that deletes `key` from a compacted
    /// topic) instead of the line.
    pub tombstone: bool,
    /// Kafka headers.
    pub headers: &'a [(&'a str, &'a str)],
}

impl<'a> Message<'a> {
    /// A plain line.
    pub fn line(line: &'a str) -> Self {
        Message {
            line,
            key: None,
            value: None,
            tombstone: false,
            headers: &[],
        }
    }
}

/// A destination for entries.
pub trait Sink: Send {
    /// Queues one entry.
    fn send(&mut self, message: &Message<'_>) -> Result<(), SinkError>;
    /// Returns once everything sent so far is durable: written to the file,
    /// or acknowledged by the broker.
    fn flush(&mut self) -> Result<(), SinkError>;
}

/// Why an output cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// The file system refused.
    #[error("cannot write {path}: {source}")]
    File {
        /// The output path.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// The broker refused or could not be reached in time.
    #[error(transparent)]
    Kafka(#[from] KafkaSinkError),
}

impl SinkError {
    /// Whether the broker has simply not acknowledged everything yet (it is
    /// unreachable for now): nothing is lost, and a later flush may succeed.
    pub fn is_pending(&self) -> bool {
        matches!(self, SinkError::Kafka(KafkaSinkError::Pending { .. }))
    }
}
