use datafusion::physical_plan::collect;
use datafusion::physical_plan::execution_plan::reset_plan_states;

use super::*;
use crate::rules::tables::WindowTables;
use crate::rules::testing::{context, shown, window};
use crate::rules::window_rows::WindowBinding;

async fn planned(ctx: &datafusion::prelude::SessionContext, sql: &str) -> Arc<dyn ExecutionPlan> {
    ctx.sql(sql)
        .await
        .unwrap()
        .create_physical_plan()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_filter_over_a_window_table_judges_each_pane_once_with_the_same_rows() {
    let tables = WindowTables::default();
    let ctx = context(&tables).await;
    let window = window();
    let bound = Arc::new(WindowBinding::of(&window)).task_context(&ctx.state());
    for sql in [
        "SELECT caller, count(*) AS n FROM calls \
         WHERE caller >= '+66810000020' AND duration_s > 1 GROUP BY caller ORDER BY caller",
        "SELECT caller, event_time FROM records WHERE caller LIKE '%7' \
         ORDER BY event_time, caller",
        "SELECT w.number, count(*) AS n FROM watched w JOIN calls c ON c.caller = w.number \
         WHERE c.callee LIKE '+66%' GROUP BY w.number ORDER BY w.number",
    ] {
        let plain = planned(&ctx, sql).await;
        let rewritten = filter_panes_once(Arc::clone(&plain)).unwrap();
        assert!(
            shown(&rewritten).contains("PaneFilter"),
            "{sql}:\n{}",
            shown(&rewritten)
        );
        let run = |plan: &Arc<dyn ExecutionPlan>| {
            collect(
                reset_plan_states(Arc::clone(plan)).unwrap(),
                Arc::clone(&bound),
            )
        };
        let text = |batches: Vec<RecordBatch>| {
            arrow::util::pretty::pretty_format_batches(&batches)
                .unwrap()
                .to_string()
        };
        let expected = text(run(&plain).await.unwrap());
        assert!(
            expected.lines().count() > 4,
            "{sql}: rows pass:\n{expected}"
        );
        assert_eq!(text(run(&rewritten).await.unwrap()), expected, "{sql}");
        // The verdicts are now kept with each pane, and read from there.
        assert!(
            window
                .panes
                .iter()
                .all(|p| format!("{:?}", p.memo).contains("pane-filter/")),
            "{sql}"
        );
        assert_eq!(text(run(&rewritten).await.unwrap()), expected, "{sql}");
    }
}

#[tokio::test]
async fn filters_that_depend_on_more_than_the_row_are_left_alone() {
    let tables = WindowTables::default();
    let ctx = context(&tables).await;
    for sql in [
        "SELECT caller FROM calls WHERE event_time > window_start + INTERVAL '10 minutes'",
        "SELECT caller FROM calls WHERE random() < 0.5",
    ] {
        let rewritten = filter_panes_once(planned(&ctx, sql).await).unwrap();
        let text = shown(&rewritten);
        assert!(
            text.contains("FilterExec") && !text.contains("PaneFilter"),
            "{sql}:\n{text}"
        );
    }
}
