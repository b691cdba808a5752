//! Turning a rule's output row into JSON evidence.

use arrow::array::{Array, AsArray};
use arrow::datatypes::{
    DataType, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use arrow::util::display::{ArrayFormatter, FormatOptions};
use serde_json::{Number, Value};

/// The JSON value of one cell: numbers, booleans and strings as themselves,
/// anything else (timestamps, decimals, lists) as Arrow's display text.
pub(crate) fn cell(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    macro_rules! int {
        ($t:ty) => {
            Value::from(array.as_primitive::<$t>().value(row))
        };
    }
    match array.data_type() {
        DataType::Boolean => Value::Bool(array.as_boolean().value(row)),
        DataType::Int8 => int!(Int8Type),
        DataType::Int16 => int!(Int16Type),
        DataType::Int32 => int!(Int32Type),
        DataType::Int64 => int!(Int64Type),
        DataType::UInt8 => int!(UInt8Type),
        DataType::UInt16 => int!(UInt16Type),
        DataType::UInt32 => int!(UInt32Type),
        DataType::UInt64 => int!(UInt64Type),
        DataType::Float32 => float(f64::from(array.as_primitive::<Float32Type>().value(row))),
        DataType::Float64 => float(array.as_primitive::<Float64Type>().value(row)),
        DataType::Utf8 => Value::String(array.as_string::<i32>().value(row).to_owned()),
        DataType::LargeUtf8 => Value::String(array.as_string::<i64>().value(row).to_owned()),
        DataType::Utf8View => Value::String(array.as_string_view().value(row).to_owned()),
        _ => display(array, row),
    }
}

fn float(x: f64) -> Value {
    // Rounded so that evidence reads well and stays stable across runs.
    let rounded = (x * 1e6).round() / 1e6;
    Number::from_f64(rounded).map_or(Value::Null, Value::Number)
}

fn display(array: &dyn Array, row: usize) -> Value {
    let options = FormatOptions::default();
    match ArrayFormatter::try_new(array, &options) {
        Ok(f) => Value::String(f.value(row).to_string()),
        Err(_) => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow::array::{
        ArrayRef, BooleanArray, Float64Array, Int64Array, StringArray, TimestampMillisecondArray,
    };

    use super::*;

    #[test]
    fn cells_become_json() {
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(Int64Array::from(vec![Some(3), None])),
            Arc::new(Float64Array::from(vec![0.1234567891, f64::NAN])),
            Arc::new(BooleanArray::from(vec![true, false])),
            Arc::new(StringArray::from(vec!["ก", "b"])),
            Arc::new(TimestampMillisecondArray::from(vec![0, 1]).with_timezone("UTC")),
        ];
        let row0: Vec<Value> = arrays.iter().map(|a| cell(a.as_ref(), 0)).collect();
        assert_eq!(
            row0,
            vec![
                Value::from(3),
                Value::from(0.123457),
                Value::Bool(true),
                Value::from("ก"),
                Value::from("1970-01-01T00:00:00Z"),
            ]
        );
        assert_eq!(cell(arrays[0].as_ref(), 1), Value::Null);
        assert_eq!(cell(arrays[1].as_ref(), 1), Value::Null);
    }
}
