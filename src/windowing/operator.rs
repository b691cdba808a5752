//! The window operator: assigns rows to panes, tracks the watermark and
//! hands out windows as they close.

use std::collections::BTreeMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use arrow::array::{AsArray, StringArray, TimestampMillisecondArray, UInt32Array};
use arrow::compute::take_record_batch;
use arrow::datatypes::TimestampMillisecondType;
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;

use super::PaneMemo;
use super::panes::{Pane, PaneStore};
use super::spec::{WindowSpec, gcd};
use super::watermark::Watermark;
use crate::record::{Kind, column};

/// A window that has closed: its bounds, the rules' window kinds it serves,
/// and its rows by kind (shared with the panes, not copied).
#[derive(Debug, Clone)]
pub struct ClosedWindow {
    /// The window kind.
    pub spec: WindowSpec,
    /// Inclusive start, epoch milliseconds.
    pub start_ms: i64,
    /// Exclusive end, epoch milliseconds.
    pub end_ms: i64,
    /// The window's call rows.
    pub calls: Vec<RecordBatch>,
    /// The window's SMS rows.
    pub sms: Vec<RecordBatch>,
    /// Which of those rows each pane holds, in time order. A pane can get
    /// no more rows once a window holding it has closed, so work done on a
    /// pane for one window (a rule's per-pane aggregate) serves every later
    /// window that holds it.
    pub panes: Vec<PaneSpan>,
}

/// One pane of a closed window: its rows are `calls[calls]` and `sms[sms]`
/// of the window.
#[derive(Debug, Clone)]
pub struct PaneSpan {
    /// Inclusive start, epoch milliseconds.
    pub start_ms: i64,
    /// Unique in the process, so a pane rebuilt after a reset (a Kafka
    /// rebalance) is never taken for the one it replaces.
    pub id: u64,
    /// Rows of the pane.
    pub rows: usize,
    /// The pane's batches in [`ClosedWindow::calls`].
    pub calls: Range<usize>,
    /// The pane's batches in [`ClosedWindow::sms`].
    pub sms: Range<usize>,
    /// What rules derive from the pane's rows, kept with the pane.
    pub memo: PaneMemo,
}

impl ClosedWindow {
    /// Rows in the window.
    pub fn rows(&self) -> usize {
        self.calls
            .iter()
            .chain(&self.sms)
            .map(RecordBatch::num_rows)
            .sum()
    }
}

/// Per window kind: the end of the next window to close.
#[derive(Debug, Clone, Copy)]
struct SpecCursor {
    spec: WindowSpec,
    next_end: Option<i64>,
}

/// One batch for [`WindowOperator::insert_parts`].
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The decoded records.
    pub batch: &'a RecordBatch,
    /// Each row's place in the input, ascending.
    pub order: &'a [u32],
}

/// A row's pane start and whether it is an SMS.
type PaneKind = (i64, bool);

/// Every row of `parts` as (part, row), in input order: by each row's place
/// in the input, which must be unique across the parts (two rows claiming
/// one place are an error, not a row silently lost).
fn in_input_order(parts: &[Part<'_>]) -> Result<Vec<(usize, usize)>, ArrowError> {
    const FREE: (u32, u32) = (u32::MAX, 0);
    let places = parts
        .iter()
        .flat_map(|part| part.order.iter())
        .max()
        .map_or(0, |&last| last as usize + 1);
    let mut at = vec![FREE; places];
    for (p, part) in parts.iter().enumerate() {
        for (row, &place) in part.order.iter().enumerate() {
            let slot = &mut at[place as usize];
            if *slot != FREE {
                return Err(ArrowError::InvalidArgumentError(format!(
                    "two rows claim input place {place} (this is a bug)"
                )));
            }
            *slot = (p as u32, row as u32);
        }
    }
    Ok(at
        .into_iter()
        .filter(|&slot| slot != FREE)
        .map(|(p, row)| (p as usize, row as usize))
        .collect())
}

/// A batch's event times and kinds.
fn times_and_kinds(
    batch: &RecordBatch,
) -> Result<(&TimestampMillisecondArray, &StringArray), ArrowError> {
    let times = batch
        .column_by_name(column::EVENT_TIME)
        .and_then(|c| c.as_primitive_opt::<TimestampMillisecondType>())
        .ok_or_else(|| ArrowError::SchemaError("batch has no millisecond event_time".into()))?;
    let kinds = batch
        .column_by_name(column::KIND)
        .and_then(|c| c.as_string_opt::<i32>())
        .ok_or_else(|| ArrowError::SchemaError("batch has no kind column".into()))?;
    Ok((times, kinds))
}

/// What became of the rows of an inserted batch.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Inserted {
    /// Rows behind a closed window: rejected as late.
    pub late: Vec<u32>,
    /// Rows re-read after a restart that belong only to windows closed
    /// before it (see [`WindowOperator::set_floor`]): dropped, not rejected.
    pub replayed: Vec<u32>,
}

/// Assigns records to panes and closes windows as the watermark passes them.
#[derive(Debug)]
pub struct WindowOperator {
    cursors: Vec<SpecCursor>,
    pane_ms: i64,
    watermark: Watermark,
    panes: PaneStore,
    /// Windows starting before this were closed before a restart.
    floor_ms: Option<i64>,
}

impl WindowOperator {
    /// An operator serving the given window kinds (duplicates are merged).
    pub fn new(specs: impl IntoIterator<Item = WindowSpec>, lateness_ms: i64) -> Self {
        let mut specs: Vec<WindowSpec> = specs.into_iter().collect();
        specs.sort();
        specs.dedup();
        let pane_ms = specs
            .iter()
            .fold(0, |acc, s| gcd(gcd(acc, s.size_ms), s.slide_ms))
            .max(1);
        WindowOperator {
            cursors: specs
                .into_iter()
                .map(|spec| SpecCursor {
                    spec,
                    next_end: None,
                })
                .collect(),
            pane_ms,
            watermark: Watermark::new(lateness_ms),
            panes: PaneStore::default(),
            floor_ms: None,
        }
    }

    /// Input partitions silent for `idle_after` stop holding the watermark.
    pub fn with_idle_timeout(mut self, idle_after: Duration) -> Self {
        self.watermark = self.watermark.with_idle_timeout(idle_after);
        self
    }

    /// Like [`Self::with_idle_timeout`], in place.
    pub fn set_idle_timeout(&mut self, idle_after: Duration) {
        self.watermark = self.watermark.clone().with_idle_timeout(idle_after);
    }

    /// Declares an input partition before its first record.
    pub fn register_partition(&mut self, partition: u32, now: Instant) {
        self.watermark.register(partition, now);
    }

    /// Says that an input partition has records not delivered yet, so it is
    /// not idle (see `watermark`).
    pub fn keep_awake(&mut self, partition: u32, now: Instant) {
        self.watermark.keep_awake(partition, now);
    }

    /// Re-reads which partitions are idle; call it when no data comes.
    pub fn refresh(&mut self, now: Instant) {
        self.watermark.refresh(now);
    }

    /// The start of the earliest window not closed yet: every window that
    /// starts before it has been evaluated. `None` before any record.
    pub fn floor_ms(&self) -> Option<i64> {
        self.cursors
            .iter()
            .filter_map(|c| c.next_end.map(|end| end - c.spec.size_ms))
            .min()
            .or(self.floor_ms)
    }

    /// After a restart: windows starting before `floor_ms` were already
    /// evaluated, so they are not opened again, and rows that belong only to
    /// them are dropped as replayed.
    pub fn set_floor(&mut self, floor_ms: Option<i64>) {
        self.floor_ms = floor_ms;
    }

    /// Forgets every row, window and partition: after a Kafka rebalance the
    /// windows are rebuilt from the committed offsets.
    pub fn reset(&mut self) {
        for cursor in &mut self.cursors {
            cursor.next_end = None;
        }
        self.panes = PaneStore::default();
        self.watermark.reset();
        self.floor_ms = None;
    }

    /// The pane length: the largest duration dividing every size and slide.
    pub fn pane_ms(&self) -> i64 {
        self.pane_ms
    }

    /// The current watermark.
    pub fn watermark(&self) -> &Watermark {
        &self.watermark
    }

    /// Rows held in open windows.
    pub fn rows_held(&self) -> usize {
        self.panes.rows()
    }

    /// The start of the oldest pane held, if any.
    pub fn oldest_pane(&self) -> Option<i64> {
        self.panes.first_start()
    }

    /// Windows opened and not closed yet, over every window kind.
    pub fn windows_open(&self) -> usize {
        let Some(last_pane) = self.panes.last_start() else {
            return 0;
        };
        self.cursors
            .iter()
            .filter_map(|c| {
                let next = c.next_end?;
                let last_end = c.spec.first_end_after(last_pane) + c.spec.size_ms - c.spec.slide_ms;
                (last_end >= next).then(|| ((last_end - next) / c.spec.slide_ms + 1) as usize)
            })
            .sum()
    }

    /// Panes held for open windows.
    pub fn panes_held(&self) -> usize {
        self.panes.len()
    }

    /// Adds a batch of decoded records (in arrival order) and returns the
    /// indices of the rows that were late. The watermark advances row by row,
    /// so the outcome does not depend on how the stream was cut into batches.
    pub fn insert(&mut self, batch: &RecordBatch) -> Result<Vec<u32>, ArrowError> {
        Ok(self.insert_from(batch, |_| 0, Instant::now())?.late)
    }

    /// Like [`Self::insert`] for rows of several input partitions:
    /// `partition_of(row)` says which, and `now` is the arrival time that
    /// idleness is measured from.
    pub fn insert_from(
        &mut self,
        batch: &RecordBatch,
        partition_of: impl Fn(usize) -> u32,
        now: Instant,
    ) -> Result<Inserted, ArrowError> {
        let order: Vec<u32> = (0..batch.num_rows() as u32).collect();
        let part = Part {
            batch,
            order: &order,
        };
        let mut inserted = self.insert_parts(&[part], partition_of, now)?;
        Ok(inserted.pop().unwrap_or_default())
    }

    /// Like [`Self::insert_from`] for batches cut from one stretch of input
    /// (a decoding thread's calls and its SMS, say): the rows are taken in
    /// input order across the batches, so the watermark advances and
    /// lateness is judged exactly as if they had arrived as one batch.
    /// `partition_of` is given a row's place in the input (its
    /// [`Part::order`]). Returns what became of each part's rows.
    pub fn insert_parts(
        &mut self,
        parts: &[Part<'_>],
        partition_of: impl Fn(usize) -> u32,
        now: Instant,
    ) -> Result<Vec<Inserted>, ArrowError> {
        let columns = parts
            .iter()
            .map(|part| times_and_kinds(part.batch))
            .collect::<Result<Vec<_>, _>>()?;
        let mut outcomes = vec![Inserted::default(); parts.len()];
        // Per part, the pane and kind of each row kept, in row order.
        let mut kept: Vec<Vec<(PaneKind, u32)>> = parts
            .iter()
            .map(|part| Vec::with_capacity(part.batch.num_rows()))
            .collect();
        for (p, row) in in_input_order(parts)? {
            let (times, kinds) = &columns[p];
            let ts = times.value(row);
            let pane_start = ts.div_euclid(self.pane_ms) * self.pane_ms;
            if self.floor_ms.is_some_and(|floor| pane_start < floor) {
                outcomes[p].replayed.push(row as u32);
                continue;
            }
            if self.watermark.has_passed(pane_start + self.pane_ms) {
                outcomes[p].late.push(row as u32);
                continue;
            }
            self.watermark
                .observe_in(partition_of(parts[p].order[row] as usize), ts, now);
            let is_sms = kinds.value(row) == Kind::Sms.as_str();
            kept[p].push(((pane_start, is_sms), row as u32));
        }
        // Ordered, so that batches enter a pane in the same order every run.
        let mut pieces: Vec<(PaneKind, usize, RecordBatch)> = Vec::new();
        for (p, rows) in kept.into_iter().enumerate() {
            let batch = parts[p].batch;
            let uniform = rows.windows(2).all(|w| w[0].0 == w[1].0);
            match rows.first() {
                Some(&(key, _)) if uniform && rows.len() == batch.num_rows() => {
                    // The decoding threads keep panes and kinds apart: the
                    // usual part goes into its pane whole, without a copy.
                    pieces.push((key, p, batch.clone()));
                }
                _ => {
                    let mut by_key: BTreeMap<PaneKind, Vec<u32>> = BTreeMap::new();
                    for (key, row) in rows {
                        by_key.entry(key).or_default().push(row);
                    }
                    for (key, rows) in by_key {
                        let piece = take_record_batch(batch, &UInt32Array::from(rows))?;
                        pieces.push((key, p, piece));
                    }
                }
            }
        }
        pieces.sort_by_key(|(key, p, _)| (*key, *p));
        for ((pane_start, is_sms), _, piece) in pieces {
            let kind = if is_sms { Kind::Sms } else { Kind::Call };
            self.open_windows_for(pane_start);
            self.panes.insert(pane_start, kind, piece);
        }
        Ok(outcomes)
    }

    /// Makes sure every window kind's cursor is at or before the first
    /// window that contains a pane starting at `pane_start`.
    fn open_windows_for(&mut self, pane_start: i64) {
        for cursor in &mut self.cursors {
            let spec = cursor.spec;
            let mut end = spec.first_end_after(pane_start);
            if let Some(floor) = self.floor_ms {
                // The first window that starts at or after the floor.
                let first_start = floor.div_euclid(spec.slide_ms) * spec.slide_ms;
                let first_start = first_start
                    + if first_start < floor {
                        spec.slide_ms
                    } else {
                        0
                    };
                end = end.max(first_start + spec.size_ms);
            }
            cursor.next_end = Some(cursor.next_end.map_or(end, |e| e.min(end)));
        }
    }

    /// The windows the watermark has passed, ordered by end time, then by
    /// window kind. Panes no open window needs are dropped.
    pub fn close_ready(&mut self) -> Vec<ClosedWindow> {
        let watermark = self.watermark.current();
        if let Some(w) = watermark {
            // A pane whose end the watermark has passed gets no more rows.
            if let Err(error) = self.panes.seal_before(w - self.pane_ms + 1) {
                tracing::warn!(%error, "could not merge a pane's batches; reading them as they are");
            }
        }
        self.close_while(|end, _| watermark.is_some_and(|w| end <= w))
    }

    /// Closes every window that holds any row: the end of the input.
    pub fn close_all(&mut self) -> Vec<ClosedWindow> {
        let Some(last_pane) = self.panes.last_start() else {
            return Vec::new();
        };
        self.close_while(|end, spec| end - spec.size_ms <= last_pane)
    }

    fn close_while(&mut self, should_close: impl Fn(i64, WindowSpec) -> bool) -> Vec<ClosedWindow> {
        let mut closed = Vec::new();
        for i in 0..self.cursors.len() {
            let SpecCursor { spec, next_end } = self.cursors[i];
            let Some(mut end) = next_end else { continue };
            while should_close(end, spec) {
                if let Some(window) = self.window(spec, end) {
                    closed.push(window);
                }
                end += spec.slide_ms;
            }
            self.cursors[i].next_end = Some(end);
        }
        closed.sort_by_key(|w| (w.end_ms, w.spec));
        self.evict();
        closed
    }

    /// The window of `spec` ending at `end`, or `None` when it has no rows.
    fn window(&self, spec: WindowSpec, end: i64) -> Option<ClosedWindow> {
        let start = end - spec.size_ms;
        let mut window = ClosedWindow {
            spec,
            start_ms: start,
            end_ms: end,
            calls: Vec::new(),
            sms: Vec::new(),
            panes: Vec::new(),
        };
        for (start_ms, pane) in self.panes.in_range(start..end) {
            let Pane {
                id,
                memo,
                calls,
                sms,
                rows,
            } = pane;
            let (first_call, first_sms) = (window.calls.len(), window.sms.len());
            window.calls.extend(calls.iter().cloned());
            window.sms.extend(sms.iter().cloned());
            window.panes.push(PaneSpan {
                start_ms,
                id: *id,
                rows: *rows,
                calls: first_call..window.calls.len(),
                sms: first_sms..window.sms.len(),
                memo: memo.clone(),
            });
        }
        (window.rows() > 0).then_some(window)
    }

    /// Drops the panes that start before every kind's next window.
    fn evict(&mut self) {
        let needed_from = self
            .cursors
            .iter()
            .filter_map(|c| c.next_end.map(|end| end - c.spec.size_ms))
            .min();
        if let (Some(from), Some(first)) = (needed_from, self.panes.first_start())
            && first < from
        {
            self.panes.evict_before(from);
        }
    }
}

#[cfg(test)]
mod tests;
