//! Phone-number normalisation to E.164.
//!
//! Switches write the same subscriber as `+66812345678`, `66812345678`,
//! `0066812345678` or `0812345678`, and Chinese switches write mobiles with
//! no prefix at all (`13812345678`). Rules group by number, so every form
//! must become one string. The metadata comes from the `phonenumber` crate (a port
//! of Google's libphonenumber metadata).
//!
//! Two steps, both without allocating on the hot path: the raw text is first
//! brought to its E.164 form by the contract's prefix rules (a pass over a
//! few bytes), then that form's calling code must exist and its national
//! number must have a length that country's numbers can have
//! (libphonenumber's *possible* number, not its *valid* one: unallocated
//! ranges pass, because wangiri and forged caller IDs come from them). A
//! foreign number written with `+` or `00` needs only a calling code that
//! exists and four national digits: the metadata lags other countries'
//! plans, and a forged caller ID of an impossible length must reach the
//! rules too (libphonenumber says +881 numbers have nine or ten digits;
//! wangiri calls come from eight-digit ones). The
//! general number pattern, compiled once per process into a DFA that every
//! decoding thread shares (see [`pattern`]), decides only for a country that
//! lists no lengths; the mobile pattern tells a bare home mobile (see
//! [`Form::Bare`]).
//!
//! There is no memo of verdicts: a few hours of a 100 000-subscriber network
//! hold hundreds of thousands of distinct numbers, and a lookup in a table
//! that large missed the processor's caches twice, which cost more than
//! matching the pattern again (measured on `scamstream run`).

use std::str::FromStr;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use ahash::AHashMap;
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;

mod pattern;

use pattern::NumberPattern;

/// A service short code dialled at home (`191` police, `1669` ambulance,
/// `10086` China Mobile care, `95588` a bank's hotline): three to six
/// digits, the first not `0`. No number with its calling code is that short
/// (the shortest, the Pacific islands', have seven digits) and a national
/// number starts with the trunk prefix, so the shape alone tells one. A
/// short code is not E.164: it is kept as dialled, without `+`, and the
/// number functions return null for it (`is_national` false).
pub(crate) fn short_code(text: &str) -> Option<&str> {
    // Nearly every value is a longer number with no padding: decided without
    // trimming (a Unicode trim is most of this check's cost), as a trim
    // could not shorten it.
    let unpadded = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii_whitespace() && b.is_ascii());
    let raw = text.as_bytes();
    if raw.len() > 6 && unpadded(raw.first()) && unpadded(raw.last()) {
        return None;
    }
    let code = text.trim();
    let bytes = code.as_bytes();
    let shaped =
        (3..=6).contains(&bytes.len()) && bytes[0] != b'0' && bytes.iter().all(u8::is_ascii_digit);
    shaped.then_some(code)
}

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

/// Turns any accepted number format into E.164.
#[derive(Debug, Clone)]
pub struct NumberNormalizer {
    country_code: u16,
    region: Id,
    /// How a national number becomes E.164.
    national: NationalForm,
    validators: Validators,
}

/// The default country's calling code and national prefix, as text, and
/// the pattern of its mobile numbers (for bare digits, see [`Form::Bare`]).
#[derive(Debug, Clone)]
struct NationalForm {
    code: String,
    prefix: String,
    mobile: Option<Arc<CountryPattern>>,
}

/// An E.164 number (`+` and at most 15 digits), stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct E164 {
    len: u8,
    bytes: [u8; E164::MAX_LEN],
}

impl E164 {
    /// `+` and the 15 digits E.164 allows at most.
    const MAX_LEN: usize = 16;

    /// `+`, the calling code and the national number, when they fit.
    /// Both parts are ASCII digits.
    fn from_parts(code: &[u8], national: &[u8]) -> Option<Self> {
        let end = 1 + code.len() + national.len();
        let mut bytes = [0; Self::MAX_LEN];
        *bytes.first_mut()? = b'+';
        bytes.get_mut(1..=code.len())?.copy_from_slice(code);
        bytes
            .get_mut(1 + code.len()..end)?
            .copy_from_slice(national);
        Some(E164 {
            len: end as u8,
            bytes,
        })
    }

    /// The number, for example `+66812345678`.
    pub fn as_str(&self) -> &str {
        // `+` and ASCII digits (see `from_parts`), so always valid UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The digits, without `+`.
    fn digits(&self) -> &[u8] {
        &self.bytes[1..usize::from(self.len)]
    }
}

impl std::ops::Deref for E164 {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for E164 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for E164 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl NumberNormalizer {
    /// A normaliser whose national numbers (`0…`) belong to `country_code` (66 for Thailand).
    pub fn new(country_code: u16) -> Result<Self, NumberError> {
        let region =
            region_of(country_code).ok_or(NumberError::UnknownCountryCode(country_code))?;
        Ok(NumberNormalizer {
            country_code,
            region,
            national: NationalForm {
                code: country_code.to_string(),
                prefix: national_prefix(region),
                mobile: mobile_pattern(region),
            },
            validators: Validators::default(),
        })
    }

    /// The default country calling code.
    pub fn country_code(&self) -> u16 {
        self.country_code
    }

    /// The E.164 form of `raw`, for example `+66812345678`.
    pub fn normalize(&mut self, raw: &str) -> Result<E164, NumberError> {
        let Some(readings) = candidate(raw, &self.national) else {
            return parse_e164(raw, self.country_code, self.region, &mut self.validators);
        };
        let Readings {
            first,
            second,
            international,
        } = readings?;
        let first_verdict =
            self.validators
                .validate_written(first.digits(), international, self.country_code);
        match (first_verdict, second) {
            (Err(first_error), Some(second)) => match self.validators.validate(second.digits()) {
                Ok(()) => Ok(second),
                Err(second_error) => Err(neither(first_error, second_error)),
            },
            (verdict, _) => verdict.map(|()| first),
        }
    }
}

/// Why neither reading of bare digits is a number: both reasons, the
/// likelier reading's first (`not a possible +881 number; not a possible
/// +66 number`).
fn neither(first: NumberError, second: NumberError) -> NumberError {
    match (first, second) {
        (NumberError::Invalid(first), NumberError::Invalid(second)) => {
            NumberError::Invalid(format!("{first}; {second}"))
        }
        (_, second) => second,
    }
}

/// The E.164 forms raw digits may stand for, the likelier first. Only bare
/// digits (no `+`, `00` or national prefix) have a second reading; when
/// neither is valid, the error gives both reasons (see [`neither`]).
struct Readings {
    first: E164,
    second: Option<E164>,
    /// Written with `+` or `00`: a foreign number is then checked only for
    /// its calling code and length (see [`Validators::validate_written`]).
    international: bool,
}

impl Readings {
    fn one(first: E164) -> Self {
        Readings {
            first,
            second: None,
            international: false,
        }
    }
}

/// The fewest national digits a foreign number written in international
/// form may have (Niue's numbers, the shortest, have four).
const MIN_NATIONAL_DIGITS: usize = 4;

/// Raw forms longer than this (after trimming) take the reference path.
const FAST_PATH_MAX: usize = 32;

/// The E.164 form `raw` stands for by the prefix rules, not yet checked
/// against the metadata; `None` when it is not plain ASCII or is very long,
/// which [`parse_e164`] decides instead. Gives the same answers as the
/// first steps of [`parse_e164`] (a test compares them) without allocating.
fn candidate(raw: &str, national: &NationalForm) -> Option<Result<Readings, NumberError>> {
    let trimmed = raw.trim().as_bytes();
    if !trimmed.is_ascii() || trimmed.len() > FAST_PATH_MAX {
        return None;
    }
    let mut compact = [0u8; FAST_PATH_MAX];
    let mut len = 0;
    for &b in trimmed {
        if !matches!(b, b' ' | b'-' | b'(' | b')' | b'.') {
            compact[len] = b;
            len += 1;
        }
    }
    let (form, digits) = split_prefix(&compact[..len]);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Some(Err(NumberError::NotANumber));
    }
    let code = national.code.as_bytes();
    let as_e164 = E164::from_parts(&[], digits);
    let as_home = || {
        let mobile = national.mobile.as_ref()?;
        mobile
            .fits(digits)
            .then(|| E164::from_parts(code, digits))
            .flatten()
    };
    let readings = match form {
        Form::International => as_e164.map(|first| Readings {
            international: true,
            ..Readings::one(first)
        }),
        Form::National => {
            let national_digits = digits
                .strip_prefix(national.prefix.as_bytes())
                .unwrap_or(digits);
            E164::from_parts(code, national_digits).map(Readings::one)
        }
        Form::Bare if digits.starts_with(code) => as_e164.map(Readings::one),
        Form::Bare => match as_home() {
            Some(first) => Some(Readings {
                first,
                second: as_e164,
                international: false,
            }),
            None => as_e164.map(|first| Readings {
                second: E164::from_parts(code, digits),
                ..Readings::one(first)
            }),
        },
    };
    Some(readings.ok_or_else(|| NumberError::Invalid("too long".into())))
}

/// The national prefix of `region` (`0` in Thailand), empty when it has none.
fn national_prefix(region: Id) -> String {
    DATABASE
        .by_id(region.as_ref())
        .and_then(|m| m.national_prefix().map(str::to_owned))
        .unwrap_or_default()
}

/// The CLDR region whose national numbers use `country_code`.
fn region_of(country_code: u16) -> Option<Id> {
    let metadata = DATABASE.by_code(&country_code)?;
    let main = metadata.first()?;
    Id::from_str(main.id()).ok()
}

/// Validates and formats one number, the reference for the fast path of
/// [`NumberNormalizer::normalize`]. The digits are taken apart by the
/// contract's prefix rules; libphonenumber's metadata (through the
/// `phonenumber` crate) then says whether the country code exists and the
/// national number has a possible length. (The crate's full parser compiles regular expressions through a small
/// shared cache on every call, which made it the slowest step of decoding.)
fn parse_e164(
    raw: &str,
    country_code: u16,
    region: Id,
    validators: &mut Validators,
) -> Result<E164, NumberError> {
    let compact: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let (form, digits) = split_prefix(compact.as_bytes());
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return Err(NumberError::NotANumber);
    }
    let digits = String::from_utf8_lossy(digits).into_owned();
    let home = mobile_pattern(region)
        .filter(|mobile| mobile.fits(digits.as_bytes()))
        .map(|_| format!("{country_code}{digits}"));
    let international = matches!(form, Form::International);
    let (first, second) = match (form, home) {
        (Form::International, _) => (digits, None),
        (Form::National, _) => (national_to_e164(&digits, country_code, region)?, None),
        (Form::Bare, _) if digits.starts_with(&country_code.to_string()) => (digits, None),
        (Form::Bare, Some(home)) => (home, Some(digits)),
        (Form::Bare, None) => {
            let home = format!("{country_code}{digits}");
            let second = (home.len() <= 15).then_some(home);
            (digits, second)
        }
    };
    let valid = |e164: &str, international: bool, validators: &mut Validators| {
        validators.validate_written(e164.as_bytes(), international, country_code)?;
        E164::from_parts(&[], e164.as_bytes())
            .ok_or_else(|| NumberError::Invalid("too long".into()))
    };
    match (valid(&first, international, validators), second) {
        (Err(first_error), Some(second)) => {
            valid(&second, false, validators).map_err(|e| neither(first_error, e))
        }
        (first, _) => first,
    }
}

/// A national number (`0812345678`) as E.164 digits (`66812345678`).
fn national_to_e164(digits: &str, country_code: u16, region: Id) -> Result<String, NumberError> {
    let prefix = national_prefix(region);
    let national = digits.strip_prefix(prefix.as_str()).unwrap_or(digits);
    Ok(format!("{country_code}{national}"))
}

/// How a raw number is written.
enum Form {
    /// `+…` or `00…`: E.164.
    International,
    /// `0…`: a national number with its trunk prefix.
    National,
    /// Digits alone: E.164 without `+` (`66812345678`), or a home mobile
    /// number written without a trunk prefix, as Chinese switches write
    /// them (`13812345678`, which also reads as a +1 number). Digits that
    /// begin with the home calling code are E.164; others that fit the
    /// home country's mobile pattern are a home mobile, or E.164 when that
    /// is not a possible number; the rest are E.164, or a home number
    /// written without its trunk prefix (`1056858842`, a Beijing line, as
    /// some Chinese switches write it) when E.164 cannot be.
    Bare,
}

/// Splits off the international prefix: `+…` and `00…` are international,
/// `0…` is national, and digits alone are either (see [`Form::Bare`]).
fn split_prefix(compact: &[u8]) -> (Form, &[u8]) {
    if let Some(rest) = compact.strip_prefix(b"+") {
        (Form::International, rest)
    } else if let Some(rest) = compact.strip_prefix(b"00") {
        (Form::International, rest)
    } else if compact.starts_with(b"0") {
        (Form::National, compact)
    } else {
        (Form::Bare, compact)
    }
}

/// The general number patterns of every country sharing one calling code,
/// compiled once per process. (`phonenumber`'s own descriptors go through a
/// 100-entry regular-expression cache behind one global mutex: with traffic
/// from many countries it recompiled patterns and serialised the decoding
/// threads.) Each normaliser holds its own clones, indexed by calling code;
/// a pattern's compiled DFA is shared, not copied.
#[derive(Debug, Clone)]
struct Validators {
    /// `None` until the code is first seen; then its patterns, or `None`
    /// when no country uses it.
    by_code: Vec<Option<Option<Box<[CountryPattern]>>>>,
}

impl Default for Validators {
    fn default() -> Self {
        Validators {
            by_code: vec![None; 1000],
        }
    }
}

/// One country's possible national lengths and general number pattern.
#[derive(Debug, Clone)]
struct CountryPattern {
    lengths: Vec<u16>,
    pattern: NumberPattern,
}

impl CountryPattern {
    /// Whether `national` has a length the country's numbers can have
    /// (libphonenumber's *possible* number). Unallocated ranges pass:
    /// wangiri and forged caller IDs use them, so their records must reach
    /// the rules rather than the rejects.
    fn possible(&self, national: &[u8]) -> bool {
        if self.lengths.is_empty() {
            self.pattern.matches_start(national)
        } else {
            self.lengths.contains(&(national.len() as u16))
        }
    }

    /// Whether `national` also matches the country's number pattern.
    fn fits(&self, national: &[u8]) -> bool {
        (self.lengths.is_empty() || self.lengths.contains(&(national.len() as u16)))
            && self.pattern.matches_start(national)
    }
}

impl Validators {
    /// The patterns of calling code `code`, or `None` when it is unknown.
    /// Each normaliser keeps its own map, so the hot path takes no lock and
    /// touches no counter shared with another thread.
    fn patterns(&mut self, code: u16) -> Option<&[CountryPattern]> {
        self.by_code[usize::from(code)]
            .get_or_insert_with(|| compiled_country(code).map(|c| c.iter().cloned().collect()))
            .as_deref()
    }

    /// [`Self::validate`], except that a foreign number written with `+` or
    /// `00` (`international`) needs only a calling code that exists and at
    /// least [`MIN_NATIONAL_DIGITS`]: its writer said it is international,
    /// another country's numbering plan changes faster than the metadata
    /// (satellite, IoT and premium ranges), and a caller ID outside that
    /// plan is a forgery the rules should see, not a bad record. A home
    /// number outside the home plan is a bad record.
    fn validate_written(
        &mut self,
        e164: &[u8],
        international: bool,
        home_code: u16,
    ) -> Result<(), NumberError> {
        match self.validate_with_code(e164) {
            Err((Some((code, national)), _))
                if international && code != home_code && national >= MIN_NATIONAL_DIGITS =>
            {
                Ok(())
            }
            verdict => verdict.map_err(|(_, error)| error),
        }
    }

    /// Checks E.164 digits (without `+`) against the country's metadata:
    /// the calling code is the first one to three digits that name one.
    fn validate(&mut self, e164: &[u8]) -> Result<(), NumberError> {
        self.validate_with_code(e164).map_err(|(_, error)| error)
    }

    /// [`Self::validate`]; a number that is not possible comes back with
    /// its calling code and how many national digits it has.
    #[allow(clippy::type_complexity)]
    fn validate_with_code(
        &mut self,
        e164: &[u8],
    ) -> Result<(), (Option<(u16, usize)>, NumberError)> {
        if e164.len() > 15 {
            return Err((None, NumberError::Invalid("too long".into())));
        }
        let mut code = 0_u16;
        for (cc_len, &digit) in e164.iter().enumerate().take(3) {
            if !digit.is_ascii_digit() {
                break;
            }
            code = code * 10 + u16::from(digit - b'0');
            let Some(countries) = self.patterns(code) else {
                continue;
            };
            let national = &e164[cc_len + 1..];
            return if countries.iter().any(|c| c.possible(national)) {
                Ok(())
            } else {
                let error = NumberError::Invalid(format!("not a possible +{code} number"));
                Err((Some((code, national.len())), error))
            };
        }
        Err((None, NumberError::Invalid("unknown country code".into())))
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

/// The pattern of `region`'s mobile numbers (national significant digits),
/// compiled once per process.
fn mobile_pattern(region: Id) -> Option<Arc<CountryPattern>> {
    type Compiled = Mutex<AHashMap<String, Option<Arc<CountryPattern>>>>;
    static COMPILED: LazyLock<Compiled> = LazyLock::new(Compiled::default);
    let id = region.as_ref().to_owned();
    let mut compiled = COMPILED.lock().unwrap_or_else(PoisonError::into_inner);
    compiled
        .entry(id)
        .or_insert_with(|| {
            let mobile = DATABASE.by_id(region.as_ref())?.descriptors().mobile()?;
            Some(Arc::new(CountryPattern {
                lengths: mobile.possible_length().to_vec(),
                pattern: NumberPattern::new(mobile.national_number().as_str())?,
            }))
        })
        .clone()
}

/// Compiles the general pattern of every country that uses calling code `code`.
fn compile_country(code: u16) -> Option<Arc<[CountryPattern]>> {
    let countries = DATABASE.by_code(&code)?;
    let patterns = countries
        .iter()
        .filter_map(|m| {
            let general = m.descriptors().general();
            Some(CountryPattern {
                lengths: possible_lengths(m.descriptors()),
                pattern: NumberPattern::new(general.national_number().as_str())?,
            })
        })
        .collect();
    Some(patterns)
}

/// The lengths a country's national numbers can have: the general
/// description's, or where it lists none (as for +882), the union of its
/// number types', as libphonenumber's build derives them.
fn possible_lengths(descriptors: &phonenumber::metadata::Descriptors) -> Vec<u16> {
    let general = descriptors.general().possible_length();
    if !general.is_empty() {
        return general.to_vec();
    }
    let types = [
        descriptors.fixed_line(),
        descriptors.mobile(),
        descriptors.toll_free(),
        descriptors.premium_rate(),
        descriptors.shared_cost(),
        descriptors.personal_number(),
        descriptors.voip(),
        descriptors.pager(),
        descriptors.uan(),
        descriptors.voicemail(),
    ];
    let mut lengths: Vec<u16> = types
        .into_iter()
        .flatten()
        .flat_map(|d| d.possible_length().iter().copied())
        .collect();
    lengths.sort_unstable();
    lengths.dedup();
    lengths
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
    fn unallocated_ranges_of_a_possible_length_are_numbers() {
        // Wangiri ranges and forged caller IDs: their records must reach
        // the rules.
        assert_eq!(norm("+8827637559192").unwrap(), "+8827637559192");
        assert_eq!(norm("0037347589879").unwrap(), "+37347589879");
        assert_eq!(
            norm("+6699999"),
            Err(NumberError::Invalid("not a possible +66 number".into())),
            "five national digits are no Thai number"
        );
    }

    #[test]
    fn foreign_numbers_written_international_need_only_a_calling_code() {
        // +881 8 (Globalstar) with eight national digits: libphonenumber
        // lists nine and ten.
        assert_eq!(norm("+88182932042").unwrap(), "+88182932042");
        assert_eq!(norm("0088182932042").unwrap(), "+88182932042");
        assert_eq!(norm("+656993611").unwrap(), "+656993611");
        assert_eq!(
            norm("+65699"),
            Err(NumberError::Invalid("not a possible +65 number".into())),
            "three national digits are nobody's number"
        );
        assert_eq!(
            norm("+9991234567"),
            Err(NumberError::Invalid("unknown country code".into()))
        );
        assert_eq!(
            norm("88182932042"),
            Err(NumberError::Invalid(
                "not a possible +881 number; not a possible +66 number".into()
            )),
            "bare digits must be a possible number: they may be a home number"
        );
    }

    #[test]
    fn bare_home_numbers_that_cannot_be_e164_are_national() {
        let mut cn = NumberNormalizer::new(86).unwrap();
        assert_eq!(
            &*cn.normalize("1056858842").unwrap(),
            "+861056858842",
            "a Beijing line without its trunk prefix is no +1 number"
        );
        assert_eq!(norm("21234567").unwrap(), "+6621234567", "a Bangkok line");
        assert_eq!(
            norm("447911123456").unwrap(),
            "+447911123456",
            "a possible foreign number stays foreign"
        );
    }

    #[test]
    fn bare_home_mobiles_are_national_numbers() {
        let mut cn = NumberNormalizer::new(86).unwrap();
        for raw in [
            "13812345678",
            "8613812345678",
            "+8613812345678",
            "013812345678",
        ] {
            assert_eq!(&*cn.normalize(raw).unwrap(), "+8613812345678", "{raw}");
        }
        assert_eq!(
            &*cn.normalize("85512345678").unwrap(),
            "+85512345678",
            "bare digits that are no Chinese mobile stay E.164 without '+'"
        );
        assert_eq!(
            &*cn.normalize("12025550123").unwrap(),
            "+12025550123",
            "a +1 number that cannot be a Chinese mobile"
        );
        assert_eq!(norm("812345678").unwrap(), "+66812345678");
        assert_eq!(norm("85512345678").unwrap(), "+85512345678");
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
    fn a_used_normaliser_answers_as_a_fresh_one() {
        let mut used = NumberNormalizer::new(66).unwrap();
        for raw in ["0812345678", "+66 81 234 5678", "abc", "+999123456789"] {
            let first = used.normalize(raw);
            assert_eq!(used.normalize(raw), first, "{raw}");
            assert_eq!(NumberNormalizer::new(66).unwrap().normalize(raw), first);
            assert_eq!(used.clone().normalize(raw), first, "{raw}, cloned");
        }
    }

    /// Raw forms built from pieces that exercise every branch of the prefix
    /// rules, separators and failure modes.
    fn tricky_raw_forms() -> Vec<String> {
        let heads = ["", "+", "00", "0", "+0", "000", " ", "++", "0 0"];
        let bodies = [
            "66812345678",
            "812345678",
            "8613812345678",
            "13812345678",
            "85512345678",
            "95912345678",
            "2345678",
            "6621234567",
            "999123456789",
            "1056858842",
            "88182932042",
            "21234567",
            "65699",
            "1",
            "66",
            "1234567890123456",
            "66 81-234.5678",
            "(081) 234 5678",
            "81x2345678",
            "٠٨١٢٣٤٥٦٧٨",
            "８１２３４５６７８",
            "6681234567８",
            "",
        ];
        let tails = ["", " ", "\t", "-", "  \u{a0}", "#"];
        let mut forms = Vec::new();
        for head in heads {
            for body in bodies {
                for tail in tails {
                    forms.push(format!("{head}{body}{tail}"));
                }
            }
        }
        forms.push(" ".repeat(40) + "+66812345678");
        forms.push("+66812345678".to_owned() + &"-".repeat(30));
        forms
    }

    #[test]
    fn the_fast_path_agrees_with_the_reference_parser() {
        for cc in [66, 86, 855] {
            let mut fast = NumberNormalizer::new(cc).unwrap();
            let region = region_of(cc).unwrap();
            for raw in tricky_raw_forms() {
                let reference = parse_e164(&raw, cc, region, &mut Validators::default());
                assert_eq!(fast.normalize(&raw), reference, "{raw:?} with +{cc}");
                assert_eq!(fast.normalize(&raw), reference, "{raw:?} again");
            }
        }
    }
}
