//! Links in SMS bodies: finding them and naming their domains.
//!
//! Phishing texts carry their payload in a link, often without a scheme
//! (`bit.ly/3xYz`), glued to Thai or Chinese text with no space between, or
//! with an internationalised domain. Domains come out in one canonical form:
//! lower case, punycode (`xn--…`) for non-ASCII labels, without `www.`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A link: a scheme or `www.` followed by anything but spaces, quotes and
/// full-width punctuation, or a bare ASCII domain followed by a path
/// (`bit.ly/abc`). A bare domain without a path is not taken: "e.g." and
/// "file.txt" are not links. Chinese and Japanese texts write a link
/// straight before a full-width comma or full stop (`官网 www.cpic.com.cn，退订回T`),
/// and no URL holds one unencoded, so those end the link. The marks are
/// listed rather than named as Unicode punctuation: that class costs a
/// tenth of the decoder's speed.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?xi)
        (?: https?:// | www\. ) {IN_LINK}+
        | (?: [a-z0-9] (?:[a-z0-9-]{{0,61}}[a-z0-9])? \. )+ [a-z]{{2,24}} / {IN_LINK}*
        "#,
    ))
    .expect("the link pattern is valid")
});

/// A character a link may hold: anything but spaces, quotes and full-width
/// punctuation.
const IN_LINK: &str = r#"[^\s<>"'“”‘’，。、；：！？（）【】《》「」『』]"#;

/// Characters that end a sentence rather than a link (full-width ones never
/// enter one).
const TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '}', '…'];

/// Every link in `text`, in order, without trailing punctuation.
pub(crate) fn extract_urls(text: &str) -> Vec<String> {
    links(text).map(str::to_owned).collect()
}

/// The links of `text`, in order, without trailing punctuation.
fn links(text: &str) -> impl Iterator<Item = &str> {
    link_spans(text).map(|span| &text[span])
}

/// Where the links of `text` stand, as byte ranges, in order, without
/// trailing punctuation.
pub(crate) fn link_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    LINK.find_iter(text)
        .map(|m| {
            let link = &m.as_str()[..glued_text_start(m.as_str())];
            m.start()..m.start() + link.trim_end_matches(TRAILING).len()
        })
        .filter(|span| !span.is_empty())
}

/// Where text glued to a link's host begins (the link's length when none
/// is): a top-level domain that starts in ASCII and runs on into other
/// scripts (`www.cpic.com.cn退订回T`) is an ASCII one followed by words, as
/// a top-level domain is either ASCII or, like `.中国` and `.ไทย`, not at
/// all. A path is left alone, as a phone's linkifier leaves it.
fn glued_text_start(link: &str) -> usize {
    let after_scheme = link.find("://").map_or(0, |i| i + 3);
    let host_end = link[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(link.len(), |i| after_scheme + i);
    let last_label = link[..host_end].rfind('.').map_or(after_scheme, |i| i + 1);
    let tld = &link[last_label..host_end];
    if !tld.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return link.len();
    }
    tld.find(|c: char| !c.is_ascii())
        .map_or(link.len(), |i| last_label + i)
}

/// The domain of a link, with or without a scheme: lower case, punycode for
/// non-ASCII labels, without a leading `www.`; `None` when the link has no
/// valid host.
pub(crate) fn url_domain(link: &str) -> Option<String> {
    let link = link.trim();
    let host = match plain_host(link) {
        Some(host) => host.to_ascii_lowercase(),
        None => parsed_host(link)?,
    };
    let host = host.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_owned())
}

/// The last `labels` labels of a domain or link, canonical as
/// [`url_domain`] writes domains: `vip` (1) or `co.th` (2) for
/// `Shop.Example.CO.TH`, punycode for `ไทย`. `None` when it has no valid
/// host, ends in a number (an IP address has no top-level domain), or has
/// no more labels than asked for (a suffix is never the whole domain).
pub(crate) fn domain_suffix(domain: &str, labels: i64) -> Option<String> {
    let canonical = url_domain(domain)?;
    let labels = usize::try_from(labels).ok().filter(|&n| n >= 1)?;
    if canonical
        .rsplit('.')
        .next()?
        .bytes()
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let start = canonical.rmatch_indices('.').nth(labels - 1)?.0 + 1;
    Some(canonical[start..].to_owned())
}

/// The host of an `http`/`https` link as the URL standard parses it.
fn parsed_host(link: &str) -> Option<String> {
    let with_scheme = if link.contains("://") {
        link.to_owned()
    } else {
        format!("http://{link}")
    };
    let parsed = url::Url::parse(&with_scheme).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    Some(parsed.host_str()?.to_ascii_lowercase())
}

/// The host of the common link whose host the URL standard takes as
/// written (up to case): an optional `http://` or `https://`, then labels
/// of ASCII letters, digits and inner hyphens, the last starting with a
/// letter (so not an IPv4 address), no `xn--` label (which must be checked
/// as punycode), no port and no user. `None` for anything else, which
/// [`parsed_host`] then parses in full.
fn plain_host(link: &str) -> Option<&str> {
    let rest = ["http://", "https://"].iter().find_map(|scheme| {
        let head = link.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| &link[scheme.len()..])
    });
    let rest = match rest {
        Some(rest) => rest,
        None if link.contains("://") => return None,
        None => link,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    let labels = host.strip_suffix('.').unwrap_or(host);
    let plain_label = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && !label.contains("--")
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    let last = labels.rsplit('.').next()?;
    (labels.split('.').all(plain_label) && last.starts_with(|c: char| c.is_ascii_alphabetic()))
        .then_some(host)
}

/// The domain of the first link in `text`, the `link_domain` column: most
/// texts hold no `/` and no `www.` and are passed over without parsing.
pub(crate) fn first_link_domain(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let may_link = memchr::memchr(b'/', bytes).is_some()
        || memchr::memchr2_iter(b'w', b'W', bytes).any(|i| {
            bytes
                .get(i..i + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
        });
    if !may_link {
        return None;
    }
    links(text).find_map(url_domain)
}

/// The domains of every link in `text`, in order, repeats removed.
pub(crate) fn link_domains(text: &str) -> Vec<String> {
    let mut domains: Vec<String> = Vec::new();
    for domain in extract_urls(text).iter().filter_map(|u| url_domain(u)) {
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    domains
}

/// Whether `domain` is `parent` or one of its subdomains.
pub(crate) fn within(domain: &str, parent: &str) -> bool {
    domain == parent
        || domain
            .strip_suffix(parent)
            .is_some_and(|head| head.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_with_and_without_scheme() {
        let text = "KBank: verify now https://kbank-secure-th.com/abc12, or www.example.org. Also bit.ly/3xYz!";
        assert_eq!(
            extract_urls(text),
            vec![
                "https://kbank-secure-th.com/abc12",
                "www.example.org",
                "bit.ly/3xYz"
            ]
        );
    }

    #[test]
    fn links_glued_to_thai_and_chinese_text() {
        assert_eq!(
            extract_urls("กรุณายืนยันตัวตนที่https://scb-th.support/th/ab12ขอบคุณค่ะ"),
            vec!["https://scb-th.support/th/ab12ขอบคุณค่ะ"],
            "a link runs to the next space, as a phone's linkifier does"
        );
        assert_eq!(extract_urls("请点击bit.ly/abc领取"), vec!["bit.ly/abc领取"]);
        assert_eq!(
            link_domains("【保险】产品详情请见官网 https://www.cpic.com.cn，退订回T"),
            vec!["cpic.com.cn"],
            "a full-width comma ends a link"
        );
        assert_eq!(
            link_domains("详见www.cpic.com.cn退订回T、或https://m.tb.cn/h.8VN（今日有效）"),
            vec!["cpic.com.cn", "m.tb.cn"],
            "words glued to a top-level domain are not part of it"
        );
        assert_eq!(
            link_domains("ดูที่ https://ธนาคาร.ไทย/x และ http://银行.中国"),
            vec![
                idna::domain_to_ascii("ธนาคาร.ไทย").unwrap(),
                idna::domain_to_ascii("银行.中国").unwrap()
            ],
            "internationalised top-level domains are whole"
        );
        assert_eq!(
            link_domains("ลงทะเบียนที่ tinyurl.com/y7abc12 ภายในวันนี้"),
            vec!["tinyurl.com"]
        );
    }

    #[test]
    fn text_without_links() {
        for text in [
            "",
            "ถึงบ้านยัง",
            "e.g. see file.txt",
            "Your OTP is 123456 (Ref: ABCD)",
            "您的验证码是123456",
            "Balance 1,234.50 THB.",
        ] {
            assert!(extract_urls(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn domains_are_canonical() {
        assert_eq!(
            url_domain("HTTPS://WWW.Example.COM/Path").as_deref(),
            Some("example.com")
        );
        assert_eq!(url_domain("bit.ly/3xYz").as_deref(), Some("bit.ly"));
        assert_eq!(
            url_domain("https://user:pw@track.thailandpost.co.th:8443/?x=1").as_deref(),
            Some("track.thailandpost.co.th")
        );
        let cyrillic = url_domain("https://kаsikornbank.com/login").unwrap();
        assert!(
            cyrillic.starts_with("xn--"),
            "a Cyrillic а makes a punycode label: {cyrillic}"
        );
        assert_eq!(
            Some(cyrillic),
            idna::domain_to_ascii("kаsikornbank.com").ok()
        );
        let thai = url_domain("http://ธนาคาร.ไทย/x").unwrap();
        assert_eq!(thai.matches("xn--").count(), 2, "{thai}");
    }

    #[test]
    fn malformed_links_have_no_domain() {
        for bad in [
            "https://",
            "http://exa mple.com",
            "https://[::1",
            "ftp://files.example.com",
            "localhost/x",
            "",
        ] {
            assert_eq!(url_domain(bad), None, "{bad}");
        }
    }

    #[test]
    fn domain_suffixes() {
        for (domain, labels, suffix) in [
            ("pay-cash.vip", 1, "vip"),
            ("Pay-Cash.VIP.", 1, "vip"),
            ("https://www-siamparcel.live/tRCkW9", 1, "live"),
            ("thailandpost.co.th.evil.top", 1, "top"),
            ("track.thailandpost.co.th", 2, "co.th"),
            (
                "https://Track.ThailandPost.CO.TH/x",
                3,
                "thailandpost.co.th",
            ),
        ] {
            assert_eq!(
                domain_suffix(domain, labels).as_deref(),
                Some(suffix),
                "{domain} {labels}"
            );
        }
        let thai = domain_suffix("ธนาคาร.ไทย", 1).unwrap();
        assert_eq!(Some(thai.clone()), idna::domain_to_ascii("ไทย").ok());
        assert!(thai.starts_with("xn--"), "{thai}");
        assert_eq!(
            domain_suffix("银行.中国", 1),
            idna::domain_to_ascii("中国").ok(),
            "a Chinese top-level domain in punycode"
        );
        for (bad, labels) in [
            ("http://203.0.113.9/x", 1),
            ("localhost", 1),
            ("", 1),
            ("https://", 1),
            ("pay cash.vip", 1),
            ("pay-cash.vip", 0),
            ("pay-cash.vip", -1),
            ("pay-cash.vip", 2),
            ("co.th", 2),
        ] {
            assert_eq!(domain_suffix(bad, labels), None, "{bad} {labels}");
        }
    }

    #[test]
    fn within_respects_label_boundaries() {
        assert!(within("track.thailandpost.co.th", "thailandpost.co.th"));
        assert!(within("thailandpost.co.th", "thailandpost.co.th"));
        assert!(!within("fakethailandpost.co.th", "thailandpost.co.th"));
        assert!(!within("thailandpost.co.th.evil.top", "thailandpost.co.th"));
    }

    /// The fast path must give the URL standard's host whenever it gives
    /// one: checked on links built from the pieces that trip parsers up.
    #[test]
    fn a_plain_host_is_the_host_the_url_standard_parses() {
        const PIECES: [&str; 24] = [
            "http://", "HTTPS://", "ftp://", "www.", "xn--", "a", "Z", "0", "9", "0x1f", "-", ".",
            "..", "/", "?q", "#f", ":8080", "@", "%41", "\\", "\t", "ex", "com", "co.th",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let (mut fast, mut total) = (0, 0);
        for _ in 0..200_000 {
            let link: String = (0..1 + next(8))
                .map(|_| PIECES[next(PIECES.len())])
                .collect();
            total += 1;
            if let Some(host) = plain_host(&link) {
                fast += 1;
                assert_eq!(
                    Some(host.to_ascii_lowercase()),
                    parsed_host(&link),
                    "{link:?}"
                );
            }
        }
        assert!(fast > total / 20, "the fast path took {fast} of {total}");
        for common in [
            "bit.ly/3xYz",
            "https://track.thailandpost.co.th/x?y=1",
            "WWW.Example.COM",
        ] {
            assert!(plain_host(common).is_some(), "{common}");
        }
    }
}
