//! Casting: who plays which part, decided before the first record.
//!
//! Labels must be known up front and only name numbers that really
//! originate traffic, so every look-alike and fraud actor is created here,
//! for the whole run, with a [`Due`] time by which each of its numbers is
//! sure to have originated a record. Look-alikes live through the run;
//! fraud actors come in lanes, one after another, each living for a while
//! (a wangiri burst minutes, a SIM box days) before the next takes over.
//! Counts scale with the number of subscribers, with at least one lane per
//! fraud class and at least three look-alikes of each kind.

use super::benign::{BankCentre, Desk, Dispatcher, Driver, Regular, Roamer};
use super::clock::{MS_PER_HOUR, MS_PER_MIN};
use super::cx::{Active, Behaviour, Due, Recent};
use super::dist::{Rand, between, chance, index, lognormal, uniform};
use super::fraud::{CallCentre, Evasion, ScamSim, Simbox, SimboxSim, Spoofer};
use super::labels::{FraudClass, FraudLabel, LookalikeKind, LookalikeLabel};
use super::notices::{IotFleet, IotSim, Notifier, OtpSender};
use super::numbers::{Country, MODULE_TACS, Number, SERVICE_DESKS, WANGIRI};
use super::phish::{Campaign, SCAM_BRANDS};
use super::population::Population;
use super::sink::{Origin, Route};
use super::smishing::{FarmSim, SmsFarm};
use super::texts::{NOTICES, OTP_BRANDS};
use super::wangiri::Wangiri;
use rand::Rng;

/// Everyone who is not the crowd, with their labels.
#[derive(Default)]
pub(super) struct Cast {
    /// Look-alike and fraud behaviours.
    pub(super) actors: Vec<Box<dyn Behaviour>>,
    /// Labels of fraud numbers.
    pub(super) fraud: Vec<FraudLabel>,
    /// Labels of look-alike numbers.
    pub(super) lookalikes: Vec<LookalikeLabel>,
}

/// The run being cast.
struct Run {
    start_ms: i64,
    end_ms: i64,
    /// Subscribers relative to the default 20 000.
    scale: f64,
}

impl Run {
    /// Count of look-alikes of a kind: `base` per 20 000 subscribers, at least three.
    fn several(&self, base: f64) -> usize {
        ((base * self.scale).round() as usize).max(3)
    }

    /// Concurrent actors of a fraud class: `base` per 20 000 subscribers, at least one.
    fn lanes(&self, base: f64) -> usize {
        ((base * self.scale).round() as usize).max(1)
    }

    /// Whether the network is small enough to keep fraud groups minimal.
    fn small(&self) -> bool {
        self.scale < 0.5
    }

    /// Rates of bulk senders, which reach fewer people on a small network.
    fn volume(&self) -> f64 {
        self.scale.clamp(0.1, 1.0)
    }

    /// A look-alike's number must show up in the first 20 minutes.
    fn early(&self, rng: &mut Rand) -> Due {
        let span = (self.end_ms - self.start_ms).min(20 * MS_PER_MIN);
        Due::by(self.start_ms + between(rng, 0, span))
    }

    /// A fraud number must show up within 5 minutes of its actor starting.
    fn soon(&self, rng: &mut Rand, active: Active) -> Due {
        let span = (active.to_ms.min(self.end_ms) - active.from_ms).min(5 * MS_PER_MIN);
        Due::by(active.from_ms + between(rng, 0, span))
    }

    /// The `k`-th of `n` numbers an actor rotates through must show up within
    /// 5 minutes of the start of its `k`-th share of the actor's life (as
    /// much of it as falls in the run).
    fn in_turn(&self, rng: &mut Rand, active: Active, k: usize, n: usize) -> Due {
        let life = active.to_ms.min(self.end_ms) - active.from_ms;
        let share = life / n.max(1) as i64;
        let from_ms = active.from_ms + share * k as i64;
        Due::by(from_ms + between(rng, 0, share.min(5 * MS_PER_MIN)))
    }

    /// Successive lifetimes of one lane's actors, in hours of life and gap.
    fn lane(&self, rng: &mut Rand, life_h: (f64, f64), gap_h: (f64, f64)) -> Vec<Active> {
        let span = self.end_ms - self.start_ms;
        let mut t = self.start_ms + between(rng, 0, (span / 4).min(15 * MS_PER_MIN));
        let mut lives = Vec::new();
        while t < self.end_ms {
            let life = (uniform(rng, life_h.0, life_h.1) * MS_PER_HOUR as f64) as i64;
            lives.push(Active {
                from_ms: t,
                to_ms: t + life.max(MS_PER_MIN),
            });
            t +=
                life.max(MS_PER_MIN) + (uniform(rng, gap_h.0, gap_h.1) * MS_PER_HOUR as f64) as i64;
        }
        lives
    }
}

impl Cast {
    fn fraud(&mut self, number: Number, class: FraudClass) {
        self.fraud.push(FraudLabel {
            number: number.e164(),
            class,
        });
    }

    fn lookalike(&mut self, number: Number, kind: LookalikeKind) {
        self.lookalikes.push(LookalikeLabel {
            number: number.e164(),
            kind,
        });
    }
}

/// Creates every look-alike and fraud actor of a run of `span_ms` from `start_ms`.
pub(super) fn cast(pop: &mut Population, rng: &mut Rand, start_ms: i64, span_ms: i64) -> Cast {
    let mut cast = Cast::default();
    if span_ms > 0 {
        let run = Run {
            start_ms,
            end_ms: start_ms + span_ms,
            scale: pop.subs.len() as f64 / 20_000.0,
        };
        voice_lookalikes(&mut cast, pop, rng, &run);
        sms_lookalikes(&mut cast, pop, rng, &run);
        roamers(&mut cast, pop, rng, &run);
        callcentres(&mut cast, pop, rng, &run);
        spoofers(&mut cast, pop, rng, &run);
        simboxes(&mut cast, pop, rng, &run);
        wangiri(&mut cast, pop, rng, &run);
        smishing(&mut cast, pop, rng, &run);
    }
    pop.seal();
    cast
}

fn voice_lookalikes(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.several(3.0) {
        let number = pop.plan.landline(rng, true);
        let out_rate = lognormal(rng, 150.0, 0.4).clamp(60.0, 400.0) * run.volume();
        cast.lookalike(number, LookalikeKind::BankCallcenter);
        cast.actors.push(Box::new(BankCentre {
            number,
            route: if chance(rng, 0.6) {
                Route::National
            } else {
                Route::Onnet
            },
            out_rate,
            in_rate: out_rate * uniform(rng, 0.5, 1.0),
            answer_p: uniform(rng, 0.55, 0.72),
            recent: Recent::new(256),
            due: run.early(rng),
        }));
    }
    for _ in 0..run.several(10.0) {
        let fresh = chance(rng, 0.5);
        let number = pop.plan.onnet(rng, fresh);
        cast.lookalike(number, LookalikeKind::DeliveryCallcenter);
        cast.actors.push(Box::new(Driver {
            number,
            imsi: pop.plan.imsi(rng, fresh),
            imei: pop.plan.phone_imei(rng),
            cell: pop.random_cell(rng),
            rate: uniform(rng, 15.0, 35.0),
            answer_p: uniform(rng, 0.6, 0.8),
            due: run.early(rng),
        }));
    }
    for _ in 0..run.several(5.0) {
        let number = pop.plan.onnet(rng, false);
        let regulars = (0..30 + index(rng, 51))
            .map(|_| {
                if chance(rng, 0.7) {
                    Regular::Sub(pop.random_sub(rng))
                } else {
                    Regular::Other(pop.random_offnet(rng))
                }
            })
            .collect();
        cast.lookalike(number, LookalikeKind::Dispatcher);
        cast.actors.push(Box::new(Dispatcher {
            number,
            imsi: pop.plan.imsi(rng, false),
            imei: pop.plan.phone_imei(rng),
            cell: pop.random_cell(rng),
            regulars,
            out_rate: uniform(rng, 20.0, 50.0),
            in_rate: uniform(rng, 20.0, 50.0),
            due: run.early(rng),
        }));
    }
    for _ in 0..run.several(4.0) {
        let country = SERVICE_DESKS[index(rng, SERVICE_DESKS.len())];
        let number = pop.plan.foreign(rng, country, true);
        cast.lookalike(number, LookalikeKind::OverseasServiceDesk);
        cast.actors.push(Box::new(Desk {
            number,
            out_rate: uniform(rng, 10.0, 40.0),
            answer_p: uniform(rng, 0.6, 0.75),
            recent: Recent::new(64),
            due: run.early(rng),
        }));
    }
}

fn sms_lookalikes(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.several(4.0) {
        let (number, route) = if chance(rng, 0.65) {
            let route = if chance(rng, 0.6) {
                Route::National
            } else {
                Route::Onnet
            };
            (pop.plan.landline(rng, true), route)
        } else {
            let country = [Country::Uk, Country::Singapore, Country::Usa][index(rng, 3)];
            (pop.plan.foreign(rng, country, false), Route::International)
        };
        cast.lookalike(number, LookalikeKind::OtpSender);
        cast.actors.push(Box::new(OtpSender {
            number,
            route,
            brand: OTP_BRANDS[index(rng, OTP_BRANDS.len())],
            rate: lognormal(rng, 300.0, 0.4).clamp(100.0, 800.0) * run.volume(),
            recent: Recent::new(512),
            due: run.early(rng),
        }));
    }
    let first_notice = index(rng, NOTICES.len());
    for k in 0..run.several(5.0) {
        let kind = NOTICES[(first_notice + k) % NOTICES.len()];
        let (number, route) = match kind {
            super::texts::Notice::TopUp => (pop.plan.landline(rng, true), Route::Onnet),
            _ if chance(rng, 0.5) => (pop.plan.offnet_mobile(rng), Route::National),
            _ => (pop.plan.landline(rng, true), Route::National),
        };
        cast.lookalike(number, LookalikeKind::NotificationSender);
        cast.actors.push(Box::new(Notifier {
            number,
            route,
            kind,
            rate: lognormal(rng, 150.0, 0.5).clamp(50.0, 500.0) * run.volume(),
            due: run.early(rng),
        }));
    }
    let mut left = run.several(15.0);
    let mut id = rng.random_range(100..5_000u32);
    let span = run.end_ms - run.start_ms;
    while left > 0 {
        let size = (3 + index(rng, 4)).min(left);
        left -= size;
        let period_ms = [5, 10, 15, 30][index(rng, 4)] * MS_PER_MIN;
        let tac = MODULE_TACS[index(rng, MODULE_TACS.len())];
        let mut sims = Vec::with_capacity(size);
        for _ in 0..size {
            let number = pop.plan.onnet(rng, false);
            cast.lookalike(number, LookalikeKind::IotSim);
            id += 1 + index(rng, 5) as u32;
            sims.push(IotSim {
                number,
                imsi: pop.plan.imsi(rng, false),
                imei: pop.plan.imei_of(rng, tac),
                cell: pop.random_cell(rng),
                id,
                next_ms: run.start_ms + between(rng, 0, period_ms.min(span)),
            });
        }
        cast.actors.push(Box::new(IotFleet {
            sims,
            platform: pop.plan.offnet_mobile(rng),
            period_ms,
        }));
    }
}

fn roamers(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    let wanted = run.several(12.0).min(pop.subs.len() / 10);
    let mut chosen = 0;
    while chosen < wanted {
        let i = pop.random_sub(rng);
        if pop.sub(i).roaming {
            continue;
        }
        pop.set_roaming(i);
        chosen += 1;
        cast.lookalike(pop.sub(i).number, LookalikeKind::RoamerCallingHome);
        cast.actors.push(Box::new(Roamer {
            sub: i,
            due: run.early(rng),
        }));
    }
}

fn callcentres(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.lanes(2.0) {
        for active in run.lane(rng, (2.0, 8.0), (0.5, 2.0)) {
            let n = if run.small() { 3 } else { 3 + index(rng, 5) };
            let cell = pop.random_cell(rng);
            let other_cell = pop.near_cell(rng, cell, 2);
            let shared_phones = chance(rng, 0.3);
            let mut phone = pop.plan.phone_imei(rng);
            let mut sims = Vec::with_capacity(n);
            for k in 0..n {
                if !shared_phones || k % 2 == 0 {
                    phone = pop.plan.phone_imei(rng);
                }
                let rate = lognormal(rng, 40.0, 0.45).clamp(12.0, 100.0);
                let answer_p = uniform(rng, 0.10, 0.30);
                let seat = if chance(rng, 0.85) { cell } else { other_cell };
                // One seat's SIMs in turn, each in the same phone.
                for life in sim_lives(rng, run, active, rate) {
                    let fresh = chance(rng, 0.85);
                    let number = pop.plan.onnet(rng, fresh);
                    cast.fraud(number, FraudClass::Callcenter);
                    sims.push(ScamSim {
                        active: life,
                        number,
                        imsi: pop.plan.imsi(rng, true),
                        imei: phone,
                        cell: seat,
                        rate,
                        answer_p,
                        sweep: chance(rng, 0.35).then(|| pop.plan.block_start(rng)),
                        working: chance(rng, 0.8),
                        due: run.soon(rng, life),
                    });
                }
            }
            cast.actors.push(Box::new(CallCentre { active, sims }));
        }
    }
}

/// The successive lives of the SIMs of one call-centre seat: each is thrown
/// away after 150 to 400 calls at `rate` per working hour (agents work
/// about four fifths of the time), and the last ends with the centre.
/// Only lives that start before the run ends are returned: their numbers
/// are labelled and must show up.
fn sim_lives(rng: &mut Rand, run: &Run, centre: Active, rate: f64) -> Vec<Active> {
    let mut lives = Vec::new();
    let mut from_ms = centre.from_ms;
    while from_ms < centre.to_ms.min(run.end_ms) {
        let calls = uniform(rng, 150.0, 400.0);
        let life_ms = (calls / (rate * 0.8) * MS_PER_HOUR as f64) as i64;
        let to_ms = (from_ms + life_ms.max(MS_PER_MIN)).min(centre.to_ms);
        lives.push(Active { from_ms, to_ms });
        from_ms = to_ms;
    }
    lives
}

fn spoofers(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.lanes(2.0) {
        for active in run.lane(rng, (1.0, 4.0), (0.5, 3.0)) {
            let n = if run.small() { 2 } else { 2 + index(rng, 4) };
            let clis = (0..n)
                .map(|k| {
                    let number = if chance(rng, 0.6) {
                        pop.plan.offnet_mobile(rng)
                    } else {
                        pop.plan.landline(rng, true)
                    };
                    cast.fraud(number, FraudClass::SpoofedCallerId);
                    (number, run.in_turn(rng, active, k, n))
                })
                .collect();
            cast.actors.push(Box::new(Spoofer {
                active,
                clis,
                current: 0,
                rate: lognormal(rng, 100.0, 0.4).clamp(40.0, 250.0),
                answer_p: uniform(rng, 0.2, 0.4),
            }));
        }
    }
}

fn simboxes(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.lanes(1.5) {
        for active in run.lane(rng, (12.0, 72.0), (1.0, 6.0)) {
            let n = if run.small() {
                3 + index(rng, 2)
            } else {
                4 + index(rng, 9)
            };
            let bulk = chance(rng, 0.5);
            let numbers = if bulk {
                pop.plan.onnet_run(rng, n)
            } else {
                (0..n)
                    .map(|_| {
                        let fresh = chance(rng, 0.8);
                        pop.plan.onnet(rng, fresh)
                    })
                    .collect()
            };
            let imsis = if bulk {
                pop.plan.imsi_run(rng, n)
            } else {
                (0..n).map(|_| pop.plan.imsi(rng, true)).collect()
            };
            let modules = chance(rng, 0.6);
            let imeis = (0..n.div_ceil(4))
                .map(|_| {
                    if modules {
                        pop.plan.module_imei(rng)
                    } else {
                        pop.plan.phone_imei(rng)
                    }
                })
                .collect();
            let cell = pop.random_cell(rng);
            let second = chance(rng, 0.2).then(|| pop.near_cell(rng, cell, 1));
            let mut sims = Vec::with_capacity(n);
            for (k, (number, imsi)) in numbers.into_iter().zip(imsis).enumerate() {
                cast.fraud(number, FraudClass::Simbox);
                sims.push(SimboxSim {
                    number,
                    imsi,
                    cell: match second {
                        Some(other) if k % 2 == 1 => other,
                        _ => cell,
                    },
                    rate: uniform(rng, 12.0, 30.0),
                    due: run.soon(rng, active),
                });
            }
            // Some racks simulate human behaviour to hide.
            let evasion = chance(rng, 0.4).then(|| Evasion {
                sibling_calls: uniform(rng, 0.02, 0.08),
                sms_per_hour: uniform(rng, 0.1, 0.6),
                cap_per_hour: uniform(rng, 8.0, 15.0),
                second_cell: second.unwrap_or_else(|| pop.near_cell(rng, cell, 1)),
            });
            cast.actors.push(Box::new(Simbox {
                active,
                sims,
                imeis,
                answer_p: uniform(rng, 0.5, 0.65),
                recent: Recent::new(200),
                evasion,
            }));
        }
    }
}

fn wangiri(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.lanes(2.0) {
        for active in run.lane(rng, (3.0 / 60.0, 10.0 / 60.0), (0.5, 1.5)) {
            let n = if run.small() { 2 } else { 3 + index(rng, 6) };
            let country = WANGIRI[index(rng, WANGIRI.len())];
            // Usually a few consecutive numbers of one leased range.
            let numbers = if chance(rng, 0.8) {
                pop.plan.foreign_run(rng, country, n)
            } else {
                (0..n)
                    .map(|_| pop.plan.foreign(rng, country, false))
                    .collect()
            };
            let numbers = numbers
                .into_iter()
                .map(|number| {
                    cast.fraud(number, FraudClass::Wangiri);
                    (number, run.soon(rng, active))
                })
                .collect();
            let calls = uniform(rng, 80.0, 300.0) * (0.3 + 0.7 * run.scale.min(1.0));
            let hours = (active.to_ms - active.from_ms) as f64 / MS_PER_HOUR as f64;
            cast.actors.push(Box::new(Wangiri {
                active,
                numbers,
                rate: calls / hours,
                sweep: chance(rng, 0.3).then(|| pop.plan.block_start(rng)),
            }));
        }
    }
}

fn smishing(cast: &mut Cast, pop: &mut Population, rng: &mut Rand, run: &Run) {
    for _ in 0..run.lanes(2.0) {
        for active in run.lane(rng, (1.0, 6.0), (0.5, 4.0)) {
            let n = if run.small() { 2 } else { 2 + index(rng, 3) };
            let fake_bts = chance(rng, 0.35);
            let cell = pop.random_cell(rng);
            let modems = [pop.plan.module_imei(rng), pop.plan.module_imei(rng)];
            let mut sims = Vec::with_capacity(n);
            for k in 0..n {
                let (number, origin) = if fake_bts {
                    let number = if chance(rng, 0.7) {
                        pop.plan.offnet_mobile(rng)
                    } else {
                        pop.plan.landline(rng, true)
                    };
                    (number, None)
                } else {
                    let fresh = chance(rng, 0.8);
                    let number = pop.plan.onnet(rng, fresh);
                    let origin = Origin {
                        imsi: pop.plan.imsi(rng, true),
                        imei: modems[k % 2],
                        cell: Some(cell),
                    };
                    (number, Some(origin))
                };
                cast.fraud(number, FraudClass::Smishing);
                sims.push(FarmSim {
                    number,
                    origin,
                    rate: uniform(rng, 60.0, 250.0),
                    due: run.soon(rng, active),
                });
            }
            let brand = SCAM_BRANDS[index(rng, SCAM_BRANDS.len())];
            let campaign = Campaign::draw(rng, brand);
            cast.actors.push(Box::new(SmsFarm {
                active,
                sims,
                campaign,
                sweep: chance(rng, 0.25).then(|| pop.plan.block_start(rng)),
                sending: true,
            }));
        }
    }
}
