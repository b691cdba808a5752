//! Phone-number normalisation to E.164.
//!
//! Switches write the same subscriber as `+66812345678`, `66812345678`,
//! `0066812345678` or `0812345678`. Rules group by number, so every form must
//! become one string. Parsing is delegated to the `phonenumber` crate (a port
//! of Google's libphonenumber metadata); because a network's traffic reuses
//! the same numbers all day, results are memoised in a bounded cache, which
//! makes normalisation a hash lookup on the hot path.

use std::str::FromStr;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use ahash::AHashMap;
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;
use regex::{Regex, RegexBuilder};

/// Entries kept before the cache is cleared and refilled.
const CACHE_CAPACITY: usize = 1 << 20;

/// Why a string is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    /// Empty, or characters that do not belong in a number.
    #[error("is not a phone number (expected digits, optionally with a leading '+' or '00')")]
    NotANumber,
    /// The parser rejected it.
    #[error("is not a valid phone number ({0})")]
    Invalid(String),
    /// The configured default country code is unknown.
    #[error("country code {0} is not a known calling code")]
    UnknownCountryCode(u16),
}

/// Turns any accepted number format into E.164, memoising results.
#[derive(Debug, Clone)]
pub struct NumberNormalizer {
    country_code: u16,
    region: Id,
    cache: AHashMap<Box<str>, Result<Arc<str>, NumberError>>,
    validators: Validators,
}

impl NumberNormalizer {
    /// A normaliser whose national numbers (`0…`) belong to `country_code` (66 for Thailand).
    pub fn new(country_code: u16) -> Result<Self, NumberError> {
        let region =
            region_of(country_code).ok_or(NumberError::UnknownCountryCode(country_code))?;
        Ok(NumberNormalizer {
            country_code,
            region,
            cache: AHashMap::new(),
            validators: Validators::default(),
        })
    }

    /// The default country calling code.
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The E.164 form of `raw`, for example `+66812345678`.
    pub fn normalize(&mut self, raw: &str) -> Result<Arc<str>, NumberError> {
        if let Some(hit) = self.cache.get(raw) {
            return hit.clone();
        }
        let result = parse_e164(raw, self.country_code, self.region, &mut self.validators);
        if self.cache.len() >= CACHE_CAPACITY {
            self.cache.clear();
        }
        self.cache.insert(raw.into(), result.clone());
        result
    }
}

/// The CLDR region whose national numbers use `country_code`.
fn region_of(country_code: u16) -> Option<Id> {
    let metadata = DATABASE.by_code(&country_code)?;
    let main = metadata.first()?;
    Id::from_str(main.id()).ok()
}

/// Validates and formats one number. The digits are taken apart by the
/// contract's prefix rules; libphonenumber's metadata (through the
/// `phonenumber` crate) then says whether the country code exists and the
/// national number has a possible length and matches the country's general
/// number pattern. (The crate's full parser compiles regular expressions through a small
/// shared cache on every call, which made it the slowest step of decoding.)
fn parse_e164(
    raw: &str,
    country_code: u16,
    region: Id,
    validators: &mut Validators,
) -> Result<Arc<str>, NumberError> {
    let compact: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let (international, digits) = split_prefix(&compact);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let e164 = if international {
        digits.to_owned()
    } else {
        national_to_e164(digits, country_code, region)?
    };
    validators.validate(&e164)?;
    Ok(format!("+{e164}").into())
}

/// A national number (`0812345678`) as E.164 digits (`66812345678`).
fn national_to_e164(digits: &str, country_code: u16, region: Id) -> Result<String, NumberError> {
    let prefix = DATABASE
        .by_id(region.as_ref())
        .and_then(|m| m.national_prefix().map(str::to_owned))
        .unwrap_or_default();
    let national = digits.strip_prefix(prefix.as_str()).unwrap_or(digits);
    Ok(format!("{country_code}{national}"))
}

/// Splits off the international prefix. `+…` and `00…` are international;
/// `0…` is national; any other digit string is E.164 written without `+`.
fn split_prefix(compact: &str) -> (bool, &str) {
    if let Some(rest) = compact.strip_prefix('+') {
        (true, rest)
    } else if let Some(rest) = compact.strip_prefix("00") {
        (true, rest)
    } else if compact.starts_with('0') {
        (false, compact)
    } else {
        (true, compact)
    }
}

/// The general number patterns of every country sharing one calling code,
/// compiled once. (`phonenumber`'s own descriptors go through a 100-entry
/// regular-expression cache behind one global mutex: with traffic from many
/// countries it recompiled patterns and serialised the decoding threads.)
#[derive(Debug, Clone, Default)]
struct Validators {
    by_code: AHashMap<u16, Option<Arc<[CountryPattern]>>>,
}

/// One country's possible national lengths and general number pattern.
#[derive(Debug)]
struct CountryPattern {
    lengths: Vec<u16>,
    pattern: Regex,
}

impl CountryPattern {
    fn fits(&self, national: &str) -> bool {
        (self.lengths.is_empty() || self.lengths.contains(&(national.len() as u16)))
            && self.pattern.is_match(national)
    }
}

impl Validators {
    /// The patterns of calling code `code`, or `None` when it is unknown.
    /// Each normaliser keeps its own map, so the hot path takes no lock; the
    /// patterns themselves are compiled once per process.
    fn patterns(&mut self, code: u16) -> Option<Arc<[CountryPattern]>> {
        self.by_code
            .entry(code)
            .or_insert_with(|| compiled_country(code))
            .clone()
    }

    /// Checks E.164 digits (without `+`) against the country's metadata.
    fn validate(&mut self, e164: &str) -> Result<(), NumberError> {
        if e164.len() > 15 {
            return Err(NumberError::Invalid("too long".into()));
        }
        for cc_len in 1..=3.min(e164.len()) {
            let Ok(code) = e164[..cc_len].parse::<u16>() else {
                continue;
            };
            let Some(countries) = self.patterns(code) else {
                continue;
            };
            let national = &e164[cc_len..];
            return if countries.iter().any(|c| c.fits(national)) {
                Ok(())
            } else {
                Err(NumberError::Invalid(format!(
                    "not a possible +{code} number"
                )))
            };
        }
        Err(NumberError::Invalid("unknown country code".into()))
    }
}

/// The compiled patterns of calling code `code`, shared by every normaliser.
fn compiled_country(code: u16) -> Option<Arc<[CountryPattern]>> {
    type Compiled = Mutex<AHashMap<u16, Option<Arc<[CountryPattern]>>>>;
    static COMPILED: LazyLock<Compiled> = LazyLock::new(Compiled::default);
    let mut compiled = COMPILED.lock().unwrap_or_else(PoisonError::into_inner);
    compiled
        .entry(code)
        .or_insert_with(|| compile_country(code))
        .clone()
}

/// Compiles the general pattern of every country that uses calling code `code`.
fn compile_country(code: u16) -> Option<Arc<[CountryPattern]>> {
    let countries = DATABASE.by_code(&code)?;
    let patterns = countries
        .iter()
        .filter_map(|m| {
            let general = m.descriptors().general();
            // Anchored at the start only, as `Descriptor::is_match` does (the
            // possible lengths bound the end); the metadata's patterns are
            // written across lines, so whitespace is ignored as `phonenumber` does.
            let source = format!("^(?:{})", general.national_number().as_str());
            let pattern = RegexBuilder::new(&source)
                .ignore_whitespace(true)
                .build()
                .ok()?;
            Some(CountryPattern {
                lengths: general.possible_length().to_vec(),
                pattern,
            })
        })
        .collect();
    Some(patterns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(raw: &str) -> Result<String, NumberError> {
        NumberNormalizer::new(66)
            .unwrap()
            .normalize(raw)
            .map(|n| n.to_string())
    }

    #[test]
    fn every_accepted_format_becomes_e164() {
        for raw in [
            "+66812345678",
            "66812345678",
            "0066812345678",
            "0812345678",
            "081-234-5678",
            " +66 81 234 5678 ",
        ] {
            assert_eq!(norm(raw).unwrap(), "+66812345678", "{raw}");
        }
    }

    #[test]
    fn foreign_numbers_keep_their_country() {
        assert_eq!(norm("+85512345678").unwrap(), "+85512345678");
        assert_eq!(norm("008613812345678").unwrap(), "+8613812345678");
    }

    #[test]
    fn default_country_applies_to_national_numbers() {
        let mut cn = NumberNormalizer::new(86).unwrap();
        assert_eq!(&*cn.normalize("013812345678").unwrap(), "+8613812345678");
    }

    #[test]
    fn garbage_is_rejected() {
        assert_eq!(norm(""), Err(NumberError::NotANumber));
        assert_eq!(norm("abc"), Err(NumberError::NotANumber));
        assert_eq!(norm("+66-81x"), Err(NumberError::NotANumber));
        assert!(norm("+6").is_err());
        assert!(norm("+999123456789").is_err());
    }

    #[test]
    fn unknown_country_code_is_a_config_error() {
        assert_eq!(
            NumberNormalizer::new(999).unwrap_err(),
            NumberError::UnknownCountryCode(999)
        );
    }

    #[test]
    fn cache_returns_the_same_answer() {
        let mut n = NumberNormalizer::new(66).unwrap();
        let a = n.normalize("0812345678").unwrap();
        let b = n.normalize("0812345678").unwrap();
        assert!(Arc::ptr_eq(&a, &b));
    }
}
