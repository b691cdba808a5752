//! Links in SMS bodies: finding them and naming their domains.
//!
//! Phishing texts carry their payload in a link, often without a scheme
//! (`bit.ly/3xYz`), glued to Thai or Chinese text with no space between, or
//! with an internationalised domain. Domains come out in one canonical form:
//! lower case, punycode (`xn--…`) for non-ASCII labels, without `www.`.

use std::sync::LazyLock;

use regex::Regex;

/// A link: a scheme or `www.` followed by anything but spaces and quotes,
/// or a bare ASCII domain followed by a path (`bit.ly/abc`). A bare domain
/// without a path is not taken: "e.g." and "file.txt" are not links.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?xi)
        (?: https?:// | www\. ) [^\s<>"'“”‘’]+
        | (?: [a-z0-9] (?:[a-z0-9-]{0,61}[a-z0-9])? \. )+ [a-z]{2,24} / [^\s<>"'“”‘’]*
        "#,
    )
    .expect("the link pattern is valid")
});

/// Characters that end a sentence rather than a link.
const TRAILING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '。', '，', '！', '）',
];

/// Every link in `text`, in order, without trailing punctuation.
pub(crate) fn extract_urls(text: &str) -> Vec<String> {
    LINK.find_iter(text)
        .map(|m| m.as_str().trim_end_matches(TRAILING).to_owned())
        .filter(|url| !url.is_empty())
        .collect()
}

/// The domain of a link, with or without a scheme: lower case, punycode for
/// non-ASCII labels, without a leading `www.`; `None` when the link has no
/// valid host.
pub(crate) fn url_domain(link: &str) -> Option<String> {
    let link = link.trim();
    let with_scheme = if link.contains("://") {
        link.to_owned()
    } else {
        format!("http://{link}")
    };
    let parsed = url::Url::parse(&with_scheme).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

/// The domain of the first link in `text`, the `link_domain` column: most
/// texts hold no `/` and no `www.` and are passed over without parsing.
pub(crate) fn first_link_domain(text: &str) -> Option<String> {
    let may_link = text.contains('/')
        || text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."));
    if !may_link {
        return None;
    }
    extract_urls(text).iter().find_map(|u| url_domain(u))
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
    fn within_respects_label_boundaries() {
        assert!(within("track.thailandpost.co.th", "thailandpost.co.th"));
        assert!(within("thailandpost.co.th", "thailandpost.co.th"));
        assert!(!within("fakethailandpost.co.th", "thailandpost.co.th"));
        assert!(!within("thailandpost.co.th.evil.top", "thailandpost.co.th"));
    }
}
