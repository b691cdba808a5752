//! Overlapping evaluation with reading must not change a single output
//! entry: the pipeline's block-list is compared with a reference that
//! evaluates every window in place, chunk by chunk, and lets blocks expire
//! right after, as the pipeline did before evaluation moved to the
//! background.

use std::path::PathBuf;

use super::super::{Outputs, Pipeline};
use crate::config::{PipelineConfig, default_pipeline_text, parse_pipeline};
use crate::decisions::{AllowList, Decider, Decision, DeviceWatch, RuleInfo, Sightings, devices};
use crate::metrics::Metrics;
use crate::record::{Decoder, NumberNormalizer};
use crate::rules::{RuleEngine, RuleSource};
use crate::sinks::{MemorySink, NullSink};
use crate::sources::generator::{Generator, GeneratorConfig};
use crate::sources::{Chunk, ChunkBody, Progress, Source, SourceError, split_lines};
use crate::windowing::{ClosedWindow, WindowOperator};

/// Records per chunk: small (a few seconds of event time), so that windows
/// close and blocks expire between chunks many times over.
const LINES_PER_CHUNK: usize = 50;

/// Two hours of labelled traffic as JSON Lines.
fn traffic() -> Vec<u8> {
    let mut generator = Generator::new(GeneratorConfig {
        subscribers: 3_000,
        hours: 2.0,
        seed: 12,
        ..GeneratorConfig::default()
    });
    let mut out = Vec::new();
    while generator.next_slice(&mut out) > 0 {}
    out
}

/// The rule library with blocks of 20 minutes and a second: a block then
/// expires just after the end of the window that would renew it, in the
/// chunk that closes that window, while the window is being evaluated.
/// Letting it expire before deciding on that window unblocks and blocks
/// again instead of renewing.
fn config() -> PipelineConfig {
    let mut config = parse_pipeline("default", default_pipeline_text()).expect("a valid default");
    config.rules = RuleSource::Dir(PathBuf::from("sql"));
    config.decisions.block_ttl_ms = 20 * 60_000 + 1_000;
    config.decisions.republish_after_ms = 5 * 60_000;
    config
}

/// `lines` split into chunks of [`LINES_PER_CHUNK`] lines.
struct SmallChunks {
    lines: Vec<Vec<u8>>,
    next: usize,
}

impl Source for SmallChunks {
    fn name(&self) -> &str {
        "test"
    }
    fn kind(&self) -> &'static str {
        "file"
    }
    fn next_chunk(&mut self) -> Result<Option<Chunk>, SourceError> {
        if self.next >= self.lines.len() {
            return Ok(None);
        }
        let end = (self.next + LINES_PER_CHUNK).min(self.lines.len());
        let buf = self.lines[self.next..end].join(&b'\n');
        let (items, _) = split_lines(&buf, self.next as u64 + 1);
        self.next = end;
        Ok(Some(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "line",
            origins: Vec::new(),
        }))
    }
    fn progress(&self) -> Progress {
        Progress {
            done: self.next as u64,
            total: Some(self.lines.len() as u64),
        }
    }
}

fn lines(text: &[u8]) -> Vec<Vec<u8>> {
    text.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

async fn pipeline_blocklist(config: &PipelineConfig, text: &[u8]) -> Vec<String> {
    let blocklist = MemorySink::default();
    let outputs = Outputs {
        blocklist: Box::new(blocklist.clone()),
        alerts: Box::new(NullSink),
        rejects: Box::new(NullSink),
    };
    let mut pipeline = Pipeline::build(config, outputs, Metrics::new())
        .await
        .expect("the pipeline builds");
    let mut source = SmallChunks {
        lines: lines(text),
        next: 0,
    };
    pipeline
        .run(&mut source, &mut |_| {})
        .await
        .expect("the run succeeds");
    blocklist.lines()
}

/// The same records, windows evaluated in place as each chunk closes them,
/// and their devices followed right after.
async fn reference_blocklist(config: &PipelineConfig, text: &[u8]) -> Vec<String> {
    let engine = RuleEngine::load(&config.rules, &config.rule_env())
        .await
        .expect("the rules load");
    let mut operator = WindowOperator::new(engine.window_specs(), config.allowed_lateness_ms);
    let mut infos: Vec<RuleInfo> = engine.rules().iter().map(RuleInfo::of).collect();
    infos.push(devices::rule_info(operator.pane_ms()));
    let mut watch = DeviceWatch::new(infos.len() - 1);
    let mut decider = Decider::new(config.decisions.clone(), infos, AllowList::default());
    let mut decoder = Decoder::new(NumberNormalizer::new(config.country_code).expect("valid"));
    let mut out = Vec::new();
    for chunk in lines(text).chunks(LINES_PER_CHUNK) {
        for line in chunk {
            let _ = decoder.push_json(line);
        }
        let late = operator.insert(&decoder.finish()).expect("windowed");
        assert!(late.is_empty(), "generated traffic is never late");
        let closed = operator.close_ready();
        decide_in_place(&engine, &mut decider, &mut watch, closed, &mut out).await;
        if let Some(watermark) = operator.watermark().current() {
            out.extend(decider.advance(watermark));
        }
    }
    let closed = operator.close_all();
    decide_in_place(&engine, &mut decider, &mut watch, closed, &mut out).await;
    out.iter().map(Decision::to_json).collect()
}

async fn decide_in_place(
    engine: &RuleEngine,
    decider: &mut Decider,
    watch: &mut DeviceWatch,
    closed: Vec<ClosedWindow>,
    out: &mut Vec<Decision>,
) {
    for group in closed.chunk_by(|a, b| a.end_ms == b.end_ms) {
        let mut hits = Vec::new();
        for window in group {
            hits.extend(engine.evaluate(window).await.hits);
            hits.retain(|h| !engine.rules()[h.rule].shadow);
        }
        let start = group.iter().map(|w| w.start_ms).min().expect("a window");
        let end = group[0].end_ms;
        let flagged: Vec<String> = hits.iter().map(|h| h.number.clone()).collect();
        let mut decisions = decider.on_windows_closed(start, end, hits);
        let Some(seen) = Sightings::of_longest(group, &engine.acting_window_specs()) else {
            out.extend(decisions);
            continue;
        };
        watch.watch(&seen, flagged.iter().map(String::as_str), decider);
        let follow_ups = watch.follow(&seen, decider);
        decisions.extend(decider.on_windows_closed(start, end, follow_ups));
        devices::note_devices(&mut decisions, &seen, watch);
        out.extend(decisions);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlapped_evaluation_writes_what_in_place_evaluation_writes() {
    let text = traffic();
    let config = config();
    let expected = reference_blocklist(&config, &text).await;
    let unblocks = expected
        .iter()
        .filter(|l| l.contains("\"unblock\""))
        .count();
    assert!(
        unblocks >= 5 && expected.len() >= unblocks + 20,
        "the traffic must block and unblock numbers to prove anything: {} entries, {unblocks} unblocks",
        expected.len()
    );
    assert!(
        expected.iter().any(|l| l.contains(devices::RULE_NAME)),
        "the traffic must make the devices of blocked numbers be followed"
    );
    let got = pipeline_blocklist(&config, &text).await;
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "entry {i} differs");
    }
    assert_eq!(got.len(), expected.len(), "as many entries");
}
