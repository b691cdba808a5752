//! Block-list and alert entries, the engine's output contract.

use chrono::{DateTime, SecondsFormat};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::rules::Scope;

/// Formats epoch milliseconds as RFC 3339 UTC (`2026-11-02T02:00:00Z`).
pub fn format_ts(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        .unwrap_or_else(|| ms.to_string())
}

/// A `block` or `alert` entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// The flagged number, E.164.
    pub number: String,
    /// `block` or `alert`.
    pub action: &'static str,
    /// Combined score, rounded to 4 decimals.
    pub score: f64,
    /// What a block stops (blocks only): `all` calls and texts from the
    /// number, or only those arriving on `international` trunks, when only
    /// rules that judge a caller ID seen from abroad (a forged national
    /// number, whose real owner's line at home is innocent) blocked it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Whether our subscribers' calls to the number must be barred too
    /// (blocks only; left out when not): a wangiri number's money comes
    /// from the people who ring it back.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bar_calls_to: bool,
    /// The rules that hit, sorted.
    pub rules: Vec<String>,
    /// The version of each rule that hit (its header's `version`, or a hash
    /// of its file), so a block can be traced to the exact rule text.
    pub rule_versions: Map<String, Value>,
    /// Start of the window that decided (RFC 3339).
    pub window_start: String,
    /// End of the window that decided (RFC 3339).
    pub window_end: String,
    /// When the decision was made, in event time (the window end).
    pub flagged_at: String,
    /// When the block lapses unless renewed (blocks only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// Per rule, the query's evidence columns.
    pub evidence: Map<String, Value>,
    /// The devices (IMEIs) the number called or texted from in the deciding
    /// window, when devices are followed (blocks only): what an equipment
    /// register needs to bar the handset, and what a restarted engine
    /// watches again.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub devices: Vec<String>,
}

/// An `unblock` entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unblock {
    /// The number that is no longer blocked.
    pub number: String,
    /// Always `unblock`.
    pub action: &'static str,
    /// Why: `expired`.
    pub reason: &'static str,
    /// When, in event time.
    pub at: String,
}

/// One output of the decision stage.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// A new block, or a published renewal of one.
    Block(Entry),
    /// A block lapsed.
    Unblock(Unblock),
    /// An alert for analysts.
    Alert(Entry),
}

impl Decision {
    /// The number concerned.
    pub fn number(&self) -> &str {
        match self {
            Decision::Block(e) | Decision::Alert(e) => &e.number,
            Decision::Unblock(u) => &u.number,
        }
    }

    /// The JSON line of this decision.
    pub fn to_json(&self) -> String {
        let json = match self {
            Decision::Block(e) | Decision::Alert(e) => serde_json::to_string(e),
            Decision::Unblock(u) => serde_json::to_string(u),
        };
        // Serialising plain structs of strings and numbers cannot fail.
        json.unwrap_or_default()
    }
}
