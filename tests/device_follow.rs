//! Device follow-up end to end through the binary: a SIM that a rule blocks
//! leaves its handset watched, and the SIMs that call from that handset
//! afterwards (or beside it) are blocked as `blocked_device`; other
//! handsets and placeholder IMEIs are not followed, and the pipeline switch
//! turns it off.

mod common;

use std::path::Path;

use common::{blocked, read_jsonl, run_file_with, scamstream};
use serde_json::Value;

const RACK_PHONE: &str = "356938035643809";
const OTHER_PHONE: &str = "861234567890123";
const PLACEHOLDER: &str = "000000000000000";

fn call(time: &str, caller: &str, imei: &str) -> String {
    format!(
        r#"{{"kind":"call","ts":"2026-11-02T{time}Z","caller":"{caller}","callee":"0898765{}","duration_s":0,"answered":false,"imsi":"520011234567890","imei":"{imei}"}}"#,
        &caller[7..]
    )
}

/// A dialer on the rack phone (and once on a placeholder IMEI), a SIM
/// beside it on the same phone, one swapped in after its block, and two
/// bystanders: another phone, and the placeholder.
fn records() -> String {
    let mut lines: Vec<String> = (0..6)
        .map(|m| call(&format!("01:0{m}:00"), "0811111111", RACK_PHONE))
        .collect();
    lines.push(call("01:01:30", "0811111111", PLACEHOLDER));
    lines.push(call("01:03:30", "0844444444", RACK_PHONE));
    lines.push(call("01:25:00", "0822222222", RACK_PHONE));
    lines.push(call("01:26:00", "0833333333", OTHER_PHONE));
    lines.push(call("01:27:00", "0855555555", PLACEHOLDER));
    lines.push(call("02:00:00", "0866666666", OTHER_PHONE));
    lines.sort_by_key(|l| l[30..50].to_owned());
    lines.join("\n") + "\n"
}

/// A rule that blocks any SIM making five calls in ten minutes, and a
/// pipeline around it.
fn setup(dir: &Path, follow_devices: bool) -> std::path::PathBuf {
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("dialer.sql"),
        "-- name: dialer\n-- window: 10m\n-- score: 0.9\n-- action: block\n\
         SELECT caller AS number, count(*) AS calls FROM calls GROUP BY caller HAVING count(*) >= 5\n",
    )
    .unwrap();
    let pipeline = dir.join("pipeline.toml");
    std::fs::write(
        &pipeline,
        format!(
            "[source]\nkind = \"file\"\npath = \"unused.jsonl\"\n\n[record]\ncountry_code = 66\n\n\
             [rules]\ndir = \"{}\"\n\n[decisions]\nfollow_devices = {follow_devices}\n",
            rules.display()
        ),
    )
    .unwrap();
    pipeline
}

fn run(follow_devices: bool) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = setup(dir.path(), follow_devices);
    let input = dir.path().join("records.jsonl");
    std::fs::write(&input, records()).unwrap();
    let blocklist = dir.path().join("blocklist.jsonl");
    let out = run_file_with(
        &pipeline,
        &input,
        &blocklist,
        &dir.path().join("alerts.jsonl"),
        &dir.path().join("rejects.jsonl"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_jsonl(&blocklist)
}

fn set(numbers: &[&str]) -> std::collections::HashSet<String> {
    numbers.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn sims_on_a_blocked_numbers_handset_are_blocked_with_the_evidence() {
    let entries = run(true);
    assert_eq!(
        blocked(&entries),
        set(&["+66811111111", "+66844444444", "+66822222222"]),
        "{entries:#?}"
    );
    let dialer = entries
        .iter()
        .find(|e| e["number"] == "+66811111111")
        .unwrap();
    assert_eq!(
        dialer["devices"],
        serde_json::json!([RACK_PHONE]),
        "a block lists its number's devices, placeholders left out"
    );
    let swapped_in = entries
        .iter()
        .find(|e| e["number"] == "+66822222222")
        .unwrap();
    assert_eq!(swapped_in["rules"], serde_json::json!(["blocked_device"]));
    assert_eq!(swapped_in["window_end"], "2026-11-02T01:30:00Z");
    assert!(swapped_in["rule_versions"]["blocked_device"].is_string());
    let evidence = &swapped_in["evidence"]["blocked_device"];
    assert_eq!(evidence["device"], RACK_PHONE);
    assert_eq!(evidence["blocked_number"], "+66811111111");
    assert_eq!(evidence["blocked_by"], "dialer");
}

#[test]
fn with_follow_devices_off_only_the_rule_blocks() {
    let entries = run(false);
    assert_eq!(blocked(&entries), set(&["+66811111111"]));
    assert!(entries.iter().all(|e| e.get("devices").is_none()));
}

#[test]
fn a_backtest_scores_the_follow_up_as_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = setup(dir.path(), true);
    let input = dir.path().join("records.jsonl");
    std::fs::write(&input, records()).unwrap();
    let labels = dir.path().join("labels.json");
    std::fs::write(
        &labels,
        r#"{"seed":0,"subscribers":0,"hours":1.0,"fraud":[{"number":"+66811111111","class":"callcenter"},{"number":"+66822222222","class":"callcenter"}],
            "lookalikes":[{"number":"+66833333333","kind":"bank_callcenter"}]}"#,
    )
    .unwrap();
    let out = scamstream(&[
        "backtest",
        "--pipeline",
        pipeline.to_str().unwrap(),
        "--input",
        input.to_str().unwrap(),
        "--labels",
        labels.to_str().unwrap(),
        "--report",
        dir.path().join("report.html").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    let row: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("blocked_device ") && l.contains(" block "))
        .unwrap_or_else(|| panic!("a row for the follow-up:\n{table}"))
        .split_whitespace()
        .collect();
    // rule, action, flagged, TP, FP, look-alikes, precision
    assert_eq!(&row[1..6], ["block", "2", "1", "1", "0"], "{table}");
}

#[test]
fn a_rule_may_not_take_the_follow_ups_name() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = setup(dir.path(), true);
    std::fs::write(
        dir.path().join("rules").join("dialer.sql"),
        "-- name: blocked_device\n-- window: 10m\nSELECT caller AS number FROM calls\n",
    )
    .unwrap();
    let input = dir.path().join("records.jsonl");
    std::fs::write(&input, records()).unwrap();
    let out = run_file_with(
        &pipeline,
        &input,
        &dir.path().join("blocklist.jsonl"),
        &dir.path().join("alerts.jsonl"),
        &dir.path().join("rejects.jsonl"),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("dialer.sql") && stderr.contains("device follow-up"),
        "{stderr}"
    );
}
