//! Per-key sums over the panes of a window, kept up to date as the window
//! slides: a pane entering adds its per-key sums, a pane leaving takes them
//! away again. Each pane is reduced once, however many windows hold it, and
//! a slide costs the keys of two panes, not the rows of twelve.

use std::sync::Arc;

use hashbrown::HashTable;

use arrow::array::{Array, ArrayRef, AsArray, Float64Array, Int64Array};
use arrow::datatypes::{DataType, Float64Type, Int64Type, SchemaRef};
use arrow::error::ArrowError;
use arrow::record_batch::RecordBatch;
use arrow::row::{RowConverter, SortField};

use crate::windowing::PaneSpan;

/// Identifies one version of one pane: its start, its unique id and how
/// many rows it held.
pub(crate) type PaneKey = (i64, u64, usize);

/// The key of a pane of a closed window.
pub(crate) fn pane_key(span: &PaneSpan) -> PaneKey {
    (span.start_ms, span.id, span.rows)
}

/// Keys whose rows have all left stay indexed (a key often comes back);
/// past this many, and more than the live keys, they are dropped.
const IDLE_KEYS_KEPT: usize = 4_096;

/// The sums of one pane query, per key, over the panes added so far.
#[derive(Debug)]
pub(crate) struct PaneSums {
    /// The pane query's schema: the keys, then the sums.
    schema: SchemaRef,
    keys: usize,
    converter: RowConverter,
    /// Per slot, its key in Arrow's row format (empty when the slot is free).
    slot_keys: Vec<Box<[u8]>>,
    /// Per slot, its key's hash, so the index grows without hashing again.
    slot_hashes: Vec<u64>,
    /// The slots of the indexed keys, found by key.
    index: HashTable<u32>,
    hasher: ahash::RandomState,
    /// Per sum column, per slot. The first is the key's row count.
    columns: Vec<Sums>,
    free: Vec<u32>,
    /// Indexed keys whose row count is zero.
    idle: usize,
    /// What each pane held now added up to, to take away when it leaves.
    panes: Vec<(PaneKey, Contribution)>,
    /// Only keys with at least this many rows are emitted.
    min_rows: i64,
}

#[derive(Debug)]
enum Sums {
    Int(Vec<i64>),
    Float(Vec<f64>),
}

/// One pane's per-key sums and the slots they were added to.
#[derive(Debug)]
struct Contribution {
    slots: Vec<u32>,
    columns: Vec<ArrayRef>,
}

impl PaneSums {
    /// Sums for a pane query of `schema` whose first `keys` columns are the
    /// grouping keys and whose others are 64-bit integer or float sums, the
    /// first of them the row count. Emits keys with `min_rows` rows or more.
    pub(crate) fn new(schema: SchemaRef, keys: usize, min_rows: i64) -> Result<Self, ArrowError> {
        let fields = schema.fields();
        if fields.len() <= keys || fields[keys].data_type() != &DataType::Int64 {
            return Err(ArrowError::SchemaError(
                "a pane query needs its keys, then an integer row count".into(),
            ));
        }
        let columns = fields[keys..]
            .iter()
            .map(|f| match f.data_type() {
                DataType::Int64 => Ok(Sums::Int(Vec::new())),
                DataType::Float64 => Ok(Sums::Float(Vec::new())),
                other => Err(ArrowError::SchemaError(format!(
                    "cannot keep a running sum of {other} (column {})",
                    f.name()
                ))),
            })
            .collect::<Result<_, _>>()?;
        let sort_fields = fields[..keys]
            .iter()
            .map(|f| SortField::new(f.data_type().clone()))
            .collect();
        Ok(PaneSums {
            converter: RowConverter::new(sort_fields)?,
            schema,
            keys,
            slot_keys: Vec::new(),
            slot_hashes: Vec::new(),
            index: HashTable::new(),
            // Fixed seeds: slots freed by `drop_idle_keys` are reused in
            // the index's order, which decides the emitted order and so a
            // run's output; it must not change from one run to the next.
            hasher: ahash::RandomState::with_seeds(1, 2, 3, 4),
            columns,
            free: Vec::new(),
            idle: 0,
            panes: Vec::new(),
            min_rows,
        })
    }

    /// Whether the pane is added.
    pub(crate) fn holds(&self, pane: PaneKey) -> bool {
        self.panes.iter().any(|(key, _)| *key == pane)
    }

    /// Takes away every added pane that `keep` rejects.
    pub(crate) fn retain(&mut self, keep: impl Fn(PaneKey) -> bool) {
        let mut kept = Vec::with_capacity(self.panes.len());
        for (key, contribution) in std::mem::take(&mut self.panes) {
            if keep(key) {
                kept.push((key, contribution));
            } else {
                self.subtract(&contribution);
            }
        }
        self.panes = kept;
        self.drop_idle_keys();
    }

    /// Adds a pane's per-key sums (the pane query's rows).
    pub(crate) fn add(&mut self, pane: PaneKey, batch: &RecordBatch) -> Result<(), ArrowError> {
        let rows = self
            .converter
            .convert_columns(&batch.columns()[..self.keys])?;
        let mut slots = Vec::with_capacity(batch.num_rows());
        let hashes = &self.slot_hashes;
        self.index
            .reserve(batch.num_rows(), |&s| hashes[s as usize]);
        for row in rows.iter() {
            let key = row.as_ref();
            let hash = self.hasher.hash_one(key);
            let slot = match self.find(hash, key) {
                Some(slot) => {
                    if self.row_count(slot) == 0 {
                        self.idle -= 1;
                    }
                    slot
                }
                None => self.insert(hash, key),
            };
            slots.push(slot);
        }
        let columns = batch.columns()[self.keys..].to_vec();
        for (sums, values) in self.columns.iter_mut().zip(&columns) {
            sums.add(&slots, values.as_ref(), 1)?;
        }
        self.panes.push((pane, Contribution { slots, columns }));
        Ok(())
    }

    /// The keys with enough rows and their sums, in the pane query's schema,
    /// in slot order (a pass over the row counts, not over the index).
    pub(crate) fn emit(&self) -> Result<RecordBatch, ArrowError> {
        let Sums::Int(counts) = &self.columns[0] else {
            unreachable!("the row count is an integer column");
        };
        let slots: Vec<u32> = (0..counts.len() as u32)
            .filter(|&slot| counts[slot as usize] >= self.min_rows)
            .collect();
        let parser = self.converter.parser();
        let keys = slots
            .iter()
            .map(|&slot| parser.parse(&self.slot_keys[slot as usize]));
        let mut arrays = self.converter.convert_rows(keys)?;
        arrays.extend(self.columns.iter().map(|sums| sums.gather(&slots)));
        RecordBatch::try_new(Arc::clone(&self.schema), arrays)
    }

    fn row_count(&self, slot: u32) -> i64 {
        match &self.columns[0] {
            Sums::Int(v) => v[slot as usize],
            Sums::Float(_) => unreachable!("the row count is an integer column"),
        }
    }

    /// The slot of `key` (whose hash is `hash`), if it is indexed.
    fn find(&self, hash: u64, key: &[u8]) -> Option<u32> {
        self.index
            .find(hash, |&slot| {
                self.slot_hashes[slot as usize] == hash && *self.slot_keys[slot as usize] == *key
            })
            .copied()
    }

    /// Indexes `key` (whose hash is `hash`) in a free or new slot, with
    /// zero sums.
    fn insert(&mut self, hash: u64, key: &[u8]) -> u32 {
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slot_keys[slot as usize] = key.into();
                self.slot_hashes[slot as usize] = hash;
                slot
            }
            None => {
                for sums in &mut self.columns {
                    sums.push_zero();
                }
                self.slot_keys.push(key.into());
                self.slot_hashes.push(hash);
                (self.slot_keys.len() - 1) as u32
            }
        };
        let hashes = &self.slot_hashes;
        self.index
            .insert_unique(hash, slot, |&s| hashes[s as usize]);
        slot
    }

    fn subtract(&mut self, contribution: &Contribution) {
        for (sums, values) in self.columns.iter_mut().zip(&contribution.columns) {
            // The values were added from these very arrays, so their types fit.
            let _ = sums.add(&contribution.slots, values.as_ref(), -1);
        }
        for &slot in &contribution.slots {
            if self.row_count(slot) == 0 {
                // Exactly zero again, whatever rounding the floats did.
                for sums in &mut self.columns {
                    sums.reset(slot);
                }
                self.idle += 1;
            }
        }
    }

    fn drop_idle_keys(&mut self) {
        if self.idle <= IDLE_KEYS_KEPT || self.idle * 2 <= self.index.len() {
            return;
        }
        let Sums::Int(counts) = &self.columns[0] else {
            return;
        };
        let (free, keys) = (&mut self.free, &mut self.slot_keys);
        self.index.retain(|slot| {
            let live = counts[*slot as usize] > 0;
            if !live {
                free.push(*slot);
                keys[*slot as usize] = Box::default();
            }
            live
        });
        self.idle = 0;
    }
}

impl Sums {
    fn push_zero(&mut self) {
        match self {
            Sums::Int(v) => v.push(0),
            Sums::Float(v) => v.push(0.0),
        }
    }

    fn reset(&mut self, slot: u32) {
        match self {
            Sums::Int(v) => v[slot as usize] = 0,
            Sums::Float(v) => v[slot as usize] = 0.0,
        }
    }

    /// Adds `sign` times `values[i]` to slot `slots[i]`; a null adds nothing
    /// (a sum over rows whose values are all null).
    fn add(&mut self, slots: &[u32], values: &dyn Array, sign: i8) -> Result<(), ArrowError> {
        let mismatch = || ArrowError::SchemaError("a pane's sums changed type".into());
        match self {
            Sums::Int(sums) => {
                let values = values
                    .as_primitive_opt::<Int64Type>()
                    .ok_or_else(mismatch)?;
                if values.null_count() == 0 {
                    // The common case (counts, sums of non-null columns):
                    // no validity test per row.
                    let sign = i64::from(sign);
                    for (&slot, &v) in slots.iter().zip(values.values()) {
                        let s = &mut sums[slot as usize];
                        *s = s.wrapping_add(v.wrapping_mul(sign));
                    }
                    return Ok(());
                }
                for (i, &slot) in slots.iter().enumerate() {
                    if values.is_valid(i) {
                        let v = values.value(i);
                        let s = &mut sums[slot as usize];
                        *s = if sign > 0 {
                            s.wrapping_add(v)
                        } else {
                            s.wrapping_sub(v)
                        };
                    }
                }
            }
            Sums::Float(sums) => {
                let values = values
                    .as_primitive_opt::<Float64Type>()
                    .ok_or_else(mismatch)?;
                for (i, &slot) in slots.iter().enumerate() {
                    if values.is_valid(i) {
                        sums[slot as usize] += f64::from(sign) * values.value(i);
                    }
                }
            }
        }
        Ok(())
    }

    fn gather(&self, slots: &[u32]) -> ArrayRef {
        match self {
            Sums::Int(v) => Arc::new(Int64Array::from_iter_values(
                slots.iter().map(|&s| v[s as usize]),
            )),
            Sums::Float(v) => Arc::new(Float64Array::from_iter_values(
                slots.iter().map(|&s| v[s as usize]),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
