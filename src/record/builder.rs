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

/// `n` and a sixteenth more.
fn with_margin(n: usize) -> usize {
    n + n / 16
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

    /// How many rows it has room for without growing.
    pub(crate) fn room(&self) -> usize {
        self.event_time.capacity()
    }

    /// Empty builders with room for this builder's rows and bytes plus a
    /// sixteenth, so that a slightly larger next batch does not double them.
    fn sized_for_next(&self) -> RecordBuilder {
        let rows = with_margin(self.rows);
        let text = |b: &StringBuilder| {
            StringBuilder::with_capacity(rows, with_margin(b.values_slice().len()))
        };
        RecordBuilder {
            kind: text(&self.kind),
            event_time: TimestampMillisecondBuilder::with_capacity(rows),
            caller: text(&self.caller),
            callee: text(&self.callee),
            duration_s: Int64Builder::with_capacity(rows),
            answered: BooleanBuilder::with_capacity(rows),
            imsi: text(&self.imsi),
            imei: text(&self.imei),
            cell_id: text(&self.cell_id),
            route: text(&self.route),
            text: text(&self.text),
            link_domain: text(&self.link_domain),
            rows: 0,
        }
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

    /// The rows appended so far as one batch; the builder starts empty again,
    /// with room for a batch a little larger than this one.
    ///
    /// Consecutive batches of a source are about the same size, so sizing the
    /// next one's buffers up front spares the reallocations (and the copies
    /// they make) of buffers grown from empty: a tenth of decoding's time.
    pub fn finish(&mut self) -> RecordBatch {
        let next = self.sized_for_next();
        let mut done = std::mem::replace(self, next);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(done.kind.finish()),
            Arc::new(done.event_time.finish().with_timezone("UTC")),
            Arc::new(done.caller.finish()),
            Arc::new(done.callee.finish()),
            Arc::new(done.duration_s.finish()),
            Arc::new(done.answered.finish()),
            Arc::new(done.imsi.finish()),
            Arc::new(done.imei.finish()),
            Arc::new(done.cell_id.finish()),
            Arc::new(done.route.finish()),
            Arc::new(done.text.finish()),
            Arc::new(done.link_domain.finish()),
        ];
        // The columns are built from the schema's own types in its order, so
        // a mismatch here is a bug in this file, not bad input.
        RecordBatch::try_new(record_schema(), columns)
            .expect("record builder columns match the record schema (this is a bug)")
    }
}
