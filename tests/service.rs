//! Service mode against a real Kafka-protocol broker (nisshi), fed and read
//! by an independent client (confluent-kafka): the block-list equals what a
//! file run blocks, a killed engine loses nothing, a restarted one repeats
//! no alert and remembers the day before, poison goes to the dead-letter
//! topic, and Prometheus scrapes the metrics.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use common::kafka::{
    Broker, Engine, blocked_in_topic, client, consume, eventually, free_port, http_get,
    test_pipeline, test_pipeline_with,
};
use common::{generate, read_jsonl, run_file_with};
use serde_json::Value;

/// Generated traffic plus a few records three hours later, from callers
/// spread over every partition, so that in service mode, as at the end of a
/// file, every window closes.
fn traffic(dir: &Path, subscribers: &str) -> Vec<String> {
    generate(dir, subscribers, "5");
    let text = std::fs::read_to_string(dir.join("records.jsonl")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.extend((0..40).map(|i| {
        format!(
            r#"{{"kind":"call","ts":"2026-11-02T04:00:00Z","caller":"+668000000{i:02}","callee":"+66800000099","duration_s":30}}"#
        )
    }));
    lines
}

/// Traffic of 3,000 subscribers written to `input.jsonl`, and what a file
/// run over it blocks.
fn traffic_and_expectation(dir: &Path) -> (Vec<String>, std::path::PathBuf, HashSet<String>) {
    let lines = traffic(dir, "3000");
    let input = dir.join("input.jsonl");
    write_lines(&input, &lines);
    let expected = blocked_by_file_run(dir, &input, Path::new("pipelines/default.toml"));
    (lines, input, expected)
}

/// The rules that miss nothing on a share of the partitions when the input
/// is keyed by caller: each judges a number by the records it originated.
/// `spoofed_callerid` clears a number by the calls it receives, so a share
/// can block more than the whole, never less (README, "Partitions and
/// rules").
const PARTITION_SAFE_RULES: [&str; 2] = ["spoofed_callerid.sql", "smishing_links.sql"];

/// A copy of `pipeline` whose rules are [`PARTITION_SAFE_RULES`], written to `dir`.
fn with_partition_safe_rules(dir: &Path, pipeline: &Path, name: &str) -> std::path::PathBuf {
    let rules = dir.join("partition-safe-rules");
    std::fs::create_dir_all(&rules).unwrap();
    for rule in PARTITION_SAFE_RULES {
        std::fs::copy(Path::new("sql").join(rule), rules.join(rule)).unwrap();
    }
    let text = std::fs::read_to_string(pipeline).unwrap();
    assert!(text.contains("dir = \"sql\""), "{pipeline:?} reads sql/");
    let text = text.replace(
        "dir = \"sql\"",
        &format!("dir = {:?}", rules.to_str().unwrap()),
    );
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// `lines` split into `first.jsonl` and `second.jsonl`, and the size of the
/// first half.
fn halves(dir: &Path, lines: &[String]) -> (std::path::PathBuf, std::path::PathBuf, usize) {
    let half = lines.len() / 2;
    let (first, second) = (dir.join("first.jsonl"), dir.join("second.jsonl"));
    write_lines(&first, &lines[..half]);
    write_lines(&second, &lines[half..]);
    (first, second, half)
}

/// Waits until `engine` has read `half` records and committed `commits` times.
fn wait_for_first_half(engine: &Engine, half: usize, commits: f64) {
    eventually(
        Duration::from_secs(120),
        "the first half and a commit",
        || {
            let done = engine
                .metric("scamstream_kafka_commits_total{outcome=\"ok\"}")
                .unwrap_or_default();
            (received(engine) as usize >= half && done >= commits).then_some(())
        },
    );
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The final blocked set of a file run over `input`.
fn blocked_by_file_run(dir: &Path, input: &Path, pipeline: &Path) -> HashSet<String> {
    let entries = file_run(dir, input, pipeline);
    let mut blocked = HashSet::new();
    for entry in entries {
        let number = entry["number"].as_str().unwrap().to_owned();
        if entry["action"] == "block" {
            blocked.insert(number);
        } else {
            blocked.remove(&number);
        }
    }
    assert!(blocked.len() >= 3, "the traffic should hold fraud to block");
    blocked
}

/// The block-list entries of a file run over `input` with `pipeline`.
fn file_run(dir: &Path, input: &Path, pipeline: &Path) -> Vec<Value> {
    let blocklist = dir.join("expected-blocklist.jsonl");
    let run = run_file_with(
        pipeline,
        input,
        &blocklist,
        &dir.join("expected-alerts.jsonl"),
        &dir.join("expected-rejects.jsonl"),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    read_jsonl(&blocklist)
}

fn create_topics(broker: &Broker) {
    client(&[
        "create",
        "--brokers",
        &broker.addr(),
        "--partitions",
        "4",
        "calls",
        "sms",
    ]);
}

fn produce(broker: &Broker, input: &Path) -> usize {
    client(&[
        "produce",
        "--brokers",
        &broker.addr(),
        "--input",
        input.to_str().unwrap(),
    ])
    .trim()
    .parse()
    .expect("the client prints how many it produced")
}

/// A broker whose input topics hold `input`, and an engine on the test
/// pipeline (written to `dir`) reading them, logging to `dir/engine.log`.
fn engine_on(dir: &Path, input: &Path) -> (Broker, Engine, PathBuf, PathBuf) {
    let broker = Broker::start();
    create_topics(&broker);
    produce(&broker, input);
    let pipeline = test_pipeline(dir);
    let log = dir.join("engine.log");
    let engine = Engine::start(&broker, &pipeline, &log);
    (broker, engine, pipeline, log)
}

fn wait_for_blocklist(broker: &Broker, expected: &HashSet<String>, engine: &Engine) {
    let deadline = std::time::Instant::now() + Duration::from_secs(180);
    loop {
        let blocked = blocked_in_topic(&consume(broker, "blocklist"));
        if blocked == *expected {
            return;
        }
        if std::time::Instant::now() > deadline {
            let (_, metrics) = engine.get("/metrics");
            let rejected: Vec<&str> = metrics
                .lines()
                .filter(|l| l.starts_with("scamstream_records_rejected_total"))
                .collect();
            assert_eq!(
                blocked,
                *expected,
                "rejected: {rejected:?}\nengine log:\n{}",
                engine.log_text()
            );
        }
    }
}

#[test]
fn the_service_blocks_what_a_file_run_blocks_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, input, expected) = traffic_and_expectation(dir.path());

    let broker = Broker::start();
    create_topics(&broker);
    assert_eq!(produce(&broker, &input), lines.len());
    let pipeline = test_pipeline(dir.path());
    let mut engine = Engine::start(&broker, &pipeline, &dir.path().join("engine.log"));
    wait_for_blocklist(&broker, &expected, &engine);

    assert_eq!(received(&engine) as usize, lines.len());
    assert_eq!(engine.get("/healthz").0, 200);
    assert_eq!(engine.get("/readyz").0, 200, "{}", engine.log_text());
    assert_eq!(engine.terminate(), Some(0), "{}", engine.log_text());
}

#[test]
fn an_expired_block_is_a_tombstone_in_the_blocklist_topic() {
    // A 30-minute TTL and a last record hours after the traffic: every block
    // expires, in a file run and in the service alike.
    let dir = tempfile::tempdir().unwrap();
    let (_, input, _) = traffic_and_expectation(dir.path());
    let short = [
        ("block_ttl = \"24h\"", "block_ttl = \"30m\""),
        ("republish_after = \"6h\"", "republish_after = \"10m\""),
    ];
    let file_pipeline = dir.path().join("short-ttl.toml");
    let mut text =
        std::fs::read_to_string(common::kafka::repo().join("pipelines/default.toml")).unwrap();
    for (from, to) in short {
        text = text.replace(from, to);
    }
    std::fs::write(&file_pipeline, text).unwrap();
    let entries = file_run(dir.path(), &input, &file_pipeline);
    let numbers = |action: &str| -> HashSet<String> {
        entries
            .iter()
            .filter(|e| e["action"] == action)
            .map(|e| e["number"].as_str().unwrap().to_owned())
            .collect()
    };
    let (ever_blocked, unblocked) = (numbers("block"), numbers("unblock"));
    assert!(!ever_blocked.is_empty());
    assert_eq!(
        ever_blocked, unblocked,
        "every block expires in the file run"
    );

    let broker = Broker::start();
    create_topics(&broker);
    produce(&broker, &input);
    let engine = Engine::start(
        &broker,
        &test_pipeline_with(dir.path(), &short),
        &dir.path().join("engine.log"),
    );
    let messages = eventually(
        Duration::from_secs(180),
        "a tombstone for every block",
        || {
            let messages = consume(&broker, "blocklist");
            let tombstoned: HashSet<String> = messages
                .iter()
                .filter(|m| m["value"].is_null())
                .map(|m| m["key"].as_str().unwrap().to_owned())
                .collect();
            (tombstoned == unblocked).then_some(messages)
        },
    );
    let keys: HashSet<String> = messages
        .iter()
        .map(|m| m["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys, ever_blocked, "{}", engine.log_text());
    assert!(blocked_in_topic(&messages).is_empty());
}

#[test]
fn a_killed_engine_resumes_from_its_commits_and_loses_no_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _, expected) = traffic_and_expectation(dir.path());
    let (first, second, half) = halves(dir.path(), &lines);

    let (broker, mut engine, pipeline, log) = engine_on(dir.path(), &first);
    wait_for_first_half(&engine, half, 2.0);
    assert!(
        engine
            .metric("scamstream_windowing_windows_open")
            .unwrap_or_default()
            > 0.0,
        "the kill must hit open windows"
    );
    engine.kill();

    produce(&broker, &second);
    let engine = Engine::start(&broker, &pipeline, &log);
    wait_for_blocklist(&broker, &expected, &engine);
    assert!(
        engine.log_text().contains("block-list read back"),
        "the restarted engine reads the block-list back"
    );
    let log = engine.log_text();
    let resumed = log
        .lines()
        .filter(|l| l.contains("partitions assigned"))
        .nth(1)
        .expect("the restarted engine was assigned its partitions");
    assert!(
        resumed.contains("floor_ms=17") || resumed.contains("floor_ms=18"),
        "the restarted engine resumes from the checkpointed window floor: {resumed}"
    );
}

/// A call as the JSON Lines input writes it.
fn call(ts: &str, caller: &str, callee: &str, route: &str, duration_s: u32) -> String {
    serde_json::json!({
        "kind": "call", "ts": ts, "caller": caller, "callee": callee,
        "duration_s": duration_s, "answered": duration_s > 0, "route": route,
    })
    .to_string()
}

/// Short calls at `ts` from forty callers, spread over every partition, so
/// that the watermark passes everything before `ts`.
fn calls_from_every_partition(ts: &str) -> Vec<String> {
    (0..40)
        .map(|i| {
            call(
                ts,
                &format!("+668000000{i:02}"),
                "+66800000099",
                "onnet",
                30,
            )
        })
        .collect()
}

/// A subscriber abroad whose number two people called on their own the day
/// before, and a forged caller ID with no past, each calling four strangers
/// from abroad: `spoofed_callerid` tells them apart only by the memory of
/// calls. The engine is restarted between the two days, so everything it
/// knows of the day before it must read back from the input topic.
#[test]
fn a_restarted_engine_reads_the_day_before_back_into_its_memory_of_calls() {
    let dir = tempfile::tempdir().unwrap();
    let (roamer, forged) = ("+66812345678", "+66899990001");
    let mut day_before = vec![
        call("2026-11-01T10:00:00Z", "+66811110001", roamer, "onnet", 120),
        call("2026-11-01T10:20:00Z", "+66811110002", roamer, "onnet", 300),
    ];
    day_before.extend(calls_from_every_partition("2026-11-01T13:00:00Z"));
    let mut today = Vec::new();
    for (i, minute) in [0, 7, 15, 24].iter().enumerate() {
        for (n, caller) in [roamer, forged].iter().enumerate() {
            let ts = format!("2026-11-02T09:{minute:02}:{n}0Z");
            let callee = format!("+6681222{n}{i:03}");
            today.push(call(&ts, caller, &callee, "international", 0));
        }
    }
    today.extend(calls_from_every_partition("2026-11-02T12:00:00Z"));
    let (first, second, whole) = (
        dir.path().join("day-before.jsonl"),
        dir.path().join("today.jsonl"),
        dir.path().join("both.jsonl"),
    );
    write_lines(&first, &day_before);
    write_lines(&second, &today);
    write_lines(&whole, &[day_before.clone(), today].concat());
    let expected = {
        let mut blocked = HashSet::new();
        for entry in file_run(dir.path(), &whole, Path::new("pipelines/default.toml")) {
            if entry["action"] == "block" {
                blocked.insert(entry["number"].as_str().unwrap().to_owned());
            }
        }
        blocked
    };
    assert!(
        expected.contains(forged) && !expected.contains(roamer),
        "a run that never stops blocks the forged ID only: {expected:?}"
    );

    let (broker, mut engine, pipeline, log) = engine_on(dir.path(), &first);
    wait_for_first_half(&engine, day_before.len(), 1.0);
    // The windows of the calls to the roamer close, and the commits move
    // past them: a restarted engine does not read them again.
    eventually(Duration::from_secs(60), "the watermark past 12:30", || {
        let watermark = engine.metric("scamstream_windowing_watermark_seconds")?;
        (watermark >= 1_793_536_200.0).then_some(())
    });
    let commits = engine.metric("scamstream_kafka_commits_total{outcome=\"ok\"}");
    wait_for_first_half(&engine, day_before.len(), commits.unwrap_or_default() + 2.0);
    assert_eq!(engine.terminate(), Some(0), "{}", engine.log_text());

    produce(&broker, &second);
    let engine = Engine::start(&broker, &pipeline, &log);
    wait_for_blocklist(&broker, &expected, &engine);
    // Every window of the calls from abroad has closed by then.
    eventually(Duration::from_secs(60), "the watermark past 11:00", || {
        let watermark = engine.metric("scamstream_windowing_watermark_seconds")?;
        (watermark >= 1_793_617_200.0).then_some(())
    });
    assert_eq!(blocked_in_topic(&consume(&broker, "blocklist")), expected);
    let read_back = engine
        .metric("scamstream_rules_contact_memory_history_records_total")
        .unwrap_or_default();
    assert!(
        read_back >= 2.0 && read_back < day_before.len() as f64,
        "the day before is read back up to the commits, not past them: {read_back}\n{}",
        engine.log_text()
    );
}

/// A fixed line (alerted for review, not blocked) dialling twelve strangers
/// from `hh`:00, none answering.
fn fixed_line_burst(line: &str, hh: u32) -> Vec<String> {
    (0..12)
        .map(|i| {
            let ts = format!("2026-11-01T{hh:02}:{:02}:00Z", 2 * i);
            call(&ts, line, &format!("+668133{hh:02}{i:03}"), "national", 0)
        })
        .collect()
}

/// The alerts for `number` in the alerts topic.
fn alerts_for(broker: &Broker, number: &str) -> usize {
    consume(broker, "alerts")
        .iter()
        .filter(|m| m["key"] == number)
        .count()
}

/// A fixed line that keeps dialling as it did when it was alerted is not
/// announced again within the block TTL, restart or not: the restarted
/// engine reads the day's alerts back, as it reads the block-list.
#[test]
fn a_restarted_engine_does_not_repeat_an_alert() {
    let dir = tempfile::tempdir().unwrap();
    let line = "+6621234567";
    let mut morning = fixed_line_burst(line, 10);
    morning.extend(calls_from_every_partition("2026-11-01T12:00:00Z"));
    let mut afternoon = fixed_line_burst(line, 14);
    afternoon.extend(calls_from_every_partition("2026-11-01T17:00:00Z"));
    let (first, second, whole) = (
        dir.path().join("morning.jsonl"),
        dir.path().join("afternoon.jsonl"),
        dir.path().join("both.jsonl"),
    );
    write_lines(&first, &morning);
    write_lines(&second, &afternoon);
    write_lines(&whole, &[morning.clone(), afternoon].concat());
    file_run(dir.path(), &whole, Path::new("pipelines/default.toml"));
    let alerted = read_jsonl(&dir.path().join("expected-alerts.jsonl"))
        .iter()
        .filter(|e| e["number"] == line)
        .count();
    assert_eq!(alerted, 1, "a run that never stops alerts once");

    let (broker, mut engine, pipeline, log) = engine_on(dir.path(), &first);
    eventually(Duration::from_secs(120), "the morning's alert", || {
        (alerts_for(&broker, line) == 1).then_some(())
    });
    assert_eq!(engine.terminate(), Some(0), "{}", engine.log_text());

    produce(&broker, &second);
    let engine = Engine::start(&broker, &pipeline, &log);
    eventually(Duration::from_secs(120), "the watermark past 16:00", || {
        let watermark = engine.metric("scamstream_windowing_watermark_seconds")?;
        (watermark >= 1_793_548_800.0).then_some(())
    });
    assert_eq!(alerts_for(&broker, line), alerted, "{}", engine.log_text());
}

/// Two instances share the partitions, and together block what one
/// instance blocks, with the rules for which that holds: the others group
/// records that arrive on different partitions (a rack's SIMs, a farm's
/// senders, the calls a number receives).
#[test]
fn two_instances_in_one_group_block_every_number_one_would() {
    let dir = tempfile::tempdir().unwrap();
    let (_, input, _) = traffic_and_expectation(dir.path());
    let file_pipeline = with_partition_safe_rules(
        dir.path(),
        Path::new("pipelines/default.toml"),
        "file-safe.toml",
    );
    let expected = blocked_by_file_run(dir.path(), &input, &file_pipeline);
    let broker = Broker::start();
    create_topics(&broker);
    produce(&broker, &input);
    let pipeline =
        with_partition_safe_rules(dir.path(), &test_pipeline(dir.path()), "kafka-safe.toml");
    let first = Engine::start(&broker, &pipeline, &dir.path().join("first.log"));
    eventually(
        Duration::from_secs(60),
        "the first instance reading",
        || (received(&first) > 0.0).then_some(()),
    );
    let second = Engine::start(&broker, &pipeline, &dir.path().join("second.log"));
    eventually(
        Duration::from_secs(120),
        "the partitions shared out",
        || {
            let shares = [&first, &second].map(|e| {
                e.metric("scamstream_kafka_partitions_assigned")
                    .unwrap_or_default()
            });
            (shares[0] > 0.0 && shares[1] > 0.0).then_some(())
        },
    );
    eventually(Duration::from_secs(180), "every expected block", || {
        let blocked = blocked_in_topic(&consume(&broker, "blocklist"));
        blocked.is_superset(&expected).then_some(())
    });
    assert!(
        received(&second) > 0.0,
        "the second instance read its share"
    );
}

#[test]
fn the_engine_rides_out_a_broker_outage_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (lines, _, expected) = traffic_and_expectation(dir.path());
    let (first, second, half) = halves(dir.path(), &lines);

    let mut broker = Broker::start_durable();
    create_topics(&broker);
    produce(&broker, &first);
    let mut engine = Engine::start(
        &broker,
        &test_pipeline(dir.path()),
        &dir.path().join("engine.log"),
    );
    wait_for_first_half(&engine, half, 1.0);
    broker.stop();
    // Longer than a flush waits (5 s), so that a commit is deferred.
    std::thread::sleep(Duration::from_secs(8));
    assert!(engine.is_running(), "the engine survives the outage");
    assert!(
        engine
            .metric("scamstream_kafka_commits_total{outcome=\"pending\"}")
            .unwrap_or_default()
            >= 1.0,
        "commits wait while the broker is away"
    );
    broker.resume();
    produce(&broker, &second);
    wait_for_blocklist(&broker, &expected, &engine);
    assert_eq!(
        engine
            .metric("scamstream_records_rejected_total{reason=\"late\"}")
            .unwrap_or_default(),
        0.0,
        "the backlog after the outage is not late"
    );
    assert!(engine.is_running(), "the engine was never restarted");
    assert!(
        engine.log_text().contains("BrokerTransportFailure"),
        "the engine saw the outage"
    );
}

#[test]
fn poison_goes_to_the_dead_letter_topic_and_the_engine_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let broker = Broker::start();
    // One partition, so that a dead letter's offset is its index below.
    client(&[
        "create",
        "--brokers",
        &broker.addr(),
        "--partitions",
        "1",
        "calls",
        "sms",
    ]);
    let valid = r#"{"kind":"call","ts":"2026-11-02T00:00:00Z","caller":"+66812345678","callee":"+66898765432","duration_s":12}"#;
    let oversized = format!(r#"{{"kind":"sms","text":"{}"}}"#, "x".repeat(70_000));
    let poison: [&[u8]; 3] = [
        b"{not json",
        &[0xff, 0xfe, 0x00, 0x01],
        oversized.as_bytes(),
    ];
    let mut values: Vec<String> = poison.iter().map(|p| b64(p)).collect();
    values.push(b64(valid.as_bytes()));
    let addr = broker.addr();
    let mut args = vec!["raw", "--brokers", &addr, "--topic", "calls"];
    args.extend(values.iter().map(String::as_str));
    client(&args);

    let engine = Engine::start(
        &broker,
        &test_pipeline(dir.path()),
        &dir.path().join("engine.log"),
    );
    let letters = eventually(Duration::from_secs(60), "three dead letters", || {
        let letters = consume(&broker, "rejects");
        (letters.len() >= 3).then_some(letters)
    });
    assert_eq!(letters.len(), 3, "{letters:#?}");
    let reasons: Vec<&str> = letters.iter().map(|l| header(l, "reason")).collect();
    let mut sorted = reasons.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["malformed", "malformed", "oversized"]);
    for letter in &letters {
        assert_eq!(header(letter, "source_topic"), "calls");
        let offset: usize = header(letter, "source_offset").parse().unwrap();
        assert_eq!(
            letter["value_base64"].as_str().unwrap(),
            b64(poison[offset]),
            "the original bytes are kept"
        );
        assert!(header(letter, "location").contains(&format!("offset {offset}")));
        assert!(!header(letter, "error").is_empty());
    }
    eventually(Duration::from_secs(30), "the valid record", || {
        (engine.metric("scamstream_records_accepted_total") == Some(1.0)).then_some(())
    });
    assert_eq!(
        engine.metric("scamstream_records_rejected_total{reason=\"oversized\"}"),
        Some(1.0)
    );
}

#[test]
fn metrics_pass_promtool_and_a_real_prometheus_scrapes_them() {
    let dir = tempfile::tempdir().unwrap();
    let broker = Broker::start();
    create_topics(&broker);
    let input = dir.path().join("input.jsonl");
    write_lines(&input, &traffic(dir.path(), "500"));
    produce(&broker, &input);
    let engine = Engine::start(
        &broker,
        &test_pipeline(dir.path()),
        &dir.path().join("engine.log"),
    );
    eventually(Duration::from_secs(60), "records read", || {
        (engine
            .metric("scamstream_records_accepted_total")
            .unwrap_or_default()
            > 0.0)
            .then_some(())
    });

    let (status, body) = engine.get("/metrics");
    assert_eq!(status, 200);
    let check = std::process::Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(body.as_bytes())?;
            child.wait_with_output()
        })
        .expect("promtool runs (`bash .ci/run` installs Debian's prometheus package)");
    assert!(
        check.status.success(),
        "promtool check metrics: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );

    let prometheus_port = free_port();
    let config = dir.path().join("prometheus.yml");
    std::fs::write(
        &config,
        format!(
            "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: scamstream\n    static_configs:\n      - targets: ['127.0.0.1:{}']\n",
            engine.metrics_port
        ),
    )
    .unwrap();
    let mut prometheus = std::process::Command::new("prometheus")
        .arg(format!("--config.file={}", config.display()))
        .arg(format!(
            "--storage.tsdb.path={}",
            dir.path().join("tsdb").display()
        ))
        .arg(format!("--web.listen-address=127.0.0.1:{prometheus_port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("prometheus runs (`bash .ci/run` installs Debian's prometheus package)");
    let answer = eventually(Duration::from_secs(60), "a Prometheus query answer", || {
        let (_, body) = http_get(
            prometheus_port,
            "/api/v1/query?query=sum(scamstream_records_received_total)",
        );
        let answer: Value = serde_json::from_str(&body).ok()?;
        let value = answer["data"]["result"][0]["value"][1]
            .as_str()?
            .parse::<f64>()
            .ok()?;
        (value > 0.0).then_some(value)
    });
    let _ = prometheus.kill();
    let _ = prometheus.wait();
    let direct = received(&engine);
    assert!(
        answer <= direct,
        "Prometheus saw {answer}, the engine has {direct}"
    );
}

/// Records the engine received from both input topics.
fn received(engine: &Engine) -> f64 {
    ["calls", "sms"]
        .iter()
        .map(|topic| {
            engine
                .metric(&format!(
                    "scamstream_records_received_total{{source=\"{topic}\"}}"
                ))
                .unwrap_or_default()
        })
        .sum()
}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn header<'a>(letter: &'a Value, name: &str) -> &'a str {
    letter["headers"][name].as_str().unwrap_or_default()
}
