//! A field value as it arrived, before the contract gives it meaning.
//!
//! Deserialising every field into this small enum (instead of the final types)
//! lets validation say exactly which field was wrong and why, without the cost
//! of building a `serde_json::Value` tree for every record.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

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
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct RawFields<'a> {
    #[serde(borrow, default)]
    pub(crate) kind: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) ts: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) caller: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) callee: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) duration_s: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) answered: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) imsi: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) imei: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) cell_id: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) route: Option<Loose<'a>>,
    #[serde(borrow, default)]
    pub(crate) text: Option<Loose<'a>>,
}

/// Deserialises JSON text into [`RawFields`]; a top-level value that is not
/// an object is an error.
pub(crate) fn parse_json(bytes: &[u8]) -> Result<RawFields<'_>, String> {
    // serde also reads a struct from an array of its fields; the contract
    // wants an object.
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        // One check of the whole line (vectorised: most lines are ASCII) is
        // cheaper than serde_json's check of every string in it; a line that
        // fails it is parsed from bytes, so the error says where the bad
        // bytes are.
        Some(b'{') => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(bytes),
        }
        .map_err(|e| e.to_string()),
        Some(_) => Err("expected a JSON object starting with `{`".into()),
        None => Err("the record is empty".into()),
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

    #[test]
    fn nested_and_unknown_fields_are_tolerated() {
        let raw = parse_json(br#"{"kind":"call","extra":{"a":[1,2]},"ts":[1]}"#).unwrap();
        assert_eq!(raw.kind, Some(Loose::Str("call".into())));
        assert_eq!(raw.ts, Some(Loose::Nested));
    }

    #[test]
    fn escaped_strings_are_owned_and_unescaped() {
        let raw = parse_json(br#"{"text":"a\"b\u0e01"}"#).unwrap();
        assert_eq!(raw.text, Some(Loose::Str("a\"b\u{e01}".into())));
    }

    #[test]
    fn non_objects_are_errors() {
        assert!(parse_json(b"[1,2]").is_err());
        assert!(parse_json(b"42").is_err());
        assert!(parse_json(b"{\"kind\":").is_err());
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
