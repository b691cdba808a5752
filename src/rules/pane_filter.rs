//! A rule's `WHERE` over a window table, evaluated once per pane.
//!
//! `SELECT … FROM calls WHERE route = 'international' AND is_national(caller)`
//! runs in every window that holds a pane: twelve times over for a
//! `1h every 5m` window. After planning, a filter that reads a window scan
//! directly is replaced by a [`PaneFilterScanExec`]. It evaluates the
//! predicate over a pane's rows once, keeps which rows passed (a bit per
//! row) in the pane's memo, and in every window passes on the rows that
//! passed, projected as the filter projected them. Its output is the
//! filter's, row for row.
//!
//! This applies when the predicate depends on the row alone: it reads no
//! window bound (`window_start`, `window_end`) and calls no volatile
//! function (`random()`), and the filter has no row limit. A filter over a
//! scan that [`prefilter`](super::prefilter) already narrowed to a join's
//! keys is left as it is.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arrow::array::{Array, AsArray, BooleanArray, RecordBatch};
use arrow::compute::filter_record_batch;
use datafusion::common::Statistics;
use datafusion::common::tree_node::{Transformed, TreeNode};
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::physical_expr::PhysicalExpr;
use datafusion::physical_expr::utils::collect_columns;
use datafusion::physical_expr_common::physical_expr::is_volatile;
use datafusion::physical_plan::coop::CooperativeExec;
use datafusion::physical_plan::filter::FilterExec;
use datafusion::physical_plan::memory::MemoryStream;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, ExecutionPlan, PlanProperties, StatisticsArgs,
};

use super::scan::{WindowScanExec, leaf_plan_methods};
use super::tables::{WINDOW_END, WINDOW_START};

/// Numbers the filters replaced in this process.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// Replaces every filter over a window scan whose predicate depends on
/// the row alone by a [`PaneFilterScanExec`] (see the module
/// documentation).
pub(crate) fn filter_panes_once(plan: Arc<dyn ExecutionPlan>) -> DfResult<Arc<dyn ExecutionPlan>> {
    plan.transform_up(|node| {
        let Some(filter) = node.downcast_ref::<FilterExec>() else {
            return Ok(Transformed::no(node));
        };
        // DataFusion wraps leaves in a `CooperativeExec`, which yields to
        // the runtime now and then; the replacement keeps it.
        let cooperative = filter.input().downcast_ref::<CooperativeExec>();
        let leaf = cooperative.map_or(filter.input(), |c| c.input());
        let Some(scan) = leaf.downcast_ref::<WindowScanExec>() else {
            return Ok(Transformed::no(node));
        };
        let predicate = filter.predicate();
        let row_alone = !is_volatile(predicate)
            && collect_columns(predicate)
                .iter()
                .all(|c| c.name() != WINDOW_START && c.name() != WINDOW_END);
        if !row_alone || filter.fetch().is_some() || !scan.source().filters_by_key() {
            return Ok(Transformed::no(node));
        }
        let exec = PaneFilterScanExec {
            scan: Arc::new(scan.clone()),
            predicate: Arc::clone(predicate),
            projection: filter.projection().as_ref().map(|p| p.to_vec()),
            properties: Arc::clone(filter.properties()),
            memo_name: format!("pane-filter/{}", NEXT_ID.fetch_add(1, Ordering::Relaxed)),
        };
        let exec: Arc<dyn ExecutionPlan> = Arc::new(exec);
        Ok(Transformed::yes(match cooperative {
            Some(_) => Arc::new(CooperativeExec::new(exec)),
            None => exec,
        }))
    })
    .map(|t| t.data)
}

/// A window scan and the filter over it, the filter's verdicts kept per
/// pane (see the module documentation).
#[derive(Debug)]
pub(crate) struct PaneFilterScanExec {
    scan: Arc<WindowScanExec>,
    predicate: Arc<dyn PhysicalExpr>,
    /// The filter's output columns, of the scan's.
    projection: Option<Vec<usize>>,
    /// The filter's.
    properties: Arc<PlanProperties>,
    /// Names the verdicts in a pane's memo: unique to this filter of this
    /// plan, which every window's run of the plan shares.
    memo_name: String,
}

impl PaneFilterScanExec {
    /// Which rows of `batch` (scanned columns) pass, nulls as failing.
    fn verdicts(&self, batch: &RecordBatch) -> DfResult<BooleanArray> {
        let values = self
            .predicate
            .evaluate(batch)?
            .into_array(batch.num_rows())?;
        let verdicts = values.as_boolean_opt().ok_or_else(|| {
            DataFusionError::Internal(format!(
                "a filter predicate gave {}, not booleans (this is a bug)",
                values.data_type()
            ))
        })?;
        Ok(if verdicts.null_count() > 0 {
            arrow::compute::prep_null_mask_filter(verdicts)
        } else {
            verdicts.clone()
        })
    }

    /// The rows that pass, in order, with the filter's projection.
    fn rows(&self, context: &TaskContext) -> DfResult<Vec<RecordBatch>> {
        let (source, columns, schema) =
            (self.scan.source(), self.scan.columns(), self.scan.schema());
        let verdicts = |batch: &RecordBatch| self.verdicts(batch);
        let passed =
            match source.rows_passing(context, columns, &schema, &self.memo_name, &verdicts) {
                Some(passed) => passed?,
                None => source
                    .rows(context, columns, &schema)?
                    .iter()
                    .map(|batch| Ok(filter_record_batch(batch, &self.verdicts(batch)?)?))
                    .collect::<DfResult<_>>()?,
            };
        passed
            .into_iter()
            .filter(|batch| batch.num_rows() > 0)
            .map(|batch| match &self.projection {
                Some(p) => Ok(batch.project(p)?),
                None => Ok(batch),
            })
            .collect()
    }
}

impl DisplayAs for PaneFilterScanExec {
    fn fmt_as(&self, t: DisplayFormatType, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PaneFilter: {}, projection={:?}, over ",
            self.predicate, self.projection
        )?;
        self.scan.fmt_as(t, f)
    }
}

impl ExecutionPlan for PaneFilterScanExec {
    fn name(&self) -> &'static str {
        "PaneFilterScanExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.properties
    }

    leaf_plan_methods!();

    fn statistics_from_inputs(
        &self,
        _input_stats: &[Arc<Statistics>],
        _args: &StatisticsArgs,
    ) -> DfResult<Arc<Statistics>> {
        Ok(Arc::new(Statistics::new_unknown(&self.schema())))
    }

    fn execute(
        &self,
        _partition: usize,
        context: Arc<TaskContext>,
    ) -> DfResult<SendableRecordBatchStream> {
        let batches = self.rows(&context)?;
        Ok(Box::pin(MemoryStream::try_new(
            batches,
            self.schema(),
            None,
        )?))
    }
}

#[cfg(test)]
mod tests;
