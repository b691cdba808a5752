use std::path::Path;

use super::*;
use crate::record::{Decoder, NumberNormalizer};
use crate::rules::parse_rule;
use crate::windowing::WindowOperator;

const JOINING_RULE: &str = "-- name: joined\n-- window: 10m\n\
    WITH k AS (SELECT caller FROM calls GROUP BY caller)\n\
    SELECT c.caller AS number, count(*) AS n, max(window_end) AS we\n\
    FROM k JOIN calls c ON c.caller = k.caller GROUP BY c.caller";

fn windows(lines: &[String]) -> Vec<ClosedWindow> {
    windows_of("10m", lines)
}

fn windows_of(spec: &str, lines: &[String]) -> Vec<ClosedWindow> {
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in lines {
        decoder.push_json(line.as_bytes()).unwrap();
    }
    let mut operator = WindowOperator::new([WindowSpec::parse(spec).unwrap()], 0);
    operator.insert(&decoder.finish()).unwrap();
    operator.close_all()
}

fn call(minute: u32, caller: &str) -> String {
    format!(
        r#"{{"kind":"call","ts":"2026-11-02T01:{minute:02}:00Z","caller":"{caller}","callee":"0898765432","duration_s":5}}"#
    )
}

/// Regression: plans are built once and re-executed; a hash join's build
/// side from one window must not leak into the next.
#[tokio::test]
async fn a_reused_plan_sees_only_the_current_window() {
    let rule = parse_rule(Path::new("joined.sql"), JOINING_RULE).unwrap();
    let engine = RuleEngine::new(vec![rule], &RuleEnv::default())
        .await
        .unwrap();
    let closed = windows(&[
        call(1, "0811111111"),
        call(2, "0811111111"),
        call(12, "0822222222"),
    ]);
    assert_eq!(closed.len(), 2);
    let first = engine.evaluate(&closed[0]).await.hits;
    let second = engine.evaluate(&closed[1]).await.hits;
    let numbers = |hits: &[RuleHit]| hits.iter().map(|h| h.number.clone()).collect::<Vec<_>>();
    assert_eq!(numbers(&first), vec!["+66811111111"]);
    assert_eq!(first[0].evidence["n"], 2);
    assert_eq!(numbers(&second), vec!["+66822222222"]);
    assert_eq!(second[0].evidence["we"], "2026-11-02T01:20:00Z");
    let again = engine.evaluate(&closed[0]).await.hits;
    assert_eq!(
        again, first,
        "evaluating a window again gives the same hits"
    );
}

/// A rule that fails on one window's data is reported; others go on.
/// A `scope` column overrides the header's scope row by row, and a value
/// it does not know leaves the header's; `scope` and `score` are no
/// evidence. A `scope` column that is not text is a planning error.
#[tokio::test]
async fn a_scope_column_scopes_each_hit() {
    let text = "-- name: scoped\n-- window: 10m\n-- scope: international\n\
        SELECT caller AS number, 0.9 AS score, \
               CASE WHEN caller = '+66811111111' THEN 'all' \
                    WHEN caller = '+66822222222' THEN 'roaming' END AS scope \
        FROM calls GROUP BY caller";
    let rule = parse_rule(Path::new("scoped.sql"), text).unwrap();
    let engine = RuleEngine::new(vec![rule], &RuleEnv::default())
        .await
        .unwrap();
    let closed = windows(&[
        call(1, "0811111111"),
        call(2, "0822222222"),
        call(3, "0833333333"),
    ]);
    let mut scopes: Vec<(String, Scope)> = engine
        .evaluate(&closed[0])
        .await
        .hits
        .into_iter()
        .map(|h| {
            assert!(h.evidence.is_empty(), "{:?}", h.evidence);
            (h.number, h.scope)
        })
        .collect();
    scopes.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        scopes,
        vec![
            ("+66811111111".to_owned(), Scope::All),
            ("+66822222222".to_owned(), Scope::International),
            ("+66833333333".to_owned(), Scope::International),
        ]
    );
    let numeric = "-- name: bad\n-- window: 10m\nSELECT caller AS number, 1 AS scope FROM calls";
    let rule = parse_rule(Path::new("bad.sql"), numeric).unwrap();
    let error = RuleEngine::new(vec![rule], &RuleEnv::default())
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("the `scope` column must be text"), "{error}");
}

#[tokio::test]
async fn a_failing_rule_is_reported_and_does_not_stop_the_others() {
    let failing = parse_rule(
        Path::new("fails.sql"),
        "-- name: fails\n-- window: 10m\nSELECT caller AS number, CAST(callee AS INT) AS x FROM calls",
    )
    .unwrap();
    let fine = parse_rule(Path::new("joined.sql"), JOINING_RULE).unwrap();
    let engine = RuleEngine::new(vec![failing, fine], &RuleEnv::default())
        .await
        .unwrap();
    let closed = windows(&[call(1, "0811111111")]);
    let result = engine.evaluate(&closed[0]).await;
    assert_eq!(result.hits.len(), 1);
    let failed: Vec<&RuleRun> = result.runs.iter().filter(|r| r.error.is_some()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].rule, 0);
}

/// An engine for one rule with the pipeline tables `tables` (name, CSV
/// text), written to files as an operator would.
async fn with_tables(rule: &str, tables: &[(&str, &str)]) -> Result<RuleEngine, RuleErrors> {
    let dir = tempfile::tempdir().unwrap();
    let tables = tables
        .iter()
        .map(|(name, csv)| {
            let path = dir.path().join(format!("{name}.csv"));
            std::fs::write(&path, csv).unwrap();
            RefTable::file(*name, path)
        })
        .collect();
    let rule = parse_rule(Path::new("rule.sql"), rule).unwrap();
    let env = RuleEnv {
        tables,
        ..RuleEnv::default()
    };
    RuleEngine::new(vec![rule], &env).await
}

/// Reference tables from the pipeline are CSV files rules can join.
#[tokio::test]
async fn rules_join_reference_tables() {
    let engine = with_tables(
        "-- name: watched\n-- window: 10m\n\
         SELECT c.caller AS number, p.label FROM calls c JOIN watched_prefixes p ON starts_with(c.caller, p.prefix)",
        &[("watched_prefixes", "prefix,label\n+66811,watched range\n")],
    )
    .await
    .unwrap();
    let closed = windows(&[call(1, "0811111111"), call(2, "0822222222")]);
    let hits = engine.evaluate(&closed[0]).await.hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].number, "+66811111111");
    assert_eq!(hits[0].evidence["label"], "watched range");
}

/// Reference table columns are text: a TAC keeps its leading zero, a number
/// written without `+` stays a string, and a header-only table still joins.
#[tokio::test]
async fn reference_table_columns_are_text() {
    let engine = with_tables(
        "-- name: listed\n-- window: 10m\n\
         SELECT c.caller AS number, n.tac, e.number AS also_empty FROM calls c \
         JOIN numbers n ON c.caller = '+' || n.number \
         LEFT JOIN empty e ON c.caller = e.number",
        &[
            ("numbers", "number,tac\n66811111111,01215800\n"),
            ("empty", "number\n"),
        ],
    )
    .await
    .unwrap();
    let closed = windows(&[call(1, "0811111111"), call(2, "0822222222")]);
    let hits = engine.evaluate(&closed[0]).await.hits;
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].number, "+66811111111");
    assert_eq!(hits[0].evidence["tac"], "01215800");
}

/// A reference table row with the wrong number of fields is reported with
/// the file and the line.
#[tokio::test]
async fn a_ragged_reference_table_row_is_reported() {
    let errors = with_tables(
        JOINING_RULE,
        &[("ragged", "prefix,label\n+66811,one\n+66822,two,three\n")],
    )
    .await
    .unwrap_err();
    let message = errors.to_string();
    assert!(message.contains("ragged.csv"), "{message}");
    assert!(message.contains("line 3"), "{message}");
}

/// A missing reference table is a configuration error naming the file.
#[tokio::test]
async fn a_missing_reference_table_is_reported() {
    let rule = parse_rule(Path::new("a.sql"), JOINING_RULE).unwrap();
    let env = RuleEnv {
        tables: vec![RefTable::file("nowhere", "/nonexistent/nowhere.csv")],
        ..RuleEnv::default()
    };
    let errors = RuleEngine::new(vec![rule], &env).await.unwrap_err();
    assert!(
        errors.to_string().contains("/nonexistent/nowhere.csv"),
        "{errors}"
    );
}

/// A CTE read twice is computed once per window as a stage; the hits equal
/// those of the same query with the CTE written out twice (never staged),
/// window after window.
#[tokio::test]
async fn a_shared_cte_computed_once_gives_the_same_hits() {
    let staged = parse_rule(
        Path::new("staged.sql"),
        "-- name: staged\n-- window: 10m\n\
         WITH k AS (SELECT caller, count(*) AS n FROM calls GROUP BY caller HAVING count(*) >= 2)\n\
         SELECT a.caller AS number, a.n, (SELECT count(*) FROM k) AS repeaters\n\
         FROM k a JOIN k b ON a.caller = b.caller",
    )
    .unwrap();
    let inline = parse_rule(
        Path::new("inline.sql"),
        "-- name: inline\n-- window: 10m\n\
         SELECT a.caller AS number, a.n,\n\
         (SELECT count(*) FROM (SELECT caller FROM calls GROUP BY caller HAVING count(*) >= 2)) AS repeaters\n\
         FROM (SELECT caller, count(*) AS n FROM calls GROUP BY caller HAVING count(*) >= 2) a\n\
         JOIN (SELECT caller, count(*) AS n FROM calls GROUP BY caller HAVING count(*) >= 2) b\n\
         ON a.caller = b.caller",
    )
    .unwrap();
    assert!(
        stages::split(&staged.sql, "__t_").is_some(),
        "the CTE is staged"
    );
    let engine = RuleEngine::new(vec![staged, inline], &RuleEnv::default())
        .await
        .unwrap();
    assert_eq!(engine.plans[0].stages.len(), 1);
    let closed = windows(&[
        call(1, "0811111111"),
        call(2, "0811111111"),
        call(3, "0833333333"),
        call(12, "0822222222"),
        call(13, "0822222222"),
        call(14, "0822222222"),
    ]);
    for window in &closed {
        let hits = engine.evaluate(window).await.hits;
        let of = |rule: usize| -> Vec<(String, Value, Value)> {
            let mut out: Vec<_> = hits
                .iter()
                .filter(|h| h.rule == rule)
                .map(|h| {
                    (
                        h.number.clone(),
                        h.evidence["n"].clone(),
                        h.evidence["repeaters"].clone(),
                    )
                })
                .collect();
            out.sort_by(|a, b| a.0.cmp(&b.0));
            out
        };
        assert_eq!(of(0), of(1));
        assert_eq!(of(0).len(), 1, "one repeating caller per window");
    }
}

/// A shared CTE that groups one window table with count, sum and avg is
/// kept up to date pane by pane; one with `count(DISTINCT)` runs as written.
#[tokio::test]
async fn grouped_shared_ctes_are_kept_pane_by_pane() {
    let rule = |name: &str, aggregate: &str| {
        let text = format!(
            "-- name: {name}\n-- window: 20m every 10m\n\
             WITH k AS (SELECT caller AS number, {aggregate} AS n FROM calls GROUP BY caller)\n\
             SELECT a.number, a.n FROM k a JOIN k b ON a.number = b.number"
        );
        parse_rule(Path::new("rule.sql"), &text).unwrap()
    };
    let rules = vec![
        rule("sums", "sum(duration_s) + count(*)"),
        rule("distinct", "count(DISTINCT callee)"),
    ];
    let engine = RuleEngine::new(rules, &RuleEnv::default()).await.unwrap();
    let kinds: Vec<bool> = engine
        .plans
        .iter()
        .map(|p| matches!(p.stages[0].plan, StagePlan::Incremental(_)))
        .collect();
    assert_eq!(kinds, [true, false]);
}

/// A stage kept pane by pane gives each window its own totals, whatever
/// order the windows are evaluated in (as after a rebalance or a retry).
#[tokio::test]
async fn pane_by_pane_totals_do_not_depend_on_evaluation_order() {
    let rule = parse_rule(
        Path::new("busy.sql"),
        "-- name: busy\n-- window: 20m every 10m\n\
         WITH k AS (SELECT caller AS number, count(*) AS n, sum(duration_s) AS talk\n\
                    FROM calls GROUP BY caller HAVING count(*) >= 2)\n\
         SELECT a.number, a.n, a.talk FROM k a JOIN k b ON a.number = b.number",
    )
    .unwrap();
    let engine = RuleEngine::new(vec![rule], &RuleEnv::default())
        .await
        .unwrap();
    assert!(matches!(
        engine.plans[0].stages[0].plan,
        StagePlan::Incremental(_)
    ));
    let (a, b) = ("0811111111", "0822222222");
    let closed = windows_of(
        "20m every 10m",
        &[
            call(1, a),
            call(2, a),
            call(12, a),
            call(13, b),
            call(14, b),
            call(25, b),
        ],
    );
    let totals = |hits: Vec<RuleHit>| {
        let mut t: Vec<(String, i64)> = hits
            .iter()
            .map(|h| (h.number.clone(), h.evidence["n"].as_i64().unwrap()))
            .collect();
        t.sort();
        t
    };
    let expected = [
        vec![("+66811111111".to_owned(), 2)],
        vec![
            ("+66811111111".to_owned(), 3),
            ("+66822222222".to_owned(), 2),
        ],
        vec![("+66822222222".to_owned(), 3)],
        vec![],
    ];
    assert_eq!(closed.len(), expected.len());
    for order in [[0, 1, 2, 3], [2, 0, 3, 1], [1, 1, 3, 0]] {
        for i in order {
            let hits = engine.evaluate(&closed[i]).await.hits;
            assert_eq!(totals(hits), expected[i], "window {i} in order {order:?}");
        }
    }
}

/// The windows closed at the end of the input are evaluated together, each
/// rule walking them in its own task and handing each window's stages and
/// query to a task of its own: the hits and runs of every window must be
/// those of evaluating the windows one by one, in rule order. `spread`'s
/// stage runs as written (not from pane sums) and its rows differ from
/// window to window, so windows sharing stage rows would show.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windows_evaluated_together_give_the_hits_of_one_by_one() {
    let busy = "-- name: busy\n-- window: 20m every 10m\n\
        WITH k AS (SELECT caller AS number, count(*) AS n FROM calls GROUP BY caller)\n\
        SELECT a.number, a.n, max(c.duration_s) AS longest, max(window_end) AS we\n\
        FROM k a JOIN k b ON a.number = b.number JOIN calls c ON c.caller = a.number\n\
        GROUP BY a.number, a.n";
    let spread = "-- name: spread\n-- window: 20m every 5m\n\
        WITH s AS (SELECT caller AS number, count(DISTINCT callee) AS callees,\n\
                          max(event_time) AS last FROM calls GROUP BY caller)\n\
        SELECT a.number, a.callees, a.last, b.last AS again\n\
        FROM s a JOIN s b ON a.number = b.number";
    let rules = vec![
        parse_rule(Path::new("joined.sql"), JOINING_RULE).unwrap(),
        parse_rule(Path::new("busy.sql"), busy).unwrap(),
        parse_rule(Path::new("spread.sql"), spread).unwrap(),
    ];
    let together_engine = RuleEngine::new(rules.clone(), &RuleEnv::default())
        .await
        .unwrap();
    let one_by_one_engine = RuleEngine::new(rules, &RuleEnv::default()).await.unwrap();
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for minute in 0..55 {
        let caller = format!("08{:08}", 11_111_111 * (1 + minute % 3));
        decoder.push_json(call(minute, &caller).as_bytes()).unwrap();
    }
    let specs = ["10m", "20m every 10m", "20m every 5m"].map(|s| WindowSpec::parse(s).unwrap());
    let mut operator = WindowOperator::new(specs, 0);
    operator.insert(&decoder.finish()).unwrap();
    let closed = operator.close_all();
    assert!(closed.len() >= 10, "{} windows", closed.len());
    let together = together_engine.evaluate_all(&closed).await;
    assert_eq!(together.len(), closed.len());
    let mut hits = 0;
    for (window, result) in closed.iter().zip(together) {
        let alone = one_by_one_engine.evaluate(window).await;
        assert_eq!(result.hits, alone.hits, "window ending {}", window.end_ms);
        let rules_run = |r: &WindowResult| r.runs.iter().map(|run| run.rule).collect::<Vec<_>>();
        assert_eq!(rules_run(&result), rules_run(&alone));
        hits += result.hits.len();
    }
    assert!(hits > 20, "the rules flag numbers in most windows: {hits}");
}
