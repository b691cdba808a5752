//! The watch-list against a real decider.

use serde_json::Map;

use super::*;
use crate::decisions::{AllowList, Decider, DecisionConfig, RuleInfo};
use crate::record::{Decoder, NumberNormalizer};
use crate::rules::{Action, RuleHit, Scope};

const RACK_PHONE: &str = "356938035643809";
const OTHER_PHONE: &str = "861234567890123";
const HOUR_MS: i64 = 3_600_000;

fn decider() -> Decider {
    let rule = |name: &str| RuleInfo {
        name: name.into(),
        action: Action::Block,
        slide_ms: 300_000,
        version: "v1".into(),
        bar_calls_to: false,
    };
    Decider::new(
        DecisionConfig::default(),
        vec![rule("callcenter_burst"), rule_info(300_000)],
        AllowList::default(),
    )
}

/// One pane in which each (number, device) pair originated a call.
fn sightings(pairs: &[(&str, &str)]) -> Sightings {
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for (number, device) in pairs {
        let line = format!(
            r#"{{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"{number}","callee":"0898765432","duration_s":5,"imsi":"520011234567890","imei":"{device}"}}"#
        );
        decoder.push_json(line.as_bytes()).unwrap();
    }
    Sightings::from_panes(vec![PaneDevices::build([&decoder.finish()])])
}

/// Decides a hit of rule `rule` (0: a SQL rule, 1: the follow-up) on
/// `number` at `end_ms`, which blocks it.
fn decide_hit(decider: &mut Decider, rule: usize, number: &str, end_ms: i64) {
    let hit = RuleHit {
        rule,
        number: number.into(),
        score: 0.95,
        scope: Scope::All,
        evidence: Map::new(),
    };
    let decisions = decider.on_windows_closed(end_ms - HOUR_MS, end_ms, vec![hit]);
    assert_eq!(decisions.len(), 1, "{number} is blocked");
}

fn block(decider: &mut Decider, number: &str, end_ms: i64) {
    decide_hit(decider, 0, number, end_ms);
}

#[test]
fn a_new_sim_in_a_blocked_numbers_device_is_hit_with_the_evidence() {
    let mut decider = decider();
    let mut watch = DeviceWatch::new(1);
    let seen = sightings(&[("0811111111", RACK_PHONE), ("0899999999", OTHER_PHONE)]);
    block(&mut decider, "+66811111111", HOUR_MS);
    watch.watch(&seen, ["+66811111111"], &decider);
    assert_eq!(watch.len(), 1);

    let later = sightings(&[("0822222222", RACK_PHONE), ("0899999999", OTHER_PHONE)]);
    let hits = watch.follow(&later, &decider);
    assert_eq!(hits.len(), 1, "{hits:?}");
    let hit = &hits[0];
    assert_eq!(
        (hit.rule, hit.number.as_str(), hit.score),
        (1, "+66822222222", SCORE)
    );
    assert_eq!(hit.evidence["device"], RACK_PHONE);
    assert_eq!(hit.evidence["blocked_number"], "+66811111111");
    assert_eq!(hit.evidence["blocked_by"], "callcenter_burst");
}

#[test]
fn numbers_not_blocked_put_no_device_on_the_list() {
    let decider = decider();
    let mut watch = DeviceWatch::new(1);
    let seen = sightings(&[("0811111111", RACK_PHONE), ("0822222222", RACK_PHONE)]);
    watch.watch(&seen, ["+66811111111"], &decider);
    assert!(watch.is_empty());
    assert!(watch.follow(&seen, &decider).is_empty());
}

#[test]
fn the_watch_ends_with_the_block_and_blocked_numbers_are_not_hit_again() {
    let mut decider = decider();
    let mut watch = DeviceWatch::new(1);
    let seen = sightings(&[("0811111111", RACK_PHONE), ("0822222222", RACK_PHONE)]);
    block(&mut decider, "+66811111111", HOUR_MS);
    block(&mut decider, "+66822222222", HOUR_MS);
    watch.watch(&seen, ["+66811111111"], &decider);
    assert!(
        watch.follow(&seen, &decider).is_empty(),
        "both are blocked already"
    );

    let expired = decider.advance(HOUR_MS + DecisionConfig::default().block_ttl_ms);
    assert_eq!(expired.len(), 2);
    let fresh = sightings(&[("0833333333", RACK_PHONE)]);
    assert!(watch.follow(&fresh, &decider).is_empty());
    assert!(watch.is_empty(), "the watch lapsed with the block");
}

#[test]
fn a_device_carrying_more_numbers_than_a_handset_is_skipped() {
    let mut decider = decider();
    let mut watch = DeviceWatch::new(1);
    let numbers: Vec<String> = (0..=MAX_NUMBERS_PER_DEVICE)
        .map(|i| format!("08100000{i:02}"))
        .collect();
    let pairs: Vec<(&str, &str)> = numbers.iter().map(|n| (n.as_str(), RACK_PHONE)).collect();
    let seen = sightings(&pairs);
    block(&mut decider, "+66810000000", HOUR_MS);
    watch.watch(&seen, ["+66810000000"], &decider);
    assert!(watch.follow(&seen, &decider).is_empty());
    assert_eq!(watch.crowded(), 1);

    let handset = sightings(&pairs[..MAX_NUMBERS_PER_DEVICE]);
    assert_eq!(
        watch.follow(&handset, &decider).len(),
        MAX_NUMBERS_PER_DEVICE - 1
    );
}

#[test]
fn a_number_blocked_only_by_the_follow_up_starts_no_chain() {
    let mut decider = decider();
    let mut watch = DeviceWatch::new(1);
    decide_hit(&mut decider, 1, "+66822222222", HOUR_MS);
    let seen = sightings(&[("0822222222", OTHER_PHONE), ("0833333333", OTHER_PHONE)]);
    watch.watch(&seen, ["+66822222222"], &decider);
    assert!(watch.is_empty(), "its other phone is not watched");
    watch.restore(
        "+66822222222",
        &[OTHER_PHONE.to_owned()],
        &[RULE_NAME.to_owned()],
    );
    assert!(watch.is_empty(), "nor after a restart");
}

#[test]
fn a_device_stays_watched_while_any_of_its_numbers_is_blocked() {
    let mut decider = decider();
    let mut watch = DeviceWatch::new(1);
    let seen = sightings(&[("0811111111", RACK_PHONE), ("0822222222", RACK_PHONE)]);
    block(&mut decider, "+66811111111", HOUR_MS);
    block(&mut decider, "+66822222222", 2 * HOUR_MS);
    watch.watch(&seen, ["+66811111111", "+66822222222"], &decider);
    assert_eq!(watch.devices_of("+66822222222"), [RACK_PHONE]);

    let ttl = DecisionConfig::default().block_ttl_ms;
    assert_eq!(
        decider.advance(HOUR_MS + ttl).len(),
        1,
        "the first block lapses"
    );
    let fresh = sightings(&[("0833333333", RACK_PHONE)]);
    let hits = watch.follow(&fresh, &decider);
    assert_eq!(hits.len(), 1, "the second number still holds the watch");
    assert_eq!(hits[0].evidence["blocked_number"], "+66822222222");
}

#[test]
fn a_restored_block_replaces_its_earlier_devices_and_a_lifted_one_drops_them() {
    let mut watch = DeviceWatch::new(1);
    let rules = ["callcenter_burst".to_owned()];
    watch.restore("+66811111111", &[OTHER_PHONE.to_owned()], &rules);
    watch.restore("+66811111111", &[RACK_PHONE.to_owned()], &rules);
    assert_eq!(watch.devices_of("+66811111111"), [RACK_PHONE]);
    watch.forget("+66811111111");
    assert!(watch.is_empty());
}
