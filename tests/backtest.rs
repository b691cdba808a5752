//! The rule library against the quality bar, on generated traffic of fixed
//! seeds, through `scamstream backtest`'s own code path: block-list
//! precision ≥ 0.99, recall ≥ 0.95 for every fraud class, no benign
//! look-alike blocked, median time to detect within one rule window. The
//! shadow rule's false positives must not reach the block-list.
//!
//! The README's "Detection quality" has these seeds' figures and more. A
//! change to the generator reshuffles every seed; one that makes a seed
//! miss the bar needs the miss understood, not the seed swapped.

use scamstream::backtest::{QualityBar, Report, run_backtest};
use scamstream::config::{default_pipeline_text, parse_pipeline};
use scamstream::rules::RuleSource;
use scamstream::sources::generator::{GeneratorConfig, Labels, write_dataset};
use scamstream::sources::{FileSource, InputFormat};

/// Backtests the library in `sql/` on 2 hours of 20 000 subscribers.
async fn backtest_seed(seed: u64) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let generated = GeneratorConfig {
        subscribers: 20_000,
        hours: 2.0,
        seed,
        ..GeneratorConfig::default()
    };
    write_dataset(&generated, dir.path()).unwrap();
    let labels: Labels =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("labels.json")).unwrap())
            .unwrap();
    let mut config = parse_pipeline("default", default_pipeline_text()).unwrap();
    config.rules = RuleSource::Dir("sql".into());
    let input = dir.path().join("records.jsonl");
    let mut source = FileSource::open(&input, InputFormat::JsonLines).unwrap();
    let (report, _) = run_backtest(&config, &mut source, &labels, &mut |_| {})
        .await
        .unwrap();
    report
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rule_library_clears_the_quality_bar_on_five_seeds() {
    for seed in 1..=5 {
        let report = backtest_seed(seed).await;
        assert!(
            report.blocked > 0,
            "seed {seed}: the library blocks something:\n{report}"
        );
        assert_eq!(
            report.classes.len(),
            5,
            "seed {seed}: every fraud class is present in the traffic:\n{report}"
        );
        let shadow = report
            .rules
            .iter()
            .find(|r| r.shadow)
            .expect("the library has a rule in shadow mode");
        assert!(
            shadow.false_positives > 0,
            "seed {seed}: the shadow rule flags numbers that are not fraud:\n{report}"
        );
        let shortfalls = QualityBar::default().shortfalls(&report);
        assert!(
            shortfalls.is_empty(),
            "seed {seed}: below the quality bar:\n  {}\n\n{report}",
            shortfalls.join("\n  ")
        );
    }
}
