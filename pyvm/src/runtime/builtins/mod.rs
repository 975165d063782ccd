//! Builtin functions, constructors and methods of the builtin types.
//!
//! Natives are plain Rust functions ([`NativeFn`]) in one table; a builtin
//! function object stores its index. `install` puts the functions in the
//! builtins namespace and the methods in their types' dicts.

mod abstract_subclass;
mod builtin_func_methods;
mod bytes_methods;
mod cell_type;
pub(crate) mod class;
mod container_dunders;
mod dict_methods;
mod exc_methods;
mod exc_reduce;
mod exec_eval;
mod float_methods;
mod funcs;
mod gen_methods;
mod int_methods;
mod iter_builtins;
mod iter_dunders;
mod list_methods;
mod methods;
mod namespace;
mod native_args;
mod native_classmethods;
mod num_dunders;
mod num_format;
mod num_from_bytes;
pub(crate) mod num_funcs;
mod num_warnings;
mod number_hash;
mod object_methods;
mod object_order;
mod set_methods;
mod sorting;
mod str_format;
mod str_methods;
mod subclass_new;
mod text_dunders;

pub(crate) use str_methods::adjust_indices;
pub(crate) mod method_descrs;
mod num_new;
mod type_ctors;
mod type_methods;

use pyvm_objmodel::Value;

use super::call::{Args, NativeFn};
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{BuiltinField, Kind, TypeField};
use super::types::{GlobalSlot, TYPE_TABLE, TypeId};

/// Where a native goes when installed.
#[derive(Clone, Copy)]
pub(crate) enum Place {
    /// The builtins namespace.
    Builtins,
    /// The namespace of a builtin type (a method).
    Method(TypeId),
    /// A type's constructor (called when the type is called).
    Constructor(TypeId),
}

/// A table of natives: name, place, function. Each file of builtins owns
/// one table (so that adding natives in one file touches no other); the
/// tables are listed in [`TABLES`].
pub(crate) type NativeTable = &'static [(&'static str, Place, NativeFn)];

/// Every builtin table. A builtin function object stores
/// `table << 16 | entry` (see [`native`]).
const TABLES: &[NativeTable] = &[
    NATIVES,
    list_methods::LIST_NATIVES,
    dict_methods::DICT_NATIVES,
    set_methods::SET_NATIVES,
    iter_builtins::ITER_NATIVES,
    container_dunders::DUNDER_NATIVES,
    super::descr::DESCR_NATIVES,
    super::super_type::SUPER_NATIVES,
    type_methods::TYPE_NATIVES,
    object_methods::OBJECT_NATIVES,
    exc_methods::EXC_NATIVES,
    gen_methods::GEN_NATIVES,
    super::complex_obj::NATIVES,
    num_funcs::NATIVES,
    int_methods::NATIVES,
    float_methods::NATIVES,
    super::modules::sre::METHODS,
    super::modules::random_core::NATIVES,
    str_methods::STR_METHODS,
    super::code_positions::CODE_NATIVES,
    super::code_replace::CODE_REPLACE_NATIVES,
    super::async_builtins::ASYNC_NATIVES,
    number_hash::NUMBER_HASH_NATIVES,
    super::modules::io::pyio_fallback::IO_REGISTER_NATIVES,
    super::traceback_obj::TB_NATIVES,
    str_format::STR_FORMAT,
    bytes_methods::BYTES_METHODS,
    text_dunders::TEXT_DUNDERS,
    crate::runtime::import::NATIVES,
    type_ctors::TYPE_CTORS,
    num_new::NUM_NEW,
    exec_eval::EXEC_EVAL,
    super::modules::io::IO_METHODS,
    subclass_new::SUBCLASS_NATIVES,
    subclass_new::SUBCLASS_CMP,
    namespace::NAMESPACE_NATIVES,
    num_format::NUM_FORMAT,
    super::module_sub::MODULE_SUB_NATIVES,
    object_order::OBJECT_ORDER,
    iter_dunders::ITER_DUNDERS,
    super::memview_cast::MEMVIEW_CAST,
    cell_type::CELL_NATIVES,
    builtin_func_methods::BUILTIN_FUNC_NATIVES,
    exc_reduce::EXC_REDUCE_NATIVES,
    num_dunders::NUM_DUNDERS,
    method_descrs::METHOD_DESCR_NATIVES,
];

/// Tag added to native indices of functions that belong to native modules
/// (`crate::runtime::modules`): `MODULE_TAG | module << 16 | entry`.
pub(crate) const MODULE_TAG: usize = 1 << 30;

/// The core natives of this file and its first siblings.
const NATIVES: NativeTable = &[
    ("print", Place::Builtins, funcs::print),
    ("len", Place::Builtins, funcs::len),
    ("repr", Place::Builtins, funcs::repr),
    ("isinstance", Place::Builtins, funcs::isinstance),
    ("issubclass", Place::Builtins, funcs::issubclass),
    ("iter", Place::Builtins, funcs::iter),
    ("next", Place::Builtins, funcs::next),
    ("abs", Place::Builtins, funcs::abs),
    ("min", Place::Builtins, funcs::min),
    ("max", Place::Builtins, funcs::max),
    ("sum", Place::Builtins, funcs::sum),
    ("id", Place::Builtins, funcs::id),
    ("hash", Place::Builtins, funcs::hash),
    ("callable", Place::Builtins, funcs::callable),
    ("getattr", Place::Builtins, funcs::getattr),
    ("setattr", Place::Builtins, funcs::setattr),
    ("hasattr", Place::Builtins, funcs::hasattr),
    ("chr", Place::Builtins, funcs::chr),
    ("ord", Place::Builtins, funcs::ord),
    ("__build_class__", Place::Builtins, class::build_class),
    ("sorted", Place::Builtins, sorting::sorted),
    (
        "enumerate",
        Place::Constructor(TypeId::Enumerate),
        funcs::enumerate_new,
    ),
    ("zip", Place::Constructor(TypeId::Zip), funcs::zip_new),
    ("set", Place::Constructor(TypeId::Set), funcs::set_new),
    ("add", Place::Method(TypeId::Set), methods::set_add),
    ("int", Place::Constructor(TypeId::Int), funcs::int_new),
    ("float", Place::Constructor(TypeId::Float), funcs::float_new),
    ("str", Place::Constructor(TypeId::Str), funcs::str_new),
    ("bool", Place::Constructor(TypeId::Bool), funcs::bool_new),
    ("type", Place::Constructor(TypeId::Type), funcs::type_new),
    (
        "object",
        Place::Constructor(TypeId::Object),
        funcs::object_new,
    ),
    ("range", Place::Constructor(TypeId::Range), funcs::range_new),
    ("list", Place::Constructor(TypeId::List), funcs::list_new),
    ("tuple", Place::Constructor(TypeId::Tuple), funcs::tuple_new),
    ("dict", Place::Constructor(TypeId::Dict), funcs::dict_new),
    ("append", Place::Method(TypeId::List), methods::list_append),
    ("pop", Place::Method(TypeId::List), methods::list_pop),
    ("insert", Place::Method(TypeId::List), methods::list_insert),
    ("extend", Place::Method(TypeId::List), methods::list_extend),
    ("sort", Place::Method(TypeId::List), sorting::list_sort),
    ("join", Place::Method(TypeId::Str), methods::str_join),
    ("upper", Place::Method(TypeId::Str), methods::str_upper),
    ("lower", Place::Method(TypeId::Str), methods::str_lower),
    (
        "startswith",
        Place::Method(TypeId::Str),
        methods::str_startswith,
    ),
    (
        "endswith",
        Place::Method(TypeId::Str),
        methods::str_endswith,
    ),
    ("find", Place::Method(TypeId::Str), methods::str_find),
    ("replace", Place::Method(TypeId::Str), methods::str_replace),
    ("get", Place::Method(TypeId::Dict), methods::dict_get),
    ("keys", Place::Method(TypeId::Dict), methods::dict_keys),
    ("values", Place::Method(TypeId::Dict), methods::dict_values),
    ("items", Place::Method(TypeId::Dict), methods::dict_items),
    (
        "send",
        Place::Method(TypeId::Generator),
        methods::generator_send,
    ),
];

/// The native function at `idx` (as stored in a builtin function object).
pub fn native(idx: usize) -> NativeFn {
    if idx & MODULE_TAG != 0 {
        return super::modules::native(idx & !MODULE_TAG);
    }
    TABLES
        .get(idx >> 16)
        .and_then(|t| t.get(idx & 0xffff))
        .map(|n| n.2)
        .unwrap_or(funcs::bad_native)
}

/// The native that raises SystemError (for indices that name nothing).
pub(crate) fn bad_native_fn() -> NativeFn {
    funcs::bad_native
}

/// The constructor of a builtin type, if it has one.
pub fn constructor_for(vm: &Vm, class: Value) -> Option<NativeFn> {
    // The constructors, gathered once: scanning every native of `TABLES`
    // on each `list(...)`/`int(...)` call was a large part of those calls.
    static CONSTRUCTORS: std::sync::OnceLock<Vec<(TypeId, NativeFn)>> = std::sync::OnceLock::new();
    CONSTRUCTORS
        .get_or_init(|| {
            TABLES
                .iter()
                .flat_map(|t| t.iter())
                .filter_map(|&(_, place, f)| match place {
                    Place::Constructor(t) => Some((t, f)),
                    _ => None,
                })
                .collect()
        })
        .iter()
        .find_map(|&(t, f)| (vm.ty(t) == class).then_some(f))
}

/// A new builtin function object for the native at `idx` (see [`native`]).
pub(crate) fn new_builtin(vm: &mut Vm, idx: usize, name: &str) -> PyResult<Value> {
    let n = vm.new_str(name)?;
    let class = vm.ty(TypeId::BuiltinFunction);
    let mut fields = [Value::EMPTY; super::layout::BUILTIN_FIELDS];
    fields[BuiltinField::Native as usize] = Value::from_int(idx as i64).unwrap_or(Value::NONE);
    fields[BuiltinField::Name as usize] = n;
    vm.alloc_record(Kind::Builtin, class, &fields, 0)
}

/// Fills the builtins namespace and the builtin types' method tables.
pub fn install(vm: &mut Vm) -> PyResult<()> {
    for (table, entries) in TABLES.iter().enumerate() {
        for (entry, &(name, place, _)) in entries.iter().enumerate() {
            install_native(vm, table << 16 | entry, name, place)?;
        }
    }
    dict_methods::bind_classmethods(vm)?;
    native_classmethods::wrap(vm)?;
    object_methods::wrap_special(vm)?;
    vm.install_unhashable()?;
    namespace::install(vm)?;
    super::module_sub::install(vm);
    install_type_names(vm)
}

fn install_native(vm: &mut Vm, idx: usize, name: &str, place: Place) -> PyResult<()> {
    match place {
        Place::Builtins => {
            let f = new_builtin(vm, idx, name)?;
            let b = vm.global(GlobalSlot::Builtins);
            vm.dict_set_str(b, name, f)?;
        }
        Place::Method(t) => {
            let f = method_descrs::new_method_descr(vm, idx, name)?;
            let d = vm.field(vm.ty(t), TypeField::Dict as usize);
            vm.dict_set_str(d, name, f)?;
        }
        Place::Constructor(_) => {}
    }
    Ok(())
}

fn install_type_names(vm: &mut Vm) -> PyResult<()> {
    // Every builtin type is reachable by name (exceptions included).
    for &(id, name, _) in TYPE_TABLE.iter() {
        if super::modules::io::hidden_type(id) {
            continue;
        }
        if matches!(
            id,
            TypeId::NoneType
                | TypeId::NotImplementedType
                | TypeId::Ellipsis
                | TypeId::Function
                | TypeId::BuiltinFunction
                | TypeId::Code
                | TypeId::Cell
                | TypeId::Module
                | TypeId::Method
                | TypeId::Iterator
                | TypeId::DictKeyIterator
                | TypeId::Generator
                | TypeId::DictKeys
                | TypeId::DictValues
                | TypeId::DictItems
                | TypeId::DictValueIterator
                | TypeId::DictItemIterator
                | TypeId::DictReverseKeyIterator
                | TypeId::SetIterator
                | TypeId::CallableIterator
                | TypeId::ListIterator
                | TypeId::TupleIterator
                | TypeId::RangeIterator
                | TypeId::StrAsciiIterator
                | TypeId::StrIterator
                | TypeId::ListReverseIterator
                | TypeId::Coroutine
                | TypeId::AsyncGenerator
                | TypeId::Traceback
                | TypeId::AsyncGenASend
                | TypeId::SrePattern
                | TypeId::SreMatch
                | TypeId::SreScanner
                | TypeId::Random
                | TypeId::SimpleNamespace
                | TypeId::MethodDescriptor
                | TypeId::WrapperDescriptor
                | TypeId::MemberDescriptor
                | TypeId::GetSetDescriptor
        ) {
            continue;
        }
        let t = vm.ty(id);
        let b = vm.global(GlobalSlot::Builtins);
        vm.dict_set_str(b, name, t)?;
    }
    for (name, v) in [
        ("None", Value::NONE),
        ("NotImplemented", Value::NOT_IMPLEMENTED),
        ("Ellipsis", Value::ELLIPSIS),
        ("True", Value::TRUE),
        ("False", Value::FALSE),
        ("__debug__", Value::TRUE),
    ] {
        // Re-read every time: the previous insertion allocated its key.
        let b = vm.global(GlobalSlot::Builtins);
        vm.dict_set_str(b, name, v)?;
    }
    Ok(())
}

/// Checks the positional argument count of a native.
pub(crate) fn arity(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<usize> {
    let n = args.npos(vm);
    if args.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    if n < min || n > max {
        let msg = if min == max {
            if min == 1 {
                format!("{name}() takes exactly one argument ({n} given)")
            } else {
                format!("{name} expected {min} arguments, got {n}")
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(n)
}
