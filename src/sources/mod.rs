//! Where records come from: files, standard input, the built-in generator
//! (and, in service mode, Kafka).
//!
//! Every source hands out [`Chunk`]s: a few thousand raw records with enough
//! of their origin (line or element number) that a rejected record can be
//! written to the rejects file with its original bytes and its location.
//! Decoding is not the source's job; it happens in parallel in the pipeline.

mod chunk;
mod file;
mod generated;
pub mod generator;
mod history;
mod kafka;

#[cfg(test)]
pub(crate) use chunk::split_lines;
pub use chunk::{Chunk, ChunkBody, Item, Origin};
pub use file::{FileSource, InputFormat};
pub use generated::GeneratorSource;
pub use history::History;
pub use kafka::{
    KafkaSource, KafkaSourceConfig, KafkaSourceError, KeyedMessage, LagReport, RebalanceEvent,
    TopicPartition, read_topic, read_topic_since,
};

/// How far a source has got, for progress bars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Units done (bytes, or records for the generator).
    pub done: u64,
    /// Units in all, when known.
    pub total: Option<u64>,
}

/// Why a source cannot go on: the input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// A file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file, or `stdin`.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// A CSV file's structure is broken beyond one row.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// A stream of raw records.
pub trait Source: Send {
    /// Where the records come from, as rejects and logs name it.
    fn name(&self) -> &str;
    /// The source kind, the `source` label of the received-records metric.
    fn kind(&self) -> &'static str;
    /// The next chunk; `None` at the end of the input.
    fn next_chunk(&mut self) -> Result<Option<Chunk>, SourceError>;
    /// How far it has got.
    fn progress(&self) -> Progress;
}
