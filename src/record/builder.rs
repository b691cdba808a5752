//! Appends validated records to Arrow column builders.

use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanBuilder, Int64Builder, StringBuilder, TimestampMillisecondBuilder,
};
use arrow::record_batch::RecordBatch;

use super::links::first_link_domain;
use super::schema::{Kind, Route, record_schema};

/// One validated record, borrowed from the input it was decoded from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Validated<'a> {
    pub(crate) kind: Kind,
    pub(crate) event_ms: i64,
    pub(crate) caller: &'a str,
    pub(crate) callee: &'a str,
    pub(crate) duration_s: Option<i64>,
    pub(crate) answered: Option<bool>,
    pub(crate) imsi: Option<&'a str>,
    pub(crate) imei: Option<&'a str>,
    pub(crate) cell_id: Option<&'a str>,
    pub(crate) route: Option<Route>,
    pub(crate) text: Option<&'a str>,
}

/// Column builders for the record schema.
#[derive(Debug, Default)]
pub struct RecordBuilder {
    kind: StringBuilder,
    event_time: TimestampMillisecondBuilder,
    caller: StringBuilder,
    callee: StringBuilder,
    duration_s: Int64Builder,
    answered: BooleanBuilder,
    imsi: StringBuilder,
    imei: StringBuilder,
    cell_id: StringBuilder,
    route: StringBuilder,
    text: StringBuilder,
    link_domain: StringBuilder,
    rows: usize,
}

impl RecordBuilder {
    /// Rows appended since the last [`RecordBuilder::finish`].
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Whether no row was appended since the last finish.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    pub(crate) fn append(&mut self, r: &Validated<'_>) {
        self.kind.append_value(r.kind.as_str());
        self.event_time.append_value(r.event_ms);
        self.caller.append_value(r.caller);
        self.callee.append_value(r.callee);
        self.duration_s.append_option(r.duration_s);
        self.answered.append_option(r.answered);
        self.imsi.append_option(r.imsi);
        self.imei.append_option(r.imei);
        self.cell_id.append_option(r.cell_id);
        self.route.append_option(r.route.map(Route::as_str));
        self.text.append_option(r.text);
        self.link_domain
            .append_option(r.text.and_then(first_link_domain));
        self.rows += 1;
    }

    /// The rows appended so far as one batch; the builder starts empty again.
    pub fn finish(&mut self) -> RecordBatch {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.kind.finish()),
            Arc::new(self.event_time.finish().with_timezone("UTC")),
            Arc::new(self.caller.finish()),
            Arc::new(self.callee.finish()),
            Arc::new(self.duration_s.finish()),
            Arc::new(self.answered.finish()),
            Arc::new(self.imsi.finish()),
            Arc::new(self.imei.finish()),
            Arc::new(self.cell_id.finish()),
            Arc::new(self.route.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.link_domain.finish()),
        ];
        self.rows = 0;
        // The columns are built from the schema's own types in its order, so
        // a mismatch here is a bug in this file, not bad input.
        RecordBatch::try_new(record_schema(), columns)
            .expect("record builder columns match the record schema (this is a bug)")
    }
}
