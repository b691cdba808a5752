//! The tables a rule queries: the window's rows (`calls`, `sms`, `records`)
//! and the pipeline's reference tables.
//!
//! The window tables are DataFusion table providers whose rows are swapped
//! before each window is evaluated; their scans read the rows when they run,
//! so a rule's plan is built once and re-executed. `window_start` and
//! `window_end` are materialised only when a query uses them (DataFusion
//! pushes the projection down to the scan).

use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, RwLock};

use arrow::array::{ArrayRef, TimestampMillisecondArray};
use arrow::datatypes::{Field, Schema, SchemaRef};
use arrow::record_batch::RecordBatch;
use datafusion::error::Result as DfResult;

use arrow::array::UInt32Array;
use arrow::compute::take_record_batch;

use super::prefilter::{HashFilter, column_hashes};
use super::scan::{NOMINAL_WINDOW_ROWS, SlotTable};
use crate::record::{record_schema, timestamp_type};
use crate::windowing::{ClosedWindow, PaneMemo, PaneSpan};

/// Name of the window-start column of the window tables.
pub const WINDOW_START: &str = "window_start";
/// Name of the window-end column of the window tables.
pub const WINDOW_END: &str = "window_end";

/// A CSV file registered as a table that rules can join (allow-lists,
/// prefix lists, device-type lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefTable {
    /// The table name in SQL.
    pub name: String,
    /// The CSV file, with a header row.
    pub path: PathBuf,
    /// The CSV text, for tables built into the binary (then `path` only names it).
    pub contents: Option<&'static str>,
}

impl RefTable {
    /// A table read from a CSV file.
    pub fn file(name: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        RefTable {
            name: name.into(),
            path: path.into(),
            contents: None,
        }
    }

    /// The table's CSV text.
    pub fn text(&self) -> std::io::Result<String> {
        match self.contents {
            Some(text) => Ok(text.to_owned()),
            None => std::fs::read_to_string(&self.path),
        }
    }
}

static WINDOW_SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    let mut fields: Vec<Field> = record_schema()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    fields.push(Field::new(WINDOW_START, timestamp_type(), false));
    fields.push(Field::new(WINDOW_END, timestamp_type(), false));
    Arc::new(Schema::new(fields))
});

/// The schema of `calls`, `sms` and `records`: the record schema plus the
/// window bounds.
pub fn window_schema() -> SchemaRef {
    WINDOW_SCHEMA.clone()
}

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

/// Where a scan gets its rows when it runs.
pub(crate) trait RowSource: std::fmt::Debug + Send + Sync {
    /// The current rows, projected to `columns` (giving `schema`).
    fn rows(&self, columns: &[usize], schema: &SchemaRef) -> DfResult<Vec<RecordBatch>>;

    /// Whether [`Self::rows_matching`] can pick rows (the window tables).
    fn filters_by_key(&self) -> bool {
        false
    }

    /// The current rows whose text column `key` may hold a key of
    /// `filter`, in their order, projected like [`Self::rows`]; `None` when
    /// this source cannot tell (the caller then reads every row).
    fn rows_matching(
        &self,
        _columns: &[usize],
        _schema: &SchemaRef,
        _key: usize,
        _filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        None
    }
}

/// The rows of the current window, shared by a table and its scans.
#[derive(Debug, Default, Clone)]
pub(crate) struct WindowSlot(Arc<RwLock<Arc<WindowRows>>>);

impl RowSource for WindowSlot {
    fn rows(&self, columns: &[usize], schema: &SchemaRef) -> DfResult<Vec<RecordBatch>> {
        self.projected(columns, schema)
    }

    fn filters_by_key(&self) -> bool {
        true
    }

    fn rows_matching(
        &self,
        columns: &[usize],
        schema: &SchemaRef,
        key: usize,
        filter: &HashFilter,
    ) -> Option<DfResult<Vec<RecordBatch>>> {
        let rows = self.0.read().unwrap_or_else(|e| e.into_inner()).clone();
        let covered: usize = rows
            .panes
            .iter()
            .flat_map(|p| &p.parts)
            .map(|(_, batches)| batches.len())
            .sum();
        let window_rows: usize = rows.batches.iter().map(RecordBatch::num_rows).sum();
        // With keys for a good share of the rows, picking them out costs
        // more than the join saves.
        if covered != rows.batches.len() || filter.keys() * MIN_ROWS_PER_KEY > window_rows {
            return None;
        }
        let mut out = Vec::new();
        for pane in &rows.panes {
            for (kind, range) in &pane.parts {
                let batches = &rows.batches[range.clone()];
                let count: usize = batches.iter().map(RecordBatch::num_rows).sum();
                let hashes = pane
                    .memo
                    .get_or_insert_with(&format!("key-hashes/{kind}/{key}/{count}"), || {
                        column_hashes(batches, key)
                    });
                let hashes = hashes.as_ref().as_ref()?;
                if let Err(e) = pick(batches, hashes, filter, |batch, picks| {
                    let projected = project(batch, columns, schema, &rows)?;
                    out.push(take_record_batch(&projected, &UInt32Array::from(picks))?);
                    Ok(())
                }) {
                    return Some(Err(e));
                }
            }
        }
        Some(Ok(out))
    }
}

/// A join's build side must have fewer keys than the window has rows over
/// this for [`RowSource::rows_matching`] to pick rows.
const MIN_ROWS_PER_KEY: usize = 4;

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

impl WindowSlot {
    pub(crate) fn set(&self, start_ms: i64, end_ms: i64, batches: Vec<RecordBatch>) {
        self.set_panes(start_ms, end_ms, batches, Vec::new());
    }

    fn set_panes(
        &self,
        start_ms: i64,
        end_ms: i64,
        batches: Vec<RecordBatch>,
        panes: Vec<TablePane>,
    ) {
        let rows = Arc::new(WindowRows {
            start_ms,
            end_ms,
            batches,
            panes,
        });
        // A poisoned lock only means another evaluation panicked; the data
        // is replaced wholesale, so it is safe to go on.
        *self.0.write().unwrap_or_else(|e| e.into_inner()) = rows;
    }

    /// The current rows, projected to `columns` of the window schema.
    pub(crate) fn projected(
        &self,
        columns: &[usize],
        schema: &SchemaRef,
    ) -> DfResult<Vec<RecordBatch>> {
        let rows = self.0.read().unwrap_or_else(|e| e.into_inner()).clone();
        rows.batches
            .iter()
            .map(|batch| project(batch, columns, schema, &rows))
            .collect()
    }
}

/// One window table; its rows are replaced for every window.
pub(crate) type WindowTable = SlotTable<WindowSlot>;

fn window_table(name: &str) -> WindowTable {
    SlotTable::new(
        name.to_owned(),
        window_schema(),
        NOMINAL_WINDOW_ROWS,
        WindowSlot::default(),
    )
}

/// Picks the projected columns of a record batch, building the constant
/// window-bound columns when they are asked for.
fn project(
    batch: &RecordBatch,
    columns: &[usize],
    schema: &SchemaRef,
    rows: &WindowRows,
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
            Some(0) => constant(rows.start_ms),
            Some(_) => constant(rows.end_ms),
        })
        .collect();
    let options = arrow::record_batch::RecordBatchOptions::new().with_row_count(Some(n));
    Ok(RecordBatch::try_new_with_options(
        schema.clone(),
        arrays,
        &options,
    )?)
}

/// The three window tables, registered once in the rule session.
#[derive(Debug, Clone)]
pub struct WindowTables {
    pub(crate) calls: Arc<WindowTable>,
    pub(crate) sms: Arc<WindowTable>,
    pub(crate) records: Arc<WindowTable>,
}

impl Default for WindowTables {
    fn default() -> Self {
        WindowTables {
            calls: Arc::new(window_table("calls")),
            sms: Arc::new(window_table("sms")),
            records: Arc::new(window_table("records")),
        }
    }
}

impl WindowTables {
    /// Makes the tables hold exactly the rows of `window`.
    pub fn set(&self, window: &ClosedWindow) {
        let (start, end) = (window.start_ms, window.end_ms);
        let first_sms = window.calls.len();
        let panes = |parts: &dyn Fn(&PaneSpan) -> Vec<PanePart>| {
            window
                .panes
                .iter()
                .map(|span| TablePane {
                    memo: span.memo.clone(),
                    parts: parts(span),
                })
                .collect()
        };
        let calls = panes(&|span| vec![("calls", span.calls.clone())]);
        let sms = panes(&|span| vec![("sms", span.sms.clone())]);
        let records = panes(&|span| {
            let sms = span.sms.start + first_sms..span.sms.end + first_sms;
            vec![("calls", span.calls.clone()), ("sms", sms)]
        });
        let slot =
            |table: &WindowTable, batches, panes| table.slot.set_panes(start, end, batches, panes);
        slot(&self.calls, window.calls.clone(), calls);
        slot(&self.sms, window.sms.clone(), sms);
        let all = window.calls.iter().chain(&window.sms).cloned().collect();
        slot(&self.records, all, records);
    }

    /// Empties the tables, so no window's rows outlive its evaluation.
    pub fn clear(&self) {
        for table in [&self.calls, &self.sms, &self.records] {
            table.slot.set(0, 0, Vec::new());
        }
    }
}
