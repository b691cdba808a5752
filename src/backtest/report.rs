//! Scoring a backtest: per rule, per fraud class, the block-list overall,
//! and time to detect; and the quality bar a rule library must meet.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::sources::generator::Labels;

/// What the report needs to know of a rule.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// Its name.
    pub name: String,
    /// `block` or `alert`.
    pub action: &'static str,
    /// Whether it runs in shadow mode.
    pub shadow: bool,
    /// Its window length in minutes.
    pub window_minutes: f64,
}

/// One rule's hits against the labels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleQuality {
    /// The rule.
    pub name: String,
    /// `block` or `alert`.
    pub action: &'static str,
    /// Whether it ran in shadow mode.
    pub shadow: bool,
    /// Distinct numbers it flagged.
    pub flagged: usize,
    /// Of those, labelled fraud.
    pub true_positives: usize,
    /// Of those, not labelled fraud.
    pub false_positives: usize,
    /// Of the false positives, benign look-alikes.
    pub lookalikes: usize,
    /// True positives over flagged (1 when it flagged nothing).
    pub precision: f64,
}

/// Recall of the block-list for one fraud class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassRecall {
    /// The class, as `gen` labels it.
    pub class: String,
    /// Numbers of the class.
    pub labelled: usize,
    /// Of those, blocked.
    pub blocked: usize,
    /// Blocked over labelled.
    pub recall: f64,
    /// Numbers of the class never blocked, sorted: what an analyst looks
    /// at next.
    pub missed: Vec<String>,
    /// Of the missed, those alerted: the fraud team saw them for review.
    pub alerted: usize,
}

/// A scored backtest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Per rule, in rule order.
    pub rules: Vec<RuleQuality>,
    /// Per fraud class.
    pub classes: Vec<ClassRecall>,
    /// Numbers blocked.
    pub blocked: usize,
    /// Blocked numbers labelled fraud.
    pub true_positives: usize,
    /// Of the block-list.
    pub precision: f64,
    /// Of the block-list, over every fraud number.
    pub recall: f64,
    /// Benign look-alikes blocked, with their kind.
    pub lookalikes_blocked: Vec<(String, String)>,
    /// Blocked numbers whose every block stopped them only on international
    /// trunks (`scope: international`), sorted: their lines at home worked.
    pub blocked_international_only: Vec<String>,
    /// Benign look-alikes alerted and never blocked, with their kind: the
    /// review work they give the fraud team.
    pub lookalikes_alerted: Vec<(String, String)>,
    /// Blocked numbers labelled neither fraud nor look-alike.
    pub others_blocked: Vec<String>,
    /// Minutes from each blocked fraudster's first record to its first block, sorted.
    pub detect_minutes: Vec<f64>,
    /// The median of `detect_minutes`.
    pub median_detect_minutes: Option<f64>,
    /// The 95th percentile (nearest rank) of `detect_minutes`.
    pub p95_detect_minutes: Option<f64>,
    /// The longest window of the live blocking rules, in minutes.
    pub window_minutes: f64,
}

/// What a backtest saw.
#[derive(Debug, Clone, Copy)]
pub struct Observed<'a> {
    /// The rules, in engine order.
    pub rules: &'a [RuleMeta],
    /// Every hit: (rule index, number).
    pub hits: &'a [(usize, String)],
    /// The first block of every blocked number, epoch milliseconds.
    pub first_block_ms: &'a HashMap<String, i64>,
    /// The first record of every labelled number, epoch milliseconds.
    pub first_seen_ms: &'a HashMap<String, i64>,
    /// Every number alerted (blocked or not).
    pub alerted: &'a HashSet<String>,
    /// Blocked numbers none of whose blocks stopped more than international
    /// ingress.
    pub international_only: &'a HashSet<String>,
}

impl Report {
    /// Scores what a backtest saw against `labels`.
    pub fn score(observed: Observed<'_>, labels: &Labels) -> Report {
        let class_of: HashMap<&str, String> = labels
            .fraud
            .iter()
            .map(|l| (l.number.as_str(), label_text(&l.class)))
            .collect();
        let kind_of: HashMap<&str, String> = labels
            .lookalikes
            .iter()
            .map(|l| (l.number.as_str(), label_text(&l.kind)))
            .collect();
        let rules = rule_qualities(&observed, &class_of, &kind_of);
        let blocked: HashSet<&str> = observed.first_block_ms.keys().map(String::as_str).collect();
        let alerted_only: HashSet<&str> = observed
            .alerted
            .iter()
            .map(String::as_str)
            .filter(|n| !blocked.contains(n))
            .collect();
        let classes = class_recalls(&class_of, &blocked, &alerted_only);
        let true_positives = blocked.iter().filter(|n| class_of.contains_key(*n)).count();
        let lookalikes_blocked = labelled_among(&blocked, &kind_of);
        let lookalikes_alerted = labelled_among(&alerted_only, &kind_of);
        let mut others_blocked: Vec<String> = blocked
            .iter()
            .filter(|n| !class_of.contains_key(*n) && !kind_of.contains_key(*n))
            .map(|n| (*n).to_owned())
            .collect();
        others_blocked.sort();
        let detect_minutes = detect_minutes(&observed, &class_of);
        let window_minutes = observed
            .rules
            .iter()
            .filter(|r| r.action == "block" && !r.shadow)
            .map(|r| r.window_minutes)
            .fold(0.0, f64::max);
        Report {
            rules,
            classes,
            blocked: blocked.len(),
            true_positives,
            precision: ratio(true_positives, blocked.len()),
            recall: ratio(true_positives, class_of.len()),
            lookalikes_blocked,
            lookalikes_alerted,
            blocked_international_only: sorted(observed.international_only),
            others_blocked,
            median_detect_minutes: percentile(&detect_minutes, 0.5),
            p95_detect_minutes: percentile(&detect_minutes, 0.95),
            detect_minutes,
            window_minutes,
        }
    }
}

fn rule_qualities(
    observed: &Observed<'_>,
    class_of: &HashMap<&str, String>,
    kind_of: &HashMap<&str, String>,
) -> Vec<RuleQuality> {
    let mut flagged: Vec<HashSet<&str>> = vec![HashSet::new(); observed.rules.len()];
    for (rule, number) in observed.hits {
        if let Some(set) = flagged.get_mut(*rule) {
            set.insert(number.as_str());
        }
    }
    observed
        .rules
        .iter()
        .zip(flagged)
        .map(|(meta, numbers)| {
            let true_positives = numbers.iter().filter(|n| class_of.contains_key(*n)).count();
            let lookalikes = numbers.iter().filter(|n| kind_of.contains_key(*n)).count();
            RuleQuality {
                name: meta.name.clone(),
                action: meta.action,
                shadow: meta.shadow,
                flagged: numbers.len(),
                true_positives,
                false_positives: numbers.len() - true_positives,
                lookalikes,
                precision: ratio(true_positives, numbers.len()),
            }
        })
        .collect()
}

fn sorted(numbers: &HashSet<String>) -> Vec<String> {
    let mut out: Vec<String> = numbers.iter().cloned().collect();
    out.sort();
    out
}

/// The numbers among `numbers` that `label_of` labels, with their label, sorted.
fn labelled_among(
    numbers: &HashSet<&str>,
    label_of: &HashMap<&str, String>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = numbers
        .iter()
        .filter_map(|n| label_of.get(n).map(|k| ((*n).to_owned(), k.clone())))
        .collect();
    out.sort();
    out
}

fn class_recalls(
    class_of: &HashMap<&str, String>,
    blocked: &HashSet<&str>,
    alerted_only: &HashSet<&str>,
) -> Vec<ClassRecall> {
    let mut per_class: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
    for (number, class) in class_of {
        let entry = per_class.entry(class.as_str()).or_default();
        entry.0 += 1;
        if !blocked.contains(number) {
            entry.1.push((*number).to_owned());
        }
    }
    per_class
        .into_iter()
        .map(|(class, (labelled, mut missed))| {
            missed.sort();
            let hit = labelled - missed.len();
            let alerted = missed
                .iter()
                .filter(|n| alerted_only.contains(n.as_str()))
                .count();
            ClassRecall {
                class: class.to_owned(),
                labelled,
                blocked: hit,
                recall: ratio(hit, labelled),
                missed,
                alerted,
            }
        })
        .collect()
}

fn detect_minutes(observed: &Observed<'_>, class_of: &HashMap<&str, String>) -> Vec<f64> {
    let mut minutes: Vec<f64> = observed
        .first_block_ms
        .iter()
        .filter(|(n, _)| class_of.contains_key(n.as_str()))
        .filter_map(|(n, block)| {
            let seen = observed.first_seen_ms.get(n)?;
            Some((block - seen).max(0) as f64 / 60_000.0)
        })
        .collect();
    minutes.sort_by(f64::total_cmp);
    minutes
}

/// The nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank - 1).copied()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A label enum as `gen` writes it (`spoofed_caller_id`).
fn label_text(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The bar a rule library must clear on labelled traffic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QualityBar {
    /// Least block-list precision.
    pub min_precision: f64,
    /// Least recall of every fraud class.
    pub min_recall: f64,
}

impl Default for QualityBar {
    /// Precision 0.99, recall 0.95 per class, no look-alike blocked, median
    /// time to detect within one rule window.
    fn default() -> Self {
        QualityBar {
            min_precision: 0.99,
            min_recall: 0.95,
        }
    }
}

impl QualityBar {
    /// Every way `report` falls short; empty when it clears the bar.
    pub fn shortfalls(&self, report: &Report) -> Vec<String> {
        let mut out = Vec::new();
        if report.precision < self.min_precision {
            out.push(format!(
                "precision {:.3} is below {}",
                report.precision, self.min_precision
            ));
        }
        for class in &report.classes {
            if class.recall < self.min_recall {
                out.push(format!(
                    "recall of {} is {:.3} ({} of {}), below {}",
                    class.class, class.recall, class.blocked, class.labelled, self.min_recall
                ));
            }
        }
        for (number, kind) in &report.lookalikes_blocked {
            out.push(format!("look-alike {number} ({kind}) was blocked"));
        }
        if let Some(median) = report.median_detect_minutes
            && median > report.window_minutes
        {
            out.push(format!(
                "median time to detect {median:.1} min exceeds one window ({} min)",
                report.window_minutes
            ));
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<26} {:>6} {:>7} {:>5} {:>5} {:>6} {:>9}",
            "rule", "action", "flagged", "TP", "FP", "looks", "precision"
        )?;
        for r in &self.rules {
            let action = if r.shadow { "shadow" } else { r.action };
            writeln!(
                f,
                "{:<26} {:>6} {:>7} {:>5} {:>5} {:>6} {:>9.3}",
                r.name,
                action,
                r.flagged,
                r.true_positives,
                r.false_positives,
                r.lookalikes,
                r.precision
            )?;
        }
        writeln!(
            f,
            "\n{:<26} {:>8} {:>7} {:>7}",
            "fraud class", "labelled", "blocked", "recall"
        )?;
        for c in &self.classes {
            writeln!(
                f,
                "{:<26} {:>8} {:>7} {:>7.3}",
                c.class, c.labelled, c.blocked, c.recall
            )?;
            write_missed(f, &c.missed)?;
            if c.alerted > 0 {
                writeln!(f, "  of those, alerted for review: {}", c.alerted)?;
            }
        }
        write!(
            f,
            "\nblock-list: {} blocked, {} fraud: precision {:.3}, recall {:.3}",
            self.blocked, self.true_positives, self.precision, self.recall
        )?;
        match self.blocked_international_only.len() {
            0 => writeln!(f)?,
            n => writeln!(f, "; {n} blocked on international trunks only")?,
        }
        match (self.median_detect_minutes, self.p95_detect_minutes) {
            (Some(m), Some(p)) => writeln!(
                f,
                "time to detect: median {m:.1} min, 95th percentile {p:.1} min (window {} min)",
                self.window_minutes
            )?,
            _ => writeln!(f, "time to detect: no fraud was blocked")?,
        }
        if self.lookalikes_blocked.is_empty() {
            write!(f, "no benign look-alike was blocked")?;
        } else {
            write!(f, "benign look-alikes blocked:")?;
            for (number, kind) in &self.lookalikes_blocked {
                write!(f, "\n  {number} ({kind})")?;
                if self
                    .blocked_international_only
                    .binary_search(number)
                    .is_ok()
                {
                    write!(f, " on international trunks only")?;
                }
            }
        }
        if !self.lookalikes_alerted.is_empty() {
            write!(
                f,
                "\nbenign look-alikes alerted for review, not blocked: {} ({})",
                self.lookalikes_alerted.len(),
                count_by_kind(&self.lookalikes_alerted)
            )?;
        }
        if !self.others_blocked.is_empty() {
            write!(
                f,
                "\nunlabelled numbers blocked: {}",
                self.others_blocked.len()
            )?;
        }
        Ok(())
    }
}

/// `3 telesales_call_center, 1 roamer_calling_home`: how many of each
/// kind, most first.
pub(crate) fn count_by_kind(labelled: &[(String, String)]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, kind) in labelled {
        *counts.entry(kind.as_str()).or_default() += 1;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// At most this many missed numbers are listed per class in the table;
/// the HTML report and the JSON of the report carry them all.
const MISSED_SHOWN: usize = 5;

fn write_missed(f: &mut fmt::Formatter<'_>, missed: &[String]) -> fmt::Result {
    if missed.is_empty() {
        return Ok(());
    }
    let shown = missed[..missed.len().min(MISSED_SHOWN)].join(" ");
    match missed.len().saturating_sub(MISSED_SHOWN) {
        0 => writeln!(f, "  missed: {shown}"),
        more => writeln!(f, "  missed: {shown} and {more} more"),
    }
}

#[cfg(test)]
mod tests;
