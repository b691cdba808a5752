//! Ordinary subscribers: the bulk of the traffic and the background every
//! rule must stay quiet on.
//!
//! Each subscriber calls and texts a circle of 5-30 contacts, favourites
//! most; about 4% of calls go to strangers (shops, services), and a third
//! for the 1% who phone for a living (sales, agents). Contacts on
//! other networks and abroad call in too. Missed calls are often returned
//! and texts often answered, which gives ordinary numbers incoming traffic
//! and repeat contacts, the two things fraud lacks.

use super::clock::{Profile, diurnal};
use super::cx::{Behaviour, Caller, Cx, Planned, PlannedText};
use super::dist::{between, chance, talk_s};
use super::numbers::Style;
use super::population::Contact;
use super::sink::Route;
use super::texts;

/// Median talk time between friends, seconds.
const TALK_MEDIAN_S: f64 = 60.0;
/// Spread of talk times (log space).
const TALK_SIGMA: f64 = 1.0;

/// The crowd of ordinary subscribers.
pub(super) struct Crowd;

impl Behaviour for Crowd {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let (a, b) = (cx.from_ms, cx.to_ms);
        let level = diurnal(Profile::Consumer, (a + b) / 2);
        let calls = cx.count(a, b, cx.pop.call_total() * level);
        for _ in 0..calls {
            let i = cx.pop.pick_sender(cx.rng, false);
            let ts = cx.at(a, b);
            call(cx, i, ts, false);
        }
        let messages = cx.count(a, b, cx.pop.sms_total() * level);
        for _ in 0..messages {
            let i = cx.pop.pick_sender(cx.rng, true);
            let ts = cx.at(a, b);
            sms(cx, i, ts, false);
        }
    }
}

fn talk(cx: &mut Cx<'_>, answer_p: f64) -> u32 {
    if chance(cx.rng, answer_p) {
        talk_s(cx.rng, TALK_MEDIAN_S, TALK_SIGMA, 3600.0)
    } else {
        0
    }
}

/// A call involving subscriber `i` and someone they know, at `ts`. Calls
/// with contacts elsewhere may come in rather than go out, unless
/// `originate`. Returns whether `i` originated the record.
pub(super) fn call(cx: &mut Cx<'_>, i: u32, ts: i64, originate: bool) -> bool {
    let me = cx.pop.sub(i);
    let (my_number, my_answer) = (me.number, me.answer_p);
    match cx.pop.pick_contact(i, cx.rng) {
        Some(Contact::Sub(j)) => {
            let them = cx.pop.sub(j);
            let (number, answer) = (them.number, them.answer_p);
            let duration = talk(cx, answer);
            cx.call(Caller::Sub(i), ts, number, duration);
            if duration == 0 && chance(cx.rng, 0.3) {
                let at = ts + between(cx.rng, 20_000, 900_000);
                let duration = talk(cx, my_answer);
                cx.plan(Planned {
                    ts_ms: at,
                    sms: false,
                    caller: Caller::Sub(j),
                    callee: my_number,
                    duration_s: duration,
                    answered: duration > 0,
                    text: PlannedText::None,
                });
            }
            true
        }
        Some(contact @ (Contact::OffNet(_) | Contact::Abroad(_))) => {
            let number = cx.pop.contact_number(contact);
            let abroad = matches!(contact, Contact::Abroad(_));
            if originate || chance(cx.rng, 0.55) {
                let duration = talk(cx, 0.7);
                cx.call(Caller::Sub(i), ts, number, duration);
                true
            } else {
                // Off-net friends occasionally travel: their calls then come from abroad.
                let route = if abroad || chance(cx.rng, 0.03) {
                    Route::International
                } else {
                    Route::National
                };
                let duration = talk(cx, my_answer);
                let caller = Caller::Ext {
                    number,
                    style: Style::Interconnect,
                    route,
                };
                cx.call(caller, ts, my_number, duration);
                false
            }
        }
        None => {
            // A stranger: a shop, a service, a wrong number.
            let number = if chance(cx.rng, 0.5) {
                let j = cx.pop.random_sub(cx.rng);
                cx.pop.sub(j).number
            } else {
                cx.pop.random_offnet(cx.rng)
            };
            let duration = talk(cx, 0.5);
            cx.call(Caller::Sub(i), ts, number, duration);
            true
        }
    }
}

/// An SMS between subscriber `i` and someone they know, at `ts`; see [`call`].
pub(super) fn sms(cx: &mut Cx<'_>, i: u32, ts: i64, originate: bool) -> bool {
    let my_number = cx.pop.sub(i).number;
    let contact = match cx.pop.pick_contact(i, cx.rng) {
        Some(contact) => contact,
        None => match cx.pop.pick_contact(i, cx.rng) {
            Some(contact) => contact,
            None => Contact::Sub(cx.pop.random_sub(cx.rng)),
        },
    };
    let number = cx.pop.contact_number(contact);
    let with_text = chance(cx.rng, 0.92);
    if with_text {
        texts::casual(cx.rng, cx.text);
    }
    match contact {
        Contact::Sub(j) => {
            cx.sms(Caller::Sub(i), ts, number, with_text);
            if chance(cx.rng, 0.35) {
                let at = ts + between(cx.rng, 5_000, 480_000);
                cx.plan(Planned {
                    ts_ms: at,
                    sms: true,
                    caller: Caller::Sub(j),
                    callee: my_number,
                    duration_s: 0,
                    answered: false,
                    text: PlannedText::Reply,
                });
            }
            true
        }
        Contact::OffNet(_) | Contact::Abroad(_) => {
            if originate || chance(cx.rng, 0.6) {
                cx.sms(Caller::Sub(i), ts, number, with_text);
                true
            } else {
                let route = if matches!(contact, Contact::Abroad(_)) {
                    Route::International
                } else {
                    Route::National
                };
                let caller = Caller::Ext {
                    number,
                    style: Style::Interconnect,
                    route,
                };
                cx.sms(caller, ts, my_number, with_text);
                false
            }
        }
    }
}
