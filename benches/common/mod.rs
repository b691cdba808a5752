//! What the benchmarks share: the rule sets they measure.
//!
//! The speed target is set for the starter rules, the four rules
//! shipped with the core engine; the benchmarks also measure the whole
//! library of `sql/`, which grows with every new scheme.

use std::path::{Path, PathBuf};

/// The starter rules: a call-centre burst, a SIM-box signature, wangiri and
/// spoofed caller IDs.
pub(crate) const STARTER_RULES: [&str; 4] = [
    "callcenter_burst.sql",
    "simbox_signature.sql",
    "spoofed_callerid.sql",
    "wangiri_burst.sql",
];

/// A rule set a benchmark runs: its label and its rule directory.
pub(crate) struct RuleSet {
    /// `starter` or `library`.
    pub(crate) label: &'static str,
    /// The rule directory.
    pub(crate) dir: PathBuf,
}

/// The starter rules (copied with `sql/tables/` into `scratch`) and the
/// whole library of `sql/`.
pub(crate) fn rule_sets(scratch: &Path) -> Vec<RuleSet> {
    let starter = scratch.join("starter-rules");
    let tables = starter.join("tables");
    std::fs::create_dir_all(&tables).expect("the starter rule directory is created");
    for file in STARTER_RULES {
        std::fs::copy(Path::new("sql").join(file), starter.join(file))
            .expect("a starter rule is copied");
    }
    for entry in std::fs::read_dir("sql/tables").expect("sql/tables is readable") {
        let path = entry.expect("sql/tables is readable").path();
        let name = path.file_name().expect("a table file has a name");
        std::fs::copy(&path, tables.join(name)).expect("a rule table is copied");
    }
    vec![
        RuleSet {
            label: "starter",
            dir: starter,
        },
        RuleSet {
            label: "library",
            dir: PathBuf::from("sql"),
        },
    ]
}
