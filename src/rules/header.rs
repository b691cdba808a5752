//! The `-- key: value` directives at the top of a rule file.

use super::rule::{Action, Scope};
use crate::windowing::WindowSpec;

/// The directives of one file, each with the line it was on.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub(crate) name: Option<(String, usize)>,
    pub(crate) window: Option<(WindowSpec, usize)>,
    pub(crate) score: Option<(f64, usize)>,
    pub(crate) action: Option<(Action, usize)>,
    pub(crate) scope: Option<(Scope, usize)>,
    pub(crate) bar_calls_to: Option<(bool, usize)>,
    pub(crate) description: Option<String>,
    pub(crate) shadow: Option<(bool, usize)>,
    pub(crate) version: Option<(String, usize)>,
    /// The first line that is not part of the header.
    pub(crate) body_line: usize,
    /// Directives that were present, valid or not.
    pub(crate) seen: Vec<String>,
}

/// Reads the header; problems are returned as `(line, message)` pairs, all
/// of them.
pub(crate) fn parse_header(text: &str) -> (Header, Vec<(usize, String)>) {
    let mut header = Header::default();
    let mut problems = Vec::new();
    let mut last_key: Option<String> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        header.body_line = line;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            last_key = None;
            continue;
        }
        let Some(comment) = trimmed.strip_prefix("--") else {
            return (header, problems);
        };
        let comment = comment.trim();
        match directive(comment) {
            Some((key, value)) => {
                header.seen.push(key.to_owned());
                if let Err(message) = apply(&mut header, key, value, line) {
                    problems.push((line, message));
                }
                last_key = Some(key.to_owned());
            }
            None if last_key.as_deref() == Some("description") && !comment.is_empty() => {
                if let Some(d) = header.description.as_mut() {
                    d.push(' ');
                    d.push_str(comment);
                }
            }
            None => last_key = None,
        }
    }
    header.body_line += 1;
    (header, problems)
}

/// `key: value` where key is a lower-case word.
fn directive(comment: &str) -> Option<(&str, &str)> {
    let (key, value) = comment.split_once(':')?;
    let key = key.trim();
    let is_word = !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    is_word.then(|| (key, value.trim()))
}

fn apply(header: &mut Header, key: &str, value: &str, line: usize) -> Result<(), String> {
    match key {
        "name" => {
            let valid = !value.is_empty()
                && value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            if !valid {
                return Err(format!(
                    "rule name `{value}` must be lower-case letters, digits and `_`"
                ));
            }
            set(&mut header.name, value.to_owned(), line, key)
        }
        "window" => {
            let spec = WindowSpec::parse(value).map_err(|e| format!("window `{value}`: {e}"))?;
            set(&mut header.window, spec, line, key)
        }
        "score" => {
            let score: f64 = value
                .parse()
                .ok()
                .filter(|s: &f64| (0.0..=1.0).contains(s))
                .ok_or_else(|| format!("score `{value}` must be a number from 0 to 1"))?;
            set(&mut header.score, score, line, key)
        }
        "action" => {
            let action = match value {
                "block" => Action::Block,
                "alert" => Action::Alert,
                _ => return Err(format!("action `{value}` must be `block` or `alert`")),
            };
            set(&mut header.action, action, line, key)
        }
        "scope" => {
            let scope = Scope::from_name(value)
                .ok_or_else(|| format!("scope `{value}` must be `all` or `international`"))?;
            set(&mut header.scope, scope, line, key)
        }
        "bar_calls_to" => {
            let bar = match value {
                "yes" => true,
                "no" => false,
                _ => return Err(format!("bar_calls_to `{value}` must be `yes` or `no`")),
            };
            set(&mut header.bar_calls_to, bar, line, key)
        }
        "description" => {
            header.description = Some(value.to_owned());
            Ok(())
        }
        "mode" => {
            let shadow = match value {
                "live" => false,
                "shadow" => true,
                _ => return Err(format!("mode `{value}` must be `live` or `shadow`")),
            };
            set(&mut header.shadow, shadow, line, key)
        }
        "version" => {
            let valid = !value.is_empty()
                && value.len() <= 40
                && value.bytes().all(|b| b.is_ascii_graphic());
            if !valid {
                return Err(format!(
                    "version `{value}` must be 1 to 40 printable characters without spaces"
                ));
            }
            set(&mut header.version, value.to_owned(), line, key)
        }
        _ => Err(format!(
            "unknown directive `{key}` (expected name, window, score, action, scope, bar_calls_to, mode, version or description)"
        )),
    }
}

fn set<T>(slot: &mut Option<(T, usize)>, value: T, line: usize, key: &str) -> Result<(), String> {
    if let Some((_, first)) = slot {
        return Err(format!("`{key}` is given twice (first on line {first})"));
    }
    *slot = Some((value, line));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_directive_and_multi_line_descriptions() {
        let text = "-- name: burst\n-- window: 1h every 5m\n-- score: 0.9\n-- action: block\n\
                    -- description: Many calls.\n--   Few answered.\n\nSELECT 1";
        let (h, problems) = parse_header(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(h.name.unwrap().0, "burst");
        assert_eq!(h.window.unwrap().0.to_string(), "1h every 5m");
        assert_eq!(h.score.unwrap().0, 0.9);
        assert_eq!(h.action.unwrap().0, Action::Block);
        assert_eq!(h.description.unwrap(), "Many calls. Few answered.");
        assert_eq!(h.body_line, 8);
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let text = "-- name: Bad Name\n-- window: 1h every 7m\n-- score: 2\n-- action: drop\n-- colour: red\n-- score: 0.5\nSELECT 1";
        let (_, problems) = parse_header(text);
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5]);
        let text = "-- score: 0.5\n-- score: 0.6\nSELECT 1";
        let (_, problems) = parse_header(text);
        assert_eq!(
            problems,
            vec![(2, "`score` is given twice (first on line 1)".to_owned())]
        );
    }

    #[test]
    fn mode_and_version() {
        let (h, problems) = parse_header("-- mode: shadow\n-- version: 2026-11-29.1\nSELECT 1");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(h.shadow, Some((true, 1)));
        assert_eq!(h.version, Some(("2026-11-29.1".to_owned(), 2)));
        let (_, problems) = parse_header("-- mode: dry\n-- version: two words\nSELECT 1");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].1.contains("`live` or `shadow`"));
    }

    #[test]
    fn bar_calls_to() {
        let (h, problems) = parse_header("-- name: w\n-- bar_calls_to: yes\nSELECT 1");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(h.bar_calls_to, Some((true, 2)));
        let (h, _) = parse_header("-- bar_calls_to: no\nSELECT 1");
        assert_eq!(h.bar_calls_to, Some((false, 1)));
        let (_, problems) = parse_header("-- bar_calls_to: both\nSELECT 1");
        assert_eq!(
            problems,
            vec![(1, "bar_calls_to `both` must be `yes` or `no`".to_owned())]
        );
    }

    #[test]
    fn scope() {
        let (h, problems) = parse_header("-- scope: international\nSELECT 1");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(h.scope, Some((Scope::International, 1)));
        let (h, _) = parse_header("-- scope: all\nSELECT 1");
        assert_eq!(h.scope, Some((Scope::All, 1)));
        let (_, problems) = parse_header("-- scope: roaming\nSELECT 1");
        assert_eq!(
            problems,
            vec![(
                1,
                "scope `roaming` must be `all` or `international`".to_owned()
            )]
        );
    }

    #[test]
    fn plain_comments_are_not_directives() {
        let (h, problems) = parse_header("-- name: a\n-- This rule: explained\nSELECT 1");
        assert_eq!(problems.len(), 0, "{problems:?}");
        assert_eq!(h.name.unwrap().0, "a");
    }
}
