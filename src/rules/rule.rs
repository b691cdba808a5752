//! A loaded rule: its header and its query.

use std::path::PathBuf;
use std::sync::Arc;

use crate::windowing::WindowSpec;

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
    /// What it catches, why, and what benign traffic resembles it.
    pub description: String,
    /// The file it came from.
    pub path: PathBuf,
    /// The whole file: DataFusion's parser skips the `--` header, so its
    /// line numbers are the file's.
    pub sql: String,
    /// The line the query starts on, for errors without a position.
    pub query_line: usize,
}
