//! The quality of a block-list alone: precision, recall per fraud class,
//! and which benign look-alikes were wrongly blocked (what `demo` prints).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use crate::sources::generator::Labels;

/// Every number that received a `block` entry, from block-list lines.
pub fn blocked_numbers(lines: &[String]) -> HashSet<String> {
    super::runner::first_blocks(lines).into_keys().collect()
}

/// How a block-list compares with the labels.
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    /// Numbers blocked.
    pub blocked: usize,
    /// Blocked numbers that are labelled fraud.
    pub true_positives: usize,
    /// Blocked fraud over all blocked.
    pub precision: f64,
    /// Blocked fraud over all fraud.
    pub recall: f64,
    /// Per fraud class: (blocked, labelled).
    pub per_class: BTreeMap<String, (usize, usize)>,
    /// Look-alikes that were blocked, with their kind.
    pub lookalikes_blocked: Vec<(String, String)>,
}

impl Quality {
    /// Scores `blocked` against `labels`.
    pub fn score(blocked: &HashSet<String>, labels: &Labels) -> Self {
        let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut true_positives = 0;
        for label in &labels.fraud {
            let class = serde_json::to_value(&label.class)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let entry = per_class.entry(class).or_default();
            entry.1 += 1;
            if blocked.contains(&label.number) {
                entry.0 += 1;
                true_positives += 1;
            }
        }
        let lookalikes_blocked = labels
            .lookalikes
            .iter()
            .filter(|l| blocked.contains(&l.number))
            .map(|l| {
                let kind = serde_json::to_value(&l.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                (l.number.clone(), kind)
            })
            .collect();
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        Quality {
            blocked: blocked.len(),
            true_positives,
            precision: ratio(true_positives, blocked.len()),
            recall: ratio(true_positives, labels.fraud.len()),
            per_class,
            lookalikes_blocked,
        }
    }
}

impl fmt::Display for Quality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "block-list quality: precision {:.3} ({} of {} blocked are fraud), recall {:.3}",
            self.precision, self.true_positives, self.blocked, self.recall
        )?;
        for (class, (hit, all)) in &self.per_class {
            writeln!(f, "  {class:<20} {hit:>4} of {all:<4} blocked")?;
        }
        if self.lookalikes_blocked.is_empty() {
            write!(f, "  no benign look-alike was blocked")
        } else {
            write!(f, "  benign look-alikes blocked:")?;
            for (number, kind) in &self.lookalikes_blocked {
                write!(f, "\n    {number} ({kind})")?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Labels from elsewhere name classes and kinds the generator does not
    /// play; they are scored and reported by name.
    #[test]
    fn labels_of_other_kinds_are_scored_by_name() {
        let labels: Labels = serde_json::from_str(
            r#"{"seed":1,"subscribers":10,"hours":1.0,"country":"th",
                "fraud":[{"number":"+66811111111","class":"callcenter"},
                         {"number":"+66822222222","class":"irsf"}],
                "lookalikes":[{"number":"+66833333333","kind":"enterprise_gsm_gateway"},
                              {"number":"+66844444444","kind":"iot_sim"}]}"#,
        )
        .unwrap();
        let blocked: HashSet<String> = ["+66822222222", "+66833333333", "+66844444444"]
            .map(str::to_owned)
            .into();
        let quality = Quality::score(&blocked, &labels);
        assert_eq!(quality.per_class["callcenter"], (0, 1));
        assert_eq!(quality.per_class["irsf"], (1, 1));
        let mut kinds: Vec<&str> = quality
            .lookalikes_blocked
            .iter()
            .map(|(_, kind)| kind.as_str())
            .collect();
        kinds.sort();
        assert_eq!(kinds, ["enterprise_gsm_gateway", "iot_sim"]);
    }
}
