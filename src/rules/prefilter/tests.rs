use std::sync::Arc;

use arrow::array::{Int64Array, StringArray};
use arrow::datatypes::{Field, Schema};
use datafusion::prelude::SessionContext;

use super::*;
use crate::rules::tables::{WindowTables, window_schema};
use crate::rules::testing::{context, shown, window};
use crate::rules::window_rows::{RowSource, WindowBinding};

#[test]
fn a_filter_never_misses_a_key_and_lets_few_others_through() {
    let keys: Vec<u32> = (0..2_000)
        .map(|i| key_hash(&format!("+6681{i:07}")))
        .collect();
    let filter = HashFilter::new(&keys);
    assert!(keys.iter().all(|&k| filter.may_contain(k)));
    let others = (0..100_000)
        .filter(|i| filter.may_contain(key_hash(&format!("+6689{i:07}"))))
        .count();
    assert!(others < 3_000, "{others} of 100 000 other keys let through");
    let mixed: Vec<u32> = (0..1_000_u64)
        .map(|i| {
            if i % 7 == 0 {
                keys[i as usize]
            } else {
                key_hash(&i.to_string())
            }
        })
        .collect();
    let one_by_one: Vec<u32> = (0..mixed.len() as u32)
        .filter(|&i| filter.may_contain(mixed[i as usize]))
        .collect();
    assert_eq!(filter.positions(&mixed), one_by_one);
    assert!(one_by_one.len() >= 143);
}

#[test]
fn column_hashes_follow_the_rows_across_batches_and_need_text() {
    let schema = Arc::new(Schema::new(vec![
        Field::new("n", DataType::Utf8, true),
        Field::new("i", DataType::Int64, false),
    ]));
    let batch = |values: Vec<Option<&str>>| {
        let ints = Int64Array::from(vec![1; values.len()]);
        RecordBatch::try_new(
            Arc::clone(&schema),
            vec![Arc::new(StringArray::from(values)), Arc::new(ints)],
        )
        .unwrap()
    };
    let batches = [batch(vec![Some("a"), None]), batch(vec![Some("b")])];
    let hashes = column_hashes(&batches, 0).unwrap();
    assert_eq!(hashes, [key_hash("a"), 0, key_hash("b")]);
    assert!(column_hashes(&batches, 1).is_none());
}

async fn plans(
    ctx: &SessionContext,
    sql: &str,
) -> (Arc<dyn ExecutionPlan>, Arc<dyn ExecutionPlan>) {
    let plain = ctx
        .sql(sql)
        .await
        .unwrap()
        .create_physical_plan()
        .await
        .unwrap();
    let prefiltered = prefilter_join_probes(Arc::clone(&plain)).unwrap();
    (plain, prefiltered)
}

#[tokio::test]
async fn a_join_back_to_the_window_reads_only_rows_that_can_match_with_the_same_result() {
    let tables = WindowTables::default();
    let ctx = context(&tables).await;
    let bound = Arc::new(WindowBinding::of(&window())).task_context(&ctx.state());
    for sql in [
        "SELECT c.caller, count(*) AS n FROM watched w JOIN calls c ON c.caller = w.number \
         GROUP BY c.caller ORDER BY c.caller",
        "SELECT w.number, count(r.caller) AS n FROM watched w LEFT JOIN records r \
         ON r.caller = w.number GROUP BY w.number ORDER BY w.number",
        "SELECT caller, count(*) AS n FROM calls WHERE caller IN (SELECT number FROM watched) \
         GROUP BY caller ORDER BY caller",
    ] {
        let (plain, prefiltered) = plans(&ctx, sql).await;
        assert!(
            shown(&prefiltered).contains("PrefilterWindowScanExec"),
            "{sql}:\n{}",
            shown(&prefiltered)
        );
        // As the engine runs a plan: its operators' state reset first.
        let run = |plan: &Arc<dyn ExecutionPlan>| {
            let fresh = reset_plan_states(Arc::clone(plan)).unwrap();
            collect(fresh, Arc::clone(&bound))
        };
        let expected = run(&plain).await.unwrap();
        let got = run(&prefiltered).await.unwrap();
        let text = arrow::util::pretty::pretty_format_batches(&got)
            .unwrap()
            .to_string();
        assert_eq!(
            text,
            arrow::util::pretty::pretty_format_batches(&expected)
                .unwrap()
                .to_string()
        );
        assert!(
            text.contains("| 30 "),
            "each watched caller called every minute:\n{text}"
        );
        // Run again: the hashes now come from the panes' memos.
        let again = run(&prefiltered).await;
        assert_eq!(
            arrow::util::pretty::pretty_format_batches(&again.unwrap())
                .unwrap()
                .to_string(),
            text
        );
    }
}

#[tokio::test]
async fn a_join_built_from_prefiltered_window_rows_is_prefiltered_too() {
    let tables = WindowTables::default();
    let ctx = context(&tables).await;
    let bound = Arc::new(WindowBinding::of(&window())).task_context(&ctx.state());
    // Who else calls the numbers the watched callers call: the inner join
    // reads the watched callers' calls, the outer one the calls to their
    // callees.
    let sql = "SELECT o.caller, count(*) AS n \
               FROM (SELECT DISTINCT c.callee FROM watched w JOIN calls c ON c.caller = w.number) a \
               JOIN calls o ON o.callee = a.callee GROUP BY o.caller ORDER BY o.caller";
    let (plain, prefiltered) = plans(&ctx, sql).await;
    let shown_plan = shown(&prefiltered);
    assert_eq!(
        shown_plan.matches("PrefilterWindowScanExec").count(),
        2,
        "both joins read only rows that can match:\n{shown_plan}"
    );
    let run = |plan: &Arc<dyn ExecutionPlan>| {
        let fresh = reset_plan_states(Arc::clone(plan)).unwrap();
        collect(fresh, Arc::clone(&bound))
    };
    let expected = run(&plain).await.unwrap();
    let got = run(&prefiltered).await.unwrap();
    let text = |batches: &[RecordBatch]| {
        arrow::util::pretty::pretty_format_batches(batches)
            .unwrap()
            .to_string()
    };
    assert!(
        expected.iter().map(RecordBatch::num_rows).sum::<usize>() > 0,
        "the query finds callers"
    );
    assert_eq!(text(&got), text(&expected));
}

#[tokio::test]
async fn joins_that_keep_unmatched_window_rows_or_build_from_the_window_read_every_row() {
    let tables = WindowTables::default();
    let ctx = context(&tables).await;
    for sql in [
        // Every call is kept, matched or not.
        "SELECT c.caller, w.number FROM watched w RIGHT JOIN calls c ON c.caller = w.number",
        "SELECT caller FROM calls WHERE caller NOT IN (SELECT number FROM watched)",
        // The build side reads the window itself.
        "SELECT a.caller FROM (SELECT caller FROM calls GROUP BY caller HAVING count(*) > 3) a \
         JOIN calls c ON c.callee = a.caller",
    ] {
        let (_, prefiltered) = plans(&ctx, sql).await;
        assert!(
            !shown(&prefiltered).contains("Prefilter"),
            "{sql}:\n{}",
            shown(&prefiltered)
        );
    }
}

#[test]
fn a_window_table_passes_on_only_the_rows_whose_key_may_match() {
    let tables = WindowTables::default();
    let bound = Arc::new(WindowBinding::of(&window())).task_context(&SessionContext::new().state());
    let caller = window_schema().index_of("caller").unwrap();
    let schema = Arc::new(window_schema().project(&[caller]).unwrap());
    let filter = HashFilter::new(&[key_hash("+66810000003"), key_hash("+66810000017")]);
    for table in [&tables.calls, &tables.records] {
        let picked = table
            .slot
            .rows_matching(&bound, &[caller], &schema, caller, &filter);
        let picked = picked.expect("a window table picks rows").unwrap();
        let callers: Vec<&str> = picked
            .iter()
            .flat_map(|b| b.column(0).as_string::<i32>().iter().flatten())
            .collect();
        assert_eq!(callers.len(), 60, "30 calls from each of the two");
        assert!(
            callers
                .iter()
                .all(|c| ["+66810000003", "+66810000017"].contains(c))
        );
    }
}
