//! Benign SMS senders that look like smishing or SIM boxes.
//!
//! OTP and notification senders fan out to many subscribers who never
//! answer, exactly like a phishing farm; their texts name the same banks and
//! couriers. They differ in content (codes without links, or links to the
//! sender's real domain) and in arriving from an aggregator rather than a
//! SIM. IoT SIMs sit at one cell with a module IMEI like a SIM box, but send
//! only timed SMS to one platform number.

use super::clock::{Profile, diurnal};
use super::cx::{Behaviour, Caller, Cx, Due, Recent};
use super::dist::{between, chance};
use super::numbers::{Number, Style};
use super::sink::{Origin, Route};
use super::texts::{self, Notice};

/// A bank or app sending one-time passwords.
pub(super) struct OtpSender {
    /// The sender number.
    pub(super) number: Number,
    /// How its messages reach us.
    pub(super) route: Route,
    /// The brand in the texts.
    pub(super) brand: &'static str,
    /// Messages in the busiest hour.
    pub(super) rate: f64,
    /// Users who asked lately, some of whom ask again.
    pub(super) recent: Recent<u32>,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl OtpSender {
    fn send(&mut self, cx: &mut Cx<'_>, ts: i64) {
        let j = self
            .recent
            .again_or(cx.rng, 0.1, |rng| cx.pop.random_sub(rng));
        texts::otp(cx.rng, self.brand, cx.text);
        let caller = Caller::Ext {
            number: self.number,
            style: Style::Interconnect,
            route: self.route,
        };
        cx.sms(caller, ts, cx.pop.sub(j).number, true);
        self.due.met();
    }
}

impl Behaviour for OtpSender {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Consumer, (a + b) / 2);
        for _ in 0..cx.count(a, b, self.rate * level) {
            let ts = cx.at(a, b);
            self.send(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.send(cx, ts);
        }
    }
}

/// A courier, utility, shop or our own billing, sending notices.
pub(super) struct Notifier {
    /// The sender number.
    pub(super) number: Number,
    /// How its messages reach us.
    pub(super) route: Route,
    /// What it announces.
    pub(super) kind: Notice,
    /// Messages in the busiest hour.
    pub(super) rate: f64,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

impl Notifier {
    fn send(&mut self, cx: &mut Cx<'_>, ts: i64) {
        let j = cx.pop.random_sub(cx.rng);
        texts::notice(cx.rng, self.kind, cx.text);
        let caller = Caller::Ext {
            number: self.number,
            style: Style::Interconnect,
            route: self.route,
        };
        cx.sms(caller, ts, cx.pop.sub(j).number, true);
        self.due.met();
    }
}

impl Behaviour for Notifier {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let profile = match self.kind {
            Notice::TopUp | Notice::BankAlert => Profile::Consumer,
            _ => Profile::Office,
        };
        let level = diurnal(profile, (a + b) / 2);
        // Bulk senders release batches: steady within a minute, uneven across minutes.
        let batch = if chance(cx.rng, 0.2) { 3.0 } else { 0.5 };
        for _ in 0..cx.count(a, b, self.rate * level * batch) {
            let ts = cx.at(a, b);
            self.send(cx, ts);
        }
        if let Some(ts) = self.due.forced(a, b) {
            self.send(cx, ts);
        }
    }
}

/// One machine SIM of a fleet.
pub(super) struct IotSim {
    /// MSISDN.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// The module's IMEI.
    pub(super) imei: u64,
    /// Where it is installed.
    pub(super) cell: u32,
    /// The device's id in its reports.
    pub(super) id: u32,
    /// When it next reports.
    pub(super) next_ms: i64,
}

/// A fleet of meters or trackers reporting to one platform number.
pub(super) struct IotFleet {
    /// The fleet's SIMs.
    pub(super) sims: Vec<IotSim>,
    /// Where the reports go.
    pub(super) platform: Number,
    /// Time between reports.
    pub(super) period_ms: i64,
}

impl Behaviour for IotFleet {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        for sim in &mut self.sims {
            while sim.next_ms < b {
                let ts = sim.next_ms.max(a);
                texts::telemetry(cx.rng, sim.id, cx.text);
                let me = Caller::Device {
                    number: sim.number,
                    origin: Origin {
                        imsi: sim.imsi,
                        imei: sim.imei,
                        cell: Some(sim.cell),
                    },
                };
                cx.sms(me, ts, self.platform, true);
                sim.next_ms += self.period_ms + between(cx.rng, -3_000, 3_000);
            }
        }
    }
}
