//! A country's general number pattern, compiled to a dense DFA.
//!
//! Every number of every record is checked against its country's pattern,
//! so this check is on the decoding threads' hot path. A national number is
//! a dozen ASCII digits; the `regex` crate spends most of such a match in
//! per-call set-up (picking an engine, fetching a matching cache), while a
//! fully compiled DFA is one table lookup per digit and needs no cache, so
//! one compiled pattern serves every thread. A pattern whose DFA would be
//! too large falls back to `regex`.

use std::sync::Arc;

use regex::bytes::{Regex, RegexBuilder};
use regex_automata::dfa::{Automaton, StartKind, dense};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

/// Above this many bytes a pattern's DFA is not built; `regex` matches it.
/// (Thailand's pattern needs a few kilobytes, China's a few tens.)
const DFA_SIZE_LIMIT: usize = 1 << 20;

/// A general number pattern, anchored at the start of the national number.
#[derive(Debug, Clone)]
pub(super) enum NumberPattern {
    /// Shared: a DFA needs no matching cache.
    Dfa(Arc<dense::DFA<Vec<u32>>>),
    Regex(Regex),
}

impl NumberPattern {
    /// Compiles a libphonenumber pattern (written across lines, so
    /// whitespace is ignored, as `phonenumber` does).
    pub(super) fn new(source: &str) -> Option<Self> {
        match dfa(source) {
            Some(dfa) => Some(NumberPattern::Dfa(Arc::new(dfa))),
            None => regex(source).map(NumberPattern::Regex),
        }
    }

    /// Whether the pattern matches a prefix of `national` (the possible
    /// lengths bound the end), as `phonenumber`'s `Descriptor::is_match`.
    pub(super) fn matches_start(&self, national: &[u8]) -> bool {
        match self {
            NumberPattern::Dfa(dfa) => dfa_matches_start(dfa, national),
            NumberPattern::Regex(regex) => regex.is_match(national),
        }
    }
}

fn dfa(source: &str) -> Option<dense::DFA<Vec<u32>>> {
    dense::Builder::new()
        .configure(
            dense::DFA::config()
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All)
                .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(DFA_SIZE_LIMIT)),
        )
        // Numbers reach the check as ASCII digits, on which ASCII `\d`
        // and Unicode `\d` agree; ASCII classes keep the DFA small.
        .syntax(syntax::Config::new().ignore_whitespace(true).unicode(false))
        .build(source)
        .ok()
}

fn regex(source: &str) -> Option<Regex> {
    RegexBuilder::new(&format!("^(?:{source})"))
        .ignore_whitespace(true)
        .build()
        .ok()
}

/// Runs the DFA over `text` and stops at the first match state: any match
/// from the start is a match of a prefix. (A DFA reports a match one byte
/// late, hence the end-of-input transition.)
fn dfa_matches_start(dfa: &dense::DFA<Vec<u32>>, text: &[u8]) -> bool {
    let input = Input::new(text).anchored(Anchored::Yes);
    let Ok(mut state) = dfa.start_state_forward(&input) else {
        return false;
    };
    for &byte in text {
        state = dfa.next_state(state, byte);
        if dfa.is_special_state(state) {
            if dfa.is_match_state(state) {
                return true;
            }
            if dfa.is_dead_state(state) || dfa.is_quit_state(state) {
                return false;
            }
        }
    }
    dfa.is_match_state(dfa.next_eoi_state(state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::metadata::DATABASE;

    /// Digit strings around each country's example numbers: the examples,
    /// each cut short, lengthened, and with each digit changed.
    fn numbers_near(examples: &[String]) -> Vec<String> {
        let mut numbers = vec![String::new(), "0".into(), "9".repeat(17)];
        for example in examples {
            for cut in 0..=example.len() {
                numbers.push(example[..cut].to_owned());
            }
            for extra in ["0", "5", "99", "123"] {
                numbers.push(format!("{example}{extra}"));
            }
            for (i, digit) in example.char_indices() {
                let changed = char::from(b'0' + (digit as u8 - b'0' + 3) % 10);
                numbers.push(format!("{}{changed}{}", &example[..i], &example[i + 1..]));
            }
        }
        numbers
    }

    #[test]
    fn the_dfa_agrees_with_the_regex_on_every_country() {
        let (mut checked, mut matched, mut dfas) = (0, 0, 0);
        for code in 1..=999_u16 {
            let Some(countries) = DATABASE.by_code(&code) else {
                continue;
            };
            for metadata in countries {
                let d = metadata.descriptors();
                let source = d.general().national_number().as_str();
                let reference = regex(source).expect("the metadata's patterns compile");
                let pattern = NumberPattern::new(source).expect("it compiles");
                dfas += usize::from(matches!(pattern, NumberPattern::Dfa(_)));
                let examples: Vec<String> = [
                    d.fixed_line(),
                    d.mobile(),
                    d.toll_free(),
                    d.premium_rate(),
                    d.voip(),
                    d.uan(),
                ]
                .into_iter()
                .flatten()
                .filter_map(|descriptor| descriptor.example().map(str::to_owned))
                .collect();
                for number in numbers_near(&examples) {
                    let expected = reference.is_match(number.as_bytes());
                    assert_eq!(
                        pattern.matches_start(number.as_bytes()),
                        expected,
                        "{number:?} against +{code} ({})",
                        metadata.id()
                    );
                    checked += 1;
                    matched += usize::from(expected);
                }
            }
        }
        // The comparison covers both verdicts, and the DFA is the usual case.
        assert!(checked > 20_000, "{checked} numbers checked");
        assert!(matched > checked / 10, "{matched} of {checked} matched");
        assert!(dfas > 200, "only {dfas} patterns became DFAs");
    }
}
