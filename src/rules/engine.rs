//! The rule session: plans every rule once and evaluates closed windows.

use std::sync::Arc;
use std::time::Duration;

use arrow::array::{Array, AsArray};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type, SchemaRef};
use arrow::record_batch::RecordBatch;
use datafusion::error::DataFusionError;
use datafusion::execution::TaskContext;
use datafusion::execution::context::{SessionContext, SessionState};
use datafusion::physical_plan::execution_plan::reset_plan_states;
use datafusion::physical_plan::{ExecutionPlan, collect};
use datafusion::prelude::SessionConfig;
use serde_json::{Map, Value};
use tokio::sync::Semaphore;

use super::contacts::ContactMemory;
use super::env::{RuleEnv, lexicon};
use super::error::{RuleError, RuleErrors};
use super::evidence::cell;
use super::functions::{independent_callers, register_functions};
use super::incremental::IncrementalStage;
use super::loader::{RuleSource, read_rules};
use super::pane_filter::filter_panes_once;
use super::prefilter::prefilter_join_probes;
use super::rule::{Rule, Scope};
use super::stages::{self, StageRows, StageSlot, Staged, stage_table};
use super::tables::{RefTable, WindowTables};
use super::window_rows::WindowBinding;
use crate::windowing::{ClosedWindow, WindowSpec};

mod rule_task;
use rule_task::RuleTask;

/// Column every rule must return.
pub const NUMBER_COLUMN: &str = "number";
/// Optional column that overrides the header's score per row.
pub const SCORE_COLUMN: &str = "score";
/// Optional text column that overrides the header's scope per row
/// (`all` or `international`; any other value counts as the header's).
pub const SCOPE_COLUMN: &str = "scope";

/// One number flagged by one rule in one window.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleHit {
    /// Index of the rule in [`RuleEngine::rules`].
    pub rule: usize,
    /// The flagged number.
    pub number: String,
    /// The hit's score, 0..1.
    pub score: f64,
    /// What a block on this hit's word stops.
    pub scope: Scope,
    /// The query's other columns for this row.
    pub evidence: Map<String, Value>,
}

/// What evaluating one rule over one window did, for metrics.
#[derive(Debug, Clone)]
pub struct RuleRun {
    /// Index of the rule.
    pub rule: usize,
    /// Wall time of planning and executing the query.
    pub elapsed: Duration,
    /// Rows the window tables held.
    pub rows_scanned: usize,
    /// Rows the query returned.
    pub hits: usize,
    /// The error, when the query failed on this window's data.
    pub error: Option<String>,
}

/// The result of evaluating every rule of one window kind over a window.
#[derive(Debug, Default)]
pub struct WindowResult {
    /// All hits, in rule order.
    pub hits: Vec<RuleHit>,
    /// One entry per rule evaluated.
    pub runs: Vec<RuleRun>,
}

struct PlannedRule {
    /// Shared CTEs, computed before the query (see [`stages`](super::stages)).
    stages: Vec<PlannedStage>,
    plan: Arc<dyn ExecutionPlan>,
}

struct PlannedStage {
    plan: StagePlan,
    slot: StageSlot,
}

/// How a stage's rows are computed for a window.
enum StagePlan {
    /// Its query, over the whole window.
    Whole(Arc<dyn ExecutionPlan>),
    /// From per-pane sums (see [`incremental`](super::incremental)).
    Incremental(Box<IncrementalStage>),
}

/// A DataFusion session holding the window tables, the reference tables and
/// every rule's plan.
pub struct RuleEngine {
    state: Arc<SessionState>,
    rules: Vec<Rule>,
    plans: Vec<Arc<PlannedRule>>,
    /// Who called whom before each window, for `independent_callers`.
    contacts: Arc<ContactMemory>,
    /// Whether a rule calls `independent_callers`: the memory is fed only then.
    remembers_contacts: bool,
}

impl std::fmt::Debug for RuleEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleEngine")
            .field("rules", &self.rules.len())
            .finish()
    }
}

impl RuleEngine {
    /// Reads every rule file of `source` and plans each one whose header is
    /// valid, so header and query problems of all files are reported together.
    /// Besides the pipeline's tables, the tables the source ships are
    /// registered (see [`RuleEnv::tables_for`]).
    pub async fn load(source: &RuleSource, env: &RuleEnv) -> Result<Self, RuleErrors> {
        let (rules, mut errors) = read_rules(source);
        let env = RuleEnv {
            tables: env.tables_for(source),
            country_code: env.country_code,
        };
        match RuleEngine::new(rules, &env).await {
            Ok(engine) if errors.is_empty() => Ok(engine),
            Ok(_) => Err(RuleErrors(errors)),
            Err(RuleErrors(mut more)) => {
                errors.append(&mut more);
                errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
                Err(RuleErrors(errors))
            }
        }
    }

    /// Registers the tables and the telecom functions and plans every rule;
    /// every rule that fails to plan is reported.
    pub async fn new(rules: Vec<Rule>, env: &RuleEnv) -> Result<Self, RuleErrors> {
        let mut config = SessionConfig::new()
            .with_target_partitions(1)
            .with_information_schema(false);
        // Plans are re-executed window after window; dynamic filters keep
        // state that `reset_plan_states` cannot clear, so they are off.
        config
            .options_mut()
            .optimizer
            .enable_dynamic_filter_pushdown = false;
        let ctx = SessionContext::new_with_config(config);
        let tables = WindowTables::default();
        let mut errors = Vec::new();
        register(&ctx, &tables, &env.tables, &mut errors);
        match lexicon(&env.tables) {
            Ok(lexicon) => register_functions(&ctx, env.country_code, &lexicon),
            Err(mut problems) => errors.append(&mut problems),
        }
        let longest_window_ms = rules.iter().map(|r| r.window.size_ms).max();
        let contacts = ContactMemory::new(longest_window_ms.unwrap_or_default());
        ctx.register_udf(independent_callers(Arc::clone(&contacts)));
        let remembers_contacts = rules
            .iter()
            .any(|r| r.sql.to_ascii_lowercase().contains("independent_callers"));
        let mut plans = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            match plan_rule(&ctx, index, rule).await {
                Ok(p) => plans.push(Arc::new(p)),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors(errors));
        }
        Ok(RuleEngine {
            state: Arc::new(ctx.state()),
            rules,
            plans,
            contacts,
            remembers_contacts,
        })
    }

    /// Numbers the memory of calls holds (see `independent_callers`).
    pub fn contact_numbers(&self) -> usize {
        self.contacts.numbers()
    }

    /// How far back the memory of calls reaches, if some rule reads it:
    /// the history worth reading again after a restart.
    pub fn contact_horizon_ms(&self) -> Option<i64> {
        self.remembers_contacts
            .then_some(super::contacts::HORIZON_MS)
    }

    /// Feeds the memory of calls with decoded records from before the
    /// first window this engine evaluates (history read again after a
    /// restart); SMS are passed over.
    pub fn remember_history(&self, batch: &arrow::record_batch::RecordBatch, since_ms: i64) {
        if self.remembers_contacts {
            self.contacts.remember_history(batch, since_ms);
        }
    }

    /// The rules, in evaluation order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Every window kind some rule uses.
    pub fn window_specs(&self) -> Vec<WindowSpec> {
        let mut specs: Vec<WindowSpec> = self.rules.iter().map(|r| r.window).collect();
        specs.sort();
        specs.dedup();
        specs
    }

    /// The window kinds of the rules that block (neither shadow nor
    /// alert-only), each once.
    pub fn acting_window_specs(&self) -> Vec<WindowSpec> {
        let mut specs: Vec<WindowSpec> = self
            .rules
            .iter()
            .filter(|r| !r.shadow && r.action == super::Action::Block)
            .map(|r| r.window)
            .collect();
        specs.sort();
        specs.dedup();
        specs
    }

    /// Evaluates the rules of the window's kind over its rows. A rule that
    /// fails on this data is reported in its [`RuleRun`]; the others go on.
    /// Must be called within a Tokio runtime: each rule runs as a task.
    pub async fn evaluate(&self, window: &ClosedWindow) -> WindowResult {
        let mut results = self.evaluate_all(std::slice::from_ref(window)).await;
        results.pop().unwrap_or_default()
    }

    /// Evaluates `windows` (ordered by end), one result per window. Each
    /// rule is one task that walks the windows of its kind in order, since
    /// a rule with incremental stages must see them in order, and hands
    /// each window's other stages and query to a task of its own, as many
    /// at a time as there are rules or cores; the rules run concurrently.
    /// So when several windows close at once (the end of the input) the
    /// cores stay busy until the last window of the slowest rule is done.
    pub async fn evaluate_all(&self, windows: &[ClosedWindow]) -> Vec<WindowResult> {
        if self.remembers_contacts {
            for window in windows {
                self.contacts.remember(window);
            }
        }
        let bound: Arc<Vec<BoundEvaluation>> = Arc::new(
            windows
                .iter()
                .map(|window| BoundEvaluation {
                    binding: Arc::new(WindowBinding::of(window)),
                    window: Arc::new(window.clone()),
                })
                .collect(),
        );
        // Each rule is one single-partition query per window; the rules (and
        // a rule's windows) run as concurrent tasks, so the cores are shared
        // among them rather than spent repartitioning every query.
        let rules: Vec<usize> = (0..self.rules.len())
            .filter(|&index| windows.iter().any(|w| w.spec == self.rules[index].window))
            .collect();
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let in_flight = Arc::new(Semaphore::new(rules.len().max(cores)));
        let tasks: Vec<_> = rules
            .into_iter()
            .map(|index| {
                let task = RuleTask {
                    index,
                    rule: Arc::new(self.rules[index].clone()),
                    planned: Arc::clone(&self.plans[index]),
                    state: Arc::clone(&self.state),
                    in_flight: Arc::clone(&in_flight),
                };
                (index, tokio::spawn(task.run(Arc::clone(&bound))))
            })
            .collect();
        let mut results: Vec<WindowResult> =
            windows.iter().map(|_| WindowResult::default()).collect();
        for (rule, task) in tasks {
            let outcomes = match task.await {
                Ok(outcomes) => outcomes,
                Err(e) => {
                    tracing::error!(error = %e, rule, "a rule evaluation task failed (this is a bug)");
                    continue;
                }
            };
            for (at, elapsed, outcome) in outcomes {
                let result = &mut results[at];
                let mut run = RuleRun {
                    rule,
                    elapsed,
                    rows_scanned: windows[at].rows(),
                    hits: 0,
                    error: None,
                };
                match outcome {
                    Ok(hits) => {
                        run.hits = hits.len();
                        result.hits.extend(hits);
                    }
                    Err(e) => run.error = Some(describe(&e)),
                }
                result.runs.push(run);
            }
        }
        results
    }
}

/// A window being evaluated and the binding its queries read it through.
struct BoundEvaluation {
    window: Arc<ClosedWindow>,
    binding: Arc<WindowBinding>,
}

/// Runs a rule's incremental stages over the window bound to `context`,
/// binding their rows to it. They read only the window tables, so they can
/// run before the other stages; they must see the rule's windows in order.
async fn run_incremental(
    context: &Arc<TaskContext>,
    planned: &PlannedRule,
    window: &ClosedWindow,
) -> Result<(), DataFusionError> {
    let stage_rows = StageRows::of(context)?;
    for stage in &planned.stages {
        if let StagePlan::Incremental(incremental) = &stage.plan {
            stage_rows.set(stage.slot, incremental.run(context, window).await?);
        }
    }
    Ok(())
}

/// Runs a rule's other stages, then its query, over the window bound to
/// `context`, after [`run_incremental`].
async fn run_rest(
    context: Arc<TaskContext>,
    planned: &PlannedRule,
) -> Result<Vec<RecordBatch>, DataFusionError> {
    let stage_rows = StageRows::of(&context)?;
    for stage in &planned.stages {
        if let StagePlan::Whole(plan) = &stage.plan {
            stage_rows.set(stage.slot, run_plan(Arc::clone(&context), plan).await?);
        }
    }
    run_plan(context, &planned.plan).await
}

/// Runs a rule's physical plan in `context`. Operator state left by the
/// previous window (a hash join's build side, say) is reset first; the
/// scans read their rows when they run.
pub(super) async fn run_plan(
    context: Arc<TaskContext>,
    plan: &Arc<dyn ExecutionPlan>,
) -> Result<Vec<RecordBatch>, DataFusionError> {
    let fresh = reset_plan_states(Arc::clone(plan))?;
    let batches = collect(Arc::clone(&fresh), context).await?;
    if tracing::enabled!(tracing::Level::TRACE) {
        // `RUST_LOG=scamstream::rules=trace`: every operator's rows and time,
        // for analysts tuning a rule (see "Writing fast rules").
        let shown = datafusion::physical_plan::display::DisplayableExecutionPlan::with_metrics(
            fresh.as_ref(),
        )
        .indent(true)
        .to_string();
        tracing::trace!(plan = %shown, "rule plan with metrics");
    }
    Ok(batches)
}

fn register(
    ctx: &SessionContext,
    tables: &WindowTables,
    reference: &[RefTable],
    errors: &mut Vec<RuleError>,
) {
    for (name, table) in [
        ("calls", &tables.calls),
        ("sms", &tables.sms),
        ("records", &tables.records),
    ] {
        if let Err(e) = ctx.register_table(name, table.clone()) {
            errors.push(RuleError::at(
                name,
                None,
                format!("cannot register window table: {e} (this is a bug)"),
            ));
        }
    }
    for table in reference {
        if let Err(e) = table.register(ctx) {
            errors.push(RuleError::at(
                &table.path,
                None,
                format!("reference table `{}`: {e}", table.name),
            ));
        }
    }
}

/// Plans a rule against the window tables and checks its output columns;
/// then, when CTEs are shared, plans its stages and the rest of the query.
async fn plan_rule(
    ctx: &SessionContext,
    index: usize,
    rule: &Rule,
) -> Result<PlannedRule, RuleError> {
    let whole = plan_whole(ctx, rule).await?;
    let Some(staged) = stages::split(&rule.sql, &format!("__rule{index}_")) else {
        return Ok(whole);
    };
    match plan_staged(ctx, &staged).await {
        Ok(planned) => Ok(planned),
        Err(e) => {
            // The query as written is valid; keep it whole.
            tracing::warn!(rule = rule.name.as_ref(), error = %describe(&e), "cannot plan the rule in stages; its shared CTEs are computed once per reference");
            Ok(whole)
        }
    }
}

async fn plan_staged(
    ctx: &SessionContext,
    staged: &Staged,
) -> Result<PlannedRule, DataFusionError> {
    let mut stages = Vec::new();
    for stage in &staged.stages {
        let frame = ctx.sql(&stage.sql).await?;
        let schema: SchemaRef = Arc::new(frame.schema().as_arrow().clone());
        let plan = match IncrementalStage::plan(ctx, stage, &schema).await {
            Some(incremental) => {
                tracing::debug!(
                    stage = stage.table,
                    "the stage is kept up to date pane by pane"
                );
                StagePlan::Incremental(Box::new(incremental))
            }
            None => StagePlan::Whole(optimize_for_windows(frame.create_physical_plan().await?)?),
        };
        let slot = StageSlot::default();
        let table = stage_table(stage.table.clone(), schema, slot);
        ctx.register_table(stage.table.as_str(), Arc::new(table))?;
        stages.push(PlannedStage { plan, slot });
    }
    let plan = ctx.sql(&staged.query).await?.create_physical_plan().await?;
    Ok(PlannedRule {
        stages,
        plan: optimize_for_windows(plan)?,
    })
}

/// Plans the rule's query as written, checking its output columns.
async fn plan_whole(ctx: &SessionContext, rule: &Rule) -> Result<PlannedRule, RuleError> {
    let error = |message: String| {
        let line = sql_error_line(&message).or(Some(rule.query_line));
        RuleError::at(&rule.path, line, message)
    };
    let frame = ctx.sql(&rule.sql).await.map_err(|e| error(describe(&e)))?;
    // The physical plan is built once: its window scans read the rows of
    // whichever window is current when it runs. Building it here also runs
    // type checking and the optimizer, so those errors are found now too.
    let physical = frame
        .clone()
        .create_physical_plan()
        .await
        .map_err(|e| error(describe(&e)))?;
    let schema = frame.schema();
    let number = schema
        .field_with_unqualified_name(NUMBER_COLUMN)
        .map_err(|_| error(format!("the query must return a `{NUMBER_COLUMN}` column")))?;
    if !matches!(
        number.data_type(),
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    ) {
        return Err(error(format!(
            "the `{NUMBER_COLUMN}` column must be text, not {}",
            number.data_type()
        )));
    }
    if let Ok(f) = schema.field_with_unqualified_name(SCORE_COLUMN)
        && !f.data_type().is_numeric()
    {
        return Err(error(format!(
            "the `{SCORE_COLUMN}` column must be numeric, not {}",
            f.data_type()
        )));
    }
    if let Ok(f) = schema.field_with_unqualified_name(SCOPE_COLUMN)
        && !matches!(
            f.data_type(),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        )
    {
        return Err(error(format!(
            "the `{SCOPE_COLUMN}` column must be text (`all` or `international`), not {}",
            f.data_type()
        )));
    }
    Ok(PlannedRule {
        stages: Vec::new(),
        plan: optimize_for_windows(physical).map_err(|e| error(describe(&e)))?,
    })
}

/// A rule plan rewritten for re-execution over sliding windows: joins back
/// to the window read only the rows that can match, then the remaining
/// filters over a window table judge each pane's rows once.
fn optimize_for_windows(
    plan: Arc<dyn ExecutionPlan>,
) -> Result<Arc<dyn ExecutionPlan>, DataFusionError> {
    filter_panes_once(prefilter_join_probes(plan)?)
}

/// DataFusion's message without its internal backtrace noise.
fn describe(e: &DataFusionError) -> String {
    e.to_string().lines().next().unwrap_or_default().to_owned()
}

/// The line sqlparser reports, as in "... at Line: 7, Column: 3".
fn sql_error_line(message: &str) -> Option<usize> {
    let rest = &message[message.find("Line: ")? + 6..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Turns a rule's query output into hits: one per row with a non-null
/// `number`, scored by the `score` column and scoped by the `scope` column
/// when present and valid, else by the rule's header.
pub fn hits_from_batches(
    rule_index: usize,
    rule: &Rule,
    batches: &[RecordBatch],
) -> Result<Vec<RuleHit>, DataFusionError> {
    let mut hits = Vec::new();
    for batch in batches {
        hits_of(rule_index, (rule.score, rule.scope), batch, &mut hits)?;
    }
    Ok(hits)
}

fn hits_of(
    rule: usize,
    (default_score, default_scope): (f64, Scope),
    batch: &RecordBatch,
    out: &mut Vec<RuleHit>,
) -> Result<(), DataFusionError> {
    let schema = batch.schema();
    let has_score = schema
        .field_with_name(SCORE_COLUMN)
        .is_ok_and(|f| f.data_type().is_numeric());
    let number_index = schema.index_of(NUMBER_COLUMN)?;
    let numbers = cast(batch.column(number_index), &DataType::Utf8)?;
    let numbers = numbers.as_string::<i32>();
    let scores = if has_score {
        Some(cast(
            batch.column(schema.index_of(SCORE_COLUMN)?),
            &DataType::Float64,
        )?)
    } else {
        None
    };
    let scores = scores.as_ref().map(|s| s.as_primitive::<Float64Type>());
    let scopes = match schema.index_of(SCOPE_COLUMN) {
        Ok(i) => Some(cast(batch.column(i), &DataType::Utf8)?),
        Err(_) => None,
    };
    let scopes = scopes.as_ref().map(|s| s.as_string::<i32>());
    for row in 0..batch.num_rows() {
        if numbers.is_null(row) {
            continue;
        }
        let score = match scores {
            Some(s) if !s.is_null(row) && s.value(row).is_finite() => s.value(row).clamp(0.0, 1.0),
            _ => default_score,
        };
        let scope = scopes
            .filter(|s| !s.is_null(row))
            .and_then(|s| Scope::from_name(s.value(row)))
            .unwrap_or(default_scope);
        let mut evidence = Map::new();
        for (i, field) in schema.fields().iter().enumerate() {
            let name = field.name();
            if name != NUMBER_COLUMN && name != SCORE_COLUMN && name != SCOPE_COLUMN {
                evidence.insert(name.clone(), cell(batch.column(i).as_ref(), row));
            }
        }
        out.push(RuleHit {
            rule,
            number: numbers.value(row).to_owned(),
            score,
            scope,
            evidence,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
