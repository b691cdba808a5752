use std::collections::BTreeMap;

use arrow::array::StringArray;
use arrow::datatypes::{Field, Schema};

use super::*;

fn schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("__k0", DataType::Utf8, true),
        Field::new("__n", DataType::Int64, false),
        Field::new("__s0", DataType::Float64, true),
    ]))
}

/// A pane query's rows: (key, rows, sum).
fn pane(rows: &[(&str, i64, Option<f64>)]) -> RecordBatch {
    RecordBatch::try_new(
        schema(),
        vec![
            Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.0))),
            Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.1))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.2))),
        ],
    )
    .unwrap()
}

fn emitted(sums: &PaneSums) -> BTreeMap<String, (i64, f64)> {
    let batch = sums.emit().unwrap();
    let keys = batch.column(0).as_string::<i32>();
    let counts = batch.column(1).as_primitive::<Int64Type>();
    let totals = batch.column(2).as_primitive::<Float64Type>();
    (0..batch.num_rows())
        .map(|i| (keys.value(i).to_owned(), (counts.value(i), totals.value(i))))
        .collect()
}

fn key(start: i64) -> PaneKey {
    (start, start as u64, 1)
}

#[test]
fn panes_add_up_and_leave_again() {
    let mut sums = PaneSums::new(schema(), 1, 1).unwrap();
    sums.add(key(0), &pane(&[("a", 2, Some(0.5)), ("b", 1, None)]))
        .unwrap();
    sums.add(key(1), &pane(&[("a", 1, Some(0.25)), ("c", 3, Some(3.0))]))
        .unwrap();
    assert!(sums.holds(key(0)) && sums.holds(key(1)) && !sums.holds(key(2)));
    assert_eq!(
        emitted(&sums),
        BTreeMap::from([
            ("a".into(), (3, 0.75)),
            ("b".into(), (1, 0.0)),
            ("c".into(), (3, 3.0)),
        ])
    );
    sums.retain(|k| k != key(0));
    assert!(!sums.holds(key(0)));
    assert_eq!(
        emitted(&sums),
        BTreeMap::from([("a".into(), (1, 0.25)), ("c".into(), (3, 3.0))])
    );
    sums.add(key(2), &pane(&[("b", 4, Some(1.0))])).unwrap();
    assert_eq!(emitted(&sums)["b"], (4, 1.0), "a key that left comes back");
}

#[test]
fn only_keys_with_enough_rows_are_emitted() {
    let mut sums = PaneSums::new(schema(), 1, 3).unwrap();
    sums.add(key(0), &pane(&[("a", 2, None), ("b", 1, None)]))
        .unwrap();
    sums.add(key(1), &pane(&[("a", 1, None)])).unwrap();
    assert_eq!(emitted(&sums).keys().collect::<Vec<_>>(), ["a"]);
}

#[test]
fn keys_gone_for_good_are_forgotten_and_their_slots_reused() {
    let mut sums = PaneSums::new(schema(), 1, 1).unwrap();
    for round in 0..4_i64 {
        let names: Vec<String> = (0..3_000).map(|i| format!("{round}-{i}")).collect();
        let rows: Vec<(&str, i64, Option<f64>)> =
            names.iter().map(|n| (n.as_str(), 1, Some(1.0))).collect();
        sums.add(key(round), &pane(&rows)).unwrap();
        sums.retain(|k| k.0 == round);
        assert_eq!(emitted(&sums).len(), 3_000);
    }
    assert!(sums.index.len() < 12_000, "idle keys were dropped");
    assert!(sums.slot_keys.len() <= 9_000, "their slots were reused");
}

#[test]
fn sums_of_other_types_are_refused() {
    let schema = Arc::new(Schema::new(vec![
        Field::new("__k0", DataType::Utf8, true),
        Field::new("__n", DataType::Int64, false),
        Field::new("__s0", DataType::Decimal128(38, 2), true),
    ]));
    assert!(PaneSums::new(schema, 1, 1).is_err());
}

/// A null key and an empty text are different keys, and come back as
/// they went in.
#[test]
fn a_null_key_is_not_the_empty_text() {
    let mut sums = PaneSums::new(schema(), 1, 1).unwrap();
    let pane = |keys: Vec<Option<&str>>, counts: Vec<i64>| {
        let sums = Float64Array::from_iter_values(counts.iter().map(|&n| n as f64));
        let columns: Vec<ArrayRef> = vec![
            Arc::new(StringArray::from(keys)),
            Arc::new(Int64Array::from(counts)),
            Arc::new(sums),
        ];
        RecordBatch::try_new(schema(), columns).unwrap()
    };
    sums.add(key(0), &pane(vec![Some(""), None], vec![1, 2]))
        .unwrap();
    sums.add(key(1), &pane(vec![Some("ก"), None], vec![3, 4]))
        .unwrap();
    let out = sums.emit().unwrap();
    let keys = out.column(0).as_string::<i32>();
    let counts = out.column(1).as_primitive::<Int64Type>();
    let got: Vec<(Option<&str>, i64)> = (0..out.num_rows())
        .map(|i| (keys.is_valid(i).then(|| keys.value(i)), counts.value(i)))
        .collect();
    assert_eq!(got, [(Some(""), 1), (None, 6), (Some("ก"), 3)]);
}

/// Keys other than one text column (here a text and an integer) go
/// through Arrow's row format, with the same sums.
#[test]
fn several_keys_add_up_as_one_does() {
    let schema = Arc::new(Schema::new(vec![
        Field::new("__k0", DataType::Utf8, true),
        Field::new("__k1", DataType::Int64, true),
        Field::new("__n", DataType::Int64, false),
    ]));
    let batch = |rows: &[(&str, i64, i64)]| {
        RecordBatch::try_new(
            Arc::clone(&schema),
            vec![
                Arc::new(StringArray::from_iter_values(rows.iter().map(|r| r.0))),
                Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.1))),
                Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.2))),
            ],
        )
        .unwrap()
    };
    let mut sums = PaneSums::new(Arc::clone(&schema), 2, 2).unwrap();
    sums.add(key(0), &batch(&[("a", 1, 1), ("a", 2, 1), ("b", 1, 5)]))
        .unwrap();
    sums.add(key(1), &batch(&[("a", 1, 1), ("a", 2, 0)]))
        .unwrap();
    let out = sums.emit().unwrap();
    let texts = out.column(0).as_string::<i32>();
    let ints = out.column(1).as_primitive::<Int64Type>();
    let counts = out.column(2).as_primitive::<Int64Type>();
    let got: Vec<(&str, i64, i64)> = (0..out.num_rows())
        .map(|i| (texts.value(i), ints.value(i), counts.value(i)))
        .collect();
    assert_eq!(got, [("a", 1, 2), ("b", 1, 5)]);
}
