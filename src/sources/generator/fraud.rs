//! Voice fraud on and into our network: scam call centres, caller-ID
//! spoofing and SIM boxes.
//!
//! Fraud hides in volume: each actor is a few numbers among tens of
//! thousands, at rates an energetic salesperson could reach. What sets it
//! apart is the shape of its traffic over a window: many first-contact
//! callees, few answers or short calls, no incoming calls, static cells and
//! shared IMEIs.

use super::clock::{Profile, diurnal};
use super::cx::{Active, Behaviour, Caller, Cx, Due, Planned, PlannedText, Recent};
use super::dist::Rand;
use super::dist::{between, chance, index, talk_s};
use super::numbers::{Number, Style};
use super::population::Population;
use super::sink::{Origin, Route};
use super::texts;

/// One SIM of a scam call centre.
pub(super) struct ScamSim {
    /// While the SIM is in use: centres throw a SIM away after a few hundred
    /// calls, before complaints get it barred, and put a new one in the
    /// same phone.
    pub(super) active: Active,
    /// MSISDN, a fresh prepaid number.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// The phone it sits in.
    pub(super) imei: u64,
    /// The call centre's cell.
    pub(super) cell: u32,
    /// Calls per hour while working.
    pub(super) rate: f64,
    /// Share of calls answered.
    pub(super) answer_p: f64,
    /// Next number of a sequential sweep, for SIMs that dial ranges.
    pub(super) sweep: Option<Number>,
    /// Working, or on a break.
    pub(super) working: bool,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

/// The next number of a sweep through one of our blocks, skipping lines
/// the generator reserved for others; returns it and the subscriber there.
pub(super) fn next_in_sweep(
    pop: &Population,
    rng: &mut Rand,
    sweep: &mut Number,
) -> (Number, Option<u32>) {
    loop {
        let step = if chance(rng, 0.7) {
            1
        } else {
            1 + index(rng, 3) as u64
        };
        if sweep.nsn % 10_000 + step >= 10_000 {
            *sweep = pop.plan.block_start(rng);
        } else {
            *sweep = sweep.offset(step);
        }
        let sub = pop.sub_at(*sweep);
        if sub.is_some() || !pop.plan.is_taken(*sweep) {
            return (*sweep, sub);
        }
    }
}

/// A group of SIMs run from one scam call centre.
pub(super) struct CallCentre {
    /// When the centre operates these SIMs.
    pub(super) active: Active,
    /// Its SIMs.
    pub(super) sims: Vec<ScamSim>,
}

impl CallCentre {
    fn dial(cx: &mut Cx<'_>, sim: &mut ScamSim, ts: i64) {
        let (callee, sub) = match sim.sweep.as_mut() {
            Some(sweep) => next_in_sweep(cx.pop, cx.rng, sweep),
            None if chance(cx.rng, 0.88) => {
                let j = cx.pop.random_sub(cx.rng);
                (cx.pop.sub(j).number, Some(j))
            }
            None => (cx.pop.random_offnet(cx.rng), None),
        };
        // Vacant and ported-out numbers rarely answer.
        let p = if sub.is_some() {
            sim.answer_p
        } else {
            sim.answer_p * 0.3
        };
        let duration = if !chance(cx.rng, p) {
            0
        } else if chance(cx.rng, 0.12) {
            // A victim kept on the line.
            talk_s(cx.rng, 300.0, 0.8, 3600.0)
        } else {
            talk_s(cx.rng, 20.0, 0.7, 240.0)
        };
        let me = Caller::Device {
            number: sim.number,
            origin: Origin {
                imsi: sim.imsi,
                imei: sim.imei,
                cell: Some(sim.cell),
            },
        };
        cx.call(me, ts, callee, duration);
        if let Some(j) = sub
            && duration == 0
            && chance(cx.rng, 0.04)
        {
            let at = ts + between(cx.rng, 60_000, 3_600_000);
            let back = if chance(cx.rng, 0.5) {
                talk_s(cx.rng, 15.0, 0.6, 120.0)
            } else {
                0
            };
            cx.plan(Planned {
                ts_ms: at,
                sms: false,
                caller: Caller::Sub(j),
                callee: sim.number,
                duration_s: back,
                answered: back > 0,
                text: PlannedText::None,
            });
        }
        sim.due.met();
    }
}

impl Behaviour for CallCentre {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let Some((a, b)) = self.active.clip(cx.from_ms, cx.to_ms) else {
            return;
        };
        let level = diurnal(Profile::Scam, (a + b) / 2);
        for sim in &mut self.sims {
            let Some((a, b)) = sim.active.clip(a, b) else {
                continue;
            };
            // Agents take breaks: about 25 minutes on, 6 off.
            sim.working = if sim.working {
                !chance(cx.rng, 1.0 / 25.0)
            } else {
                chance(cx.rng, 1.0 / 6.0)
            };
            let n = if sim.working {
                cx.count(a, b, sim.rate * level)
            } else {
                0
            };
            for k in 0..n {
                let ts = cx.paced(a, b, k, n);
                Self::dial(cx, sim, ts);
            }
            if let Some(ts) = sim.due.forced(a, b) {
                Self::dial(cx, sim, ts);
            }
        }
    }
}

/// A campaign from abroad presenting forged Thai numbers.
pub(super) struct Spoofer {
    /// When it runs.
    pub(super) active: Active,
    /// The forged numbers and their duty to appear.
    pub(super) clis: Vec<(Number, Due)>,
    /// The forged number in use.
    pub(super) current: usize,
    /// Calls per hour across all forged numbers.
    pub(super) rate: f64,
    /// Share of calls answered.
    pub(super) answer_p: f64,
}

impl Spoofer {
    fn dial(&mut self, cx: &mut Cx<'_>, ts: i64, cli: usize) {
        let j = cx.pop.random_sub(cx.rng);
        let duration = if !chance(cx.rng, self.answer_p) {
            0
        } else if chance(cx.rng, 0.15) {
            talk_s(cx.rng, 240.0, 0.8, 3600.0)
        } else {
            talk_s(cx.rng, 30.0, 0.7, 300.0)
        };
        let (number, due) = &mut self.clis[cli];
        due.met();
        let caller = Caller::Ext {
            number: *number,
            style: Style::Spoofed,
            route: Route::International,
        };
        cx.call(caller, ts, cx.pop.sub(j).number, duration);
    }
}

impl Behaviour for Spoofer {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let Some((a, b)) = self.active.clip(cx.from_ms, cx.to_ms) else {
            return;
        };
        let level = diurnal(Profile::Scam, (a + b) / 2);
        let n = cx.count(a, b, self.rate * level);
        for k in 0..n {
            if chance(cx.rng, 0.08) {
                self.current = index(cx.rng, self.clis.len());
            }
            let ts = cx.paced(a, b, k, n);
            self.dial(cx, ts, self.current);
        }
        // A forged number still unused by its due time is taken into use, as
        // campaigns rotate through their numbers: it carries on calling
        // until the next rotation, rather than showing up once.
        for cli in 0..self.clis.len() {
            if let Some(ts) = self.clis[cli].1.forced(a, b) {
                self.dial(cx, ts, cli);
                self.current = cli;
            }
        }
    }
}

/// One SIM in a SIM box.
pub(super) struct SimboxSim {
    /// MSISDN, usually fresh prepaid, often consecutive with its rack mates.
    pub(super) number: Number,
    /// SIM identity.
    pub(super) imsi: u64,
    /// The cell it sits at.
    pub(super) cell: u32,
    /// Calls per hour.
    pub(super) rate: f64,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

/// A SIM box: a rack of SIMs in a few modems, terminating bypassed international calls.
pub(super) struct Simbox {
    /// When it runs.
    pub(super) active: Active,
    /// Its SIMs.
    pub(super) sims: Vec<SimboxSim>,
    /// The modems' IMEIs, each shared by several SIMs.
    pub(super) imeis: Vec<u64>,
    /// Share of calls answered.
    pub(super) answer_p: f64,
    /// Recent callees: families abroad call the same people again.
    pub(super) recent: Recent<Number>,
    /// How the rack hides from fraud detection, if it does.
    pub(super) evasion: Option<Evasion>,
}

/// What an evasive SIM box does to look like ordinary subscribers
/// ("human behaviour simulation" in the gateway vendors' terms).
#[derive(Debug, Clone, Copy)]
pub(super) struct Evasion {
    /// Share of calls placed to another SIM of the rack, so every SIM
    /// also receives calls.
    pub(super) sibling_calls: f64,
    /// SMS each SIM sends per hour to random subscribers.
    pub(super) sms_per_hour: f64,
    /// Calls per hour a SIM never exceeds.
    pub(super) cap_per_hour: f64,
    /// The rack's other cell: each SIM alternates between its own cell and
    /// this one, as if it moved.
    pub(super) second_cell: u32,
}

impl Simbox {
    fn callee(&mut self, cx: &mut Cx<'_>, k: usize) -> Number {
        if let Some(evasion) = self.evasion
            && self.sims.len() > 1
            && chance(cx.rng, evasion.sibling_calls)
        {
            let other = (k + 1 + index(cx.rng, self.sims.len() - 1)) % self.sims.len();
            return self.sims[other].number;
        }
        let pop = &cx.pop;
        self.recent.again_or(cx.rng, 0.15, |rng| {
            if chance(rng, 0.8) {
                let j = pop.random_sub(rng);
                pop.sub(j).number
            } else {
                pop.random_offnet(rng)
            }
        })
    }

    /// Where SIM `k` is: its cell, or for an evasive rack now and then the
    /// second cell.
    fn origin(&self, cx: &mut Cx<'_>, k: usize, imei: u64) -> Origin {
        let sim = &self.sims[k];
        let cell = match self.evasion {
            Some(e) if chance(cx.rng, 0.3) => e.second_cell,
            _ => sim.cell,
        };
        Origin {
            imsi: sim.imsi,
            imei,
            cell: Some(cell),
        }
    }

    /// An evasive SIM's cover traffic: a short text to a random subscriber.
    fn cover_sms(&mut self, cx: &mut Cx<'_>, k: usize, ts: i64) {
        let imei = self.imeis[k % self.imeis.len()];
        let origin = self.origin(cx, k, imei);
        let j = cx.pop.random_sub(cx.rng);
        let callee = cx.pop.sub(j).number;
        texts::casual(cx.rng, cx.text);
        let me = Caller::Device {
            number: self.sims[k].number,
            origin,
        };
        cx.sms(me, ts, callee, true);
    }

    fn dial(&mut self, cx: &mut Cx<'_>, k: usize, ts: i64) {
        let imei = if chance(cx.rng, 0.05) {
            self.imeis[index(cx.rng, self.imeis.len())]
        } else {
            self.imeis[k % self.imeis.len()]
        };
        let callee = self.callee(cx, k);
        let duration = if chance(cx.rng, self.answer_p) {
            talk_s(cx.rng, 75.0, 0.9, 3600.0)
        } else {
            0
        };
        let origin = self.origin(cx, k, imei);
        let sim = &mut self.sims[k];
        sim.due.met();
        let me = Caller::Device {
            number: sim.number,
            origin,
        };
        cx.call(me, ts, callee, duration);
    }
}

impl Behaviour for Simbox {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let Some((a, b)) = self.active.clip(cx.from_ms, cx.to_ms) else {
            return;
        };
        let level = diurnal(Profile::Transit, (a + b) / 2);
        for k in 0..self.sims.len() {
            let rate = match self.evasion {
                Some(e) => (self.sims[k].rate * level).min(e.cap_per_hour),
                None => self.sims[k].rate * level,
            };
            let n = cx.count(a, b, rate);
            for i in 0..n {
                let ts = cx.paced(a, b, i, n);
                self.dial(cx, k, ts);
            }
            if let Some(ts) = self.sims[k].due.forced(a, b) {
                self.dial(cx, k, ts);
            }
            if let Some(e) = self.evasion {
                let texts = cx.count(a, b, e.sms_per_hour);
                for i in 0..texts {
                    let ts = cx.paced(a, b, i, texts);
                    self.cover_sms(cx, k, ts);
                }
            }
        }
    }
}
