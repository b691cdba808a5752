use super::*;
use crate::rules::functions::builtin_lexicon;

fn lexicon() -> Lexicon {
    builtin_lexicon().clone()
}

#[test]
fn brands_are_named_in_english_thai_and_chinese() {
    let l = lexicon();
    assert_eq!(
        l.sms_brand("KBank: your account is suspended"),
        Some("kbank")
    );
    assert_eq!(l.sms_brand("ธนาคารกสิกรไทย แจ้งเตือน"), Some("kbank"));
    assert_eq!(l.sms_brand("กรุงไทย: มีการทำรายการ 900 บาท"), Some("ktb"));
    assert_eq!(
        l.sms_brand("【中国工商银行】您的账户存在异常"),
        Some("icbc")
    );
    assert_eq!(l.sms_brand("您的支付宝账户已冻结"), Some("alipay"));
    assert_eq!(l.sms_brand("กินข้าวยัง"), None);
    assert_eq!(l.sms_brand(""), None);
}

#[test]
fn ascii_brand_names_must_stand_alone() {
    let l = lexicon();
    assert_eq!(l.sms_brand("SCB: refund pending"), Some("scb"));
    assert_eq!(l.sms_brand("see ascbx tomorrow"), None);
    assert_eq!(l.sms_brand("The PEA bill"), Some("pea"));
    assert_eq!(l.sms_brand("peace and love"), None);
}

#[test]
fn a_brand_named_only_inside_a_link_is_not_named() {
    let l = lexicon();
    let school = "【阳光小学】家长您好，周五下午举行家长会，详情 https://mp.weixin.qq.com/s/Ab3dE";
    assert_eq!(l.sms_brand(school), None);
    assert_eq!(l.brand_link(school), None);
    let named = "微信支付：您的账户异常，请访问 https://wx-pay-verify.top/Ab3dE";
    assert_eq!(l.sms_brand(named), Some("wechatpay"));
    assert_eq!(l.brand_link(named), Some("wechatpay"));
    assert_eq!(
        l.sms_brand("verify at kbank-secure-th.com/login, KBank"),
        Some("kbank"),
        "a keyword in the words after a link still names the brand"
    );
    assert_eq!(
        l.lookalike_brand("kbank-secure-th.com"),
        Some("kbank"),
        "a brand's name inside a foreign domain stays suspect"
    );
}

#[test]
fn a_bank_named_with_a_link_off_its_own_site_is_suspect() {
    let l = lexicon();
    assert_eq!(
        l.brand_link("KBank: verify at https://kbank-secure-th.com/x1"),
        Some("kbank")
    );
    assert_eq!(
        l.brand_link("KBank: Transfer out 500.00 THB from x1234"),
        None
    );
    assert_eq!(
        l.brand_link("123456 is your KBank OTP. Do not share this code."),
        None
    );
}

#[test]
fn a_link_to_the_named_brands_own_site_deceives_nobody() {
    let l = lexicon();
    let notice = "กรมการขนส่งทางบก: ภาษีรถของท่านครบกำหนด ชำระออนไลน์ https://eservice.dlt.go.th";
    assert_eq!(l.sms_brand(notice), Some("dlt"));
    assert_eq!(l.brand_link(notice), None);
    assert_eq!(
        l.brand_link("KBank: login at https://kasikornbank.com/"),
        None
    );
    assert_eq!(
        l.brand_link("KBank: login at https://kasikornbank.com/ or https://bit.ly/3abc"),
        Some("kbank"),
        "one link off the brand's site is enough"
    );
    for forged in [
        "กรมการขนส่งทางบก: ชำระภาษี https://eservice.dlt.go.th.tax-pay.com/x",
        "กรมการขนส่งทางบก: ชำระภาษี https://dlt.go.th@tax-pay.top/x",
        "กรมการขนส่งทางบก: ชำระภาษี https://fakedlt.go.th/x",
    ] {
        assert_eq!(l.brand_link(forged), Some("dlt"), "{forged}");
    }
}

#[test]
fn couriers_may_link_to_their_own_domains_only() {
    let l = lexicon();
    let real = "ไปรษณีย์ไทย: พัสดุ EF123456789TH ติดตามที่ https://track.thailandpost.co.th/?trackNumber=EF123456789TH";
    assert_eq!(l.brand_link(real), None);
    let fake =
        "ไปรษณีย์ไทย: พัสดุ EF123456789TH จัดส่งไม่สำเร็จ กรุณาอัปเดตที่อยู่ https://thaipost-delivery.top/ab12";
    assert_eq!(l.brand_link(fake), Some("thailandpost"));
    assert_eq!(
        l.brand_link("Shopee 11.11 โค้ดส่วนลด https://shope.ee/AbC123"),
        None
    );
    assert_eq!(
        l.brand_link("Shopee: คำสั่งซื้อ #VZ9C2R จัดส่งแล้ว ติดตามที่ https://th.shp.ee/dVzf329"),
        None,
        "shp.ee (th., vn., id., ...) is Shopee's own short-link domain"
    );
    assert_eq!(
        l.brand_link("Flash Express: parcel out https://bit.ly/3abc"),
        Some("flash")
    );
}

#[test]
fn shorteners_and_their_subdomains() {
    let l = lexicon();
    assert!(l.is_shortener("bit.ly"));
    assert!(l.is_shortener("BIT.LY"));
    assert!(l.is_shortener("maps.app.goo.gl"));
    assert!(!l.is_shortener("kasikornbank.com"));
    assert!(!l.is_shortener("notbit.ly"));
    assert!(!l.is_shortener(""));
}

#[test]
fn lookalikes_by_name_edit_distance_and_homoglyph() {
    let l = lexicon();
    assert_eq!(l.lookalike_brand("kbank-secure-th.com"), Some("kbank"));
    assert_eq!(l.lookalike_brand("scb-th.support"), Some("scb"));
    assert_eq!(l.lookalike_brand("pea-billing.top"), Some("pea"));
    assert_eq!(l.lookalike_brand("kasikornbamk.com"), Some("kbank"));
    assert_eq!(l.lookalike_brand("krungthai-verify.com"), Some("ktb"));
    let homograph = idna::domain_to_ascii("kаsikornbank.com").unwrap();
    assert_eq!(l.lookalike_brand(&homograph), Some("kbank"), "{homograph}");
    assert_eq!(l.lookalike_brand("kasik0rnbank.co"), Some("kbank"));
}

#[test]
fn real_and_unrelated_domains_are_not_lookalikes() {
    let l = lexicon();
    for domain in [
        "kasikornbank.com",
        "track.thailandpost.co.th",
        "shope.ee",
        "th.shp.ee",
        "s.lazada.co.th",
        "peace.org",
        "youtu.be",
        "example.com",
        "bit.ly",
        "",
    ] {
        assert_eq!(l.lookalike_brand(domain), None, "{domain}");
    }
}

#[test]
fn mixed_scripts_in_a_label_are_confusable() {
    assert!(
        is_confusable_domain("kаsikornbank.com"),
        "Cyrillic а among Latin"
    );
    assert!(is_confusable_domain(
        &crate::record::links::url_domain("https://kаsikornbank.com").unwrap()
    ));
    assert!(!is_confusable_domain("kasikornbank.com"));
    assert!(!is_confusable_domain("ธนาคาร.ไทย"), "one script per label");
    assert!(!is_confusable_domain("中国银行.cn"));
    assert!(!is_confusable_domain("scb-th2.support"));
}

#[test]
fn bad_tables_are_reported_by_row() {
    let errors = Lexicon::from_csv(
        "brand,keyword,domain\nkbank,kbank,kasikornbank.com,no\nx,,y.com\n",
        "domain\nbit.ly\n",
    )
    .unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!((errors[0].row, errors[1].row), (1, 2));
    assert!(
        errors[0].to_string().contains("4 fields, expected 3"),
        "{}",
        errors[0]
    );
    let errors = Lexicon::from_csv("name,domain\n", "domain\n").unwrap_err();
    assert!(errors[0].to_string().contains("header must be"));
}

#[test]
fn a_brand_owns_its_domains_and_their_subdomains_only() {
    let l = lexicon();
    assert_eq!(
        l.domain_owner("track.thailandpost.co.th"),
        Some("thailandpost")
    );
    assert_eq!(l.domain_owner("KasikornBank.com."), Some("kbank"));
    assert_eq!(l.domain_owner("thailandpost.co.th.redelivery.top"), None);
    assert_eq!(l.domain_owner("kasikornbank.com-verify.info"), None);
    assert_eq!(l.domain_owner("example.org"), None);
}
