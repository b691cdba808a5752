//! The watch-list of blocked numbers' devices, and the hits it makes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::sightings::{Sightings, is_device_id};
use crate::decisions::Decider;
use crate::decisions::Decision;
use crate::rules::RuleHit;

/// The name the follow-up's hits and entries carry, as a rule's would.
pub const RULE_NAME: &str = "blocked_device";

/// Its version on block-list entries: it changes when its logic does.
pub const RULE_VERSION: &str = "builtin-1";

/// The score of a follow-up hit: enough to block on its own at the
/// default threshold, as the device's previous number was blocked.
pub const SCORE: f64 = 0.9;

/// More numbers than this on one device within a window is no handset
/// (a switch's shared placeholder, a test rig): such a device is skipped.
pub const MAX_NUMBERS_PER_DEVICE: usize = 32;

/// Who put a device on the watch-list.
#[derive(Debug, Clone)]
struct Watch {
    number: String,
    blocked_by: Vec<String>,
}

/// Devices of blocked numbers, each watched for as long as that number
/// stays blocked.
#[derive(Debug)]
pub struct DeviceWatch {
    /// The follow-up's index among the decider's rules.
    rule: usize,
    /// Device → the blocked number seen on it. Ordered, so hits come out
    /// in the same order on every run.
    watched: BTreeMap<String, Watch>,
    crowded: u64,
}

impl DeviceWatch {
    /// A watch whose hits name rule `rule` of the decider.
    pub fn new(rule: usize) -> Self {
        DeviceWatch {
            rule,
            watched: BTreeMap::new(),
            crowded: 0,
        }
    }

    /// Devices watched now.
    pub fn len(&self) -> usize {
        self.watched.len()
    }

    /// Whether no device is watched.
    pub fn is_empty(&self) -> bool {
        self.watched.is_empty()
    }

    /// Times a watched device was skipped for carrying too many numbers.
    pub fn crowded(&self) -> u64 {
        self.crowded
    }

    /// Watches the devices that `numbers`, if the decider has blocked them,
    /// were seen on in the window. A device keeps the number that first put
    /// it on the list (a rule's catch, before the numbers followed from it)
    /// for as long as that number stays blocked.
    pub fn watch<'a>(
        &mut self,
        sightings: &Sightings,
        numbers: impl IntoIterator<Item = &'a str>,
        decider: &Decider,
    ) {
        for number in numbers {
            let Some(blocked_by) = decider.blocked_by(number) else {
                continue;
            };
            for device in sightings.devices_of(number) {
                self.watched
                    .entry(device.to_owned())
                    .or_insert_with(|| Watch {
                        number: number.to_owned(),
                        blocked_by: blocked_by.to_vec(),
                    });
            }
        }
    }

    /// Watches `devices` for `number`, blocked by `blocked_by`: a block
    /// read back from the block-list after a restart.
    pub fn restore(&mut self, number: &str, devices: &[String], blocked_by: &[String]) {
        for device in devices.iter().filter(|d| is_device_id(d)) {
            self.watched.entry(device.clone()).or_insert_with(|| Watch {
                number: number.to_owned(),
                blocked_by: blocked_by.to_vec(),
            });
        }
    }

    /// A hit for every number not yet blocked that the window saw on a
    /// watched device. A device's watch ends with its number's block.
    pub fn follow(&mut self, sightings: &Sightings, decider: &Decider) -> Vec<RuleHit> {
        self.watched.retain(|_, w| decider.is_blocked(&w.number));
        let mut hits: Vec<RuleHit> = Vec::new();
        for (device, watch) in &self.watched {
            let numbers = sightings.numbers_on(device);
            if numbers.len() > MAX_NUMBERS_PER_DEVICE {
                self.crowded += 1;
                continue;
            }
            for number in numbers {
                let known = number == watch.number
                    || decider.is_blocked(number)
                    || hits.iter().any(|h| h.number == number);
                if !known {
                    hits.push(self.hit(number, device, watch));
                }
            }
        }
        hits
    }

    fn hit(&self, number: &str, device: &str, watch: &Watch) -> RuleHit {
        let mut evidence = Map::new();
        evidence.insert("device".into(), Value::from(device));
        evidence.insert("blocked_number".into(), Value::from(watch.number.as_str()));
        evidence.insert("blocked_by".into(), Value::from(watch.blocked_by.join(",")));
        RuleHit {
            rule: self.rule,
            number: number.to_owned(),
            score: SCORE,
            evidence,
        }
    }
}

/// Writes on each block in `decisions` the devices its number was seen on.
pub fn note_devices(decisions: &mut [Decision], sightings: &Sightings) {
    for decision in decisions {
        if let Decision::Block(entry) = decision {
            entry.devices = sightings
                .devices_of(&entry.number)
                .into_iter()
                .map(str::to_owned)
                .collect();
            entry.devices.sort_unstable();
        }
    }
}
