//! Finding and reading rule files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{RuleError, RuleErrors};
use super::header::parse_header;
use super::rule::{Action, Rule, Scope, content_version};

/// Where rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// Every `*.sql` file in a directory, in name order.
    Dir(PathBuf),
    /// The rule library compiled into the binary (a copy of `sql/`).
    Builtin,
}

impl std::fmt::Display for RuleSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleSource::Dir(dir) => write!(f, "{}", dir.display()),
            RuleSource::Builtin => f.write_str("the library built into the binary"),
        }
    }
}

/// The rule library, so the demo runs from any directory (a copy of `sql/`,
/// checked by a test).
const BUILTIN: &[(&str, &str)] = &[
    (
        "sql/callcenter_burst.sql",
        include_str!("../../sql/callcenter_burst.sql"),
    ),
    (
        "sql/simbox_signature.sql",
        include_str!("../../sql/simbox_signature.sql"),
    ),
    (
        "sql/smishing_links.sql",
        include_str!("../../sql/smishing_links.sql"),
    ),
    (
        "sql/sms_farm_template.sql",
        include_str!("../../sql/sms_farm_template.sql"),
    ),
    (
        "sql/spoofed_callerid.sql",
        include_str!("../../sql/spoofed_callerid.sql"),
    ),
    (
        "sql/spoofed_landline.sql",
        include_str!("../../sql/spoofed_landline.sql"),
    ),
    (
        "sql/wangiri_burst.sql",
        include_str!("../../sql/wangiri_burst.sql"),
    ),
    (
        "sql/wangiri_callback.sql",
        include_str!("../../sql/wangiri_callback.sql"),
    ),
];

/// Reads and checks the header of every rule; reports every problem found.
/// The queries are planned later, by [`super::RuleEngine::new`].
pub fn load_rules(source: &RuleSource) -> Result<Vec<Rule>, RuleErrors> {
    let (rules, errors) = read_rules(source);
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(RuleErrors(errors))
    }
}

/// The rules whose headers are valid, and the problems of the others.
pub(crate) fn read_rules(source: &RuleSource) -> (Vec<Rule>, Vec<RuleError>) {
    let files = match source {
        RuleSource::Builtin => BUILTIN
            .iter()
            .map(|(path, text)| (PathBuf::from(path), Ok((*text).to_owned())))
            .collect(),
        RuleSource::Dir(dir) => match read_dir(dir) {
            Ok(files) => files,
            Err(e) => return (Vec::new(), vec![e]),
        },
    };
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    let mut names: HashMap<Arc<str>, PathBuf> = HashMap::new();
    for (path, text) in files {
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                errors.push(RuleError::at(&path, None, format!("cannot read: {e}")));
                continue;
            }
        };
        match parse_rule(&path, &text) {
            Ok(rule) => {
                if let Some(first) = names.insert(rule.name.clone(), path.clone()) {
                    errors.push(RuleError::at(
                        &path,
                        Some(1),
                        format!(
                            "rule name `{}` is already used by {}",
                            rule.name,
                            first.display()
                        ),
                    ));
                }
                rules.push(rule);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() && rules.is_empty() {
        let place = match source {
            RuleSource::Dir(d) => d.display().to_string(),
            RuleSource::Builtin => "the built-in rules".into(),
        };
        errors.push(RuleError::at(place, None, "no rule files (*.sql) found"));
    }
    (rules, errors)
}

type FileText = (PathBuf, std::io::Result<String>);

fn read_dir(dir: &Path) -> Result<Vec<FileText>, RuleError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| RuleError::at(dir, None, format!("cannot read the rule directory: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p);
            (p, text)
        })
        .collect())
}

/// Parses one rule file; every header problem is reported.
pub fn parse_rule(path: &Path, text: &str) -> Result<Rule, Vec<RuleError>> {
    let (header, problems) = parse_header(text);
    let mut errors: Vec<RuleError> = problems
        .into_iter()
        .map(|(line, message)| RuleError::at(path, Some(line), message))
        .collect();
    let missing =
        |what: &str| RuleError::at(path, Some(1), format!("missing `-- {what}:` directive"));
    for key in ["name", "window"] {
        if !header.seen.iter().any(|k| k == key) {
            errors.push(missing(key));
        }
    }
    if text
        .lines()
        .skip(header.body_line - 1)
        .all(|l| l.trim().is_empty())
    {
        errors.push(RuleError::at(
            path,
            Some(header.body_line),
            "the file has no query after its header",
        ));
    }
    match (header.name, header.window) {
        (Some((name, _)), Some((window, _))) if errors.is_empty() => Ok(Rule {
            name: name.into(),
            window,
            score: header.score.map_or(1.0, |s| s.0),
            action: header.action.map_or(Action::Alert, |a| a.0),
            scope: header.scope.map_or(Scope::All, |s| s.0),
            bar_calls_to: header.bar_calls_to.is_some_and(|b| b.0),
            description: header.description.unwrap_or_default(),
            shadow: header.shadow.is_some_and(|s| s.0),
            version: header
                .version
                .map_or_else(|| content_version(text), |v| v.0)
                .into(),
            path: path.to_owned(),
            sql: text.to_owned(),
            query_line: header.body_line,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rules_are_the_rule_directory() {
        let files = read_dir(Path::new("sql")).unwrap();
        assert_eq!(
            files.len(),
            BUILTIN.len(),
            "every sql/*.sql is listed in BUILTIN"
        );
        for ((path, text), (builtin_path, builtin_text)) in files.iter().zip(BUILTIN) {
            assert_eq!(path, Path::new(builtin_path));
            assert_eq!(text.as_ref().unwrap(), builtin_text);
        }
    }
}
