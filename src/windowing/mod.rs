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
//! Today a pane holds Arrow batches of raw rows. Because a window is a run of
//! panes, a pane can later hold DataFusion partial-aggregate states instead,
//! which long windows at operator scale will need; nothing outside
//! the pane store would change.

mod duration;
mod operator;
mod panes;
mod spec;
mod watermark;

pub use duration::{DurationError, format_duration, parse_duration};
pub use operator::{ClosedWindow, Inserted, PaneSpan, WindowOperator};
pub use spec::{WindowSpec, WindowSpecError};
pub use watermark::Watermark;
