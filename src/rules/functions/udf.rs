//! One adapter from plain Rust functions over strings and integers to
//! DataFusion scalar UDFs, so each telecom function is written (and unit
//! tested) as ordinary Rust and wrapped in one line.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, PoisonError};

use ahash::AHashMap;

use arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, Float64Array, Int64Array, ListBuilder, StringArray,
    StringBuilder,
};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Field, Int64Type, TimeUnit};
use datafusion::common::{Result, exec_err, plan_err};
use datafusion::logical_expr::{
    ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};

/// The body of a function: the arguments as arrays of the declared types
/// (already cast), one output row per input row.
type Body = Arc<dyn Fn(&[ArrayRef]) -> Result<ArrayRef> + Send + Sync>;

/// A telecom function: a name, declared argument types (inputs of other
/// string or integer types are cast to them) and a body.
pub(super) struct TelecomFn {
    name: &'static str,
    args: Vec<DataType>,
    returns: DataType,
    signature: Signature,
    body: Body,
}

impl std::fmt::Debug for TelecomFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelecomFn")
            .field("name", &self.name)
            .finish()
    }
}

impl PartialEq for TelecomFn {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.args == other.args
    }
}

impl Eq for TelecomFn {}

impl Hash for TelecomFn {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl ScalarUDFImpl for TelecomFn {
    fn name(&self) -> &str {
        self.name
    }
    fn signature(&self) -> &Signature {
        &self.signature
    }
    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(self.returns.clone())
    }
    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        if arg_types.len() != self.args.len() {
            return plan_err!(
                "{}() takes {} argument(s), got {}",
                self.name,
                self.args.len(),
                arg_types.len()
            );
        }
        for (given, wanted) in arg_types.iter().zip(&self.args) {
            if !castable(given, wanted) {
                return plan_err!("{}() expects {wanted} arguments, got {given}", self.name);
            }
        }
        Ok(self.args.clone())
    }
    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> Result<ColumnarValue> {
        let arrays = args
            .args
            .iter()
            .zip(&self.args)
            .map(|(value, wanted)| Ok(cast(&value.to_array(args.number_rows)?, wanted)?))
            .collect::<Result<Vec<_>>>()?;
        let out = (self.body)(&arrays)?;
        if out.len() != args.number_rows {
            return exec_err!(
                "{}() returned {} rows for {}",
                self.name,
                out.len(),
                args.number_rows
            );
        }
        Ok(ColumnarValue::Array(out))
    }
}

/// Whether an argument of type `given` is taken where `wanted` is declared:
/// any text for text, any integer (or a millisecond timestamp, as epoch
/// milliseconds) for an integer.
fn castable(given: &DataType, wanted: &DataType) -> bool {
    let text =
        |t: &DataType| matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View);
    let millis = matches!(given, DataType::Timestamp(TimeUnit::Millisecond, _));
    given == &DataType::Null
        || (text(given) && text(wanted))
        || ((given.is_integer() || millis) && wanted.is_integer())
}

fn udf(name: &'static str, args: Vec<DataType>, returns: DataType, body: Body) -> ScalarUDF {
    ScalarUDF::new_from_impl(TelecomFn {
        name,
        args,
        returns,
        signature: Signature::user_defined(Volatility::Immutable),
        body,
    })
}

/// The list type of functions returning several strings.
pub(super) fn string_list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// `name(text) -> text`; null in, null out.
pub(super) fn text_to_text(
    name: &'static str,
    f: impl Fn(&str) -> Option<String> + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let out: StringArray = args[0]
            .as_string::<i32>()
            .iter()
            .map(|v| v.and_then(&f))
            .collect();
        Ok(Arc::new(out))
    });
    udf(name, vec![DataType::Utf8], DataType::Utf8, body)
}

/// `name(text) -> boolean`; null in, null out.
pub(super) fn text_to_bool(
    name: &'static str,
    f: impl Fn(&str) -> bool + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let out: BooleanArray = args[0]
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(&f))
            .collect();
        Ok(Arc::new(out))
    });
    udf(name, vec![DataType::Utf8], DataType::Boolean, body)
}

/// `name(text) -> list of text`; null in, null out.
pub(super) fn text_to_list(
    name: &'static str,
    f: impl Fn(&str) -> Vec<String> + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let mut out = ListBuilder::new(StringBuilder::new());
        for value in args[0].as_string::<i32>().iter() {
            match value {
                Some(v) => {
                    for item in f(v) {
                        out.values().append_value(item);
                    }
                    out.append(true);
                }
                None => out.append(false),
            }
        }
        Ok(Arc::new(out.finish()))
    });
    udf(name, vec![DataType::Utf8], string_list(), body)
}

/// `name(text, integer) -> text`; null if either is null.
pub(super) fn text_int_to_text(
    name: &'static str,
    f: impl Fn(&str, i64) -> Option<String> + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let texts = args[0].as_string::<i32>();
        let ints = args[1].as_primitive::<Int64Type>();
        let out: StringArray = texts
            .iter()
            .zip(ints.iter())
            .map(|(t, n)| f(t?, n?))
            .collect();
        Ok(Arc::new(out))
    });
    udf(
        name,
        vec![DataType::Utf8, DataType::Int64],
        DataType::Utf8,
        body,
    )
}

/// `name(text, text) -> integer`; null if either is null.
pub(super) fn text_text_to_int(
    name: &'static str,
    f: impl Fn(&str, &str) -> Option<i64> + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let a = args[0].as_string::<i32>();
        let b = args[1].as_string::<i32>();
        let out: Int64Array = a.iter().zip(b.iter()).map(|(x, y)| f(x?, y?)).collect();
        Ok(Arc::new(out) as ArrayRef)
    });
    udf(
        name,
        vec![DataType::Utf8, DataType::Utf8],
        DataType::Int64,
        body,
    )
}

/// `name(text, integer) -> integer`; null if either is null.
pub(super) fn text_int_to_int(
    name: &'static str,
    f: impl Fn(&str, i64) -> i64 + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let texts = args[0].as_string::<i32>();
        let ints = args[1].as_primitive::<Int64Type>();
        let out: Int64Array = texts
            .iter()
            .zip(ints.iter())
            .map(|(t, n)| Some(f(t?, n?)))
            .collect();
        Ok(Arc::new(out) as ArrayRef)
    });
    udf(
        name,
        vec![DataType::Utf8, DataType::Int64],
        DataType::Int64,
        body,
    )
}

/// `name(integer, integer) -> double`; null if either is null.
pub(super) fn int_int_to_float(
    name: &'static str,
    f: impl Fn(i64, i64) -> Option<f64> + Send + Sync + 'static,
) -> ScalarUDF {
    let body: Body = Arc::new(move |args| {
        let a = args[0].as_primitive::<Int64Type>();
        let b = args[1].as_primitive::<Int64Type>();
        let out: Float64Array = a.iter().zip(b.iter()).map(|(x, y)| f(x?, y?)).collect();
        Ok(Arc::new(out) as ArrayRef)
    });
    udf(
        name,
        vec![DataType::Int64, DataType::Int64],
        DataType::Float64,
        body,
    )
}

/// Entries a memo keeps before it starts afresh: enough for the linked
/// texts of more than an hour of a mid-sized network, small enough that the
/// memos stay a few megabytes.
const MEMO_CAPACITY: usize = 1 << 14;

/// Results remembered by text, up to [`MEMO_CAPACITY`] of them.
struct Memo<T>(AHashMap<Box<str>, T>);

impl<T: Clone> Memo<T> {
    fn get_or_compute(&mut self, key: &str, compute: impl FnOnce() -> T) -> T {
        if let Some(hit) = self.0.get(key) {
            return hit.clone();
        }
        let value = compute();
        if self.0.len() >= MEMO_CAPACITY {
            self.0.clear();
        }
        self.0.insert(key.into(), value.clone());
        value
    }
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(AHashMap::new())
    }
}

/// `f` with its results remembered: for functions of domains, which repeat
/// from message to message and window to window.
pub(super) fn memoized<T: Clone + Send + 'static>(
    f: impl Fn(&str) -> T + Send + Sync + 'static,
) -> impl Fn(&str) -> T + Send + Sync + 'static {
    let memo: Mutex<Memo<T>> = Mutex::default();
    move |key| {
        let mut memo = memo.lock().unwrap_or_else(PoisonError::into_inner);
        memo.get_or_compute(key, || f(key))
    }
}

/// Integer arguments a [`memoized_by_int`] memo keeps apart: rules pass a
/// handful of constants (`domain_suffix(domain, 2)`).
const MEMO_INTS: usize = 8;

/// [`memoized`] for a function of a text and an integer, with one memo per
/// integer so that a hit costs no allocation.
pub(super) fn memoized_by_int<T: Clone + Send + 'static>(
    f: impl Fn(&str, i64) -> T + Send + Sync + 'static,
) -> impl Fn(&str, i64) -> T + Send + Sync + 'static {
    let memos: Mutex<AHashMap<i64, Memo<T>>> = Mutex::default();
    move |key, n| {
        let mut memos = memos.lock().unwrap_or_else(PoisonError::into_inner);
        if memos.len() >= MEMO_INTS && !memos.contains_key(&n) {
            memos.clear();
        }
        memos
            .entry(n)
            .or_default()
            .get_or_compute(key, || f(key, n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_rows_stay_null_and_values_map() {
        let f = text_to_text("upper", |s| Some(s.to_uppercase()));
        let input: ArrayRef = Arc::new(StringArray::from(vec![Some("ab"), None]));
        let args = ScalarFunctionArgs {
            args: vec![ColumnarValue::Array(input)],
            arg_fields: vec![Arc::new(Field::new("a", DataType::Utf8, true))],
            number_rows: 2,
            return_field: Arc::new(Field::new("r", DataType::Utf8, true)),
            config_options: Arc::default(),
        };
        let ColumnarValue::Array(out) = f.invoke_with_args(args).unwrap() else {
            panic!("an array")
        };
        let out = out.as_string::<i32>();
        assert_eq!(out.value(0), "AB");
        assert!(out.is_null(1));
    }

    #[test]
    fn memoized_functions_compute_each_key_once() {
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let f = memoized(move |s: &str| {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            s.len()
        });
        assert_eq!((f("abc"), f("abc"), f("de")), (3, 3, 2));
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 2);
    }

    #[test]
    fn memos_by_integer_keep_each_pair_apart() {
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let f = memoized_by_int(move |s: &str, n| {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            s.len() as i64 * n
        });
        assert_eq!((f("abc", 1), f("abc", 2), f("abc", 1)), (3, 6, 3));
        assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 2);
        let many: Vec<i64> = (0..20).map(|n| f("ab", n)).collect();
        assert_eq!(many, (0..20).map(|n| 2 * n).collect::<Vec<_>>());
        let before = calls.load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(f("abc", 1), 3);
        assert_eq!(
            calls.load(std::sync::atomic::Ordering::Relaxed),
            before + 1,
            "past eight integers the memos start afresh and compute again"
        );
    }

    #[test]
    fn arguments_of_other_string_and_integer_types_are_accepted() {
        let f = text_int_to_text("cut", |s, n| s.get(..n as usize).map(str::to_owned));
        let coerced = f
            .inner()
            .coerce_types(&[DataType::Utf8View, DataType::Int32])
            .unwrap();
        assert_eq!(coerced, vec![DataType::Utf8, DataType::Int64]);
        assert!(
            f.inner()
                .coerce_types(&[DataType::Boolean, DataType::Int64])
                .is_err()
        );
        assert!(f.inner().coerce_types(&[DataType::Utf8]).is_err());
    }
}
