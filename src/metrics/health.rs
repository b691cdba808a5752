//! Liveness and readiness, as the service loop reports them to `/healthz`
//! and `/readyz`.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicUsize, Ordering};

/// What `/readyz` reports on: shared between the loop and the HTTP server.
#[derive(Debug, Default)]
pub struct Health {
    /// The rules are loaded and planned.
    pub rules_loaded: AtomicBool,
    /// Partitions assigned now.
    pub partitions: AtomicUsize,
    /// The largest consumer lag over the partitions, in messages.
    pub max_lag: AtomicI64,
}

impl Health {
    /// Ready: rules loaded, partitions assigned, lag at most `max_lag`.
    pub fn is_ready(&self, max_lag: i64) -> bool {
        self.rules_loaded.load(Ordering::Relaxed)
            && self.partitions.load(Ordering::Relaxed) > 0
            && self.max_lag.load(Ordering::Relaxed) <= max_lag
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readiness_needs_rules_partitions_and_a_small_lag() {
        let health = Health::default();
        assert!(!health.is_ready(100));
        health.rules_loaded.store(true, Ordering::Relaxed);
        health.partitions.store(2, Ordering::Relaxed);
        assert!(health.is_ready(100));
        health.max_lag.store(101, Ordering::Relaxed);
        assert!(!health.is_ready(100));
    }
}
