//! Windowing plus rule evaluation: decoded batches through the window
//! operator and the rules (the starter rules, then the library of `sql/`),
//! without decoding or output.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::time::Instant;

use arrow::record_batch::RecordBatch;
use scamstream::record::{Decoder, Kind, NumberNormalizer};
use scamstream::rules::{RuleEngine, RuleEnv, RuleSource};
use scamstream::sources::generator::{Generator, GeneratorConfig};
use scamstream::windowing::{Part, WindowOperator};

/// A stretch of decoded input: its calls and its SMS, and each row's place
/// in the input, as the pipeline's decoding threads hand them to the windows.
struct Decoded {
    calls: RecordBatch,
    sms: RecordBatch,
    order: [Vec<u32>; 2],
}

impl Decoded {
    fn parts(&self) -> [Part<'_>; 2] {
        [
            Part {
                batch: &self.calls,
                order: &self.order[0],
            },
            Part {
                batch: &self.sms,
                order: &self.order[1],
            },
        ]
    }
}

fn batches() -> (Vec<Decoded>, usize) {
    let mut generator = Generator::new(GeneratorConfig {
        subscribers: 50_000,
        hours: 1.0,
        ..GeneratorConfig::default()
    });
    let mut decoder = Decoder::by_kind(NumberNormalizer::new(66).expect("66 is Thailand"));
    let mut decoded = Vec::new();
    let mut order = [Vec::new(), Vec::new()];
    let mut rows = 0;
    let mut buf = Vec::new();
    while generator.next_slice(&mut buf) > 0 {
        for line in buf.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            match decoder.push_json(line) {
                Ok(Kind::Call) => order[0].push(rows as u32),
                Ok(Kind::Sms) => order[1].push(rows as u32),
                Err(_) => continue,
            }
            rows += 1;
        }
        buf.clear();
        if decoder.len() >= 65_536 {
            let (calls, sms) = decoder.finish_by_kind();
            decoded.push(Decoded {
                calls,
                sms,
                order: std::mem::take(&mut order),
            });
        }
    }
    let (calls, sms) = decoder.finish_by_kind();
    decoded.push(Decoded { calls, sms, order });
    (decoded, rows)
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
    batches: &[Decoded],
    label: &str,
) {
    group.bench_function(format!("windows_and_{label}_rules"), |b| {
        b.iter(|| {
            runtime.block_on(async {
                let mut operator = WindowOperator::new(engine.window_specs(), 120_000);
                let (mut hits, mut late) = (0, 0);
                for decoded in batches {
                    let outcomes = operator
                        .insert_parts(&decoded.parts(), |_| 0, Instant::now())
                        .expect("decoded batches have the record schema");
                    late += outcomes.iter().map(|o| o.late.len()).sum::<usize>();
                    for window in operator.close_ready() {
                        hits += engine.evaluate(&window).await.hits.len();
                    }
                }
                for window in operator.close_all() {
                    hits += engine.evaluate(&window).await.hits.len();
                }
                // Every row is windowed: none is behind a closed window.
                assert_eq!(late, 0, "rows were late");
                hits
            })
        })
    });
}

criterion_group!(benches, windows_and_rules);
criterion_main!(benches);
