//! Event time, watermarks and windows.
//!
//! Records are assigned to *panes*: consecutive, non-overlapping slices of
//! event time whose length divides every rule's window size and slide. A
//! window of any rule is then a run of whole panes, so one record is stored
//! once however many hopping windows it belongs to, and a window is closed by
//! handing its panes' batches to the rules, without copying rows.
//!
//! Time only moves with the data: the watermark is the highest event time seen
//! minus the allowed lateness. A window closes when the watermark reaches its
//! end. A record whose earliest window has already closed is *late*: it is
//! rejected as a whole (never added to the later windows alone), so every
//! window sees either the record or the rejects file does.
//!
//! A pane holds Arrow batches of raw rows. A closed window says which of its
//! batches each pane holds ([`PaneSpan`]), and a pane's rows no longer
//! change once a window holding it has closed, so what a rule derives from
//! one pane (per-key sums, in `rules::incremental`) serves every later
//! window that holds it.

mod duration;
mod memo;
mod operator;
mod panes;
mod spec;
mod watermark;

pub use duration::{DurationError, format_duration, parse_duration};
pub use memo::PaneMemo;
pub use operator::{ClosedWindow, Inserted, PaneSpan, Part, WindowOperator};
pub use spec::{WindowSpec, WindowSpecError};
pub use watermark::Watermark;
