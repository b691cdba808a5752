//! Decoding JSON Lines into Arrow: parsing, validation and number
//! normalisation, on one core.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use scamstream::record::{Decoder, NumberNormalizer};
use scamstream::sources::generator::{Generator, GeneratorConfig};

fn generated_lines() -> Vec<Vec<u8>> {
    let mut generator = Generator::new(GeneratorConfig {
        subscribers: 20_000,
        hours: 0.25,
        ..GeneratorConfig::default()
    });
    let mut buf = Vec::new();
    while generator.next_slice(&mut buf) > 0 {}
    buf.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

fn decode(c: &mut Criterion) {
    let lines = generated_lines();
    let mut group = c.benchmark_group("record");
    group.throughput(Throughput::Elements(lines.len() as u64));
    // A fresh decoder per iteration, as each decoding thread of a run
    // starts with one.
    group.bench_function("decode_json_lines", |b| {
        b.iter_batched(
            || Decoder::new(NumberNormalizer::new(66).expect("66 is Thailand")),
            |mut decoder| decode_all(&mut decoder, &lines),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn decode_all(decoder: &mut Decoder, lines: &[Vec<u8>]) -> arrow::record_batch::RecordBatch {
    for line in lines {
        let _ = decoder.push_json(line);
    }
    decoder.finish()
}

criterion_group!(benches, decode);
criterion_main!(benches);
