//! What every behaviour shares while one time slice is generated.
//!
//! A behaviour (the crowd, a look-alike, a fraud actor) gets a [`Cx`] for
//! each slice: the random source, the population, the sink for records and
//! a queue of reactions planned for later (call-backs, replies). Actors that
//! own labelled numbers keep a [`Due`] per number, which forces one record
//! if chance alone would leave the number silent, so every label is backed
//! by traffic.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::clock::MS_PER_HOUR;
use super::dist::{Rand, between, chance, index, poisson, uniform};
use super::numbers::{Number, Style};
use super::population::Population;
use super::sink::{Origin, Rec, Route, Sink};
use super::texts;

/// Something that places calls and sends SMS, one slice at a time.
pub(super) trait Behaviour: Send {
    /// Generates this behaviour's records with event times in `[cx.from_ms, cx.to_ms)`.
    fn run(&mut self, cx: &mut Cx<'_>);
}

/// Who originates a record.
#[derive(Debug, Clone, Copy)]
pub(super) enum Caller {
    /// An ordinary subscriber (index), located at the time of the record.
    Sub(u32),
    /// A line with no device of ours: another network, abroad, a trunk or a forgery.
    Ext {
        /// The A-number.
        number: Number,
        /// Who writes the A-number.
        style: Style,
        /// Where the record enters our network.
        route: Route,
    },
    /// A SIM of ours that is not an ordinary subscriber.
    Device {
        /// The A-number.
        number: Number,
        /// Its IMSI, IMEI and cell for this record.
        origin: Origin,
    },
}

/// Text of a planned SMS, written when it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PlannedText {
    /// No text.
    None,
    /// A short reply between friends.
    Reply,
    /// A confused reply to a stranger's message.
    Puzzled,
}

/// A reaction planned for later: a call-back or a reply.
#[derive(Debug, Clone, Copy)]
pub(super) struct Planned {
    /// When it happens.
    pub(super) ts_ms: i64,
    /// An SMS rather than a call.
    pub(super) sms: bool,
    /// Who originates it.
    pub(super) caller: Caller,
    /// Who receives it.
    pub(super) callee: Number,
    /// Talk time.
    pub(super) duration_s: u32,
    /// Whether the call is answered.
    pub(super) answered: bool,
    /// Text, for an SMS.
    pub(super) text: PlannedText,
}

struct Queued {
    seq: u64,
    planned: Planned,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    /// Reversed, so the max-heap pops the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.planned.ts_ms, other.seq).cmp(&(self.planned.ts_ms, self.seq))
    }
}

/// Reactions waiting for their time.
#[derive(Default)]
pub(super) struct Future {
    heap: BinaryHeap<Queued>,
    seq: u64,
}

impl Future {
    /// Reactions waiting.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.heap.len()
    }
}

/// The obligation of a labelled number to originate at least one record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Due {
    at_ms: i64,
    done: bool,
}

impl Due {
    /// The number must have originated a record by `at_ms`.
    pub(super) fn by(at_ms: i64) -> Self {
        Due { at_ms, done: false }
    }

    /// Records that the number originated a record.
    pub(super) fn met(&mut self) {
        self.done = true;
    }

    /// When the number must originate a record in `[from_ms, to_ms)`, if it still must.
    pub(super) fn forced(&mut self, from_ms: i64, to_ms: i64) -> Option<i64> {
        if self.done || self.at_ms >= to_ms {
            return None;
        }
        self.done = true;
        Some(self.at_ms.max(from_ms))
    }
}

/// The last few parties an actor dealt with, for repeat contacts.
#[derive(Debug, Clone)]
pub(super) struct Recent<T> {
    items: Vec<T>,
    next: usize,
    cap: usize,
}

impl<T: Copy> Recent<T> {
    /// Remembers up to `cap` parties.
    pub(super) fn new(cap: usize) -> Self {
        Recent {
            items: Vec::with_capacity(cap),
            next: 0,
            cap: cap.max(1),
        }
    }

    /// Remembers `item`, forgetting the oldest when full.
    pub(super) fn push(&mut self, item: T) {
        if self.items.len() < self.cap {
            self.items.push(item);
        } else {
            self.items[self.next] = item;
        }
        self.next = (self.next + 1) % self.cap;
    }

    /// One of the remembered parties, if any.
    pub(super) fn pick(&self, rng: &mut Rand) -> Option<T> {
        (!self.items.is_empty()).then(|| self.items[index(rng, self.items.len())])
    }

    /// A remembered party again with probability `repeat_p`, otherwise a
    /// `fresh` one; either way it is remembered.
    pub(super) fn again_or(
        &mut self,
        rng: &mut Rand,
        repeat_p: f64,
        fresh: impl FnOnce(&mut Rand) -> T,
    ) -> T {
        let party = match self.pick(rng) {
            Some(party) if chance(rng, repeat_p) => party,
            _ => fresh(rng),
        };
        self.push(party);
        party
    }
}

/// When an actor is active.
#[derive(Debug, Clone, Copy)]
pub(super) struct Active {
    /// First millisecond.
    pub(super) from_ms: i64,
    /// End, exclusive.
    pub(super) to_ms: i64,
}

impl Active {
    /// The part of `[from_ms, to_ms)` in which the actor is active.
    pub(super) fn clip(self, from_ms: i64, to_ms: i64) -> Option<(i64, i64)> {
        let a = self.from_ms.max(from_ms);
        let b = self.to_ms.min(to_ms);
        (a < b).then_some((a, b))
    }
}

/// The generation context of one slice.
pub(super) struct Cx<'a> {
    /// Behaviour randomness.
    pub(super) rng: &'a mut Rand,
    /// Everyone on the network.
    pub(super) pop: &'a Population,
    /// Where records go.
    pub(super) sink: &'a mut Sink,
    /// Reactions planned for later.
    pub(super) future: &'a mut Future,
    /// Scratch space for SMS texts.
    pub(super) text: &'a mut String,
    /// Start of the slice.
    pub(super) from_ms: i64,
    /// End of the slice, exclusive.
    pub(super) to_ms: i64,
    /// End of the run, exclusive: nothing is generated at or after it.
    pub(super) end_ms: i64,
}

impl Cx<'_> {
    /// How many events a process with `per_hour` events an hour makes in `[a, b)`.
    pub(super) fn count(&mut self, a: i64, b: i64, per_hour: f64) -> u32 {
        poisson(self.rng, per_hour * (b - a) as f64 / MS_PER_HOUR as f64)
    }

    /// A uniform event time in `[a, b)`.
    pub(super) fn at(&mut self, a: i64, b: i64) -> i64 {
        between(self.rng, a, b)
    }

    /// Event time of the `k`-th of `n` events paced evenly through `[a, b)`,
    /// with jitter, in increasing order: how an auto-dialler works.
    pub(super) fn paced(&mut self, a: i64, b: i64, k: u32, n: u32) -> i64 {
        let step = (b - a) as f64 / f64::from(n.max(1));
        let t = a + ((f64::from(k) + uniform(self.rng, 0.0, 1.0)) * step) as i64;
        t.clamp(a, b - 1)
    }

    fn resolve(&mut self, caller: Caller, ts_ms: i64) -> (Number, Style, Route, Option<Origin>) {
        match caller {
            Caller::Sub(i) => {
                let s = self.pop.sub(i);
                let origin = self.pop.origin(i, ts_ms, self.rng);
                if s.roaming {
                    (s.number, Style::Roamer, Route::International, Some(origin))
                } else {
                    (s.number, Style::Subscriber, Route::Onnet, Some(origin))
                }
            }
            Caller::Ext {
                number,
                style,
                route,
            } => (number, style, route, None),
            Caller::Device { number, origin } => {
                (number, Style::Subscriber, Route::Onnet, Some(origin))
            }
        }
    }

    /// Writes a call from `caller` to `callee` starting at `ts_ms`.
    pub(super) fn call(&mut self, caller: Caller, ts_ms: i64, callee: Number, duration_s: u32) {
        let (number, style, route, origin) = self.resolve(caller, ts_ms);
        self.sink.push(&Rec {
            ts_ms,
            sms: false,
            caller: number,
            caller_style: style,
            callee,
            duration_s,
            answered: duration_s > 0,
            route,
            origin,
            text: None,
        });
    }

    /// Writes an SMS from `caller` to `callee` at `ts_ms`, with the text in
    /// `self.text` when `with_text`.
    pub(super) fn sms(&mut self, caller: Caller, ts_ms: i64, callee: Number, with_text: bool) {
        let (number, style, route, origin) = self.resolve(caller, ts_ms);
        self.sink.push(&Rec {
            ts_ms,
            sms: true,
            caller: number,
            caller_style: style,
            callee,
            duration_s: 0,
            answered: false,
            route,
            origin,
            text: with_text.then_some(self.text.as_str()),
        });
    }

    /// Queues `planned` unless it falls after the end of the run.
    pub(super) fn plan(&mut self, planned: Planned) {
        if planned.ts_ms >= self.end_ms {
            return;
        }
        self.future.seq += 1;
        let seq = self.future.seq;
        self.future.heap.push(Queued { seq, planned });
    }

    /// Writes every planned reaction due before the end of the slice.
    pub(super) fn release_planned(&mut self) {
        while let Some(top) = self.future.heap.peek() {
            if top.planned.ts_ms >= self.to_ms {
                break;
            }
            let Some(Queued { planned: p, .. }) = self.future.heap.pop() else {
                break;
            };
            // Planned while an earlier slice ran, so never before this slice.
            let ts_ms = p.ts_ms.max(self.from_ms);
            if p.sms {
                let with_text = match p.text {
                    PlannedText::None => false,
                    PlannedText::Reply => {
                        texts::reply(self.rng, self.text);
                        true
                    }
                    PlannedText::Puzzled => {
                        texts::puzzled(self.rng, self.text);
                        true
                    }
                };
                self.sms(p.caller, ts_ms, p.callee, with_text);
            } else {
                self.call(
                    p.caller,
                    ts_ms,
                    p.callee,
                    if p.answered { p.duration_s.max(1) } else { 0 },
                );
            }
        }
    }
}
