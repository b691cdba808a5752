//! Phone-number normalisation to E.164.
//!
//! Switches write the same subscriber as `+66812345678`, `66812345678`,
//! `0066812345678` or `0812345678`. Rules group by number, so every form must
//! become one string. Parsing is delegated to the `phonenumber` crate (a port
//! of Google's libphonenumber metadata); because a network's traffic reuses
//! the same numbers all day, results are memoised in a bounded cache, which
//! makes normalisation a hash lookup on the hot path.

use std::str::FromStr;
use std::sync::Arc;

use ahash::AHashMap;
use phonenumber::Mode;
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;

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
        let result = parse_e164(raw, self.region);
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

fn parse_e164(raw: &str, region: Id) -> Result<Arc<str>, NumberError> {
    let trimmed = raw.trim();
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let (international, digits) = split_prefix(&compact);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let parsed = if international {
        phonenumber::parse(None, format!("+{digits}"))
    } else {
        phonenumber::parse(Some(region), digits)
    };
    let number = parsed.map_err(|e| NumberError::Invalid(e.to_string()))?;
    Ok(number.format().mode(Mode::E164).to_string().into())
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
