//! # scamstream
//!
//! A stream-analytics engine that stops scam calls. Operators stream call
//! detail records (CDRs) and SMS records; analysts write detection rules in
//! plain SQL over event-time windows; scamstream evaluates them in Apache
//! DataFusion on Arrow batches, scores every number, and publishes the
//! numbers to block to a block-list that switches, SMSCs and firewalls apply.
//!
//! ## Data flow
//!
//! ```text
//!  sources ──▶ record ──▶ windowing ──▶ rules ──▶ decisions ──▶ sinks
//!  file, stdin, decode &    panes, water-  DataFusion   noisy-OR,     files, or Kafka:
//!  generator,  normalise    marks, close   SQL per      allow-list,   blocklist (compacted,
//!  Kafka       to Arrow     windows        window       TTL, renewal  tombstones), alerts
//!                │              │
//!                └── rejects ◀──┘  (malformed, oversized, missing field, bad
//!                                   timestamp, bad number, bad value, late) with
//!                                   reason, location and original bytes: a file
//!                                   or a dead-letter topic
//! ```
//!
//! [`pipeline`] wires the stages; [`metrics`] counts what each one does;
//! [`config`] reads pipeline files; [`cli`] is the command line;
//! [`backtest`] scores a block-list against labelled traffic.
//!
//! ## Design choices
//!
//! - **Arrow from the start.** Records are validated once and appended to
//!   Arrow column builders ([`record`]); every later stage works on
//!   `RecordBatch`es, so rules run on DataFusion without conversion.
//! - **Enrich once, at ingest.** What every window would otherwise recompute
//!   from a record alone is derived when the record is decoded: the domain
//!   of an SMS text's first link is the `link_domain` column, found once
//!   rather than once per hopping window that holds the text.
//! - **Panes, not copies.** A window is a run of *panes*, slices of event time
//!   whose length divides every rule's size and slide ([`windowing`]). A
//!   record is stored once, however many hopping windows hold it. A rule's
//!   grouped candidate query (count, sum, avg per number) is reduced to
//!   per-pane sums once, and kept up to date as panes enter and leave the
//!   window instead of recomputed over every window; the hashes of a pane's
//!   key columns are computed once, so a join from candidates back to the
//!   window reads only the rows whose key can match; a `WHERE` over a window
//!   table judges each pane's rows once ([`rules`]).
//! - **Time moves with the data.** The watermark is the newest event time
//!   minus the allowed lateness, advanced row by row, so a run's output is a
//!   function of its input alone, however it was cut into batches. A record
//!   behind a closed window is rejected as `late`, never silently dropped.
//!   Across Kafka partitions a silent partition stops holding the watermark
//!   only when it has nothing to read: records waiting in the broker, or a
//!   backlog after an outage, keep it counted ([`windowing`]).
//! - **Plan once, run per window.** Each rule is parsed and planned, down to
//!   its physical plan, at load time against the record schema ([`rules`]);
//!   errors name file and line, and every broken rule is reported at once.
//!   The plan's scans read the rows of the window bound to their query's
//!   context when they run, so per window the stored plan is only reset and
//!   re-executed. The rules run as concurrent tasks, each walking the
//!   windows closed together in order for its incremental stages and
//!   handing each window's other stages and query to a task of its own
//!   (their rows are bound to that window's context too), in the
//!   background while
//!   the main loop windows the next chunks and dedicated threads decode
//!   them (into one batch per kind and pane, as the windows keep them);
//!   hits are decided in window order before anything later is decided or
//!   committed ([`pipeline`]).
//! - **SQL that speaks telecom.** Rules call scalar UDFs for numbers
//!   (country, line type, range, distance), devices (IMEI TAC) and SMS
//!   content (links, domains, shorteners, brand look-alikes, brand-plus-link,
//!   templates) ([`rules::functions`]); their knowledge lives in CSV tables
//!   shipped next to the rules (brands, shorteners, wangiri ranges, gateway
//!   TACs), which rules also join as text tables and operators extend
//!   without a rebuild. One function looks past the window: the engine
//!   keeps a day of who called whom (fed every pane once, as windows are
//!   evaluated), and `independent_callers(number, window_start)` counts the
//!   people who called a number on their own in the day before, so a quiet
//!   hour does not make a genuine line look forged.
//! - **Judge a rule before it acts.** `scamstream backtest` replays labelled
//!   history through the whole pipeline and scores every rule ([`backtest`]);
//!   a rule in shadow mode is evaluated and counted but never blocks, and
//!   every block-list entry names the version of each rule behind it.
//! - **Decisions are state.** Hits of all rules are combined per number with a
//!   noisy-OR ([`decisions`]); blocks live for a TTL in event time, renewals
//!   are re-published only when they change something material, and expiry
//!   writes an `unblock`, so the block-list can be replayed into any switch.
//!   Each block says what it stops: everything from the number, or only
//!   what arrives on international trunks when the evidence was a caller ID
//!   seen from abroad (a forged number's real owner keeps a working line).
//!   The handsets of blocked numbers are watched while the block lasts, so
//!   a fresh SIM swapped into one is blocked too (`decisions::devices`).
//! - **Nothing is lost quietly.** Every rejected record is counted by reason
//!   and written with its reason, location and original bytes.
//! - **At least once, between topics.** In service mode an input offset is
//!   committed only after every window its record belongs to has closed and
//!   the resulting entries are acknowledged; a checkpoint of the window floor
//!   keeps a restart from re-evaluating closed windows on partial data, and
//!   the block-list topic is read back at start (`pipeline::service`).
//!
//! ## Example
//!
//! Plan a rule and evaluate it over one window of records:
//!
//! ```
//! # tokio::runtime::Runtime::new().unwrap().block_on(async {
//! use std::path::Path;
//! use scamstream::record::{Decoder, NumberNormalizer};
//! use scamstream::rules::{RuleEngine, RuleEnv, parse_rule};
//! use scamstream::windowing::WindowOperator;
//!
//! let rule = parse_rule(Path::new("busy.sql"), "\
//! -- name: busy
//! -- window: 15m
//! SELECT caller AS number, count(*) AS calls FROM calls GROUP BY caller HAVING count(*) >= 2
//! ").unwrap();
//! let engine = RuleEngine::new(vec![rule], &RuleEnv::default()).await.unwrap();
//!
//! let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
//! for minute in 0..2 {
//!     let line = format!(r#"{{"kind":"call","ts":"2026-11-02T01:0{minute}:00Z",
//!         "caller":"0812345678","callee":"+66898765432","duration_s":0}}"#);
//!     decoder.push_json(line.as_bytes()).unwrap();
//! }
//! let mut windows = WindowOperator::new(engine.window_specs(), 120_000);
//! windows.insert(&decoder.finish()).unwrap();
//! let closed = windows.close_all();
//! let hits = engine.evaluate(&closed[0]).await.hits;
//! assert_eq!(hits[0].number, "+66812345678");
//! assert_eq!(hits[0].evidence["calls"], 2);
//! # });
//! ```

/// The memory allocator of every binary that links scamstream (the command,
/// the tests and the benchmarks alike): mimalloc. Each window evaluation
/// builds and drops hash tables and Arrow buffers of megabytes; with the
/// system allocator a quarter of a run went to `malloc`, `free` and
/// `memmove`, and more to the kernel re-zeroing pages handed back and taken
/// again. See [`tune_allocator`] for how it is set up, and the README's
/// *Performance* section for the figures.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc 3's
/// `mimalloc.h`, which `libmimalloc-sys` does not name).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory in the process instead of handing it back to the
/// kernel, unless `MIMALLOC_PURGE_DELAY` says otherwise.
///
/// Every window evaluation frees megabytes that the next one allocates
/// again. By default mimalloc returns idle memory to the kernel after a
/// second, and taking it back costs a page fault and the kernel zeroing the
/// page: 15 % of a run's processor time went to `clear_page_erms`. The
/// process keeps its peak working set instead (the memory an operator sizes
/// the container for anyway). Setting `MIMALLOC_PURGE_DELAY` in the
/// environment (in milliseconds) restores mimalloc's own behaviour.
/// Idempotent; [`pipeline::Pipeline::build`] calls it.
#[allow(unsafe_code)]
pub fn tune_allocator() {
    static TUNED: std::sync::Once = std::sync::Once::new();
    TUNED.call_once(|| {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: sets an integer option; mimalloc reads it on each purge.
            unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
        }
    });
}

pub mod backtest;
pub mod cli;
pub mod config;
pub mod decisions;
pub mod metrics;
pub mod pipeline;
pub mod record;
pub mod rules;
pub mod sinks;
pub mod sources;
pub mod windowing;
