//! The rejects output: every record turned away, with its reason, where it
//! was, and its original bytes. A file gets one JSON line per record; a
//! dead-letter topic gets the original bytes as the value and the rest as
//! headers.

use base64::Engine;
use serde::Serialize;

use crate::record::Rejection;
use crate::sinks::{Message, Sink, SinkError};
use crate::sources::Chunk;

/// One line of the rejects file.
#[derive(Debug, Serialize)]
struct RejectEntry<'a> {
    reason: &'static str,
    error: &'a str,
    source: &'a str,
    /// `line 17` or `element 3`.
    location: String,
    /// The original record, when it is UTF-8 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    raw: Option<&'a str>,
    /// The original record, base64, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    raw_base64: Option<String>,
}

/// Writes the rejection of record `item` of `chunk`.
pub(crate) fn write_reject(
    sink: &mut dyn Sink,
    source: &str,
    chunk: &Chunk,
    item: usize,
    rejection: &Rejection,
) -> Result<(), SinkError> {
    let bytes = chunk.raw(item);
    let text = std::str::from_utf8(&bytes).ok();
    let entry = RejectEntry {
        reason: rejection.reason.as_str(),
        error: &rejection.message,
        source,
        location: chunk.location(item),
        raw: text,
        raw_base64: match text {
            Some(_) => None,
            None => Some(base64::engine::general_purpose::STANDARD.encode(&bytes)),
        },
    };
    // A struct of strings always serialises.
    let line = serde_json::to_string(&entry).unwrap_or_default();
    let origin = chunk.origins.get(item);
    let (partition, offset) = origin.map_or((String::new(), String::new()), |o| {
        (o.partition.to_string(), o.offset.to_string())
    });
    let mut headers = vec![
        ("reason", entry.reason),
        ("error", entry.error),
        ("source", entry.source),
        ("location", entry.location.as_str()),
    ];
    if let Some(o) = origin {
        headers.extend([
            ("source_topic", &*o.topic),
            ("source_partition", partition.as_str()),
            ("source_offset", offset.as_str()),
        ]);
    }
    sink.send(&Message {
        line: &line,
        key: None,
        value: Some(&bytes),
        tombstone: false,
        headers: &headers,
    })
}
