//! `_sre`: the regular-expression engine behind the stdlib's `re`.
//!
//! The pure-Python `re` parses a pattern and compiles it to a program of
//! integers, then calls `_sre.compile`; this module wraps the program in a
//! `re.Pattern` object whose methods run [`crate::sre::Matcher`] and build
//! `re.Match` objects. Layouts (all traced records, see `layout.rs`):
//!
//! - `Pattern`: pattern, flags, code (tuple of ints), groups,
//!   groupindex (dict), indexgroup (tuple);
//! - `Match`: string, pattern, pos, endpos, regs (tuple of `2 * (groups + 1)`
//!   ints, -1 for an unset group), lastindex (int or None);
//! - `SRE_Scanner`: pattern, string, next position, endpos, must-advance
//!   flag (bool).

mod match_obj;
mod pattern;
mod subject;

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::{NativeTable, Place, arity};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::{Kind, TypeField};
use crate::runtime::types::TypeId;
use crate::sre::chars;
use crate::sre::consts::{CODESIZE, MAGIC, MAXGROUPS, MAXREPEAT};

/// The `_sre` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_sre",
    functions: &[
        ("compile", compile),
        ("getcodesize", getcodesize),
        ("ascii_iscased", ascii_iscased),
        ("unicode_iscased", unicode_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_tolower", unicode_tolower),
    ],
    init: Some(init),
};

/// Methods of `re.Pattern`, `re.Match` and the scanner.
pub(crate) const METHODS: NativeTable = &[
    ("match", Place::Method(TypeId::SrePattern), pattern::match_),
    (
        "fullmatch",
        Place::Method(TypeId::SrePattern),
        pattern::fullmatch,
    ),
    ("search", Place::Method(TypeId::SrePattern), pattern::search),
    (
        "findall",
        Place::Method(TypeId::SrePattern),
        pattern::findall,
    ),
    (
        "finditer",
        Place::Method(TypeId::SrePattern),
        pattern::finditer,
    ),
    ("split", Place::Method(TypeId::SrePattern), pattern::split),
    ("sub", Place::Method(TypeId::SrePattern), pattern::sub),
    ("subn", Place::Method(TypeId::SrePattern), pattern::subn),
    (
        "scanner",
        Place::Method(TypeId::SrePattern),
        pattern::scanner,
    ),
    ("__repr__", Place::Method(TypeId::SrePattern), pattern::repr),
    ("__eq__", Place::Method(TypeId::SrePattern), pattern::eq),
    ("__hash__", Place::Method(TypeId::SrePattern), pattern::hash),
    ("__copy__", Place::Method(TypeId::SrePattern), identity),
    ("__deepcopy__", Place::Method(TypeId::SrePattern), identity),
    ("group", Place::Method(TypeId::SreMatch), match_obj::group),
    (
        "__getitem__",
        Place::Method(TypeId::SreMatch),
        match_obj::getitem,
    ),
    ("groups", Place::Method(TypeId::SreMatch), match_obj::groups),
    (
        "groupdict",
        Place::Method(TypeId::SreMatch),
        match_obj::groupdict,
    ),
    ("start", Place::Method(TypeId::SreMatch), match_obj::start),
    ("end", Place::Method(TypeId::SreMatch), match_obj::end),
    ("span", Place::Method(TypeId::SreMatch), match_obj::span),
    ("expand", Place::Method(TypeId::SreMatch), match_obj::expand),
    ("__repr__", Place::Method(TypeId::SreMatch), match_obj::repr),
    ("__copy__", Place::Method(TypeId::SreMatch), identity),
    ("__deepcopy__", Place::Method(TypeId::SreMatch), identity),
    (
        "match",
        Place::Method(TypeId::SreScanner),
        pattern::scanner_match,
    ),
    (
        "search",
        Place::Method(TypeId::SreScanner),
        pattern::scanner_search,
    ),
];

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for (name, v) in [
        ("MAGIC", MAGIC as i64),
        ("CODESIZE", CODESIZE as i64),
        ("MAXREPEAT", MAXREPEAT as i64),
        ("MAXGROUPS", MAXGROUPS as i64),
    ] {
        let v = vm.new_i64(v)?;
        m.set(vm, name, v)?;
    }
    let c = vm.new_str(" SRE 2.2.2 (pyvm) ")?;
    m.set(vm, "copyright", c)?;
    // The types print as `re.Pattern` and `re.Match`, as in CPython.
    for (t, module) in [
        (TypeId::SrePattern, "re"),
        (TypeId::SreMatch, "re"),
        (TypeId::SreScanner, "_sre"),
    ] {
        let name = vm.new_str(module)?;
        let d = vm.field(vm.ty(t), TypeField::Dict as usize);
        vm.dict_set_str(d, "__module__", name)?;
    }
    Ok(())
}

impl Vm {
    /// `repr()` of `_sre` objects.
    pub fn sre_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        match self.kind_of(v) {
            Some(Kind::SrePattern) => pattern::repr_text(self, v).map(Some),
            Some(Kind::SreMatch) => match_obj::repr_text(self, v).map(Some),
            _ => Ok(None),
        }
    }
}

fn identity(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(a.get(vm, 0))
}

/// An int argument as a code point.
fn char_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<u32> {
    arity(vm, a, name, 1, 1)?;
    let v = a.get(vm, 0);
    match vm.index_value(v) {
        Some(i) if (0..=u32::MAX as i64).contains(&i) => Ok(i as u32),
        Some(_) => Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C unsigned long",
        )),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("an integer is required (got type {t})")))
        }
    }
}

fn getcodesize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getcodesize", 0, 0)?;
    Ok(Value::from_int(CODESIZE as i64).unwrap_or(Value::NONE))
}

fn ascii_iscased(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = char_arg(vm, &a, "ascii_iscased")?;
    Ok(Value::from_bool(chars::ascii_iscased(c)))
}

fn unicode_iscased(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = char_arg(vm, &a, "unicode_iscased")?;
    Ok(Value::from_bool(chars::unicode_iscased(c)))
}

fn ascii_tolower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = char_arg(vm, &a, "ascii_tolower")?;
    vm.new_i64(chars::ascii_tolower(c) as i64)
}

fn unicode_tolower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = char_arg(vm, &a, "unicode_tolower")?;
    vm.new_i64(chars::unicode_tolower(c) as i64)
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "compile", 6, 6)?;
    let flags = a.get(vm, 1);
    let Some(flags) = vm.index_value(flags) else {
        return Err(vm.type_error("compile() argument 'flags' must be int"));
    };
    // The program as a tuple of immediate ints (the compiler's list holds
    // int subclasses for opcodes).
    let items = vm.collect_iterable(a.get(vm, 2))?;
    let mut words = Vec::with_capacity(items.len());
    for v in items {
        match vm.index_value(v) {
            Some(w) if (0..=u32::MAX as i64).contains(&w) => {
                words.push(Value::from_int(w).unwrap_or(Value::NONE))
            }
            _ => {
                return Err(vm.raise_msg(
                    TypeId::OverflowError,
                    "regular expression code size limit exceeded",
                ));
            }
        }
    }
    let code = vm.new_tuple(&words)?;
    let ci = vm.push_temp(code);
    let groups = vm.index_value(a.get(vm, 3)).unwrap_or(0);
    let fields = [
        a.get(vm, 0),
        Value::from_int(flags).unwrap_or(Value::NONE),
        vm.temp(ci),
        Value::from_int(groups).unwrap_or(Value::NONE),
        a.get(vm, 4),
        a.get(vm, 5),
    ];
    let class = vm.ty(TypeId::SrePattern);
    let p = vm.alloc_record(Kind::SrePattern, class, &fields, 0);
    vm.pop_temps(ci);
    p
}
