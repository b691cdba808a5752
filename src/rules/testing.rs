//! What the tests of the rule plan rewrites share: a window of calls
//! whose panes came in several batches, and a session with its tables.

use std::sync::Arc;

use arrow::array::{RecordBatch, StringArray};
use arrow::datatypes::{DataType, Field, Schema};
use datafusion::datasource::MemTable;
use datafusion::physical_plan::{ExecutionPlan, displayable};
use datafusion::prelude::{SessionConfig, SessionContext};

use crate::record::{Decoder, NumberNormalizer};
use crate::rules::tables::WindowTables;
use crate::windowing::{ClosedWindow, WindowOperator, WindowSpec};

fn call(minute: u32, caller: &str) -> String {
    format!(
        r#"{{"kind":"call","ts":"2026-11-02T01:{minute:02}:00Z","caller":"{caller}","callee":"0898765432","duration_s":5}}"#
    )
}

/// A 30-minute window of six 5-minute panes, each pane in two batches.
pub(crate) fn window() -> ClosedWindow {
    let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
    let spec = WindowSpec::parse("30m every 5m").unwrap();
    let mut operator = WindowOperator::new([spec], 3_600_000);
    for part in 0..2 {
        for minute in (0..30).filter(|m| m % 2 == part) {
            for caller in 0..40 {
                decoder
                    .push_json(call(minute, &format!("+66810000{caller:03}")).as_bytes())
                    .unwrap();
            }
        }
        let late = operator.insert(&decoder.finish()).unwrap();
        assert!(late.is_empty());
    }
    let closed = operator.close_all();
    closed
        .into_iter()
        .find(|w| w.rows() == 1_200)
        .expect("the full window")
}

/// A session with the `calls` and `records` window tables and `watched`, a
/// table of three numbers.
pub(crate) async fn context(tables: &WindowTables) -> SessionContext {
    // As the rule session: one partition per query.
    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(1));
    ctx.register_table("calls", tables.calls.clone()).unwrap();
    ctx.register_table("records", tables.records.clone())
        .unwrap();
    let schema = Arc::new(Schema::new(vec![Field::new(
        "number",
        DataType::Utf8,
        false,
    )]));
    let watched = StringArray::from(vec!["+66810000003", "+66810000017", "+66999999999"]);
    let batch = RecordBatch::try_new(Arc::clone(&schema), vec![Arc::new(watched)]).unwrap();
    let table = MemTable::try_new(schema, vec![vec![batch]]).unwrap();
    ctx.register_table("watched", Arc::new(table)).unwrap();
    ctx
}

/// A plan as `EXPLAIN` shows it.
pub(crate) fn shown(plan: &Arc<dyn ExecutionPlan>) -> String {
    displayable(plan.as_ref()).indent(true).to_string()
}
