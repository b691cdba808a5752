//! Line-oriented sinks: files, standard output, memory and nowhere.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::{Message, Sink, SinkError};

/// A buffered file, or standard output for `-`.
struct WriterSink {
    path: String,
    out: Box<dyn Write + Send>,
}

impl Sink for WriterSink {
    fn send(&mut self, message: &Message<'_>) -> Result<(), SinkError> {
        let path = &self.path;
        let err = |source| SinkError::File {
            path: path.clone(),
            source,
        };
        self.out.write_all(message.line.as_bytes()).map_err(err)?;
        self.out.write_all(b"\n").map_err(err)
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        self.out.flush().map_err(|source| SinkError::File {
            path: self.path.clone(),
            source,
        })
    }
}

/// Opens a JSON Lines output: `-` is standard output; a file is created
/// (with its parent directories) or truncated.
pub fn open_sink(path: &Path) -> Result<Box<dyn Sink>, SinkError> {
    let name = path.display().to_string();
    let err = |source| SinkError::File {
        path: name.clone(),
        source,
    };
    let out: Box<dyn Write + Send> = if name == "-" {
        Box::new(BufWriter::new(std::io::stdout()))
    } else {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        Box::new(BufWriter::with_capacity(
            1 << 20,
            File::create(path).map_err(err)?,
        ))
    };
    Ok(Box::new(WriterSink { path: name, out }))
}

/// Discards everything: for benchmarks that measure the engine alone.
#[derive(Debug, Default, Clone, Copy)]
pub struct NullSink;

impl Sink for NullSink {
    fn send(&mut self, _message: &Message<'_>) -> Result<(), SinkError> {
        Ok(())
    }
    fn flush(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}

/// Keeps lines in memory, shared with whoever holds a clone: for tests and
/// for the demo's scoring.
#[derive(Debug, Default, Clone)]
pub struct MemorySink {
    lines: Arc<Mutex<Vec<String>>>,
}

impl MemorySink {
    /// The lines written so far.
    pub fn lines(&self) -> Vec<String> {
        self.lines.lock().map(|l| l.clone()).unwrap_or_default()
    }
}

impl Sink for MemorySink {
    fn send(&mut self, message: &Message<'_>) -> Result<(), SinkError> {
        if let Ok(mut lines) = self.lines.lock() {
            lines.push(message.line.to_owned());
        }
        Ok(())
    }
    fn flush(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}
