//! The windowed engine against a one-shot DataFusion query.
//!
//! Random records, delivered in random batches with disorder bounded below
//! the allowed lateness, go through the window operator and the rule engine.
//! Independently, every window's rows are selected from the whole input with
//! a plain `WHERE event_time >= start AND event_time < end` view and each rule
//! runs once over them. Both must flag the same numbers with the same evidence.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use arrow::array::{Array, AsArray, Int64Array, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Field, Int64Type, Schema, TimeUnit, TimestampMillisecondType};
use datafusion::datasource::MemTable;
use datafusion::logical_expr::{ColumnarValue, ScalarUDF, Volatility, create_udf};
use datafusion::prelude::{CsvReadOptions, SessionContext};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use scamstream::record::{Decoder, NumberNormalizer, record_schema};
use scamstream::rules::functions::{builtin_lexicon, register_functions};
use scamstream::rules::{
    Rule, RuleEngine, RuleEnv, RuleHit, RuleSource, hits_from_batches, load_rules, parse_rule,
};
use scamstream::windowing::WindowOperator;

const MIN: i64 = 60_000;
const START: i64 = 1_793_577_600_000; // 2026-11-02T00:00:00Z
const LATENESS: i64 = 2 * MIN;

/// Low-threshold rules so that random traffic produces hits, using the
/// window columns, joins and a score column.
const TEST_RULES: &[&str] = &[
    "-- name: busy_caller\n-- window: 30m every 10m\n-- score: 0.7\n\
     SELECT caller AS number, count(*) AS attempts, count(DISTINCT callee) AS callees,\n\
            min(window_start) AS ws, max(window_end) AS we,\n\
            CAST(count(*) AS DOUBLE) / 20.0 AS score\n\
     FROM calls GROUP BY caller HAVING count(*) >= 6",
    "-- name: texter\n-- window: 15m\n\
     SELECT s.caller AS number, count(*) AS texts, sum(coalesce(c.n, 0)) AS also_called\n\
     FROM sms s LEFT JOIN (SELECT caller, count(*) AS n FROM calls GROUP BY caller) c ON s.caller = c.caller\n\
     GROUP BY s.caller HAVING count(*) >= 3",
    // Its shared CTE is kept up to date pane by pane (`rules::incremental`).
    "-- name: pane_sums\n-- window: 30m every 5m\n-- score: 0.6\n\
     WITH busy AS (\n\
         SELECT caller AS number, count(*) AS attempts, sum(duration_s) AS talk,\n\
                avg(CASE WHEN answered THEN 1.0 ELSE 0.0 END) AS answer_rate,\n\
                count(imsi) AS with_imsi\n\
         FROM calls WHERE route <> 'onnet' GROUP BY caller\n\
         HAVING count(*) >= 8 AND avg(duration_s) < 90)\n\
     SELECT b.number, b.attempts, b.talk, b.answer_rate, b.with_imsi, count(s.caller) AS texts\n\
     FROM busy b LEFT JOIN sms s ON s.caller = b.number\n\
     WHERE b.number IN (SELECT number FROM busy WHERE talk > 200)\n\
     GROUP BY b.number, b.attempts, b.talk, b.answer_rate, b.with_imsi",
    // Its join back to `records` reads only the rows that can match (its
    // calls and texts alike, `rules::prefilter`).
    "-- name: prefiltered\n-- window: 20m every 5m\n-- score: 0.6\n\
     WITH dialers AS (\n\
         SELECT caller AS number, count(*) AS made FROM calls GROUP BY caller HAVING count(*) >= 4)\n\
     SELECT d.number, d.made, count(r.caller) AS records,\n\
            sum(CASE WHEN r.kind = 'sms' THEN 1 ELSE 0 END) AS texts\n\
     FROM dialers d LEFT JOIN records r ON r.caller = d.number\n\
     WHERE d.number IN (SELECT number FROM dialers WHERE made >= 5)\n\
     GROUP BY d.number, d.made",
];

fn random_lines(rng: &mut ChaCha8Rng, n: usize) -> Vec<String> {
    let mut rows: Vec<(i64, String)> = (0..n)
        .map(|i| {
            let ts = START + (i as i64) * 5_400_000 / n as i64 + rng.random_range(0..5_000);
            let caller = format!("+6681{:07}", rng.random_range(0..40));
            let callee = format!("08{:08}", rng.random_range(0..300));
            let line = if rng.random_bool(0.8) {
                let answered = rng.random_bool(0.4);
                let duration = if answered { rng.random_range(1..300) } else { 0 };
                let route = ["onnet", "national", "international"][rng.random_range(0..3)];
                format!(
                    r#"{{"kind":"call","ts":{ts},"caller":"{caller}","callee":"{callee}","duration_s":{duration},"route":"{route}","imsi":"52001{:010}","cell_id":"c{}"}}"#,
                    rng.random_range(0..40),
                    rng.random_range(0..3)
                )
            } else {
                format!(r#"{{"kind":"sms","ts":{ts},"caller":"{caller}","callee":"{callee}","text":"hi"}}"#)
            };
            (ts, line)
        })
        .collect();
    // Bounded disorder: swap records up to 90 s apart (lateness is 120 s).
    for i in 1..rows.len() {
        let j = i - rng.random_range(0..=i.min(8));
        if (rows[i].0 - rows[j].0).abs() < 90_000 {
            rows.swap(i, j);
        }
    }
    rows.into_iter().map(|(_, l)| l).collect()
}

fn rules() -> Vec<Rule> {
    let mut rules = load_rules(&RuleSource::Dir("sql".into())).expect("the shipped rules load");
    for (i, text) in TEST_RULES.iter().enumerate() {
        rules.push(
            parse_rule(Path::new(&format!("test_rule_{i}.sql")), text).expect("test rule parses"),
        );
    }
    rules
}

type HitKey = (i64, String, String, String);

fn key(end: i64, rule: &Rule, hit: &RuleHit) -> HitKey {
    let evidence = serde_json::to_string(&hit.evidence).unwrap();
    (
        end,
        rule.name.to_string(),
        hit.number.clone(),
        format!("{evidence} score={:.6}", hit.score),
    )
}

async fn streamed(lines: &[String], rng: &mut ChaCha8Rng, rules: &[Rule]) -> BTreeSet<HitKey> {
    let env = RuleEnv {
        tables: RuleEnv::default().tables_for(&RuleSource::Dir("sql".into())),
        ..RuleEnv::default()
    };
    let engine = RuleEngine::new(rules.to_vec(), &env).await.unwrap();
    let mut operator = WindowOperator::new(engine.window_specs(), LATENESS);
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    let mut hits = BTreeSet::new();
    let mut rest = lines;
    while !rest.is_empty() {
        let take = rng.random_range(1..=rest.len().min(700));
        for line in &rest[..take] {
            decoder.push_json(line.as_bytes()).unwrap();
        }
        rest = &rest[take..];
        let late = operator.insert(&decoder.finish()).unwrap();
        assert!(late.is_empty(), "disorder is below the lateness");
        for window in operator.close_ready() {
            for hit in engine.evaluate(&window).await.hits {
                hits.insert(key(window.end_ms, &engine.rules()[hit.rule], &hit));
            }
        }
    }
    for window in operator.close_all() {
        for hit in engine.evaluate(&window).await.hits {
            hits.insert(key(window.end_ms, &engine.rules()[hit.rule], &hit));
        }
    }
    hits
}

async fn one_shot(lines: &[String], rules: &[Rule]) -> BTreeSet<HitKey> {
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in lines {
        decoder.push_json(line.as_bytes()).unwrap();
    }
    let all = decoder.finish();
    let times = all
        .column_by_name("event_time")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow::array::TimestampMillisecondArray>()
        .unwrap()
        .values()
        .to_vec();
    let mut hits = BTreeSet::new();
    let specs: BTreeSet<_> = rules.iter().map(|r| r.window).collect();
    for spec in specs {
        let windows: BTreeSet<(i64, i64)> = times
            .iter()
            .flat_map(|&t| spec.windows_containing(t))
            .collect();
        for (start, end) in windows {
            let ctx = SessionContext::new();
            register_functions(&ctx, 66, builtin_lexicon());
            ctx.register_udf(independent_callers(calls_of(&all)));
            register_reference_tables(&ctx).await;
            let table = MemTable::try_new(record_schema(), vec![vec![all.clone()]]).unwrap();
            ctx.register_table("all_rows", Arc::new(table)).unwrap();
            let ts = |ms: i64| format!("arrow_cast({ms}, 'Timestamp(Millisecond, Some(\"UTC\"))')");
            let bounds = format!("{} AS window_start, {} AS window_end", ts(start), ts(end));
            let within = format!("event_time >= {} AND event_time < {}", ts(start), ts(end));
            for (view, kind) in [
                ("calls", "AND kind = 'call'"),
                ("sms", "AND kind = 'sms'"),
                ("records", ""),
            ] {
                let sql = format!(
                    "CREATE VIEW {view} AS SELECT *, {bounds} FROM all_rows WHERE {within} {kind}"
                );
                ctx.sql(&sql).await.unwrap().collect().await.unwrap();
            }
            for (index, rule) in rules.iter().enumerate().filter(|(_, r)| r.window == spec) {
                let batches = ctx.sql(&rule.sql).await.unwrap().collect().await.unwrap();
                for hit in hits_from_batches(index, rule, &batches).unwrap() {
                    hits.insert(key(end, rule, &hit));
                }
            }
        }
    }
    hits
}

/// (caller, callee, event time) of every call of `all`.
fn calls_of(all: &RecordBatch) -> Arc<Vec<(String, String, i64)>> {
    let text = |name: &str| all.column_by_name(name).unwrap().as_string::<i32>().clone();
    let (kinds, callers, callees) = (text("kind"), text("caller"), text("callee"));
    let times = all
        .column_by_name("event_time")
        .unwrap()
        .as_primitive::<TimestampMillisecondType>();
    Arc::new(
        (0..all.num_rows())
            .filter(|&row| kinds.value(row) == "call")
            .map(|row| {
                let (caller, callee) = (callers.value(row), callees.value(row));
                (caller.to_owned(), callee.to_owned(), times.value(row))
            })
            .collect(),
    )
}

/// `independent_callers(number, before)` straight from every call of the
/// input: the callers whose first call to `number` fell in the day before
/// `before`, earlier than any call `number` made to them. (The random
/// traffic here gives every call an IMSI, so `spoofed_callerid` has no
/// candidate to ask about; the engine's memory is compared with this
/// definition in its unit tests, on traffic within its per-number bounds.)
fn independent_callers(calls: Arc<Vec<(String, String, i64)>>) -> ScalarUDF {
    let count = move |number: &str, before: i64| -> i64 {
        let mut first: BTreeMap<&str, i64> = BTreeMap::new();
        for (caller, _, t) in calls.iter().filter(|c| c.1 == number) {
            let at = first.entry(caller.as_str()).or_insert(*t);
            *at = (*at).min(*t);
        }
        first
            .into_iter()
            .filter(|&(caller, t)| {
                t >= before - 86_400_000
                    && t < before
                    && !calls
                        .iter()
                        .any(|(a, b, u)| a == number && b == caller && *u <= t)
            })
            .count() as i64
    };
    let body = move |args: &[ColumnarValue]| {
        let arrays = ColumnarValue::values_to_arrays(args)?;
        let numbers = arrays[0].as_string::<i32>();
        let before = cast(&arrays[1], &DataType::Int64)?;
        let before = before.as_primitive::<Int64Type>();
        let out: Int64Array = (0..numbers.len())
            .map(|row| Some(count(numbers.value(row), before.value(row))))
            .collect();
        Ok(ColumnarValue::Array(Arc::new(out)))
    };
    create_udf(
        "independent_callers",
        vec![
            DataType::Utf8,
            DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
        ],
        DataType::Int64,
        Volatility::Immutable,
        Arc::new(body),
    )
}

/// The library's reference tables, read by DataFusion's own CSV reader with
/// every column as text, as the engine registers them.
async fn register_reference_tables(ctx: &SessionContext) {
    for entry in std::fs::read_dir("sql/tables").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let header = text.lines().next().unwrap();
        let schema = Schema::new(
            header
                .split(',')
                .map(|column| Field::new(column.trim(), DataType::Utf8, true))
                .collect::<Vec<_>>(),
        );
        let options = CsvReadOptions::new().schema(&schema).has_header(true);
        ctx.register_csv(name.as_str(), path.to_str().unwrap(), options)
            .await
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn windowed_hits_equal_a_one_shot_query_per_window() {
    let rules = rules();
    for seed in [1u64, 2] {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let lines = random_lines(&mut rng, 2_000);
        let expected = one_shot(&lines, &rules).await;
        let got = streamed(&lines, &mut rng, &rules).await;
        for rule in ["busy_caller", "texter", "pane_sums", "prefiltered"] {
            let test_rule_hits = expected.iter().filter(|k| k.1 == rule).count();
            assert!(
                test_rule_hits > 20,
                "seed {seed}: the reference must produce hits of {rule} ({test_rule_hits})"
            );
        }
        assert_eq!(got, expected, "seed {seed}");
    }
}
