//! Which stage queries can be kept up to date pane by pane, and the two
//! queries that do it.
//!
//! A stage of the shape
//!
//! ```sql
//! SELECT <grouping keys, and expressions over count / sum / avg>
//! FROM calls | sms | records [alias]
//! [WHERE <row filter>]
//! GROUP BY <keys>
//! [HAVING <condition over the same>]
//! ```
//!
//! is split into a *pane query*, which reduces one pane's rows to one row
//! per key with `count(*)` and, per aggregated expression, `count(e)` and
//! `sum(e)`; and a *final query*, which computes the stage's columns and
//! its `HAVING` from those sums added up over the window's panes. Anything
//! else (another aggregate, `DISTINCT`, a join, a subquery, the window
//! bounds, a window function) keeps the stage as it is.

use std::collections::HashMap;
use std::ops::ControlFlow;

use datafusion::sql::sqlparser::ast::{
    BinaryOperator, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, GroupByExpr, Ident,
    ObjectNamePart, SelectItem, SetExpr, Statement, TableFactor, Value, VisitMut, VisitorMut,
    visit_expressions,
};
use datafusion::sql::sqlparser::dialect::GenericDialect;
use datafusion::sql::sqlparser::parser::Parser;

use crate::rules::{WINDOW_END, WINDOW_START};

/// The window table a stage reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Calls,
    Sms,
    Records,
}

impl Source {
    fn named(name: &str) -> Option<Source> {
        match name {
            "calls" => Some(Source::Calls),
            "sms" => Some(Source::Sms),
            "records" => Some(Source::Records),
            _ => None,
        }
    }
}

/// Column of the pane query holding grouping key `i`.
fn key_column(i: usize) -> String {
    format!("__k{i}")
}

/// Column of the pane query holding `count(*)`.
pub(crate) const ROWS_COLUMN: &str = "__n";

/// A stage split into its pane query and its final query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    /// The window table the stage reads.
    pub(crate) source: Source,
    /// Reduces one pane's rows (read from the pane table) to per-key sums:
    /// the keys, then `count(*)`, then per measure `count(e)` and maybe
    /// `sum(e)`. Every column after the keys is a sum over rows.
    pub(crate) pane_sql: String,
    /// The stage's result from the sums added up over the window (read
    /// from the sums table), its columns named as the stage names them.
    pub(crate) final_sql: String,
    /// How many leading columns of the pane query are grouping keys.
    pub(crate) keys: usize,
    /// Keys seen fewer times in the window cannot pass the `HAVING`
    /// (it requires `count(*) >= min_rows`).
    pub(crate) min_rows: i64,
}

/// Splits `sql`, whose result columns are named `names`, reading the pane's
/// rows from `pane_table` and the sums from `sums_table`; `None` when the
/// query is not of the supported shape. `is_aggregate` says whether a
/// function name is an aggregate or window function of the session.
pub(crate) fn split(
    sql: &str,
    names: &[String],
    pane_table: &str,
    sums_table: &str,
    is_aggregate: impl Fn(&str) -> bool,
) -> Option<Split> {
    let parts = Parts::parse(sql, names.len())?;
    let mut rewriter = Rewriter::new(&parts.keys);
    let mut items = parts.items.clone();
    let mut having = parts.having.clone();
    for item in &mut items {
        let _ = item.visit(&mut rewriter);
    }
    if let Some(h) = &mut having {
        let _ = h.visit(&mut rewriter);
    }
    if rewriter.failed
        || items
            .iter()
            .chain(&having)
            .any(|e| calls_aggregate(e, &is_aggregate))
    {
        return None;
    }
    let final_items: Vec<String> = items
        .iter()
        .zip(names)
        .map(|(e, name)| format!("{e} AS {}", Ident::with_quote('"', name)))
        .collect();
    let mut final_sql = format!("SELECT {} FROM {sums_table}", final_items.join(", "));
    if let Some(h) = &having {
        final_sql.push_str(&format!(" WHERE {h}"));
    }
    Some(Split {
        source: parts.source,
        pane_sql: parts.pane_sql(pane_table, &rewriter.measures),
        final_sql,
        keys: parts.keys.len(),
        min_rows: parts.having.as_ref().map_or(1, min_rows).max(1),
    })
}

/// The clauses of a plain grouped query over one window table.
struct Parts {
    source: Source,
    /// The name the query's columns are qualified with.
    alias: String,
    filter: Option<Expr>,
    keys: Vec<Expr>,
    items: Vec<Expr>,
    having: Option<Expr>,
}

impl Parts {
    fn parse(sql: &str, columns: usize) -> Option<Parts> {
        let statements = Parser::parse_sql(&GenericDialect {}, sql).ok()?;
        let [Statement::Query(query)] = statements.as_slice() else {
            return None;
        };
        let SetExpr::Select(select) = query.body.as_ref() else {
            return None;
        };
        let [from] = select.from.as_slice() else {
            return None;
        };
        let TableFactor::Table { name, alias, .. } = &from.relation else {
            return None;
        };
        let [ObjectNamePart::Identifier(table)] = name.0.as_slice() else {
            return None;
        };
        let source = Source::named(&table.value.to_lowercase())?;
        let GroupByExpr::Expressions(keys, _) = &select.group_by else {
            return None;
        };
        let items: Vec<Expr> = select
            .projection
            .iter()
            .map(|item| match item {
                SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. } => {
                    Some(e.clone())
                }
                _ => None,
            })
            .collect::<Option<_>>()?;
        let parts = Parts {
            source,
            alias: alias
                .as_ref()
                .map_or_else(|| table.to_string(), |a| a.name.to_string()),
            filter: select.selection.clone(),
            keys: keys.clone(),
            items,
            having: select.having.clone(),
        };
        // Any clause not read above (DISTINCT, a join, ORDER BY, LIMIT, a
        // WITH, QUALIFY, ...) shows in the text.
        let plain = parts.plain_sql(&select.projection, &from.relation);
        let usable = !parts.keys.is_empty()
            && parts.items.len() == columns
            && from.joins.is_empty()
            && plain == query.to_string()
            && !reads_outside_row(query);
        usable.then_some(parts)
    }

    /// The query rebuilt from the clauses this module understands.
    fn plain_sql(&self, projection: &[SelectItem], relation: &TableFactor) -> String {
        let mut sql = format!("SELECT {} FROM {relation}", comma(projection));
        if let Some(f) = &self.filter {
            sql.push_str(&format!(" WHERE {f}"));
        }
        sql.push_str(&format!(" GROUP BY {}", comma(&self.keys)));
        if let Some(h) = &self.having {
            sql.push_str(&format!(" HAVING {h}"));
        }
        sql
    }

    fn pane_sql(&self, pane_table: &str, measures: &[Measure]) -> String {
        let mut columns: Vec<String> = self
            .keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{k} AS {}", key_column(i)))
            .collect();
        columns.push(format!("count(*) AS {ROWS_COLUMN}"));
        for (j, m) in measures.iter().enumerate() {
            columns.push(format!("count({}) AS {}", m.arg, m.count_column(j)));
            if m.sum {
                columns.push(format!("sum({}) AS {}", m.arg, m.sum_column(j)));
            }
        }
        let mut sql = format!(
            "SELECT {} FROM {pane_table} AS {}",
            columns.join(", "),
            self.alias
        );
        if let Some(f) = &self.filter {
            sql.push_str(&format!(" WHERE {f}"));
        }
        sql.push_str(&format!(" GROUP BY {}", comma(&self.keys)));
        sql
    }
}

fn comma<T: std::fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the query reads anything but the current row: a subquery (which
/// would see one pane instead of the window), the window bounds (which
/// differ between a pane and its window), or a window function.
fn reads_outside_row(query: &datafusion::sql::sqlparser::ast::Query) -> bool {
    visit_expressions(query, |e: &Expr| {
        let outside = match e {
            Expr::Subquery(_) | Expr::Exists { .. } | Expr::InSubquery { .. } => true,
            Expr::Identifier(ident) => is_window_bound(ident),
            Expr::CompoundIdentifier(parts) => parts.iter().any(is_window_bound),
            Expr::Function(f) => f.over.is_some(),
            _ => false,
        };
        if outside {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .is_break()
}

fn is_window_bound(ident: &Ident) -> bool {
    let name = ident.value.to_lowercase();
    name == WINDOW_START || name == WINDOW_END
}

/// Whether `expr` still calls an aggregate (one this module cannot add up).
fn calls_aggregate(expr: &Expr, is_aggregate: impl Fn(&str) -> bool) -> bool {
    visit_expressions(expr, |e: &Expr| match e {
        Expr::Function(f) if is_aggregate(&f.name.to_string().to_lowercase()) => {
            ControlFlow::Break(())
        }
        _ => ControlFlow::Continue(()),
    })
    .is_break()
}

/// An expression the stage aggregates, and whether its sum is needed.
#[derive(Debug, Clone)]
struct Measure {
    arg: Expr,
    sum: bool,
}

impl Measure {
    fn count_column(&self, j: usize) -> String {
        format!("__c{j}")
    }

    fn sum_column(&self, j: usize) -> String {
        format!("__s{j}")
    }
}

/// An aggregate call this module can add up pane by pane.
enum Aggregate {
    CountRows,
    Count(Expr),
    Sum(Expr),
    Avg(Expr),
}

fn aggregate(expr: &Expr) -> Option<Aggregate> {
    let Expr::Function(f) = expr else {
        return None;
    };
    let [ObjectNamePart::Identifier(name)] = f.name.0.as_slice() else {
        return None;
    };
    let FunctionArguments::List(list) = &f.args else {
        return None;
    };
    let plain = name.quote_style.is_none()
        && f.filter.is_none()
        && f.over.is_none()
        && f.null_treatment.is_none()
        && f.within_group.is_empty()
        && matches!(f.parameters, FunctionArguments::None)
        && list.duplicate_treatment.is_none()
        && list.clauses.is_empty();
    let [FunctionArg::Unnamed(arg)] = list.args.as_slice() else {
        return None;
    };
    if !plain {
        return None;
    }
    let arg = match arg {
        FunctionArgExpr::Expr(e) => Some(e.clone()),
        FunctionArgExpr::Wildcard => None,
        _ => return None,
    };
    match (name.value.to_lowercase().as_str(), arg) {
        ("count", None) => Some(Aggregate::CountRows),
        ("count", Some(Expr::Value(v))) if matches!(v.value, Value::Number(..)) => {
            Some(Aggregate::CountRows)
        }
        ("count", Some(e)) => Some(Aggregate::Count(e)),
        ("sum", Some(e)) => Some(Aggregate::Sum(e)),
        ("avg", Some(e)) => Some(Aggregate::Avg(e)),
        _ => None,
    }
}

/// Rewrites the stage's output expressions over the pane sums: grouping
/// keys become key columns, aggregate calls become sums.
struct Rewriter {
    keys: HashMap<String, usize>,
    measures: Vec<Measure>,
    failed: bool,
}

impl Rewriter {
    fn new(keys: &[Expr]) -> Self {
        Rewriter {
            keys: keys
                .iter()
                .enumerate()
                .map(|(i, k)| (k.to_string(), i))
                .collect(),
            measures: Vec::new(),
            failed: false,
        }
    }

    fn measure(&mut self, arg: Expr, sum: bool) -> usize {
        let text = arg.to_string();
        match self.measures.iter().position(|m| m.arg.to_string() == text) {
            Some(j) => {
                self.measures[j].sum |= sum;
                j
            }
            None => {
                self.measures.push(Measure { arg, sum });
                self.measures.len() - 1
            }
        }
    }

    fn replacement(&mut self, expr: &Expr) -> Option<String> {
        if let Some(agg) = aggregate(expr) {
            return Some(match agg {
                Aggregate::CountRows => ROWS_COLUMN.to_owned(),
                Aggregate::Count(e) => format!("__c{}", self.measure(e, false)),
                Aggregate::Sum(e) => {
                    let j = self.measure(e, true);
                    format!("CASE WHEN __c{j} > 0 THEN __s{j} END")
                }
                Aggregate::Avg(e) => {
                    let j = self.measure(e, true);
                    format!("CASE WHEN __c{j} > 0 THEN CAST(__s{j} AS DOUBLE) / __c{j} END")
                }
            });
        }
        self.keys.get(&expr.to_string()).map(|&i| key_column(i))
    }
}

impl VisitorMut for Rewriter {
    type Break = ();

    fn pre_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        if let Some(text) = self.replacement(expr) {
            match Parser::new(&GenericDialect {})
                .try_with_sql(&text)
                .and_then(|mut p| p.parse_expr())
            {
                Ok(e) => *expr = Expr::Nested(Box::new(e)),
                Err(_) => self.failed = true,
            }
        }
        ControlFlow::Continue(())
    }
}

/// The `n` of a top-level `count(*) >= n` (or `> n - 1`) conjunct of
/// `having`, or 1.
fn min_rows(having: &Expr) -> i64 {
    let Expr::BinaryOp { left, op, right } = having else {
        return 1;
    };
    let bound = |count: &Expr, op: &BinaryOperator, limit: &Expr| -> Option<i64> {
        matches!(aggregate(count), Some(Aggregate::CountRows)).then_some(())?;
        let Expr::Value(v) = limit else { return None };
        let Value::Number(n, _) = &v.value else {
            return None;
        };
        let n: i64 = n.parse().ok()?;
        match op {
            BinaryOperator::GtEq => Some(n),
            BinaryOperator::Gt => n.checked_add(1),
            _ => None,
        }
    };
    let mirrored = |op: &BinaryOperator| match op {
        BinaryOperator::LtEq => BinaryOperator::GtEq,
        BinaryOperator::Lt => BinaryOperator::Gt,
        other => other.clone(),
    };
    match op {
        BinaryOperator::And => min_rows(left).max(min_rows(right)),
        _ => bound(left, op, right)
            .or_else(|| bound(right, &mirrored(op), left))
            .unwrap_or(1),
    }
}

#[cfg(test)]
mod tests;
