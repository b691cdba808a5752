//! Wangiri ("one ring and cut"): bursts of unanswered calls from premium
//! international numbers, hoping victims call back at a premium rate.
//!
//! A burst lasts minutes, comes from a few consecutive numbers of one
//! range, and rings many subscribers once (zero duration), sometimes
//! sweeping our number blocks in order. A few victims do call back, and
//! those calls are long.

use super::cx::{Active, Behaviour, Caller, Cx, Due, Planned, PlannedText};
use super::dist::{between, chance, index, talk_s};
use super::fraud::next_in_sweep;
use super::numbers::{Number, Style};
use super::sink::Route;

/// One wangiri burst.
pub(super) struct Wangiri {
    /// The burst.
    pub(super) active: Active,
    /// Consecutive premium numbers and their duty to appear.
    pub(super) numbers: Vec<(Number, Due)>,
    /// Calls per hour during the burst.
    pub(super) rate: f64,
    /// Next number of a sequential sweep, when it sweeps.
    pub(super) sweep: Option<Number>,
}

impl Wangiri {
    fn ring(&mut self, cx: &mut Cx<'_>, ts: i64, from: usize) {
        let (callee, sub) = match self.sweep.as_mut() {
            Some(sweep) => next_in_sweep(cx.pop, cx.rng, sweep),
            None => {
                let j = cx.pop.random_sub(cx.rng);
                (cx.pop.sub(j).number, Some(j))
            }
        };
        // Hung up after one ring; now and then someone picks up in time.
        let duration = u32::from(chance(cx.rng, 0.01));
        let (number, due) = &mut self.numbers[from];
        due.met();
        let number = *number;
        let caller = Caller::Ext {
            number,
            style: Style::Interconnect,
            route: Route::International,
        };
        cx.call(caller, ts, callee, duration);
        if let Some(j) = sub
            && chance(cx.rng, 0.03)
        {
            let at = ts + between(cx.rng, 60_000, 2_400_000);
            let back = talk_s(cx.rng, 45.0, 0.8, 900.0);
            cx.plan(Planned {
                ts_ms: at,
                sms: false,
                caller: Caller::Sub(j),
                callee: number,
                duration_s: back,
                answered: true,
                text: PlannedText::None,
            });
        }
    }
}

impl Behaviour for Wangiri {
    fn run(&mut self, cx: &mut Cx<'_>) {
        let Some((a, b)) = self.active.clip(cx.from_ms, cx.to_ms) else {
            return;
        };
        let n = cx.count(a, b, self.rate);
        for k in 0..n {
            let ts = cx.paced(a, b, k, n);
            let from = index(cx.rng, self.numbers.len());
            self.ring(cx, ts, from);
        }
        for from in 0..self.numbers.len() {
            if let Some(ts) = self.numbers[from].1.forced(a, b) {
                self.ring(cx, ts, from);
            }
        }
    }
}
