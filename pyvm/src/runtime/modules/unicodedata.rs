//! `unicodedata`: character properties from Python 3.11's Unicode 14.0.0
//! database (tables generated from CPython's answers into
//! `crate::unicode_db`), names through `unicode_names2` and normalization
//! through `unicode-normalization`.
//!
//! Those two crates carry newer Unicode data (16.0 and later): names of
//! characters assigned after 14.0 resolve here and not in CPython, and
//! normalization of such characters may differ. Everything else matches
//! CPython 3.11 code point for code point. `ucd_3_2_0` is not provided.

use pyvm_objmodel::Value;
use unicode_normalization::UnicodeNormalization;

use super::native_types::check_pos;
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;
use crate::unicode_db as db;

/// The `unicodedata` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "unicodedata",
    functions: &[
        ("lookup", lookup),
        ("name", name),
        ("decimal", decimal),
        ("digit", digit),
        ("numeric", numeric),
        ("category", category),
        ("bidirectional", bidirectional),
        ("combining", combining),
        ("east_asian_width", east_asian_width),
        ("mirrored", mirrored),
        ("decomposition", decomposition),
        ("normalize", normalize),
        ("is_normalized", is_normalized),
        ("_load_ucd_3_2_0", super::ucd_3_2_0::load),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let v = vm.new_str(db::UNIDATA_VERSION)?;
    m.set(vm, "unidata_version", v)?;
    super::ucd_3_2_0::init(vm, m)
}

/// The code point of a one-character str argument.
fn char_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<u32> {
    let v = a.get(vm, 0);
    if vm.is_str(v) && vm.str_chars(v) == 1 {
        return Ok(decode(vm.str_bytes(v)));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "{fname}() argument must be a unicode character, not {t}"
    )))
}

/// Decodes one generalized-UTF-8 code point (lone surrogates included).
fn decode(b: &[u8]) -> u32 {
    match b.len() {
        1 => u32::from(b[0]),
        2 => (u32::from(b[0] & 0x1f) << 6) | u32::from(b[1] & 0x3f),
        3 => {
            (u32::from(b[0] & 0x0f) << 12) | (u32::from(b[1] & 0x3f) << 6) | u32::from(b[2] & 0x3f)
        }
        _ => {
            (u32::from(b[0] & 0x07) << 18)
                | (u32::from(b[1] & 0x3f) << 12)
                | (u32::from(b[2] & 0x3f) << 6)
                | u32::from(b[3] & 0x3f)
        }
    }
}

fn lookup(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "lookup", 1, 1)?;
    let v = a.get(vm, 0);
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("lookup() argument must be str, not {t}")));
    }
    let text = vm.str_text(v).into_owned();
    match unicode_names2::character(&text) {
        Some(c) => vm.new_str(&c.to_string()),
        None => {
            let msg = vm.new_str(&format!("undefined character name '{text}'"))?;
            Err(vm.raise_args(TypeId::KeyError, &[msg]))
        }
    }
}

fn name(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "name", 1, 2)?;
    let c = char_arg(vm, &a, "name")?;
    let found = char::from_u32(c)
        .filter(|_| db::lookup(&db::CATEGORY, c).is_some())
        .and_then(unicode_names2::name);
    match found {
        Some(nm) => vm.new_str(&nm.to_string()),
        None if n == 2 => Ok(a.get(vm, 1)),
        None => Err(vm.raise_msg(TypeId::ValueError, "no such name")),
    }
}

fn value_or(vm: &mut Vm, a: &Args, n: usize, v: Option<Value>, msg: &str) -> PyResult<Value> {
    match v {
        Some(v) => Ok(v),
        None if n == 2 => Ok(a.get(vm, 1)),
        None => Err(vm.raise_msg(TypeId::ValueError, msg)),
    }
}

fn decimal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "decimal", 1, 2)?;
    let c = char_arg(vm, &a, "decimal")?;
    let v = db::find(&db::DECIMAL, c).map(|d| Value::from_int(i64::from(d)).unwrap_or(Value::NONE));
    value_or(vm, &a, n, v, "not a decimal")
}

fn digit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "digit", 1, 2)?;
    let c = char_arg(vm, &a, "digit")?;
    let v = db::find(&db::DIGIT, c).map(|d| Value::from_int(i64::from(d)).unwrap_or(Value::NONE));
    value_or(vm, &a, n, v, "not a digit")
}

fn numeric(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "numeric", 1, 2)?;
    let c = char_arg(vm, &a, "numeric")?;
    let v = db::find(&db::NUMERIC, c).map(Value::from_float);
    value_or(vm, &a, n, v, "not a numeric character")
}

fn category(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "category", 1, 1)?;
    let c = char_arg(vm, &a, "category")?;
    let s = db::lookup(&db::CATEGORY, c)
        .map(|i| db::CATEGORY_NAMES[i as usize])
        .unwrap_or("Cn");
    vm.new_str(s)
}

fn bidirectional(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "bidirectional", 1, 1)?;
    let c = char_arg(vm, &a, "bidirectional")?;
    let s = db::lookup(&db::BIDI, c)
        .map(|i| db::BIDI_NAMES[i as usize])
        .unwrap_or("");
    vm.new_str(s)
}

fn combining(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "combining", 1, 1)?;
    let c = char_arg(vm, &a, "combining")?;
    let v = db::lookup(&db::COMBINING, c).unwrap_or(0);
    Ok(Value::from_int(i64::from(v)).unwrap_or(Value::NONE))
}

fn east_asian_width(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "east_asian_width", 1, 1)?;
    let c = char_arg(vm, &a, "east_asian_width")?;
    let s = db::lookup(&db::EAW, c)
        .map(|i| db::EAW_NAMES[i as usize])
        .unwrap_or("N");
    vm.new_str(s)
}

fn mirrored(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "mirrored", 1, 1)?;
    let c = char_arg(vm, &a, "mirrored")?;
    let v = db::lookup(&db::MIRRORED, c).unwrap_or(0);
    Ok(Value::from_int(i64::from(v)).unwrap_or(Value::NONE))
}

fn decomposition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "decomposition", 1, 1)?;
    let c = char_arg(vm, &a, "decomposition")?;
    let s = db::find(&db::DECOMPOSITION, c).unwrap_or("");
    vm.new_str(s)
}

/// The form and text arguments of `normalize`/`is_normalized`.
fn form_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(String, String)> {
    check_pos(vm, a, fname, 2, 2)?;
    let (f, s) = (a.get(vm, 0), a.get(vm, 1));
    for (i, v) in [(1, f), (2, s)] {
        if !vm.is_str(v) {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("{fname}() argument {i} must be str, not {t}")));
        }
    }
    let form = vm.str_text(f).into_owned();
    if !matches!(form.as_str(), "NFC" | "NFD" | "NFKC" | "NFKD") {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid normalization form"));
    }
    Ok((form, vm.str_text(s).into_owned()))
}

fn normalized(form: &str, s: &str) -> String {
    match form {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        _ => s.nfkd().collect(),
    }
}

fn normalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (form, s) = form_args(vm, &a, "normalize")?;
    let out = normalized(&form, &s);
    if out == s {
        return Ok(a.get(vm, 1));
    }
    vm.new_str(&out)
}

fn is_normalized(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (form, s) = form_args(vm, &a, "is_normalized")?;
    Ok(Value::from_bool(normalized(&form, &s) == s))
}
