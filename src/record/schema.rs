//! The Arrow schema of decoded records, shared by the decoder, the window
//! store and the tables that rules query.

use std::sync::{Arc, LazyLock};

use arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};

/// Column names of the record schema, as rules see them.
pub mod column {
    /// `"call"` or `"sms"`.
    pub const KIND: &str = "kind";
    /// Event time: call start or SMS submission, UTC, millisecond precision.
    pub const EVENT_TIME: &str = "event_time";
    /// A-number (SMS sender), E.164.
    pub const CALLER: &str = "caller";
    /// B-number (SMS recipient), E.164.
    pub const CALLEE: &str = "callee";
    /// Talk time in seconds; null for SMS.
    pub const DURATION_S: &str = "duration_s";
    /// Whether the call was answered; null for SMS.
    pub const ANSWERED: &str = "answered";
    /// IMSI of the originating subscriber, when on our network.
    pub const IMSI: &str = "imsi";
    /// IMEI of the originating device, when on our network.
    pub const IMEI: &str = "imei";
    /// Cell of the originating subscriber, when on our network.
    pub const CELL_ID: &str = "cell_id";
    /// Where the record entered our network: `onnet`, `national`, `international`.
    pub const ROUTE: &str = "route";
    /// SMS body, when the operator may analyse it.
    pub const TEXT: &str = "text";
    /// Derived at ingest: the domain of the first link in `text` (lower
    /// case, punycode, without `www.`), null when it holds none. Computed
    /// once per record, where a hopping window would run `link_domain(text)`
    /// on each text once per window.
    pub const LINK_DOMAIN: &str = "link_domain";
}

/// The kind of a record, the `kind` column. Calls sort before SMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A voice call.
    Call,
    /// A short message.
    Sms,
}

impl Kind {
    /// The value of the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Call => "call",
            Kind::Sms => "sms",
        }
    }
}

/// Where a record entered our network, the `route` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Originated by one of our own subscribers.
    Onnet,
    /// Came from another national operator.
    National,
    /// Came in on an international trunk.
    International,
}

impl Route {
    /// Parses the contract's spelling.
    pub fn parse(s: &str) -> Option<Route> {
        match s {
            "onnet" => Some(Route::Onnet),
            "national" => Some(Route::National),
            "international" => Some(Route::International),
            _ => None,
        }
    }

    /// The value of the `route` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Route::Onnet => "onnet",
            Route::National => "national",
            Route::International => "international",
        }
    }
}

/// The Arrow type of `event_time` (and of `window_start` / `window_end`).
pub fn timestamp_type() -> DataType {
    DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into()))
}

static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        utf8(column::KIND, false),
        Field::new(column::EVENT_TIME, timestamp_type(), false),
        utf8(column::CALLER, false),
        utf8(column::CALLEE, false),
        Field::new(column::DURATION_S, DataType::Int64, true),
        Field::new(column::ANSWERED, DataType::Boolean, true),
        utf8(column::IMSI, true),
        utf8(column::IMEI, true),
        utf8(column::CELL_ID, true),
        utf8(column::ROUTE, true),
        utf8(column::TEXT, true),
        utf8(column::LINK_DOMAIN, true),
    ]))
});

/// The schema of decoded record batches.
pub fn record_schema() -> SchemaRef {
    SCHEMA.clone()
}
