//! A chunk of raw records, as read.

use std::borrow::Cow;
use std::sync::Arc;

use crate::record::CsvHeader;

/// One raw record inside a JSON chunk: its bytes and where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Byte range in the chunk's buffer.
    pub start: u32,
    /// End of the byte range (exclusive).
    pub end: u32,
    /// 1-based line (or array element) number in the input.
    pub position: u64,
}

/// The records of a chunk, in the form they were read.
#[derive(Debug, Clone)]
pub enum ChunkBody {
    /// JSON texts, one per item.
    Json {
        /// The raw bytes of the items.
        buf: Vec<u8>,
        /// The items, in input order.
        items: Vec<Item>,
    },
    /// CSV rows of a file with a header row.
    Csv {
        /// The file's header.
        header: Arc<CsvHeader>,
        /// The rows with their 1-based line numbers.
        rows: Vec<(u64, csv::ByteRecord)>,
    },
}

/// Where a record read from Kafka came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
    /// The record's offset in the partition.
    pub offset: i64,
}

/// A batch of raw records from one source.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The records.
    pub body: ChunkBody,
    /// What a position counts: `line`, `element` or `offset`.
    pub unit: &'static str,
    /// For records read from Kafka, where each came from (one per record);
    /// empty for files.
    pub origins: Vec<Origin>,
}

impl Chunk {
    /// Records in the chunk.
    pub fn len(&self) -> usize {
        match &self.body {
            ChunkBody::Json { items, .. } => items.len(),
            ChunkBody::Csv { rows, .. } => rows.len(),
        }
    }

    /// Whether the chunk has no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position (line or element number) of record `i`.
    pub fn position(&self, i: usize) -> u64 {
        match &self.body {
            ChunkBody::Json { items, .. } => items[i].position,
            ChunkBody::Csv { rows, .. } => rows[i].0,
        }
    }

    /// Where record `i` was, for people: `line 17`, or
    /// `topic calls partition 2 offset 1234`.
    pub fn location(&self, i: usize) -> String {
        match self.origins.get(i) {
            Some(o) => format!(
                "topic {} partition {} offset {}",
                o.topic, o.partition, o.offset
            ),
            None => format!("{} {}", self.unit, self.position(i)),
        }
    }

    /// The original bytes of record `i` (a CSV row is written back as CSV).
    pub fn raw(&self, i: usize) -> Cow<'_, [u8]> {
        match &self.body {
            ChunkBody::Json { buf, items } => {
                let item = items[i];
                Cow::Borrowed(&buf[item.start as usize..item.end as usize])
            }
            ChunkBody::Csv { rows, .. } => {
                let mut writer = csv::WriterBuilder::new()
                    .terminator(csv::Terminator::Any(b'\n'))
                    .from_writer(Vec::new());
                // Writing to memory cannot fail.
                let _ = writer.write_byte_record(&rows[i].1);
                let mut bytes = writer.into_inner().unwrap_or_default();
                if bytes.last() == Some(&b'\n') {
                    bytes.pop();
                }
                Cow::Owned(bytes)
            }
        }
    }
}

/// Splits a buffer of JSON Lines into items, skipping blank lines.
/// `first_line` is the line number of the buffer's first line.
pub(crate) fn split_lines(buf: &[u8], first_line: u64) -> (Vec<Item>, u64) {
    let mut items = Vec::with_capacity(buf.len() / 200 + 1);
    let mut line = first_line;
    let mut start = 0usize;
    for end in memchr::memchr_iter(b'\n', buf).chain(std::iter::once(buf.len())) {
        if start > buf.len() {
            break;
        }
        let mut slice_end = end;
        if slice_end > start && buf[slice_end - 1] == b'\r' {
            slice_end -= 1;
        }
        if buf[start..slice_end]
            .iter()
            .any(|b| !b.is_ascii_whitespace())
        {
            items.push(Item {
                start: start as u32,
                end: slice_end as u32,
                position: line,
            });
        }
        if end < buf.len() {
            line += 1;
        }
        start = end + 1;
    }
    (items, line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blanks_and_keep_numbers() {
        let buf = b"{\"a\":1}\n\n  \n{\"b\":2}\r\n{\"c\":3}";
        let (items, last) = split_lines(buf, 10);
        let texts: Vec<&[u8]> = items
            .iter()
            .map(|i| &buf[i.start as usize..i.end as usize])
            .collect();
        assert_eq!(texts, vec![&b"{\"a\":1}"[..], b"{\"b\":2}", b"{\"c\":3}"]);
        assert_eq!(
            items.iter().map(|i| i.position).collect::<Vec<_>>(),
            vec![10, 13, 14]
        );
        assert_eq!(last, 14);
    }

    #[test]
    fn a_trailing_newline_ends_the_last_line() {
        let (items, _) = split_lines(b"x\ny\n", 1);
        assert_eq!(items.len(), 2);
    }
}
