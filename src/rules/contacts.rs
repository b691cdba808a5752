//! Who called whom before the window: a memory of calls across windows.
//!
//! A rule sees one window, an hour at most, and an hour is too short to
//! know a line. A subscriber abroad calling home, or an offshore desk
//! presenting its company's hotline, can spend an hour calling people with
//! nobody calling it back, which is exactly what a forged caller ID looks
//! like; over the day before, people called the genuine line on their own,
//! while a forged ID is called only by the odd victim ringing back. This
//! module keeps that day: for every number, who first called it and when,
//! and whom it first called and when, and answers
//! `independent_callers(number, before)`: how many different numbers
//! called `number` in the [`HORIZON_MS`] before `before` without returning
//! a call it had made to them (a caller counts from its first call the
//! memory holds, if that came before any call `number` made to it).
//!
//! The engine feeds the memory every pane of every window it evaluates,
//! once, before the window's rules run, and a rule asks about the time
//! before its `window_start`; every pane before a window's start belongs to
//! a window that closed earlier, so the answer depends only on the records,
//! never on how far evaluation has got. A pane is fed when the first
//! window holding it is evaluated, so feeding a pane twice (after a Kafka
//! rebalance rebuilt it) changes nothing: each pair keeps its first time.
//! The memory is not checkpointed: in service mode a restarted engine reads
//! the day before its window floor back from the input topics (see
//! `pipeline::recall`); elsewhere the input holds the whole day anyway.
//!
//! Memory is bounded per number: the first [`MAX_CALLERS`] callers and
//! [`MAX_CALLEES`] callees of the horizon. A number that called more
//! people than that is marked from the first call that did not fit, and a
//! caller it may have called by then is not counted as independent (a
//! campaign's victims ringing back must not make its forged ID look known).

use std::sync::{Arc, Mutex, PoisonError};

use ahash::{AHashMap, RandomState};
use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::TimestampMillisecondType;

use crate::record::{Kind, column};
use crate::windowing::ClosedWindow;

/// How far back the memory reaches: a day.
pub(crate) const HORIZON_MS: i64 = 24 * 3_600_000;
/// Callers remembered per number.
pub(crate) const MAX_CALLERS: usize = 8;
/// Callees remembered per number.
pub(crate) const MAX_CALLEES: usize = 32;
/// How often (in event time fed) pairs older than the horizon are dropped.
const PRUNE_EVERY_MS: i64 = 3_600_000;

/// The calls of one number, each counterpart with its first time.
#[derive(Debug, Default)]
struct Line {
    called_by: Vec<(u64, i64)>,
    called: Vec<(u64, i64)>,
    /// The time of the first call to a callee that did not fit.
    callees_overflow_at: Option<i64>,
}

impl Line {
    fn note(pairs: &mut Vec<(u64, i64)>, max: usize, other: u64, t: i64) -> bool {
        if let Some((_, first)) = pairs.iter_mut().find(|(n, _)| *n == other) {
            *first = (*first).min(t);
        } else if pairs.len() < max {
            pairs.push((other, t));
        } else {
            return false;
        }
        true
    }

    /// Whether `caller`, first calling at `t`, was returning a call.
    fn returns_a_call(&self, caller: u64, t: i64) -> bool {
        match self.called.iter().find(|(n, _)| *n == caller) {
            Some(&(_, first)) => first <= t,
            None => self.callees_overflow_at.is_some_and(|at| at <= t),
        }
    }

    fn prune(&mut self, before: i64) -> bool {
        self.called_by.retain(|&(_, t)| t >= before);
        self.called.retain(|&(_, t)| t >= before);
        if self.callees_overflow_at.is_some_and(|at| at < before) {
            self.callees_overflow_at = None;
        }
        !self.called_by.is_empty() || !self.called.is_empty()
    }
}

#[derive(Debug, Default)]
struct Lines {
    by_number: AHashMap<u64, Line>,
    /// Panes starting before this have been fed.
    fed_through_ms: i64,
    pruned_at_ms: i64,
}

/// The memory of calls, shared by the engine (which feeds it) and the SQL
/// function (which reads it).
#[derive(Debug)]
pub(crate) struct ContactMemory {
    lines: Mutex<Lines>,
    hasher: RandomState,
    /// Pairs are kept this long past the horizon, for windows still to be
    /// evaluated: the longest window's length.
    slack_ms: i64,
}

impl ContactMemory {
    /// An empty memory for rules whose longest window is `longest_window_ms`.
    pub(crate) fn new(longest_window_ms: i64) -> Arc<Self> {
        Arc::new(ContactMemory {
            lines: Mutex::new(Lines {
                fed_through_ms: i64::MIN,
                ..Lines::default()
            }),
            hasher: RandomState::with_seeds(0xca11, 0xed, 0xb4c, 0x4b0),
            slack_ms: longest_window_ms,
        })
    }

    /// Feeds the calls of `window`'s panes not fed yet.
    pub(crate) fn remember(&self, window: &ClosedWindow) {
        let mut lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        if window.end_ms <= lines.fed_through_ms {
            return;
        }
        let fed_through_ms = lines.fed_through_ms;
        for pane in window.panes.iter().filter(|p| p.start_ms >= fed_through_ms) {
            for batch in &window.calls[pane.calls.clone()] {
                self.feed(&mut lines, batch, i64::MIN);
            }
        }
        lines.fed_through_ms = window.end_ms;
        if lines.fed_through_ms - lines.pruned_at_ms >= PRUNE_EVERY_MS {
            let before = lines.fed_through_ms - HORIZON_MS - 2 * self.slack_ms;
            lines.by_number.retain(|_, line| line.prune(before));
            lines.pruned_at_ms = lines.fed_through_ms;
        }
    }

    /// Feeds a decoded batch of records from before the first window
    /// evaluated, as read again after a restart; only its calls at or
    /// after `since_ms` are remembered (older ones would only be pruned,
    /// and a replayed week would fill the memory first). Feeding what a
    /// window feeds later changes nothing: each pair keeps its first time.
    pub(crate) fn remember_history(&self, batch: &RecordBatch, since_ms: i64) {
        let mut lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        self.feed(&mut lines, batch, since_ms);
    }

    fn feed(&self, lines: &mut Lines, batch: &RecordBatch, since_ms: i64) {
        let (Some(callers), Some(callees), Some(times)) = (
            batch.column_by_name(column::CALLER),
            batch.column_by_name(column::CALLEE),
            batch.column_by_name(column::EVENT_TIME),
        ) else {
            return;
        };
        let (Some(callers), Some(callees), Some(times)) = (
            callers.as_string_opt::<i32>(),
            callees.as_string_opt::<i32>(),
            times.as_primitive_opt::<TimestampMillisecondType>(),
        ) else {
            return;
        };
        // Window tables of calls hold only calls; history holds SMS too.
        let kinds = batch
            .column_by_name(column::KIND)
            .and_then(|c| c.as_string_opt::<i32>());
        let call = Kind::Call.as_str();
        for row in 0..batch.num_rows() {
            if callers.is_null(row) || callees.is_null(row) || times.is_null(row) {
                continue;
            }
            if kinds.is_some_and(|k| k.is_null(row) || k.value(row) != call) {
                continue;
            }
            let caller = self.hasher.hash_one(callers.value(row));
            let callee = self.hasher.hash_one(callees.value(row));
            let t = times.value(row);
            if t < since_ms {
                continue;
            }
            let out = lines.by_number.entry(caller).or_default();
            if !Line::note(&mut out.called, MAX_CALLEES, callee, t) {
                let at = out.callees_overflow_at.get_or_insert(t);
                *at = (*at).min(t);
            }
            // A call returned is not remembered: the callers kept are the
            // ones that count.
            let into = lines.by_number.entry(callee).or_default();
            if !into.returns_a_call(caller, t) {
                Line::note(&mut into.called_by, MAX_CALLERS, caller, t);
            }
        }
    }

    /// How many different numbers called `number` on their own in the
    /// [`HORIZON_MS`] before `before_ms` (epoch milliseconds): callers it
    /// had not called first.
    pub(crate) fn independent_callers(&self, number: &str, before_ms: i64) -> i64 {
        let lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(line) = lines.by_number.get(&self.hasher.hash_one(number)) else {
            return 0;
        };
        let since = before_ms - HORIZON_MS;
        line.called_by
            .iter()
            .filter(|&&(caller, t)| t >= since && t < before_ms && !line.returns_a_call(caller, t))
            .count() as i64
    }

    /// Numbers the memory holds.
    pub(crate) fn numbers(&self) -> usize {
        let lines = self.lines.lock().unwrap_or_else(PoisonError::into_inner);
        lines.by_number.len()
    }
}

#[cfg(test)]
mod tests;
