//! Why a record was turned away.

use std::fmt;

/// Why a record was turned away. Also the `reason` label of
/// `scamstream_records_rejected_total`, so the set stays small and fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RejectReason {
    /// Not a JSON object (or not a CSV row) at all.
    Malformed,
    /// Larger than any real CDR or SMS record may be.
    Oversized,
    /// A required field is absent or null.
    MissingField,
    /// `ts` is neither RFC 3339 nor epoch milliseconds, or out of range.
    BadTimestamp,
    /// `caller` or `callee` is not a phone number.
    BadNumber,
    /// The caller ID is withheld (`anonymous`, `restricted`, empty): the
    /// record names nobody a rule could flag or a block-list could name.
    /// Ordinary on a real network, so it is counted apart from bad numbers.
    WithheldCaller,
    /// A field has a value outside the contract (unknown `kind`, negative duration, ...).
    BadValue,
    /// The record arrived after the windows it belongs to had closed.
    Late,
}

impl RejectReason {
    /// Every reason, in label order.
    pub const ALL: [RejectReason; 8] = [
        RejectReason::Malformed,
        RejectReason::Oversized,
        RejectReason::MissingField,
        RejectReason::BadTimestamp,
        RejectReason::BadNumber,
        RejectReason::WithheldCaller,
        RejectReason::BadValue,
        RejectReason::Late,
    ];

    /// The metric label and the `reason` field of a rejects-file entry.
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Malformed => "malformed",
            RejectReason::Oversized => "oversized",
            RejectReason::MissingField => "missing_field",
            RejectReason::BadTimestamp => "bad_timestamp",
            RejectReason::BadNumber => "bad_number",
            RejectReason::WithheldCaller => "withheld_caller",
            RejectReason::BadValue => "bad_value",
            RejectReason::Late => "late",
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A record that was turned away: the reason and a sentence saying what was
/// wrong. Where it came from (source, line, offset) is added by the caller,
/// which knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The reason, for counting.
    pub reason: RejectReason,
    /// What was wrong, naming the field and the value.
    pub message: String,
}

impl Rejection {
    /// A rejection with a message.
    pub fn new(reason: RejectReason, message: impl Into<String>) -> Self {
        Rejection {
            reason,
            message: message.into(),
        }
    }

    pub(crate) fn missing(field: &str) -> Self {
        Rejection::new(
            RejectReason::MissingField,
            format!("required field `{field}` is missing"),
        )
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.reason, self.message)
    }
}
