//! The rejects output: every record turned away, with its reason, where it
//! was, and its original bytes.

use base64::Engine;
use serde::Serialize;

use crate::record::Rejection;
use crate::sinks::{LineSink, SinkError};
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
    sink: &mut dyn LineSink,
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
        location: format!("{} {}", chunk.unit, chunk.position(item)),
        raw: text,
        raw_base64: match text {
            Some(_) => None,
            None => Some(base64::engine::general_purpose::STANDARD.encode(&bytes)),
        },
    };
    // A struct of strings always serialises.
    sink.write_line(&serde_json::to_string(&entry).unwrap_or_default())
}
