//! The template of an SMS: its wording with the parts that vary per message
//! masked, so one campaign sent by several SIMs shows up as one template.
//!
//! Farms vary amounts, tracking numbers, reference codes and link paths from
//! message to message; masking every token that holds a digit and every link
//! leaves the shared wording. (Campaigns that reword each message defeat
//! this on purpose; rules should treat a shared template as one signal
//! among others.)

use crate::record::links::extract_urls;

/// `text` lower-cased, each link replaced by `<link>`, each word holding a
/// digit replaced by `#`, and runs of spaces collapsed.
pub(crate) fn sms_template(text: &str) -> String {
    let mut rest = text.to_owned();
    for url in extract_urls(text) {
        rest = rest.replacen(&url, " <link> ", 1);
    }
    let words: Vec<String> = rest
        .split_whitespace()
        .map(|word| {
            if word.chars().any(|c| c.is_numeric()) {
                "#".to_owned()
            } else {
                word.to_lowercase()
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varying_parts_are_masked() {
        let a = sms_template(
            "SCB: You have a pending refund of 2,150.00 THB. Confirm at https://bit.ly/3AbC",
        );
        let b = sms_template(
            "SCB: You have a pending refund of 7,020.55 THB. Confirm at https://tinyurl.com/x9y8z7",
        );
        assert_eq!(a, b);
        assert_eq!(
            a,
            "scb: you have a pending refund of # thb. confirm at <link>"
        );
    }

    #[test]
    fn thai_and_chinese_wording_is_kept() {
        let a = sms_template("ไปรษณีย์ไทย: พัสดุ EF123456789TH ของท่านจัดส่งไม่สำเร็จ https://x.top/a1");
        let b = sms_template("ไปรษณีย์ไทย: พัสดุ RB987654321TH ของท่านจัดส่งไม่สำเร็จ https://x.top/b2");
        assert_eq!(a, b);
        assert!(a.starts_with("ไปรษณีย์ไทย: พัสดุ #"));
        assert_eq!(
            sms_template("您的验证码是１２３４５６"),
            "#",
            "full-width digits count as digits"
        );
        assert_eq!(sms_template("  Hello   WORLD "), "hello world");
        assert_eq!(sms_template(""), "");
    }

    #[test]
    fn different_wording_gives_different_templates() {
        assert_ne!(
            sms_template("Your parcel is waiting"),
            sms_template("Your parcel was delivered")
        );
    }
}
