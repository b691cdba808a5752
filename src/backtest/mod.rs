//! Backtesting: the pipeline run over labelled history and scored, rule by
//! rule, before a rule goes live.
//!
//! ```text
//!  records ──▶ pipeline (every rule, shadow rules too) ──▶ hits per rule ──┐
//!     │                                          └──▶ block-list ─────────┼─▶ Report ─▶ table, HTML
//!     └──▶ first record of each labelled number ──────────────────────────┘
//!  labels (what `gen` writes: fraud numbers with class, benign look-alikes)
//! ```
//!
//! A rule's precision counts the distinct numbers it flagged that are
//! labelled fraud; recall is per fraud class, of the block-list as a whole;
//! time to detect runs in event time from a fraudster's first record to its
//! first block. Shadow rules (`-- mode: shadow`) are scored like the others
//! but never block, so the same report judges a rule before it acts.

mod html;
mod quality;
mod report;
mod runner;

pub use html::render_html;
pub use quality::{Quality, blocked_numbers};
pub use report::{ClassRecall, QualityBar, Report, RuleQuality};
pub use runner::run_backtest;
