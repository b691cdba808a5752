//! The replacement `count` against DataFusion's own, over the same rows.

use std::sync::Arc;

use arrow::array::{ArrayRef, AsArray, BooleanArray, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use arrow::util::pretty::pretty_format_batches;
use datafusion::datasource::MemTable;
use datafusion::logical_expr::{EmitTo, GroupsAccumulator};
use datafusion::prelude::{SessionConfig, SessionContext};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{DistinctTextCounts, count};

/// Values with repeats, nulls, an empty string, Thai and Chinese text.
fn value(rng: &mut ChaCha8Rng, pool: usize) -> Option<String> {
    match rng.random_range(0..10) {
        0 => None,
        1 => Some(String::new()),
        2 => Some(format!("ผู้โทร{}", rng.random_range(0..pool))),
        3 => Some(format!("电话{}", rng.random_range(0..pool))),
        _ => Some(format!("+6681{:07}", rng.random_range(0..pool))),
    }
}

/// `partitions` partitions of a few batches each, columns `g`, `v`, `w`, `b`.
fn table(seed: u64, partitions: usize) -> MemTable {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let schema = Arc::new(Schema::new(vec![
        Field::new("g", DataType::Utf8, true),
        Field::new("v", DataType::Utf8, true),
        Field::new("w", DataType::Utf8, true),
        Field::new("b", DataType::Boolean, true),
    ]));
    let batch = |rng: &mut ChaCha8Rng| {
        let rows = rng.random_range(0..400);
        let g: StringArray = (0..rows).map(|_| value(rng, 40)).collect();
        let v: StringArray = (0..rows).map(|_| value(rng, 60)).collect();
        let w: StringArray = (0..rows).map(|_| value(rng, 5)).collect();
        let b: BooleanArray = (0..rows)
            .map(|_| (rng.random_range(0..5) > 0).then(|| rng.random_bool(0.5)))
            .collect();
        let columns: Vec<ArrayRef> = vec![Arc::new(g), Arc::new(v), Arc::new(w), Arc::new(b)];
        RecordBatch::try_new(Arc::clone(&schema), columns).unwrap()
    };
    let data = (0..partitions)
        .map(|_| (0..3).map(|_| batch(&mut rng)).collect())
        .collect();
    MemTable::try_new(Arc::clone(&schema), data).unwrap()
}

async fn run(sql: &str, seed: u64, partitions: usize, replaced: bool) -> String {
    let config = SessionConfig::new().with_target_partitions(partitions);
    let ctx = SessionContext::new_with_config(config);
    if replaced {
        ctx.register_udaf(count());
    }
    ctx.register_table("t", Arc::new(table(seed, partitions)))
        .unwrap();
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

const QUERIES: &[&str] = &[
    "SELECT g, count(DISTINCT v) AS c, count(*) AS n, count(v) AS nv FROM t GROUP BY g ORDER BY g",
    "SELECT g, count(DISTINCT v) AS cv, count(DISTINCT w) AS cw FROM t GROUP BY g ORDER BY g",
    "SELECT g, count(DISTINCT v) FILTER (WHERE b) AS c, count(DISTINCT w) AS cw \
     FROM t GROUP BY g ORDER BY g",
    "SELECT g, w, count(DISTINCT arrow_cast(v, 'Utf8View')) AS c, \
            count(DISTINCT arrow_cast(v, 'LargeUtf8')) AS cl \
     FROM t GROUP BY g, w ORDER BY g, w",
    "SELECT count(DISTINCT v) AS cv, count(DISTINCT w) AS cw FROM t",
    "SELECT b, count(DISTINCT g) AS cg, count(DISTINCT v) AS cv FROM t WHERE false GROUP BY b",
];

#[tokio::test]
async fn counts_as_datafusion_does_in_every_query_shape() {
    for seed in 0..4 {
        // One partition plans single-phase aggregates; several plan partial
        // and final ones, which pass the distinct values as state.
        for partitions in [1, 3] {
            for sql in QUERIES {
                let ours = run(sql, seed, partitions, true).await;
                let theirs = run(sql, seed, partitions, false).await;
                assert_eq!(ours, theirs, "seed {seed}, {partitions} partitions: {sql}");
            }
        }
    }
}

fn texts(values: &[&str]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn counts(array: &ArrayRef) -> Vec<i64> {
    array
        .as_primitive::<arrow::datatypes::Int64Type>()
        .values()
        .to_vec()
}

#[test]
fn emitting_the_first_groups_keeps_the_others_values() {
    let mut acc = DistinctTextCounts::new(DataType::Utf8);
    let values = texts(&["a", "b", "a", "c", "a", "c"]);
    acc.update_batch(&[values], &[0, 0, 1, 1, 2, 2], None, 3)
        .unwrap();
    assert_eq!(counts(&acc.evaluate(EmitTo::First(1)).unwrap()), [2]);
    // Old groups 1 and 2 are now 0 and 1; "a" is known to both, "c" to both.
    let more = texts(&["a", "d", "c"]);
    acc.update_batch(&[more], &[0, 0, 1], None, 2).unwrap();
    assert_eq!(counts(&acc.evaluate(EmitTo::All).unwrap()), [3, 2]);
}

#[test]
fn state_round_trips_through_merge() {
    let mut first = DistinctTextCounts::new(DataType::Utf8);
    first
        .update_batch(&[texts(&["x", "y", "x"])], &[0, 1, 1], None, 2)
        .unwrap();
    let state = first.state(EmitTo::All).unwrap();
    let mut second = DistinctTextCounts::new(DataType::Utf8);
    second
        .update_batch(&[texts(&["x", "z"])], &[1, 0], None, 2)
        .unwrap();
    second.merge_batch(&state, &[1, 0], 2).unwrap();
    // Group 0 of `second` gets first's group 1 ({x, y}) besides z; group 1
    // gets first's group 0 ({x}) besides x.
    assert_eq!(counts(&second.evaluate(EmitTo::All).unwrap()), [3, 1]);
    let converted = second
        .convert_to_state(&[texts(&["p", "q"])], None)
        .unwrap();
    assert_eq!(converted[0].as_list::<i32>().value_length(1), 1);
}
