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

use super::tables::WindowSlot;

/// The row count the planner assumes for a window table.
const NOMINAL_WINDOW_ROWS: usize = 1_000_000;

/// Scans the current rows of one window table, projected.
#[derive(Debug)]
pub(crate) struct WindowScanExec {
    slot: WindowSlot,
    name: &'static str,
    columns: Vec<usize>,
    properties: Arc<PlanProperties>,
}

impl WindowScanExec {
    pub(crate) fn new(
        slot: WindowSlot,
        name: &'static str,
        columns: Vec<usize>,
        schema: SchemaRef,
    ) -> Self {
        let properties = PlanProperties::new(
            EquivalenceProperties::new(schema),
            Partitioning::UnknownPartitioning(1),
            EmissionType::Incremental,
            Boundedness::Bounded,
        );
        WindowScanExec {
            slot,
            name,
            columns,
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
        stats.num_rows = Precision::Inexact(NOMINAL_WINDOW_ROWS);
        Ok(Arc::new(stats))
    }

    fn execute(
        &self,
        _partition: usize,
        _context: Arc<TaskContext>,
    ) -> DfResult<SendableRecordBatchStream> {
        let batches = self.slot.projected(&self.columns, &self.schema())?;
        Ok(Box::pin(MemoryStream::try_new(
            batches,
            self.schema(),
            None,
        )?))
    }
}
