//! Tests of the generator: determinism, the record contract, bounded
//! disorder, labels backed by traffic, flat memory and the shapes of the
//! populations rules are written against.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::*;

fn config(subscribers: usize, hours: f64, seed: u64) -> GeneratorConfig {
    GeneratorConfig {
        subscribers,
        hours,
        seed,
        ..GeneratorConfig::default()
    }
}

fn generate(config: &GeneratorConfig) -> (Vec<u8>, Labels) {
    let mut generator = Generator::new(config.clone());
    let mut out = Vec::new();
    while generator.next_slice(&mut out) > 0 {}
    (out, generator.labels().clone())
}

/// One record, decoded for checks.
#[derive(Debug)]
struct Row {
    sms: bool,
    ts_ms: i64,
    caller: String,
    callee: String,
    duration_s: u64,
    answered: bool,
    route: Option<String>,
    imsi: Option<String>,
    imei: Option<String>,
    cell: Option<String>,
    text: Option<String>,
}

fn e164(number: &str) -> String {
    if let Some(rest) = number.strip_prefix('+') {
        format!("+{rest}")
    } else if let Some(rest) = number.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = number.strip_prefix('0') {
        format!("+66{rest}")
    } else {
        format!("+{number}")
    }
}

fn ts_ms(v: &Value) -> i64 {
    match v {
        Value::Number(n) => n.as_i64().expect("integer epoch ms"),
        Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("bad ts {s}: {e}"))
            .timestamp_millis(),
        other => panic!("bad ts {other}"),
    }
}

fn string(v: &Value, field: &str) -> Option<String> {
    v.get(field).map(|x| {
        x.as_str()
            .unwrap_or_else(|| panic!("{field} not a string: {v}"))
            .to_owned()
    })
}

fn parse(bytes: &[u8]) -> Vec<Row> {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    assert!(text.is_empty() || text.ends_with('\n'));
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            let kind = v["kind"].as_str().expect("kind");
            assert!(kind == "call" || kind == "sms", "{line}");
            let sms = kind == "sms";
            let duration_s = if sms {
                assert!(v.get("duration_s").is_none(), "{line}");
                0
            } else {
                v["duration_s"].as_u64().expect("duration_s")
            };
            let answered = match v.get("answered") {
                Some(a) => a.as_bool().expect("answered is a bool"),
                None => duration_s > 0,
            };
            assert_eq!(answered, duration_s > 0, "{line}");
            Row {
                sms,
                ts_ms: ts_ms(&v["ts"]),
                caller: string(&v, "caller").expect("caller"),
                callee: string(&v, "callee").expect("callee"),
                duration_s,
                answered,
                route: string(&v, "route"),
                imsi: string(&v, "imsi"),
                imei: string(&v, "imei"),
                cell: string(&v, "cell_id"),
                text: string(&v, "text"),
            }
        })
        .collect()
}

fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                dd / 10 + dd % 10
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (a, la) = generate(&config(2_000, 0.25, 7));
    let (b, lb) = generate(&config(2_000, 0.25, 7));
    let (c, _) = generate(&config(2_000, 0.25, 8));
    assert!(!a.is_empty());
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_string(&la).expect("labels serialize"),
        serde_json::to_string(&lb).expect("labels serialize")
    );
    assert_ne!(a, c);
}

#[test]
fn every_record_keeps_the_contract() {
    let cfg = config(2_000, 0.5, 1);
    let (bytes, _) = generate(&cfg);
    let rows = parse(&bytes);
    assert!(rows.len() > 1_000, "{} records", rows.len());
    let end = cfg.start_ms + cfg.span_ms();
    let mut formats = HashMap::new();
    for row in &rows {
        assert!(row.ts_ms >= cfg.start_ms && row.ts_ms < end, "{row:?}");
        for number in [&row.caller, &row.callee] {
            assert!(
                number
                    .trim_start_matches('+')
                    .bytes()
                    .all(|b| b.is_ascii_digit()),
                "{row:?}"
            );
            let full = e164(number);
            assert!((9..=16).contains(&full.len()), "{row:?}");
            if let Some(nsn) = full.strip_prefix("+66") {
                let ok = match nsn.as_bytes()[0] {
                    b'6' | b'8' | b'9' => nsn.len() == 9,
                    b'2'..=b'7' => nsn.len() == 8,
                    _ => false,
                };
                assert!(ok, "bad Thai number {row:?}");
            }
            let format = if number.starts_with('+') {
                "plus"
            } else if number.starts_with("00") {
                "intl"
            } else if number.starts_with('0') {
                "national"
            } else {
                "bare"
            };
            *formats.entry(format).or_insert(0usize) += 1;
        }
        if let Some(route) = &row.route {
            assert!(
                ["onnet", "national", "international"].contains(&route.as_str()),
                "{row:?}"
            );
        }
        if let Some(imsi) = &row.imsi {
            assert!(imsi.len() == 15 && imsi.starts_with("52001"), "{row:?}");
        }
        if let Some(imei) = &row.imei {
            assert!(imei.len() == 15 && luhn_ok(imei), "{row:?}");
        }
        if let Some(cell) = &row.cell {
            assert!(cell.starts_with("520-01-"), "{row:?}");
        }
        assert!(row.sms || row.text.is_none());
    }
    let total = rows.len() * 2;
    for format in ["plus", "intl", "national", "bare"] {
        let n = formats.get(format).copied().unwrap_or(0);
        assert!(
            n > 0 && n < total * 7 / 10 || format == "plus",
            "{format}: {n} of {total}"
        );
    }
    assert!(formats["plus"] > total / 2);
    let epoch = std::str::from_utf8(&bytes)
        .expect("UTF-8")
        .matches("\"ts\":1")
        .count();
    let offset = std::str::from_utf8(&bytes)
        .expect("UTF-8")
        .matches("+07:00\"")
        .count();
    assert!(
        epoch > rows.len() / 50 && epoch < rows.len() / 5,
        "{epoch} epoch-ms timestamps"
    );
    assert!(
        offset > rows.len() / 50 && offset < rows.len() / 5,
        "{offset} +07:00 timestamps"
    );
}

#[test]
fn disorder_stays_within_sixty_seconds() {
    let (bytes, _) = generate(&config(2_000, 0.5, 3));
    let rows = parse(&bytes);
    let mut newest = i64::MIN;
    let mut late = 0;
    let mut worst = 0;
    for row in &rows {
        if row.ts_ms < newest {
            late += 1;
            worst = worst.max(newest - row.ts_ms);
        }
        newest = newest.max(row.ts_ms);
    }
    assert!(worst <= 60_000, "a record {worst} ms behind the newest");
    assert!(late > rows.len() / 20, "only {late} records out of order");
    assert!(worst > 5_000, "disorder too tame: {worst} ms");
}

#[test]
fn every_label_originates_traffic_and_every_class_appears() {
    let (bytes, labels) = generate(&config(2_000, 1.0, 42));
    let rows = parse(&bytes);
    let callers: HashSet<String> = rows.iter().map(|r| e164(&r.caller)).collect();
    for label in &labels.fraud {
        assert!(
            callers.contains(&label.number),
            "{label:?} originates nothing"
        );
        assert!(label.number.starts_with('+'));
    }
    for label in &labels.lookalikes {
        assert!(
            callers.contains(&label.number),
            "{label:?} originates nothing"
        );
    }
    let classes: HashSet<FraudClass> = labels.fraud.iter().map(|l| l.class.clone()).collect();
    for class in [
        FraudClass::Callcenter,
        FraudClass::SpoofedCallerId,
        FraudClass::Simbox,
        FraudClass::Wangiri,
        FraudClass::Smishing,
    ] {
        assert!(classes.contains(&class), "{class:?} missing");
    }
    let kinds: HashMap<LookalikeKind, usize> =
        labels.lookalikes.iter().fold(HashMap::new(), |mut m, l| {
            *m.entry(l.kind.clone()).or_default() += 1;
            m
        });
    for kind in [
        LookalikeKind::BankCallcenter,
        LookalikeKind::DeliveryCallcenter,
        LookalikeKind::OtpSender,
        LookalikeKind::NotificationSender,
        LookalikeKind::IotSim,
        LookalikeKind::Dispatcher,
        LookalikeKind::OverseasServiceDesk,
        LookalikeKind::RoamerCallingHome,
    ] {
        assert!(
            kinds.get(&kind).copied().unwrap_or(0) >= 3,
            "{kind:?}: {kinds:?}"
        );
    }
    let numbers: HashSet<&str> = labels.fraud.iter().map(|l| l.number.as_str()).collect();
    assert_eq!(numbers.len(), labels.fraud.len(), "a number labelled twice");
}

#[test]
fn fraud_is_rare() {
    let (bytes, labels) = generate(&config(2_000, 1.0, 5));
    let rows = parse(&bytes);
    let seen: HashSet<String> = rows
        .iter()
        .flat_map(|r| [e164(&r.caller), e164(&r.callee)])
        .collect();
    assert!(
        labels.fraud.len() * 100 < seen.len(),
        "{} fraud numbers among {} numbers",
        labels.fraud.len(),
        seen.len()
    );
    assert!(
        labels.fraud.len() * 100 < labels.subscribers,
        "{} fraud numbers",
        labels.fraud.len()
    );
    let fraud: HashSet<&str> = labels.fraud.iter().map(|l| l.number.as_str()).collect();
    let from_fraud = rows
        .iter()
        .filter(|r| fraud.contains(e164(&r.caller).as_str()))
        .count();
    assert!(
        from_fraud * 5 < rows.len(),
        "{from_fraud} of {} records are fraud",
        rows.len()
    );
    assert!(
        from_fraud * 100 > rows.len(),
        "only {from_fraud} fraud records"
    );
}

#[test]
fn memory_stays_flat() {
    let mut generator = Generator::new(config(2_000, 6.0, 11));
    let mut out = Vec::new();
    let mut biggest = 0;
    let mut held = Vec::new();
    loop {
        out.clear();
        let n = generator.next_slice(&mut out);
        if n == 0 {
            break;
        }
        biggest = biggest.max(out.len());
        held.push(generator.held());
    }
    assert!(held.len() >= 300, "{} slices", held.len());
    assert!(biggest < 2_000_000, "a slice of {biggest} bytes");
    let most_held = held.iter().copied().max().unwrap_or(0);
    assert!(most_held < 5_000, "{most_held} records held between slices");
    let first_hour = held[..60].iter().copied().max().unwrap_or(0);
    let last_hour = held[held.len() - 60..].iter().copied().max().unwrap_or(0);
    assert!(
        last_hour <= first_hour * 4 + 200,
        "held grows: {first_hour} then {last_hour}"
    );
}

#[test]
fn nothing_for_an_empty_run() {
    let mut generator = Generator::new(config(2_000, 0.0, 1));
    let mut out = Vec::new();
    assert_eq!(generator.next_slice(&mut out), 0);
    assert!(out.is_empty());
    assert!(generator.labels().fraud.is_empty() && generator.labels().lookalikes.is_empty());
    let generator = Generator::new(config(2_000, f64::NAN, 1));
    assert_eq!(generator.labels().hours, 0.0);
}

#[test]
fn a_tiny_network_still_works() {
    let (bytes, labels) = generate(&config(0, 0.1, 2));
    let rows = parse(&bytes);
    assert!(!rows.is_empty());
    let callers: HashSet<String> = rows.iter().map(|r| e164(&r.caller)).collect();
    assert!(labels.fraud.iter().all(|l| callers.contains(&l.number)));
    assert!(
        labels
            .lookalikes
            .iter()
            .all(|l| callers.contains(&l.number))
    );
}

#[test]
fn dataset_files_are_written() {
    let dir = std::env::temp_dir().join(format!("scamstream-generator-{}", std::process::id()));
    let cfg = config(500, 0.1, 9);
    let n = write_dataset(&cfg, &dir).expect("write data set");
    let records = std::fs::read(dir.join("records.jsonl")).expect("records.jsonl");
    let labels: Labels =
        serde_json::from_slice(&std::fs::read(dir.join("labels.json")).expect("labels.json"))
            .expect("labels parse");
    assert_eq!(parse(&records).len() as u64, n);
    assert_eq!(labels.seed, 9);
    std::fs::remove_dir_all(&dir).expect("clean up");
}

/// Per-number traffic, for checking each population's shape.
#[derive(Debug, Default)]
struct Shape {
    calls: usize,
    answered: usize,
    talk_s: u64,
    sms: usize,
    callees: HashSet<String>,
    incoming: usize,
    cells: HashSet<String>,
    imsi: usize,
    international: usize,
    /// Records that carry a route at all (mediation drops it now and then).
    routed: usize,
    links: usize,
}

fn shapes(rows: &[Row]) -> HashMap<String, Shape> {
    let mut shapes: HashMap<String, Shape> = HashMap::new();
    for row in rows {
        let s = shapes.entry(e164(&row.caller)).or_default();
        if row.sms {
            s.sms += 1;
            if row.text.as_deref().is_some_and(|t| t.contains('/')) {
                s.links += 1;
            }
        } else {
            s.calls += 1;
            s.answered += usize::from(row.answered);
            s.talk_s += row.duration_s;
        }
        s.callees.insert(e164(&row.callee));
        s.cells.extend(row.cell.clone());
        s.imsi += usize::from(row.imsi.is_some());
        s.international += usize::from(row.route.as_deref() == Some("international"));
        s.routed += usize::from(row.route.is_some());
        if !row.sms {
            shapes.entry(e164(&row.callee)).or_default().incoming += 1;
        }
    }
    shapes
}

#[test]
fn populations_have_their_shapes() {
    let (bytes, labels) = generate(&config(2_000, 1.0, 42));
    let rows = parse(&bytes);
    let shapes = shapes(&rows);
    let of_class = |class: FraudClass| {
        labels
            .fraud
            .iter()
            .filter(move |l| l.class == class)
            .map(|l| &shapes[&l.number])
    };
    let of_kind = |kind: LookalikeKind| {
        labels
            .lookalikes
            .iter()
            .filter(move |l| l.kind == kind)
            .map(|l| &shapes[&l.number])
    };
    let rate = |it: &mut dyn Iterator<Item = &Shape>| {
        let (mut answered, mut calls) = (0, 0);
        for s in it {
            answered += s.answered;
            calls += s.calls;
        }
        answered as f64 / calls.max(1) as f64
    };

    // Ordinary traffic: about 70% answered.
    let (answered, calls) = rows
        .iter()
        .filter(|r| !r.sms)
        .fold((0, 0), |(a, c), r| (a + usize::from(r.answered), c + 1));
    let ordinary = answered as f64 / calls as f64;
    assert!((0.5..0.8).contains(&ordinary), "answer rate {ordinary}");

    let cc = rate(&mut of_class(FraudClass::Callcenter));
    assert!(cc < 0.4, "call centre answer rate {cc}");
    // SIM boxes only call; evasive racks add a little cover traffic (calls
    // between their own SIMs, a few texts) but stay on at most two cells.
    for s in of_class(FraudClass::Simbox) {
        assert!(s.sms + s.incoming <= s.calls / 4 + 3, "{s:?}");
        assert!(s.cells.len() <= 2, "{s:?}");
    }
    for s in of_class(FraudClass::Wangiri) {
        assert!(s.talk_s <= s.calls as u64 && s.international > 0, "{s:?}");
    }
    for s in of_class(FraudClass::SpoofedCallerId) {
        assert_eq!(s.imsi, 0);
        assert!(s.international > 0);
    }
    for s in of_class(FraudClass::Smishing) {
        assert_eq!(s.calls, 0);
        assert_eq!(s.links, s.sms);
    }
    let bank = rate(&mut of_kind(LookalikeKind::BankCallcenter));
    assert!(bank > 0.45, "bank answer rate {bank}");
    for s in of_kind(LookalikeKind::IotSim) {
        assert_eq!(
            (s.calls, s.callees.len(), s.cells.len().min(1)),
            (0, 1, s.cells.len()),
            "{s:?}"
        );
    }
    for s in of_kind(LookalikeKind::RoamerCallingHome) {
        assert!(s.international == s.routed && s.imsi > 0, "{s:?}");
    }
}

#[test]
fn call_centres_swap_in_new_sims_in_the_same_phones() {
    let (bytes, labels) = generate(&config(2_000, 12.0, 9));
    let centre: HashSet<String> = labels
        .fraud
        .iter()
        .filter(|l| l.class == FraudClass::Callcenter)
        .map(|l| l.number.clone())
        .collect();
    // Per phone, per SIM number: first and last call.
    let mut phones: HashMap<String, HashMap<String, (i64, i64)>> = HashMap::new();
    for row in parse(&bytes) {
        let caller = e164(&row.caller);
        // The feed leaves the device out of some records.
        let Some(imei) = row.imei.filter(|_| !row.sms && centre.contains(&caller)) else {
            continue;
        };
        let span = phones
            .entry(imei)
            .or_default()
            .entry(caller)
            .or_insert((row.ts_ms, row.ts_ms));
        span.0 = span.0.min(row.ts_ms);
        span.1 = span.1.max(row.ts_ms);
    }
    let swaps = phones
        .values()
        .filter(|sims| {
            let mut spans: Vec<_> = sims.values().copied().collect();
            spans.sort();
            spans.windows(2).any(|w| w[0].1 < w[1].0)
        })
        .count();
    assert!(swaps > 0, "no phone got a new SIM: {phones:?}");
}

#[test]
fn every_subscriber_has_a_phone_of_its_own() {
    use rand::SeedableRng;
    // 50 000 random handset IMEIs over 14 device models would share about
    // 90 of them; only SIM boxes and call centres put SIMs in one phone.
    let mut rng = dist::Rand::seed_from_u64(3);
    let pop = population::Population::build(50_000, &mut rng);
    let imeis: HashSet<u64> = pop.subs.iter().map(|s| s.imei).collect();
    assert_eq!(imeis.len(), pop.subs.len());
}

#[test]
fn a_campaign_uses_each_forged_caller_id_for_a_run_of_calls() {
    // Seed 4 once had a campaign that showed one of its forged numbers in a
    // single call, forced in at the campaign's start.
    let (bytes, labels) = generate(&config(20_000, 2.0, 4));
    let shapes = shapes(&parse(&bytes));
    let forged: Vec<_> = labels
        .fraud
        .iter()
        .filter(|l| l.class == FraudClass::SpoofedCallerId)
        .map(|l| (&l.number, shapes[&l.number].calls))
        .collect();
    assert!(forged.len() >= 3, "{forged:?}");
    assert!(forged.iter().all(|(_, calls)| *calls >= 3), "{forged:?}");
}
