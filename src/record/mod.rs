//! The record contract: what one CDR or SMS record looks like on the way in,
//! and the Arrow schema every later stage (windows, rules) sees.
//!
//! Decoding is strict about meaning and lenient about form: unknown fields are
//! ignored for forward compatibility, numbers arrive in any of the formats
//! switches emit and leave as E.164, and every record that cannot be used is
//! turned into a [`Rejection`] with a reason and a message naming the field,
//! never a panic and never a silent drop.

mod builder;
mod decode;
pub(crate) mod links;
mod number;
mod reject;
mod schema;
mod value;

pub use builder::RecordBuilder;
pub use decode::{CsvHeader, DecodedBatch, Decoder, GroupKey};
pub use number::{E164, NumberError, NumberNormalizer};
pub use reject::{RejectReason, Rejection};
pub use schema::{Kind, Route, column, record_schema, timestamp_type};

#[cfg(test)]
pub(crate) mod test_support {
    //! Building records in tests without going through JSON.
    pub(crate) use super::builder::Validated;
    use super::schema::Kind;

    /// A record with only the required fields.
    pub(crate) fn validated<'a>(
        kind: Kind,
        event_ms: i64,
        caller: &'a str,
        callee: &'a str,
    ) -> Validated<'a> {
        Validated {
            kind,
            event_ms,
            caller,
            callee,
            duration_s: (kind == Kind::Call).then_some(30),
            answered: (kind == Kind::Call).then_some(true),
            imsi: None,
            imei: None,
            cell_id: None,
            route: None,
            text: None,
        }
    }
}
