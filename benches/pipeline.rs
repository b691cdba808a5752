//! The whole pipeline, file to block-list: reading, parallel decoding,
//! windows, the rules (the starter rules, then the library of `sql/`) and
//! decisions (outputs discarded).
//!
//! `file_to_blocklist_*` times the run of a freshly built pipeline over the
//! file, as a long-running pipeline spends its time; loading and planning
//! the rules happens once per process start and is timed on its own by
//! `load_*`.

mod common;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;

use scamstream::config::{PipelineConfig, default_pipeline_text, parse_pipeline};
use scamstream::metrics::Metrics;
use scamstream::pipeline::{Outputs, Pipeline};
use scamstream::rules::RuleSource;
use scamstream::sources::generator::{GeneratorConfig, write_dataset};
use scamstream::sources::{FileSource, InputFormat};

fn file_to_blocklist(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let config = GeneratorConfig {
        subscribers: 100_000,
        hours: 1.0,
        ..GeneratorConfig::default()
    };
    let records = write_dataset(&config, dir.path()).expect("the data set is written");
    let input = dir.path().join("records.jsonl");
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let configs: Vec<(&str, PipelineConfig)> = common::rule_sets(dir.path())
        .into_iter()
        .map(|set| {
            let mut pipeline_config = parse_pipeline("default", default_pipeline_text())
                .expect("the default pipeline is valid");
            pipeline_config.rules = RuleSource::Dir(set.dir);
            (set.label, pipeline_config)
        })
        .collect();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(records));
    for (label, pipeline_config) in &configs {
        bench_pipeline(
            &mut group,
            &runtime,
            pipeline_config,
            (&input, records),
            label,
        );
    }
    group.finish();
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    for (label, pipeline_config) in &configs {
        group.bench_function(format!("load_{label}_rules"), |b| {
            b.iter(|| build(&runtime, pipeline_config))
        });
    }
    group.finish();
}

fn bench_pipeline(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    runtime: &tokio::runtime::Runtime,
    pipeline_config: &PipelineConfig,
    (input, records): (&Path, u64),
    label: &str,
) {
    group.bench_function(format!("file_to_blocklist_{label}_rules"), |b| {
        b.iter_batched(
            || build(runtime, pipeline_config),
            |mut pipeline| {
                let summary = runtime.block_on(async {
                    let mut source =
                        FileSource::open(input, InputFormat::JsonLines).expect("the input opens");
                    pipeline
                        .run(&mut source, &mut |_| {})
                        .await
                        .expect("the run succeeds")
                });
                // A run that dropped rows (as late, say) would look faster.
                assert_eq!(
                    summary.records_accepted, records,
                    "every record is windowed"
                );
                summary
            },
            BatchSize::PerIteration,
        )
    });
}

/// A pipeline over `pipeline_config`, its rules loaded and planned.
fn build(runtime: &tokio::runtime::Runtime, pipeline_config: &PipelineConfig) -> Pipeline {
    runtime.block_on(async {
        Pipeline::build(pipeline_config, Outputs::discard(), Metrics::new())
            .await
            .expect("the pipeline builds")
    })
}

criterion_group!(benches, file_to_blocklist);
criterion_main!(benches);
