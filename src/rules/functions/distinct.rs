//! `count(DISTINCT text)` per group without one set object per group.
//!
//! Rules count distinct callees, cells and senders per number all the time.
//! DataFusion 55 has a grouped accumulator for distinct counts of integers
//! only; for text it falls back to one boxed accumulator, with its own hash
//! set, per group. A SIM-box rule grouping ten thousand joined rows by
//! number then spent 16 ms a window allocating and filling a thousand small
//! sets. This module replaces the `count` function by one that behaves the
//! same in every case but that one, where a single hash table of
//! (group, value) pairs serves all groups.

use std::sync::Arc;

use arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Int64Array, LargeStringBuilder, ListArray,
    StringBuilder, StringViewBuilder,
};
use arrow::buffer::OffsetBuffer;
use arrow::datatypes::{DataType, Field, FieldRef};
use datafusion::common::{Result, ScalarValue, internal_err};
use datafusion::functions_aggregate::count::Count as DataFusionCount;
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::utils::AggregateOrderSensitivity;
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, Documentation, EmitTo, GroupsAccumulator,
    ReversedUDAF, SetMonotonicity, Signature, StatisticsArgs,
};
use hashbrown::HashTable;

/// DataFusion's `count`, with a grouped accumulator for distinct text.
pub(super) fn count() -> AggregateUDF {
    AggregateUDF::new_from_impl(Count::default())
}

/// `count` as DataFusion defines it, but for how distinct text is counted
/// per group.
#[derive(Debug, Default, PartialEq, Eq, Hash)]
struct Count {
    inner: DataFusionCount,
}

/// Whether `args` count distinct values of one text column.
fn counts_distinct_text(args: &AccumulatorArgs) -> bool {
    args.is_distinct && args.exprs.len() == 1 && is_text(args.expr_fields[0].data_type())
}

fn is_text(data_type: &DataType) -> bool {
    matches!(
        data_type,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    )
}

impl AggregateUDFImpl for Count {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn signature(&self) -> &Signature {
        self.inner.signature()
    }

    fn return_type(&self, arg_types: &[DataType]) -> Result<DataType> {
        self.inner.return_type(arg_types)
    }

    fn is_nullable(&self) -> bool {
        self.inner.is_nullable()
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        self.inner.state_fields(args)
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.inner.accumulator(args)
    }

    fn groups_accumulator_supported(&self, args: AccumulatorArgs) -> bool {
        counts_distinct_text(&args) || self.inner.groups_accumulator_supported(args)
    }

    fn create_groups_accumulator(
        &self,
        args: AccumulatorArgs,
    ) -> Result<Box<dyn GroupsAccumulator>> {
        if counts_distinct_text(&args) {
            let data_type = args.expr_fields[0].data_type().clone();
            return Ok(Box::new(DistinctTextCounts::new(data_type)));
        }
        self.inner.create_groups_accumulator(args)
    }

    fn create_sliding_accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.inner.create_sliding_accumulator(args)
    }

    fn order_sensitivity(&self) -> AggregateOrderSensitivity {
        self.inner.order_sensitivity()
    }

    fn reverse_expr(&self) -> ReversedUDAF {
        self.inner.reverse_expr()
    }

    fn value_from_stats(&self, args: &StatisticsArgs) -> Option<ScalarValue> {
        self.inner.value_from_stats(args)
    }

    fn default_value(&self, data_type: &DataType) -> Result<ScalarValue> {
        self.inner.default_value(data_type)
    }

    fn documentation(&self) -> Option<&Documentation> {
        self.inner.documentation()
    }

    fn set_monotonicity(&self, data_type: &DataType) -> SetMonotonicity {
        self.inner.set_monotonicity(data_type)
    }
}

/// One distinct value of one group: where its bytes are in the arena.
#[derive(Debug, Clone, Copy)]
struct Seen {
    group: u32,
    start: u32,
    len: u32,
}

/// The bytes of `seen` in `arena`.
fn value_in(arena: &[u8], seen: Seen) -> &[u8] {
    &arena[seen.start as usize..(seen.start + seen.len) as usize]
}

/// The distinct values of every group, in one table.
#[derive(Debug)]
struct DistinctTextCounts {
    /// The input type, which the partial state's lists hold.
    data_type: DataType,
    /// Indices into `seen`, hashed by group and value.
    table: HashTable<u32>,
    seen: Vec<Seen>,
    /// The bytes of every distinct value, back to back.
    arena: Vec<u8>,
    /// Distinct values per group.
    counts: Vec<i64>,
    hasher: ahash::RandomState,
}

impl DistinctTextCounts {
    fn new(data_type: DataType) -> Self {
        DistinctTextCounts {
            data_type,
            table: HashTable::new(),
            seen: Vec::new(),
            arena: Vec::new(),
            counts: Vec::new(),
            hasher: ahash::RandomState::new(),
        }
    }

    fn bytes(&self, seen: Seen) -> &[u8] {
        value_in(&self.arena, seen)
    }

    /// Notes `value` for `group`; counts it when the group had not seen it.
    fn insert(&mut self, group: usize, value: &[u8]) -> Result<()> {
        if self.note(group, value)? {
            self.counts[group] += 1;
        }
        Ok(())
    }

    /// Notes `value` for `group`; whether the group had not seen it.
    fn note(&mut self, group: usize, value: &[u8]) -> Result<bool> {
        let Ok(group32) = u32::try_from(group) else {
            return internal_err!("count(DISTINCT): more than 2^32 groups");
        };
        let hash = self.hasher.hash_one((group32, value));
        let (seen, arena) = (&self.seen, &self.arena);
        let known = self.table.find(hash, |&i| {
            let s = seen[i as usize];
            s.group == group32 && value_in(arena, s) == value
        });
        if known.is_some() {
            return Ok(false);
        }
        let (Ok(start), Ok(len), Ok(index)) = (
            u32::try_from(self.arena.len()),
            u32::try_from(value.len()),
            u32::try_from(self.seen.len()),
        ) else {
            return internal_err!("count(DISTINCT): more than 4 GiB of distinct text");
        };
        self.arena.extend_from_slice(value);
        self.seen.push(Seen {
            group: group32,
            start,
            len,
        });
        let (seen, hasher) = (&self.seen, &self.hasher);
        let arena = &self.arena;
        self.table.insert_unique(hash, index, |&i| {
            let s = seen[i as usize];
            hasher.hash_one((s.group, value_in(arena, s)))
        });
        Ok(true)
    }

    /// Calls `each(row, value)` for the non-null text values of `array`
    /// whose row passes `filter`.
    fn for_each_text(
        array: &dyn Array,
        filter: Option<&BooleanArray>,
        mut each: impl FnMut(usize, &[u8]) -> Result<()>,
    ) -> Result<()> {
        let passes = |row: usize| filter.is_none_or(|f| f.is_valid(row) && f.value(row));
        macro_rules! walk {
            ($values:expr) => {
                for (row, value) in $values.iter().enumerate() {
                    if let Some(value) = value.filter(|_| passes(row)) {
                        each(row, value.as_bytes())?;
                    }
                }
            };
        }
        match array.data_type() {
            DataType::Utf8 => walk!(array.as_string::<i32>()),
            DataType::LargeUtf8 => walk!(array.as_string::<i64>()),
            DataType::Utf8View => walk!(array.as_string_view()),
            other => return internal_err!("count(DISTINCT) of text got {other}"),
        }
        Ok(())
    }

    /// Forgets the values of the groups `emit_to` handed out; the other
    /// groups move down to fill their places (their counts already have).
    fn drop_emitted(&mut self, emit_to: EmitTo) -> Result<()> {
        let old_seen = std::mem::take(&mut self.seen);
        let old_arena = std::mem::take(&mut self.arena);
        self.table.clear();
        let EmitTo::First(n) = emit_to else {
            return Ok(());
        };
        for s in old_seen.into_iter().filter(|s| s.group as usize >= n) {
            let value = value_in(&old_arena, s);
            self.note(s.group as usize - n, value)?;
        }
        Ok(())
    }

    /// The distinct values of each group in `0..groups`, as a list array of
    /// the input type (the state DataFusion's own `count` keeps).
    fn value_lists(&self, groups: usize) -> Result<ListArray> {
        let mut by_group: Vec<Vec<Seen>> = vec![Vec::new(); groups];
        for s in self.seen.iter().filter(|s| (s.group as usize) < groups) {
            by_group[s.group as usize].push(*s);
        }
        let values = by_group.iter().flatten().map(|&s| self.bytes(s));
        let values: ArrayRef = match &self.data_type {
            DataType::Utf8 => Arc::new(build_text(values, StringBuilder::new())),
            DataType::LargeUtf8 => Arc::new(build_text(values, LargeStringBuilder::new())),
            DataType::Utf8View => Arc::new(build_text(values, StringViewBuilder::new())),
            other => return internal_err!("count(DISTINCT) of text got {other}"),
        };
        let offsets = OffsetBuffer::from_lengths(by_group.iter().map(Vec::len));
        let field = Arc::new(Field::new_list_field(self.data_type.clone(), true));
        Ok(ListArray::try_new(field, offsets, values, None)?)
    }
}

/// A text builder of any offset or view kind.
trait TextBuilder {
    type Output;
    fn push(&mut self, value: &str);
    fn build(self) -> Self::Output;
}

macro_rules! text_builder {
    ($builder:ty, $array:ty) => {
        impl TextBuilder for $builder {
            type Output = $array;
            fn push(&mut self, value: &str) {
                self.append_value(value);
            }
            fn build(mut self) -> $array {
                self.finish()
            }
        }
    };
}

text_builder!(StringBuilder, arrow::array::StringArray);
text_builder!(LargeStringBuilder, arrow::array::LargeStringArray);
text_builder!(StringViewBuilder, arrow::array::StringViewArray);

fn build_text<'a, B: TextBuilder>(
    values: impl Iterator<Item = &'a [u8]>,
    mut builder: B,
) -> B::Output {
    for value in values {
        // The bytes came from text arrays, so they are valid UTF-8.
        builder.push(std::str::from_utf8(value).unwrap_or_default());
    }
    builder.build()
}

impl GroupsAccumulator for DistinctTextCounts {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> Result<()> {
        self.counts.resize(total_num_groups, 0);
        let Some(values) = values.first() else {
            return internal_err!("count(DISTINCT) without an argument");
        };
        Self::for_each_text(values.as_ref(), opt_filter, |row, value| {
            self.insert(group_indices[row], value)
        })
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> Result<ArrayRef> {
        let counts = emit_to.take_needed(&mut self.counts);
        self.drop_emitted(emit_to)?;
        Ok(Arc::new(Int64Array::from(counts)))
    }

    fn state(&mut self, emit_to: EmitTo) -> Result<Vec<ArrayRef>> {
        let groups = match emit_to {
            EmitTo::All => self.counts.len(),
            EmitTo::First(n) => n,
        };
        let lists = self.value_lists(groups)?;
        emit_to.take_needed(&mut self.counts);
        self.drop_emitted(emit_to)?;
        Ok(vec![Arc::new(lists)])
    }

    fn merge_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        total_num_groups: usize,
    ) -> Result<()> {
        self.counts.resize(total_num_groups, 0);
        let Some(lists) = values.first().and_then(|v| v.as_list_opt::<i32>()) else {
            return internal_err!("count(DISTINCT) state is not a list");
        };
        for (row, &group) in group_indices.iter().enumerate() {
            if lists.is_null(row) {
                continue;
            }
            let list = lists.value(row);
            Self::for_each_text(list.as_ref(), None, |_, value| self.insert(group, value))?;
        }
        Ok(())
    }

    /// Each row as its own group: a list of its value, empty when it is
    /// null or filtered out.
    fn convert_to_state(
        &self,
        values: &[ArrayRef],
        opt_filter: Option<&BooleanArray>,
    ) -> Result<Vec<ArrayRef>> {
        let Some(values) = values.first() else {
            return internal_err!("count(DISTINCT) without an argument");
        };
        let mut one_each = DistinctTextCounts::new(self.data_type.clone());
        one_each.counts.resize(values.len(), 0);
        Self::for_each_text(values.as_ref(), opt_filter, |row, value| {
            one_each.insert(row, value)
        })?;
        Ok(vec![Arc::new(one_each.value_lists(values.len())?)])
    }

    fn size(&self) -> usize {
        self.table.capacity() * size_of::<u32>()
            + self.seen.capacity() * size_of::<Seen>()
            + self.arena.capacity()
            + self.counts.capacity() * size_of::<i64>()
    }
}

#[cfg(test)]
mod tests;
