//! Running a backtest: the pipeline over labelled history, with every rule
//! hit and the first record of every labelled number kept on the side.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use arrow::array::{Array, AsArray};
use arrow::datatypes::TimestampMillisecondType;
use arrow::record_batch::RecordBatch;
use chrono::DateTime;

use super::report::{Observed, Report, RuleMeta};
use crate::config::PipelineConfig;
use crate::decisions::devices;
use crate::metrics::Metrics;
use crate::pipeline::{Outputs, Pipeline, PipelineError, Summary};
use crate::record::column;
use crate::rules::Action;
use crate::sinks::{MemorySink, NullSink};
use crate::sources::generator::Labels;
use crate::sources::{Progress, Source};

type FirstSeen = Arc<Mutex<HashMap<String, i64>>>;

/// Runs `config`'s pipeline over `source` and scores it against `labels`.
/// Nothing is written: the block-list and alerts are kept in memory, and
/// rejected records are only counted (in the summary); `run` writes them.
pub async fn run_backtest(
    config: &PipelineConfig,
    source: &mut dyn Source,
    labels: &Labels,
    on_progress: &mut dyn FnMut(Progress),
) -> Result<(Report, Summary), PipelineError> {
    let blocklist = MemorySink::default();
    let alerts = MemorySink::default();
    let outputs = Outputs {
        blocklist: Box::new(blocklist.clone()),
        alerts: Box::new(alerts.clone()),
        rejects: Box::new(NullSink),
    };
    let mut pipeline = Pipeline::build(config, outputs, Metrics::new()).await?;
    pipeline.keep_hits();
    let first_seen: FirstSeen = FirstSeen::default();
    let watched: HashSet<String> = labels.fraud.iter().map(|l| l.number.clone()).collect();
    let seen = Arc::clone(&first_seen);
    pipeline.set_tap(Box::new(move |batch| {
        note_first_seen(batch, &watched, &seen)
    }));
    let summary = pipeline.run(source, on_progress).await?;
    let rules: Vec<RuleMeta> = pipeline
        .engine()
        .rules()
        .iter()
        .map(|r| RuleMeta {
            name: r.name.to_string(),
            action: match r.action {
                Action::Block => "block",
                Action::Alert => "alert",
            },
            shadow: r.shadow,
            window_minutes: r.window.size_ms as f64 / 60_000.0,
        })
        .chain(pipeline.follows_devices().then(|| RuleMeta {
            // The follow-up acts in the decision stage, on the rules' windows.
            name: devices::RULE_NAME.to_owned(),
            action: "block",
            shadow: false,
            window_minutes: 0.0,
        }))
        .collect();
    let hits: Vec<(usize, String)> = pipeline
        .take_hits()
        .into_iter()
        .map(|h| (h.rule, h.number))
        .collect();
    let first_block_ms = first_blocks(&blocklist.lines());
    let alerted = alerted_numbers(&alerts.lines());
    let international_only = international_only(&blocklist.lines());
    let first_seen_ms =
        std::mem::take(&mut *first_seen.lock().unwrap_or_else(PoisonError::into_inner));
    let observed = Observed {
        rules: &rules,
        hits: &hits,
        first_block_ms: &first_block_ms,
        first_seen_ms: &first_seen_ms,
        alerted: &alerted,
        international_only: &international_only,
    };
    Ok((Report::score(observed, labels), summary))
}

/// The earliest event time of each watched number as a caller or sender.
fn note_first_seen(batch: &RecordBatch, watched: &HashSet<String>, seen: &FirstSeen) {
    let (Some(callers), Some(times)) = (
        batch.column_by_name(column::CALLER),
        batch.column_by_name(column::EVENT_TIME),
    ) else {
        return;
    };
    let callers = callers.as_string::<i32>();
    let times = times.as_primitive::<TimestampMillisecondType>();
    let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
    for row in 0..batch.num_rows() {
        if callers.is_null(row) || !watched.contains(callers.value(row)) {
            continue;
        }
        let ts = times.value(row);
        seen.entry(callers.value(row).to_owned())
            .and_modify(|t| *t = (*t).min(ts))
            .or_insert(ts);
    }
}

/// Every number with an `alert` entry, from alert lines.
fn alerted_numbers(lines: &[String]) -> HashSet<String> {
    entries(lines, "alert")
        .filter_map(|value| value["number"].as_str().map(str::to_owned))
        .collect()
}

/// The numbers every block entry of which says `"scope":"international"`.
fn international_only(lines: &[String]) -> HashSet<String> {
    let mut scopes: HashMap<String, bool> = HashMap::new();
    for value in entries(lines, "block") {
        if let Some(number) = value["number"].as_str() {
            let international = value["scope"] == "international";
            *scopes.entry(number.to_owned()).or_insert(true) &= international;
        }
    }
    scopes
        .into_iter()
        .filter_map(|(number, international)| international.then_some(number))
        .collect()
}

/// The entries of `action` among block-list or alert lines.
fn entries<'a>(
    lines: &'a [String],
    action: &'a str,
) -> impl Iterator<Item = serde_json::Value> + 'a {
    lines
        .iter()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(move |value| value["action"] == action)
}

/// The first `block` entry of each number, from block-list lines.
pub(crate) fn first_blocks(lines: &[String]) -> HashMap<String, i64> {
    let mut out: HashMap<String, i64> = HashMap::new();
    for value in entries(lines, "block") {
        let (Some(number), Some(at)) = (
            value["number"].as_str(),
            value["flagged_at"]
                .as_str()
                .and_then(|t| DateTime::parse_from_rfc3339(t).ok()),
        ) else {
            continue;
        };
        let ms = at.timestamp_millis();
        out.entry(number.to_owned())
            .and_modify(|t| *t = (*t).min(ms))
            .or_insert(ms);
    }
    out
}
