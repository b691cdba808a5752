//! Phishing SMS, as smishing campaigns write them.
//!
//! A campaign impersonates one bank, courier or agency and words its lure
//! a few ways, so that no single text repeats: amounts, tracking numbers
//! and link codes change per message, the wording switches between a
//! couple of phrasings in Thai and English, and some messages leave the
//! brand's name out altogether ("your parcel could not be delivered").
//! Its link hides where it leads in one of the ways phishing kits use: a
//! URL shortener, or a domain that borrows the brand's name, misspells its
//! real domain, swaps in look-alike letters from another script, hangs the
//! real domain in front of another one, or has nothing to do with the
//! brand at all.

use std::fmt::Write as _;

use rand::Rng;

use super::dist::{Rand, chance, index, uniform};
use super::texts::{BASE62, LOWER36, UPPER26, amount, code, pick, tracking};

/// Brands and agencies phishing pretends to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScamBrand {
    /// Kasikornbank.
    KBank,
    /// Siam Commercial Bank.
    Scb,
    /// Krungthai Bank.
    Krungthai,
    /// Thailand Post.
    ThaiPost,
    /// The Revenue Department.
    Revenue,
    /// The Provincial Electricity Authority.
    Pea,
}

/// Every brand phishing uses, for casting.
pub(super) const SCAM_BRANDS: [ScamBrand; 6] = [
    ScamBrand::KBank,
    ScamBrand::Scb,
    ScamBrand::Krungthai,
    ScamBrand::ThaiPost,
    ScamBrand::Revenue,
    ScamBrand::Pea,
];

/// How a campaign's own domain hides where it leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Disguise {
    /// The brand's name with words around it: `kbank-secure-th.com`.
    Keyword,
    /// The real domain misspelt: `kasikornbamk.com`.
    Typo,
    /// The real name with a letter from another script: `kasikоrnbank.com`.
    Homoglyph,
    /// The real domain in front of another: `kasikornbank.com-verify.info`.
    Prefix,
    /// A domain with no trace of the brand.
    Unrelated,
}

/// Every disguise, for casting.
pub(super) const DISGUISES: [Disguise; 5] = [
    Disguise::Keyword,
    Disguise::Typo,
    Disguise::Homoglyph,
    Disguise::Prefix,
    Disguise::Unrelated,
];

/// A phishing campaign: one lure, varied per message.
#[derive(Debug, Clone, Copy)]
pub(super) struct Campaign {
    /// Who the messages pretend to come from.
    pub(super) brand: ScamBrand,
    /// Share of messages in Thai.
    pub(super) thai: f64,
    /// Share of links through URL shorteners rather than the campaign's domain.
    pub(super) shortened: f64,
    /// How the campaign's domain hides.
    pub(super) disguise: Disguise,
    /// Share of messages that name the brand.
    pub(super) named: f64,
}

impl Campaign {
    /// A campaign for `brand` with the rest drawn at random.
    pub(super) fn draw(rng: &mut Rand, brand: ScamBrand) -> Self {
        Campaign {
            brand,
            thai: uniform(rng, 0.3, 0.9),
            shortened: [0.0, 0.5, 1.0][index(rng, 3)],
            disguise: DISGUISES[index(rng, DISGUISES.len())],
            named: if chance(rng, 0.6) {
                1.0
            } else {
                uniform(rng, 0.3, 0.8)
            },
        }
    }
}

impl ScamBrand {
    fn domain(self, disguise: Disguise) -> &'static str {
        use Disguise::*;
        use ScamBrand::*;
        match (self, disguise) {
            (KBank, Keyword) => "kbank-secure-th.com",
            (KBank, Typo) => "kasikornbamk.com",
            (KBank, Homoglyph) => "kasik\u{43e}rnbank.com",
            (KBank, Prefix) => "kasikornbank.com-verify.info",
            (KBank, Unrelated) => "th-account-verify.top",
            (Scb, Keyword) => "scb-th.support",
            (Scb, Typo) => "scbeasy.co",
            (Scb, Homoglyph) => "\u{455}cbeasy.com",
            (Scb, Prefix) => "scb.co.th.secure-login.cc",
            (Scb, Unrelated) => "easy-refund.online",
            (Krungthai, Keyword) => "krungthai-verify.com",
            (Krungthai, Typo) => "krungthal.com",
            (Krungthai, Homoglyph) => "krungth\u{430}i.com",
            (Krungthai, Prefix) => "krungthai.com.card-cancel.net",
            (Krungthai, Unrelated) => "card-cancel-th.xyz",
            (ThaiPost, Keyword) => "thaipost-delivery.top",
            (ThaiPost, Typo) => "thailandpots.com",
            (ThaiPost, Homoglyph) => "thailandp\u{43e}st.com",
            (ThaiPost, Prefix) => "thailandpost.co.th.redelivery.top",
            (ThaiPost, Unrelated) => "parcel-redelivery.top",
            (Revenue, Keyword) => "rd-taxrefund-th.com",
            (Revenue, Typo) => "rd.go.tn",
            (Revenue, Homoglyph) => "rd-g\u{43e}-th.com",
            (Revenue, Prefix) => "rd.go.th.tax-refund.live",
            (Revenue, Unrelated) => "tax-refund-2026.online",
            (Pea, Keyword) => "pea-billing.top",
            (Pea, Typo) => "pea.com.th",
            (Pea, Homoglyph) => "p\u{435}a-bill.com",
            (Pea, Prefix) => "pea.co.th.billing-center.top",
            (Pea, Unrelated) => "bill-payment-th.top",
        }
    }

    /// How a message names its sender, in English and in Thai.
    fn tags(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            ScamBrand::KBank => (&["KBank: ", "[KBank] "], &["KBank แจ้งเตือน: ", "กสิกรไทย: "]),
            ScamBrand::Scb => (&["SCB: ", "SCB EASY: "], &["SCB: ", "ไทยพาณิชย์: "]),
            ScamBrand::Krungthai => (&["Krungthai: ", "KTB: "], &["กรุงไทย: ", "KTB: "]),
            ScamBrand::ThaiPost => (&["Thai Post: ", "THAILAND POST: "], &["ไปรษณีย์ไทย: "]),
            ScamBrand::Revenue => (&["Revenue Department: "], &["กรมสรรพากร: "]),
            ScamBrand::Pea => (&["PEA: "], &["PEA: ", "กฟภ.: "]),
        }
    }

    /// The lure, without the brand's name, in English and in Thai; `{amt}`,
    /// `{trk}` and `{card}` are filled per message.
    fn lures(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            ScamBrand::KBank => (
                &[
                    "Your account has been temporarily suspended due to unusual activity. Verify within 24 hrs: ",
                    "Unusual sign-in to your mobile banking. If this was not you, secure your account now: ",
                ],
                &[
                    "บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตนภายใน 24 ชม. ",
                    "ตรวจพบการเข้าสู่ระบบผิดปกติ หากไม่ใช่ท่านกรุณาตรวจสอบ ",
                ],
            ),
            ScamBrand::Scb => (
                &[
                    "You have a pending refund of {amt} THB. Confirm your details at ",
                    "Your credit limit can be raised to {amt} THB. Accept the offer here ",
                ],
                &[
                    "ท่านได้รับสิทธิ์สินเชื่อ {amt} บาท ดอกเบี้ย 0% ลงทะเบียน ",
                    "ยอดเงินคืน {amt} บาท รอการยืนยัน กดรับที่ ",
                ],
            ),
            ScamBrand::Krungthai => (
                &[
                    "A charge of {amt} THB was made on your card. If this was not you, cancel here ",
                    "Your card ending {card} is on hold. Reactivate today: ",
                ],
                &[
                    "มีการทำรายการ {amt} บาท จากบัญชีของท่าน หากไม่ใช่ท่านกรุณายกเลิกที่ ",
                    "บัตรลงท้าย {card} ของท่านถูกระงับ กรุณายืนยันข้อมูลที่ ",
                ],
            ),
            ScamBrand::ThaiPost => (
                &[
                    "Your parcel {trk} could not be delivered (incomplete address). Update within 12h: ",
                    "Parcel {trk} is held at the depot. Pay the 25 THB redelivery fee: ",
                ],
                &[
                    "พัสดุ {trk} ของท่านจัดส่งไม่สำเร็จ กรุณาอัปเดตที่อยู่ ",
                    "พัสดุ {trk} ถูกพักไว้ที่คลัง ชำระค่าจัดส่งใหม่ 25 บาท ",
                ],
            ),
            ScamBrand::Revenue => (
                &[
                    "You are eligible for a tax refund of {amt} THB. Claim now: ",
                    "Your {amt} THB tax refund expires today. Submit your bank account: ",
                ],
                &[
                    "ท่านได้รับเงินคืนภาษี {amt} บาท กรุณายืนยันบัญชีรับเงินที่ ",
                    "คืนภาษี {amt} บาท หมดเขตวันนี้ ลงทะเบียนที่ ",
                ],
            ),
            ScamBrand::Pea => (
                &[
                    "Your electricity bill is overdue. Power will be cut today at 17:00. Pay now ",
                    "Final notice: unpaid bill of {amt} THB. Avoid disconnection: ",
                ],
                &[
                    "ค่าไฟฟ้าของท่านค้างชำระ จะถูกงดจ่ายไฟวันนี้ 17.00 น. ชำระทันที ",
                    "แจ้งเตือนครั้งสุดท้าย ค้างชำระ {amt} บาท ชำระที่ ",
                ],
            ),
        }
    }

    /// Amounts the lure quotes, in baht.
    fn amounts(self) -> (u32, u32) {
        match self {
            ScamBrand::KBank | ScamBrand::Krungthai => (900, 25_000),
            ScamBrand::Scb => (1_500, 90_000),
            ScamBrand::ThaiPost => (25, 26),
            ScamBrand::Revenue => (1_200, 15_000),
            ScamBrand::Pea => (200, 4_000),
        }
    }
}

/// Appends `lure` with its blanks filled.
fn fill(rng: &mut Rand, brand: ScamBrand, lure: &str, out: &mut String) {
    let mut rest = lure;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = start + rest[start..].find('}').expect("lures close their blanks");
        match &rest[start..=end] {
            "{amt}" => {
                let (lo, hi) = brand.amounts();
                amount(rng, out, lo, hi);
            }
            "{trk}" => tracking(rng, out),
            _ => {
                let _ = write!(out, "{:04}", rng.random_range(0..10_000u32));
            }
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
}

/// URL shorteners phishing uses: the link's start, and the length and
/// characters of its code.
const SHORTENERS: [(&str, usize, &[u8]); 4] = [
    ("https://bit.ly/", 7, BASE62),
    ("https://tinyurl.com/", 8, LOWER36),
    ("https://cutt.ly/", 7, BASE62),
    ("https://s.id/", 5, BASE62),
];

fn scam_link(rng: &mut Rand, campaign: &Campaign, out: &mut String) {
    if chance(rng, campaign.shortened) {
        let (start, len, alphabet) = SHORTENERS[index(rng, SHORTENERS.len())];
        out.push_str(start);
        code(rng, out, len, alphabet);
        return;
    }
    out.push_str(match index(rng, 5) {
        0 => "http://",
        1 => "",
        _ => "https://",
    });
    out.push_str(campaign.brand.domain(campaign.disguise));
    match index(rng, 3) {
        0 => {
            out.push('/');
            code(rng, out, 6, LOWER36);
        }
        1 => {
            let _ = write!(out, "/verify?id={}", rng.random_range(10_000..99_999u32));
        }
        _ => {
            out.push_str("/th/");
            code(rng, out, 4, LOWER36);
        }
    }
}

/// One message of `campaign`.
pub(super) fn smish(rng: &mut Rand, campaign: &Campaign, out: &mut String) {
    out.clear();
    let thai = chance(rng, campaign.thai);
    if chance(rng, 0.2) {
        out.push_str(pick(rng, &["[แจ้งเตือน] ", "(ด่วน) ", "URGENT: ", "** "]));
    }
    let (tags, lures) = {
        let (en_tags, th_tags) = campaign.brand.tags();
        let (en, th) = campaign.brand.lures();
        if thai { (th_tags, th) } else { (en_tags, en) }
    };
    if chance(rng, campaign.named) {
        out.push_str(pick(rng, tags));
    }
    let lure = pick(rng, lures);
    fill(rng, campaign.brand, lure, out);
    scam_link(rng, campaign, out);
    if chance(rng, 0.15) {
        match index(rng, 3) {
            0 => out.push_str(" ขอบคุณค่ะ"),
            1 => out.push_str(" Thank you."),
            _ => {
                out.push_str(" Ref: ");
                code(rng, out, 5, UPPER26);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn every_blank_is_filled_and_every_message_links() {
        let mut rng = Rand::seed_from_u64(7);
        let mut out = String::new();
        for brand in SCAM_BRANDS {
            for disguise in DISGUISES {
                let campaign = Campaign {
                    brand,
                    thai: 0.5,
                    shortened: 0.3,
                    disguise,
                    named: 0.5,
                };
                for _ in 0..40 {
                    smish(&mut rng, &campaign, &mut out);
                    assert!(!out.contains('{') && !out.contains('}'), "{out}");
                    assert!(out.contains('/'), "no link in {out}");
                }
            }
        }
    }

    #[test]
    fn a_campaign_words_its_lure_more_than_one_way() {
        let mut rng = Rand::seed_from_u64(8);
        let campaign = Campaign::draw(&mut rng, ScamBrand::ThaiPost);
        let mut out = String::new();
        let openings: std::collections::HashSet<String> = (0..200)
            .map(|_| {
                smish(&mut rng, &campaign, &mut out);
                out.chars().take(12).collect()
            })
            .collect();
        assert!(openings.len() >= 3, "{openings:?}");
    }
}
