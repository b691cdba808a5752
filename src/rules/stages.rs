//! Common table expressions used more than once are computed once per window.
//!
//! DataFusion inlines a CTE wherever it is referenced, so a rule whose
//! candidate-picking CTE is joined three times aggregates the whole window
//! three times (and a CTE built on another CTE multiplies that). Before
//! planning, a rule's query is split: every CTE referenced two or more times
//! becomes a *stage*, a query of its own whose result is held in a table
//! named after the rule and the CTE; the rule's query (and later stages) read
//! that table instead. Per window the stages run in order, then the query.
//! CTEs referenced once stay inline, where DataFusion can push filters and
//! projections into them.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use arrow::datatypes::SchemaRef;
use arrow::record_batch::RecordBatch;
use datafusion::error::{DataFusionError, Result as DfResult};
use datafusion::execution::TaskContext;
use datafusion::sql::sqlparser::ast::{
    Cte, Ident, ObjectName, ObjectNamePart, Statement, TableAlias, TableFactor, VisitMut,
    VisitorMut, visit_relations,
};
use datafusion::sql::sqlparser::dialect::GenericDialect;
use datafusion::sql::sqlparser::parser::Parser;

use super::scan::SlotTable;
use super::window_rows::{RowSource, bound};

/// The row count the planner assumes for a stage: derived, usually small.
const NOMINAL_STAGE_ROWS: usize = 1_000;

/// One CTE to compute on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stage {
    /// The table that holds its rows.
    pub(crate) table: String,
    /// Its query, reading earlier stages' tables.
    pub(crate) sql: String,
}

/// A rule's query split into stages and what is left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Staged {
    /// The stages, in dependency order.
    pub(crate) stages: Vec<Stage>,
    /// The rule's query, reading the stages' tables.
    pub(crate) query: String,
}

/// Splits `sql` into stages, naming their tables with `prefix`; `None` when
/// no CTE is referenced twice (or the text is not one plain query, which
/// the planner then reports as it is).
pub(crate) fn split(sql: &str, prefix: &str) -> Option<Staged> {
    let mut statements = Parser::parse_sql(&GenericDialect {}, sql).ok()?;
    let reads = relation_reads(&statements);
    let [Statement::Query(query)] = statements.as_mut_slice() else {
        return None;
    };
    let with = query.with.take()?;
    let shared: Vec<String> = with
        .cte_tables
        .iter()
        .map(cte_name)
        .filter(|name| reads.get(name).copied().unwrap_or(0) >= 2)
        .collect();
    if shared.is_empty() || with.cte_tables.iter().any(|c| c.query.with.is_some()) {
        return None;
    }
    let mut renamer = Renamer {
        names: shared
            .iter()
            .map(|n| (n.clone(), format!("{prefix}{n}")))
            .collect(),
    };
    let mut inline: Vec<Cte> = Vec::new();
    let mut stages = Vec::new();
    for mut cte in with.cte_tables.clone() {
        let _ = cte.query.visit(&mut renamer);
        let name = cte_name(&cte);
        match renamer.names.iter().find(|(from, _)| *from == name) {
            Some((_, table)) => {
                let mut stage_query = (*cte.query).clone();
                if !inline.is_empty() {
                    let mut stage_with = with.clone();
                    stage_with.cte_tables = inline.clone();
                    stage_query.with = Some(stage_with);
                }
                stages.push(Stage {
                    table: table.clone(),
                    sql: stage_query.to_string(),
                });
            }
            None => inline.push(cte),
        }
    }
    let _ = query.visit(&mut renamer);
    if !inline.is_empty() {
        let mut rest = with;
        rest.cte_tables = inline;
        query.with = Some(rest);
    }
    Some(Staged {
        stages,
        query: query.to_string(),
    })
}

fn cte_name(cte: &Cte) -> String {
    cte.alias.name.value.to_lowercase()
}

/// How many times the statements read each relation (a CTE or a table).
fn relation_reads(statements: &[Statement]) -> HashMap<String, usize> {
    let mut reads = HashMap::new();
    for statement in statements {
        let _ = visit_relations(statement, |relation: &ObjectName| {
            if let Some(name) = single_name(relation) {
                *reads.entry(name).or_insert(0) += 1;
            }
            ControlFlow::<()>::Continue(())
        });
    }
    reads
}

fn single_name(relation: &ObjectName) -> Option<String> {
    match relation.0.as_slice() {
        [ObjectNamePart::Identifier(ident)] => Some(ident.value.to_lowercase()),
        _ => None,
    }
}

/// Points references to shared CTEs at their stage tables, keeping the CTE
/// name as the alias so that qualified columns (`candidates.number`) resolve.
struct Renamer {
    names: Vec<(String, String)>,
}

impl VisitorMut for Renamer {
    type Break = ();

    fn pre_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        if let TableFactor::Table { name, alias, .. } = factor
            && let Some(from) = single_name(name)
            && let Some((_, to)) = self.names.iter().find(|(n, _)| *n == from)
        {
            if alias.is_none() {
                *alias = Some(TableAlias {
                    explicit: true,
                    name: Ident::new(from.clone()),
                    columns: Vec::new(),
                    at: None,
                });
            }
            *name = ObjectName(vec![ObjectNamePart::Identifier(Ident::new(to.clone()))]);
        }
        ControlFlow::Continue(())
    }
}

/// Which stage a [`StageTable`] reads: the key of its rows in the
/// evaluation's [`StageRows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct StageSlot(u64);

impl Default for StageSlot {
    /// A slot no other stage uses.
    fn default() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        StageSlot(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The stages' rows of one evaluation (one rule over one window), bound to
/// the [`TaskContext`] its queries run with, as the window's rows are
/// (see [`window_rows`](super::window_rows)): several windows of one rule
/// can then be evaluated at the same time, each with its own stage rows.
#[derive(Debug, Default)]
pub(crate) struct StageRows(RwLock<HashMap<StageSlot, Arc<Vec<RecordBatch>>>>);

impl StageRows {
    /// The stage rows bound to `context`.
    pub(crate) fn of(context: &TaskContext) -> DfResult<Arc<StageRows>> {
        bound(context, "a stage")
    }

    /// Sets the rows of `slot`'s stage.
    pub(crate) fn set(&self, slot: StageSlot, batches: Vec<RecordBatch>) {
        // A poisoned lock only means a query of this evaluation panicked;
        // the rows are replaced wholesale.
        let mut rows = self.0.write().unwrap_or_else(|e| e.into_inner());
        rows.insert(slot, Arc::new(batches));
    }

    /// Drops the rows of `slot`'s stage.
    pub(crate) fn clear(&self, slot: StageSlot) {
        self.0
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&slot);
    }

    fn get(&self, slot: StageSlot) -> DfResult<Arc<Vec<RecordBatch>>> {
        let rows = self.0.read().unwrap_or_else(|e| e.into_inner());
        rows.get(&slot).cloned().ok_or_else(|| {
            DataFusionError::Internal(
                "a stage was read before it was computed (this is a bug)".into(),
            )
        })
    }
}

impl RowSource for StageSlot {
    fn rows(
        &self,
        context: &TaskContext,
        columns: &[usize],
        _schema: &SchemaRef,
    ) -> DfResult<Vec<RecordBatch>> {
        let rows = StageRows::of(context)?.get(*self)?;
        Ok(rows
            .iter()
            .map(|batch| batch.project(columns))
            .collect::<Result<_, _>>()?)
    }
}

/// The table a stage's rows are read from.
pub(crate) type StageTable = SlotTable<StageSlot>;

/// The table `name` of `schema` over `slot`.
pub(crate) fn stage_table(name: String, schema: SchemaRef, slot: StageSlot) -> StageTable {
    SlotTable::new(name, schema, NOMINAL_STAGE_ROWS, slot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cte_read_twice_becomes_a_stage() {
        let sql = "WITH c AS (SELECT caller AS number FROM calls GROUP BY caller), \
                   once AS (SELECT number FROM c WHERE number LIKE '+66%') \
                   SELECT c.number FROM c JOIN once o ON c.number = o.number";
        let staged = split(sql, "__r0_").unwrap();
        assert_eq!(staged.stages.len(), 1);
        assert_eq!(staged.stages[0].table, "__r0_c");
        assert!(staged.stages[0].sql.contains("FROM calls"));
        assert!(!staged.query.contains("c AS (SELECT"), "{}", staged.query);
        assert!(
            staged.query.contains("once AS"),
            "used once, it stays inline"
        );
        assert!(
            staged.query.contains("FROM __r0_c AS c"),
            "{}",
            staged.query
        );
    }

    #[test]
    fn a_stage_built_on_an_inline_cte_carries_it() {
        let sql = "WITH base AS (SELECT caller FROM calls), \
                   s AS (SELECT caller FROM base) \
                   SELECT a.caller AS number FROM s a JOIN s b ON a.caller = b.caller";
        let staged = split(sql, "__r1_").unwrap();
        assert_eq!(staged.stages.len(), 1);
        assert!(
            staged.stages[0].sql.starts_with("WITH base AS"),
            "{}",
            staged.stages[0].sql
        );
        assert!(
            staged.query.contains("FROM __r1_s a JOIN __r1_s b"),
            "{}",
            staged.query
        );
    }

    #[test]
    fn queries_without_shared_ctes_are_left_alone() {
        assert!(split("SELECT caller AS number FROM calls", "__r_").is_none());
        assert!(split("WITH c AS (SELECT 1) SELECT * FROM c", "__r_").is_none());
        assert!(split("not sql at all", "__r_").is_none());
    }
}
