//! The leaf of every rule plan: a scan that reads the window's rows when it
//! is executed, not when it is planned.
//!
//! Because the rows are bound at execution time, a rule's physical plan is
//! built once at load time and re-executed for every window (after
//! [`reset_plan_states`](datafusion::physical_plan::execution_plan::reset_plan_states)
//! clears operator state such as a hash join's build side). Physical planning
//! was the largest fixed cost of evaluating a window.

use std::fmt;
use std::sync::Arc;

use arrow::datatypes::SchemaRef;
use datafusion::common::Statistics;
use datafusion::common::stats::Precision;
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::error::Result as DfResult;
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::physical_expr::{EquivalenceProperties, PhysicalExpr};
use datafusion::physical_plan::execution_plan::{
    Boundedness, EmissionType, ReplaceChildrenOptions,
};
use datafusion::physical_plan::memory::MemoryStream;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, ExecutionPlan, Partitioning, PlanProperties, StatisticsArgs,
};

use super::tables::RowSource;

/// The row count the planner assumes for a window table.
pub(crate) const NOMINAL_WINDOW_ROWS: usize = 1_000_000;

/// Scans the current rows of one window table (or of a rule's stage),
/// projected.
#[derive(Debug)]
pub(crate) struct WindowScanExec {
    source: Arc<dyn RowSource>,
    name: String,
    columns: Vec<usize>,
    nominal_rows: usize,
    properties: Arc<PlanProperties>,
}

/// The scan of `source` for a table of `schema`, projected to `projection`
/// (every column when `None`).
pub(crate) fn projected_scan(
    source: Arc<dyn RowSource>,
    name: String,
    schema: &SchemaRef,
    projection: Option<&Vec<usize>>,
    nominal_rows: usize,
) -> DfResult<Arc<dyn ExecutionPlan>> {
    let columns: Vec<usize> = match projection {
        Some(p) => p.clone(),
        None => (0..schema.fields().len()).collect(),
    };
    let projected = Arc::new(schema.project(&columns)?);
    Ok(Arc::new(WindowScanExec::new(
        source,
        name,
        columns,
        projected,
        nominal_rows,
    )))
}

impl WindowScanExec {
    /// A scan of `columns` of `source`, which the planner takes to hold
    /// about `nominal_rows` rows.
    pub(crate) fn new(
        source: Arc<dyn RowSource>,
        name: String,
        columns: Vec<usize>,
        schema: SchemaRef,
        nominal_rows: usize,
    ) -> Self {
        let properties = PlanProperties::new(
            EquivalenceProperties::new(schema),
            Partitioning::UnknownPartitioning(1),
            EmissionType::Incremental,
            Boundedness::Bounded,
        );
        WindowScanExec {
            source,
            name,
            columns,
            nominal_rows,
            properties: Arc::new(properties),
        }
    }
}

impl DisplayAs for WindowScanExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WindowScanExec: table={}, columns={:?}",
            self.name, self.columns
        )
    }
}

impl ExecutionPlan for WindowScanExec {
    fn name(&self) -> &'static str {
        "WindowScanExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.properties
    }

    fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
        Vec::new()
    }

    fn apply_expressions(
        &self,
        _f: &mut dyn FnMut(&Arc<dyn PhysicalExpr>) -> DfResult<TreeNodeRecursion>,
    ) -> DfResult<TreeNodeRecursion> {
        Ok(TreeNodeRecursion::Continue)
    }

    fn replace_children(
        self: Arc<Self>,
        _children: Vec<Arc<dyn ExecutionPlan>>,
        _options: ReplaceChildrenOptions,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        Ok(self)
    }

    #[allow(deprecated)]
    fn with_new_children(
        self: Arc<Self>,
        _children: Vec<Arc<dyn ExecutionPlan>>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        Ok(self)
    }

    /// A nominal, inexact row count: the plan is built before any window
    /// exists, and a large estimate for the raw window tables lets
    /// DataFusion build hash joins from the smaller, derived side (an
    /// aggregate or filter over the window is estimated smaller).
    fn statistics_from_inputs(
        &self,
        _input_stats: &[Arc<Statistics>],
        _args: &StatisticsArgs,
    ) -> DfResult<Arc<Statistics>> {
        let mut stats = Statistics::new_unknown(&self.schema());
        stats.num_rows = Precision::Inexact(self.nominal_rows);
        Ok(Arc::new(stats))
    }

    fn execute(
        &self,
        _partition: usize,
        _context: Arc<TaskContext>,
    ) -> DfResult<SendableRecordBatchStream> {
        let batches = self.source.rows(&self.columns, &self.schema())?;
        Ok(Box::pin(MemoryStream::try_new(
            batches,
            self.schema(),
            None,
        )?))
    }
}
