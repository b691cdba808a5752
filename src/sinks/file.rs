//! Line-oriented sinks.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::SinkError;

/// A destination for JSON lines.
pub trait LineSink: Send {
    /// Writes one line (without its newline).
    fn write_line(&mut self, line: &str) -> Result<(), SinkError>;
    /// Makes everything written so far durable or visible.
    fn flush(&mut self) -> Result<(), SinkError>;
}

/// A buffered file, or standard output for `-`.
struct WriterSink {
    path: String,
    out: Box<dyn Write + Send>,
}

impl LineSink for WriterSink {
    fn write_line(&mut self, line: &str) -> Result<(), SinkError> {
        let path = &self.path;
        let err = |source| SinkError {
            path: path.clone(),
            source,
        };
        self.out.write_all(line.as_bytes()).map_err(err)?;
        self.out.write_all(b"\n").map_err(err)
    }

    fn flush(&mut self) -> Result<(), SinkError> {
        self.out.flush().map_err(|source| SinkError {
            path: self.path.clone(),
            source,
        })
    }
}

/// Opens a JSON Lines output: `-` is standard output; a file is created
/// (with its parent directories) or truncated.
pub fn open_sink(path: &Path) -> Result<Box<dyn LineSink>, SinkError> {
    let name = path.display().to_string();
    let err = |source| SinkError {
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

impl LineSink for NullSink {
    fn write_line(&mut self, _line: &str) -> Result<(), SinkError> {
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

impl LineSink for MemorySink {
    fn write_line(&mut self, line: &str) -> Result<(), SinkError> {
        if let Ok(mut lines) = self.lines.lock() {
            lines.push(line.to_owned());
        }
        Ok(())
    }
    fn flush(&mut self) -> Result<(), SinkError> {
        Ok(())
    }
}
