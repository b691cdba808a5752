use super::*;
use crate::sources::generator::{FraudClass, FraudLabel, LookalikeKind, LookalikeLabel};

const MIN: i64 = 60_000;

fn labels() -> Labels {
    let fraud = |number: &str, class| FraudLabel {
        number: number.into(),
        class,
    };
    Labels {
        seed: 1,
        subscribers: 10,
        hours: 1.0,
        fraud: vec![
            fraud("+661", FraudClass::Callcenter),
            fraud("+662", FraudClass::Callcenter),
            fraud("+663", FraudClass::Wangiri),
        ],
        lookalikes: vec![
            LookalikeLabel {
                number: "+669".into(),
                kind: LookalikeKind::BankCallcenter,
            },
            LookalikeLabel {
                number: "+667".into(),
                kind: LookalikeKind::BankCallcenter,
            },
        ],
    }
}

fn rules() -> Vec<RuleMeta> {
    let meta = |name: &str, shadow| RuleMeta {
        name: name.into(),
        action: "block",
        shadow,
        window_minutes: 60.0,
    };
    vec![meta("a", false), meta("b", true)]
}

#[test]
fn rules_classes_and_block_list_are_scored() {
    let hits = vec![
        (0, "+661".to_owned()),
        (0, "+661".to_owned()),
        (0, "+669".to_owned()),
        (1, "+663".to_owned()),
        (1, "+668".to_owned()),
    ];
    let first_block_ms =
        HashMap::from([("+661".to_owned(), 30 * MIN), ("+669".to_owned(), 40 * MIN)]);
    let first_seen_ms = HashMap::from([("+661".to_owned(), 10 * MIN), ("+662".to_owned(), 0)]);
    // +669 was alerted before its block; +662 and +667 only alerted.
    let alerted = HashSet::from(["+662", "+667", "+669"].map(str::to_owned));
    let international_only = HashSet::from(["+669".to_owned()]);
    let rules = rules();
    let report = Report::score(
        Observed {
            rules: &rules,
            hits: &hits,
            first_block_ms: &first_block_ms,
            first_seen_ms: &first_seen_ms,
            alerted: &alerted,
            international_only: &international_only,
        },
        &labels(),
    );
    let a = &report.rules[0];
    assert_eq!(
        (a.flagged, a.true_positives, a.false_positives, a.lookalikes),
        (2, 1, 1, 1)
    );
    assert_eq!(a.precision, 0.5);
    let b = &report.rules[1];
    assert!(b.shadow);
    assert_eq!((b.flagged, b.true_positives, b.lookalikes), (2, 1, 0));
    assert_eq!(report.classes[0].class, "callcenter");
    assert_eq!(
        (report.classes[0].labelled, report.classes[0].blocked),
        (2, 1)
    );
    assert_eq!(
        (report.classes[1].class.as_str(), report.classes[1].recall),
        ("wangiri", 0.0)
    );
    assert_eq!(report.classes[0].missed, vec!["+662".to_owned()]);
    assert_eq!(report.classes[1].missed, vec!["+663".to_owned()]);
    assert_eq!(
        (report.classes[0].alerted, report.classes[1].alerted),
        (1, 0)
    );
    let text = report.to_string();
    assert!(
        text.contains("  missed: +662\n  of those, alerted for review: 1\n"),
        "{text}"
    );
    assert_eq!(
        report.lookalikes_alerted,
        vec![("+667".to_owned(), "bank_callcenter".to_owned())],
        "a look-alike blocked after its alert counts as blocked only"
    );
    assert!(
        text.contains("look-alikes alerted for review, not blocked: 1 (1 bank_callcenter)"),
        "{text}"
    );
    assert!(
        text.contains("recall 0.333; 1 blocked on international trunks only\n"),
        "{text}"
    );
    assert!(
        text.contains("  +669 (bank_callcenter) on international trunks only"),
        "{text}"
    );
    assert_eq!((report.blocked, report.true_positives), (2, 1));
    assert_eq!(report.precision, 0.5);
    assert!((report.recall - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        report.lookalikes_blocked,
        vec![("+669".to_owned(), "bank_callcenter".to_owned())]
    );
    assert_eq!(report.detect_minutes, vec![20.0]);
    assert_eq!(report.median_detect_minutes, Some(20.0));
    assert_eq!(report.window_minutes, 60.0, "shadow rules do not count");
}

#[test]
fn the_quality_bar_names_every_shortfall() {
    let rules = rules();
    let first_block_ms = HashMap::from([
        ("+661".to_owned(), 100 * MIN),
        ("+662".to_owned(), 100 * MIN),
        ("+663".to_owned(), 100 * MIN),
    ]);
    let first_seen_ms = HashMap::from([
        ("+661".to_owned(), 0),
        ("+662".to_owned(), 0),
        ("+663".to_owned(), 0),
    ]);
    let observed = Observed {
        rules: &rules,
        hits: &[],
        first_block_ms: &first_block_ms,
        first_seen_ms: &first_seen_ms,
        alerted: &HashSet::new(),
        international_only: &HashSet::new(),
    };
    let report = Report::score(observed, &labels());
    let shortfalls = QualityBar::default().shortfalls(&report);
    assert_eq!(shortfalls.len(), 1, "{shortfalls:?}");
    assert!(
        shortfalls[0].contains("median time to detect 100.0 min"),
        "{shortfalls:?}"
    );

    let mut blocks = first_block_ms.clone();
    blocks.remove("+663");
    blocks.insert("+669".into(), 10 * MIN);
    blocks.values_mut().for_each(|t| *t = 10 * MIN);
    let observed = Observed {
        first_block_ms: &blocks,
        ..observed
    };
    let shortfalls = QualityBar::default().shortfalls(&Report::score(observed, &labels()));
    let text = shortfalls.join("\n");
    assert!(text.contains("precision 0.667"), "{text}");
    assert!(text.contains("recall of wangiri is 0.000"), "{text}");
    assert!(text.contains("look-alike +669 (bank_callcenter)"), "{text}");
}

#[test]
fn kinds_are_counted_most_first() {
    let labelled = [("+1", "roamer"), ("+2", "telesales"), ("+3", "telesales")]
        .map(|(n, k)| (n.to_owned(), k.to_owned()));
    assert_eq!(count_by_kind(&labelled), "2 telesales, 1 roamer");
    assert_eq!(count_by_kind(&[]), "");
}

#[test]
fn percentiles_by_nearest_rank() {
    let values: Vec<f64> = (1..=20).map(f64::from).collect();
    assert_eq!(percentile(&values, 0.5), Some(10.0));
    assert_eq!(percentile(&values, 0.95), Some(19.0));
    assert_eq!(percentile(&[7.0], 0.95), Some(7.0));
    assert_eq!(percentile(&[], 0.5), None);
}
