//! The end-of-run summary, read from the metrics.

use std::fmt;
use std::time::Duration;

use crate::decisions::DecisionStats;
use crate::metrics::Metrics;
use crate::record::RejectReason;
use crate::rules::RuleEngine;

/// What a run did.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Records read from the source.
    pub records_read: u64,
    /// Records accepted into windows.
    pub records_accepted: u64,
    /// Rejections by reason (late included), in reason order.
    pub rejected: Vec<(RejectReason, u64)>,
    /// Windows closed and evaluated.
    pub windows_closed: u64,
    /// Hits by rule, in rule order.
    pub hits: Vec<(String, u64)>,
    /// Rule evaluations that failed, all rules.
    pub rule_errors: u64,
    /// Decision counts.
    pub decisions: DecisionStats,
    /// Numbers still blocked at the end.
    pub blocked_now: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl Summary {
    pub(crate) fn collect(
        source_kind: &str,
        metrics: &Metrics,
        engine: &RuleEngine,
        decisions: &DecisionStats,
        elapsed: Duration,
    ) -> Self {
        let records_read = metrics
            .records_received
            .with_label_values(&[source_kind])
            .get();
        let rule = |name: &str| metrics.rule_hits.with_label_values(&[name]).get();
        Summary {
            records_read,
            records_accepted: metrics.records_accepted.get(),
            rejected: RejectReason::ALL
                .iter()
                .map(|&r| (r, metrics.rejected(r)))
                .collect(),
            windows_closed: metrics.windows_closed.get(),
            hits: engine
                .rules()
                .iter()
                .map(|r| (r.name.to_string(), rule(&r.name)))
                .collect(),
            rule_errors: engine
                .rules()
                .iter()
                .map(|r| {
                    metrics
                        .rule_errors
                        .with_label_values(&[r.name.as_ref()])
                        .get()
                })
                .sum(),
            decisions: decisions.clone(),
            blocked_now: metrics.blocklist_size.get().max(0) as u64,
            elapsed,
        }
    }

    /// Rejected records, all reasons.
    pub fn rejected_total(&self) -> u64 {
        self.rejected.iter().map(|(_, n)| n).sum()
    }

    /// Records read per second of wall time.
    pub fn records_per_second(&self) -> f64 {
        self.records_read as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "records read        {:>12}", self.records_read)?;
        writeln!(f, "records accepted    {:>12}", self.records_accepted)?;
        writeln!(f, "records rejected    {:>12}", self.rejected_total())?;
        for (reason, n) in self.rejected.iter().filter(|(_, n)| *n > 0) {
            writeln!(f, "  {:<18}{:>12}", reason.as_str(), n)?;
        }
        writeln!(f, "windows closed      {:>12}", self.windows_closed)?;
        writeln!(f, "rule hits")?;
        for (rule, n) in &self.hits {
            writeln!(f, "  {rule:<24}{n:>6}")?;
        }
        if self.rule_errors > 0 {
            writeln!(f, "rule errors         {:>12}", self.rule_errors)?;
        }
        let d = &self.decisions;
        writeln!(f, "blocks              {:>12}", d.blocks)?;
        writeln!(
            f,
            "renewals            {:>12}  ({} re-published)",
            d.renewals, d.renewals_published
        )?;
        writeln!(f, "unblocks            {:>12}", d.unblocks)?;
        writeln!(f, "alerts              {:>12}", d.alerts)?;
        writeln!(f, "allow-list kept     {:>12}", d.allow_list_suppressed)?;
        writeln!(f, "blocked at the end  {:>12}", self.blocked_now)?;
        write!(
            f,
            "elapsed             {:>11.2}s  ({:.0} records/s)",
            self.elapsed.as_secs_f64(),
            self.records_per_second()
        )
    }
}
