//! End to end through the binary: generated traffic with bad records mixed
//! in, the exit codes, the demo, and a run away from a checkout.

mod common;

use std::io::Write;

use common::{blocked, generate, labels, read_jsonl, run_file, scamstream};

/// Bad records to splice in, with the reason each must be rejected for.
fn bad_records() -> Vec<(Vec<u8>, &'static str)> {
    vec![
        (br#"{"kind":"call","ts":"#.to_vec(), "malformed"),
        (b"\xff\xfe binary \x00 noise".to_vec(), "malformed"),
        (br#"{"kind":"call","caller":"0812345678","callee":"0812345679","duration_s":5}"#.to_vec(), "missing_field"),
        (br#"{"kind":"sms","ts":"last tuesday","caller":"0812345678","callee":"0812345679"}"#.to_vec(), "bad_timestamp"),
        (br#"{"kind":"sms","ts":"2026-11-02T00:30:00Z","caller":"call me","callee":"0812345679"}"#.to_vec(), "bad_number"),
        (br#"{"kind":"call","ts":"2026-11-02T00:30:00Z","caller":"0812345678","callee":"0812345679","duration_s":-1}"#.to_vec(), "bad_value"),
        (br#"{"kind":"sms","ts":"2026-11-01T20:00:00Z","caller":"0812345678","callee":"0812345679"}"#.to_vec(), "late"),
    ]
}

#[test]
fn run_over_a_generated_file_rejects_exactly_the_bad_lines_and_blocks_fraud() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(&data, "3000", "7");

    // Splice the bad records in after every 1,000th good one.
    let good = std::fs::read(data.join("records.jsonl")).unwrap();
    let input = dir.path().join("input.jsonl");
    let mut file = std::fs::File::create(&input).unwrap();
    let mut expected = Vec::new();
    let mut bad = bad_records().into_iter();
    let mut line_no = 0u64;
    for (i, line) in good
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0
            && i % 1_000 == 0
            && let Some((record, reason)) = bad.next()
        {
            line_no += 1;
            file.write_all(&record).unwrap();
            file.write_all(b"\n").unwrap();
            expected.push((format!("line {line_no}"), reason, record));
        }
        line_no += 1;
        file.write_all(line).unwrap();
        file.write_all(b"\n").unwrap();
    }
    drop(file);
    assert_eq!(
        expected.len(),
        bad_records().len(),
        "the file is long enough for every bad record"
    );

    let (blocklist, alerts, rejects) = (
        dir.path().join("b.jsonl"),
        dir.path().join("a.jsonl"),
        dir.path().join("r.jsonl"),
    );
    let out = run_file(&input, &blocklist, &alerts, &rejects);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("records rejected    {:>12}", expected.len())),
        "{stdout}"
    );

    let rejected = read_jsonl(&rejects);
    assert_eq!(rejected.len(), expected.len(), "{rejected:#?}");
    for (entry, (location, reason, record)) in rejected.iter().zip(&expected) {
        assert_eq!(entry["location"], location.as_str());
        assert_eq!(entry["reason"], *reason, "{entry}");
        assert!(!entry["error"].as_str().unwrap().is_empty());
        match std::str::from_utf8(record) {
            Ok(text) => assert_eq!(entry["raw"], text),
            Err(_) => assert!(entry["raw_base64"].is_string(), "{entry}"),
        }
    }

    let (fraud, lookalikes) = labels(&data.join("labels.json"));
    let blocked = blocked(&read_jsonl(&blocklist));
    let false_positives: Vec<&String> =
        blocked.iter().filter(|n| !fraud.contains_key(*n)).collect();
    assert!(
        false_positives.len() * 20 <= blocked.len(),
        "precision below 0.95: {false_positives:?} of {}",
        blocked.len()
    );
    let wrongly: Vec<&String> = blocked
        .iter()
        .filter(|n| lookalikes.contains_key(*n))
        .collect();
    assert!(
        wrongly.is_empty(),
        "benign look-alikes blocked: {wrongly:?}"
    );
    for class in ["callcenter", "simbox", "wangiri"] {
        let all: Vec<&String> = fraud
            .iter()
            .filter(|(_, c)| *c == class)
            .map(|(n, _)| n)
            .collect();
        let caught = all.iter().filter(|n| blocked.contains(**n)).count();
        assert!(
            caught * 10 >= all.len() * 9,
            "{class}: {caught} of {} blocked",
            all.len()
        );
    }
    assert_block_scopes(&read_jsonl(&blocklist));
    assert_calls_to_wangiri_numbers_are_barred(&read_jsonl(&blocklist), &fraud);
}

/// Blocks on the wangiri rules' word bar our subscribers' calls to the
/// number too (the calls back are the fraud); no other block does, as a
/// forged caller ID's real owner must stay reachable.
fn assert_calls_to_wangiri_numbers_are_barred(
    entries: &[serde_json::Value],
    fraud: &std::collections::HashMap<String, String>,
) {
    let mut barred_wangiri = 0;
    for entry in entries.iter().filter(|e| e["action"] == "block") {
        let rules = entry["rules"].as_array().unwrap();
        let by_wangiri_rule = rules
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("wangiri_"));
        let bars = entry.get("bar_calls_to") == Some(&serde_json::Value::Bool(true));
        assert_eq!(bars, by_wangiri_rule, "{entry}");
        let number = entry["number"].as_str().unwrap();
        if bars && fraud.get(number).map(String::as_str) == Some("wangiri") {
            barred_wangiri += 1;
        }
    }
    assert!(barred_wangiri > 0, "no wangiri number has its calls barred");
}

/// A block on a forged caller ID's word alone stops the number only on
/// international trunks; a block by a rule that judges the whole line (and
/// scores above the block threshold on its own) stops everything.
fn assert_block_scopes(entries: &[serde_json::Value]) {
    let mut seen = std::collections::BTreeSet::new();
    for entry in entries.iter().filter(|e| e["action"] == "block") {
        let rules: Vec<&str> = entry["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        let whole_line = [
            "simbox_signature",
            "smishing_links",
            "sms_farm_template",
            "wangiri_burst",
            "wangiri_callback",
        ];
        let expected = match rules.as_slice() {
            ["spoofed_callerid"] => "international",
            _ if rules.iter().any(|r| whole_line.contains(r)) => "all",
            _ => continue,
        };
        assert_eq!(entry["scope"], expected, "{entry}");
        seen.insert(expected);
    }
    assert_eq!(seen.len(), 2, "both scopes are exercised: {seen:?}");
}

#[test]
fn configuration_errors_exit_78_and_name_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let pipeline = dir.path().join("bad.toml");
    std::fs::write(
        &pipeline,
        "[time]\nallowed_lateness = \"soon\"\n[decisions]\nblock_threshold = 7\n",
    )
    .unwrap();
    let out = scamstream(&["run", "--pipeline", pipeline.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(78));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.toml:2:") && stderr.contains("bad.toml:4:"),
        "{stderr}"
    );

    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).unwrap();
    std::fs::write(
        rules.join("a.sql"),
        "-- name: a\n-- window: 15m\nSELECT caller AS number FROM callz",
    )
    .unwrap();
    std::fs::write(
        rules.join("b.sql"),
        "-- name: b\n-- window: 15 minutes\nSELECT 1",
    )
    .unwrap();
    std::fs::write(
        rules.join("c.sql"),
        "-- name: c\n-- window: 15m\nSELECT caller FROM calls",
    )
    .unwrap();
    let out = scamstream(&["rules", "check", rules.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(78));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3 problems"), "{stderr}");
    assert!(stderr.contains("b.sql:2:"), "{stderr}");
    assert!(
        stderr.contains("a.sql:3:") && stderr.contains("callz"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c.sql:3:") && stderr.contains("`number`"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_2_and_the_shipped_rules_check_clean() {
    assert_eq!(
        scamstream(&["run", "--no-such-flag"]).status.code(),
        Some(2)
    );
    let out = scamstream(&["rules", "check", "sql"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_demo_runs_end_to_end_and_scores_itself() {
    let out = scamstream(&["demo", "--subscribers", "2000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("block-list quality: precision"), "{stdout}");
    assert!(stdout.contains("records read"), "{stdout}");
}

#[test]
fn standard_input_and_csv_give_the_same_block_list_as_json_lines() {
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().unwrap();
    let input = "tests/golden/input.jsonl";
    let run = |args: &[&str], stdin: Option<&[u8]>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_scamstream"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(stdin.unwrap_or_default()).unwrap();
        drop(pipe);
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let outputs = |name: &str| {
        let p = |kind: &str| {
            dir.path()
                .join(format!("{name}-{kind}.jsonl"))
                .to_str()
                .unwrap()
                .to_owned()
        };
        (p("b"), p("a"), p("r"))
    };

    let (b1, a1, r1) = outputs("file");
    run(
        &[
            "run",
            "--input",
            input,
            "--blocklist",
            &b1,
            "--alerts",
            &a1,
            "--rejects",
            &r1,
        ],
        None,
    );
    let (b2, a2, r2) = outputs("stdin");
    let bytes = std::fs::read(input).unwrap();
    run(
        &[
            "run",
            "--input",
            "-",
            "--blocklist",
            &b2,
            "--alerts",
            &a2,
            "--rejects",
            &r2,
        ],
        Some(&bytes),
    );

    // The same records as CSV, written by the csv crate from the JSON.
    let csv_path = dir.path().join("input.csv");
    let mut writer = csv::Writer::from_path(&csv_path).unwrap();
    let fields = [
        "kind",
        "ts",
        "caller",
        "callee",
        "duration_s",
        "answered",
        "imsi",
        "imei",
        "cell_id",
        "route",
        "text",
    ];
    writer.write_record(fields).unwrap();
    for line in std::str::from_utf8(&bytes).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let row: Vec<String> = fields
            .iter()
            .map(|f| match &v[*f] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        writer.write_record(&row).unwrap();
    }
    writer.flush().unwrap();
    let (b3, a3, r3) = outputs("csv");
    run(
        &[
            "run",
            "--input",
            csv_path.to_str().unwrap(),
            "--blocklist",
            &b3,
            "--alerts",
            &a3,
            "--rejects",
            &r3,
        ],
        None,
    );

    let from_file = read_jsonl(std::path::Path::new(&b1));
    assert!(!blocked(&from_file).is_empty());
    assert_eq!(read_jsonl(std::path::Path::new(&b2)), from_file, "stdin");
    assert_eq!(read_jsonl(std::path::Path::new(&b3)), from_file, "csv");
    for rejects in [&r1, &r2, &r3] {
        assert!(read_jsonl(std::path::Path::new(rejects)).is_empty());
    }
}

/// Away from a checkout (no `pipelines/`, no `sql/`), `run` falls back to the
/// default pipeline, rule library and allow-list built into the binary, and
/// blocks what it blocks in the checkout.
#[test]
fn run_away_from_a_checkout_uses_the_built_in_copies() {
    use std::process::Command;

    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/input.jsonl");
    let numbers = |cwd: &std::path::Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_scamstream"))
            .args(["run", "--input", input.to_str().unwrap()])
            .current_dir(cwd)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "in {}: {}",
            cwd.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let mut blocked: Vec<_> = read_jsonl(&cwd.join("out/blocklist.jsonl"))
            .into_iter()
            .map(|e| (e["number"].to_string(), e["rules"].to_string()))
            .collect();
        blocked.sort();
        blocked
    };
    let checkout = tempfile::tempdir().unwrap();
    for dir in ["pipelines", "sql"] {
        copy_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir),
            &checkout.path().join(dir),
        );
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let in_checkout = numbers(checkout.path());
    assert!(!in_checkout.is_empty(), "the golden input blocks numbers");
    assert_eq!(numbers(elsewhere.path()), in_checkout);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
