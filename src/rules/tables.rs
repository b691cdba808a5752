//! The tables a rule queries: the window's rows (`calls`, `sms`, `records`)
//! and the pipeline's reference tables.
//!
//! The window tables are DataFusion table providers registered once; their
//! scans find the rows of the window being evaluated when they run (see
//! [`window_rows`](super::window_rows)), so a rule's plan is built once and
//! re-executed. `window_start` and `window_end` are materialised only when
//! a query uses them (DataFusion pushes the projection down to the scan).

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use arrow::csv::ReaderBuilder;
use arrow::csv::reader::Format;
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;
use datafusion::datasource::MemTable;
use datafusion::execution::context::SessionContext;

use super::scan::{NOMINAL_WINDOW_ROWS, SlotTable};
use super::window_rows::{BoundWindow, WindowTableKind};
use crate::record::{record_schema, timestamp_type};

/// Name of the window-start column of the window tables.
pub const WINDOW_START: &str = "window_start";
/// Name of the window-end column of the window tables.
pub const WINDOW_END: &str = "window_end";

/// A CSV file registered as a table that rules can join (allow-lists,
/// prefix lists, device-type lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefTable {
    /// The table name in SQL.
    pub name: String,
    /// The CSV file, with a header row.
    pub path: PathBuf,
    /// The CSV text, for tables built into the binary (then `path` only names it).
    pub contents: Option<&'static str>,
}

impl RefTable {
    /// A table read from a CSV file.
    pub fn file(name: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        RefTable {
            name: name.into(),
            path: path.into(),
            contents: None,
        }
    }

    /// The table's CSV text.
    pub fn text(&self) -> std::io::Result<String> {
        match self.contents {
            Some(text) => Ok(text.to_owned()),
            None => std::fs::read_to_string(&self.path),
        }
    }

    /// Reads the table and registers it in `ctx`, every column as text.
    ///
    /// A reference table holds codes: numbers, number ranges, device models
    /// (TACs), domains. Inferring types would read the TAC `01215800` as the
    /// integer 1215800 and a number written without `+` as an integer, and a
    /// rule's join on them would then miss silently; a header-only table
    /// would get a column of nulls. A rule casts a column it means as a
    /// quantity.
    pub(crate) fn register(&self, ctx: &SessionContext) -> Result<(), String> {
        let text = self.text().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "file not found".to_owned(),
            _ => e.to_string(),
        })?;
        let batches = text_batches(&text).map_err(|e| e.to_string())?;
        let table = MemTable::try_new(batches.0, vec![batches.1]).map_err(|e| e.to_string())?;
        ctx.register_table(self.name.as_str(), Arc::new(table))
            .map_err(|e| e.to_string())?;
        Ok(())
    }
}

/// The rows of a CSV text with a header row, every column as text.
fn text_batches(text: &str) -> Result<(SchemaRef, Vec<RecordBatch>), ArrowError> {
    let format = Format::default().with_header(true);
    let (inferred, _) = format.infer_schema(std::io::Cursor::new(text), Some(0))?;
    let schema: SchemaRef = Arc::new(Schema::new(
        inferred
            .fields()
            .iter()
            .map(|f| Field::new(f.name(), DataType::Utf8, true))
            .collect::<Vec<_>>(),
    ));
    let batches = ReaderBuilder::new(Arc::clone(&schema))
        .with_format(format)
        .build(std::io::Cursor::new(text))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((schema, batches))
}

static WINDOW_SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    let mut fields: Vec<Field> = record_schema()
        .fields()
        .iter()
        .map(|f| f.as_ref().clone())
        .collect();
    fields.push(Field::new(WINDOW_START, timestamp_type(), false));
    fields.push(Field::new(WINDOW_END, timestamp_type(), false));
    Arc::new(Schema::new(fields))
});

/// The schema of `calls`, `sms` and `records`: the record schema plus the
/// window bounds.
pub fn window_schema() -> SchemaRef {
    WINDOW_SCHEMA.clone()
}

/// One window table: its scans read the window bound to their query.
pub(crate) type WindowTable = SlotTable<BoundWindow>;

fn window_table(name: &str, kind: WindowTableKind) -> WindowTable {
    SlotTable::new(
        name.to_owned(),
        window_schema(),
        NOMINAL_WINDOW_ROWS,
        BoundWindow(kind),
    )
}

/// The three window tables, registered once in the rule session. Each query
/// reads the window the engine bound to it.
#[derive(Debug, Clone)]
pub struct WindowTables {
    pub(crate) calls: Arc<WindowTable>,
    pub(crate) sms: Arc<WindowTable>,
    pub(crate) records: Arc<WindowTable>,
}

impl Default for WindowTables {
    fn default() -> Self {
        WindowTables {
            calls: Arc::new(window_table("calls", WindowTableKind::Calls)),
            sms: Arc::new(window_table("sms", WindowTableKind::Sms)),
            records: Arc::new(window_table("records", WindowTableKind::Records)),
        }
    }
}
