//! Where decisions and rejects go: JSON Lines files, standard output, or
//! nowhere (for benchmarks); Kafka topics in service mode.
//!
//! A sink takes finished lines. Entries are serialised once, by the stage
//! that made them, so every sink writes the same bytes.

mod file;

pub use file::{LineSink, MemorySink, NullSink, open_sink};

/// Why an output cannot be written: the file system refused.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {path}: {source}")]
pub struct SinkError {
    /// The output path.
    pub path: String,
    /// The reason.
    pub source: std::io::Error,
}
