//! Pane storage: the rows of each slice of event time, split by kind.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use arrow::compute::concat_batches;
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;

use super::PaneMemo;
use crate::record::Kind;

/// The rows of one pane.
#[derive(Debug, Clone)]
pub(crate) struct Pane {
    /// Unique in the process: a pane rebuilt after a reset is a new pane,
    /// even with the same start (see [`PaneSpan::id`](super::PaneSpan)).
    pub(crate) id: u64,
    /// What rules derive from the pane's rows once it is complete.
    pub(crate) memo: PaneMemo,
    pub(crate) calls: Vec<RecordBatch>,
    pub(crate) sms: Vec<RecordBatch>,
    pub(crate) rows: usize,
}

/// Panes by start time.
#[derive(Debug, Default)]
pub(crate) struct PaneStore {
    panes: BTreeMap<i64, Pane>,
    rows: usize,
    /// Panes starting before this are sealed: one batch per kind.
    sealed_before: Option<i64>,
}

impl Pane {
    fn new() -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        Pane {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            memo: PaneMemo::default(),
            calls: Vec::new(),
            sms: Vec::new(),
            rows: 0,
        }
    }
}

impl PaneStore {
    pub(crate) fn insert(&mut self, pane_start: i64, kind: Kind, batch: RecordBatch) {
        let pane = self.panes.entry(pane_start).or_insert_with(Pane::new);
        pane.rows += batch.num_rows();
        self.rows += batch.num_rows();
        match kind {
            Kind::Call => pane.calls.push(batch),
            Kind::Sms => pane.sms.push(batch),
        }
    }

    /// Merges the batches of every pane that starts before `before` and can
    /// get no more rows into one batch per kind. A sealed pane is read by
    /// every window that holds it (twelve times for `1h every 5m`), and one
    /// large batch is cheaper to read than many small ones.
    pub(crate) fn seal_before(&mut self, before: i64) -> Result<(), ArrowError> {
        let from = self.sealed_before.unwrap_or(i64::MIN);
        if before <= from {
            return Ok(());
        }
        for (_, pane) in self.panes.range_mut(from..before) {
            merge(&mut pane.calls)?;
            merge(&mut pane.sms)?;
        }
        self.sealed_before = Some(before);
        Ok(())
    }

    /// The panes whose start lies in `range`, in time order, with their start.
    pub(crate) fn in_range(&self, range: Range<i64>) -> impl Iterator<Item = (i64, &Pane)> {
        self.panes.range(range).map(|(&start, pane)| (start, pane))
    }

    /// Drops every pane that starts before `start`.
    pub(crate) fn evict_before(&mut self, start: i64) {
        let kept = self.panes.split_off(&start);
        let dropped = std::mem::replace(&mut self.panes, kept);
        self.rows -= dropped.values().map(|p| p.rows).sum::<usize>();
    }

    /// The start of the last pane, if any.
    pub(crate) fn last_start(&self) -> Option<i64> {
        self.panes.keys().next_back().copied()
    }

    /// The start of the first pane, if any.
    pub(crate) fn first_start(&self) -> Option<i64> {
        self.panes.keys().next().copied()
    }

    /// Rows held in all panes.
    pub(crate) fn rows(&self) -> usize {
        self.rows
    }

    /// Number of panes held.
    pub(crate) fn len(&self) -> usize {
        self.panes.len()
    }
}

/// Replaces `batches` by their concatenation.
fn merge(batches: &mut Vec<RecordBatch>) -> Result<(), ArrowError> {
    if batches.len() > 1 {
        let merged = concat_batches(&batches[0].schema(), batches.iter())?;
        *batches = vec![merged];
    }
    Ok(())
}
