//! The built-in traffic generator as a source, for the demo, tests and
//! benchmarks: the same JSON Lines a file would hold, made in memory.

use super::chunk::{Chunk, ChunkBody, split_lines};
use super::generator::{Generator, GeneratorConfig, Labels};
use super::{Progress, Source, SourceError};

/// Bytes of generated JSON Lines per chunk.
const CHUNK_BYTES: usize = 4 << 20;

/// Generated traffic, chunk by chunk.
pub struct GeneratorSource {
    generator: Generator,
    next_line: u64,
    records: u64,
    done: bool,
}

impl std::fmt::Debug for GeneratorSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratorSource")
            .field("records", &self.records)
            .finish()
    }
}

impl GeneratorSource {
    /// A source generating traffic as `config` says.
    pub fn new(config: GeneratorConfig) -> Self {
        GeneratorSource {
            generator: Generator::new(config),
            next_line: 1,
            records: 0,
            done: false,
        }
    }

    /// The labels of the traffic this source generates.
    pub fn labels(&self) -> &Labels {
        self.generator.labels()
    }
}

impl Source for GeneratorSource {
    fn name(&self) -> &str {
        "generator"
    }

    fn kind(&self) -> &'static str {
        "generator"
    }

    fn next_chunk(&mut self) -> Result<Option<Chunk>, SourceError> {
        if self.done {
            return Ok(None);
        }
        let mut buf = Vec::with_capacity(CHUNK_BYTES + (64 << 10));
        while buf.len() < CHUNK_BYTES {
            let n = self.generator.next_slice(&mut buf);
            if n == 0 {
                self.done = true;
                break;
            }
            self.records += n as u64;
        }
        if buf.is_empty() {
            return Ok(None);
        }
        let (items, line) = split_lines(&buf, self.next_line);
        self.next_line = line;
        Ok(Some(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "line",
            origins: Vec::new(),
        }))
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.records,
            total: None,
        }
    }
}
