//! The number plan: which numbers and IMSIs exist.
//!
//! Every line the generator creates gets a number no other line has. Our
//! numbers come from dense blocks of 10 000, as an operator's allocations
//! do; recently sold prepaid SIMs come from "fresh" blocks and the latest
//! IMSI range, shared by newcomers and fraudsters alike. Numbers of other
//! operators never fall in our blocks. Every device gets its own IMEI:
//! drawn at random, 50 000 handsets would share about 90 of them, and a
//! shared IMEI is what betrays a SIM box.

use ahash::AHashSet;
use rand::Rng;

use super::dist::{Rand, index};
use super::numbers::{
    Country, Number, TH, bangkok_landline, imei, module_imei, phone_imei, thai_landline,
    thai_mobile,
};

/// Our mobile country and network code, the first five digits of every IMSI.
const HOME_PLMN: u64 = 52_001;

/// Which numbers and IMSIs exist, so no two lines share one.
#[derive(Debug, Default)]
pub(super) struct NumberPlan {
    /// Established 5-digit NSN prefixes of ours.
    pub(super) blocks: Vec<u64>,
    /// Prefixes of recently sold prepaid SIMs.
    pub(super) fresh: Vec<u64>,
    prefixes: AHashSet<u64>,
    used: AHashSet<u64>,
    imsis: AHashSet<u64>,
    imeis: AHashSet<u64>,
}

impl NumberPlan {
    /// Whether `number` belongs to any line the generator created.
    pub(super) fn is_taken(&self, number: Number) -> bool {
        self.used.contains(&number.key())
    }

    /// The first number of one of our blocks, where sequential diallers start.
    pub(super) fn block_start(&self, rng: &mut Rand) -> Number {
        let all = self.blocks.len() + self.fresh.len();
        let k = index(rng, all);
        let block = if k < self.blocks.len() {
            self.blocks[k]
        } else {
            self.fresh[k - self.blocks.len()]
        };
        let start = rng.random_range(0..9_000u64) / 100 * 100;
        Number::thai(block * 10_000 + start, 9)
    }

    /// A new block prefix, distinct from every other.
    pub(super) fn new_block(&mut self, rng: &mut Rand) -> u64 {
        loop {
            let first = [6u64, 8, 8, 8, 9, 9, 9, 9][index(rng, 8)];
            let block = first * 10_000 + rng.random_range(0..10_000u64);
            if self.prefixes.insert(block) {
                return block;
            }
        }
    }

    /// A new number of ours; `fresh` for a recently sold prepaid SIM.
    pub(super) fn onnet(&mut self, rng: &mut Rand, fresh: bool) -> Number {
        loop {
            for _ in 0..32 {
                let blocks = if fresh { &self.fresh } else { &self.blocks };
                let block = blocks[index(rng, blocks.len())];
                let number = Number::thai(block * 10_000 + rng.random_range(0..10_000u64), 9);
                if self.used.insert(number.key()) {
                    return number;
                }
            }
            let block = self.new_block(rng);
            if fresh {
                self.fresh.push(block);
            } else {
                self.blocks.push(block);
            }
        }
    }

    /// `count` consecutive fresh numbers, as when SIMs are bought in bulk.
    pub(super) fn onnet_run(&mut self, rng: &mut Rand, count: usize) -> Vec<Number> {
        for _ in 0..32 {
            let block = self.fresh[index(rng, self.fresh.len())];
            let first = rng.random_range(0..10_000 - count as u64);
            let run: Vec<Number> = (0..count as u64)
                .map(|k| Number::thai(block * 10_000 + first + k, 9))
                .collect();
            if run.iter().all(|n| !self.used.contains(&n.key())) {
                for n in &run {
                    self.used.insert(n.key());
                }
                return run;
            }
        }
        (0..count).map(|_| self.onnet(rng, true)).collect()
    }

    /// A new IMSI; fresh SIMs come from the latest MSIN range.
    pub(super) fn imsi(&mut self, rng: &mut Rand, fresh: bool) -> u64 {
        loop {
            let msin = if fresh {
                rng.random_range(9_000_000_000..10_000_000_000u64)
            } else {
                rng.random_range(0..9_000_000_000u64)
            };
            if self.imsis.insert(msin) {
                return HOME_PLMN * 10_000_000_000 + msin;
            }
        }
    }

    /// A new handset's IMEI.
    pub(super) fn phone_imei(&mut self, rng: &mut Rand) -> u64 {
        self.new_imei(rng, phone_imei)
    }

    /// A new GSM/LTE module's IMEI.
    pub(super) fn module_imei(&mut self, rng: &mut Rand) -> u64 {
        self.new_imei(rng, module_imei)
    }

    /// A new IMEI of the device model `tac`.
    pub(super) fn imei_of(&mut self, rng: &mut Rand, tac: u32) -> u64 {
        self.new_imei(rng, |rng| imei(tac, rng.random_range(0..1_000_000)))
    }

    fn new_imei(&mut self, rng: &mut Rand, draw: impl Fn(&mut Rand) -> u64) -> u64 {
        loop {
            let imei = draw(rng);
            if self.imeis.insert(imei) {
                return imei;
            }
        }
    }

    /// `count` consecutive fresh IMSIs.
    pub(super) fn imsi_run(&mut self, rng: &mut Rand, count: usize) -> Vec<u64> {
        let first = rng.random_range(9_000_000_000..9_999_000_000u64);
        (0..count as u64)
            .map(|k| {
                if self.imsis.insert(first + k) {
                    HOME_PLMN * 10_000_000_000 + first + k
                } else {
                    self.imsi(rng, true)
                }
            })
            .collect()
    }

    fn claim(&mut self, mut draw: impl FnMut(&mut Rand) -> Number, rng: &mut Rand) -> Number {
        loop {
            let number = draw(rng);
            let ours = number.cc == TH && self.prefixes.contains(&(number.nsn / 10_000));
            if !ours && self.used.insert(number.key()) {
                return number;
            }
        }
    }

    /// A new Thai mobile number of another operator.
    pub(super) fn offnet_mobile(&mut self, rng: &mut Rand) -> Number {
        self.claim(thai_mobile, rng)
    }

    /// A new Thai fixed-line number; `bangkok` for the capital only.
    pub(super) fn landline(&mut self, rng: &mut Rand, bangkok: bool) -> Number {
        if bangkok {
            self.claim(bangkok_landline, rng)
        } else {
            self.claim(thai_landline, rng)
        }
    }

    /// A new number in `country`; `office` for a fixed line.
    pub(super) fn foreign(&mut self, rng: &mut Rand, country: Country, office: bool) -> Number {
        if office {
            self.claim(|r| country.office(r), rng)
        } else {
            self.claim(|r| country.mobile(r), rng)
        }
    }

    /// `count` consecutive numbers in `country`, as premium ranges are leased.
    pub(super) fn foreign_run(
        &mut self,
        rng: &mut Rand,
        country: Country,
        count: usize,
    ) -> Vec<Number> {
        loop {
            let first = country.mobile(rng);
            let top = 10u64.pow(u32::from(first.len));
            let base = first.nsn / 10 * 10;
            if base + count as u64 >= top {
                continue;
            }
            let run: Vec<Number> = (0..count as u64)
                .map(|k| Number {
                    nsn: base + k,
                    ..first
                })
                .collect();
            if run.iter().all(|n| !self.used.contains(&n.key())) {
                for n in &run {
                    self.used.insert(n.key());
                }
                return run;
            }
        }
    }
}
