//! Records from a file or standard input: JSON Lines, a JSON array, or CSV
//! with a header row.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::value::RawValue;

use super::chunk::{Chunk, ChunkBody, Item, split_lines};
use super::{Progress, Source, SourceError};
use crate::record::CsvHeader;

/// Bytes of JSON Lines read per chunk.
const CHUNK_BYTES: usize = 4 << 20;
/// Rows per chunk for CSV files and JSON arrays.
const CHUNK_ROWS: usize = 16_384;

/// The layout of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object per line (`.jsonl`, `.ndjson`, standard input). A
    /// `.json` file is read as JSON Lines unless it starts with `[`.
    JsonLines,
    /// CSV with a header row naming the contract's fields.
    Csv,
}

impl InputFormat {
    /// The format a path's extension implies; `None` when it implies none.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        match path.extension()?.to_str()? {
            "jsonl" | "ndjson" | "json" => Some(InputFormat::JsonLines),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// Counts bytes as they are read, for progress (of CSV input, which the
/// `csv` crate reads). JSON input is counted as chunks are filled instead:
/// a reader that implements only `read` makes `read_to_end` zero every
/// chunk's buffer before reading into it.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

enum Reader {
    Lines {
        input: Box<dyn Read + Send>,
        carry: Vec<u8>,
        next_line: u64,
        first: bool,
    },
    Array {
        elements: std::vec::IntoIter<Vec<u8>>,
        next_position: u64,
    },
    Csv {
        reader: csv::Reader<Box<dyn Read + Send>>,
        header: Arc<CsvHeader>,
    },
    Done,
}

/// A file (or `-` for standard input) read chunk by chunk.
pub struct FileSource {
    name: String,
    reader: Reader,
    read: Arc<AtomicU64>,
    total: Option<u64>,
}

impl std::fmt::Debug for FileSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileSource")
            .field("name", &self.name)
            .finish()
    }
}

impl FileSource {
    /// Opens `path` (`-` is standard input, read as JSON Lines).
    pub fn open(path: &Path, format: InputFormat) -> Result<Self, SourceError> {
        let name = path.display().to_string();
        let io_err = |source| SourceError::Io {
            path: name.clone(),
            source,
        };
        let read = Arc::new(AtomicU64::new(0));
        let (input, total): (Box<dyn Read + Send>, Option<u64>) = if name == "-" {
            (Box::new(io::stdin()), None)
        } else {
            let file = File::open(path).map_err(io_err)?;
            let size = file.metadata().map(|m| m.len()).ok();
            // Unbuffered: chunks are read in blocks of megabytes straight
            // into their own buffers, so a `BufReader` would only add a copy.
            (Box::new(file), size)
        };
        let reader = match format {
            InputFormat::JsonLines => Reader::Lines {
                input,
                carry: Vec::new(),
                next_line: 1,
                first: true,
            },
            InputFormat::Csv => {
                let input: Box<dyn Read + Send> = Box::new(Counted {
                    inner: input,
                    count: read.clone(),
                });
                let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let header = reader.byte_headers().map_err(|e| SourceError::Format {
                    path: name.clone(),
                    message: format!("cannot read the CSV header: {e}"),
                })?;
                let header = Arc::new(CsvHeader::new(header));
                Reader::Csv { reader, header }
            }
        };
        Ok(FileSource {
            name,
            reader,
            read,
            total,
        })
    }

    fn next_lines(&mut self) -> Result<Option<Chunk>, SourceError> {
        let Reader::Lines {
            input,
            carry,
            next_line,
            first,
        } = &mut self.reader
        else {
            return Ok(None);
        };
        // Read a full chunk beyond what was carried over, so that a line
        // longer than a chunk still makes progress.
        let want = carry.len() + CHUNK_BYTES;
        let mut buf = Vec::with_capacity(want);
        buf.append(carry);
        let carried = buf.len();
        let at_end = fill(input.as_mut(), &mut buf, want).map_err(|source| SourceError::Io {
            path: self.name.clone(),
            source,
        })?;
        self.read
            .fetch_add((buf.len() - carried) as u64, Ordering::Relaxed);
        if *first {
            *first = false;
            if buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
                return self.switch_to_array(buf);
            }
        }
        if !at_end {
            // Keep the incomplete last line for the next chunk.
            let cut = memchr::memrchr(b'\n', &buf).map_or(0, |i| i + 1);
            *carry = buf.split_off(cut);
        }
        let (items, line) = split_lines(&buf, *next_line);
        *next_line = line;
        if at_end && carry.is_empty() {
            self.reader = Reader::Done;
        }
        Ok(Some(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "line",
            origins: Vec::new(),
        }))
    }

    /// A `.json` file holding one array of records: read whole, then served
    /// in chunks.
    fn switch_to_array(&mut self, mut buf: Vec<u8>) -> Result<Option<Chunk>, SourceError> {
        if let Reader::Lines { input, .. } = &mut self.reader {
            let n = input
                .read_to_end(&mut buf)
                .map_err(|source| SourceError::Io {
                    path: self.name.clone(),
                    source,
                })?;
            self.read.fetch_add(n as u64, Ordering::Relaxed);
        }
        let elements: Vec<&RawValue> =
            serde_json::from_slice(&buf).map_err(|e| SourceError::Format {
                path: self.name.clone(),
                message: format!("not a JSON array of records: {e}"),
            })?;
        let owned: Vec<Vec<u8>> = elements
            .iter()
            .map(|e| e.get().as_bytes().to_vec())
            .collect();
        self.reader = Reader::Array {
            elements: owned.into_iter(),
            next_position: 1,
        };
        self.next_chunk()
    }

    fn next_elements(&mut self) -> Option<Chunk> {
        let Reader::Array {
            elements,
            next_position,
        } = &mut self.reader
        else {
            return None;
        };
        let mut buf = Vec::new();
        let mut items = Vec::new();
        for element in elements.by_ref().take(CHUNK_ROWS) {
            let start = buf.len() as u32;
            buf.extend_from_slice(&element);
            items.push(Item {
                start,
                end: buf.len() as u32,
                position: *next_position,
            });
            *next_position += 1;
        }
        if items.is_empty() {
            self.reader = Reader::Done;
            return None;
        }
        Some(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "element",
            origins: Vec::new(),
        })
    }

    fn next_csv(&mut self) -> Result<Option<Chunk>, SourceError> {
        let Reader::Csv { reader, header } = &mut self.reader else {
            return Ok(None);
        };
        let mut rows = Vec::with_capacity(CHUNK_ROWS);
        let mut record = csv::ByteRecord::new();
        while rows.len() < CHUNK_ROWS {
            let more = reader
                .read_byte_record(&mut record)
                .map_err(|e| SourceError::Format {
                    path: self.name.clone(),
                    message: e.to_string(),
                })?;
            if !more {
                break;
            }
            let line = record.position().map_or(0, |p| p.line());
            rows.push((line, record.clone()));
        }
        if rows.is_empty() {
            self.reader = Reader::Done;
            return Ok(None);
        }
        let header = header.clone();
        Ok(Some(Chunk {
            body: ChunkBody::Csv { header, rows },
            unit: "line",
            origins: Vec::new(),
        }))
    }
}

/// Reads until `buf` holds at least `want` bytes or the input ends; returns
/// whether it ended.
fn fill(input: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    while buf.len() < want {
        let missing = (want - buf.len()) as u64;
        // `read_to_end` reads into the spare capacity without zeroing it
        // first; `take` stops it at the chunk's size.
        if input.take(missing).read_to_end(buf)? == 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Source for FileSource {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> &'static str {
        "file"
    }

    fn next_chunk(&mut self) -> Result<Option<Chunk>, SourceError> {
        loop {
            let chunk = match &self.reader {
                Reader::Lines { .. } => self.next_lines()?,
                Reader::Array { .. } => self.next_elements(),
                Reader::Csv { .. } => self.next_csv()?,
                Reader::Done => return Ok(None),
            };
            match chunk {
                // A chunk of blank lines carries nothing: read on.
                Some(c) if c.is_empty() => continue,
                other => return Ok(other),
            }
        }
    }

    fn progress(&self) -> Progress {
        Progress {
            done: self.read.load(Ordering::Relaxed),
            total: self.total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str, name: &str) -> Vec<(u64, String)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let format = InputFormat::from_path(&path).unwrap();
        let mut source = FileSource::open(&path, format).unwrap();
        let mut out = Vec::new();
        while let Some(chunk) = source.next_chunk().unwrap() {
            for i in 0..chunk.len() {
                out.push((
                    chunk.position(i),
                    String::from_utf8(chunk.raw(i).into_owned()).unwrap(),
                ));
            }
        }
        assert_eq!(source.progress().done, text.len() as u64);
        out
    }

    #[test]
    fn json_lines_with_positions() {
        let got = read_all("{\"a\":1}\n\n{\"b\":2}\n", "x.jsonl");
        assert_eq!(got, vec![(1, "{\"a\":1}".into()), (3, "{\"b\":2}".into())]);
    }

    #[test]
    fn long_inputs_span_chunks_without_losing_lines() {
        let line = format!("{{\"pad\":\"{}\"}}", "x".repeat(300));
        let text: String = (0..20_000).map(|_| format!("{line}\n")).collect();
        let got = read_all(&text, "big.jsonl");
        assert_eq!(got.len(), 20_000);
        assert!(got.iter().all(|(_, l)| *l == line));
        assert_eq!(got.last().unwrap().0, 20_000);
    }

    #[test]
    fn a_line_longer_than_a_chunk_is_read_whole() {
        let long = format!("{{\"text\":\"{}\"}}", "y".repeat(CHUNK_BYTES + 1000));
        let got = read_all(&format!("{{\"a\":1}}\n{long}\n{{\"b\":2}}\n"), "long.jsonl");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], (2, long));
    }

    #[test]
    fn a_json_array_is_read_element_by_element() {
        let got = read_all("[{\"a\":1}, {\"b\":[2]}]", "x.json");
        assert_eq!(
            got,
            vec![(1, "{\"a\":1}".into()), (2, "{\"b\":[2]}".into())]
        );
    }

    #[test]
    fn csv_rows_keep_their_line_and_original_text() {
        let got = read_all("kind,text\nsms,\"a, b\"\ncall\n", "x.csv");
        assert_eq!(got, vec![(2, "sms,\"a, b\"".into()), (3, "call".into())]);
    }

    #[test]
    fn a_broken_array_is_a_format_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, "[{\"a\":1},").unwrap();
        let mut source = FileSource::open(&path, InputFormat::JsonLines).unwrap();
        assert!(matches!(
            source.next_chunk(),
            Err(SourceError::Format { .. })
        ));
    }

    #[test]
    fn a_missing_file_names_its_path() {
        let err = FileSource::open(Path::new("/nonexistent/x.jsonl"), InputFormat::JsonLines)
            .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.jsonl"));
    }
}
