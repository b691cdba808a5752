//! Records as JSON Lines, delivered with the disorder of a real mediation feed.
//!
//! Each record is written to bytes as soon as it is made, stamped with an
//! arrival time a little after its event time, and held until the slice in
//! which it arrives. Output is in arrival order. A record's delay never
//! exceeds [`MAX_DELAY_MS`], so no record is more than that behind the newest
//! event time already delivered, well inside the engine's allowed lateness.

use rand::{Rng, SeedableRng};

use super::dist::{Rand, exponential};
use super::json::{TsFormat, push_str, push_ts, push_u64};
use super::numbers::{Number, Style, pick_fmt};

/// Longest delay between a record's event time and its arrival.
pub(super) const MAX_DELAY_MS: i64 = 55_000;

/// Where a record entered our network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// Originated by a subscriber or trunk of ours.
    Onnet,
    /// Handed over by another Thai operator.
    National,
    /// Handed over by an international carrier.
    International,
}

/// Identity of the originating device, when it is on our network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Origin {
    /// The SIM's IMSI, 15 digits starting 52001.
    pub(super) imsi: u64,
    /// The handset's or modem's IMEI.
    pub(super) imei: u64,
    /// Serving cell; unknown while roaming abroad.
    pub(super) cell: Option<u32>,
}

/// One record about to be written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rec<'t> {
    /// Call start or SMS submission.
    pub(super) ts_ms: i64,
    /// An SMS rather than a call.
    pub(super) sms: bool,
    /// A-number.
    pub(super) caller: Number,
    /// Who wrote the A-number, for the mix of formats.
    pub(super) caller_style: Style,
    /// B-number.
    pub(super) callee: Number,
    /// Talk time; 0 when unanswered and for SMS.
    pub(super) duration_s: u32,
    /// Whether the call was answered.
    pub(super) answered: bool,
    /// Where it entered our network.
    pub(super) route: Route,
    /// The originating device, if ours.
    pub(super) origin: Option<Origin>,
    /// SMS body.
    pub(super) text: Option<&'t str>,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    arrival_ms: i64,
    start: usize,
    end: usize,
}

/// Written records waiting for their arrival time.
#[derive(Debug)]
pub(super) struct Sink {
    rng: Rand,
    arena: Vec<u8>,
    items: Vec<Item>,
    spare_arena: Vec<u8>,
    spare_items: Vec<Item>,
}

impl Sink {
    /// An empty sink drawing formats and delays from its own stream of `seed`.
    pub(super) fn new(seed: u64) -> Self {
        let mut rng = Rand::seed_from_u64(seed);
        rng.set_stream(2);
        Sink {
            rng,
            arena: Vec::new(),
            items: Vec::new(),
            spare_arena: Vec::new(),
            spare_items: Vec::new(),
        }
    }

    /// Records written but not yet delivered.
    #[cfg(test)]
    pub(super) fn pending(&self) -> usize {
        self.items.len()
    }

    /// Writes `rec` and schedules its arrival.
    pub(super) fn push(&mut self, rec: &Rec<'_>) {
        let rng = &mut self.rng;
        let out = &mut self.arena;
        let start = out.len();
        out.extend_from_slice(if rec.sms {
            b"{\"kind\":\"sms\",\"ts\":"
        } else {
            b"{\"kind\":\"call\",\"ts\":"
        });
        let u = rng.random::<f64>();
        let ts_format = if u < 0.84 {
            TsFormat::UtcMillis
        } else if u < 0.91 {
            TsFormat::BangkokMillis
        } else if u < 0.97 {
            TsFormat::EpochMillis
        } else {
            TsFormat::UtcSeconds
        };
        push_ts(out, rec.ts_ms, ts_format);
        out.extend_from_slice(b",\"caller\":\"");
        rec.caller
            .write(out, pick_fmt(rng, rec.caller, rec.caller_style));
        out.extend_from_slice(b"\",\"callee\":\"");
        rec.callee
            .write(out, pick_fmt(rng, rec.callee, Style::Dialled));
        out.push(b'"');
        if !rec.sms {
            out.extend_from_slice(b",\"duration_s\":");
            push_u64(out, u64::from(rec.duration_s));
            // Some switches leave `answered` out; it then follows from the duration.
            if rng.random::<f64>() < 0.8 {
                out.extend_from_slice(if rec.answered {
                    b",\"answered\":true"
                } else {
                    b",\"answered\":false"
                });
            }
        }
        if rng.random::<f64>() < 0.97 {
            out.extend_from_slice(match rec.route {
                Route::Onnet => b",\"route\":\"onnet\"",
                Route::National => b",\"route\":\"national\"",
                Route::International => b",\"route\":\"international\"",
            });
        }
        if let Some(origin) = rec.origin {
            let gaps: f64 = rng.random();
            if gaps > 0.015 {
                out.extend_from_slice(b",\"imsi\":\"");
                push_u64(out, origin.imsi);
                out.push(b'"');
            }
            if !(0.015..0.045).contains(&gaps) {
                out.extend_from_slice(b",\"imei\":\"");
                push_u64(out, origin.imei);
                out.push(b'"');
            }
            if let Some(cell) = origin.cell
                && rng.random::<f64>() > 0.03
            {
                out.extend_from_slice(b",\"cell_id\":");
                push_cell(out, cell);
            }
        }
        if let Some(text) = rec.text {
            out.extend_from_slice(b",\"text\":");
            push_str(out, text);
        }
        out.extend_from_slice(b"}\n");
        let delay = delay_ms(rng);
        self.items.push(Item {
            arrival_ms: rec.ts_ms + delay,
            start,
            end: out.len(),
        });
    }

    /// Appends to `out`, in arrival order, every record arriving before
    /// `until_ms` (all of them when `None`); returns how many.
    pub(super) fn deliver(&mut self, until_ms: Option<i64>, out: &mut Vec<u8>) -> usize {
        // Stable: records arriving in the same millisecond keep the order they were made in.
        self.items.sort_by_key(|item| item.arrival_ms);
        let cut = match until_ms {
            Some(t) => self.items.partition_point(|item| item.arrival_ms < t),
            None => self.items.len(),
        };
        for item in &self.items[..cut] {
            out.extend_from_slice(&self.arena[item.start..item.end]);
        }
        self.spare_arena.clear();
        self.spare_items.clear();
        for item in &self.items[cut..] {
            let start = self.spare_arena.len();
            self.spare_arena
                .extend_from_slice(&self.arena[item.start..item.end]);
            self.spare_items.push(Item {
                arrival_ms: item.arrival_ms,
                start,
                end: self.spare_arena.len(),
            });
        }
        std::mem::swap(&mut self.arena, &mut self.spare_arena);
        std::mem::swap(&mut self.items, &mut self.spare_items);
        cut
    }
}

/// Delay from event to arrival: mostly under two seconds, a tail of stragglers.
fn delay_ms(rng: &mut Rand) -> i64 {
    let u = rng.random::<f64>();
    let ms = if u < 0.80 {
        rng.random_range(0..1_500)
    } else if u < 0.95 {
        exponential(rng, 4_000.0) as i64
    } else if u < 0.99 {
        rng.random_range(5_000..30_000)
    } else {
        rng.random_range(30_000..MAX_DELAY_MS)
    };
    ms.min(MAX_DELAY_MS)
}

/// Appends a cell as `"520-01-<LAC>-<CI>"`: three sectors per site, forty sites per area.
fn push_cell(out: &mut Vec<u8>, cell: u32) {
    let site = u64::from(cell / 3);
    out.extend_from_slice(b"\"520-01-");
    push_u64(out, 10_100 + site / 40);
    out.push(b'-');
    push_u64(out, site * 10 + u64::from(cell % 3) + 1);
    out.push(b'"');
}
