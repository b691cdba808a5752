//! Pane storage: the rows of each slice of event time, split by kind.

use std::collections::BTreeMap;
use std::ops::Range;

use arrow::record_batch::RecordBatch;

use crate::record::Kind;

/// The rows of one pane.
#[derive(Debug, Default, Clone)]
pub(crate) struct Pane {
    pub(crate) calls: Vec<RecordBatch>,
    pub(crate) sms: Vec<RecordBatch>,
    pub(crate) rows: usize,
}

/// Panes by start time.
#[derive(Debug, Default)]
pub(crate) struct PaneStore {
    panes: BTreeMap<i64, Pane>,
    rows: usize,
}

impl PaneStore {
    pub(crate) fn insert(&mut self, pane_start: i64, kind: Kind, batch: RecordBatch) {
        let pane = self.panes.entry(pane_start).or_default();
        pane.rows += batch.num_rows();
        self.rows += batch.num_rows();
        match kind {
            Kind::Call => pane.calls.push(batch),
            Kind::Sms => pane.sms.push(batch),
        }
    }

    /// The panes whose start lies in `range`, in time order.
    pub(crate) fn in_range(&self, range: Range<i64>) -> impl Iterator<Item = &Pane> {
        self.panes.range(range).map(|(_, pane)| pane)
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
