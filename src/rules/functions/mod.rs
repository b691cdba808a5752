//! Telecom SQL functions: DataFusion scalar UDFs that let analysts speak of
//! numbers, devices and SMS content directly in rules.
//!
//! | function | returns | example |
//! |---|---|---|
//! | `number_country(number)` | text | `number_country('+85512345678')` → `'855'` |
//! | `number_type(number)` | text | `number_type('+6621234567')` → `'fixed_line'` (also `mobile`, `toll_free`, `premium_rate`, `voip`, …, `unknown`) |
//! | `is_national(number)` | boolean | `is_national('+66812345678')` → true when the pipeline's country code is 66 |
//! | `number_prefix(number, n)` | text | `number_prefix('+66812345678', 6)` → `'+668123'` (the number range) |
//! | `number_distance(a, b)` | bigint | `number_distance('+66812345678', '+66812345690')` → 12 (sequential dialling) |
//! | `rate_upper_bound(k, n)` | double | `rate_upper_bound(3, 10)` → 0.558: the true rate behind 3 successes in 10 trials is below it with 95 % confidence (Wilson score) |
//! | `imei_tac(imei)` | text | `imei_tac('356938035643809')` → `'35693803'` (device model) |
//! | `extract_urls(text)` | list of text | `extract_urls('Pay at bit.ly/3xY now')` → `['bit.ly/3xY']` |
//! | `url_domain(url)` | text | `url_domain('https://WWW.Kbank-Secure.com/x')` → `'kbank-secure.com'` |
//! | `domain_suffix(domain, n)` | text | `domain_suffix('shop.example.co.th', 2)` → `'co.th'`: the last `n` labels, to join `abused_tlds` (1) or `vetted_suffixes` (2) |
//! | `link_domain(text)` | text | the domain of the first link in an SMS, or null (the `sms` table's `link_domain` column holds it, found at ingest) |
//! | `is_shortener(domain)` | boolean | `is_shortener('bit.ly')` → true |
//! | `lookalike_brand(domain)` | text | `lookalike_brand('kasikornbamk.com')` → `'kbank'` |
//! | `domain_owner(domain)` | text | `domain_owner('track.thailandpost.co.th')` → `'thailandpost'`: the brand whose own site it is |
//! | `is_confusable_domain(domain)` | boolean | true for `kаsikornbank.com` with a Cyrillic `а` |
//! | `sms_brand(text)` | text | `sms_brand('กรุงไทย: มีการทำรายการ')` → `'ktb'` |
//! | `brand_link(text)` | text | the brand a text names when it links where that brand never would |
//! | `sms_template(text)` | text | the wording with links, amounts and codes masked |
//! | `independent_callers(number, before)` | integer | how many different numbers called `number` on their own (not returning its call) in the day before `before`, usually `window_start` |
//!
//! Every function returns null for a null input and for input it cannot
//! read (a malformed URL, a number that is not E.164), so rules never fail
//! on odd data. The text and domain functions remember their recent results:
//! a hopping window shows each text to a rule many times. The brand and shortener functions read the reference tables
//! `brands` and `shorteners`: the pipeline's own when it names tables of
//! those names, otherwise the copies shipped in `sql/tables/`.

mod brands;
mod distinct;
mod numbers;
mod stats;
mod template;
mod udf;

use std::sync::{Arc, LazyLock};

use datafusion::execution::context::SessionContext;
use datafusion::logical_expr::ScalarUDF;

use super::contacts::ContactMemory;
use crate::record::links;

pub use brands::{Lexicon, LexiconError};

/// The shipped `brands` table.
pub const BUILTIN_BRANDS: &str = include_str!("../../../sql/tables/brands.csv");
/// The shipped `shorteners` table.
pub const BUILTIN_SHORTENERS: &str = include_str!("../../../sql/tables/shorteners.csv");

static BUILTIN_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::from_csv(BUILTIN_BRANDS, BUILTIN_SHORTENERS)
        .expect("the shipped brands and shorteners tables are valid")
});

/// The lexicon of the shipped tables.
pub fn builtin_lexicon() -> &'static Lexicon {
    &BUILTIN_LEXICON
}

/// Every telecom function, for a network whose national numbers use
/// `country_code` and with the brands and shorteners of `lexicon`.
pub fn telecom_functions(country_code: u16, lexicon: &Lexicon) -> Vec<ScalarUDF> {
    let lexicon = Arc::new(lexicon.clone());
    let l = |f: for<'a> fn(&'a Lexicon, &str) -> Option<&'a str>| {
        let lexicon = Arc::clone(&lexicon);
        move |s: &str| f(&lexicon, s).map(str::to_owned)
    };
    let shortener = Arc::clone(&lexicon);
    let home = country_code.to_string();
    vec![
        udf::text_to_text("number_country", numbers::country_code),
        udf::text_to_text("number_type", udf::memoized(numbers::number_type)),
        udf::text_to_bool("is_national", move |n| numbers::is_national(n, &home)),
        udf::text_int_to_text("number_prefix", numbers::number_prefix),
        udf::text_text_to_int("number_distance", numbers::number_distance),
        udf::int_int_to_float("rate_upper_bound", stats::rate_upper_bound),
        udf::text_to_text("imei_tac", numbers::imei_tac),
        udf::text_to_list("extract_urls", links::extract_urls),
        udf::text_to_text("url_domain", links::url_domain),
        udf::text_int_to_text("domain_suffix", udf::memoized_by_int(links::domain_suffix)),
        udf::text_to_text("link_domain", udf::memoized(links::first_link_domain)),
        udf::text_to_bool("is_shortener", move |d| shortener.is_shortener(d)),
        udf::text_to_text(
            "lookalike_brand",
            udf::memoized(l(Lexicon::lookalike_brand)),
        ),
        udf::text_to_text("domain_owner", udf::memoized(l(Lexicon::domain_owner))),
        udf::text_to_bool(
            "is_confusable_domain",
            udf::memoized(brands::is_confusable_domain),
        ),
        udf::text_to_text("sms_brand", l(Lexicon::sms_brand)),
        udf::text_to_text("brand_link", udf::memoized(l(Lexicon::brand_link))),
        udf::text_to_text(
            "sms_template",
            udf::memoized(|t| Some(template::sms_template(t))),
        ),
    ]
}

/// `independent_callers(number, before)`: how many different numbers
/// called `number` on their own in the day before `before` (a timestamp,
/// such as `window_start`), from the engine's memory of calls (see
/// [`ContactMemory`]).
pub(crate) fn independent_callers(memory: Arc<ContactMemory>) -> ScalarUDF {
    udf::text_int_to_int("independent_callers", move |number, before_ms| {
        memory.independent_callers(number, before_ms)
    })
}

/// Registers every telecom function in `ctx`, and a `count` that counts
/// distinct text per group faster than DataFusion's own (same results).
pub fn register_functions(ctx: &SessionContext, country_code: u16, lexicon: &Lexicon) {
    for f in telecom_functions(country_code, lexicon) {
        ctx.register_udf(f);
    }
    ctx.register_udaf(distinct::count());
}

#[cfg(test)]
mod tests;
