//! Numbers that must never be blocked: emergency services, the operator's own
//! call centres, banks' published numbers.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Why an allow-list could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum AllowListError {
    /// The file could not be read or is not CSV.
    #[error("{path}: cannot read the allow-list: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: csv::Error,
    },
    /// The file has no `number` column.
    #[error("{path}: the allow-list needs a `number` column")]
    NoNumberColumn {
        /// The file.
        path: PathBuf,
    },
    /// An entry is neither an E.164 number nor a prefix.
    #[error(
        "{path}:{line}: `{entry}` is not an E.164 number (`+66812345678`) or prefix (`+66800*`)"
    )]
    BadEntry {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: u64,
        /// The entry as written.
        entry: String,
    },
}

/// Where the shipped allow-list lives, and what [`AllowList::builtin`] names
/// in its errors.
const BUILTIN_ALLOW_LIST_PATH: &str = "pipelines/tables/allow_list.csv";

const BUILTIN_ALLOW_LIST: &str = include_str!("../../pipelines/tables/allow_list.csv");

/// Exact numbers and number prefixes.
#[derive(Debug, Clone, Default)]
pub struct AllowList {
    numbers: HashSet<String>,
    prefixes: Vec<String>,
}

impl AllowList {
    /// An allow-list from entries: an E.164 number, or a prefix ending in `*`.
    pub fn from_entries<'a>(entries: impl IntoIterator<Item = &'a str>) -> Result<Self, String> {
        let mut list = AllowList::default();
        for entry in entries {
            list.add(entry).map_err(|()| entry.to_owned())?;
        }
        Ok(list)
    }

    /// Reads a CSV file with a `number` column (other columns, such as a
    /// reason, are kept for people and ignored here).
    pub fn load(path: &Path) -> Result<Self, AllowListError> {
        let reader = csv::Reader::from_path(path).map_err(|source| AllowListError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_csv(path, reader)
    }

    /// The allow-list shipped as `pipelines/tables/allow_list.csv`, built
    /// into the binary for the default pipeline when the file is not at hand.
    pub fn builtin() -> Result<Self, AllowListError> {
        let reader = csv::Reader::from_reader(BUILTIN_ALLOW_LIST.as_bytes());
        Self::from_csv(Path::new(BUILTIN_ALLOW_LIST_PATH), reader)
    }

    /// Reads CSV with a `number` column; `path` names it in errors.
    fn from_csv<R: std::io::Read>(
        path: &Path,
        mut reader: csv::Reader<R>,
    ) -> Result<Self, AllowListError> {
        let read = |source| AllowListError::Read {
            path: path.to_owned(),
            source,
        };
        let column = reader
            .headers()
            .map_err(read)?
            .iter()
            .position(|h| h.trim() == "number")
            .ok_or_else(|| AllowListError::NoNumberColumn {
                path: path.to_owned(),
            })?;
        let mut list = AllowList::default();
        for record in reader.records() {
            let record = record.map_err(read)?;
            let line = record.position().map_or(0, |p| p.line());
            let entry = record.get(column).unwrap_or_default().trim();
            list.add(entry).map_err(|()| AllowListError::BadEntry {
                path: path.to_owned(),
                line,
                entry: entry.to_owned(),
            })?;
        }
        Ok(list)
    }

    fn add(&mut self, entry: &str) -> Result<(), ()> {
        let (body, is_prefix) = match entry.strip_suffix('*') {
            Some(body) => (body, true),
            None => (entry, false),
        };
        let digits = body.strip_prefix('+').ok_or(())?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        if is_prefix {
            self.prefixes.push(body.to_owned());
        } else {
            self.numbers.insert(body.to_owned());
        }
        Ok(())
    }

    /// Whether `number` (E.164) is allowed.
    pub fn contains(&self, number: &str) -> bool {
        self.numbers.contains(number)
            || self.prefixes.iter().any(|p| number.starts_with(p.as_str()))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.numbers.len() + self.prefixes.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_prefixes() {
        let list = AllowList::from_entries(["+66811111111", "+662*"]).unwrap();
        assert!(list.contains("+66811111111"));
        assert!(list.contains("+6621234567"));
        assert!(!list.contains("+66811111112"));
        assert_eq!(
            AllowList::from_entries(["0811111111"]).unwrap_err(),
            "0811111111"
        );
        assert!(AllowList::from_entries(["+66x*"]).is_err());
    }

    #[test]
    fn the_builtin_copy_is_the_shipped_file() {
        let shipped = AllowList::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/pipelines/tables/allow_list.csv"
        )))
        .unwrap();
        let builtin = AllowList::builtin().unwrap();
        assert!(!builtin.is_empty());
        assert_eq!(builtin.len(), shipped.len());
        assert!(builtin.contains("+661669"), "Thai ambulance, 1669");
    }

    #[test]
    fn loads_csv_and_names_the_bad_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("allow.csv");
        std::fs::write(&path, "number,reason\n+66811111111,bank\n+661*,emergency\n").unwrap();
        let list = AllowList::load(&path).unwrap();
        assert_eq!(list.len(), 2);
        std::fs::write(&path, "number,reason\n+66811111111,bank\nnot-a-number,x\n").unwrap();
        let err = AllowList::load(&path).unwrap_err().to_string();
        assert!(
            err.contains("allow.csv:3:") && err.contains("not-a-number"),
            "{err}"
        );
    }
}
