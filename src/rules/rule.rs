//! A loaded rule: its header and its query.

use std::path::PathBuf;
use std::sync::Arc;

use crate::windowing::WindowSpec;

/// Which calls and texts from a number a block of the rule's should stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Everything from the number.
    #[default]
    All,
    /// Only what arrives on international trunks: a rule that judges a
    /// caller ID seen from abroad (a forged national number) says nothing
    /// of the line at home that owns it.
    International,
}

impl Scope {
    /// The header and block-list spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::All => "all",
            Scope::International => "international",
        }
    }

    /// The scope spelled `name` (`all`, `international`), if any.
    pub fn from_name(name: &str) -> Option<Scope> {
        [Scope::All, Scope::International]
            .into_iter()
            .find(|s| s.as_str() == name)
    }
}

/// What a rule's hits may lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Hits count towards blocking the number.
    Block,
    /// Hits only ever produce alerts for analysts.
    Alert,
}

impl Action {
    /// The header spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Block => "block",
            Action::Alert => "alert",
        }
    }
}

/// One analyst rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique name: `[a-z0-9_]+`, used in outputs and metric labels.
    pub name: Arc<str>,
    /// The windows it is evaluated over.
    pub window: WindowSpec,
    /// Score of a hit unless the query returns a `score` column.
    pub score: f64,
    /// Whether hits may block.
    pub action: Action,
    /// What its blocks stop.
    pub scope: Scope,
    /// Whether its blocks also bar our subscribers' calls to the number
    /// (`bar_calls_to: yes`): a wangiri number earns from the people who
    /// ring it back, so barring its calls in is not enough.
    pub bar_calls_to: bool,
    /// What it catches, why, and what benign traffic resembles it.
    pub description: String,
    /// Shadow rules are evaluated, counted and backtested but never feed
    /// decisions, so a new rule can be judged on live traffic before it acts.
    pub shadow: bool,
    /// The header's `version`, or a hash of the file (`h` and 8 hex digits),
    /// so every block can be traced to the exact rule text behind it.
    pub version: Arc<str>,
    /// The file it came from.
    pub path: PathBuf,
    /// The whole file: DataFusion's parser skips the `--` header, so its
    /// line numbers are the file's.
    pub sql: String,
    /// The line the query starts on, for errors without a position.
    pub query_line: usize,
}

/// A short, stable hash of a rule file's text (FNV-1a, 32 bits), for rules
/// whose header gives no version.
pub(crate) fn content_version(text: &str) -> String {
    let hash = text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("h{hash:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_versions_are_stable_and_change_with_the_text() {
        assert_eq!(content_version(""), "h811c9dc5");
        assert_eq!(content_version("a"), "he40c292c");
        assert_ne!(content_version("SELECT 1"), content_version("SELECT 2"));
    }
}
