//! Number and device helpers: which country a number belongs to, its number
//! range, how far apart two numbers are (sequential dialling), and the type
//! allocation code of an IMEI (which device model, and so which gateway
//! hardware, a SIM sits in).

use phonenumber::Type;
use phonenumber::metadata::DATABASE;

/// The digits of an E.164 number (`+66812345678` → `66812345678`), if it is one.
fn e164_digits(number: &str) -> Option<&str> {
    let digits = number.strip_prefix('+')?;
    let valid = (4..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then_some(digits)
}

/// The country calling code of an E.164 number (`+855…` → `855`), from
/// libphonenumber's list of assigned codes; `None` when it is not E.164 or
/// no code matches.
pub(crate) fn country_code(number: &str) -> Option<String> {
    let digits = e164_digits(number)?;
    (1..=3).find_map(|len| {
        let code: u16 = digits.get(..len)?.parse().ok()?;
        DATABASE.by_code(&code).map(|_| code.to_string())
    })
}

/// What kind of line an E.164 number is, from libphonenumber's number plan
/// (`+6621234567` → `fixed_line`, `+66812345678` → `mobile`); `unknown`
/// when the plan does not say, `None` when it is not E.164.
pub(crate) fn number_type(number: &str) -> Option<String> {
    e164_digits(number)?;
    let parsed = phonenumber::parse(None, number).ok()?;
    let kind = match parsed.number_type(&DATABASE) {
        Type::FixedLine => "fixed_line",
        Type::Mobile => "mobile",
        Type::FixedLineOrMobile => "fixed_line_or_mobile",
        Type::TollFree => "toll_free",
        Type::PremiumRate => "premium_rate",
        Type::SharedCost => "shared_cost",
        Type::PersonalNumber => "personal",
        Type::Voip => "voip",
        Type::Pager => "pager",
        Type::Uan => "uan",
        Type::Emergency => "emergency",
        Type::Voicemail => "voicemail",
        Type::ShortCode => "short_code",
        Type::StandardRate => "standard_rate",
        Type::Carrier => "carrier",
        Type::NoInternational => "no_international",
        Type::Unknown => "unknown",
    };
    Some(kind.to_owned())
}

/// Whether `number` belongs to the home country `home` (a calling code such
/// as 66). Calling codes form a prefix code (no code begins another), so a
/// prefix test is exact; it runs on every call of a window, so it allocates
/// nothing.
pub(crate) fn is_national(number: &str, home: &str) -> bool {
    e164_digits(number).is_some_and(|digits| digits.starts_with(home))
}

/// The range of a number: `+` and its first `digits` digits
/// (`+66812345678`, 6 → `+668123`); `None` when it has fewer digits.
pub(crate) fn number_prefix(number: &str, digits: i64) -> Option<String> {
    let all = e164_digits(number)?;
    let n = usize::try_from(digits).ok().filter(|n| *n >= 1)?;
    all.get(..n).map(|p| format!("+{p}"))
}

/// How many numbers apart two E.164 numbers of the same length are
/// (`+66812345678` and `+66812345690` → 12): small distances between
/// consecutive callees give sequential or range dialling away.
pub(crate) fn number_distance(a: &str, b: &str) -> Option<i64> {
    let (a, b) = (e164_digits(a)?, e164_digits(b)?);
    if a.len() != b.len() {
        return None;
    }
    let (a, b): (i64, i64) = (a.parse().ok()?, b.parse().ok()?);
    Some((a - b).abs())
}

/// The type allocation code (first 8 digits) of a 14- to 16-digit IMEI or
/// IMEISV, ignoring spaces, dashes and slashes; `None` otherwise.
pub(crate) fn imei_tac(imei: &str) -> Option<String> {
    let digits: String = imei
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '/'))
        .collect();
    let valid = (14..=16).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| digits[..8].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_of_one_two_and_three_digits() {
        assert_eq!(country_code("+66812345678").as_deref(), Some("66"));
        assert_eq!(country_code("+85512345678").as_deref(), Some("855"));
        assert_eq!(country_code("+8613812345678").as_deref(), Some("86"));
        assert_eq!(country_code("+12025550123").as_deref(), Some("1"));
        assert_eq!(country_code("+95912345678").as_deref(), Some("95"));
    }

    #[test]
    fn non_e164_input_has_no_country() {
        for bad in [
            "0812345678",
            "66812345678",
            "+",
            "+66 81",
            "+66a12345678",
            "",
            "+ไทย",
        ] {
            assert_eq!(country_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn line_types_from_the_number_plan() {
        assert_eq!(
            number_type("+6621234567").as_deref(),
            Some("fixed_line"),
            "Bangkok landline"
        );
        assert_eq!(number_type("+66812345678").as_deref(), Some("mobile"));
        assert_eq!(number_type("+8613812345678").as_deref(), Some("mobile"));
        assert_eq!(number_type("+66999").as_deref(), Some("unknown"));
        assert_eq!(number_type("021234567"), None, "not E.164");
        assert_eq!(number_type("+66 2 123 4567"), None);
    }

    #[test]
    fn national_means_the_home_calling_code() {
        assert!(is_national("+66812345678", "66"));
        assert!(!is_national("+85512345678", "66"));
        assert!(!is_national("+6", "66"));
        assert!(!is_national("not a number", "66"));
        assert!(is_national("+8613812345678", "86"));
        assert!(
            !is_national("+85212345678", "86"),
            "Hong Kong is not China's 86"
        );
    }

    #[test]
    fn prefixes_cut_the_digits() {
        assert_eq!(number_prefix("+66812345678", 6).as_deref(), Some("+668123"));
        assert_eq!(
            number_prefix("+66812345678", 11).as_deref(),
            Some("+66812345678")
        );
        assert_eq!(number_prefix("+66812345678", 12), None);
        assert_eq!(number_prefix("+66812345678", 0), None);
        assert_eq!(number_prefix("+66812345678", -3), None);
        assert_eq!(number_prefix("0812345678", 3), None);
    }

    #[test]
    fn distance_between_numbers_of_one_length() {
        assert_eq!(number_distance("+66812345678", "+66812345690"), Some(12));
        assert_eq!(number_distance("+66812345690", "+66812345678"), Some(12));
        assert_eq!(number_distance("+66812345678", "+66812345678"), Some(0));
        assert_eq!(number_distance("+6681234567", "+66812345678"), None);
        assert_eq!(number_distance("+66812345678", "x"), None);
    }

    #[test]
    fn tac_is_the_first_eight_digits() {
        assert_eq!(imei_tac("356938035643809").as_deref(), Some("35693803"));
        assert_eq!(imei_tac("35-693803-564380-9").as_deref(), Some("35693803"));
        assert_eq!(imei_tac("3569380356438012").as_deref(), Some("35693803"));
        assert_eq!(imei_tac("12345"), None);
        assert_eq!(imei_tac("35693803564380X"), None);
        assert_eq!(imei_tac("๓๕๖๙๓๘๐๓๕๖๔๓๘๐๙"), None);
    }
}
