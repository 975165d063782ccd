//! `__next__` and `__iter__` of the builtin iterator types, for code that
//! calls them as methods (`iter(lines).__next__` in `inspect.getblock`,
//! `tokenize.generate_tokens`).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::types::TypeId;
use super::{NativeTable, Place};

macro_rules! iter_natives {
    ($($t:ident),* $(,)?) => {
        /// The natives of this file.
        pub(crate) const ITER_DUNDERS: NativeTable = &[
            $(
                ("__next__", Place::Method(TypeId::$t), next),
                ("__iter__", Place::Method(TypeId::$t), same),
            )*
        ];
    };
}

iter_natives!(
    Iterator,
    DictKeyIterator,
    DictValueIterator,
    DictItemIterator,
    DictReverseKeyIterator,
    SetIterator,
    CallableIterator,
    ListIterator,
    TupleIterator,
    RangeIterator,
    StrAsciiIterator,
    StrIterator,
    ListReverseIterator,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
);

fn receiver(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.npos(vm) != 1 {
        return Err(vm.type_error(&format!(
            "expected 0 arguments, got {}",
            a.npos(vm).saturating_sub(1)
        )));
    }
    Ok(a.get(vm, 0))
}

/// `it.__next__()`: the next item, or StopIteration.
fn next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = receiver(vm, &a)?;
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.raise_args(TypeId::StopIteration, &[])),
    }
}

/// `it.__iter__()`: the iterator itself.
fn same(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a)
}
