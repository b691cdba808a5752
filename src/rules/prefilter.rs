//! Joins back to the window read only the rows that can match.
//!
//! Rules pick a few candidates first, then join them back to the window
//! (`FROM candidates k JOIN calls c ON c.caller = k.number`). DataFusion's
//! hash join builds its table from the candidates and then hashes and
//! probes every row of the window, twelve times over for a `1h every 5m`
//! window, for a few hundred matches. After planning, the probe side's
//! window scan of such a join is replaced by a [`PrefilterScanExec`]. It
//! first runs the join's build side for its keys, and then passes on only
//! the rows whose key's hash is among theirs ([`HashFilter`]). The hashes of
//! a pane's key column are computed once, by the first window that needs
//! them, and kept in the pane's memo for the eleven others.
//!
//! The join itself still runs, over those rows, in their order: a row
//! without a match could only have been dropped, and a hash collision lets
//! a row through that the join then drops. So its result is unchanged.
//! This applies when the build side reads no window table but through
//! such prefiltered scans (a stage, a reference table, the rows of the
//! window another join's keys picked: reading it twice is cheap), the join
//! keeps only probe rows that match (inner, left, left semi, left anti, left
//! mark, right semi: an `IN (SELECT …)` test of window rows), null keys
//! match nothing, and the probe key is a text column of a window table
//! reached through filters and projections.

use std::sync::Arc;

use arrow::array::{AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, SchemaRef};
use datafusion::common::tree_node::{Transformed, TreeNode, TreeNodeRecursion};
use datafusion::common::{JoinType, NullEquality, Statistics};
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::physical_expr::PhysicalExpr;
use datafusion::physical_expr::expressions::Column;
use datafusion::physical_plan::coop::CooperativeExec;
use datafusion::physical_plan::execution_plan::{replace_children_if_necessary, reset_plan_states};
use datafusion::physical_plan::filter::FilterExec;
use datafusion::physical_plan::joins::HashJoinExec;
use datafusion::physical_plan::projection::ProjectionExec;
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::{
    DisplayAs, DisplayFormatType, ExecutionPlan, PlanProperties, StatisticsArgs, collect,
};
use futures::{StreamExt, TryStreamExt};

use super::scan::{WindowScanExec, leaf_plan_methods};

/// Fixed seeds, so the hashes kept with a pane and those of a join's keys
/// are comparable in every window.
const KEY_HASHER: ahash::RandomState = ahash::RandomState::with_seeds(
    0x5ca3_5713_ea3b_0001,
    0x5ca3_5713_ea3b_0002,
    0x5ca3_5713_ea3b_0003,
    0x5ca3_5713_ea3b_0004,
);

/// The hash a key is filtered by: 32 bits, since a [`HashFilter`] uses at
/// most 24, so that the hashes kept per pane and read by every join take
/// half the memory (and memory bandwidth) of full hashes.
pub(crate) fn key_hash(key: &str) -> u32 {
    KEY_HASHER.hash_one(key) as u32
}

/// The hash of every row's value of text column `column` of `batches`, in
/// order (0 for a null, which matches nothing anyway); `None` unless the
/// column is `Utf8`.
pub(crate) fn column_hashes(batches: &[RecordBatch], column: usize) -> Option<Vec<u32>> {
    let mut hashes = Vec::with_capacity(batches.iter().map(RecordBatch::num_rows).sum());
    for batch in batches {
        let values = batch.columns().get(column)?.as_string_opt::<i32>()?;
        hashes.extend(values.iter().map(|value| value.map_or(0, key_hash)));
    }
    Some(hashes)
}

/// A set of key hashes as a bitmap: a miss proves that a row's key is none
/// of the keys; a hit means it may be one (about one row in sixty is let
/// through by chance, and the join drops it).
#[derive(Debug)]
pub(crate) struct HashFilter {
    bits: Vec<u64>,
    mask: u32,
    keys: usize,
}

impl HashFilter {
    /// The filter for keys with these hashes.
    pub(crate) fn new(hashes: &[u32]) -> Self {
        // 64 bits per key keeps chance hits near 1.5 %; the bitmap of a few
        // thousand keys stays in the first levels of cache.
        let size = (hashes.len() * 64)
            .next_power_of_two()
            .clamp(1 << 12, 1 << 24);
        let mut bits = vec![0_u64; size / 64];
        let mask = size as u32 - 1;
        for &hash in hashes {
            let bit = hash & mask;
            bits[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        HashFilter {
            bits,
            mask,
            keys: hashes.len(),
        }
    }

    /// Whether a key with this hash may be one of the keys.
    pub(crate) fn may_contain(&self, hash: u32) -> bool {
        let bit = hash & self.mask;
        self.bits[(bit / 64) as usize] & (1 << (bit % 64)) != 0
    }

    /// The positions of the hashes it may contain, ascending. Without a
    /// branch per hash: few pass, and a mispredicted branch costs more than
    /// the test.
    pub(crate) fn positions(&self, hashes: &[u32]) -> Vec<u32> {
        let mut found = Vec::new();
        for (block, chunk) in hashes.chunks(64).enumerate() {
            let mut hits = chunk.iter().enumerate().fold(0_u64, |hits, (i, &hash)| {
                hits | (u64::from(self.may_contain(hash)) << i)
            });
            while hits != 0 {
                found.push((block * 64) as u32 + hits.trailing_zeros());
                hits &= hits - 1;
            }
        }
        found
    }

    /// How many keys it was built from.
    pub(crate) fn keys(&self) -> usize {
        self.keys
    }
}

/// Replaces the probe side scan of every join that qualifies (see the
/// module documentation) by a [`PrefilterScanExec`].
pub(crate) fn prefilter_join_probes(
    plan: Arc<dyn ExecutionPlan>,
) -> DfResult<Arc<dyn ExecutionPlan>> {
    plan.transform_up(|node| {
        let Some(join) = node.downcast_ref::<HashJoinExec>() else {
            return Ok(Transformed::no(node));
        };
        let keeps_only_matches = matches!(
            join.join_type(),
            JoinType::Inner
                | JoinType::Left
                | JoinType::LeftSemi
                | JoinType::LeftAnti
                | JoinType::LeftMark
                | JoinType::RightSemi
        );
        if !keeps_only_matches
            || join.null_equality() != NullEquality::NullEqualsNothing
            || reads_whole_window(join.left())
        {
            return Ok(Transformed::no(node));
        }
        for (build_key, probe_key) in join.on() {
            let Some(column) = probe_key.downcast_ref::<Column>() else {
                continue;
            };
            let keys = KeySource {
                plan: Arc::clone(join.left()),
                expr: Arc::clone(build_key),
            };
            if let Some(probe) = prefiltered(join.right(), column.index(), &keys)? {
                let children = vec![Arc::clone(join.left()), probe];
                return Ok(Transformed::yes(replace_children_if_necessary(
                    Arc::clone(&node),
                    children,
                )?));
            }
        }
        Ok(Transformed::no(node))
    })
    .map(|t| t.data)
}

/// Whether `plan` scans every row of a window table. (A prefiltered scan
/// reads only the rows another join's keys may match.)
fn reads_whole_window(plan: &Arc<dyn ExecutionPlan>) -> bool {
    let mut found = false;
    let _ = plan.apply(|node| {
        found = node
            .downcast_ref::<WindowScanExec>()
            .is_some_and(|s| s.source().filters_by_key());
        Ok(if found {
            TreeNodeRecursion::Stop
        } else {
            TreeNodeRecursion::Continue
        })
    });
    found
}

/// `plan` with its window scan prefiltered on the scan column that output
/// column `column` comes from, or `None` when it does not come from one.
fn prefiltered(
    plan: &Arc<dyn ExecutionPlan>,
    column: usize,
    keys: &KeySource,
) -> DfResult<Option<Arc<dyn ExecutionPlan>>> {
    if let Some(scan) = plan.downcast_ref::<WindowScanExec>() {
        let filterable = scan.source().filters_by_key()
            && scan.schema().field(column).data_type() == &DataType::Utf8;
        return Ok(filterable.then(|| {
            Arc::new(PrefilterScanExec {
                scan: Arc::new(scan.clone()),
                key: scan.columns()[column],
                keys: keys.clone(),
            }) as Arc<dyn ExecutionPlan>
        }));
    }
    let (input, input_column) = if let Some(filter) = plan.downcast_ref::<FilterExec>() {
        let input_column = match filter.projection() {
            Some(p) => p[column],
            None => column,
        };
        (filter.input(), input_column)
    } else if let Some(cooperative) = plan.downcast_ref::<CooperativeExec>() {
        (cooperative.input(), column)
    } else if let Some(projection) = plan.downcast_ref::<ProjectionExec>() {
        let Some(expr) = projection.projection_expr().iter().nth(column) else {
            return Ok(None);
        };
        let Some(source) = expr.expr.downcast_ref::<Column>() else {
            return Ok(None);
        };
        (projection.input(), source.index())
    } else {
        return Ok(None);
    };
    match prefiltered(input, input_column, keys)? {
        Some(child) => Ok(Some(replace_children_if_necessary(
            Arc::clone(plan),
            vec![child],
        )?)),
        None => Ok(None),
    }
}

/// Where a prefiltered scan gets its keys: the join's build side.
#[derive(Debug, Clone)]
struct KeySource {
    plan: Arc<dyn ExecutionPlan>,
    expr: Arc<dyn PhysicalExpr>,
}

impl KeySource {
    /// The hashes of the build side's non-null keys, run afresh.
    async fn hashes(&self, context: Arc<TaskContext>) -> DfResult<Vec<u32>> {
        let batches = collect(reset_plan_states(Arc::clone(&self.plan))?, context).await?;
        let mut hashes = Vec::new();
        for batch in &batches {
            let values = self.expr.evaluate(batch)?.into_array(batch.num_rows())?;
            let values = cast(&values, &DataType::Utf8)?;
            hashes.extend(values.as_string::<i32>().iter().flatten().map(key_hash));
        }
        Ok(hashes)
    }
}

/// Scans the rows of a window table whose key column may hold one of the
/// keys of a join's build side (see the module documentation).
#[derive(Debug)]
pub(crate) struct PrefilterScanExec {
    scan: Arc<WindowScanExec>,
    /// The key column, in the table's schema.
    key: usize,
    keys: KeySource,
}

impl DisplayAs for PrefilterScanExec {
    fn fmt_as(&self, t: DisplayFormatType, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Prefilter")?;
        self.scan.fmt_as(t, f)?;
        write!(
            f,
            ", rows whose column {} may match the join's build side",
            self.key
        )
    }
}

impl ExecutionPlan for PrefilterScanExec {
    fn name(&self) -> &'static str {
        "PrefilterScanExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        self.scan.properties()
    }

    // The build side it reads is the join's child, not this scan's: it is
    // run afresh on each execution, so plan resets need not reach it.
    leaf_plan_methods!();

    fn statistics_from_inputs(
        &self,
        input_stats: &[Arc<Statistics>],
        args: &StatisticsArgs,
    ) -> DfResult<Arc<Statistics>> {
        self.scan.statistics_from_inputs(input_stats, args)
    }

    fn execute(
        &self,
        _partition: usize,
        context: Arc<TaskContext>,
    ) -> DfResult<SendableRecordBatchStream> {
        let scan = Arc::clone(&self.scan);
        let keys = self.keys.clone();
        let key = self.key;
        let schema: SchemaRef = scan.schema();
        let rows = async move {
            let filter = HashFilter::new(&keys.hashes(Arc::clone(&context)).await?);
            let (source, columns, schema) = (scan.source(), scan.columns(), scan.schema());
            let batches = match source.rows_matching(&context, columns, &schema, key, &filter) {
                Some(found) => found?,
                None => source.rows(&context, columns, &schema)?,
            };
            Ok::<_, DataFusionError>(futures::stream::iter(batches.into_iter().map(Ok)))
        };
        let stream = futures::stream::once(rows).try_flatten().boxed();
        Ok(Box::pin(RecordBatchStreamAdapter::new(schema, stream)))
    }
}

#[cfg(test)]
mod tests;
