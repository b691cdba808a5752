//! Which Kafka offsets are safe to commit.
//!
//! A record's offset may be committed once every window it belongs to has
//! closed. Windows hold whole panes, so it is enough to know, for every pane
//! still held and every partition, the smallest offset of that partition's
//! rows in it: the commit point of a partition is the smallest such offset
//! over the held panes, or the offset after the last record read when none
//! of its rows is held. Rejected, late and replayed records hold nothing:
//! they are in the dead-letter topic or were already evaluated.

use std::collections::BTreeMap;

use ahash::AHashMap;

use crate::sources::TopicPartition;

/// Offsets of held rows per pane and partition.
#[derive(Debug, Default)]
pub(crate) struct OffsetTracker {
    ids: AHashMap<TopicPartition, u32>,
    partitions: Vec<TopicPartition>,
    /// Per pane start: per partition id, the smallest offset held.
    held: BTreeMap<i64, AHashMap<u32, i64>>,
    /// Per partition id: the offset after the last record read.
    next: AHashMap<u32, i64>,
}

impl OffsetTracker {
    /// The small id of a partition, as the watermark knows it.
    pub(crate) fn id(&mut self, partition: &TopicPartition) -> u32 {
        if let Some(&id) = self.ids.get(partition) {
            return id;
        }
        let id = self.partitions.len() as u32;
        self.partitions.push(partition.clone());
        self.ids.insert(partition.clone(), id);
        id
    }

    /// A record of partition `id` at `offset` was read.
    pub(crate) fn read(&mut self, id: u32, offset: i64) {
        let next = self.next.entry(id).or_insert(offset + 1);
        *next = (*next).max(offset + 1);
    }

    /// A record of partition `id` at `offset` is held in the pane starting
    /// at `pane_start`.
    pub(crate) fn hold(&mut self, id: u32, offset: i64, pane_start: i64) {
        let min = self
            .held
            .entry(pane_start)
            .or_default()
            .entry(id)
            .or_insert(offset);
        *min = (*min).min(offset);
    }

    /// The offsets safe to commit, given that every pane starting before
    /// `oldest_held` has been let go.
    pub(crate) fn commit_point(&mut self, oldest_held: Option<i64>) -> Vec<(TopicPartition, i64)> {
        match oldest_held {
            Some(oldest) => self.held = self.held.split_off(&oldest),
            None => self.held.clear(),
        }
        let mut safe: AHashMap<u32, i64> = self.next.clone();
        for pane in self.held.values() {
            for (&id, &offset) in pane {
                let entry = safe.entry(id).or_insert(offset);
                *entry = (*entry).min(offset);
            }
        }
        let mut out: Vec<(TopicPartition, i64)> = safe
            .into_iter()
            .map(|(id, offset)| (self.partitions[id as usize].clone(), offset))
            .collect();
        out.sort();
        out
    }

    /// Forgets everything: after a rebalance.
    pub(crate) fn reset(&mut self) {
        self.held.clear();
        self.next.clear();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn tp(p: i32) -> TopicPartition {
        (Arc::from("calls"), p)
    }

    #[test]
    fn a_partition_commits_up_to_its_oldest_held_row() {
        let mut t = OffsetTracker::default();
        let (a, b) = (t.id(&tp(0)), t.id(&tp(1)));
        for offset in 0..10 {
            t.read(a, offset);
        }
        t.hold(a, 3, 0);
        t.hold(a, 7, 300_000);
        t.read(b, 41);
        assert_eq!(t.commit_point(Some(0)), vec![(tp(0), 3), (tp(1), 42)]);
        assert_eq!(
            t.commit_point(Some(300_000)),
            vec![(tp(0), 7), (tp(1), 42)],
            "the first pane was let go"
        );
        assert_eq!(t.commit_point(None), vec![(tp(0), 10), (tp(1), 42)]);
    }

    #[test]
    fn ids_are_stable_and_reset_forgets_offsets() {
        let mut t = OffsetTracker::default();
        assert_eq!(t.id(&tp(5)), 0);
        assert_eq!(t.id(&tp(2)), 1);
        assert_eq!(t.id(&tp(5)), 0);
        t.read(0, 9);
        t.reset();
        assert!(t.commit_point(None).is_empty());
    }
}
