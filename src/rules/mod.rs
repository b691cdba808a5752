//! Analyst rules: one SQL query per file, evaluated by DataFusion over the
//! rows of each closed window.
//!
//! A rule file is a header of `--` directives (name, window, score, action,
//! description) followed by one query. Inside the query the tables `calls`,
//! `sms` and `records` hold exactly the window's rows, with `window_start` and
//! `window_end` as constant columns (as in Flink's windowing table functions),
//! and the pipeline's reference tables can be joined. The query returns a
//! `number` column, an optional `score`, and any other columns as evidence.
//!
//! Rules are planned once, at load time, against the record schema: a broken
//! rule is found before any data flows, and every broken rule is reported at
//! once with its file and line. The physical plan is kept: its scans read the
//! rows of whichever window is current when it runs, so each window only
//! resets and re-executes it. CTEs a query references more than once are
//! split off as stages, computed once per window (see `stages`); a stage
//! that only counts, adds up and averages per key over one window table is
//! kept up to date pane by pane instead (see `incremental`). A join from
//! such derived rows back to a window table reads only the window rows whose
//! key can match (see `prefilter`).

mod contacts;
mod engine;
mod env;
mod error;
mod evidence;
pub mod functions;
mod header;
mod incremental;
mod loader;
mod pane_filter;
mod prefilter;
mod rule;
mod scan;
mod stages;
mod tables;
#[cfg(test)]
mod testing;
mod window_rows;

pub use engine::{
    NUMBER_COLUMN, RuleEngine, RuleHit, RuleRun, SCOPE_COLUMN, SCORE_COLUMN, WindowResult,
    hits_from_batches,
};
pub use env::{RuleEnv, shipped_tables};
pub use error::{RuleError, RuleErrors};
pub use loader::{RuleSource, load_rules, parse_rule};
pub use rule::{Action, Rule, Scope};
pub use tables::{RefTable, WINDOW_END, WINDOW_START, WindowTables, window_schema};
