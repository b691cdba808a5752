//! The whole pipeline, file to block-list: reading, parallel decoding,
//! windows, the starter rules and decisions (outputs discarded).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scamstream::config::{default_pipeline_text, parse_pipeline};
use scamstream::metrics::Metrics;
use scamstream::pipeline::{Outputs, Pipeline};
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
    let pipeline_config =
        parse_pipeline("default", default_pipeline_text()).expect("the default pipeline is valid");
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Elements(records));
    group.bench_function("file_to_blocklist", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let mut pipeline =
                    Pipeline::build(&pipeline_config, Outputs::discard(), Metrics::new())
                        .await
                        .expect("the pipeline builds");
                let mut source =
                    FileSource::open(&input, InputFormat::JsonLines).expect("the input opens");
                pipeline
                    .run(&mut source, &mut |_| {})
                    .await
                    .expect("the run succeeds")
            })
        })
    });
    group.finish();
}

criterion_group!(benches, file_to_blocklist);
criterion_main!(benches);
