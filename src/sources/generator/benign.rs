//! Benign callers that look like voice fraud.
//!
//! Each one shares some trait with a fraud class and differs in the ones
//! that matter: a bank dials many strangers but is answered and talks long,
//! a courier dials strangers while moving across cells but is answered and
//! called back, a dispatcher makes as many calls as a SIM box but to regular
//! contacts who call back, a foreign help desk arrives on the international
//! route like spoofing but with its own foreign number, and a roamer is a
//! Thai number arriving from abroad but with our IMSI and their own circle.

use super::clock::{Profile, diurnal};
use super::crowd;
use super::cx::{Behaviour, Caller, Cx, Due, Planned, PlannedText, Recent};
use super::dist::{between, chance, favourite, talk_s};
use super::numbers::{Number, Style};
use super::sink::{Origin, Route};
use super::texts;

fn answered(cx: &mut Cx<'_>, p: f64, median_s: f64, sigma: f64) -> u32 {
    if chance(cx.rng, p) {
        talk_s(cx.rng, median_s, sigma, 3600.0)
    } else {
        0
    }
}

/// A customer `j` calling `number` back later.
fn call_back(
    cx: &mut Cx<'_>,
    j: u32,
    number: Number,
    ts: i64,
    within_ms: (i64, i64),
    median_s: f64,
) {
    let at = ts + between(cx.rng, within_ms.0, within_ms.1);
    let duration = answered(cx, 0.85, median_s, 0.7);
    cx.plan(Planned {
        ts_ms: at,
        sms: false,
        caller: Caller::Sub(j),
        callee: number,
        duration_s: duration,
        answered: duration > 0,
        text: PlannedText::None,
    });
}

/// A bank's outbound call centre behind one presented number.
pub(super) struct BankCentre {
    /// The presented number, a Bangkok fixed line.
    pub(super) number: Number,
    /// Through another operator's fixed network, or our own trunk.
    pub(super) route: Route,
    /// Outbound calls in the busiest hour.
    pub(super) out_rate: f64,
    /// Customers calling in, in the busiest hour.
    pub(super) in_rate: f64,
    /// Share of outbound calls answered.
    pub(super) answer_p: f64,
    /// Customers called lately, some of whom are called again.
    pub(super) recent: Recent<u32>,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl BankCentre {
    fn outbound(&mut self, cx: &mut Cx<'_>, ts: i64) {
        let j = self
            .recent
            .again_or(cx.rng, 0.15, |rng| cx.pop.random_sub(rng));
        let duration = answered(cx, self.answer_p, 150.0, 0.9);
        let caller = Caller::Ext {
            number: self.number,
            style: Style::Interconnect,
            route: self.route,
        };
        cx.call(caller, ts, cx.pop.sub(j).number, duration);
        if duration == 0 && chance(cx.rng, 0.2) {
            call_back(cx, j, self.number, ts, (300_000, 7_200_000), 240.0);
        }
        self.due.met();
    }
}

impl Behaviour for BankCentre {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Office, (a + b) / 2);
        for _ in 0..cx.count(a, b, self.out_rate * level) {
            let ts = cx.at(a, b);
            self.outbound(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.outbound(cx, ts);
        }
        for _ in 0..cx.count(a, b, self.in_rate * level) {
            let ts = cx.at(a, b);
            let j = cx.pop.random_sub(cx.rng);
            let duration = answered(cx, 0.93, 240.0, 0.8);
            cx.call(Caller::Sub(j), ts, self.number, duration);
        }
    }
}

/// A courier's SIM on our network, calling recipients on the round.
pub(super) struct Driver {
    /// MSISDN.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// Handset.
    pub(super) imei: u64,
    /// Where the van is.
    pub(super) cell: u32,
    /// Calls in the busiest hour.
    pub(super) rate: f64,
    /// Share of calls answered.
    pub(super) answer_p: f64,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl Driver {
    fn stop(&mut self, cx: &mut Cx<'_>, ts: i64) {
        if chance(cx.rng, 0.6) {
            self.cell = cx.pop.near_cell(cx.rng, self.cell, 3);
        }
        let me = Caller::Device {
            number: self.number,
            origin: Origin {
                imsi: self.imsi,
                imei: self.imei,
                cell: Some(self.cell),
            },
        };
        let sub = chance(cx.rng, 0.8).then(|| cx.pop.random_sub(cx.rng));
        let callee = match sub {
            Some(j) => cx.pop.sub(j).number,
            None => cx.pop.random_offnet(cx.rng),
        };
        let duration = answered(cx, self.answer_p, 25.0, 0.6);
        cx.call(me, ts, callee, duration);
        if let Some(j) = sub
            && duration == 0
            && chance(cx.rng, 0.35)
        {
            call_back(cx, j, self.number, ts, (120_000, 1_800_000), 30.0);
        }
        if chance(cx.rng, 0.1) {
            texts::driver(cx.rng, cx.text);
            let at = (ts + 5_000).min(cx.end_ms - 1);
            cx.sms(me, at, callee, true);
        }
        self.due.met();
    }
}

impl Behaviour for Driver {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Office, (a + b) / 2);
        let n = cx.count(a, b, self.rate * level);
        for k in 0..n {
            let ts = cx.paced(a, b, k, n);
            self.stop(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.stop(cx, ts);
        }
    }
}

/// A regular contact of a dispatcher.
#[derive(Debug, Clone, Copy)]
pub(super) enum Regular {
    /// One of our subscribers.
    Sub(u32),
    /// A number on another network.
    Other(Number),
}

/// A taxi or logistics dispatcher.
pub(super) struct Dispatcher {
    /// MSISDN.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// Handset.
    pub(super) imei: u64,
    /// The office's cell.
    pub(super) cell: u32,
    /// Drivers and regular customers.
    pub(super) regulars: Vec<Regular>,
    /// Outbound calls in the busiest hour.
    pub(super) out_rate: f64,
    /// Inbound calls in the busiest hour.
    pub(super) in_rate: f64,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl Dispatcher {
    fn regular(&self, cx: &mut Cx<'_>) -> Regular {
        self.regulars[favourite(cx.rng, self.regulars.len())]
    }

    fn outbound(&mut self, cx: &mut Cx<'_>, ts: i64) {
        let callee = if chance(cx.rng, 0.85) {
            match self.regular(cx) {
                Regular::Sub(j) => cx.pop.sub(j).number,
                Regular::Other(number) => number,
            }
        } else {
            let j = cx.pop.random_sub(cx.rng);
            cx.pop.sub(j).number
        };
        let cell = if chance(cx.rng, 0.95) {
            self.cell
        } else {
            cx.pop.near_cell(cx.rng, self.cell, 1)
        };
        let me = Caller::Device {
            number: self.number,
            origin: Origin {
                imsi: self.imsi,
                imei: self.imei,
                cell: Some(cell),
            },
        };
        let duration = answered(cx, 0.85, 35.0, 0.7);
        cx.call(me, ts, callee, duration);
        self.due.met();
    }
}

impl Behaviour for Dispatcher {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Dispatch, (a + b) / 2);
        for _ in 0..cx.count(a, b, self.out_rate * level) {
            let ts = cx.at(a, b);
            self.outbound(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.outbound(cx, ts);
        }
        for _ in 0..cx.count(a, b, self.in_rate * level) {
            let ts = cx.at(a, b);
            let caller = if chance(cx.rng, 0.6) {
                match self.regular(cx) {
                    Regular::Sub(j) => Caller::Sub(j),
                    Regular::Other(number) => Caller::Ext {
                        number,
                        style: Style::Interconnect,
                        route: Route::National,
                    },
                }
            } else {
                Caller::Sub(cx.pop.random_sub(cx.rng))
            };
            let duration = answered(cx, 0.9, 35.0, 0.7);
            cx.call(caller, ts, self.number, duration);
        }
    }
}

/// A foreign help desk (airline, software, card issuer) calling Thai customers.
pub(super) struct Desk {
    /// Its foreign office number.
    pub(super) number: Number,
    /// Outbound calls in the busiest hour.
    pub(super) out_rate: f64,
    /// Share of outbound calls answered.
    pub(super) answer_p: f64,
    /// Customers called lately.
    pub(super) recent: Recent<u32>,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl Desk {
    fn outbound(&mut self, cx: &mut Cx<'_>, ts: i64) {
        let j = self
            .recent
            .again_or(cx.rng, 0.2, |rng| cx.pop.random_sub(rng));
        let duration = answered(cx, self.answer_p, 180.0, 0.8);
        let caller = Caller::Ext {
            number: self.number,
            style: Style::Interconnect,
            route: Route::International,
        };
        cx.call(caller, ts, cx.pop.sub(j).number, duration);
        self.due.met();
    }
}

impl Behaviour for Desk {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Office, (a + b) / 2);
        for _ in 0..cx.count(a, b, self.out_rate * level) {
            let ts = cx.at(a, b);
            self.outbound(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.outbound(cx, ts);
        }
        for _ in 0..cx.count(a, b, 0.3 * self.out_rate * level) {
            let ts = cx.at(a, b);
            let j = cx.pop.random_sub(cx.rng);
            let duration = answered(cx, 0.85, 300.0, 0.8);
            cx.call(Caller::Sub(j), ts, self.number, duration);
        }
    }
}

/// One of our subscribers abroad, calling and texting their circle at home.
pub(super) struct Roamer {
    /// The subscriber's index.
    pub(super) sub: u32,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl Behaviour for Roamer {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Consumer, (a + b) / 2);
        let s = cx.pop.sub(self.sub);
        let (calls, sms) = (s.call_rate * level, s.sms_rate * level);
        for _ in 0..cx.count(a, b, calls) {
            let ts = cx.at(a, b);
            if crowd::call(cx, self.sub, ts, false) {
                self.due.met();
            }
        }
        for _ in 0..cx.count(a, b, sms) {
            let ts = cx.at(a, b);
            if crowd::sms(cx, self.sub, ts, false) {
                self.due.met();
            }
        }
        if let Some(ts) = self.due.forced(a, b) {
            crowd::call(cx, self.sub, ts, true);
        }
    }
}
