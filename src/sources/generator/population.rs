//! Who is on the network: subscribers, their circles and their cells.
//!
//! Built once from the seed, before any record, and read-only while traffic
//! is generated, so memory depends on the number of subscribers and never on
//! the hours generated. Circles are mostly reciprocal and local (people know
//! people near them in the index, as in a town), with friends on other
//! networks and a few abroad.

use ahash::AHashMap;
use rand::Rng;

use super::clock::{is_workday, local_hour};
use super::dist::{Rand, chance, favourite, index, lognormal, uniform};
use super::numbers::{DIASPORA, Number};
use super::plan::NumberPlan;
use super::sink::Origin;

/// Most contacts in one circle.
const MAX_CIRCLE: usize = 30;
/// Share of ordinary subscribers on fresh prepaid numbers.
const FRESH_SHARE: f64 = 0.08;
/// Share of subscribers who phone for a living (sales, agents, tradesmen):
/// many calls, a third of them to strangers. Unlabelled, and hard to tell
/// from a call centre by volume alone.
const BUSY_SHARE: f64 = 0.01;

/// An ordinary subscriber.
#[derive(Debug, Clone)]
pub(super) struct Subscriber {
    /// MSISDN.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// The one handset used.
    pub(super) imei: u64,
    home: u32,
    work: u32,
    extra: [u32; 3],
    n_extra: u8,
    /// Probability of answering a call from a known number.
    pub(super) answer_p: f64,
    /// Calls made in the busiest hour.
    pub(super) call_rate: f64,
    /// SMS sent in the busiest hour.
    pub(super) sms_rate: f64,
    /// Share of calls to strangers rather than the circle.
    pub(super) stranger_p: f64,
    /// Abroad for the whole run, calling home.
    pub(super) roaming: bool,
}

/// Someone in a subscriber's circle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Contact {
    /// Another of our subscribers (index).
    Sub(u32),
    /// A Thai number on another network (index into `offnet`).
    OffNet(u32),
    /// A number abroad (index into `abroad`).
    Abroad(u32),
}

/// Everyone on or around the network.
#[derive(Debug)]
pub(super) struct Population {
    /// Ordinary subscribers.
    pub(super) subs: Vec<Subscriber>,
    offsets: Vec<u32>,
    contacts: Vec<Contact>,
    /// Thai numbers of other operators appearing in circles.
    pub(super) offnet: Vec<Number>,
    /// Numbers abroad appearing in circles.
    pub(super) abroad: Vec<Number>,
    call_cum: Vec<f64>,
    sms_cum: Vec<f64>,
    by_number: AHashMap<u64, u32>,
    /// Number of cells on the network.
    pub(super) cells: u32,
    /// Which numbers and IMSIs are taken.
    pub(super) plan: NumberPlan,
}

impl Population {
    /// Draws `n` subscribers with their circles.
    pub(super) fn build(n: usize, rng: &mut Rand) -> Self {
        let cells = (n / 25).max(60) as u32;
        let mut pop = Population {
            subs: Vec::with_capacity(n),
            offsets: Vec::new(),
            contacts: Vec::new(),
            offnet: Vec::new(),
            abroad: Vec::new(),
            call_cum: Vec::new(),
            sms_cum: Vec::new(),
            by_number: AHashMap::with_capacity(n),
            cells,
            plan: NumberPlan::default(),
        };
        let established = (n as f64 * (1.0 - FRESH_SHARE) / 4000.0).ceil() as usize + 1;
        let fresh = (n as f64 * FRESH_SHARE / 3000.0).ceil() as usize + 1;
        for _ in 0..established {
            let block = pop.plan.new_block(rng);
            pop.plan.blocks.push(block);
        }
        for _ in 0..fresh {
            let block = pop.plan.new_block(rng);
            pop.plan.fresh.push(block);
        }
        for i in 0..n {
            let fresh = chance(rng, FRESH_SHARE);
            let number = pop.plan.onnet(rng, fresh);
            let imsi = pop.plan.imsi(rng, fresh);
            let home = index(rng, cells as usize) as u32;
            let work = if chance(rng, 0.6) {
                index(rng, (cells as usize * 15 / 100).max(1)) as u32
            } else {
                index(rng, cells as usize) as u32
            };
            let n_extra = index(rng, 4) as u8;
            let mut extra = [home; 3];
            for e in extra.iter_mut().take(usize::from(n_extra)) {
                *e = near_cell(rng, home, 6, cells);
            }
            pop.by_number.insert(number.key(), i as u32);
            let busy = chance(rng, BUSY_SHARE);
            let (call_rate, stranger_p) = if busy {
                (
                    lognormal(rng, 7.0, 0.4).clamp(3.0, 25.0),
                    uniform(rng, 0.2, 0.45),
                )
            } else {
                (lognormal(rng, 1.1, 0.6).clamp(0.05, 12.0), 0.04)
            };
            pop.subs.push(Subscriber {
                number,
                imsi,
                imei: pop.plan.phone_imei(rng),
                home,
                work,
                extra,
                n_extra,
                answer_p: uniform(rng, 0.55, 0.85),
                call_rate,
                sms_rate: lognormal(rng, 1.3, 0.8).clamp(0.05, 15.0),
                stranger_p,
                roaming: false,
            });
        }
        pop.build_circles(rng);
        pop.seal();
        pop
    }

    fn build_circles(&mut self, rng: &mut Rand) {
        let n = self.subs.len();
        let offnet_n = (n * 6 / 5).max(50);
        for _ in 0..offnet_n {
            let number = if chance(rng, 0.7) {
                self.plan.offnet_mobile(rng)
            } else {
                self.plan.landline(rng, false)
            };
            self.offnet.push(number);
        }
        let abroad_n = (n * 15 / 100).max(20);
        for _ in 0..abroad_n {
            let country = DIASPORA[index(rng, DIASPORA.len())];
            let number = self.plan.foreign(rng, country, false);
            self.abroad.push(number);
        }
        let popular = (offnet_n / 20).max(1);
        let mut circles: Vec<Vec<Contact>> = vec![Vec::new(); n];
        for i in 0..n {
            let size = lognormal(rng, 12.0, 0.45).clamp(5.0, 30.0);
            let onnet = ((size * 0.75 / 2.0).round() as usize).max(2);
            for _ in 0..onnet {
                let j = if chance(rng, 0.7) {
                    (i as i64 + rng.random_range(-150..=150)).rem_euclid(n as i64) as usize
                } else {
                    index(rng, n)
                };
                let contact = Contact::Sub(j as u32);
                if j == i
                    || circles[i].len() >= MAX_CIRCLE
                    || circles[j].len() >= MAX_CIRCLE
                    || circles[i].contains(&contact)
                {
                    continue;
                }
                circles[i].push(contact);
                circles[j].push(Contact::Sub(i as u32));
            }
            let offnet = (size * 0.2 + uniform(rng, -1.0, 1.0)).round().max(0.0) as usize;
            for _ in 0..offnet {
                let k = if chance(rng, 0.3) {
                    index(rng, popular)
                } else {
                    index(rng, offnet_n)
                };
                circles[i].push(Contact::OffNet(k as u32));
            }
            if chance(rng, 0.25) {
                let k = 1 + usize::from(chance(rng, 0.3));
                for _ in 0..k {
                    circles[i].push(Contact::Abroad(index(rng, abroad_n) as u32));
                }
            }
        }
        self.offsets.reserve(n + 1);
        self.offsets.push(0);
        for mut circle in circles {
            while circle.len() < 5 {
                circle.push(Contact::OffNet(index(rng, offnet_n) as u32));
            }
            self.contacts.extend_from_slice(&circle);
            self.offsets.push(self.contacts.len() as u32);
        }
    }

    /// Recomputes who places crowd traffic; roamers call through their own behaviour.
    pub(super) fn seal(&mut self) {
        self.call_cum.clear();
        self.sms_cum.clear();
        let (mut calls, mut sms) = (0.0, 0.0);
        for s in &self.subs {
            if !s.roaming {
                calls += s.call_rate;
                sms += s.sms_rate;
            }
            self.call_cum.push(calls);
            self.sms_cum.push(sms);
        }
    }

    /// Calls per busy hour placed by the crowd of ordinary subscribers.
    pub(super) fn call_total(&self) -> f64 {
        self.call_cum.last().copied().unwrap_or(0.0)
    }

    /// SMS per busy hour sent by the crowd of ordinary subscribers.
    pub(super) fn sms_total(&self) -> f64 {
        self.sms_cum.last().copied().unwrap_or(0.0)
    }

    /// A subscriber of the crowd, chosen in proportion to their call (or SMS) rate.
    pub(super) fn pick_sender(&self, rng: &mut Rand, sms: bool) -> u32 {
        let cum = if sms { &self.sms_cum } else { &self.call_cum };
        let total = cum.last().copied().unwrap_or(0.0);
        let u = rng.random::<f64>() * total;
        cum.partition_point(|&c| c <= u).min(cum.len() - 1) as u32
    }

    /// Any subscriber, uniformly.
    pub(super) fn random_sub(&self, rng: &mut Rand) -> u32 {
        index(rng, self.subs.len()) as u32
    }

    /// The subscriber at index `i`.
    pub(super) fn sub(&self, i: u32) -> &Subscriber {
        &self.subs[i as usize]
    }

    /// A random off-net Thai number from the circles.
    pub(super) fn random_offnet(&self, rng: &mut Rand) -> Number {
        self.offnet[index(rng, self.offnet.len())]
    }

    /// Someone in subscriber `i`'s circle, favourites first; `None` for a stranger.
    pub(super) fn pick_contact(&self, i: u32, rng: &mut Rand) -> Option<Contact> {
        let from = self.offsets[i as usize] as usize;
        let to = self.offsets[i as usize + 1] as usize;
        if from == to || chance(rng, self.subs[i as usize].stranger_p) {
            return None;
        }
        Some(self.contacts[from + favourite(rng, to - from)])
    }

    /// The number of a contact.
    pub(super) fn contact_number(&self, contact: Contact) -> Number {
        match contact {
            Contact::Sub(j) => self.subs[j as usize].number,
            Contact::OffNet(k) => self.offnet[k as usize],
            Contact::Abroad(k) => self.abroad[k as usize],
        }
    }

    /// The ordinary subscriber holding `number`, if any.
    pub(super) fn sub_at(&self, number: Number) -> Option<u32> {
        self.by_number.get(&number.key()).copied()
    }

    /// Where subscriber `i`'s device is at `ts_ms`: home at night, often at work by day.
    pub(super) fn origin(&self, i: u32, ts_ms: i64, rng: &mut Rand) -> Origin {
        let s = &self.subs[i as usize];
        if s.roaming {
            return Origin {
                imsi: s.imsi,
                imei: s.imei,
                cell: None,
            };
        }
        let h = local_hour(ts_ms);
        let u = rng.random::<f64>();
        let extra = if s.n_extra == 0 {
            s.home
        } else {
            s.extra[index(rng, usize::from(s.n_extra))]
        };
        let cell = if is_workday(ts_ms) && (9.0..18.0).contains(&h) {
            if u < 0.65 {
                s.work
            } else if u < 0.8 {
                s.home
            } else {
                extra
            }
        } else if u < 0.75 {
            s.home
        } else if u < 0.8 {
            s.work
        } else {
            extra
        };
        Origin {
            imsi: s.imsi,
            imei: s.imei,
            cell: Some(cell),
        }
    }

    /// Marks subscriber `i` as abroad for the run.
    pub(super) fn set_roaming(&mut self, i: u32) {
        self.subs[i as usize].roaming = true;
    }

    /// A cell anywhere.
    pub(super) fn random_cell(&self, rng: &mut Rand) -> u32 {
        index(rng, self.cells as usize) as u32
    }

    /// A cell within `spread` of `cell`.
    pub(super) fn near_cell(&self, rng: &mut Rand, cell: u32, spread: u32) -> u32 {
        near_cell(rng, cell, spread, self.cells)
    }
}

fn near_cell(rng: &mut Rand, cell: u32, spread: u32, cells: u32) -> u32 {
    let step = rng.random_range(-(spread as i64)..=spread as i64);
    (i64::from(cell) + step).rem_euclid(i64::from(cells)) as u32
}
