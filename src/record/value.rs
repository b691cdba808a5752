//! A field value as it arrived, before the contract gives it meaning.
//!
//! Deserialising every field into this small enum (instead of the final types)
//! lets validation say exactly which field was wrong and why, without the cost
//! of building a `serde_json::Value` tree for every record.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    Deserialize, DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess,
    Visitor,
};

/// One field's raw value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loose<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Text<'a>),
    /// An object or an array: never valid for a contract field.
    Nested,
}

/// A string value: borrowed from the input when it holds no escapes, owned
/// otherwise. Two words and a tag, where `Cow<str>` takes three: a record's
/// eleven fields are moved several times while it is parsed, and the
/// smaller struct measurably shortens those copies.
#[derive(Debug, Clone)]
pub(crate) enum Text<'a> {
    Borrowed(&'a str),
    Owned(Box<str>),
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Self {
        Text::Borrowed(s)
    }
}

impl From<String> for Text<'_> {
    fn from(s: String) -> Self {
        Text::Owned(s.into_boxed_str())
    }
}

impl Loose<'_> {
    /// A short description for error messages: the value, cut if long.
    pub(crate) fn describe(&self) -> String {
        match self {
            Loose::Null => "null".into(),
            Loose::Bool(b) => b.to_string(),
            Loose::Int(i) => i.to_string(),
            Loose::Float(x) => x.to_string(),
            Loose::Str(s) => {
                let cut: String = s.chars().take(40).collect();
                if cut.len() < s.len() {
                    format!("\"{cut}…\"")
                } else {
                    format!("\"{cut}\"")
                }
            }
            Loose::Nested => "an object or array".into(),
        }
    }

    /// A text field that also accepts integers (CSV exports and some switches
    /// write cell ids and IMSIs as numbers).
    pub(crate) fn as_text(&self) -> Option<Cow<'_, str>> {
        match self {
            Loose::Str(s) => Some(Cow::Borrowed(s)),
            Loose::Int(i) => Some(Cow::Owned(i.to_string())),
            _ => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    // Called for every field of every record; see `fill` for the inlining.
    #[inline(always)]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor(std::marker::PhantomData))
    }
}

struct LooseVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for LooseVisitor<'a> {
    type Value = Loose<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Loose::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Loose::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(i64::try_from(v).map_or(Loose::Float(v as f64), Loose::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Loose::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Loose::Str(Text::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Loose::Str(v.to_owned().into()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Loose::Str(v.into()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Nested)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Nested)
    }
}

/// The contract's fields of one record, as they arrived. Unknown fields are
/// ignored (forward compatibility); a field given as `null` counts as absent.
#[derive(Debug, Default)]
pub(crate) struct RawFields<'a> {
    pub(crate) kind: Option<Loose<'a>>,
    pub(crate) ts: Option<Loose<'a>>,
    pub(crate) caller: Option<Loose<'a>>,
    pub(crate) callee: Option<Loose<'a>>,
    pub(crate) duration_s: Option<Loose<'a>>,
    pub(crate) answered: Option<Loose<'a>>,
    pub(crate) imsi: Option<Loose<'a>>,
    pub(crate) imei: Option<Loose<'a>>,
    pub(crate) cell_id: Option<Loose<'a>>,
    pub(crate) route: Option<Loose<'a>>,
    pub(crate) text: Option<Loose<'a>>,
}

/// One field of the contract, by its name in JSON and CSV.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Field {
    Kind,
    Ts,
    Caller,
    Callee,
    DurationS,
    Answered,
    Imsi,
    Imei,
    CellId,
    Route,
    Text,
}

impl Field {
    /// The field named `name` exactly, if the contract has one.
    pub(crate) fn from_name(name: &str) -> Option<Field> {
        Some(match name {
            "kind" => Field::Kind,
            "ts" => Field::Ts,
            "caller" => Field::Caller,
            "callee" => Field::Callee,
            "duration_s" => Field::DurationS,
            "answered" => Field::Answered,
            "imsi" => Field::Imsi,
            "imei" => Field::Imei,
            "cell_id" => Field::CellId,
            "route" => Field::Route,
            "text" => Field::Text,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Ts => "ts",
            Field::Caller => "caller",
            Field::Callee => "callee",
            Field::DurationS => "duration_s",
            Field::Answered => "answered",
            Field::Imsi => "imsi",
            Field::Imei => "imei",
            Field::CellId => "cell_id",
            Field::Route => "route",
            Field::Text => "text",
        }
    }

    /// This field of `raw`.
    pub(crate) fn of<'r, 'a>(self, raw: &'r mut RawFields<'a>) -> &'r mut Option<Loose<'a>> {
        match self {
            Field::Kind => &mut raw.kind,
            Field::Ts => &mut raw.ts,
            Field::Caller => &mut raw.caller,
            Field::Callee => &mut raw.callee,
            Field::DurationS => &mut raw.duration_s,
            Field::Answered => &mut raw.answered,
            Field::Imsi => &mut raw.imsi,
            Field::Imei => &mut raw.imei,
            Field::CellId => &mut raw.cell_id,
            Field::Route => &mut raw.route,
            Field::Text => &mut raw.text,
        }
    }
}

/// Deserialises JSON text into `raw`, which is filled in place: a record's
/// eleven fields are written where they stay, not built up and moved out
/// (those copies were a tenth of decoding). A top-level value that is not
/// an object, a field given twice, or text after the object is an error.
pub(crate) fn parse_json<'a>(bytes: &'a [u8], raw: &mut RawFields<'a>) -> Result<(), String> {
    object_start(bytes)?;
    // One check of the whole line (vectorised: most lines are ASCII) is
    // cheaper than serde_json's check of every string in it; a line that
    // fails it is parsed from bytes, so the error says where the bad bytes
    // are.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => fill(&mut serde_json::Deserializer::from_str(text), raw),
        Err(_) => fill(&mut serde_json::Deserializer::from_slice(bytes), raw),
    }
    .map_err(|e| e.to_string())
}

/// [`parse_json`] of text already known to be UTF-8 (a decoding thread
/// checks a whole share of a chunk at once).
pub(crate) fn parse_json_text<'a>(text: &'a str, raw: &mut RawFields<'a>) -> Result<(), String> {
    object_start(text.as_bytes())?;
    fill(&mut serde_json::Deserializer::from_str(text), raw).map_err(|e| e.to_string())
}

/// Checks that a record opens a JSON object: serde also reads a struct
/// from an array of its fields, and the contract wants an object.
fn object_start(bytes: &[u8]) -> Result<(), String> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Ok(()),
        Some(_) => Err("expected a JSON object starting with `{`".into()),
        None => Err("the record is empty".into()),
    }
}

/// Reads one object from `de` into `raw`, then checks that nothing but
/// whitespace follows.
///
/// One call per record, with the field loop and each field's parse inlined
/// into it. Left to LLVM, the loop and the parse of each field became calls
/// of their own once `Decoder::push_raw` grew: 2.6 % more instructions for
/// `scamstream run` with a trivial rule (cachegrind, 120 k records).
#[inline(never)]
fn fill<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    raw: &mut RawFields<'de>,
) -> serde_json::Result<()> {
    FillFields(raw).deserialize(&mut *de)?;
    de.end()
}

/// Fills a [`RawFields`] from a JSON object. As `#[derive(Deserialize)]`
/// would: unknown fields are skipped and a field given twice is an error.
struct FillFields<'r, 'a>(&'r mut RawFields<'a>);

impl<'de: 'a, 'a> DeserializeSeed<'de> for FillFields<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for FillFields<'_, 'a> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    #[inline(always)]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0_u16;
        while let Some(FieldKey(field)) = map.next_key()? {
            let Some(field) = field else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let bit = 1 << field as u16;
            if seen & bit != 0 {
                return Err(A::Error::duplicate_field(field.name()));
            }
            seen |= bit;
            // `null` is kept as `Loose::Null`, which `present` reads as
            // absent: one peek less per field than parsing an `Option`.
            *field.of(self.0) = Some(map.next_value::<Loose<'a>>()?);
        }
        Ok(())
    }
}

/// An object key: a contract field, or `None` for one to skip.
struct FieldKey(Option<Field>);

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldKeyVisitor)
    }
}

struct FieldKeyVisitor;

impl Visitor<'_> for FieldKeyVisitor {
    type Value = FieldKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, v: &str) -> Result<FieldKey, E> {
        Ok(FieldKey(Field::from_name(v)))
    }
}

/// Drops `Some(Null)` so that `null` means absent.
pub(crate) fn present<'v, 'a>(v: &'v Option<Loose<'a>>) -> Option<&'v Loose<'a>> {
    match v {
        None | Some(Loose::Null) => None,
        Some(v) => Some(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(bytes: &[u8]) -> Result<RawFields<'_>, String> {
        let mut raw = RawFields::default();
        parse_json(bytes, &mut raw).map(|()| raw)
    }

    #[test]
    fn nested_and_unknown_fields_are_tolerated() {
        let raw = parsed(br#"{"kind":"call","extra":{"a":[1,2]},"ts":[1]}"#).unwrap();
        assert_eq!(raw.kind, Some(Loose::Str("call".into())));
        assert_eq!(raw.ts, Some(Loose::Nested));
    }

    #[test]
    fn escaped_strings_are_owned_and_unescaped() {
        let raw = parsed(br#"{"text":"a\"b\u0e01"}"#).unwrap();
        assert_eq!(raw.text, Some(Loose::Str("a\"b\u{e01}".into())));
    }

    #[test]
    fn a_field_given_twice_is_an_error_even_after_null() {
        for line in [
            &br#"{"kind":"call","kind":"sms"}"#[..],
            br#"{"kind":null,"kind":"sms"}"#,
        ] {
            let error = parsed(line).unwrap_err();
            assert!(error.contains("duplicate field `kind`"), "{error}");
        }
        assert!(
            parsed(br#"{"extra":1,"extra":2}"#).is_ok(),
            "unknown fields"
        );
    }

    #[test]
    fn keys_are_unescaped_and_text_after_the_object_is_an_error() {
        let raw = parsed(br#" {"k\u0069nd":"sms","ts":null} "#).unwrap();
        assert_eq!(raw.kind, Some(Loose::Str("sms".into())));
        assert_eq!(present(&raw.ts), None, "null is absent");
        let error = parsed(br#"{"kind":"sms"} {"#).unwrap_err();
        assert!(error.contains("trailing characters"), "{error}");
    }

    #[test]
    fn text_known_to_be_utf8_parses_as_bytes_do() {
        let lines = [
            &br#"{"kind":"sms","text":"\u0e01 \u4e2d","caller":"+66812345678"}"#[..],
            br#"{"kind":"call","kind":"sms"}"#,
            br#"  [1]"#,
            br#"{"ts":1} x"#,
            b"",
        ];
        for line in lines {
            let mut raw = RawFields::default();
            let text = std::str::from_utf8(line).unwrap();
            let from_text = parse_json_text(text, &mut raw).map(|()| format!("{raw:?}"));
            let from_bytes = parsed(line).map(|raw| format!("{raw:?}"));
            assert_eq!(from_text, from_bytes, "{text}");
        }
    }

    #[test]
    fn non_objects_are_errors() {
        assert!(parsed(b"[1,2]").is_err());
        assert!(parsed(b"42").is_err());
        assert!(parsed(b"{\"kind\":").is_err());
    }

    #[test]
    fn a_field_value_takes_three_words() {
        assert!(std::mem::size_of::<Option<Loose<'_>>>() <= 24);
    }

    #[test]
    fn describe_cuts_long_strings() {
        let long = Loose::Str("x".repeat(100).into());
        assert!(long.describe().ends_with("…\""));
    }
}
