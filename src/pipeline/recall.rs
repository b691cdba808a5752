//! After a restart, the memory of calls is filled from the input topics.
//!
//! A restarted engine reads again from its committed offsets, and the
//! records before them are gone from its windows; the memory of calls
//! (`independent_callers`, see `rules::contacts`) needs the day before
//! each window. So when partitions are assigned, the records of the day
//! before the window floor are read again, up to the committed offsets,
//! decoded and fed to the memory only: they are not windowed, counted as
//! received or rejected again (they were, when first read). Each partition
//! is read back once per run; a rebalance keeps the memory. Reading back is
//! a help, not a guarantee: if the broker cannot serve it (the records
//! were deleted by retention, or a request fails) the engine goes on with
//! what it has and says so in its log.

use std::sync::Arc;
use std::time::Instant;

use ahash::AHashSet;

use super::{Pipeline, PipelineError};
use crate::sources::{Chunk, KafkaSource, RebalanceEvent, TopicPartition};

impl Pipeline {
    /// Reads back the day before the window floor of the partitions just
    /// assigned that `recalled` does not hold yet, into the memory of
    /// calls, and adds them to `recalled`.
    pub(super) async fn recall_history(
        &mut self,
        source: &KafkaSource,
        events: &[RebalanceEvent],
        recalled: &mut AHashSet<TopicPartition>,
    ) -> Result<(), PipelineError> {
        let Some(RebalanceEvent::Assigned(assigned)) = events
            .iter()
            .rev()
            .find(|e| matches!(e, RebalanceEvent::Assigned(_)))
        else {
            return Ok(());
        };
        let (Some(horizon_ms), Some(floor_ms)) =
            (self.engine.contact_horizon_ms(), self.operator.floor_ms())
        else {
            return Ok(());
        };
        let fresh: Vec<TopicPartition> = assigned
            .iter()
            .filter(|p| !recalled.contains(*p))
            .cloned()
            .collect();
        if fresh.is_empty() {
            return Ok(());
        }
        let started = Instant::now();
        let since_ms = floor_ms - horizon_ms;
        let mut history = match source.history(&fresh, since_ms) {
            Ok(history) => history,
            Err(error) => {
                tracing::warn!(%error, "cannot read the day before back; the memory of calls fills from now on");
                return Ok(());
            }
        };
        recalled.extend(fresh);
        // Reading a day back can take minutes: the group is polled between
        // chunks, with its partitions paused, so that it keeps them.
        let paused = source.set_paused(assigned, true).is_ok();
        while let Some(chunk) = history.next_chunk() {
            self.remember_history(chunk, since_ms).await?;
            if paused {
                source.keep_alive();
            }
        }
        if paused {
            source.set_paused(assigned, false)?;
        }
        tracing::info!(
            records = history.records_read(),
            seconds = started.elapsed().as_secs_f64(),
            "memory of calls filled with the day before the window floor"
        );
        Ok(())
    }

    /// Decodes `chunk` and feeds its calls from `since_ms` on to the memory
    /// of calls, and nowhere else.
    pub(crate) async fn remember_history(
        &mut self,
        chunk: Chunk,
        since_ms: i64,
    ) -> Result<(), PipelineError> {
        let records = chunk.len() as u64;
        self.decoders.submit(Arc::new(chunk))?;
        while let Some((_, parts)) = self.decoders.next().await? {
            for part in &parts {
                self.engine.remember_history(&part.batch, since_ms);
            }
        }
        self.metrics.contact_history_records.inc_by(records);
        self.metrics
            .contact_numbers
            .set(self.engine.contact_numbers() as i64);
        Ok(())
    }
}
