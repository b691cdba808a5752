//! Where the scans of a rule plan find their rows when they run.
//!
//! A rule's physical plan is built once and re-executed window after
//! window, so its scans cannot hold rows. The window tables (`calls`, `sms`,
//! `records`) find the rows of the window being evaluated in the query's
//! [`TaskContext`]: the engine binds each window to the context its rules
//! run with ([`WindowBinding`]), so several windows can be evaluated at the
//! same time. A rule's stages are bound the same way, one set per rule and
//! window ([`StageRows`]), so a rule's windows can be evaluated at the same
//! time too; only the panes an incremental stage reduces are refilled in
//! place ([`WindowSlot`]), under the lock that keeps that stage's windows
//! in order.

use std::ops::Range;
use std::sync::{Arc, RwLock};

use arrow::array::{ArrayRef, BooleanArray, TimestampMillisecondArray, UInt32Array};
use arrow::compute::{filter_record_batch, take_record_batch};
use arrow::datatypes::SchemaRef;
use arrow::record_batch::{RecordBatch, RecordBatchOptions};
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::TaskContext;
use datafusion::execution::context::SessionState;

use super::prefilter::{HashFilter, column_hashes};
use super::stages::StageRows;
use crate::windowing::{ClosedWindow, PaneMemo, PaneSpan};

/// Rows of one table for one window, with the window's bounds.
#[derive(Debug, Default)]
pub(crate) struct WindowRows {
    start_ms: i64,
    end_ms: i64,
    batches: Vec<RecordBatch>,
    /// Which batches each pane holds, in order; empty when unknown.
    panes: Vec<TablePane>,
}

/// One pane's share of a window table.
#[derive(Debug)]
struct TablePane {
    memo: PaneMemo,
    parts: Vec<PanePart>,
}

/// The pane's batches of one kind (`calls` or `sms`), as a range of
/// [`WindowRows::batches`].
type PanePart = (&'static str, Range<usize>);

/// A join's build side must have fewer keys than the window has rows over
/// this for [`RowSource::rows_matching`] to pick rows.
const MIN_ROWS_PER_KEY: usize = 4;

/// Where a scan gets its rows when it runs.
pub(crate) trait RowSource: std::fmt::Debug + Send + Sync {
    /// The rows of the query running in `context`, projected to `columns`
    /// (giving `schema`).
    fn rows(
        &self,
        context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
    ) -> DfResult<Vec<RecordBatch>>;

    /// Whether [`Self::rows_matching`] can pick rows (the window tables).
    fn filters_by_key(&self) -> bool {
        false
    }

    /// The rows whose text column `key` may hold a key of `filter`, in
    /// their order, projected like [`Self::rows`]; `None` when this source
    /// cannot tell (the caller then reads every row).
    fn rows_matching(
        &self,
        _context: &TaskContext,
        _columns: &[usize],
        _schema: &SchemaRef,
        _key: usize,
        _filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        None
    }

    /// The rows, projected like [`Self::rows`], that pass a filter whose
    /// verdicts on a batch `verdicts` gives, in their order. The verdicts
    /// on a pane's rows are kept in its memo under `name`, which must say
    /// everything they depend on besides the rows. `None` when this source
    /// has no panes (the caller then filters every row itself).
    fn rows_passing(
        &self,
        _context: &TaskContext,
        _columns: &[usize],
        _schema: &SchemaRef,
        _name: &str,
        _verdicts: &Verdicts<'_>,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        None
    }
}

/// Which rows of a batch pass a filter.
pub(crate) type Verdicts<'a> = dyn Fn(&RecordBatch) -> DfResult<BooleanArray> + 'a;

impl WindowRows {
    /// The rows, projected to `columns` of the window schema.
    fn projected(&self, columns: &[usize], schema: &SchemaRef) -> DfResult<Vec<RecordBatch>> {
        self.batches
            .iter()
            .map(|batch| self.project(batch, columns, schema))
            .collect()
    }

    /// See [`RowSource::rows_matching`]. The rows' key hashes are computed
    /// once per pane (in its memo), however many windows read it.
    fn matching(
        &self,
        columns: &[usize],
        schema: &SchemaRef,
        key: usize,
        filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        let covered = self.covered();
        let window_rows: usize = self.batches.iter().map(RecordBatch::num_rows).sum();
        // With keys for a good share of the rows, picking them out costs
        // more than the join saves.
        if covered != self.batches.len() || filter.keys() * MIN_ROWS_PER_KEY > window_rows {
            return None;
        }
        let mut out = Vec::new();
        for pane in &self.panes {
            for (kind, range) in &pane.parts {
                let batches = &self.batches[range.clone()];
                let count: usize = batches.iter().map(RecordBatch::num_rows).sum();
                let hashes = pane
                    .memo
                    .get_or_insert_with(&format!("key-hashes/{kind}/{key}/{count}"), || {
                        column_hashes(batches, key)
                    });
                let hashes = hashes.as_ref().as_ref()?;
                if let Err(e) = pick(batches, hashes, filter, |batch, picks| {
                    let projected = self.project(batch, columns, schema)?;
                    out.push(take_record_batch(&projected, &UInt32Array::from(picks))?);
                    Ok(())
                }) {
                    return Some(Err(e));
                }
            }
        }
        Some(Ok(out))
    }

    /// See [`RowSource::rows_passing`].
    fn passing(
        &self,
        columns: &[usize],
        schema: &SchemaRef,
        name: &str,
        verdicts: &Verdicts<'_>,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        if self.panes.is_empty() || self.covered() != self.batches.len() {
            return None;
        }
        let mut out = Vec::new();
        for pane in &self.panes {
            for (kind, range) in &pane.parts {
                let batches = &self.batches[range.clone()];
                let projected = batches
                    .iter()
                    .map(|batch| self.project(batch, columns, schema))
                    .collect::<DfResult<Vec<_>>>();
                let projected = match projected {
                    Ok(p) => p,
                    Err(e) => return Some(Err(e)),
                };
                let count: usize = batches.iter().map(RecordBatch::num_rows).sum();
                let kept = pane.memo.get_or_insert_with(
                    &format!("verdicts/{kind}/{count}/{name}"),
                    || -> Result<Vec<BooleanArray>, String> {
                        projected
                            .iter()
                            .map(|batch| verdicts(batch).map_err(|e| e.to_string()))
                            .collect()
                    },
                );
                let kept = match kept.as_ref() {
                    Ok(kept) => kept,
                    Err(e) => return Some(Err(DataFusionError::Execution(e.clone()))),
                };
                for (batch, kept) in projected.iter().zip(kept) {
                    match filter_record_batch(batch, kept) {
                        Ok(passed) => out.push(passed),
                        Err(e) => return Some(Err(e.into())),
                    }
                }
            }
        }
        Some(Ok(out))
    }

    /// How many of the batches the panes account for.
    fn covered(&self) -> usize {
        self.panes
            .iter()
            .flat_map(|p| &p.parts)
            .map(|(_, batches)| batches.len())
            .sum()
    }

    /// Picks the projected columns of a record batch, building the constant
    /// window-bound columns when they are asked for.
    fn project(
        &self,
        batch: &RecordBatch,
        columns: &[usize],
        schema: &SchemaRef,
    ) -> DfResult<RecordBatch> {
        let record_columns = batch.num_columns();
        let n = batch.num_rows();
        let constant = |v: i64| -> ArrayRef {
            Arc::new(TimestampMillisecondArray::from_value(v, n).with_timezone("UTC"))
        };
        let arrays: Vec<ArrayRef> = columns
            .iter()
            .map(|&c| match c.checked_sub(record_columns) {
                None => batch.column(c).clone(),
                Some(0) => constant(self.start_ms),
                Some(_) => constant(self.end_ms),
            })
            .collect();
        let options = RecordBatchOptions::new().with_row_count(Some(n));
        Ok(RecordBatch::try_new_with_options(
            schema.clone(),
            arrays,
            &options,
        )?)
    }
}

/// Calls `found` with each batch's rows whose hash `filter` may contain,
/// for the batches with any; `hashes` are the batches' rows', in order.
fn pick(
    batches: &[RecordBatch],
    hashes: &[u32],
    filter: &HashFilter,
    mut found: impl FnMut(&RecordBatch, Vec<u32>) -> DfResult<()>,
) -> DfResult<()> {
    let mut offset = 0;
    for batch in batches {
        let n = batch.num_rows();
        let picks = filter.positions(&hashes[offset..offset + n]);
        offset += n;
        if !picks.is_empty() {
            found(batch, picks)?;
        }
    }
    Ok(())
}

/// The rows of one window, as its three tables see them. Bound to the
/// [`TaskContext`] of every query evaluated over the window.
#[derive(Debug)]
pub(crate) struct WindowBinding {
    calls: WindowRows,
    sms: WindowRows,
    records: WindowRows,
}

/// Which window table a scan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WindowTableKind {
    Calls,
    Sms,
    Records,
}

impl WindowBinding {
    /// The tables of `window`: its calls, its SMS, and both (calls first).
    pub(crate) fn of(window: &ClosedWindow) -> Self {
        let rows =
            |batches: Vec<RecordBatch>, parts: &dyn Fn(&PaneSpan) -> Vec<PanePart>| WindowRows {
                start_ms: window.start_ms,
                end_ms: window.end_ms,
                batches,
                panes: window
                    .panes
                    .iter()
                    .map(|span| TablePane {
                        memo: span.memo.clone(),
                        parts: parts(span),
                    })
                    .collect(),
            };
        let first_sms = window.calls.len();
        let all = window.calls.iter().chain(&window.sms).cloned().collect();
        WindowBinding {
            calls: rows(window.calls.clone(), &|span| {
                vec![("calls", span.calls.clone())]
            }),
            sms: rows(window.sms.clone(), &|span| vec![("sms", span.sms.clone())]),
            records: rows(all, &|span| {
                let sms = span.sms.start + first_sms..span.sms.end + first_sms;
                vec![("calls", span.calls.clone()), ("sms", sms)]
            }),
        }
    }

    /// A context for one rule's queries over this window in `state`'s
    /// session, with stage rows of its own ([`StageRows`]).
    pub(crate) fn task_context(self: &Arc<Self>, state: &SessionState) -> Arc<TaskContext> {
        let config = state
            .config()
            .clone()
            .with_extension(Arc::clone(self))
            .with_extension(Arc::new(StageRows::default()));
        Arc::new(TaskContext::from(state).with_session_config(config))
    }

    fn table(&self, kind: WindowTableKind) -> &WindowRows {
        match kind {
            WindowTableKind::Calls => &self.calls,
            WindowTableKind::Sms => &self.sms,
            WindowTableKind::Records => &self.records,
        }
    }
}

/// The scans of a window table: they read the window bound to their query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BoundWindow(pub(crate) WindowTableKind);

/// The window bound to the query running in `context`.
fn bound_window(context: &TaskContext) -> DfResult<Arc<WindowBinding>> {
    bound(context, "a window table")
}

/// What the engine bound to the evaluation running in `context` (its
/// window, its stage rows); an internal error names `what` was read
/// outside one.
pub(crate) fn bound<T: Send + Sync + 'static>(
    context: &TaskContext,
    what: &str,
) -> DfResult<Arc<T>> {
    context
        .session_config()
        .get_extension::<T>()
        .ok_or_else(|| {
            DataFusionError::Internal(format!(
                "{what} was read outside a rule evaluation (this is a bug)"
            ))
        })
}

impl RowSource for BoundWindow {
    fn rows(
        &self,
        context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
    ) -> DfResult<Vec<RecordBatch>> {
        bound_window(context)?
            .table(self.0)
            .projected(columns, schema)
    }

    fn filters_by_key(&self) -> bool {
        true
    }

    fn rows_matching(
        &self,
        context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
        key: usize,
        filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        match bound_window(context) {
            Ok(binding) => binding.table(self.0).matching(columns, schema, key, filter),
            Err(e) => Some(Err(e)),
        }
    }

    fn rows_passing(
        &self,
        context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
        name: &str,
        verdicts: &Verdicts<'_>,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        match bound_window(context) {
            Ok(binding) => binding
                .table(self.0)
                .passing(columns, schema, name, verdicts),
            Err(e) => Some(Err(e)),
        }
    }
}

/// Rows its owner refills before each use: the panes an incremental stage
/// reduces one by one.
#[derive(Debug, Default, Clone)]
pub(crate) struct WindowSlot(Arc<RwLock<Arc<WindowRows>>>);

impl WindowSlot {
    /// Makes the slot hold `batches`, of the window from `start_ms` to
    /// `end_ms`.
    pub(crate) fn set(&self, start_ms: i64, end_ms: i64, batches: Vec<RecordBatch>) {
        let rows = Arc::new(WindowRows {
            start_ms,
            end_ms,
            batches,
            panes: Vec::new(),
        });
        // A poisoned lock only means another evaluation panicked; the data
        // is replaced wholesale, so it is safe to go on.
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = rows;
    }

    fn current(&self) -> Arc<WindowRows> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

impl RowSource for WindowSlot {
    fn rows(
        &self,
        _context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
    ) -> DfResult<Vec<RecordBatch>> {
        self.current().projected(columns, schema)
    }

    fn filters_by_key(&self) -> bool {
        true
    }

    fn rows_matching(
        &self,
        _context: &TaskContext,
        columns: &[usize],
        schema: &SchemaRef,
        key: usize,
        filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        self.current().matching(columns, schema, key, filter)
    }
}
