//! SMS bodies: chat, one-time passwords, notices, telemetry and phishing.
//!
//! Benign and fraudulent texts deliberately overlap: banks send OTPs,
//! couriers send tracking links, shops send shortened links, while phishing
//! borrows the same brands. What gives phishing away is the look-alike or
//! shortened link in a bank's or agency's name, and one template repeated
//! with small variations across many strangers.

use std::fmt::Write as _;

use rand::Rng;

use super::dist::{Rand, chance, index};

/// Characters of link codes.
const BASE62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/// Characters of lower-case link paths.
const LOWER36: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// Characters of reference codes.
const UPPER26: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn pick<'a>(rng: &mut Rand, items: &[&'a str]) -> &'a str {
    items[index(rng, items.len())]
}

/// Appends `n` random characters of `alphabet`.
fn code(rng: &mut Rand, out: &mut String, n: usize, alphabet: &[u8]) {
    for _ in 0..n {
        out.push(char::from(alphabet[index(rng, alphabet.len())]));
    }
}

/// Appends a random amount in baht like "1,234.50".
fn amount(rng: &mut Rand, out: &mut String, lo: u32, hi: u32) {
    let baht = rng.random_range(lo..hi);
    let satang = if chance(rng, 0.5) {
        0
    } else {
        rng.random_range(0..100)
    };
    if baht >= 1000 {
        let _ = write!(out, "{},{:03}.{satang:02}", baht / 1000, baht % 1000);
    } else {
        let _ = write!(out, "{baht}.{satang:02}");
    }
}

/// A Thai Post tracking number like "EF123456789TH".
fn tracking(rng: &mut Rand, out: &mut String) {
    out.push_str(pick(rng, &["EF", "EK", "EB", "ED", "RB", "EX"]));
    let _ = write!(out, "{:09}TH", rng.random_range(0..1_000_000_000u32));
}

const CHAT: [&str; 30] = [
    "ถึงบ้านยัง",
    "กินข้าวยัง",
    "เดี๋ยวโทรกลับนะ",
    "โอเค",
    "ได้เลย",
    "555",
    "ขอบคุณนะ",
    "พรุ่งนี้เจอกันกี่โมง",
    "รถติดมาก ไปสายหน่อยนะ",
    "ฝากซื้อน้ำด้วย",
    "โอนเงินแล้วนะ",
    "ส่งตำแหน่งให้หน่อย",
    "ถึงแล้ว อยู่หน้าเซเว่น",
    "วันนี้ไม่ว่าง ไว้วันหลังนะ",
    "แม่ให้โทรกลับด่วน",
    "ok",
    "On my way",
    "Call me when you're free",
    "See you at 7",
    "Running late, sorry",
    "Thanks!",
    "Happy birthday!! 🎂",
    "Where are you?",
    "Meeting moved to 3pm",
    "Can you send me the file?",
    "Dinner tonight?",
    "Got it 👍",
    "I'm outside",
    "Miss you",
    "Sorry, in a meeting. Call you later",
];

const REPLIES: [&str; 12] = [
    "ok",
    "โอเค",
    "ได้",
    "👍",
    "รับทราบ",
    "Sure",
    "ครับ",
    "ค่ะ",
    "5555",
    "Yes",
    "ไม่ว่าง เดี๋ยวโทรกลับ",
    "On it",
];

/// A message between friends; one in twenty shares a link.
pub(super) fn casual(rng: &mut Rand, out: &mut String) {
    out.clear();
    if chance(rng, 0.05) {
        match index(rng, 4) {
            0 => {
                out.push_str("ดูอันนี้ https://youtu.be/");
                code(rng, out, 11, BASE62);
            }
            1 => {
                out.push_str("Here: https://maps.app.goo.gl/");
                code(rng, out, 17, BASE62);
            }
            2 => {
                out.push_str("https://vt.tiktok.com/ZS");
                code(rng, out, 7, BASE62);
                out.push('/');
            }
            _ => {
                out.push_str("แอดไลน์ร้านนี้ https://lin.ee/");
                code(rng, out, 7, BASE62);
            }
        }
        return;
    }
    out.push_str(pick(rng, &CHAT));
}

/// A short answer to a friend.
pub(super) fn reply(rng: &mut Rand, out: &mut String) {
    out.clear();
    out.push_str(pick(rng, &REPLIES));
}

/// What someone answers to a message from a stranger.
pub(super) fn puzzled(rng: &mut Rand, out: &mut String) {
    out.clear();
    out.push_str(pick(
        rng,
        &["?", "ใคร", "ใครคะ", "Who is this?", "STOP", "ไม่ได้สมัคร"],
    ));
}

/// Brands that send one-time passwords.
pub(super) const OTP_BRANDS: [&str; 12] = [
    "KBank",
    "SCB",
    "Krungthai",
    "Bangkok Bank",
    "Krungsri",
    "ttb",
    "GSB",
    "LINE",
    "Grab",
    "Shopee",
    "Lazada",
    "TrueMoney",
];

/// A one-time password from `brand`, never with a link.
pub(super) fn otp(rng: &mut Rand, brand: &str, out: &mut String) {
    out.clear();
    let otp = rng.random_range(0..1_000_000u32);
    match index(rng, 5) {
        0 => {
            let _ = write!(out, "{otp:06} is your {brand} OTP. Ref: ");
            code(rng, out, 4, UPPER26);
            out.push_str(". Valid for 5 minutes. Do not share this code.");
        }
        1 => {
            let _ = write!(out, "Your {brand} OTP is {otp:06} (Ref: ");
            code(rng, out, 4, UPPER26);
            out.push(')');
        }
        2 => {
            let _ = write!(out, "รหัส OTP ของคุณคือ {otp:06} (Ref: ");
            code(rng, out, 4, UPPER26);
            out.push_str(") ใช้ภายใน 5 นาที ห้ามบอกรหัสนี้แก่ผู้อื่น");
        }
        3 => {
            let _ = write!(out, "<#> {brand}: {otp:06} คือรหัสยืนยันของคุณ");
        }
        _ => {
            let _ = write!(out, "{brand} verification code: {otp:06}");
        }
    }
}

/// What a notification sender announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Notice {
    /// Thailand Post deliveries, linking to track.thailandpost.co.th.
    ThaiPost,
    /// KEX Express deliveries.
    Kex,
    /// Flash Express deliveries.
    Flash,
    /// Electricity bills from PEA, linking to pea.co.th.
    Pea,
    /// Our own top-up confirmations, no link.
    TopUp,
    /// Bank transfer alerts, no link.
    BankAlert,
    /// Shopee promotions with Shopee's own link shortener.
    ShopeePromo,
    /// Lazada promotions with Lazada's own link shortener.
    LazadaPromo,
}

/// Every notice kind, for casting.
pub(super) const NOTICES: [Notice; 8] = [
    Notice::ThaiPost,
    Notice::Kex,
    Notice::Flash,
    Notice::Pea,
    Notice::TopUp,
    Notice::BankAlert,
    Notice::ShopeePromo,
    Notice::LazadaPromo,
];

/// A notice of `kind`, with the sender's real domain when it links at all.
pub(super) fn notice(rng: &mut Rand, kind: Notice, out: &mut String) {
    out.clear();
    let thai = chance(rng, 0.55);
    match kind {
        Notice::ThaiPost => {
            let mut id = String::with_capacity(13);
            tracking(rng, &mut id);
            if thai {
                let _ = write!(
                    out,
                    "ไปรษณีย์ไทย: พัสดุ {id} อยู่ระหว่างนำจ่าย ติดตามที่ https://track.thailandpost.co.th/?trackNumber={id}"
                );
            } else {
                let _ = write!(
                    out,
                    "Thailand Post: parcel {id} will be delivered today. Track https://track.thailandpost.co.th/?trackNumber={id}"
                );
            }
        }
        Notice::Kex => {
            let id = rng.random_range(0..10_000_000_000u64);
            let _ = write!(
                out,
                "KEX: พัสดุหมายเลข KEX{id:010} จะจัดส่งถึงคุณวันนี้ https://th.kex-express.com/th/track/?track=KEX{id:010}"
            );
        }
        Notice::Flash => {
            let id = rng.random_range(0..10_000_000_000u64);
            let _ = write!(
                out,
                "Flash Express: Your parcel TH{id:010}A is out for delivery. https://www.flashexpress.co.th/fle/tracking?se=TH{id:010}A"
            );
        }
        Notice::Pea => {
            out.push_str("PEA: ค่าไฟฟ้าเดือน ต.ค. 69 จำนวน ");
            amount(rng, out, 200, 4000);
            out.push_str(" บาท ครบกำหนดชำระ 15/11/69 ดูรายละเอียด https://www.pea.co.th");
        }
        Notice::TopUp => {
            out.push_str("Top-up ");
            let topup = [50u32, 100, 100, 150, 200, 300, 500][index(rng, 7)];
            let _ = write!(out, "{topup} THB successful. Balance ");
            amount(rng, out, topup, topup + 400);
            out.push_str(" THB. Valid until 02/12/2026.");
        }
        Notice::BankAlert => {
            let bank = pick(rng, &["KBank", "SCB", "Krungthai", "Bangkok Bank"]);
            let _ = write!(out, "{bank}: Transfer out ");
            amount(rng, out, 20, 20_000);
            let _ = write!(
                out,
                " THB from x{:04} on 02/11/26. Balance ",
                rng.random_range(0..10_000u32)
            );
            amount(rng, out, 100, 90_000);
            out.push_str(" THB");
        }
        Notice::ShopeePromo => {
            out.push_str("Shopee 11.11: โค้ดส่วนลด 50% สำหรับคุณ ใช้ได้ถึง 11 พ.ย. https://shope.ee/");
            code(rng, out, 10, BASE62);
        }
        Notice::LazadaPromo => {
            out.push_str("Lazada 11.11 Biggest Sale ลดสูงสุด 90% ช้อปเลย https://s.lazada.co.th/s.");
            code(rng, out, 5, BASE62);
        }
    }
}

/// A delivery driver announcing arrival.
pub(super) fn driver(rng: &mut Rand, out: &mut String) {
    out.clear();
    let minutes = rng.random_range(5..40u32);
    if chance(rng, 0.6) {
        let _ = write!(out, "ไรเดอร์กำลังไปส่งพัสดุ อีก {minutes} นาทีถึงครับ");
    } else {
        let _ = write!(
            out,
            "Courier: arriving in {minutes} min, please be at home."
        );
    }
}

/// A telemetry report from IoT device `id`.
pub(super) fn telemetry(rng: &mut Rand, id: u32, out: &mut String) {
    out.clear();
    let temp = rng.random_range(220..380u32);
    let hum = rng.random_range(35..90u32);
    let batt = rng.random_range(340..420u32);
    let _ = write!(
        out,
        "ID=IOT-{id:05};T={}.{};H={hum};BAT={}.{:02}V",
        temp / 10,
        temp % 10,
        batt / 100,
        batt % 100
    );
}

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

/// A phishing campaign: one template, varied per message.
#[derive(Debug, Clone, Copy)]
pub(super) struct Campaign {
    /// Who the messages pretend to come from.
    pub(super) brand: ScamBrand,
    /// Share of messages in Thai.
    pub(super) thai: f64,
    /// Share of links through URL shorteners rather than look-alike domains.
    pub(super) shortened: f64,
}

impl ScamBrand {
    fn lookalike_domain(self) -> &'static str {
        match self {
            ScamBrand::KBank => "kbank-secure-th.com",
            ScamBrand::Scb => "scb-th.support",
            ScamBrand::Krungthai => "krungthai-verify.com",
            ScamBrand::ThaiPost => "thaipost-delivery.top",
            ScamBrand::Revenue => "rd-taxrefund-th.com",
            ScamBrand::Pea => "pea-billing.top",
        }
    }
}

fn scam_link(rng: &mut Rand, campaign: &Campaign, out: &mut String) {
    if chance(rng, campaign.shortened) {
        match index(rng, 4) {
            0 => {
                out.push_str("https://bit.ly/");
                code(rng, out, 7, BASE62);
            }
            1 => {
                out.push_str("https://tinyurl.com/");
                code(rng, out, 8, LOWER36);
            }
            2 => {
                out.push_str("https://cutt.ly/");
                code(rng, out, 7, BASE62);
            }
            _ => {
                out.push_str("https://s.id/");
                code(rng, out, 5, BASE62);
            }
        }
    } else {
        out.push_str(if chance(rng, 0.8) {
            "https://"
        } else {
            "http://"
        });
        out.push_str(campaign.brand.lookalike_domain());
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
}

/// One message of `campaign`.
pub(super) fn smish(rng: &mut Rand, campaign: &Campaign, out: &mut String) {
    out.clear();
    let thai = chance(rng, campaign.thai);
    if chance(rng, 0.2) {
        out.push_str(pick(rng, &["[แจ้งเตือน] ", "(ด่วน) ", "URGENT: ", "** "]));
    }
    match (campaign.brand, thai) {
        (ScamBrand::KBank, false) => out.push_str("KBank: Your account has been temporarily suspended due to unusual activity. Verify within 24 hrs: "),
        (ScamBrand::KBank, true) => out.push_str("KBank แจ้งเตือน: บัญชีของท่านถูกระงับชั่วคราว กรุณายืนยันตัวตนภายใน 24 ชม. "),
        (ScamBrand::Scb, false) => {
            out.push_str("SCB: You have a pending refund of ");
            amount(rng, out, 1500, 9000);
            out.push_str(" THB. Confirm your details at ");
        }
        (ScamBrand::Scb, true) => {
            out.push_str("SCB: ท่านได้รับสิทธิ์สินเชื่อ ");
            amount(rng, out, 10_000, 90_000);
            out.push_str(" บาท ดอกเบี้ย 0% ลงทะเบียน ");
        }
        (ScamBrand::Krungthai, false) => {
            out.push_str("Krungthai: A charge of ");
            amount(rng, out, 900, 25_000);
            out.push_str(" THB was made on your card. If this was not you, cancel here ");
        }
        (ScamBrand::Krungthai, true) => {
            out.push_str("กรุงไทย: มีการทำรายการ ");
            amount(rng, out, 900, 25_000);
            out.push_str(" บาท จากบัญชีของท่าน หากไม่ใช่ท่านกรุณายกเลิกที่ ");
        }
        (ScamBrand::ThaiPost, false) => {
            out.push_str("Thai Post: Your parcel ");
            tracking(rng, out);
            out.push_str(" could not be delivered (incomplete address). Update within 12h: ");
        }
        (ScamBrand::ThaiPost, true) => {
            out.push_str("ไปรษณีย์ไทย: พัสดุ ");
            tracking(rng, out);
            out.push_str(" ของท่านจัดส่งไม่สำเร็จ กรุณาอัปเดตที่อยู่ ");
        }
        (ScamBrand::Revenue, false) => {
            out.push_str("Revenue Department: You are eligible for a tax refund of ");
            amount(rng, out, 1200, 15_000);
            out.push_str(" THB. Claim now: ");
        }
        (ScamBrand::Revenue, true) => {
            out.push_str("กรมสรรพากร: ท่านได้รับเงินคืนภาษี ");
            amount(rng, out, 1200, 15_000);
            out.push_str(" บาท กรุณายืนยันบัญชีรับเงินที่ ");
        }
        (ScamBrand::Pea, false) => out.push_str("PEA: Your electricity bill is overdue. Power will be cut today at 17:00. Pay now "),
        (ScamBrand::Pea, true) => out.push_str("PEA: ค่าไฟฟ้าของท่านค้างชำระ จะถูกงดจ่ายไฟวันนี้ 17.00 น. ชำระทันที "),
    }
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
