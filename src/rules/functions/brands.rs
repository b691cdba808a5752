//! Brands in SMS bodies and domains that imitate them.
//!
//! Smishing borrows the names of banks, agencies and couriers and sends the
//! victim to a domain that is not theirs: a look-alike (`kbank-secure-th.com`,
//! `kasikornbamk.com`, a Cyrillic `а` in `kаsikornbank.com`) or a shortener.
//! A phisher cannot put a page on the brand's own domain, so a text in a
//! brand's name is suspect when it links anywhere else. Thai banks and
//! agencies have stopped sending links by SMS at all, so any of their texts
//! with a link is rare, but one that links only to the sender's own site (a
//! land-transport office's tax notice on `dlt.go.th`) deceives nobody.
//!
//! The knowledge lives in two reference tables an operator can extend:
//! `brands` (brand, keyword, domain) and `shorteners` (domain).

use std::collections::HashSet;

use ahash::AHashMap;
use aho_corasick::{AhoCorasick, MatchKind};

use crate::record::links::{link_domains, link_spans, within};

/// One impersonated organisation.
#[derive(Debug, Clone)]
struct Brand {
    id: String,
    /// Lower-case ASCII names looked for inside domains.
    ascii_names: Vec<String>,
    /// Its real domains (subdomains included).
    domains: Vec<String>,
}

/// Brands, their names in text and their domains, and the URL shorteners.
#[derive(Debug, Clone)]
pub struct Lexicon {
    brands: Vec<Brand>,
    /// Keyword (lower case) → brand index.
    keywords: AHashMap<String, usize>,
    /// Every keyword (ASCII case ignored, longest match first), and the
    /// brand of each pattern.
    keyword_matcher: Option<(AhoCorasick, Vec<usize>)>,
    shorteners: HashSet<String>,
}

/// A problem in a reference table's rows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{table}: row {row}: {problem}")]
pub struct LexiconError {
    /// The table.
    pub table: &'static str,
    /// The 1-based data row (the header is row 0).
    pub row: usize,
    /// What is wrong.
    pub problem: String,
}

impl Lexicon {
    /// Builds the lexicon from the CSV text of the `brands` and `shorteners` tables.
    pub fn from_csv(brands: &str, shorteners: &str) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut lexicon = Lexicon {
            brands: Vec::new(),
            keywords: AHashMap::new(),
            keyword_matcher: None,
            shorteners: HashSet::new(),
        };
        for (row, fields) in rows(
            brands,
            "brands",
            &["brand", "keyword", "domain"],
            &mut errors,
        ) {
            if let Err(problem) = lexicon.add_brand_row(&fields) {
                errors.push(LexiconError {
                    table: "brands",
                    row,
                    problem,
                });
            }
        }
        for (_, fields) in rows(shorteners, "shorteners", &["domain"], &mut errors) {
            lexicon.shorteners.insert(fields[0].to_ascii_lowercase());
        }
        lexicon.keyword_matcher = keyword_matcher(&lexicon.keywords);
        if errors.is_empty() {
            Ok(lexicon)
        } else {
            Err(errors)
        }
    }

    fn add_brand_row(&mut self, fields: &[String]) -> Result<(), String> {
        let [id, keyword, domain] = fields else {
            return Err("expected brand, keyword, domain".into());
        };
        if id.is_empty() || keyword.trim().is_empty() || domain.is_empty() {
            return Err("brand, keyword and domain must not be empty".into());
        }
        let index = match self.brands.iter().position(|b| &b.id == id) {
            Some(i) => i,
            None => {
                self.brands.push(Brand {
                    id: id.clone(),
                    ascii_names: Vec::new(),
                    domains: Vec::new(),
                });
                self.brands.len() - 1
            }
        };
        let brand = &mut self.brands[index];
        let domain = domain.to_ascii_lowercase();
        if !brand.domains.contains(&domain) {
            brand.domains.push(domain);
        }
        let keyword = keyword.trim().to_lowercase();
        let compact: String = keyword
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if keyword.is_ascii() && compact.len() >= 3 && !brand.ascii_names.contains(&compact) {
            brand.ascii_names.push(compact);
        }
        self.keywords.insert(keyword, index);
        Ok(())
    }

    /// Whether `domain` (or a parent of it) is a known URL shortener.
    pub(crate) fn is_shortener(&self, domain: &str) -> bool {
        let domain = domain.to_ascii_lowercase();
        let mut rest = domain.as_str();
        loop {
            if self.shorteners.contains(rest) {
                return true;
            }
            match rest.split_once('.') {
                Some((_, parent)) if parent.contains('.') => rest = parent,
                _ => return false,
            }
        }
    }

    /// The brand a text names, by its first keyword found; ASCII keywords
    /// must stand as words (`SCB:` names SCB, `ascbx` does not). A keyword
    /// inside a link names nothing: a school's notice linking to
    /// `mp.weixin.qq.com` does not speak for WeChat Pay (a brand's name in
    /// a domain that is not the brand's is `lookalike_brand`'s to judge).
    pub(crate) fn sms_brand(&self, text: &str) -> Option<&str> {
        let (matcher, brands) = self.keyword_matcher.as_ref()?;
        // Found only once a keyword is: most texts name no brand.
        let mut links: Option<Vec<_>> = None;
        let mut in_link = |start: usize| {
            links
                .get_or_insert_with(|| link_spans(text).collect())
                .iter()
                .any(|link| link.contains(&start))
        };
        matcher
            .find_iter(text)
            .find(|m| {
                let found = &text[m.start()..m.end()];
                (!found.is_ascii() || stands_alone(text, m.start(), m.end())) && !in_link(m.start())
            })
            .map(|m| self.brands[brands[m.pattern().as_usize()]].id.as_str())
    }

    /// The brand a text names when it also links outside the brand's own
    /// domains, where a phisher's page can be.
    pub(crate) fn brand_link(&self, text: &str) -> Option<&str> {
        let id = self.sms_brand(text)?;
        let brand = self.brands.iter().find(|b| b.id == id)?;
        let foreign = |d: &String| !brand.domains.iter().any(|own| within(d, own));
        link_domains(text).iter().any(foreign).then_some(id)
    }

    /// The brand whose own domain `domain` is, or lies under
    /// (`track.thailandpost.co.th` is Thailand Post's).
    pub(crate) fn domain_owner(&self, domain: &str) -> Option<&str> {
        self.owner_of(&domain.trim().trim_end_matches('.').to_lowercase())
    }

    fn owner_of(&self, domain: &str) -> Option<&str> {
        self.brands
            .iter()
            .find(|b| b.domains.iter().any(|d| within(domain, d)))
            .map(|b| b.id.as_str())
    }

    /// The brand a domain imitates: a brand's name inside it (after folding
    /// look-alike characters such as Cyrillic `а` or digit `0`), or a
    /// registrable label one or two edits from a brand's real one. A brand's
    /// own domains imitate nothing.
    pub(crate) fn lookalike_brand(&self, domain: &str) -> Option<&str> {
        let domain = domain.trim().trim_end_matches('.').to_lowercase();
        if domain.is_empty() || self.owner_of(&domain).is_some() {
            return None;
        }
        let folded = fold_confusables(&unicode_form(&domain));
        let by_name = self.brands.iter().find(|b| {
            b.ascii_names
                .iter()
                .any(|name| contains_name(&folded, name))
        });
        by_name
            .or_else(|| self.brands.iter().find(|b| near_real_domain(&folded, b)))
            .map(|b| b.id.as_str())
    }
}

/// Rows of a CSV table with the expected header; problems are collected.
fn rows(
    text: &str,
    table: &'static str,
    header: &[&str],
    errors: &mut Vec<LexiconError>,
) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(h) if h.iter().map(str::trim).eq(header.iter().copied()) => {}
        _ => {
            errors.push(LexiconError {
                table,
                row: 0,
                problem: format!("the header must be `{}`", header.join(",")),
            });
            return Vec::new();
        }
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) if r.len() == header.len() => {
                out.push((i + 1, r.iter().map(|f| f.trim().to_owned()).collect()));
            }
            Ok(r) => errors.push(LexiconError {
                table,
                row: i + 1,
                problem: format!("{} fields, expected {}", r.len(), header.len()),
            }),
            Err(e) => errors.push(LexiconError {
                table,
                row: i + 1,
                problem: e.to_string(),
            }),
        }
    }
    out
}

fn keyword_matcher(keywords: &AHashMap<String, usize>) -> Option<(AhoCorasick, Vec<usize>)> {
    if keywords.is_empty() {
        return None;
    }
    let mut sorted: Vec<(&String, &usize)> = keywords.iter().collect();
    sorted.sort();
    let matcher = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(sorted.iter().map(|(k, _)| k.as_str()))
        .ok()?;
    Some((matcher, sorted.iter().map(|(_, b)| **b).collect()))
}

/// Whether text[start..end] is not glued to ASCII letters or digits.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Whether a folded domain contains a brand name; names of up to four
/// letters must fill a whole label or part of one between `-` and `.`
/// (`pea-billing.top` names PEA, `peace.org` does not).
fn contains_name(folded: &str, name: &str) -> bool {
    if name.len() > 4 {
        return folded.contains(name);
    }
    folded.match_indices(name).any(|(at, _)| {
        let before = folded[..at].chars().next_back();
        let after = folded[at + name.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| c == '.' || c == '-');
        edge(before) && edge(after)
    })
}

/// Whether the domain's registrable label is one or two edits away from a
/// real domain's (`kasikornbamk.com` ~ `kasikornbank.com`).
fn near_real_domain(folded: &str, brand: &Brand) -> bool {
    let label = registrable_label(folded);
    brand.domains.iter().any(|real| {
        let real = registrable_label(real);
        real.len() >= 6 && {
            let distance = strsim::levenshtein(label, real);
            (1..=2).contains(&distance)
        }
    })
}

/// The label before the public suffix, approximated as the last label that
/// is not a common second-level suffix (`co`, `or`, `go`, `com`, …).
fn registrable_label(domain: &str) -> &str {
    let labels: Vec<&str> = domain.split('.').collect();
    let mut i = labels.len().saturating_sub(2);
    while i > 0
        && matches!(
            labels[i],
            "co" | "or" | "go" | "ac" | "in" | "com" | "net" | "org" | "gov" | "edu"
        )
    {
        i -= 1;
    }
    labels.get(i).copied().unwrap_or(domain)
}

/// The Unicode form of a punycode domain (`xn--…` labels decoded).
fn unicode_form(domain: &str) -> String {
    if domain.split('.').any(|l| l.starts_with("xn--")) {
        idna::domain_to_unicode(domain).0
    } else {
        domain.to_owned()
    }
}

/// Maps characters that look like ASCII letters to those letters: common
/// Cyrillic and Greek homoglyphs, full-width forms and look-alike digits.
pub(crate) fn fold_confusables(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'а' | 'α' | '4' | '@' => 'a',
            'в' | 'β' | '8' => 'b',
            'с' | 'ϲ' => 'c',
            'е' | 'ё' | 'ε' | '3' => 'e',
            'һ' => 'h',
            'і' | 'ї' | 'ι' | '1' | '!' => 'i',
            'ј' => 'j',
            'к' | 'κ' => 'k',
            'ӏ' | '|' => 'l',
            'м' => 'm',
            'п' | 'η' => 'n',
            'о' | 'ο' | 'σ' | '0' => 'o',
            'р' | 'ρ' => 'p',
            'ѕ' | '5' | '$' => 's',
            'т' | 'τ' | '7' => 't',
            'υ' | 'μ' => 'u',
            'ν' => 'v',
            'ԝ' | 'ω' => 'w',
            'х' | 'χ' => 'x',
            'у' | 'γ' => 'y',
            '\u{ff01}'..='\u{ff5e}' => {
                char::from_u32(c as u32 - 0xff01 + 0x21).map_or(c, |a| a.to_ascii_lowercase())
            }
            other => other,
        })
        .collect()
}

/// Whether a domain mixes writing systems inside one label (`kаsikorn` with
/// a Cyrillic `а`), the mark of a homograph attack; digits, `-` and labels
/// in one script (a Thai or Chinese domain) are fine.
pub(crate) fn is_confusable_domain(domain: &str) -> bool {
    use unicode_script::{Script, UnicodeScript};
    unicode_form(&domain.to_lowercase())
        .split('.')
        .any(|label| {
            let mut scripts = label
                .chars()
                .map(|c| c.script())
                .filter(|s| !matches!(s, Script::Common | Script::Inherited | Script::Unknown));
            let first = scripts.next();
            first.is_some_and(|f| scripts.any(|s| s != f))
        })
}

#[cfg(test)]
mod tests;
