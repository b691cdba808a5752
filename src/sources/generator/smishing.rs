//! Smishing: phishing SMS from SIM farms on our network, or from fake base
//! stations that inject messages under a forged sender and no IMSI.
//!
//! A farm runs one campaign (one brand, one template) with small variations
//! per message: amounts, tracking numbers, link codes, prefixes. It sends in
//! waves to many strangers, some in number order, and gets almost no reply.

use super::clock::{Profile, diurnal};
use super::cx::{Active, Behaviour, Caller, Cx, Due, Planned, PlannedText};
use super::dist::{between, chance};
use super::fraud::next_in_sweep;
use super::numbers::{Number, Style};
use super::phish::{self, Campaign};
use super::sink::{Origin, Route};

/// One sender of a farm.
pub(super) struct FarmSim {
    /// The sender number.
    pub(super) number: Number,
    /// The SIM and modem, or `None` behind a fake base station.
    pub(super) origin: Option<Origin>,
    /// Messages per hour while a wave runs.
    pub(super) rate: f64,
    /// Its duty to appear in the data.
    pub(super) due: Due,
}

/// A smishing operation.
pub(super) struct SmsFarm {
    /// When it runs.
    pub(super) active: Active,
    /// Its senders.
    pub(super) sims: Vec<FarmSim>,
    /// What it sends.
    pub(super) campaign: Campaign,
    /// Next number of a sequential sweep, when it sweeps.
    pub(super) sweep: Option<Number>,
    /// Whether a wave is running.
    pub(super) sending: bool,
}

impl SmsFarm {
    fn send(&mut self, cx: &mut Cx<'_>, k: usize, ts: i64) {
        let (callee, sub) = match self.sweep.as_mut() {
            Some(sweep) if chance(cx.rng, 0.5) => next_in_sweep(cx.pop, cx.rng, sweep),
            _ => {
                let j = cx.pop.random_sub(cx.rng);
                (cx.pop.sub(j).number, Some(j))
            }
        };
        phish::smish(cx.rng, &self.campaign, cx.text);
        let sim = &mut self.sims[k];
        sim.due.met();
        let me = match sim.origin {
            Some(origin) => Caller::Device {
                number: sim.number,
                origin,
            },
            None => Caller::Ext {
                number: sim.number,
                style: Style::Subscriber,
                route: Route::Onnet,
            },
        };
        cx.sms(me, ts, callee, true);
        if let Some(j) = sub
            && chance(cx.rng, 0.005)
        {
            let at = ts + between(cx.rng, 10_000, 600_000);
            cx.plan(Planned {
                ts_ms: at,
                sms: true,
                caller: Caller::Sub(j),
                callee: sim.number,
                duration_s: 0,
                answered: false,
                text: PlannedText::Puzzled,
            });
        }
    }
}

impl Behaviour for SmsFarm {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let Some((a, b)) = self.active.clip(cx.from_ms, cx.to_ms) else {
            return;
        };
        // Waves of about half an hour with pauses of about eight minutes.
        self.sending = if self.sending {
            !chance(cx.rng, 1.0 / 30.0)
        } else {
            chance(cx.rng, 1.0 / 8.0)
        };
        let level = diurnal(Profile::Scam, (a + b) / 2);
        for k in 0..self.sims.len() {
            let n = if self.sending {
                cx.count(a, b, self.sims[k].rate * level)
            } else {
                0
            };
            for i in 0..n {
                let ts = cx.paced(a, b, i, n);
                self.send(cx, k, ts);
            }
            if let Some(ts) = self.sims[k].due.forced(a, b) {
                self.send(cx, k, ts);
            }
        }
    }
}
