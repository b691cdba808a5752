//! Decoding on dedicated threads, ahead of the windows and rules.
//!
//! Decoding is the costliest per-record step and rule evaluation the
//! costliest per-window one. They run at the same time: while the rules of
//! chunk *n*'s windows execute on the async runtime, the decode workers are
//! already turning the next chunks (up to eight) into Arrow batches. Each chunk
//! is split into one contiguous range per worker, and every worker answers
//! its jobs in the order it got them, so the parts of a chunk come back in
//! input order and the run stays a deterministic function of its input.
//!
//! A worker gives its share back as one part per kind and pane (each in
//! input order), because the windows keep kinds and panes apart: sorting
//! rows while they are built costs nothing, where splitting finished batches
//! copied every row again on the windowing loop.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc;

use arrow::record_batch::RecordBatch;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::record::{Decoder, NumberNormalizer, Rejection, record_schema};
use crate::sources::{Chunk, ChunkBody};

/// Records longer than this are rejected before parsing: a CDR or SMS
/// record is a few hundred bytes, so this is a runaway producer or an attack.
pub(crate) const MAX_RECORD_BYTES: usize = 64 * 1024;

/// Chunks smaller than this are decoded by one worker: splitting costs more
/// than it saves.
const MIN_SPLIT: usize = 2_048;

/// What one worker made of its share of a chunk: its calls or its SMS of
/// one pane.
#[derive(Debug)]
pub(crate) struct DecodedPart {
    /// The accepted records of one kind and one pane.
    pub(crate) batch: RecordBatch,
    /// For each row of `batch`, the index of its record in the chunk.
    pub(crate) items: Vec<u32>,
    /// Rejected records: index in the chunk and why (carried by the first
    /// part of a share).
    pub(crate) rejects: Vec<(u32, Rejection)>,
}

/// One worker's share of a chunk.
struct Job {
    chunk: Arc<Chunk>,
    start: usize,
    end: usize,
}

/// A decode worker thread and the two ends of its queues.
#[derive(Debug)]
struct Worker {
    jobs: mpsc::Sender<Job>,
    parts: UnboundedReceiver<Vec<DecodedPart>>,
}

/// Decode threads, one decoder each, fed whole chunks in order.
#[derive(Debug)]
pub(crate) struct DecodePool {
    workers: Vec<Worker>,
    /// Submitted chunks not yet collected, with how many workers share each.
    in_flight: VecDeque<(Arc<Chunk>, usize)>,
}

impl DecodePool {
    /// Starts `workers` threads, each with a decoder that keeps calls and
    /// SMS and the panes of `pane_ms` apart and normalises numbers with
    /// `numbers`.
    pub(crate) fn new(
        workers: usize,
        numbers: &NumberNormalizer,
        pane_ms: i64,
    ) -> std::io::Result<Self> {
        let workers = (0..workers)
            .map(|i| spawn_worker(i, Decoder::by_pane(numbers.clone(), pane_ms)))
            .collect::<std::io::Result<_>>()?;
        Ok(DecodePool {
            workers,
            in_flight: VecDeque::new(),
        })
    }

    /// Chunks submitted and not yet collected.
    pub(crate) fn in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Hands `chunk` to the workers; its parts come back from [`Self::next`]
    /// after those of every chunk submitted before it.
    pub(crate) fn submit(&mut self, chunk: Arc<Chunk>) -> Result<(), PoolStopped> {
        let n = chunk.len();
        let shares = if n < MIN_SPLIT {
            1
        } else {
            self.workers.len().min(n)
        };
        let per = n.div_ceil(shares.max(1));
        for (w, worker) in self.workers.iter().take(shares).enumerate() {
            let (start, end) = ((w * per).min(n), ((w + 1) * per).min(n));
            let job = Job {
                chunk: Arc::clone(&chunk),
                start,
                end,
            };
            worker.jobs.send(job).map_err(|_| PoolStopped)?;
        }
        self.in_flight.push_back((chunk, shares));
        Ok(())
    }

    /// The oldest submitted chunk and its parts in input order, or `None`
    /// when nothing is in flight.
    pub(crate) async fn next(
        &mut self,
    ) -> Result<Option<(Arc<Chunk>, Vec<DecodedPart>)>, PoolStopped> {
        let Some((chunk, shares)) = self.in_flight.pop_front() else {
            return Ok(None);
        };
        let mut parts = Vec::with_capacity(4 * shares);
        for worker in self.workers.iter_mut().take(shares) {
            parts.extend(worker.parts.recv().await.ok_or(PoolStopped)?);
        }
        Ok(Some((chunk, parts)))
    }
}

/// A decode worker stopped: it panicked, which is a bug.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("a decode worker stopped unexpectedly")]
pub(crate) struct PoolStopped;

fn spawn_worker(index: usize, mut decoder: Decoder) -> std::io::Result<Worker> {
    let (jobs, job_rx) = mpsc::channel::<Job>();
    let (part_tx, parts) = unbounded_channel();
    std::thread::Builder::new()
        .name(format!("scamstream-decode-{index}"))
        .spawn(move || serve(&mut decoder, &job_rx, &part_tx))?;
    Ok(Worker { jobs, parts })
}

/// A worker's loop: ends when the pool is dropped.
fn serve(
    decoder: &mut Decoder,
    jobs: &mpsc::Receiver<Job>,
    parts: &UnboundedSender<Vec<DecodedPart>>,
) {
    while let Ok(job) = jobs.recv() {
        let share = decode_range(decoder, &job.chunk, job.start, job.end);
        if parts.send(share).is_err() {
            return;
        }
    }
}

/// The bytes from the first to the last of JSON records `start..end` of
/// `chunk` as text, with the offset in the chunk where it starts, when they
/// are all UTF-8: one vectorised check of a share instead of one per
/// record. A record cut from it on character boundaries is then text too;
/// any other (or a share that fails the check) is checked on its own.
fn utf8_span(chunk: &Chunk, start: usize, end: usize) -> Option<(usize, &str)> {
    let ChunkBody::Json { buf, items } = &chunk.body else {
        return None;
    };
    let (first, last) = (items.get(start)?, items.get(end.checked_sub(1)?)?);
    let (from, to) = (first.start as usize, last.end as usize);
    let text = simdutf8::basic::from_utf8(buf.get(from..to)?).ok()?;
    Some((from, text))
}

/// Decodes records `start..end` of `chunk` into one part per kind and pane
/// (the first part also carries the rejects, and there is always one).
fn decode_range(
    decoder: &mut Decoder,
    chunk: &Chunk,
    start: usize,
    end: usize,
) -> Vec<DecodedPart> {
    let mut items: Vec<Vec<u32>> = Vec::new();
    let mut rejects = Vec::new();
    let text = utf8_span(chunk, start, end);
    for i in start..end {
        let outcome = match &chunk.body {
            ChunkBody::Json { buf, items } => {
                let item = items[i];
                let (from, to) = (item.start as usize, item.end as usize);
                if to - from > MAX_RECORD_BYTES {
                    rejects.push((i as u32, oversized(to - from)));
                    continue;
                }
                match text
                    .and_then(|(at, text)| text.get(from.checked_sub(at)?..to.checked_sub(at)?))
                {
                    Some(line) => decoder.push_json_text(line),
                    None => decoder.push_json(&buf[from..to]),
                }
            }
            ChunkBody::Csv { header, rows } => decoder.push_csv(header, &rows[i].1),
        };
        match outcome {
            Ok(_) => {
                let group = decoder.last_group();
                if group >= items.len() {
                    items.resize_with(group + 1, || Vec::with_capacity(end - start));
                }
                items[group].push(i as u32);
            }
            Err(r) => rejects.push((i as u32, r)),
        }
    }
    let mut parts: Vec<DecodedPart> = decoder
        .finish_groups()
        .into_iter()
        .zip(items)
        .map(|(decoded, items)| DecodedPart {
            batch: decoded.batch,
            items,
            rejects: Vec::new(),
        })
        .collect();
    match parts.first_mut() {
        Some(first) => first.rejects = rejects,
        None => parts.push(DecodedPart {
            batch: RecordBatch::new_empty(record_schema()),
            items: Vec::new(),
            rejects,
        }),
    }
    parts
}

fn oversized(len: usize) -> Rejection {
    Rejection::new(
        crate::record::RejectReason::Oversized,
        format!("record is {len} bytes; the limit is {MAX_RECORD_BYTES}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::Item;
    use crate::sources::split_lines;
    use arrow::array::AsArray;

    /// Panes of this length; the test records are a millisecond apart.
    const PANE_MS: i64 = 1_000;

    fn pool(workers: usize) -> DecodePool {
        DecodePool::new(workers, &NumberNormalizer::new(66).unwrap(), PANE_MS).unwrap()
    }

    /// The parts one JSON chunk decodes to, on a pool of its own.
    async fn decoded_alone(buf: Vec<u8>, items: Vec<Item>, unit: &'static str) -> Vec<DecodedPart> {
        let mut pool = pool(1);
        pool.submit(Arc::new(Chunk {
            body: ChunkBody::Json { buf, items },
            unit,
            origins: Vec::new(),
        }))
        .unwrap();
        let (_, parts) = pool.next().await.unwrap().unwrap();
        parts
    }

    fn chunk(first: usize, n: usize) -> Arc<Chunk> {
        let mut text = String::new();
        for i in first..first + n {
            if i % 7 == 3 {
                text.push_str("{not json\n");
            } else if i % 5 == 1 {
                text.push_str(&format!(
                    r#"{{"kind":"sms","ts":{},"caller":"+66812{:06}","callee":"+66899999999"}}"#,
                    1_800_000_000_000u64 + i as u64,
                    i
                ));
                text.push('\n');
            } else {
                text.push_str(&format!(
                    r#"{{"kind":"call","ts":{},"caller":"+66812{:06}","callee":"+66899999999","duration_s":0}}"#,
                    1_800_000_000_000u64 + i as u64,
                    i
                ));
                text.push('\n');
            }
        }
        let buf = text.into_bytes();
        let (items, _) = split_lines(&buf, 1);
        Arc::new(Chunk {
            body: ChunkBody::Json { buf, items },
            unit: "line",
            origins: Vec::new(),
        })
    }

    #[tokio::test]
    async fn every_record_comes_back_once_in_a_part_of_its_kind_and_pane_in_order() {
        let mut pool = pool(2);
        let sizes = [5_000, 10, 3_000];
        let mut first = 0;
        for n in sizes {
            pool.submit(chunk(first, n)).unwrap();
            first += n;
        }
        let mut seen = Vec::new();
        let mut rejected = 0;
        let mut offset = 0;
        while let Some((chunk, parts)) = pool.next().await.unwrap() {
            let rows: usize = parts
                .iter()
                .map(|p| p.batch.num_rows() + p.rejects.len())
                .sum();
            assert_eq!(rows, chunk.len());
            if chunk.len() > 2_000 {
                assert!(parts.len() > 4, "{} parts", parts.len());
            }
            for part in &parts {
                let times = part
                    .batch
                    .column_by_name("event_time")
                    .unwrap()
                    .as_primitive::<arrow::datatypes::TimestampMillisecondType>();
                let panes: std::collections::BTreeSet<i64> = times
                    .values()
                    .iter()
                    .map(|t| t.div_euclid(PANE_MS))
                    .collect();
                assert!(panes.len() <= 1, "one pane per part: {panes:?}");
                let column =
                    |name| arrow::array::as_string_array(part.batch.column_by_name(name).unwrap());
                let (callers, kinds) = (column("caller"), column("kind"));
                assert!(part.items.is_sorted(), "a part keeps input order");
                assert!(kinds.iter().all(|k| k == kinds.iter().next().flatten()));
                for (row, &item) in part.items.iter().enumerate() {
                    let i = offset + item as usize;
                    assert_eq!(
                        callers.value(row),
                        format!("+66812{i:06}"),
                        "row {row} is item {item}"
                    );
                    let kind = if i % 5 == 1 { "sms" } else { "call" };
                    assert_eq!(kinds.value(row), kind);
                    seen.push(i);
                }
                rejected += part.rejects.len();
            }
            offset += chunk.len();
        }
        assert_eq!(pool.in_flight(), 0);
        seen.sort_unstable();
        let expected: Vec<usize> = (0..first).filter(|i| i % 7 != 3).collect();
        assert_eq!(seen, expected);
        assert_eq!(rejected, first - expected.len());
    }

    /// A share is checked for UTF-8 once; a record it cannot vouch for
    /// (cut inside a character, as Kafka values laid end to end can be, or
    /// in a share holding invalid bytes) is checked on its own.
    #[tokio::test]
    async fn records_the_share_check_cannot_vouch_for_are_checked_alone() {
        let sms = |text: &str| {
            format!(
                r#"{{"kind":"sms","ts":1800000000000,"caller":"+66812000001","callee":"+66899999999","text":"{text}"}}"#
            )
        };
        let (good, thai) = (sms("hi"), sms("\u{e01}"));
        // Two records whose bytes make one character only together.
        let mut buf = format!("{good}\n{thai}").into_bytes();
        let cut = buf.len() - 4; // inside the three bytes of U+0E01
        let mut lines = vec![(0, good.len()), (good.len() + 1, cut), (cut, buf.len())];
        // A share with an invalid byte in one record.
        let at = buf.len();
        buf.extend_from_slice(format!("\n{good}\n").as_bytes());
        buf.extend_from_slice(&good.as_bytes()[..60]);
        buf.push(0xff);
        lines.push((at + 1, at + 1 + good.len()));
        lines.push((at + 2 + good.len(), buf.len()));
        let items = lines
            .iter()
            .zip(1..)
            .map(|(&(start, end), position)| Item {
                start: start as u32,
                end: end as u32,
                position,
            })
            .collect();
        let parts = decoded_alone(buf, items, "element").await;
        let accepted: Vec<u32> = parts.iter().flat_map(|p| p.items.clone()).collect();
        assert_eq!(accepted, [0, 3]);
        let rejected: Vec<u32> = parts[0].rejects.iter().map(|(i, _)| *i).collect();
        assert_eq!(rejected, [1, 2, 4]);
        for (_, rejection) in &parts[0].rejects {
            assert_eq!(rejection.reason, crate::record::RejectReason::Malformed);
        }
    }

    #[tokio::test]
    async fn an_oversized_record_is_rejected_unparsed() {
        let text = format!(
            "{{\"kind\":\"sms\",\"text\":\"{}\"}}\n",
            "x".repeat(MAX_RECORD_BYTES)
        );
        let buf = text.into_bytes();
        let (items, _) = split_lines(&buf, 1);
        let parts = decoded_alone(buf, items, "line").await;
        let (item, rejection) = &parts[0].rejects[0];
        assert_eq!(*item, 0);
        assert_eq!(rejection.reason, crate::record::RejectReason::Oversized);
        assert!(rejection.message.contains("65536"), "{}", rejection.message);
    }
}
