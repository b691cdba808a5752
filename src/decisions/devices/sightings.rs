//! Which numbers originated records from which devices, pane by pane.
//!
//! Device follow-up needs two lookups over a window's rows: the devices a
//! newly blocked number used, and the numbers seen on a watched device. A
//! pane's rows never change once a window holding it has closed, so the
//! index is built once per pane (kept in its [`PaneMemo`]) and a window's
//! sightings are its panes' indexes side by side.

use std::sync::Arc;

use ahash::AHashMap;
use arrow::array::{Array, AsArray, RecordBatch};

use crate::record::column;
use crate::windowing::{ClosedWindow, PaneMemo};

/// The memo entry of a pane's index.
const MEMO_KEY: &str = "decisions::devices::sightings";

/// One pane's (number, device) pairs, indexed both ways.
#[derive(Debug, Default)]
pub struct PaneDevices {
    by_device: AHashMap<Box<str>, Vec<Box<str>>>,
    by_number: AHashMap<Box<str>, Vec<Box<str>>>,
}

impl PaneDevices {
    /// Indexes the originating number and IMEI of every row of `batches`
    /// whose IMEI names a device (see [`is_device_id`]).
    pub fn build<'a>(batches: impl IntoIterator<Item = &'a RecordBatch>) -> Self {
        let mut index = PaneDevices::default();
        for batch in batches {
            index.add_batch(batch);
        }
        index
    }

    fn add_batch(&mut self, batch: &RecordBatch) {
        let (Some(callers), Some(imeis)) = (
            batch.column_by_name(column::CALLER),
            batch.column_by_name(column::IMEI),
        ) else {
            return;
        };
        let (Some(callers), Some(imeis)) =
            (callers.as_string_opt::<i32>(), imeis.as_string_opt::<i32>())
        else {
            return;
        };
        for row in 0..batch.num_rows() {
            if callers.is_null(row) || imeis.is_null(row) {
                continue;
            }
            let imei = imeis.value(row);
            if is_device_id(imei) {
                self.add(callers.value(row), imei);
            }
        }
    }

    fn add(&mut self, number: &str, device: &str) {
        let numbers = self.by_device.entry(device.into()).or_default();
        if numbers.iter().any(|n| n.as_ref() == number) {
            return;
        }
        numbers.push(number.into());
        self.by_number
            .entry(number.into())
            .or_default()
            .push(device.into());
    }
}

/// The device sightings of one window: the indexes of its panes.
#[derive(Debug, Clone, Default)]
pub struct Sightings {
    panes: Vec<Arc<PaneDevices>>,
}

impl Sightings {
    /// The sightings of `window`, building the index of each pane that has
    /// none yet.
    pub fn of(window: &ClosedWindow) -> Self {
        let panes = window
            .panes
            .iter()
            .map(|pane| {
                index_of(&pane.memo, || {
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
    pub fn from_panes(panes: Vec<PaneDevices>) -> Self {
        Sightings {
            panes: panes.into_iter().map(Arc::new).collect(),
        }
    }

    /// The devices `number` originated records from, each once.
    pub fn devices_of(&self, number: &str) -> Vec<&str> {
        self.distinct(|pane| pane.by_number.get(number))
    }

    /// The numbers that originated records from `device`, each once.
    pub fn numbers_on(&self, device: &str) -> Vec<&str> {
        self.distinct(|pane| pane.by_device.get(device))
    }

    fn distinct<'a>(
        &'a self,
        lookup: impl Fn(&'a PaneDevices) -> Option<&'a Vec<Box<str>>>,
    ) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for found in self.panes.iter().filter_map(|p| lookup(p)) {
            for value in found {
                if !out.contains(&value.as_ref()) {
                    out.push(value);
                }
            }
        }
        out
    }
}

fn index_of(memo: &PaneMemo, build: impl FnOnce() -> PaneDevices) -> Arc<PaneDevices> {
    memo.get_or_insert_with(MEMO_KEY, build)
}

/// Whether `imei` can name one handset: 14 to 16 digits (an IMEI with or
/// without its check digit, or an IMEISV), not one digit repeated. Switches
/// write placeholders such as `000000000000000` for unknown devices, and
/// following one of those would block every number it stands for.
pub fn is_device_id(imei: &str) -> bool {
    let bytes = imei.as_bytes();
    (14..=16).contains(&bytes.len())
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes.iter().any(|b| *b != bytes[0])
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
            sightings.numbers_on("356938035643809"),
            ["+66811111111", "+66822222222"]
        );
        assert_eq!(
            sightings.devices_of("+66822222222"),
            ["356938035643809", "861234567890123"]
        );
        assert!(sightings.devices_of("+66833333333").is_empty());
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
                .numbers_on("000000000000000")
                .is_empty()
        );
    }
}
