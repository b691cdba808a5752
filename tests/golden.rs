//! Golden tests: every rule in `sql/` over a checked-in input, compared with
//! its checked-in hits in `tests/golden/expected/<rule>.jsonl`.
//!
//! After an intended change, regenerate and review the diff:
//! `SCAMSTREAM_BLESS=1 cargo test --test golden && git diff tests/golden`.

use std::collections::BTreeMap;
use std::path::Path;

use scamstream::decisions::format_ts;
use scamstream::record::{Decoder, NumberNormalizer};
use scamstream::rules::{RuleEngine, RuleEnv, RuleSource};
use scamstream::windowing::WindowOperator;
use serde_json::json;

const INPUT: &str = "tests/golden/input.jsonl";
const EXPECTED: &str = "tests/golden/expected";

async fn hits_by_rule() -> BTreeMap<String, Vec<String>> {
    let engine = RuleEngine::load(&RuleSource::Dir("sql".into()), &RuleEnv::default())
        .await
        .expect("the shipped rules plan");
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in std::fs::read_to_string(INPUT)
        .expect("the golden input is checked in")
        .lines()
    {
        decoder
            .push_json(line.as_bytes())
            .expect("the golden input is clean");
    }
    let mut operator = WindowOperator::new(engine.window_specs(), 120_000);
    assert!(operator.insert(&decoder.finish()).unwrap().is_empty());
    let mut out: BTreeMap<String, Vec<String>> = engine
        .rules()
        .iter()
        .map(|r| (r.name.to_string(), Vec::new()))
        .collect();
    for window in operator.close_all() {
        for hit in engine.evaluate(&window).await.hits {
            let line = json!({
                "window_end": format_ts(window.end_ms),
                "number": hit.number,
                "score": hit.score,
                "evidence": hit.evidence,
            });
            out.get_mut(engine.rules()[hit.rule].name.as_ref())
                .unwrap()
                .push(line.to_string());
        }
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rule_matches_its_golden_hits() {
    let bless = std::env::var_os("SCAMSTREAM_BLESS").is_some();
    let actual = hits_by_rule().await;
    let mut failures = Vec::new();
    for (rule, lines) in &actual {
        let path = Path::new(EXPECTED).join(format!("{rule}.jsonl"));
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == text => {}
            Ok(expected) => failures.push(format!(
                "{rule}: {} hits now, {} expected in {} (SCAMSTREAM_BLESS=1 regenerates; review the diff)",
                lines.len(),
                expected.lines().count(),
                path.display()
            )),
            Err(_) => failures.push(format!("{rule}: no golden file {} (SCAMSTREAM_BLESS=1 creates it)", path.display())),
        }
    }
    for entry in std::fs::read_dir(EXPECTED).unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        if !actual.contains_key(&name) {
            failures.push(format!(
                "{name}: golden file for a rule that no longer exists"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        actual.values().all(|hits| !hits.is_empty()),
        "every rule fires on the golden input: {actual:#?}"
    );
}
