use arrow::array::AsArray;
use arrow::datatypes::TimestampMillisecondType;

use super::*;
use crate::record::RecordBuilder;
use crate::record::test_support::validated;

const MIN: i64 = 60_000;

fn batch(rows: &[(i64, Kind)]) -> RecordBatch {
    let mut builder = RecordBuilder::default();
    for &(ts, kind) in rows {
        builder.append(&validated(kind, ts, "+66812345678", "+66898765432"));
    }
    builder.finish()
}

fn times(window: &ClosedWindow) -> Vec<i64> {
    let mut out: Vec<i64> = window
        .calls
        .iter()
        .chain(&window.sms)
        .flat_map(|b| {
            b.column_by_name("event_time")
                .unwrap()
                .as_primitive::<TimestampMillisecondType>()
                .values()
                .to_vec()
        })
        .collect();
    out.sort();
    out
}

fn tumbling(lateness: i64) -> WindowOperator {
    WindowOperator::new([WindowSpec::parse("10m").unwrap()], lateness)
}

#[test]
fn a_window_closes_when_the_watermark_passes_its_end() {
    let mut op = tumbling(2 * MIN);
    op.insert(&batch(&[
        (MIN, Kind::Call),
        (9 * MIN, Kind::Sms),
        (11 * MIN, Kind::Call),
    ]))
    .unwrap();
    assert!(
        op.close_ready().is_empty(),
        "watermark 9m is before the end at 10m"
    );
    op.insert(&batch(&[(12 * MIN, Kind::Call)])).unwrap();
    let closed = op.close_ready();
    assert_eq!(closed.len(), 1);
    assert_eq!((closed[0].start_ms, closed[0].end_ms), (0, 10 * MIN));
    assert_eq!(times(&closed[0]), vec![MIN, 9 * MIN]);
    assert_eq!((closed[0].calls.len(), closed[0].sms.len()), (1, 1));
}

#[test]
fn records_within_lateness_count_and_later_ones_are_late() {
    let mut op = tumbling(2 * MIN);
    op.insert(&batch(&[(5 * MIN, Kind::Call), (13 * MIN, Kind::Call)]))
        .unwrap();
    // Watermark is 11m: the [0, 10m) window is sealed, [10m, 20m) is open.
    let late = op
        .insert(&batch(&[
            (9 * MIN, Kind::Call),
            (10 * MIN, Kind::Call),
            (12 * MIN, Kind::Sms),
        ]))
        .unwrap();
    assert_eq!(late, vec![0]);
    let closed = op.close_all();
    assert_eq!(closed.len(), 2);
    assert_eq!(times(&closed[0]), vec![5 * MIN]);
    assert_eq!(times(&closed[1]), vec![10 * MIN, 12 * MIN, 13 * MIN]);
}

#[test]
fn the_watermark_advances_row_by_row_within_a_batch() {
    let mut op = tumbling(MIN);
    // The third row is behind the watermark set by the second one.
    let late = op
        .insert(&batch(&[
            (MIN, Kind::Call),
            (25 * MIN, Kind::Call),
            (2 * MIN, Kind::Call),
        ]))
        .unwrap();
    assert_eq!(late, vec![2]);
}

#[test]
fn hopping_windows_share_panes_and_each_sees_its_rows() {
    let mut op = WindowOperator::new([WindowSpec::parse("15m every 5m").unwrap()], 0);
    assert_eq!(op.pane_ms(), 5 * MIN);
    op.insert(&batch(&[
        (MIN, Kind::Call),
        (7 * MIN, Kind::Call),
        (14 * MIN, Kind::Call),
    ]))
    .unwrap();
    let closed = op.close_all();
    let bounds: Vec<(i64, i64)> = closed.iter().map(|w| (w.start_ms, w.end_ms)).collect();
    assert_eq!(
        bounds,
        vec![
            (-10 * MIN, 5 * MIN),
            (-5 * MIN, 10 * MIN),
            (0, 15 * MIN),
            (5 * MIN, 20 * MIN),
            (10 * MIN, 25 * MIN)
        ]
    );
    assert_eq!(times(&closed[2]), vec![MIN, 7 * MIN, 14 * MIN]);
    assert_eq!(times(&closed[4]), vec![14 * MIN]);
}

#[test]
fn several_window_kinds_close_in_end_order_and_panes_are_freed() {
    let mut op = WindowOperator::new(
        [
            WindowSpec::parse("10m").unwrap(),
            WindowSpec::parse("30m every 10m").unwrap(),
        ],
        0,
    );
    op.insert(&batch(&[(MIN, Kind::Call), (15 * MIN, Kind::Call)]))
        .unwrap();
    op.insert(&batch(&[(95 * MIN, Kind::Call)])).unwrap();
    let closed = op.close_ready();
    let ends: Vec<i64> = closed.iter().map(|w| w.end_ms).collect();
    let mut sorted = ends.clone();
    sorted.sort();
    assert_eq!(ends, sorted);
    assert_eq!(op.rows_held(), 1, "only the 95m row is still needed");
    assert_eq!(op.panes_held(), 1);
}

#[test]
fn empty_windows_are_skipped_across_gaps() {
    let mut op = tumbling(0);
    op.insert(&batch(&[(MIN, Kind::Call), (24 * 60 * MIN, Kind::Call)]))
        .unwrap();
    let closed = op.close_ready();
    assert_eq!(closed.len(), 1);
    assert_eq!(op.close_all().len(), 1);
    assert!(op.close_all().is_empty(), "closing twice yields nothing");
}

#[test]
fn batching_does_not_change_windows_or_lateness() {
    // A deterministic, jittered stream cut into batches of different sizes.
    let rows: Vec<(i64, Kind)> = (0..500)
        .map(|i: i64| {
            let jitter = (i * 17 % 37) * 10_000;
            let kind = if i % 3 == 0 { Kind::Sms } else { Kind::Call };
            (i * 20_000 + 3 * MIN - jitter, kind)
        })
        .collect();
    let run = |cut: usize| {
        let mut op = WindowOperator::new([WindowSpec::parse("20m every 5m").unwrap()], 90_000);
        let mut windows = Vec::new();
        let mut late = 0;
        for chunk in rows.chunks(cut) {
            late += op.insert(&batch(chunk)).unwrap().len();
            windows.extend(op.close_ready());
        }
        windows.extend(op.close_all());
        let summary: Vec<(i64, Vec<i64>)> = windows.iter().map(|w| (w.end_ms, times(w))).collect();
        (summary, late)
    };
    let one = run(rows.len());
    assert!(one.1 > 0, "the stream has some late rows");
    for cut in [1, 7, 64] {
        assert_eq!(run(cut), one, "batches of {cut}");
    }
}

#[test]
fn a_finished_pane_is_read_as_one_batch_per_kind() {
    // Panes of 5 minutes (gcd of 10m and 5m); the first pane gets three
    // batches of calls before the watermark passes its end.
    let mut op = WindowOperator::new(
        [
            WindowSpec::parse("10m").unwrap(),
            WindowSpec::parse("5m").unwrap(),
        ],
        0,
    );
    for ts in [MIN, 2 * MIN, 3 * MIN] {
        op.insert(&batch(&[(ts, Kind::Call)])).unwrap();
    }
    op.insert(&batch(&[(11 * MIN, Kind::Call)])).unwrap();
    let closed = op.close_ready();
    let ten = closed
        .iter()
        .find(|w| w.spec.size_ms == 10 * MIN)
        .expect("the 10-minute window closed");
    assert_eq!(ten.calls.len(), 1, "three batches merged into one");
    assert_eq!(times(ten), vec![MIN, 2 * MIN, 3 * MIN]);
}

#[test]
fn parts_are_windowed_in_input_order_as_one_batch_would_be() {
    // An hour of interleaved calls and SMS, a few of them out of order by
    // more than the lateness.
    let rows: Vec<(i64, Kind)> = (0..120_i64)
        .map(|i| {
            let ts = if i % 17 == 5 {
                i * 30_000 - 9 * MIN
            } else {
                i * 30_000
            };
            (ts, if i % 3 == 0 { Kind::Sms } else { Kind::Call })
        })
        .collect();
    let mut whole = tumbling(2 * MIN);
    let late = whole.insert(&batch(&rows)).unwrap();
    assert!(!late.is_empty(), "the test needs late rows");

    let (mut calls, mut sms) = (Vec::new(), Vec::new());
    for (i, &row) in rows.iter().enumerate() {
        match row.1 {
            Kind::Call => calls.push((i as u32, row)),
            Kind::Sms => sms.push((i as u32, row)),
        }
    }
    let part_batches = [&calls, &sms].map(|part| {
        let rows: Vec<(i64, Kind)> = part.iter().map(|(_, r)| *r).collect();
        let order: Vec<u32> = part.iter().map(|(i, _)| *i).collect();
        (batch(&rows), order)
    });
    let parts = part_batches
        .each_ref()
        .map(|(batch, order)| Part { batch, order });
    let mut split = tumbling(2 * MIN);
    let outcomes = split.insert_parts(&parts, |_| 0, Instant::now()).unwrap();
    let mut split_late: Vec<u32> = outcomes
        .iter()
        .zip(&parts)
        .flat_map(|(outcome, part)| outcome.late.iter().map(|&row| part.order[row as usize]))
        .collect();
    split_late.sort_unstable();
    assert_eq!(split_late, late);

    let (a, b) = (whole.close_all(), split.close_all());
    assert_eq!(a.len(), b.len());
    for (a, b) in a.iter().zip(&b) {
        assert_eq!((a.start_ms, times(a)), (b.start_ms, times(b)));
    }
}

#[test]
fn two_rows_claiming_one_input_place_are_an_error_not_a_lost_row() {
    let first = batch(&[(0, Kind::Call), (MIN, Kind::Call)]);
    let second = batch(&[(2 * MIN, Kind::Sms)]);
    let parts = [
        Part {
            batch: &first,
            order: &[0, 2],
        },
        Part {
            batch: &second,
            order: &[2],
        },
    ];
    let error = tumbling(2 * MIN)
        .insert_parts(&parts, |_| 0, Instant::now())
        .unwrap_err();
    assert!(error.to_string().contains("input place 2"), "{error}");
    let parts = [
        parts[0],
        Part {
            batch: &second,
            order: &[1],
        },
    ];
    let inserted = tumbling(2 * MIN)
        .insert_parts(&parts, |_| 0, Instant::now())
        .unwrap();
    assert!(
        inserted
            .iter()
            .all(|i| i.late.is_empty() && i.replayed.is_empty())
    );
}
