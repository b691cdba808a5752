//! Telephone numbers, equipment identities and the ways switches write them.
//!
//! A number is kept as (country code, national significant number) and only
//! written out per record, in one of the forms real mediation systems emit:
//! E.164 with or without '+', international "00…" or Thai national "0…".
//! The national numbering plans below keep every number valid-looking for its
//! country, so rules can lean on prefixes and lengths as they would in production.

use rand::Rng;

use super::dist::{Rand, index};
use super::json::{push_padded, push_u64};

/// Thailand's country code.
pub(super) const TH: u16 = 66;

/// A telephone number: country code and national significant number (NSN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Number {
    /// Country calling code, e.g. 66.
    pub(super) cc: u16,
    /// Digits of the NSN; it never starts with 0.
    pub(super) len: u8,
    /// The NSN as an integer.
    pub(super) nsn: u64,
}

/// How a number is written in one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fmt {
    /// `+66812345678`.
    Plus,
    /// `66812345678`.
    Bare,
    /// `0066812345678`.
    Intl,
    /// `0812345678`; Thai numbers only (others fall back to `Plus`).
    National,
}

/// Who wrote the number, which decides the usual mix of formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// A-number of our own subscriber, as our switches write it.
    Subscriber,
    /// B-number as dialled.
    Dialled,
    /// A-number received from another operator's network.
    Interconnect,
    /// A forged Thai A-number arriving from abroad.
    Spoofed,
    /// A-number of our subscriber roaming abroad, as the visited network sends it.
    Roamer,
}

impl Number {
    /// A Thai number.
    pub(super) const fn thai(nsn: u64, len: u8) -> Self {
        Number { cc: TH, len, nsn }
    }

    /// A key unique to the number, for sets and maps.
    pub(super) fn key(self) -> u64 {
        u64::from(self.cc) * 10_000_000_000_000 + self.nsn
    }

    /// The number `k` places further in its range.
    pub(super) fn offset(self, k: u64) -> Self {
        Number {
            nsn: self.nsn + k,
            ..self
        }
    }

    /// E.164 with a leading '+', as the labels write it.
    pub(super) fn e164(self) -> String {
        format!(
            "+{}{:0width$}",
            self.cc,
            self.nsn,
            width = usize::from(self.len)
        )
    }

    /// Appends the number written as `fmt`.
    pub(super) fn write(self, out: &mut Vec<u8>, fmt: Fmt) {
        match fmt {
            Fmt::National if self.cc == TH => out.push(b'0'),
            Fmt::Plus | Fmt::National => {
                out.push(b'+');
                push_u64(out, u64::from(self.cc));
            }
            Fmt::Bare => push_u64(out, u64::from(self.cc)),
            Fmt::Intl => {
                out.extend_from_slice(b"00");
                push_u64(out, u64::from(self.cc));
            }
        }
        push_padded(out, self.nsn, usize::from(self.len));
    }
}

/// Picks how a number written by `style` appears in one record.
pub(super) fn pick_fmt(rng: &mut Rand, number: Number, style: Style) -> Fmt {
    let u = rng.random::<f64>();
    let cuts: [(f64, Fmt); 4] = if number.cc != TH {
        match style {
            Style::Dialled => [
                (0.60, Fmt::Plus),
                (0.90, Fmt::Intl),
                (1.0, Fmt::Bare),
                (1.0, Fmt::Bare),
            ],
            _ => [
                (0.80, Fmt::Plus),
                (0.92, Fmt::Intl),
                (1.0, Fmt::Bare),
                (1.0, Fmt::Bare),
            ],
        }
    } else {
        match style {
            Style::Subscriber => [
                (0.78, Fmt::Plus),
                (0.90, Fmt::Bare),
                (0.98, Fmt::National),
                (1.0, Fmt::Intl),
            ],
            Style::Dialled => [
                (0.62, Fmt::Plus),
                (0.86, Fmt::National),
                (0.98, Fmt::Bare),
                (1.0, Fmt::Intl),
            ],
            Style::Interconnect => [
                (0.55, Fmt::Plus),
                (0.85, Fmt::National),
                (1.0, Fmt::Bare),
                (1.0, Fmt::Bare),
            ],
            Style::Spoofed => [
                (0.45, Fmt::National),
                (0.85, Fmt::Plus),
                (1.0, Fmt::Bare),
                (1.0, Fmt::Bare),
            ],
            Style::Roamer => [
                (0.70, Fmt::Plus),
                (0.85, Fmt::National),
                (1.0, Fmt::Bare),
                (1.0, Fmt::Bare),
            ],
        }
    };
    cuts.iter()
        .find(|(cut, _)| u < *cut)
        .map_or(Fmt::Plus, |&(_, fmt)| fmt)
}

/// Digits drawn uniformly: `n` of them, as an integer below `10^n`.
fn digits(rng: &mut Rand, n: u32) -> u64 {
    rng.random_range(0..10u64.pow(n))
}

fn pick<T: Copy>(rng: &mut Rand, items: &[T]) -> T {
    items[index(rng, items.len())]
}

/// A Thai mobile NSN: 9 digits starting 6, 8 or 9.
pub(super) fn thai_mobile(rng: &mut Rand) -> Number {
    let first = pick(rng, &[6u64, 8, 8, 8, 9, 9, 9]);
    Number::thai(first * 100_000_000 + digits(rng, 8), 9)
}

/// A Thai fixed-line NSN: 8 digits, Bangkok "2…" or a provincial area code.
pub(super) fn thai_landline(rng: &mut Rand) -> Number {
    if rng.random::<f64>() < 0.55 {
        return Number::thai(20_000_000 + digits(rng, 7), 8);
    }
    let area = pick(
        rng,
        &[
            32u64, 34, 35, 36, 38, 39, 42, 43, 44, 45, 53, 54, 55, 73, 74, 76, 77,
        ],
    );
    Number::thai(area * 1_000_000 + digits(rng, 6), 8)
}

/// A Bangkok fixed-line number, as banks and agencies use.
pub(super) fn bangkok_landline(rng: &mut Rand) -> Number {
    Number::thai(20_000_000 + digits(rng, 7), 8)
}

/// Countries whose numbers appear in the traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Country {
    /// +95, many migrant workers in Thailand.
    Myanmar,
    /// +855.
    Cambodia,
    /// +856.
    Laos,
    /// +86.
    China,
    /// +65.
    Singapore,
    /// +60.
    Malaysia,
    /// +81.
    Japan,
    /// +82.
    Korea,
    /// +1.
    Usa,
    /// +44.
    Uk,
    /// +61.
    Australia,
    /// +91.
    India,
    /// +63.
    Philippines,
    /// +252, a favourite of wangiri.
    Somalia,
    /// +216.
    Tunisia,
    /// +373.
    Moldova,
    /// +882 16, Thuraya satellite phones.
    Thuraya,
    /// +881 6/7, Iridium satellite phones.
    Iridium,
}

/// Where Thai subscribers' friends and family abroad live, weighted.
pub(super) const DIASPORA: [Country; 20] = [
    Country::Myanmar,
    Country::Myanmar,
    Country::Myanmar,
    Country::Myanmar,
    Country::Myanmar,
    Country::Cambodia,
    Country::Cambodia,
    Country::Cambodia,
    Country::Laos,
    Country::Laos,
    Country::Laos,
    Country::China,
    Country::China,
    Country::Singapore,
    Country::Malaysia,
    Country::Japan,
    Country::Korea,
    Country::Usa,
    Country::Uk,
    Country::Australia,
];

/// Ranges wangiri callers favour.
pub(super) const WANGIRI: [Country; 5] = [
    Country::Somalia,
    Country::Tunisia,
    Country::Moldova,
    Country::Thuraya,
    Country::Iridium,
];

/// Where overseas help desks sit.
pub(super) const SERVICE_DESKS: [Country; 6] = [
    Country::Singapore,
    Country::Malaysia,
    Country::India,
    Country::Philippines,
    Country::Usa,
    Country::Uk,
];

impl Country {
    /// The country calling code.
    pub(super) fn cc(self) -> u16 {
        match self {
            Country::Myanmar => 95,
            Country::Cambodia => 855,
            Country::Laos => 856,
            Country::China => 86,
            Country::Singapore => 65,
            Country::Malaysia => 60,
            Country::Japan => 81,
            Country::Korea => 82,
            Country::Usa => 1,
            Country::Uk => 44,
            Country::Australia => 61,
            Country::India => 91,
            Country::Philippines => 63,
            Country::Somalia => 252,
            Country::Tunisia => 216,
            Country::Moldova => 373,
            Country::Thuraya => 882,
            Country::Iridium => 881,
        }
    }

    /// A mobile number valid-looking for the country's numbering plan.
    pub(super) fn mobile(self, rng: &mut Rand) -> Number {
        let (nsn, len) = match self {
            // 09 + 7..9 digits nationally; most are now 10-digit NSNs (9 + 9 digits).
            Country::Myanmar => {
                if rng.random::<f64>() < 0.8 {
                    let op = pick(
                        rng,
                        &[
                            25u64, 26, 40, 42, 44, 45, 65, 67, 69, 75, 76, 77, 78, 79, 95, 96, 97,
                        ],
                    );
                    (9_000_000_000 + op * 10_000_000 + digits(rng, 7), 10)
                } else {
                    (950_000_000 + digits(rng, 7), 9)
                }
            }
            // 8-digit NSNs for most prefixes, 9 digits for 31, 38, 60, 66-68, 71, 88, 90, 96, 97.
            Country::Cambodia => {
                if rng.random::<f64>() < 0.55 {
                    let op = pick(
                        rng,
                        &[
                            10u64, 11, 12, 15, 16, 17, 61, 69, 70, 76, 77, 78, 81, 85, 86, 89, 92,
                            93, 95, 98, 99,
                        ],
                    );
                    (op * 1_000_000 + digits(rng, 6), 8)
                } else {
                    let op = pick(rng, &[31u64, 38, 60, 66, 67, 68, 71, 88, 90, 96, 97]);
                    (op * 10_000_000 + digits(rng, 7), 9)
                }
            }
            // 020 + 8 digits nationally.
            Country::Laos => {
                let op = pick(
                    rng,
                    &[
                        22u64, 23, 25, 26, 27, 28, 29, 55, 56, 58, 59, 77, 78, 91, 92, 95, 96, 97,
                        98, 99,
                    ],
                );
                (2_000_000_000 + op * 1_000_000 + digits(rng, 6), 10)
            }
            // 11-digit mobiles 13x-19x.
            Country::China => {
                let second = pick(rng, &[3u64, 3, 3, 5, 5, 5, 7, 8, 8, 8, 9, 6, 4]);
                (10_000_000_000 + second * 1_000_000_000 + digits(rng, 9), 11)
            }
            Country::Singapore => (pick(rng, &[8u64, 9]) * 10_000_000 + digits(rng, 7), 8),
            // 01x + 7 digits, or 011 + 8 digits.
            Country::Malaysia => {
                if rng.random::<f64>() < 0.8 {
                    let op = pick(rng, &[10u64, 12, 13, 14, 16, 17, 18, 19]);
                    (op * 10_000_000 + digits(rng, 7), 9)
                } else {
                    (1_100_000_000 + digits(rng, 8), 10)
                }
            }
            Country::Japan => (
                pick(rng, &[70u64, 80, 90]) * 100_000_000 + digits(rng, 8),
                10,
            ),
            Country::Korea => (1_000_000_000 + digits(rng, 8), 10),
            Country::Usa => (north_american(rng), 10),
            Country::Uk => (
                7_000_000_000 + pick(rng, &[4u64, 5, 7, 8, 9]) * 100_000_000 + digits(rng, 8),
                10,
            ),
            Country::Australia => (400_000_000 + digits(rng, 8), 9),
            Country::India => (
                pick(rng, &[6u64, 7, 8, 9]) * 1_000_000_000 + digits(rng, 9),
                10,
            ),
            Country::Philippines => (
                9_000_000_000 + pick(rng, &[5u64, 6, 7, 9]) * 100_000_000 + digits(rng, 8),
                10,
            ),
            // Hormuud 61, Somtel 62/65, Golis 90: 9-digit NSNs.
            Country::Somalia => (
                pick(rng, &[61u64, 62, 63, 65, 68, 90]) * 10_000_000 + digits(rng, 7),
                9,
            ),
            // Mobiles start 2, 4, 5 or 9: 8-digit NSNs.
            Country::Tunisia => (pick(rng, &[2u64, 4, 5, 9]) * 10_000_000 + digits(rng, 7), 8),
            // Mobiles 6x and 7x: 8-digit NSNs.
            Country::Moldova => (
                pick(rng, &[60u64, 67, 68, 69, 78, 79]) * 1_000_000 + digits(rng, 6),
                8,
            ),
            Country::Thuraya => (1_600_000_000 + digits(rng, 8), 10),
            Country::Iridium => (pick(rng, &[6u64, 7]) * 100_000_000 + digits(rng, 8), 9),
        };
        Number {
            cc: self.cc(),
            len,
            nsn,
        }
    }

    /// An office number, as help desks call from.
    pub(super) fn office(self, rng: &mut Rand) -> Number {
        let (nsn, len) = match self {
            Country::Singapore => (60_000_000 + digits(rng, 7), 8),
            Country::Malaysia => (300_000_000 + digits(rng, 8), 9),
            Country::India => (
                pick(rng, &[11u64, 20, 22, 40, 80]) * 100_000_000 + digits(rng, 8),
                10,
            ),
            Country::Philippines => (280_000_000 + digits(rng, 7), 9),
            Country::Usa => {
                let npa = pick(rng, &[800u64, 833, 844, 855, 866, 877, 888]);
                (
                    npa * 10_000_000 + (2 + digits(rng, 1) % 8) * 1_000_000 + digits(rng, 6),
                    10,
                )
            }
            Country::Uk => {
                if rng.random::<f64>() < 0.7 {
                    (2_000_000_000 + digits(rng, 8), 10)
                } else {
                    (pick(rng, &[121u64, 161]) * 10_000_000 + digits(rng, 7), 10)
                }
            }
            Country::Japan => (300_000_000 + digits(rng, 8), 9),
            Country::Australia => (pick(rng, &[2u64, 3]) * 100_000_000 + digits(rng, 8), 9),
            other => return other.mobile(rng),
        };
        Number {
            cc: self.cc(),
            len,
            nsn,
        }
    }
}

/// A North American number NPA-NXX-XXXX with valid leading digits.
fn north_american(rng: &mut Rand) -> u64 {
    let npa = pick(
        rng,
        &[
            212u64, 213, 312, 415, 646, 702, 718, 808, 917, 206, 305, 408,
        ],
    );
    let nxx = 200 + digits(rng, 3) % 800;
    npa * 10_000_000 + nxx * 10_000 + digits(rng, 4)
}

/// Type allocation codes of common handsets.
pub(super) const PHONE_TACS: [u32; 14] = [
    35325211, 35391811, 35467111, 35693311, 35209911, 35886410, 86769704, 86013605, 86889705,
    35942512, 86480404, 35615712, 86258106, 35124075,
];
/// Type allocation codes of GSM/LTE modules, as in IoT devices and SIM gateways.
pub(super) const MODULE_TACS: [u32; 6] =
    [86107403, 86358604, 86622205, 86071903, 35916605, 86433203];

/// A 15-digit IMEI: 8-digit TAC, 6-digit serial and Luhn check digit.
pub(super) fn imei(tac: u32, serial: u32) -> u64 {
    let body = u64::from(tac) * 1_000_000 + u64::from(serial % 1_000_000);
    let mut sum = 0;
    let mut rest = body;
    // From the right of the 14-digit body, every first digit is doubled.
    for i in 0..14 {
        let d = rest % 10;
        rest /= 10;
        sum += if i % 2 == 0 {
            let dd = d * 2;
            dd / 10 + dd % 10
        } else {
            d
        };
    }
    body * 10 + (10 - sum % 10) % 10
}

/// A random handset IMEI.
pub(super) fn phone_imei(rng: &mut Rand) -> u64 {
    imei(pick(rng, &PHONE_TACS), rng.random_range(0..1_000_000))
}

/// A random module IMEI.
pub(super) fn module_imei(rng: &mut Rand) -> u64 {
    imei(pick(rng, &MODULE_TACS), rng.random_range(0..1_000_000))
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::Country::*;
    use super::*;

    fn luhn_ok(mut n: u64) -> bool {
        let mut sum = 0;
        for i in 0..15 {
            let d = n % 10;
            n /= 10;
            sum += if i % 2 == 1 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            };
        }
        sum % 10 == 0
    }

    #[test]
    fn imeis_carry_their_check_digit() {
        assert_eq!(imei(35_209_900, 176_148), 352_099_001_761_481);
        let mut rng = Rand::seed_from_u64(3);
        for _ in 0..1000 {
            let phone = phone_imei(&mut rng);
            let module = module_imei(&mut rng);
            assert!(luhn_ok(phone) && luhn_ok(module), "{phone} {module}");
            assert_eq!(
                (phone.to_string().len(), module.to_string().len()),
                (15, 15)
            );
        }
    }

    #[test]
    fn formats() {
        let n = Number::thai(812_345_678, 9);
        let written = [Fmt::Plus, Fmt::Bare, Fmt::Intl, Fmt::National].map(|fmt| {
            let mut out = Vec::new();
            n.write(&mut out, fmt);
            String::from_utf8_lossy(&out).into_owned()
        });
        assert_eq!(
            written,
            ["+66812345678", "66812345678", "0066812345678", "0812345678"]
        );
        let foreign = Number {
            cc: 855,
            len: 8,
            nsn: 12_345_678,
        };
        let mut out = Vec::new();
        foreign.write(&mut out, Fmt::National);
        assert_eq!(String::from_utf8_lossy(&out), "+85512345678");
        assert_eq!(foreign.e164(), "+85512345678");
    }

    #[test]
    fn numbers_fit_their_numbering_plans() {
        let mut rng = Rand::seed_from_u64(1);
        let expect: [(Country, &[u8]); 18] = [
            (Myanmar, &[9, 10]),
            (Cambodia, &[8, 9]),
            (Laos, &[10]),
            (China, &[11]),
            (Singapore, &[8]),
            (Malaysia, &[9, 10]),
            (Japan, &[10]),
            (Korea, &[10]),
            (Usa, &[10]),
            (Uk, &[10]),
            (Australia, &[9]),
            (India, &[10]),
            (Philippines, &[10]),
            (Somalia, &[9]),
            (Tunisia, &[8]),
            (Moldova, &[8]),
            (Thuraya, &[10]),
            (Iridium, &[9]),
        ];
        for (country, lengths) in expect {
            for _ in 0..300 {
                let mobile = country.mobile(&mut rng);
                let office = country.office(&mut rng);
                assert!(lengths.contains(&mobile.len), "{country:?} {mobile:?}");
                for number in [mobile, office] {
                    let digits = number.e164().len() - 1 - number.cc.to_string().len();
                    assert_eq!(digits, usize::from(number.len), "{country:?} {number:?}");
                    let low = 10u64.pow(u32::from(number.len) - 1);
                    assert!(number.nsn >= low && number.nsn < low * 10, "{number:?}");
                }
            }
        }
        for _ in 0..300 {
            let china = China.mobile(&mut rng).nsn;
            assert!((13_000_000_000..20_000_000_000).contains(&china), "{china}");
            let thai = thai_mobile(&mut rng);
            assert!(
                matches!(thai.nsn / 100_000_000, 6 | 8 | 9) && thai.len == 9,
                "{thai:?}"
            );
            let fixed = thai_landline(&mut rng);
            assert!(
                (20_000_000..80_000_000).contains(&fixed.nsn) && fixed.len == 8,
                "{fixed:?}"
            );
        }
    }
}
