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
use datafusion::error::Result as DfResult;
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::physical_expr::EquivalenceProperties;
use datafusion::physical_plan::execution_plan::{Boundedness, EmissionType};
use datafusion::physical_plan::memory::MemoryStream;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, ExecutionPlan, Partitioning, PlanProperties, StatisticsArgs,
};

use async_trait::async_trait;
use datafusion::catalog::{Session, TableProvider};
use datafusion::datasource::TableType;
use datafusion::logical_expr::Expr;

use super::window_rows::RowSource;

/// The [`ExecutionPlan`] methods of a plan leaf: no children, no
/// expressions, nothing to replace.
macro_rules! leaf_plan_methods {
    () => {
        fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
            Vec::new()
        }

        fn apply_expressions(
            &self,
            _f: &mut dyn FnMut(
                &Arc<dyn datafusion::physical_expr::PhysicalExpr>,
            ) -> datafusion::error::Result<
                datafusion::common::tree_node::TreeNodeRecursion,
            >,
        ) -> datafusion::error::Result<datafusion::common::tree_node::TreeNodeRecursion> {
            Ok(datafusion::common::tree_node::TreeNodeRecursion::Continue)
        }

        fn replace_children(
            self: Arc<Self>,
            _children: Vec<Arc<dyn ExecutionPlan>>,
            _options: datafusion::physical_plan::execution_plan::ReplaceChildrenOptions,
        ) -> datafusion::error::Result<Arc<dyn ExecutionPlan>> {
            Ok(self)
        }

        #[allow(deprecated)]
        fn with_new_children(
            self: Arc<Self>,
            _children: Vec<Arc<dyn ExecutionPlan>>,
        ) -> datafusion::error::Result<Arc<dyn ExecutionPlan>> {
            Ok(self)
        }
    };
}
pub(crate) use leaf_plan_methods;

/// The row count the planner assumes for a window table.
pub(crate) const NOMINAL_WINDOW_ROWS: usize = 1_000_000;

/// Scans the current rows of one window table (or of a rule's stage),
/// projected.
#[derive(Debug, Clone)]
pub(crate) struct WindowScanExec {
    source: Arc<dyn RowSource>,
    name: String,
    columns: Vec<usize>,
    nominal_rows: usize,
    properties: Arc<PlanProperties>,
}

/// A table whose rows live in a slot that is refilled before each window:
/// the window tables (`calls`, `sms`, `records`) and a rule's stages. Its
/// scans share the slot, not today's rows, so a plan built once reads
/// whatever rows are current when it runs.
#[derive(Debug)]
pub(crate) struct SlotTable<S> {
    name: String,
    schema: SchemaRef,
    nominal_rows: usize,
    /// Where the current rows are.
    pub(crate) slot: S,
}

impl<S> SlotTable<S> {
    /// A table `name` of `schema` over `slot`, which the planner takes to
    /// hold about `nominal_rows` rows.
    pub(crate) fn new(name: String, schema: SchemaRef, nominal_rows: usize, slot: S) -> Self {
        SlotTable {
            name,
            schema,
            nominal_rows,
            slot,
        }
    }
}

#[async_trait]
impl<S: RowSource + Clone + 'static> TableProvider for SlotTable<S> {
    fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    fn table_type(&self) -> TableType {
        TableType::Temporary
    }

    async fn scan(
        &self,
        _state: &dyn Session,
        projection: Option<&Vec<usize>>,
        _filters: &[Expr],
        _limit: Option<usize>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        let columns: Vec<usize> = match projection {
            Some(p) => p.clone(),
            None => (0..self.schema.fields().len()).collect(),
        };
        let projected = Arc::new(self.schema.project(&columns)?);
        Ok(Arc::new(WindowScanExec::new(
            Arc::new(self.slot.clone()),
            self.name.clone(),
            columns,
            projected,
            self.nominal_rows,
        )))
    }
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

impl WindowScanExec {
    /// Where the rows come from.
    pub(crate) fn source(&self) -> &Arc<dyn RowSource> {
        &self.source
    }

    /// The scanned columns, in the table's schema.
    pub(crate) fn columns(&self) -> &[usize] {
        &self.columns
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

    leaf_plan_methods!();

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
        context: Arc<TaskContext>,
    ) -> DfResult<SendableRecordBatchStream> {
        let batches = self.source.rows(&context, &self.columns, &self.schema())?;
        Ok(Box::pin(MemoryStream::try_new(
            batches,
            self.schema(),
            None,
        )?))
    }
}
