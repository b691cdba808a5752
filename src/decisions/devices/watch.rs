//! The watch-list of blocked numbers' devices, and the hits it makes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::sightings::{Sightings, is_device_id};
use crate::decisions::{Decider, Decision, RuleInfo};
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

/// What the decider knows of the follow-up, as of a rule: its hits stay in
/// effect for `slide_ms` (the pane length, the finest slide of any rule).
pub fn rule_info(slide_ms: i64) -> RuleInfo {
    RuleInfo {
        name: RULE_NAME.into(),
        action: crate::rules::Action::Block,
        slide_ms,
        version: RULE_VERSION.into(),
        bar_calls_to: false,
    }
}

/// A blocked number seen on a device, and the rules that blocked it.
#[derive(Debug, Clone)]
struct Owner {
    number: String,
    blocked_by: Vec<String>,
}

/// Devices of blocked numbers, each watched for as long as one of the
/// numbers that put it on the list stays blocked.
#[derive(Debug)]
pub struct DeviceWatch {
    /// The follow-up's index among the decider's rules.
    rule: usize,
    /// Device → the rule-blocked numbers seen on it, first seen first.
    /// Ordered, so hits come out in the same order on every run.
    watched: BTreeMap<String, Vec<Owner>>,
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

    /// Watches the devices that `numbers` were seen on in the window, for
    /// those of them a rule got blocked. A number blocked only by the
    /// follow-up puts no device on the list, so one shared handset cannot
    /// start a chain from device to number to device.
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
            if !by_a_rule(blocked_by) {
                continue;
            }
            for device in sightings.devices_of(number) {
                self.add(device, number, blocked_by);
            }
        }
    }

    /// Watches `devices` for `number`, blocked by `blocked_by`: a block
    /// read back from the block-list after a restart. It replaces what an
    /// earlier entry of the same number said.
    pub fn restore(&mut self, number: &str, devices: &[String], blocked_by: &[String]) {
        self.forget(number);
        if !by_a_rule(blocked_by) {
            return;
        }
        for device in devices.iter().filter(|d| is_device_id(d)) {
            self.add(device, number, blocked_by);
        }
    }

    /// Stops watching for `number`: its block was lifted.
    pub fn forget(&mut self, number: &str) {
        self.watched.retain(|_, owners| {
            owners.retain(|o| o.number != number);
            !owners.is_empty()
        });
    }

    /// The devices watched for `number`.
    pub fn devices_of(&self, number: &str) -> Vec<&str> {
        self.watched
            .iter()
            .filter(|(_, owners)| owners.iter().any(|o| o.number == number))
            .map(|(device, _)| device.as_str())
            .collect()
    }

    fn add(&mut self, device: &str, number: &str, blocked_by: &[String]) {
        let owners = self.watched.entry(device.to_owned()).or_default();
        match owners.iter_mut().find(|o| o.number == number) {
            Some(owner) => owner.blocked_by = blocked_by.to_vec(),
            None => owners.push(Owner {
                number: number.to_owned(),
                blocked_by: blocked_by.to_vec(),
            }),
        }
    }

    /// A hit for every number not yet blocked that the window saw on a
    /// watched device. A device's watch ends when none of its numbers is
    /// blocked any more.
    pub fn follow(&mut self, sightings: &Sightings, decider: &Decider) -> Vec<RuleHit> {
        self.watched.retain(|_, owners| {
            owners.retain(|o| decider.is_blocked(&o.number));
            !owners.is_empty()
        });
        let mut hits: Vec<RuleHit> = Vec::new();
        for (device, owners) in &self.watched {
            let numbers = sightings.numbers_on(device, MAX_NUMBERS_PER_DEVICE + 1);
            if numbers.len() > MAX_NUMBERS_PER_DEVICE {
                self.crowded += 1;
                continue;
            }
            for number in numbers {
                let known = owners.iter().any(|o| o.number == number)
                    || decider.is_blocked(number)
                    || hits.iter().any(|h| h.number == number);
                if !known {
                    hits.push(self.hit(number, device, &owners[0]));
                }
            }
        }
        hits
    }

    fn hit(&self, number: &str, device: &str, owner: &Owner) -> RuleHit {
        let mut evidence = Map::new();
        evidence.insert("device".into(), Value::from(device));
        evidence.insert("blocked_number".into(), Value::from(owner.number.as_str()));
        evidence.insert("blocked_by".into(), Value::from(owner.blocked_by.join(",")));
        RuleHit {
            rule: self.rule,
            number: number.to_owned(),
            score: SCORE,
            scope: crate::rules::Scope::All,
            evidence,
        }
    }
}

/// Whether a block's rules include one besides the follow-up itself.
fn by_a_rule(blocked_by: &[String]) -> bool {
    blocked_by.iter().any(|r| r != RULE_NAME)
}

/// Writes on each block in `decisions` the devices its number was seen on
/// in the window, and those still watched for it from earlier windows, so
/// a renewal from a window without them does not drop them from the
/// block-list topic (which a restart reads back).
pub fn note_devices(decisions: &mut [Decision], sightings: &Sightings, watch: &DeviceWatch) {
    for decision in decisions {
        if let Decision::Block(entry) = decision {
            let mut devices: Vec<String> = sightings
                .devices_of(&entry.number)
                .into_iter()
                .chain(watch.devices_of(&entry.number))
                .map(str::to_owned)
                .collect();
            devices.sort_unstable();
            devices.dedup();
            entry.devices = devices;
        }
    }
}
