use arrow::array::{Array, AsArray};
use arrow::datatypes::{Int64Type, TimestampMillisecondType};

use super::*;

fn decoder() -> Decoder {
    Decoder::new(NumberNormalizer::new(66).unwrap())
}

fn reject(line: &str) -> Rejection {
    decoder().push_json(line.as_bytes()).unwrap_err()
}

const CALL: &str =
    r#""kind":"call","ts":"2026-11-02T01:00:00Z","caller":"0812345678","callee":"+66898765432""#;

#[test]
fn a_full_call_is_decoded_and_normalised() {
    let mut d = decoder();
    let line = format!(
        r#"{{{CALL},"duration_s":42,"imsi":"520011234567890","imei":"356938035643809","cell_id":17,"route":"onnet","future_field":[1]}}"#
    );
    d.push_json(line.as_bytes()).unwrap();
    let batch = d.finish();
    assert_eq!(batch.num_rows(), 1);
    let col = |name: &str| batch.column_by_name(name).unwrap().clone();
    assert_eq!(col("caller").as_string::<i32>().value(0), "+66812345678");
    assert_eq!(col("callee").as_string::<i32>().value(0), "+66898765432");
    assert_eq!(col("duration_s").as_primitive::<Int64Type>().value(0), 42);
    assert!(
        col("answered").as_boolean().value(0),
        "answered defaults to duration > 0"
    );
    assert_eq!(col("cell_id").as_string::<i32>().value(0), "17");
    assert_eq!(
        col("event_time")
            .as_primitive::<TimestampMillisecondType>()
            .value(0),
        1_793_581_200_000
    );
    assert!(col("text").is_null(0));
}

#[test]
fn an_sms_needs_no_duration_and_has_no_answered() {
    let mut d = decoder();
    d.push_json(br#"{"kind":"sms","ts":1793581200000,"caller":"66812345678","callee":"0066898765432","text":"hi"}"#)
        .unwrap();
    let batch = d.finish();
    assert!(batch.column_by_name("duration_s").unwrap().is_null(0));
    assert!(batch.column_by_name("answered").unwrap().is_null(0));
}

#[test]
fn explicit_answered_wins_over_duration() {
    let mut d = decoder();
    d.push_json(format!(r#"{{{CALL},"duration_s":0,"answered":true}}"#).as_bytes())
        .unwrap();
    assert!(
        d.finish()
            .column_by_name("answered")
            .unwrap()
            .as_boolean()
            .value(0)
    );
}

#[test]
fn every_reject_reason_is_reachable_and_names_the_field() {
    let cases = [
        ("not json", RejectReason::Malformed, "JSON"),
        ("[1,2]", RejectReason::Malformed, "JSON"),
        (
            r#"{"ts":"2026-11-02T01:00:00Z","caller":"0812345678","callee":"0812345679"}"#,
            RejectReason::MissingField,
            "`kind`",
        ),
        (
            r#"{"kind":"call","caller":"0812345678","callee":"0812345679","duration_s":1}"#,
            RejectReason::MissingField,
            "`ts`",
        ),
        (
            &format!("{{{CALL}}}"),
            RejectReason::MissingField,
            "`duration_s`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":null}}"),
            RejectReason::MissingField,
            "`duration_s`",
        ),
        (
            r#"{"kind":"call","ts":"yesterday","caller":"0812345678","callee":"0812345679","duration_s":1}"#,
            RejectReason::BadTimestamp,
            "`ts`",
        ),
        (
            r#"{"kind":"call","ts":1793581200,"caller":"0812345678","callee":"0812345679","duration_s":1}"#,
            RejectReason::BadTimestamp,
            "seconds",
        ),
        (
            r#"{"kind":"call","ts":1.5,"caller":"0812345678","callee":"0812345679","duration_s":1}"#,
            RejectReason::BadTimestamp,
            "`ts`",
        ),
        (
            r#"{"kind":"call","ts":1793581200000,"caller":"hello","callee":"0812345679","duration_s":1}"#,
            RejectReason::BadNumber,
            "`caller`",
        ),
        (
            r#"{"kind":"call","ts":1793581200000,"caller":"0812345678","callee":"+1","duration_s":1}"#,
            RejectReason::BadNumber,
            "`callee`",
        ),
        (
            r#"{"kind":"call","ts":1793581200000,"caller":true,"callee":"0812345679","duration_s":1}"#,
            RejectReason::BadNumber,
            "`caller`",
        ),
        (
            r#"{"kind":"fax","ts":1793581200000,"caller":"0812345678","callee":"0812345679"}"#,
            RejectReason::BadValue,
            "`kind`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":-3}}"),
            RejectReason::BadValue,
            "`duration_s`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":2.5}}"),
            RejectReason::BadValue,
            "`duration_s`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":1,\"answered\":\"maybe\"}}"),
            RejectReason::BadValue,
            "`answered`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":1,\"route\":\"satellite\"}}"),
            RejectReason::BadValue,
            "`route`",
        ),
        (
            &format!("{{{CALL},\"duration_s\":1,\"imsi\":{{}}}}"),
            RejectReason::BadValue,
            "`imsi`",
        ),
    ];
    for (line, reason, mentions) in cases {
        let r = reject(line);
        assert_eq!(r.reason, reason, "{line} -> {r}");
        assert!(r.message.contains(mentions), "{line} -> {r}");
    }
}

#[test]
fn rejected_records_leave_no_partial_row() {
    let mut d = decoder();
    assert!(
        d.push_json(br#"{"kind":"call","ts":1793581200000,"caller":"0812345678","callee":"x"}"#)
            .is_err()
    );
    assert_eq!(d.len(), 0);
    assert_eq!(d.finish().num_rows(), 0);
}

fn csv_rows(text: &str) -> (CsvHeader, Vec<csv::ByteRecord>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = CsvHeader::new(reader.byte_headers().unwrap());
    let rows = reader.byte_records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn csv_and_json_decode_to_the_same_batch() {
    let (header, rows) = csv_rows(
        "kind,ts,caller,callee,duration_s,answered,imsi,imei,cell_id,route,text,extra\n\
         call,2026-11-02T01:00:00Z,0812345678,+66898765432,42,,,,17,onnet,,x\n\
         sms,1793581200000,66812345678,0898765432,,,,,,,\"hello, world\",y\n",
    );
    let mut from_csv = decoder();
    for row in &rows {
        from_csv.push_csv(&header, row).unwrap();
    }
    let mut from_json = decoder();
    from_json
        .push_json(
            format!(r#"{{{CALL},"duration_s":42,"cell_id":"17","route":"onnet"}}"#).as_bytes(),
        )
        .unwrap();
    from_json
        .push_json(br#"{"kind":"sms","ts":1793581200000,"caller":"+66812345678","callee":"0898765432","text":"hello, world"}"#)
        .unwrap();
    assert_eq!(from_csv.finish(), from_json.finish());
}

#[test]
fn csv_rejects_use_the_same_reasons() {
    let (header, rows) = csv_rows(
        "kind,ts,caller,callee,duration_s\ncall,nope,0812345678,0812345679,3\ncall,1793581200000,0812345678,0812345679,\n",
    );
    let mut d = decoder();
    assert_eq!(
        d.push_csv(&header, &rows[0]).unwrap_err().reason,
        RejectReason::BadTimestamp
    );
    assert_eq!(
        d.push_csv(&header, &rows[1]).unwrap_err().reason,
        RejectReason::MissingField
    );
}

#[test]
fn rfc3339_offsets_are_converted_to_utc() {
    let mut d = decoder();
    d.push_json(br#"{"kind":"sms","ts":"2026-11-02T08:00:00+07:00","caller":"0812345678","callee":"0812345679"}"#)
        .unwrap();
    let batch = d.finish();
    let ts = batch.column_by_name("event_time").unwrap();
    assert_eq!(
        ts.as_primitive::<TimestampMillisecondType>().value(0),
        1_793_581_200_000
    );
}

#[test]
fn the_first_link_of_a_text_is_kept_as_link_domain() {
    let mut d = decoder();
    let sms =
        r#""kind":"sms","ts":"2026-11-02T01:00:00Z","caller":"0812345678","callee":"0898765432""#;
    for text in [
        "แจ้งเตือน: ยืนยันที่ WWW.Kbank-Secure.com/x แล้ว bit.ly/2",
        "ค่าไฟ 120/200 บาท",
        "no link here",
    ] {
        let line = format!(
            r#"{{{sms},"text":{}}}"#,
            serde_json::to_string(text).unwrap()
        );
        d.push_json(line.as_bytes()).unwrap();
    }
    d.push_json(format!(r#"{{{CALL},"duration_s":0}}"#).as_bytes())
        .unwrap();
    let batch = d.finish();
    let domains = batch
        .column_by_name("link_domain")
        .unwrap()
        .as_string::<i32>();
    assert_eq!(domains.value(0), "kbank-secure.com");
    assert!(domains.is_null(1), "a slash between numbers is no link");
    assert!(domains.is_null(2) && domains.is_null(3));
}

/// A line that is not UTF-8 is malformed, and the message says where.
#[test]
fn invalid_utf8_is_malformed_with_its_position() {
    let mut line = format!(r#"{{{CALL},"duration_s":1,"text":"ok"}}"#).into_bytes();
    let at = line.len() - 3;
    line[at] = 0xff;
    let rejection = decoder().push_json(&line).unwrap_err();
    assert_eq!(rejection.reason, RejectReason::Malformed);
    assert!(
        rejection.message.contains("column"),
        "{}",
        rejection.message
    );
}

#[test]
fn consecutive_batches_equal_batches_of_fresh_decoders() {
    let lines: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"kind":"sms","ts":{},"caller":"08123456{:02}","callee":"+66898765432","text":"{}"}}"#,
                1_793_581_200_000_i64 + i,
                i,
                "x".repeat(i as usize)
            )
        })
        .collect();
    let mut reused = decoder();
    // Batches of growing, then shrinking, size: the reused decoder's buffers
    // are sized from the batch before.
    for range in [0..3, 3..20, 20..22, 22..40] {
        let mut fresh = decoder();
        for line in &lines[range] {
            reused.push_json(line.as_bytes()).unwrap();
            fresh.push_json(line.as_bytes()).unwrap();
        }
        assert_eq!(reused.finish(), fresh.finish());
    }
}

#[test]
fn a_by_kind_decoder_gives_the_batches_of_the_calls_and_of_the_sms() {
    let call = |i: u32| format!(r#"{{{CALL},"duration_s":{i}}}"#);
    let sms = |i: u32| {
        format!(
            r#"{{"kind":"sms","ts":1793581200000,"caller":"0812345678","callee":"0898765{i:03}"}}"#
        )
    };
    let mixed = [call(1), sms(2), sms(3), call(4), sms(5)];
    let mut by_kind = Decoder::by_kind(NumberNormalizer::new(66).unwrap());
    let (mut calls, mut texts) = (decoder(), decoder());
    for line in &mixed {
        let kind = by_kind.push_json(line.as_bytes()).unwrap();
        let alone = if kind == Kind::Call {
            &mut calls
        } else {
            &mut texts
        };
        alone.push_json(line.as_bytes()).unwrap();
    }
    assert_eq!(by_kind.len(), 5);
    assert_eq!(by_kind.finish_by_kind(), (calls.finish(), texts.finish()));
    for line in &mixed {
        by_kind.push_json(line.as_bytes()).unwrap();
    }
    let all = by_kind.finish();
    let kinds = all.column_by_name("kind").unwrap().as_string::<i32>();
    assert_eq!(
        kinds.iter().flatten().collect::<Vec<_>>(),
        ["call", "call", "sms", "sms", "sms"],
        "one batch holds the calls, then the SMS"
    );
}

#[test]
fn a_by_pane_decoder_keeps_each_kind_and_pane_apart_in_input_order() {
    const PANE_MS: i64 = 300_000;
    let base: i64 = 1_793_581_200_000;
    let line = |i: i64| {
        let kind = if i % 3 == 0 { "sms" } else { "call" };
        // Out of order across pane boundaries, as a mediation feed delivers.
        let ts = base + (i * 37_000) % (3 * PANE_MS) + if i % 4 == 0 { -40_000 } else { 0 };
        format!(
            r#"{{"kind":"{kind}","ts":{ts},"caller":"0812345678","callee":"0898765{i:03}","duration_s":{i}}}"#
        )
    };
    let lines: Vec<String> = (0..60).map(line).collect();
    let mut by_pane = Decoder::by_pane(NumberNormalizer::new(66).unwrap(), PANE_MS);
    let mut expected: Vec<(GroupKey, Decoder)> = Vec::new();
    for text in &lines {
        let kind = by_pane.push_json(text.as_bytes()).unwrap();
        let ts: i64 = text
            .split("\"ts\":")
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let key = GroupKey {
            kind: Some(kind),
            pane_start_ms: Some(ts.div_euclid(PANE_MS) * PANE_MS),
        };
        let group = match expected.iter().position(|(k, _)| *k == key) {
            Some(g) => g,
            None => {
                expected.push((key, decoder()));
                expected.len() - 1
            }
        };
        assert_eq!(by_pane.last_group(), group, "{text}");
        expected[group].1.push_json(text.as_bytes()).unwrap();
    }
    assert!(expected.len() >= 6, "{} groups", expected.len());
    let groups = by_pane.finish_groups();
    assert_eq!(groups.len(), expected.len());
    for (got, (key, mut alone)) in groups.into_iter().zip(expected) {
        assert_eq!(got.key, key);
        assert_eq!(got.batch, alone.finish(), "{key:?}");
    }
    assert!(by_pane.is_empty());
    assert_eq!(by_pane.finish().num_rows(), 0);
}

/// Calls and texts to home service short codes are kept, as dialled; a
/// short code cannot be a caller (a block-list names phone numbers), and a
/// `+` or a trunk prefix makes the text a phone number that must be whole.
#[test]
fn short_code_callees_are_kept_as_dialled() {
    let mut d = decoder();
    // Padding longer than the code, in ASCII or Unicode spaces, is trimmed
    // as well.
    let padded = ["\"   191   \"", "\"\u{a0}1669\u{3000}\""];
    for callee in [
        r#""191""#,
        "1669",
        r#"" 10086 ""#,
        r#""95588""#,
        padded[0],
        padded[1],
    ] {
        let line = format!(
            r#"{{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"0812345678","callee":{callee},"duration_s":30}}"#
        );
        d.push_json(line.as_bytes()).unwrap();
    }
    let batch = d.finish();
    let callees = batch.column_by_name("callee").unwrap().as_string::<i32>();
    let kept: Vec<&str> = callees.iter().map(Option::unwrap).collect();
    assert_eq!(kept, ["191", "1669", "10086", "95588", "191", "1669"]);
    for (field, value) in [
        ("caller", "191"),
        ("callee", "+191"),
        ("callee", "0191"),
        ("callee", "12"),
        ("callee", "1234567"),
    ] {
        let (caller, callee) = match field {
            "caller" => (value, "0898765432"),
            _ => ("0812345678", value),
        };
        let rejected = reject(&format!(
            r#"{{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"{caller}","callee":"{callee}","duration_s":30}}"#
        ));
        assert_eq!(rejected.reason, RejectReason::BadNumber, "{field} {value}");
        assert!(rejected.message.contains(field), "{}", rejected.message);
    }
    let caller = reject(
        r#"{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"1175","callee":"0898765432","duration_s":3}"#,
    );
    assert_eq!(
        caller.message,
        "field `caller` \"1175\" is a service short code: a caller must be a phone number"
    );
}

/// A withheld caller ID is rejected with a reason of its own, so a flood of
/// them is not mistaken for bad data; a missing caller is still missing.
#[test]
fn withheld_callers_have_a_reason_of_their_own() {
    for caller in ["anonymous", "Restricted", "", " PRIVATE "] {
        let rejected = reject(&format!(
            r#"{{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"{caller}","callee":"0898765432","duration_s":3}}"#
        ));
        assert_eq!(rejected.reason, RejectReason::WithheldCaller, "{caller:?}");
        assert!(
            rejected.message.contains("withheld"),
            "{}",
            rejected.message
        );
    }
    let missing = reject(
        r#"{"kind":"call","ts":"2026-11-02T01:00:00Z","callee":"0898765432","duration_s":3}"#,
    );
    assert_eq!(missing.reason, RejectReason::MissingField);
    let garbled = reject(
        r#"{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"call me","callee":"0898765432","duration_s":3}"#,
    );
    assert_eq!(garbled.reason, RejectReason::BadNumber);
}
