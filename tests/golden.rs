//! Golden tests: every rule in `sql/` over a checked-in input, compared with
//! its checked-in hits in `tests/golden/expected/<rule>.jsonl`.
//!
//! After an intended change, regenerate and review the diff:
//! `SCAMSTREAM_BLESS=1 cargo test --test golden && git diff tests/golden`.

use std::collections::BTreeMap;
use std::path::Path;

use scamstream::decisions::format_ts;
use scamstream::record::{Decoder, NumberNormalizer};
use scamstream::rules::{RefTable, RuleEngine, RuleEnv, RuleSource};
use scamstream::windowing::WindowOperator;
use serde_json::{Value, json};

const INPUT: &str = "tests/golden/input.jsonl";
const EXPECTED: &str = "tests/golden/expected";

async fn hits_by_rule() -> BTreeMap<String, Vec<String>> {
    let input = std::fs::read_to_string(INPUT).expect("the golden input is checked in");
    let lines: Vec<&str> = input.lines().collect();
    shipped_rule_hits(&lines, &RuleEnv::default()).await
}

/// The hits of the rules in `sql/` over `lines`, one JSON line each, by rule.
async fn shipped_rule_hits(lines: &[&str], env: &RuleEnv) -> BTreeMap<String, Vec<String>> {
    let engine = RuleEngine::load(&RuleSource::Dir("sql".into()), env)
        .await
        .expect("the shipped rules plan");
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    for line in lines {
        decoder
            .push_json(line.as_bytes())
            .expect("the input is clean");
    }
    let mut operator = WindowOperator::new(engine.window_specs(), 120_000);
    assert!(operator.insert(&decoder.finish()).unwrap().is_empty());
    let mut out: BTreeMap<String, Vec<String>> = engine
        .rules()
        .iter()
        .map(|r| (r.name.to_string(), Vec::new()))
        .collect();
    for window in operator.close_all() {
        for hit in engine.evaluate(&window).await.hits {
            let line = json!({
                "window_end": format_ts(window.end_ms),
                "number": hit.number,
                "score": hit.score,
                "scope": hit.scope.as_str(),
                "evidence": hit.evidence,
            });
            out.get_mut(engine.rules()[hit.rule].name.as_ref())
                .unwrap()
                .push(line.to_string());
        }
    }
    for lines in out.values_mut() {
        lines.sort();
    }
    out
}

/// The numbers `rule` flagged, and the value of `field` in its first hit on each.
fn flagged(
    hits: &BTreeMap<String, Vec<String>>,
    rule: &str,
    field: &str,
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for line in &hits[rule] {
        let hit: Value = serde_json::from_str(line).unwrap();
        out.entry(hit["number"].as_str().unwrap().to_owned())
            .or_insert_with(|| hit["evidence"][field].clone());
    }
    out
}

/// Each number `rule` flagged, in order, with its last hit's `line_type`
/// evidence and score.
fn line_types_and_scores(
    hits: &BTreeMap<String, Vec<String>>,
    rule: &str,
) -> Vec<(String, (Value, Value))> {
    let mut out = BTreeMap::new();
    for line in &hits[rule] {
        let hit: Value = serde_json::from_str(line).unwrap();
        out.insert(
            hit["number"].as_str().unwrap().to_owned(),
            (hit["evidence"]["line_type"].clone(), hit["score"].clone()),
        );
    }
    out.into_iter().collect()
}

/// A call at `minute` past 01:00 UTC, as a JSON record.
fn call(minute: u32, caller: &str, callee: &str, duration_s: u32, extra: &str) -> String {
    format!(
        r#"{{"kind":"call","ts":"2026-11-02T01:{minute:02}:00Z","caller":"{caller}","callee":"{callee}","duration_s":{duration_s}{extra}}}"#
    )
}

/// A rule environment whose `gateway_tacs` lists one test gateway model,
/// TAC `01215800`, written under `dir`.
fn test_gateway_listed(dir: &Path) -> RuleEnv {
    let tacs = dir.join("gateway_tacs.csv");
    std::fs::write(&tacs, "tac,description\n01215800,test gateway\n").unwrap();
    RuleEnv {
        tables: vec![RefTable::file("gateway_tacs", &tacs)],
        ..RuleEnv::default()
    }
}

/// `simbox_signature` reads the operator's `gateway_tacs`: a SIM that only
/// calls, in a listed gateway model, is flagged on that alone; the same SIM
/// in an unlisted model is not, nor is a listed model's SIM that also
/// receives calls.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simbox_signature_flags_sims_in_listed_gateway_models() {
    let gateway = r#","imsi":"520011234500001","imei":"01215800123456","cell_id":"520-01-1-1""#;
    let phone = r#","imsi":"520011234500002","imei":"35693803564380","cell_id":"520-01-1-1""#;
    let busy = r#","imsi":"520011234500003","imei":"01215800654321","cell_id":"520-01-1-1""#;
    let mut lines = Vec::new();
    for i in 0..8 {
        lines.push(call(
            2 * i,
            "0811000001",
            &format!("08220000{i:02}"),
            95,
            gateway,
        ));
        lines.push(call(
            2 * i,
            "0811000002",
            &format!("08230000{i:02}"),
            95,
            phone,
        ));
        lines.push(call(
            2 * i,
            "0811000003",
            &format!("08240000{i:02}"),
            95,
            busy,
        ));
        lines.push(call(
            2 * i + 1,
            &format!("08250000{i:02}"),
            "0811000003",
            60,
            "",
        ));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let dir = tempfile::tempdir().unwrap();
    let listed = test_gateway_listed(dir.path());
    let with_list = flagged(
        &shipped_rule_hits(&lines, &listed).await,
        "simbox_signature",
        "gateway_model",
    );
    assert_eq!(
        with_list.into_iter().collect::<Vec<_>>(),
        vec![("+66811000001".to_owned(), json!("01215800"))]
    );
    let shipped = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert!(shipped["simbox_signature"].is_empty(), "{shipped:#?}");
}

/// An SMS at `minute` past 01:00 UTC, as a JSON record.
fn sms(minute: u32, caller: &str, callee: &str, text: &str) -> String {
    format!(
        r#"{{"kind":"sms","ts":"2026-11-02T01:{minute:02}:00Z","caller":"{caller}","callee":"{callee}","route":"onnet","text":"{text}"}}"#
    )
}

/// `smishing_links` reads `abused_tlds`: a SIM texting a dozen people links
/// that name no brand, rotating through domains under the shipped list's
/// TLDs, is flagged; one texting its own `.com` is not, nor one with only
/// three in four links under those TLDs; and an operator's own list (here
/// only `xyz`) replaces the shipped one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smishing_links_counts_links_under_abused_tlds() {
    let rotating = ["pay-cash.vip", "easyloan.top", "job0.xyz"];
    let mut lines = Vec::new();
    for i in 0..12 {
        let callee = |block: u32| format!("08{block}0000{i:02}");
        let offer = |domain: &str| format!("สินเชื่อด่วน อนุมัติใน 5 นาที https://{domain}/a{i}");
        lines.push(sms(
            i,
            "0811000001",
            &callee(2),
            &offer(rotating[i as usize % 3]),
        ));
        lines.push(sms(i, "0811000002", &callee(3), &offer("bakery-bkk.com")));
        let mixed = if i % 4 == 0 {
            "bakery-bkk.com"
        } else {
            "easyloan.top"
        };
        lines.push(sms(i, "0811000003", &callee(4), &offer(mixed)));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let shipped = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        flagged(&shipped, "smishing_links", "abused_tld_links")
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("+66811000001".to_owned(), json!(10))],
        "flagged from the tenth such link on"
    );
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("abused_tlds.csv");
    std::fs::write(&own, "tld\nxyz\n").unwrap();
    let operator = RuleEnv {
        tables: vec![RefTable::file("abused_tlds", &own)],
        ..RuleEnv::default()
    };
    let hits = shipped_rule_hits(&lines, &operator).await;
    assert!(hits["smishing_links"].is_empty(), "{hits:#?}");
}

/// `smishing_links` judges where an agency's name points: the Department of
/// Land Transport's tax notice to a dozen owners, linking to its own
/// `eservice.dlt.go.th`, is no lure; the same words from another SIM linking
/// to a site dressed up as its subdomain are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smishing_links_spares_an_agency_linking_to_its_own_site() {
    let notice = |link: &str| format!("กรมการขนส่งทางบก: ภาษีรถของท่านครบกำหนด ชำระออนไลน์ {link}");
    let mut lines = Vec::new();
    for i in 0..12 {
        lines.push(sms(
            i,
            "0811000011",
            &format!("08200000{i:02}"),
            &notice("https://eservice.dlt.go.th"),
        ));
        lines.push(sms(
            i,
            "0811000012",
            &format!("08300000{i:02}"),
            &notice(&format!("https://eservice.dlt.go.th.tax-pay.com/r{i}")),
        ));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        flagged(&hits, "smishing_links", "brand")
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("+66811000012".to_owned(), json!("dlt"))],
    );
}

/// `smishing_links` takes a brand's name inside a domain for an imitation
/// only where anybody may register the name: an insurer's agent texting
/// `krungthai-axa.co.th` (a company the bank co-owns, under `.co.th`, whose
/// registry checks company documents) is spared, a SIM texting
/// `krungthai-axa.com` is not. A Chinese agent's link written straight
/// before a full-width comma (`www.cpic.com.cn，退订回T`) is read as
/// `cpic.com.cn`, not as an internationalised domain running on into the
/// words, which looked like a mixed-script imitation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smishing_links_spares_registered_companies_named_after_a_brand() {
    let offer = |link: &str| format!("ขอบคุณที่สนใจแผนประกัน รายละเอียดเพิ่มเติม {link}");
    let mut lines = Vec::new();
    for i in 0..4 {
        lines.push(sms(
            i,
            "0811000021",
            &format!("08200000{i:02}"),
            &offer("https://www.krungthai-axa.co.th"),
        ));
        lines.push(sms(
            i,
            "0811000022",
            &format!("08300000{i:02}"),
            &offer("https://www.krungthai-axa.com"),
        ));
        lines.push(sms(
            i,
            "0811000023",
            &format!("08400000{i:02}"),
            "【太平洋保险】感谢您接听，产品详情请见官网 https://www.cpic.com.cn，退订回T",
        ));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        flagged(&hits, "smishing_links", "sample_domain")
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("+66811000022".to_owned(), json!("krungthai-axa.com"))],
    );
}

/// `sms_farm_template` reads `vetted_suffixes`: one notice from two numbers,
/// each to six people, is a farm's template when it links to a `.com`
/// nobody vouches for, and not when it links under `.co.th`, whose
/// registry checks that a company stands behind the name.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_farm_template_passes_over_links_under_vetted_suffixes() {
    let mut lines = Vec::new();
    let senders = [
        ("081100000", "siam-logistics.co.th"),
        ("081200000", "siam-logistics.com"),
    ];
    for (k, (sender, domain)) in senders.into_iter().enumerate() {
        for s in 1..=2 {
            for i in 0..6 {
                let text =
                    format!("Parcel TH{i}{s}88 arrives today, track https://{domain}/t/{i}{s}");
                let callee = format!("08{k}{s}0000{i:02}");
                lines.push(sms(i, &format!("{sender}{s}"), &callee, &text));
            }
        }
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    let flagged: Vec<_> = flagged(&hits, "sms_farm_template", "sample_domain")
        .into_iter()
        .collect();
    assert_eq!(
        flagged,
        vec![
            ("+66812000001".to_owned(), json!("siam-logistics.com")),
            ("+66812000002".to_owned(), json!("siam-logistics.com")),
        ]
    );
}

/// `sms_farm_template` looks at who sends a campaign. Three pairs of
/// numbers text one promotion each, every number to six people, linking to
/// an unvetted `.com`: the pair of SIMs that take no calls is a farm
/// (blocked); the pair whose one phone answered a customer's call is a
/// shop (spared, though its other phone answered nothing, as a campaign
/// needs two senders); the pair of Bangkok fixed lines is a business's
/// bulk-SMS account (an alert at 0.6, not a block). An answered call from
/// a fellow sender of the campaign spares no farm.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_farm_template_blocks_sims_nobody_answers_and_alerts_on_fixed_lines() {
    let pairs = [
        ("0811000001", "0811000002", "farm"),
        ("0812000001", "0812000002", "shop"),
        ("021000001", "021000002", "mall"),
    ];
    let mut lines = Vec::new();
    for (k, (first, second, site)) in pairs.into_iter().enumerate() {
        for (s, sender) in [first, second].into_iter().enumerate() {
            for i in 0..6 {
                let text = format!("{site} sale 50% off today https://{site}-deals.com/p{s}{i}");
                lines.push(sms(i, sender, &format!("08{k}{s}0000{i:02}"), &text));
            }
        }
    }
    // In the same hour as the texts: every window that holds the campaign
    // holds the call.
    lines.push(call(0, "0899999999", "0812000001", 60, ""));
    lines.push(call(0, "0811000002", "0811000001", 60, ""));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        line_types_and_scores(&hits, "sms_farm_template"),
        vec![
            ("+6621000001".to_owned(), (json!("fixed_line"), json!(0.6))),
            ("+6621000002".to_owned(), (json!("fixed_line"), json!(0.6))),
            ("+66811000001".to_owned(), (json!("mobile"), json!(0.9))),
            ("+66811000002".to_owned(), (json!("mobile"), json!(0.9))),
        ]
    );
}

/// `spoofed_callerid` remembers the day before the window. Two Bangkok
/// mobile numbers each call four strangers from abroad at 05:00, unanswered,
/// with nobody calling them in that hour. Two friends had called the first
/// on their own at 01:00 and 02:00 (a subscriber now abroad, calling home
/// in a quiet hour); the second was called only by a victim of an earlier
/// campaign ringing back (a forged ID). Only the forged ID is flagged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spoofed_callerid_spares_a_number_people_called_on_their_own_the_day_before() {
    let at = |hour: u32, minute: u32, caller: &str, callee: &str, extra: &str| {
        format!(
            r#"{{"kind":"call","ts":"2026-11-02T{hour:02}:{minute:02}:00Z","caller":"{caller}","callee":"{callee}","duration_s":0{extra}}}"#
        )
    };
    let abroad = r#","route":"international""#;
    let roamer = "0811000021";
    let forged = "0811000022";
    let mut lines = vec![
        at(1, 0, "0821000001", roamer, ""),
        at(1, 0, forged, "0831000001", abroad),
        at(1, 10, "0831000001", forged, ""),
        at(2, 0, "0821000002", roamer, ""),
    ];
    for i in 0..4 {
        lines.push(at(5, i, roamer, &format!("08410000{i:02}"), abroad));
        lines.push(at(5, i, forged, &format!("08510000{i:02}"), abroad));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        flagged(&hits, "spoofed_callerid", "callers_in_the_day_before")
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("+66811000022".to_owned(), json!(0))],
    );
}

/// An hour of each caller dialling twelve strangers in its own block of
/// numbers, every four minutes: two hang-ups, the rest unanswered. Each
/// caller is `(number, callee block, extra JSON fields)`.
fn dialling_strangers(callers: &[(&str, &str, &str)]) -> Vec<String> {
    let mut lines = Vec::new();
    for i in 0..12 {
        let (duration, answered) = if i < 2 { (10, "true") } else { (0, "false") };
        for (caller, block, extra) in callers {
            let extra = format!(r#","answered":{answered}{extra}"#);
            let callee = format!("{block}0000{i:02}");
            lines.push(call(4 * i, caller, &callee, duration, &extra));
        }
    }
    lines
}

/// `callcenter_burst` scores a fixed line below the block threshold: a
/// Bangkok PBX line and a mobile SIM dial the same way (a dozen strangers,
/// two hang-ups, the rest unanswered) and both are hits, but the SIM's
/// score blocks it and the fixed line's only raises an alert.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callcenter_burst_leaves_fixed_lines_to_an_alert() {
    let cell = r#","route":"onnet","cell_id":"520-01-1-7""#;
    let trunk = r#","route":"national""#;
    let lines = dialling_strangers(&[("0811000010", "0822", cell), ("021000010", "0823", trunk)]);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    assert_eq!(
        line_types_and_scores(&hits, "callcenter_burst"),
        vec![
            ("+6621000010".to_owned(), (json!("fixed_line"), json!(0.6))),
            ("+66811000010".to_owned(), (json!("mobile"), json!(0.85))),
        ]
    );
}

/// `simbox_signature` judges a SIM that stays in one place: a listed
/// gateway model's SIM whose calls go out through the three sectors of one
/// site is flagged, while the same model dialling from four cells is not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn simbox_signature_flags_a_rack_on_three_sectors_but_not_on_four_cells() {
    let mut lines = Vec::new();
    for i in 0..8u32 {
        for (caller, block, cells) in [("0811000004", "0826", 3), ("0811000005", "0827", 4)] {
            let extra = format!(
                r#","imsi":"52001123450000{cells}","imei":"0121580012345{cells}","cell_id":"520-01-1-{}""#,
                i % cells
            );
            lines.push(call(
                2 * i,
                caller,
                &format!("{block}0000{i:02}"),
                95,
                &extra,
            ));
        }
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let dir = tempfile::tempdir().unwrap();
    let listed = test_gateway_listed(dir.path());
    let cells = flagged(
        &shipped_rule_hits(&lines, &listed).await,
        "simbox_signature",
        "cells",
    );
    assert_eq!(
        cells.into_iter().collect::<Vec<_>>(),
        vec![("+66811000004".to_owned(), json!(3))]
    );
}

/// `callcenter_burst` judges a SIM that stays in one place: a seat whose
/// calls go out through the three sectors of one site is flagged, while a
/// SIM dialling the same way from six cells in the hour (a driver on the
/// move) is not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callcenter_burst_flags_a_seat_on_three_sectors_but_not_a_sim_on_the_move() {
    let mut lines = Vec::new();
    for i in 0..12u32 {
        let (duration, answered) = if i < 2 { (10, "true") } else { (0, "false") };
        for (caller, block, cells) in [("0811000030", "0822", 3), ("0811000031", "0823", 6)] {
            let extra = format!(
                r#","answered":{answered},"route":"onnet","cell_id":"520-01-1-{}""#,
                i % cells
            );
            lines.push(call(
                4 * i,
                caller,
                &format!("{block}0000{i:02}"),
                duration,
                &extra,
            ));
        }
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    let cells = flagged(&hits, "callcenter_burst", "cells");
    assert_eq!(
        cells.into_iter().collect::<Vec<_>>(),
        vec![("+66811000030".to_owned(), json!(3))]
    );
}

/// `callcenter_burst` scopes its hit on a national number whose every call
/// came in on an international trunk (a forged caller ID, or a subscriber
/// abroad) to international ingress: the line at home was not judged. A
/// foreign number dialling the same way, and a SIM on one of our cells,
/// are judged whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callcenter_burst_scopes_national_numbers_heard_only_from_abroad() {
    let abroad = r#","route":"international""#;
    let cell = r#","route":"onnet","cell_id":"520-01-1-7""#;
    let lines = dialling_strangers(&[
        ("0811000020", "0822", abroad),
        ("+85512345678", "0823", abroad),
        ("0811000021", "0824", cell),
    ]);
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    let scopes: BTreeMap<String, Value> = hits["callcenter_burst"]
        .iter()
        .map(|line| {
            let hit: Value = serde_json::from_str(line).unwrap();
            (
                hit["number"].as_str().unwrap().to_owned(),
                hit["scope"].clone(),
            )
        })
        .collect();
    assert_eq!(
        scopes.into_iter().collect::<Vec<_>>(),
        vec![
            ("+66811000020".to_owned(), json!("international")),
            ("+66811000021".to_owned(), json!("all")),
            ("+85512345678".to_owned(), json!("all")),
        ]
    );
}

/// `wangiri_burst` reads `wangiri_ranges`: five one-ring calls to five
/// subscribers flag a number in a listed range (Mauritania, +222), not one
/// elsewhere (+44), which needs ten.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wangiri_burst_needs_half_the_burst_from_a_listed_range() {
    let route = r#","answered":false,"route":"international""#;
    let mut lines = Vec::new();
    for i in 0..6 {
        lines.push(call(
            i,
            "+22245123456",
            &format!("08220000{i:02}"),
            0,
            route,
        ));
        lines.push(call(
            i,
            "+447700900123",
            &format!("08230000{i:02}"),
            0,
            route,
        ));
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    let flagged = flagged(&hits, "wangiri_burst", "listed_range");
    assert_eq!(
        flagged.into_iter().collect::<Vec<_>>(),
        vec![("+22245123456".to_owned(), json!("+222"))]
    );
}

/// `wangiri_callback` flags a slow one-ring range once a subscriber it rang
/// has called it back and been answered: twelve rings in an hour, far below
/// `wangiri_burst`'s bursts. The same rings are not flagged when the call
/// back went unanswered (a flash-call pool), nor are six rings with an
/// answered call back (a caller abroad who missed a few people).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wangiri_callback_needs_a_ring_range_that_answered_a_call_back() {
    let ring = r#","answered":false,"route":"international""#;
    let answered = r#","answered":true,"route":"onnet""#;
    let unanswered = r#","answered":false,"route":"onnet""#;
    let mut calls = vec![
        (20, call(20, "0811010004", "+37167000104", 180, answered)),
        (20, call(20, "0811020004", "+37167000204", 0, unanswered)),
        (20, call(20, "0811030004", "+37167000304", 180, answered)),
    ];
    for (range, rings) in [("+371670001", 12), ("+371670002", 12), ("+371670003", 6)] {
        for i in 0..rings {
            let minute = 2 + 4 * i;
            // Each range rings its own block of subscribers: 081101xxxx for
            // the first range, 081102xxxx for the second, and so on.
            let block = &range[range.len() - 1..];
            let subscriber = format!("08110{block}00{i:02}");
            let number = format!("{range}{i:02}");
            calls.push((minute, call(minute, &number, &subscriber, 0, ring)));
        }
    }
    calls.sort_by_key(|(minute, _)| *minute);
    let lines: Vec<&str> = calls.iter().map(|(_, line)| line.as_str()).collect();
    let hits = shipped_rule_hits(&lines, &RuleEnv::default()).await;
    let flagged = flagged(&hits, "wangiri_callback", "subscribers_called_back");
    let expected: Vec<(String, Value)> = (0..12)
        .map(|i| (format!("+371670001{i:02}"), json!(1)))
        .collect();
    assert_eq!(flagged.into_iter().collect::<Vec<_>>(), expected);
    assert!(hits["wangiri_burst"].is_empty(), "{hits:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rule_matches_its_golden_hits() {
    let bless = std::env::var_os("SCAMSTREAM_BLESS").is_some();
    let actual = hits_by_rule().await;
    let mut failures = Vec::new();
    for (rule, lines) in &actual {
        let path = Path::new(EXPECTED).join(format!("{rule}.jsonl"));
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        if bless {
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == text => {}
            Ok(expected) => failures.push(format!(
                "{rule}: {} hits now, {} expected in {} (SCAMSTREAM_BLESS=1 regenerates; review the diff)",
                lines.len(),
                expected.lines().count(),
                path.display()
            )),
            Err(_) => failures.push(format!("{rule}: no golden file {} (SCAMSTREAM_BLESS=1 creates it)", path.display())),
        }
    }
    for entry in std::fs::read_dir(EXPECTED).unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        if !actual.contains_key(&name) {
            failures.push(format!(
                "{name}: golden file for a rule that no longer exists"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        actual.values().all(|hits| !hits.is_empty()),
        "every rule fires on the golden input: {actual:#?}"
    );
}
