//! One rule's evaluation of the windows that closed together.
//!
//! A rule's incremental stages (see [`incremental`](crate::rules::incremental))
//! keep per-pane sums from one window to the next, so they must see the
//! rule's windows in order: they run first, window after window, in the
//! rule's own task. Everything else a window needs (the other stages, then
//! the query) reads only that window and the stage rows bound to its
//! context, so each window's rest runs as a task of its own, as many at a
//! time over all rules as there are rules (as when each rule walked its
//! windows alone, so no more memory is held) or cores, if more.
//! When many windows close at once (the end of the input: a `1h every 5m`
//! rule closes twelve) both cores stay busy until the last window of the
//! costliest rule is done, instead of one core working through its windows
//! alone.

use std::sync::Arc;
use std::time::{Duration, Instant};

use datafusion::error::DataFusionError;
use datafusion::execution::context::SessionState;
use tokio::sync::Semaphore;

use super::{BoundEvaluation, PlannedRule, RuleHit, hits_from_batches, run_incremental, run_rest};
use crate::rules::rule::Rule;

/// What one window's evaluation by one rule gave: the window's place in
/// the batch of windows, the time spent on it, the hits or the error.
pub(super) type Outcome = (usize, Duration, Result<Vec<RuleHit>, DataFusionError>);

/// One rule, ready to walk the windows of its kind.
pub(super) struct RuleTask {
    pub(super) index: usize,
    pub(super) rule: Arc<Rule>,
    pub(super) planned: Arc<PlannedRule>,
    pub(super) state: Arc<SessionState>,
    /// Bounds the windows evaluated at once, over all rules: each holds
    /// its stage rows and hash tables until it is done.
    pub(super) in_flight: Arc<Semaphore>,
}

impl RuleTask {
    /// Evaluates every window of the rule's kind among `windows`; the
    /// outcomes come back in window order.
    pub(super) async fn run(self, windows: Arc<Vec<BoundEvaluation>>) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        let mut running = Vec::new();
        let ours = windows
            .iter()
            .enumerate()
            .filter(|(_, bound)| bound.window.spec == self.rule.window);
        for (at, bound) in ours {
            let started = Instant::now();
            let context = bound.binding.task_context(&self.state);
            if let Err(e) = run_incremental(&context, &self.planned, &bound.window).await {
                outcomes.push((at, started.elapsed(), Err(e)));
                continue;
            }
            let spent = started.elapsed();
            let Ok(permit) = Arc::clone(&self.in_flight).acquire_owned().await else {
                unreachable!("the semaphore is never closed");
            };
            let (index, rule, planned) = (
                self.index,
                Arc::clone(&self.rule),
                Arc::clone(&self.planned),
            );
            let task = tokio::spawn(async move {
                let started = Instant::now();
                let outcome = run_rest(context, &planned)
                    .await
                    .and_then(|batches| hits_from_batches(index, &rule, &batches));
                drop(permit);
                (spent + started.elapsed(), outcome)
            });
            running.push((at, task));
        }
        for (at, task) in running {
            outcomes.push(match task.await {
                Ok((elapsed, outcome)) => (at, elapsed, outcome),
                Err(e) => (at, Duration::ZERO, Err(task_failed(&e))),
            });
        }
        outcomes.sort_by_key(|(at, ..)| *at);
        outcomes
    }
}

/// The error of a window whose evaluation task panicked or was cancelled.
fn task_failed(e: &tokio::task::JoinError) -> DataFusionError {
    tracing::error!(error = %e, "a rule evaluation task failed (this is a bug)");
    DataFusionError::Internal(format!("the rule evaluation task failed: {e}"))
}
