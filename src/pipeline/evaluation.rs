//! Rule evaluation overlapped with reading.
//!
//! The windows a chunk closes are evaluated in a background task while the
//! main loop goes on windowing the next chunks (and the decode threads go on
//! decoding them). Without this, the main loop waited for the slowest rule
//! of every window, and the decode threads stopped once their queue was
//! full, so two cores ran at about one and a quarter.
//!
//! The windows closed together (at the end of the input, a whole window's
//! length of them) are evaluated together: each rule walks them in order
//! in its own task and evaluates several of them at once
//! ([`RuleEngine::evaluate_all`]), so the cores stay busy while one rule is
//! slow on its windows.
//!
//! Order is kept: at most one evaluation is in flight, and its hits are
//! decided ([`Pipeline::settle`]) before the next windows are evaluated,
//! before blocks expire past its windows' end, before offsets are committed
//! and at the end of a run. The outputs are therefore the same, entry for
//! entry, as when every window was evaluated in place.

use std::sync::Arc;

use tokio::task::JoinHandle;

use super::{LoggedHit, Pipeline, PipelineError};
use crate::decisions::{Sightings, devices};
use crate::rules::{RuleEngine, RuleHit, WindowResult};
use crate::windowing::ClosedWindow;

/// The closed windows being evaluated in the background.
pub(super) struct Pending {
    task: JoinHandle<Vec<EndGroup>>,
    /// The watermark the decider may advance to once these hits are
    /// decided: expiries must not overtake the windows still being decided.
    advance_to: Option<i64>,
}

/// The results of every window that ends at the same instant: their hits
/// are decided together.
struct EndGroup {
    start_ms: i64,
    end_ms: i64,
    results: Vec<WindowResult>,
    /// Who used which device in the longest of these windows, when devices
    /// are followed.
    sightings: Option<Sightings>,
}

impl Pending {
    /// Starts evaluating `closed` (ordered by end) on the runtime, and
    /// indexing their devices if `follow_devices`.
    fn start(engine: Arc<RuleEngine>, closed: Vec<ClosedWindow>, follow_devices: bool) -> Self {
        let acting = if follow_devices {
            engine.acting_window_specs()
        } else {
            Vec::new()
        };
        let task = tokio::spawn(async move {
            let mut results = engine.evaluate_all(&closed).await.into_iter();
            closed
                .chunk_by(|a, b| a.end_ms == b.end_ms)
                .map(|windows| EndGroup {
                    start_ms: windows.iter().map(|w| w.start_ms).min().unwrap_or_default(),
                    end_ms: windows[0].end_ms,
                    results: results.by_ref().take(windows.len()).collect(),
                    // Windows ending together share the pane grid, so the
                    // longest holds every row of the others.
                    sightings: Sightings::of_longest(windows, &acting),
                })
                .collect()
        });
        Pending {
            task,
            advance_to: None,
        }
    }
}

impl Pipeline {
    /// Decides on the windows evaluated so far, then starts evaluating
    /// `closed` (ordered by end) in the background.
    pub(super) async fn evaluate(
        &mut self,
        closed: Vec<ClosedWindow>,
    ) -> Result<(), PipelineError> {
        self.settle().await?;
        if !closed.is_empty() {
            let follow_devices = self.devices.is_some();
            self.pending = Some(Pending::start(
                Arc::clone(&self.engine),
                closed,
                follow_devices,
            ));
        }
        Ok(())
    }

    /// Lets blocks expire up to `watermark`, after the windows being
    /// evaluated are decided.
    pub(super) fn advance_to(&mut self, watermark: i64) -> Result<(), PipelineError> {
        match self.pending.as_mut() {
            Some(pending) => pending.advance_to = Some(watermark),
            None => {
                let expired = self.decider.advance(watermark);
                self.publish(&expired)?;
            }
        }
        Ok(())
    }

    /// Decides on the background evaluation if it has finished, so hits
    /// reach the outputs without waiting for the next window to close.
    pub(super) async fn settle_if_finished(&mut self) -> Result<(), PipelineError> {
        if self.pending.as_ref().is_some_and(|p| p.task.is_finished()) {
            self.settle().await?;
        }
        Ok(())
    }

    /// Waits for the background evaluation, if any, and decides on its
    /// hits, window end by window end; then lets blocks expire up to the
    /// watermark reached meanwhile.
    pub(super) async fn settle(&mut self) -> Result<(), PipelineError> {
        let Some(pending) = self.pending.take() else {
            return Ok(());
        };
        let groups = pending.task.await.map_err(|e| {
            PipelineError::Internal(format!("the window evaluation task failed: {e}"))
        })?;
        for group in groups {
            self.decide(group)?;
        }
        if let Some(watermark) = pending.advance_to {
            let expired = self.decider.advance(watermark);
            self.publish(&expired)?;
        }
        Ok(())
    }

    /// Decides on the hits of all windows that end at the same instant.
    fn decide(&mut self, group: EndGroup) -> Result<(), PipelineError> {
        self.metrics
            .windows_closed
            .inc_by(group.results.len() as u64);
        let mut hits = Vec::new();
        for result in group.results {
            self.record_runs(&result.runs);
            hits.extend(result.hits);
        }
        if let Some(log) = self.hit_log.as_mut() {
            log.extend(hits.iter().map(|h| LoggedHit {
                rule: h.rule,
                number: h.number.clone(),
                window_end_ms: group.end_ms,
            }));
        }
        // Shadow rules are measured, never acted on.
        let rules = self.engine.rules();
        hits.retain(|h| !rules[h.rule].shadow);
        let flagged: Vec<String> = hits.iter().map(|h| h.number.clone()).collect();
        let mut decisions = self
            .decider
            .on_windows_closed(group.start_ms, group.end_ms, hits);
        if let Some(sightings) = &group.sightings {
            let follow_ups = self.follow_devices(sightings, &flagged, group.end_ms);
            decisions.extend(self.decider.on_windows_closed(
                group.start_ms,
                group.end_ms,
                follow_ups,
            ));
            if let Some(watch) = &self.devices {
                devices::note_devices(&mut decisions, sightings, watch);
            }
        }
        self.publish(&decisions)
    }

    /// Watches the devices of the numbers `flagged` got blocked, and returns
    /// a hit for every other number seen on a watched device; the hits are
    /// counted and logged as a rule's.
    fn follow_devices(
        &mut self,
        sightings: &Sightings,
        flagged: &[String],
        end_ms: i64,
    ) -> Vec<RuleHit> {
        let Some(watch) = self.devices.as_mut() else {
            return Vec::new();
        };
        watch.watch(sightings, flagged.iter().map(String::as_str), &self.decider);
        let hits = watch.follow(sightings, &self.decider);
        self.metrics
            .rule_hits
            .with_label_values(&[devices::RULE_NAME])
            .inc_by(hits.len() as u64);
        if let Some(log) = self.hit_log.as_mut() {
            log.extend(hits.iter().map(|h| LoggedHit {
                rule: h.rule,
                number: h.number.clone(),
                window_end_ms: end_ms,
            }));
        }
        hits
    }
}

#[cfg(test)]
mod tests;
