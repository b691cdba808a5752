//! Which numbers originated records from which devices, pane by pane.
//!
//! Device follow-up needs two lookups over a window's rows: the devices a
//! newly blocked number used, and the numbers seen on a watched device. A
//! pane's rows never change once a window holding it has closed, so the
//! index is built once per pane (kept in its [`PaneMemo`]) and a window's
//! sightings are its panes' indexes side by side.

use std::sync::Arc;

use ahash::RandomState;
use arrow::array::{Array, AsArray, RecordBatch, StringArray};

use crate::record::column;
use crate::windowing::{ClosedWindow, WindowSpec};

/// The memo entry of a pane's index.
const MEMO_KEY: &str = "decisions::devices::sightings";

/// One (number, device) pair of a pane: the hashes of both, and a row that
/// holds them. The strings stay in the pane's batches, so indexing a pane
/// allocates two vectors, not a string per pair.
#[derive(Debug, Clone, Copy)]
struct Pair {
    device: u64,
    number: u64,
    batch: u32,
    row: u32,
}

/// One pane's (number, device) pairs, each once, sorted both ways.
#[derive(Debug)]
pub struct PaneDevices {
    hasher: RandomState,
    /// The caller and IMEI columns of the pane's batches.
    columns: Vec<(StringArray, StringArray)>,
    by_device: Vec<Pair>,
    by_number: Vec<Pair>,
}

impl PaneDevices {
    /// Indexes the originating number and IMEI of every row of `batches`
    /// whose IMEI names a device (see [`is_device_id`]).
    pub fn build<'a>(batches: impl IntoIterator<Item = &'a RecordBatch>) -> Self {
        let hasher = RandomState::with_seeds(0x5ca4, 0x57e4, 0xde71ce, 0x1e1);
        let mut columns = Vec::new();
        let mut pairs = Vec::new();
        for batch in batches {
            let (Some(callers), Some(imeis)) = (
                batch.column_by_name(column::CALLER),
                batch.column_by_name(column::IMEI),
            ) else {
                continue;
            };
            let (Some(callers), Some(imeis)) =
                (callers.as_string_opt::<i32>(), imeis.as_string_opt::<i32>())
            else {
                continue;
            };
            let batch_no = columns.len() as u32;
            for row in 0..batch.num_rows() {
                if callers.is_null(row) || imeis.is_null(row) || !is_device_id(imeis.value(row)) {
                    continue;
                }
                pairs.push(Pair {
                    device: hasher.hash_one(imeis.value(row)),
                    number: hasher.hash_one(callers.value(row)),
                    batch: batch_no,
                    row: row as u32,
                });
            }
            columns.push((callers.clone(), imeis.clone()));
        }
        pairs.sort_unstable_by_key(|p| (p.device, p.number));
        // Two pairs are taken for one only if both 64-bit hashes agree,
        // which different strings all but never do; lookups compare strings.
        pairs.dedup_by_key(|p| (p.device, p.number));
        let mut by_number = pairs.clone();
        by_number.sort_unstable_by_key(|p| (p.number, p.device));
        PaneDevices {
            hasher,
            columns,
            by_device: pairs,
            by_number,
        }
    }

    /// The numbers seen on `device`.
    fn numbers_on(&self, device: &str) -> impl Iterator<Item = &str> {
        let hash = self.hasher.hash_one(device);
        let start = self.by_device.partition_point(|p| p.device < hash);
        self.by_device[start..]
            .iter()
            .take_while(move |p| p.device == hash)
            .filter(move |p| self.imei(p) == device)
            .map(|p| self.caller(p))
    }

    /// The devices `number` was seen on.
    fn devices_of(&self, number: &str) -> impl Iterator<Item = &str> {
        let hash = self.hasher.hash_one(number);
        let start = self.by_number.partition_point(|p| p.number < hash);
        self.by_number[start..]
            .iter()
            .take_while(move |p| p.number == hash)
            .filter(move |p| self.caller(p) == number)
            .map(|p| self.imei(p))
    }

    fn caller(&self, pair: &Pair) -> &str {
        self.columns[pair.batch as usize].0.value(pair.row as usize)
    }

    fn imei(&self, pair: &Pair) -> &str {
        self.columns[pair.batch as usize].1.value(pair.row as usize)
    }
}

/// The device sightings of one window: the indexes of its panes.
#[derive(Debug, Clone)]
pub struct Sightings {
    panes: Vec<Arc<PaneDevices>>,
}

impl Sightings {
    /// The sightings of the longest window in `windows` (windows that end
    /// together) of a spec in `acting`: the windows of rules that block. A
    /// shadow or alert rule's longer window must not widen what the
    /// follow-up sees.
    pub fn of_longest(windows: &[ClosedWindow], acting: &[WindowSpec]) -> Option<Self> {
        windows
            .iter()
            .filter(|w| acting.contains(&w.spec))
            .min_by_key(|w| w.start_ms)
            .map(Sightings::of)
    }

    /// The sightings of `window`, building the index of each pane that has
    /// none yet.
    pub fn of(window: &ClosedWindow) -> Self {
        let panes = window
            .panes
            .iter()
            .map(|pane| {
                pane.memo.get_or_insert_with(MEMO_KEY, || {
                    PaneDevices::build(
                        window.calls[pane.calls.clone()]
                            .iter()
                            .chain(&window.sms[pane.sms.clone()]),
                    )
                })
            })
            .collect();
        Sightings { panes }
    }

    /// Sightings made of whole pane indexes (tests).
    #[cfg(test)]
    pub fn from_panes(panes: Vec<PaneDevices>) -> Self {
        Sightings {
            panes: panes.into_iter().map(Arc::new).collect(),
        }
    }

    /// The devices `number` originated records from, each once.
    pub fn devices_of(&self, number: &str) -> Vec<&str> {
        distinct(
            self.panes.iter().flat_map(|p| p.devices_of(number)),
            usize::MAX,
        )
    }

    /// The numbers that originated records from `device`, each once, at
    /// most `limit` of them.
    pub fn numbers_on(&self, device: &str, limit: usize) -> Vec<&str> {
        distinct(self.panes.iter().flat_map(|p| p.numbers_on(device)), limit)
    }
}

fn distinct<'a>(found: impl Iterator<Item = &'a str>, limit: usize) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for value in found {
        if out.len() >= limit {
            break;
        }
        if !out.contains(&value) {
            out.push(value);
        }
    }
    out
}

/// Whether `imei` can name one handset: 14 to 16 digits (an IMEI with or
/// without its check digit, or an IMEISV), not one digit repeated, and
/// neither its model code (TAC, 8 digits) nor its serial (6) all zeros.
/// Switches write placeholders such as `000000000000000` for unknown
/// devices, and following one would block every number it stands for.
pub fn is_device_id(imei: &str) -> bool {
    let bytes = imei.as_bytes();
    let zeros = |part: &[u8]| part.iter().all(|b| *b == b'0');
    (14..=16).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes.iter().any(|b| *b != bytes[0])
        && !zeros(&bytes[..8])
        && !zeros(&bytes[8..14])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Decoder, NumberNormalizer};

    fn batch(rows: &[(&str, Option<&str>)]) -> RecordBatch {
        let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
        for (caller, imei) in rows {
            let imei = imei.map_or(String::new(), |i| format!(r#","imei":"{i}""#));
            let line = format!(
                r#"{{"kind":"call","ts":"2026-11-02T01:00:00Z","caller":"{caller}","callee":"0898765432","duration_s":5{imei}}}"#
            );
            decoder.push_json(line.as_bytes()).unwrap();
        }
        decoder.finish()
    }

    fn sorted(mut found: Vec<&str>) -> Vec<&str> {
        found.sort_unstable();
        found
    }

    #[test]
    fn indexes_numbers_and_devices_both_ways_once_each() {
        let first = PaneDevices::build([&batch(&[
            ("0811111111", Some("356938035643809")),
            ("0811111111", Some("356938035643809")),
            ("0822222222", Some("356938035643809")),
        ])]);
        let second = PaneDevices::build([&batch(&[
            ("0822222222", Some("356938035643809")),
            ("0822222222", Some("861234567890123")),
            ("0833333333", None),
        ])]);
        let sightings = Sightings::from_panes(vec![first, second]);
        assert_eq!(
            sorted(sightings.numbers_on("356938035643809", 10)),
            ["+66811111111", "+66822222222"]
        );
        assert_eq!(
            sorted(sightings.devices_of("+66822222222")),
            ["356938035643809", "861234567890123"]
        );
        assert!(sightings.devices_of("+66833333333").is_empty());
    }

    #[test]
    fn only_the_windows_of_blocking_rules_bound_the_sightings() {
        use crate::windowing::WindowOperator;
        let short = WindowSpec::parse("10m").unwrap();
        let long = WindowSpec::parse("30m").unwrap();
        let mut operator = WindowOperator::new([short, long], 60_000);
        let mut decoder = Decoder::new(NumberNormalizer::new(66).unwrap());
        for (minute, caller) in [(1, "0811111111"), (25, "0822222222")] {
            let line = format!(
                r#"{{"kind":"call","ts":"2026-11-02T01:{minute:02}:00Z","caller":"{caller}","callee":"0898765432","duration_s":5,"imei":"356938035643809"}}"#
            );
            decoder.push_json(line.as_bytes()).unwrap();
        }
        assert!(operator.insert(&decoder.finish()).unwrap().is_empty());
        let closed = operator.close_all();
        let end = closed.iter().map(|w| w.end_ms).max().unwrap();
        let group: Vec<ClosedWindow> = closed.into_iter().filter(|w| w.end_ms == end).collect();
        assert_eq!(
            group.len(),
            2,
            "a 10-minute and a 30-minute window end together"
        );
        let seen = |acting: &[WindowSpec]| {
            let sightings = Sightings::of_longest(&group, acting).expect("a window");
            let mut numbers: Vec<String> = sightings
                .numbers_on("356938035643809", 10)
                .into_iter()
                .map(str::to_owned)
                .collect();
            numbers.sort_unstable();
            numbers
        };
        assert_eq!(seen(&[short, long]), ["+66811111111", "+66822222222"]);
        assert_eq!(seen(&[short]), ["+66822222222"]);
        assert!(Sightings::of_longest(&group, &[]).is_none());
    }

    #[test]
    fn placeholder_and_malformed_imeis_name_no_device() {
        for placeholder in [
            "000000000000000",
            "999999999999999",
            "",
            "35693803564",
            "35693803564380A",
        ] {
            assert!(!is_device_id(placeholder), "{placeholder:?}");
        }
        for real in ["35693803564380", "356938035643809", "3569380356438012"] {
            assert!(is_device_id(real), "{real:?}");
        }
        let pane = PaneDevices::build([&batch(&[
            ("0811111111", Some("000000000000000")),
            ("0822222222", Some("000000000000000")),
        ])]);
        assert!(
            Sightings::from_panes(vec![pane])
                .numbers_on("000000000000000", 10)
                .is_empty()
        );
    }
}
