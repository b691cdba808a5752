//! Windowing plus rule evaluation: decoded batches through the window
//! operator and the rules (the starter rules, then the library of `sql/`),
//! without decoding or output.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scamstream::record::{Decoder, NumberNormalizer};
use scamstream::rules::{RuleEngine, RuleEnv, RuleSource};
use scamstream::sources::generator::{Generator, GeneratorConfig};
use scamstream::windowing::WindowOperator;

fn batches() -> (Vec<arrow::record_batch::RecordBatch>, usize) {
    let mut generator = Generator::new(GeneratorConfig {
        subscribers: 50_000,
        hours: 1.0,
        ..GeneratorConfig::default()
    });
    // Calls and SMS in separate batches, as the pipeline's decoding threads
    // hand them to the windows.
    let mut decoder = Decoder::by_kind(NumberNormalizer::new(66).expect("66 is Thailand"));
    let mut batches = Vec::new();
    let mut rows = 0;
    let mut buf = Vec::new();
    while generator.next_slice(&mut buf) > 0 {
        for line in buf.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let _ = decoder.push_json(line);
        }
        buf.clear();
        if decoder.len() >= 65_536 {
            let (calls, sms) = decoder.finish_by_kind();
            rows += calls.num_rows() + sms.num_rows();
            batches.extend([calls, sms]);
        }
    }
    let (calls, sms) = decoder.finish_by_kind();
    rows += calls.num_rows() + sms.num_rows();
    batches.extend([calls, sms]);
    (batches, rows)
}

fn windows_and_rules(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let scratch = tempfile::tempdir().expect("a temporary directory");
    let (batches, rows) = batches();
    let mut group = c.benchmark_group("windowing");
    group.sample_size(10);
    group.throughput(Throughput::Elements(rows as u64));
    for set in common::rule_sets(scratch.path()) {
        let source = RuleSource::Dir(set.dir);
        let engine = runtime
            .block_on(RuleEngine::load(&source, &RuleEnv::default()))
            .expect("the shipped rules plan");
        bench_rules(&mut group, &runtime, &engine, &batches, set.label);
    }
    group.finish();
}

fn bench_rules(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    runtime: &tokio::runtime::Runtime,
    engine: &RuleEngine,
    batches: &[arrow::record_batch::RecordBatch],
    label: &str,
) {
    group.bench_function(format!("windows_and_{label}_rules"), |b| {
        b.iter(|| {
            runtime.block_on(async {
                let mut operator = WindowOperator::new(engine.window_specs(), 120_000);
                let mut hits = 0;
                for batch in batches {
                    operator
                        .insert(batch)
                        .expect("decoded batches have the record schema");
                    for window in operator.close_ready() {
                        hits += engine.evaluate(&window).await.hits.len();
                    }
                }
                for window in operator.close_all() {
                    hits += engine.evaluate(&window).await.hits.len();
                }
                hits
            })
        })
    });
}

criterion_group!(benches, windows_and_rules);
criterion_main!(benches);
