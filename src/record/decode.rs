//! Decoding JSON Lines and CSV rows into validated Arrow rows.
//!
//! Each input format is first read into [`RawFields`] (the contract's fields
//! as they arrived); one validation path then gives them meaning, so JSON and
//! CSV accept and reject exactly the same records for the same reasons.

use std::borrow::Cow;

use arrow::record_batch::RecordBatch;
use chrono::DateTime;

use super::builder::{RecordBuilder, Validated};
use super::number::{E164, NumberNormalizer, short_code};
use super::reject::{RejectReason, Rejection};
use super::schema::{Kind, Route, record_schema};
use super::value::{Field, Loose, RawFields, Text, parse_json, parse_json_text, present};

/// Event times before 2000-01-01 or from 2100-01-01 on are taken to be unit
/// mistakes (seconds for milliseconds, say) rather than real records.
const MIN_EVENT_MS: i64 = 946_684_800_000;
const MAX_EVENT_MS: i64 = 4_102_444_800_000;

/// Validates records and appends them to batches under construction: one
/// batch in input order, one per kind ([`Decoder::by_kind`]), or one per
/// kind and pane ([`Decoder::by_pane`]).
#[derive(Debug)]
pub struct Decoder {
    numbers: NumberNormalizer,
    split: Split,
    /// The batches under construction, in the order their first row came.
    groups: Vec<Group>,
    /// Builders of finished groups, sized for their next batch.
    spare: Vec<RecordBuilder>,
    /// The group the last accepted row went to.
    last: usize,
}

/// Which rows a decoder keeps in one batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Split {
    /// All of them, in input order.
    Nothing,
    /// Those of one kind.
    Kind,
    /// Those of one kind whose event time falls in one pane of this length.
    KindAndPane(i64),
}

/// The rows of one batch under construction.
#[derive(Debug)]
struct Group {
    key: GroupKey,
    rows: RecordBuilder,
}

/// What the rows of a batch have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GroupKey {
    /// Their kind, when the decoder keeps kinds apart.
    pub kind: Option<Kind>,
    /// The start of their pane, when the decoder keeps panes apart.
    pub pane_start_ms: Option<i64>,
}

/// One batch of a decoder's rows and what its rows have in common.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedBatch {
    /// What the rows have in common.
    pub key: GroupKey,
    /// The rows, in input order.
    pub batch: RecordBatch,
}

impl Decoder {
    /// A decoder that normalises numbers with `numbers` and keeps its rows
    /// in input order.
    pub fn new(numbers: NumberNormalizer) -> Self {
        Decoder {
            numbers,
            split: Split::Nothing,
            groups: Vec::new(),
            spare: Vec::new(),
            last: 0,
        }
    }

    /// A decoder that keeps calls and SMS in separate batches
    /// ([`Decoder::finish_by_kind`]), as the windows hold them.
    pub fn by_kind(numbers: NumberNormalizer) -> Self {
        Decoder {
            split: Split::Kind,
            ..Decoder::new(numbers)
        }
    }

    /// A decoder that keeps apart the rows of each kind and of each pane
    /// (slice of event time) of `pane_ms` ([`Decoder::finish_groups`]), as
    /// the windows hold them: the pipeline's decoding threads then sort the
    /// rows instead of its windowing loop copying every batch apart.
    pub fn by_pane(numbers: NumberNormalizer, pane_ms: i64) -> Self {
        Decoder {
            split: Split::KindAndPane(pane_ms.max(1)),
            ..Decoder::new(numbers)
        }
    }

    /// Decodes one JSON object and appends it, or says why it was rejected.
    pub fn push_json(&mut self, bytes: &[u8]) -> Result<Kind, Rejection> {
        let mut raw = RawFields::default();
        parse_json(bytes, &mut raw).map_err(|e| {
            Rejection::new(RejectReason::Malformed, format!("not a JSON object: {e}"))
        })?;
        self.push_raw(&raw)
    }

    /// [`Decoder::push_json`] of a record already known to be UTF-8.
    pub fn push_json_text(&mut self, text: &str) -> Result<Kind, Rejection> {
        let mut raw = RawFields::default();
        parse_json_text(text, &mut raw).map_err(|e| {
            Rejection::new(RejectReason::Malformed, format!("not a JSON object: {e}"))
        })?;
        self.push_raw(&raw)
    }

    /// Decodes one CSV row (with the file's header) and appends it.
    pub fn push_csv(
        &mut self,
        header: &CsvHeader,
        row: &csv::ByteRecord,
    ) -> Result<Kind, Rejection> {
        let mut raw = RawFields::default();
        for (field, bytes) in row.iter().enumerate() {
            let Some(Some(slot)) = header.columns.get(field) else {
                continue;
            };
            let text = std::str::from_utf8(bytes).map_err(|_| {
                Rejection::new(
                    RejectReason::Malformed,
                    format!("CSV column {} is not valid UTF-8", field + 1),
                )
            })?;
            if !text.is_empty() {
                *slot.of(&mut raw) = Some(Loose::Str(Text::Borrowed(text)));
            }
        }
        self.push_raw(&raw)
    }

    /// Rows accepted since the last finish.
    pub fn len(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }

    /// Whether no row was accepted since the last finish.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Which batch of [`Decoder::finish_groups`] the last accepted row
    /// went to.
    pub fn last_group(&self) -> usize {
        self.last
    }

    /// The accepted rows as one batch (calls, then SMS, for a decoder that
    /// keeps the kinds apart, each kind in pane order); the decoder starts
    /// a new one.
    pub fn finish(&mut self) -> RecordBatch {
        let mut groups = self.finish_groups();
        if groups.len() == 1 {
            return groups.swap_remove(0).batch;
        }
        groups.sort_by_key(|g| g.key);
        concat(groups.iter().map(|g| &g.batch))
    }

    /// The accepted calls and SMS as two batches, each in input order (in
    /// pane order for a decoder that keeps panes apart); the decoder starts
    /// new ones. A decoder made by [`Decoder::new`] gives all its rows, in
    /// input order, in the first batch.
    pub fn finish_by_kind(&mut self) -> (RecordBatch, RecordBatch) {
        let mut groups = self.finish_groups();
        groups.sort_by_key(|g| g.key);
        let (sms, calls): (Vec<_>, Vec<_>) =
            groups.iter().partition(|g| g.key.kind == Some(Kind::Sms));
        (
            concat(calls.iter().map(|g| &g.batch)),
            concat(sms.iter().map(|g| &g.batch)),
        )
    }

    /// The accepted rows, one batch per group in the order each group's
    /// first row came (see [`Decoder::last_group`]); the decoder starts new
    /// ones.
    pub fn finish_groups(&mut self) -> Vec<DecodedBatch> {
        let groups = std::mem::take(&mut self.groups);
        let mut done = Vec::with_capacity(groups.len());
        for mut group in groups {
            done.push(DecodedBatch {
                key: group.key,
                batch: group.rows.finish(),
            });
            self.spare.push(group.rows);
        }
        // The largest first: a batch's first group is usually its largest
        // (the pane of the moment, not one a straggler fell into), and a
        // builder much larger than its rows would keep the slack in the
        // batch it makes until the pane is merged.
        self.spare.sort_by_key(RecordBuilder::room);
        if self.split == Split::Nothing && done.is_empty() {
            done.push(DecodedBatch {
                key: self.key_of(Kind::Call, 0),
                batch: RecordBatch::new_empty(record_schema()),
            });
        }
        self.last = 0;
        done
    }

    /// The key of a row of `kind` at `event_ms`.
    fn key_of(&self, kind: Kind, event_ms: i64) -> GroupKey {
        let (kind, pane_start_ms) = match self.split {
            Split::Nothing => (None, None),
            Split::Kind => (Some(kind), None),
            Split::KindAndPane(pane_ms) => {
                (Some(kind), Some(event_ms.div_euclid(pane_ms) * pane_ms))
            }
        };
        GroupKey {
            kind,
            pane_start_ms,
        }
    }

    /// The builder for rows of `key`, started when none is.
    fn builder_for(&mut self, key: GroupKey) -> &mut RecordBuilder {
        let found = if self.groups.get(self.last).is_some_and(|g| g.key == key) {
            Some(self.last)
        } else {
            self.groups.iter().position(|g| g.key == key)
        };
        self.last = found.unwrap_or_else(|| {
            let rows = self.spare.pop().unwrap_or_default();
            self.groups.push(Group { key, rows });
            self.groups.len() - 1
        });
        &mut self.groups[self.last].rows
    }

    fn push_raw(&mut self, raw: &RawFields<'_>) -> Result<Kind, Rejection> {
        let kind = kind(raw)?;
        let event_ms = event_ms(raw)?;
        let caller = caller(&mut self.numbers, &raw.caller)?;
        let callee = callee(&mut self.numbers, &raw.callee)?;
        let (duration_s, answered) = match kind {
            Kind::Call => {
                let duration = duration(raw)?;
                let answered = boolean("answered", &raw.answered)?.unwrap_or(duration > 0);
                (Some(duration), Some(answered))
            }
            Kind::Sms => (None, None),
        };
        let imsi = text("imsi", &raw.imsi)?;
        let imei = text("imei", &raw.imei)?;
        let cell_id = text("cell_id", &raw.cell_id)?;
        let text_body = text("text", &raw.text)?;
        let route = route(raw)?;
        let key = self.key_of(kind, event_ms);
        self.builder_for(key).append(&Validated {
            kind,
            event_ms,
            caller: &caller,
            callee: callee.as_str(),
            duration_s,
            answered,
            imsi: imsi.as_deref(),
            imei: imei.as_deref(),
            cell_id: cell_id.as_deref(),
            route,
            text: text_body.as_deref(),
        });
        Ok(kind)
    }
}

/// Batches of the record schema as one.
fn concat<'a>(batches: impl Iterator<Item = &'a RecordBatch>) -> RecordBatch {
    arrow::compute::concat_batches(&record_schema(), batches)
        .expect("batches of the record schema concatenate (this is a bug)")
}

fn required<'v, 'a>(name: &str, value: &'v Option<Loose<'a>>) -> Result<&'v Loose<'a>, Rejection> {
    present(value).ok_or_else(|| Rejection::missing(name))
}

fn bad_value(field: &str, value: &Loose<'_>, expected: &str) -> Rejection {
    Rejection::new(
        RejectReason::BadValue,
        format!(
            "field `{field}` is {}, expected {expected}",
            value.describe()
        ),
    )
}

fn kind(raw: &RawFields<'_>) -> Result<Kind, Rejection> {
    let value = required("kind", &raw.kind)?;
    match value {
        Loose::Str(s) if s.eq_ignore_ascii_case("call") => Ok(Kind::Call),
        Loose::Str(s) if s.eq_ignore_ascii_case("sms") => Ok(Kind::Sms),
        other => Err(bad_value("kind", other, "\"call\" or \"sms\"")),
    }
}

fn event_ms(raw: &RawFields<'_>) -> Result<i64, Rejection> {
    let value = required("ts", &raw.ts)?;
    let bad = |why: &str| {
        Rejection::new(
            RejectReason::BadTimestamp,
            format!("field `ts` is {}: {why}", value.describe()),
        )
    };
    let ms = match value {
        Loose::Int(ms) => *ms,
        Loose::Str(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s
            .parse::<i64>()
            .map_err(|_| bad("too large for epoch milliseconds"))?,
        Loose::Str(s) => DateTime::parse_from_rfc3339(s)
            .map_err(|e| bad(&format!("not RFC 3339 ({e})")))?
            .timestamp_millis(),
        _ => {
            return Err(bad(
                "expected an RFC 3339 string or integer epoch milliseconds",
            ));
        }
    };
    if !(MIN_EVENT_MS..MAX_EVENT_MS).contains(&ms) {
        return Err(bad(
            "outside 2000-01-01..2100-01-01 (seconds instead of milliseconds?)",
        ));
    }
    Ok(ms)
}

/// The A-number, which must be a phone number; a withheld caller ID is
/// rejected with a reason of its own, and a short code with a message that
/// says so.
fn caller(numbers: &mut NumberNormalizer, value: &Option<Loose<'_>>) -> Result<E164, Rejection> {
    let text = present(value).and_then(Loose::as_text);
    if let Some(withheld) = text.as_deref().filter(|t| is_withheld(t)) {
        return Err(Rejection::new(
            RejectReason::WithheldCaller,
            format!("field `caller` {withheld:?} is a withheld caller ID"),
        ));
    }
    if let Some(code) = text.as_deref().and_then(short_code) {
        return Err(Rejection::new(
            RejectReason::BadNumber,
            format!(
                "field `caller` {code:?} is a service short code: a caller must be a phone number"
            ),
        ));
    }
    number(numbers, "caller", value)
}

/// How switches write a caller ID the caller withheld.
fn is_withheld(text: &str) -> bool {
    // A number starts with a digit or `+`, which no withheld word does.
    if text
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'+')
    {
        return false;
    }
    const WITHHELD: [&str; 8] = [
        "",
        "anonymous",
        "restricted",
        "private",
        "withheld",
        "unknown",
        "unavailable",
        "hidden",
    ];
    let text = text.trim();
    WITHHELD.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// The B-number: a phone number, or a home service short code, which
/// subscribers call every day and which no rule should lose.
enum Callee {
    Number(E164),
    ShortCode(String),
}

impl Callee {
    fn as_str(&self) -> &str {
        match self {
            Callee::Number(number) => number.as_str(),
            Callee::ShortCode(code) => code,
        }
    }
}

fn callee(numbers: &mut NumberNormalizer, value: &Option<Loose<'_>>) -> Result<Callee, Rejection> {
    let text = present(value).and_then(Loose::as_text);
    if let Some(code) = text.as_deref().and_then(short_code) {
        return Ok(Callee::ShortCode(code.to_owned()));
    }
    number(numbers, "callee", value).map(Callee::Number)
}

fn number(
    numbers: &mut NumberNormalizer,
    field: &str,
    value: &Option<Loose<'_>>,
) -> Result<E164, Rejection> {
    let value = required(field, value)?;
    let text = value.as_text().ok_or_else(|| {
        Rejection::new(
            RejectReason::BadNumber,
            format!(
                "field `{field}` is {}, expected a phone number string",
                value.describe()
            ),
        )
    })?;
    numbers.normalize(&text).map_err(|e| {
        Rejection::new(
            RejectReason::BadNumber,
            format!("field `{field}` {} {e}", value.describe()),
        )
    })
}

fn duration(raw: &RawFields<'_>) -> Result<i64, Rejection> {
    let value = required("duration_s", &raw.duration_s)?;
    let seconds = match value {
        Loose::Int(s) => Some(*s),
        Loose::Str(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    match seconds {
        Some(s) if s >= 0 => Ok(s),
        _ => Err(bad_value("duration_s", value, "an integer >= 0")),
    }
}

fn boolean(field: &str, value: &Option<Loose<'_>>) -> Result<Option<bool>, Rejection> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    match value {
        Loose::Bool(b) => Ok(Some(*b)),
        Loose::Str(s) if s.eq_ignore_ascii_case("true") || s.as_ref() == "1" => Ok(Some(true)),
        Loose::Str(s) if s.eq_ignore_ascii_case("false") || s.as_ref() == "0" => Ok(Some(false)),
        other => Err(bad_value(field, other, "true or false")),
    }
}

fn text<'v>(field: &str, value: &'v Option<Loose<'_>>) -> Result<Option<Cow<'v, str>>, Rejection> {
    let Some(value) = present(value) else {
        return Ok(None);
    };
    match value.as_text() {
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => Ok(Some(s)),
        None => Err(bad_value(field, value, "a string")),
    }
}

fn route(raw: &RawFields<'_>) -> Result<Option<Route>, Rejection> {
    let Some(value) = present(&raw.route) else {
        return Ok(None);
    };
    match value {
        Loose::Str(s) => Route::parse(s).map(Some).ok_or_else(|| {
            bad_value(
                "route",
                value,
                "\"onnet\", \"national\" or \"international\"",
            )
        }),
        other => Err(bad_value(
            "route",
            other,
            "\"onnet\", \"national\" or \"international\"",
        )),
    }
}

/// Which contract field each CSV column holds, from the header row.
#[derive(Debug, Clone)]
pub struct CsvHeader {
    columns: Vec<Option<Field>>,
}

impl CsvHeader {
    /// Maps the header row's column names to contract fields; unknown
    /// columns are ignored, like unknown JSON fields.
    pub fn new(header: &csv::ByteRecord) -> Self {
        let columns = header
            .iter()
            .map(|name| {
                std::str::from_utf8(name)
                    .ok()
                    .and_then(|name| Field::from_name(name.trim()))
            })
            .collect();
        CsvHeader { columns }
    }
}

#[cfg(test)]
mod tests;
