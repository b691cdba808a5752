//! Grouped stages kept up to date pane by pane instead of recomputed over
//! every window.
//!
//! A hopping window (`1h every 5m`) holds each row twelve times, so a
//! stage that groups every call of the window by caller hashes each call
//! twelve times, and that was half of the starter rules' time. Most rules
//! open with such a stage: count, add up and average per number, keep the
//! numbers past a threshold, then look closer at those few.
//!
//! When a stage has that shape ([`shape`]), its *pane query* reduces each
//! pane to per-key sums once, when the first window holding the pane
//! closes; [`sums`] adds a pane's sums in as it enters the window and takes
//! them away as it leaves; and the *final query* computes the stage's
//! columns and `HAVING` from the totals. Only keys that can pass a
//! `count(*) >= n` condition are handed to it. The stage is used this way
//! only if its final query returns exactly the columns, names and types of
//! the stage as written; anything else runs as written.
//!
//! Integer sums are exact. A float sum (`avg(CASE WHEN answered THEN 1.0
//! ELSE 0.0 END)`) is added in another order than a one-shot query adds
//! it, so it can differ in the last bits, as it can between two batchings
//! of the same rows in DataFusion; when a key's rows have all left, its
//! sums are reset to exactly zero.

mod shape;
mod sums;

use std::sync::Arc;

use arrow::compute::concat_batches;
use arrow::datatypes::SchemaRef;
use arrow::record_batch::RecordBatch;
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::TaskContext;
use datafusion::execution::context::SessionContext;
use datafusion::physical_plan::ExecutionPlan;
use tokio::sync::Mutex;

use self::shape::Source;
use self::sums::{PaneSums, pane_key};
use super::engine::run_plan;
use super::scan::{NOMINAL_WINDOW_ROWS, SlotTable};
use super::stages::{Stage, StageRows, StageSlot, stage_table};
use super::tables::window_schema;
use super::window_rows::WindowSlot;
use crate::windowing::{ClosedWindow, PaneSpan};

/// A stage evaluated from per-pane sums.
pub(crate) struct IncrementalStage {
    source: Source,
    /// Reads one pane's rows from `pane_slot`.
    pane_plan: Arc<dyn ExecutionPlan>,
    pane_schema: SchemaRef,
    pane_slot: WindowSlot,
    /// Reads the window's totals from `sums_slot`.
    final_plan: Arc<dyn ExecutionPlan>,
    sums_slot: StageSlot,
    sums: Mutex<PaneSums>,
}

impl IncrementalStage {
    /// Plans `stage` pane by pane, or `None` when its shape does not allow
    /// it or the result would not have the columns of `written`, the
    /// stage's schema as written.
    pub(crate) async fn plan(
        ctx: &SessionContext,
        stage: &Stage,
        written: &SchemaRef,
    ) -> Option<IncrementalStage> {
        let names: Vec<String> = written.fields().iter().map(|f| f.name().clone()).collect();
        let pane_table = format!("{}__pane", stage.table);
        let sums_table = format!("{}__sums", stage.table);
        let state = ctx.state();
        let is_aggregate = |name: &str| {
            state.aggregate_functions().contains_key(name)
                || state.window_functions().contains_key(name)
        };
        let split = shape::split(&stage.sql, &names, &pane_table, &sums_table, is_aggregate)?;
        let pane_slot = WindowSlot::default();
        let table = SlotTable::new(
            pane_table.clone(),
            window_schema(),
            NOMINAL_WINDOW_ROWS,
            pane_slot.clone(),
        );
        ctx.register_table(pane_table, Arc::new(table)).ok()?;
        let frame = ctx.sql(&split.pane_sql).await.ok()?;
        let pane_schema: SchemaRef = Arc::new(frame.schema().as_arrow().clone());
        let pane_plan = frame.create_physical_plan().await.ok()?;
        let sums = PaneSums::new(Arc::clone(&pane_schema), split.keys, split.min_rows).ok()?;
        let sums_slot = StageSlot::default();
        let table = stage_table(sums_table.clone(), Arc::clone(&pane_schema), sums_slot);
        ctx.register_table(sums_table, Arc::new(table)).ok()?;
        let frame = ctx.sql(&split.final_sql).await.ok()?;
        if !same_columns(frame.schema().as_arrow(), written) {
            return None;
        }
        Some(IncrementalStage {
            source: split.source,
            pane_plan,
            pane_schema,
            pane_slot,
            final_plan: frame.create_physical_plan().await.ok()?,
            sums_slot,
            sums: Mutex::new(sums),
        })
    }

    /// The stage's rows for `window`: panes that left are taken away, panes
    /// that entered are reduced and added, then the final query runs.
    pub(crate) async fn run(
        &self,
        context: &Arc<TaskContext>,
        window: &ClosedWindow,
    ) -> DfResult<Vec<RecordBatch>> {
        let mut sums = self.sums.lock().await;
        sums.retain(|pane| window.panes.iter().any(|span| pane_key(span) == pane));
        for span in &window.panes {
            if !sums.holds(pane_key(span)) {
                let batch = self.reduce(context, window, span).await?;
                sums.add(pane_key(span), &batch)?;
            }
        }
        let stage_rows = StageRows::of(context)?;
        stage_rows.set(self.sums_slot, vec![sums.emit()?]);
        let result = run_plan(Arc::clone(context), &self.final_plan).await;
        stage_rows.clear(self.sums_slot);
        result
    }

    /// Runs the pane query over one pane of `window`.
    async fn reduce(
        &self,
        context: &Arc<TaskContext>,
        window: &ClosedWindow,
        span: &PaneSpan,
    ) -> DfResult<RecordBatch> {
        let calls = &window.calls[span.calls.clone()];
        let sms = &window.sms[span.sms.clone()];
        let rows: Vec<RecordBatch> = match self.source {
            Source::Calls => calls.to_vec(),
            Source::Sms => sms.to_vec(),
            Source::Records => calls.iter().chain(sms).cloned().collect(),
        };
        // The window bounds are not read by a pane query (see `shape`).
        self.pane_slot.set(window.start_ms, window.end_ms, rows);
        let batches = run_plan(Arc::clone(context), &self.pane_plan).await;
        self.pane_slot.set(0, 0, Vec::new());
        concat_batches(&self.pane_schema, &batches?).map_err(DataFusionError::from)
    }
}

/// Whether both schemas have the same column names and types, in order.
fn same_columns(a: &arrow::datatypes::Schema, b: &SchemaRef) -> bool {
    a.fields().len() == b.fields().len()
        && a.fields()
            .iter()
            .zip(b.fields())
            .all(|(x, y)| x.name() == y.name() && x.data_type() == y.data_type())
}
