//! A generator of realistic, labelled telecom traffic for a Thai mobile
//! operator (country code 66): the demo input, and the ground truth for
//! tests and benchmarks of rules.
//!
//! ```text
//!  seed ──> Population (subscribers, circles, number plan)
//!       └─> cast: look-alikes + fraud actors ──> Labels (known up front)
//!
//!  for each one-minute slice of event time:
//!     Crowd + every actor ──> records (event time in the slice)
//!     planned reactions (call-backs, replies) due in the slice
//!     Sink: written as JSON Lines, each given an arrival delay (≤ 55 s)
//!     ──> records arriving before the slice ends, in arrival order
//! ```
//!
//! The traffic is meant to be hard, not trivially separable: fraud is a
//! fraction of a percent of numbers, and each fraud class has benign
//! look-alikes sharing its most obvious trait (volume, fan-out, static cell,
//! international route, brand names in texts). Numbers and timestamps come
//! in the mix of formats real mediation systems produce.
//!
//! Memory stays flat however many hours are generated: the population is
//! built once, and each slice holds only its own records plus the few that
//! arrive late or are planned for later.

mod benign;
mod cast;
mod clock;
mod config;
mod crowd;
mod cx;
mod dist;
mod fraud;
mod json;
mod labels;
mod notices;
mod numbers;
mod phish;
mod plan;
mod population;
mod sink;
mod smishing;
mod texts;
mod wangiri;

#[cfg(test)]
mod tests;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use rand::SeedableRng;

pub use config::GeneratorConfig;
pub use labels::{FraudClass, FraudLabel, Labels, LookalikeKind, LookalikeLabel};

use clock::MS_PER_MIN;
use crowd::Crowd;
use cx::{Behaviour, Cx, Future};
use dist::Rand;
use population::Population;
use sink::Sink;

/// Event time covered by one slice.
const SLICE_MS: i64 = MS_PER_MIN;

/// Generates a data set slice by slice.
pub struct Generator {
    labels: Labels,
    pop: Population,
    crowd: Crowd,
    actors: Vec<Box<dyn Behaviour>>,
    rng: Rand,
    sink: Sink,
    future: Future,
    text: String,
    next_ms: i64,
    end_ms: i64,
    finished: bool,
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generator")
            .field("seed", &self.labels.seed)
            .field("subscribers", &self.labels.subscribers)
            .field("next_ms", &self.next_ms)
            .field("end_ms", &self.end_ms)
            .finish_non_exhaustive()
    }
}

impl Generator {
    /// Builds the population and casts every actor; no record is made yet.
    pub fn new(config: GeneratorConfig) -> Self {
        let mut rng = Rand::seed_from_u64(config.seed);
        let subscribers = config.effective_subscribers();
        let mut pop = Population::build(subscribers, &mut rng);
        let span_ms = config.span_ms();
        let cast = cast::cast(&mut pop, &mut rng, config.start_ms, span_ms);
        let labels = Labels {
            seed: config.seed,
            subscribers,
            hours: config.effective_hours(),
            fraud: cast.fraud,
            lookalikes: cast.lookalikes,
        };
        rng.set_stream(1);
        Generator {
            labels,
            pop,
            crowd: Crowd,
            actors: cast.actors,
            rng,
            sink: Sink::new(config.seed),
            future: Future::default(),
            text: String::with_capacity(256),
            next_ms: config.start_ms,
            end_ms: config.start_ms + span_ms,
            finished: false,
        }
    }

    /// Every fraudulent number and every benign look-alike, known before any record is generated.
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Appends the next time slice of records as JSON Lines (each ending in '\n') to `out`,
    /// in arrival order; returns how many records it appended, 0 once the configured hours are done.
    pub fn next_slice(&mut self, out: &mut Vec<u8>) -> usize {
        loop {
            if self.finished {
                return 0;
            }
            if self.next_ms >= self.end_ms {
                self.finished = true;
                return self.sink.deliver(None, out);
            }
            self.step();
            let n = self.sink.deliver(Some(self.next_ms), out);
            if n > 0 {
                return n;
            }
        }
    }

    /// Generates the records of the next slice of event time into the sink.
    fn step(&mut self) {
        let from_ms = self.next_ms;
        let to_ms = (from_ms + SLICE_MS).min(self.end_ms);
        let mut cx = Cx {
            rng: &mut self.rng,
            pop: &self.pop,
            sink: &mut self.sink,
            future: &mut self.future,
            text: &mut self.text,
            from_ms,
            to_ms,
            end_ms: self.end_ms,
        };
        self.crowd.run(&mut cx);
        for actor in &mut self.actors {
            actor.run(&mut cx);
        }
        cx.release_planned();
        self.next_ms = to_ms;
    }

    /// Records and reactions held between slices, for the memory test.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.sink.pending() + self.future.len()
    }
}

/// Writes `records.jsonl` and `labels.json` into `dir` (created if missing); returns the number of records.
pub fn write_dataset(config: &GeneratorConfig, dir: &Path) -> io::Result<u64> {
    fs::create_dir_all(dir)?;
    let mut generator = Generator::new(config.clone());
    let mut labels = BufWriter::new(File::create(dir.join("labels.json"))?);
    serde_json::to_writer_pretty(&mut labels, generator.labels())?;
    labels.write_all(b"\n")?;
    labels.flush()?;
    let mut records = BufWriter::with_capacity(1 << 20, File::create(dir.join("records.jsonl"))?);
    let mut buf = Vec::with_capacity(1 << 20);
    let mut total = 0u64;
    loop {
        buf.clear();
        let n = generator.next_slice(&mut buf);
        if n == 0 {
            break;
        }
        total += n as u64;
        records.write_all(&buf)?;
    }
    records.flush()?;
    Ok(total)
}
