//! What a rule sees besides the window's rows: reference tables and the
//! network's home country.
//!
//! Reference tables come from two places. The pipeline names its own
//! (`[[rules.tables]]`); a rule directory ships the tables its rules join in
//! `tables/*.csv`, each named after its file. The pipeline's win when both
//! name a table, so an operator overrides a shipped list without editing the
//! rule library. The built-in rules carry built-in copies of `sql/tables/`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::error::RuleError;
use super::functions::{BUILTIN_BRANDS, BUILTIN_SHORTENERS, Lexicon};
use super::loader::RuleSource;
use super::tables::RefTable;

/// The tables shipped with the built-in rules.
const BUILTIN_TABLES: &[(&str, &str)] = &[
    ("brands", BUILTIN_BRANDS),
    ("shorteners", BUILTIN_SHORTENERS),
    (
        "wangiri_ranges",
        include_str!("../../sql/tables/wangiri_ranges.csv"),
    ),
    (
        "gateway_tacs",
        include_str!("../../sql/tables/gateway_tacs.csv"),
    ),
    (
        "abused_tlds",
        include_str!("../../sql/tables/abused_tlds.csv"),
    ),
    (
        "vetted_suffixes",
        include_str!("../../sql/tables/vetted_suffixes.csv"),
    ),
];

/// Reference tables and the home country code rules are planned with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleEnv {
    /// Tables named by the pipeline.
    pub tables: Vec<RefTable>,
    /// The calling code of national numbers (66 for Thailand), for `is_national`.
    pub country_code: u16,
}

impl Default for RuleEnv {
    fn default() -> Self {
        RuleEnv {
            tables: Vec::new(),
            country_code: 66,
        }
    }
}

impl RuleEnv {
    /// The pipeline's tables, then those shipped with `source` that the
    /// pipeline does not override, then the built-in copies of `sql/tables/`
    /// that neither names: a rule directory holding copies of the library's
    /// rules but not their tables still plans, as the SMS functions fall
    /// back to the built-in brands and shorteners.
    pub fn tables_for(&self, source: &RuleSource) -> Vec<RefTable> {
        let mut tables = self.tables.clone();
        for shipped in [shipped_tables(source), shipped_tables(&RuleSource::Builtin)] {
            let named: HashSet<String> = tables.iter().map(|t| t.name.clone()).collect();
            tables.extend(shipped.into_iter().filter(|t| !named.contains(&t.name)));
        }
        tables
    }
}

/// The tables a rule source ships: `<dir>/tables/*.csv`, or the built-in copies.
pub fn shipped_tables(source: &RuleSource) -> Vec<RefTable> {
    match source {
        RuleSource::Builtin => BUILTIN_TABLES
            .iter()
            .map(|(name, text)| RefTable {
                name: (*name).to_owned(),
                path: PathBuf::from(format!("sql/tables/{name}.csv")),
                contents: Some(text),
            })
            .collect(),
        RuleSource::Dir(dir) => csv_files(&dir.join("tables"))
            .into_iter()
            .filter_map(|path| {
                let name = path.file_stem()?.to_str().unwrap_or_default().to_owned();
                let valid = !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if !valid {
                    tracing::warn!(
                        path = %path.display(),
                        "reference table skipped: a table is named after its file, and \
                         this name is not one SQL can use (letters, digits and _ only)"
                    );
                }
                valid.then_some(RefTable {
                    name,
                    path,
                    contents: None,
                })
            })
            .collect(),
    }
}

fn csv_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    paths.sort();
    paths
}

/// The brands and shorteners the SMS functions use: the tables of those
/// names, or the shipped copies; a bad row is reported with its file and line.
pub(crate) fn lexicon(tables: &[RefTable]) -> Result<Lexicon, Vec<RuleError>> {
    let mut errors = Vec::new();
    let mut text = |name: &str, builtin: &'static str| -> (PathBuf, String) {
        let Some(table) = tables.iter().find(|t| t.name == name) else {
            return (
                PathBuf::from(format!("sql/tables/{name}.csv")),
                builtin.to_owned(),
            );
        };
        match table.text() {
            Ok(t) => (table.path.clone(), t),
            Err(e) => {
                errors.push(RuleError::at(
                    &table.path,
                    None,
                    format!("reference table `{name}`: {e}"),
                ));
                (table.path.clone(), String::new())
            }
        }
    };
    let (brands_path, brands) = text("brands", BUILTIN_BRANDS);
    let (shorteners_path, shorteners) = text("shorteners", BUILTIN_SHORTENERS);
    if !errors.is_empty() {
        return Err(errors);
    }
    Lexicon::from_csv(&brands, &shorteners).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| {
                let path = if p.table == "brands" {
                    &brands_path
                } else {
                    &shorteners_path
                };
                RuleError::at(path, Some(p.row + 1), p.problem)
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pipeline_overrides_a_shipped_table() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("tables")).unwrap();
        std::fs::write(dir.path().join("tables/brands.csv"), "x").unwrap();
        std::fs::write(dir.path().join("tables/extra.csv"), "x").unwrap();
        std::fs::write(dir.path().join("tables/not a name.csv"), "x").unwrap();
        let env = RuleEnv {
            tables: vec![RefTable {
                name: "brands".into(),
                path: "mine.csv".into(),
                contents: None,
            }],
            country_code: 66,
        };
        let tables = env.tables_for(&RuleSource::Dir(dir.path().to_owned()));
        let names: Vec<(&str, &str)> = tables
            .iter()
            .map(|t| {
                (
                    t.name.as_str(),
                    t.path.file_name().unwrap().to_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                ("brands", "mine.csv"),
                ("extra", "extra.csv"),
                ("shorteners", "shorteners.csv"),
                ("wangiri_ranges", "wangiri_ranges.csv"),
                ("gateway_tacs", "gateway_tacs.csv"),
                ("abused_tlds", "abused_tlds.csv"),
                ("vetted_suffixes", "vetted_suffixes.csv"),
            ]
        );
        let builtin = tables.iter().filter(|t| t.contents.is_some()).count();
        assert_eq!(
            builtin, 5,
            "the tables the directory lacks are the built-in copies"
        );
    }

    #[test]
    fn builtin_rules_ship_every_table_of_sql() {
        let shipped: Vec<String> = shipped_tables(&RuleSource::Builtin)
            .into_iter()
            .map(|t| t.name)
            .collect();
        let on_disk: Vec<String> = shipped_tables(&RuleSource::Dir("sql".into()))
            .into_iter()
            .map(|t| t.name)
            .collect();
        let mut sorted = shipped.clone();
        sorted.sort();
        assert_eq!(sorted, on_disk);
    }

    #[test]
    fn a_bad_brands_row_names_its_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brands.csv");
        std::fs::write(
            &path,
            "brand,keyword,domain\nkbank,kbank,kasikornbank.com,yes\n",
        )
        .unwrap();
        let tables = [RefTable {
            name: "brands".into(),
            path: path.clone(),
            contents: None,
        }];
        let errors = lexicon(&tables).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].path.as_path(), errors[0].line),
            (path.as_path(), Some(2))
        );
    }
}
