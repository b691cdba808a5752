//! SMS bodies: chat, one-time passwords, notices and telemetry, and the
//! pieces phishing texts share with them (see `phish` for those).
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
pub(super) const BASE62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/// Characters of lower-case link paths.
pub(super) const LOWER36: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// Characters of reference codes.
pub(super) const UPPER26: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

pub(super) fn pick<'a>(rng: &mut Rand, items: &[&'a str]) -> &'a str {
    items[index(rng, items.len())]
}

/// Appends `n` random characters of `alphabet`.
pub(super) fn code(rng: &mut Rand, out: &mut String, n: usize, alphabet: &[u8]) {
    for _ in 0..n {
        out.push(char::from(alphabet[index(rng, alphabet.len())]));
    }
}

/// Appends a random amount in baht like "1,234.50".
pub(super) fn amount(rng: &mut Rand, out: &mut String, lo: u32, hi: u32) {
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
pub(super) fn tracking(rng: &mut Rand, out: &mut String) {
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
