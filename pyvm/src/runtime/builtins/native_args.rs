//! Argument checking for natives of the builtin types, with the messages
//! CPython's argument parsers give (each method uses the style its C
//! implementation uses: `METH_NOARGS`, `METH_O`, Argument Clinic positional
//! checks, `PyArg_ParseTuple` and keyword unpacking).
//!
//! Parsed arguments are returned as temp indices ([`Parsed`]), so they stay
//! valid across allocations (the values themselves are rooted as the
//! native's arguments).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;

/// Arguments after the receiver, as temp indices (`None`: not given).
pub(crate) struct Parsed(pub Vec<Option<usize>>);

impl Parsed {
    /// Argument `i`, if given.
    pub fn get(&self, vm: &Vm, i: usize) -> Option<Value> {
        self.0.get(i).copied().flatten().map(|t| vm.temp(t))
    }
    /// Argument `i`, treating `None` as not given.
    pub fn opt(&self, vm: &Vm, i: usize) -> Option<Value> {
        self.get(vm, i).filter(|v| !v.is_none())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The receiver (argument 0) of a method of builtin type `tname`, checked
/// to be of `kind` (`kinds` may list more than one).
pub(crate) fn recv(
    vm: &mut Vm,
    a: &Args,
    kinds: &[Kind],
    tname: &str,
    meth: &str,
) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!(
            "unbound method {tname}.{meth}() needs an argument"
        )));
    }
    let v = a.get(vm, 0);
    match vm.kind_of(v) {
        Some(k) if kinds.contains(&k) => Ok(v),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "descriptor '{meth}' for '{tname}' objects doesn't apply to a '{t}' object"
            )))
        }
    }
}

fn no_keywords(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!("{qual}() takes no keyword arguments")));
    }
    Ok(())
}

fn positional(a: &Args, n: usize) -> Parsed {
    Parsed((1..n).map(|i| Some(a.start + i)).collect())
}

/// `METH_NOARGS`: `str.upper() takes no arguments (1 given)`.
pub(crate) fn noargs(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<()> {
    no_keywords(vm, a, qual)?;
    let n = a.npos(vm).saturating_sub(1);
    if n > 0 {
        return Err(vm.type_error(&format!("{qual}() takes no arguments ({n} given)")));
    }
    Ok(())
}

/// `METH_O`: `str.join() takes exactly one argument (0 given)`; returns it.
pub(crate) fn one(vm: &mut Vm, a: &Args, qual: &str) -> PyResult<Value> {
    no_keywords(vm, a, qual)?;
    let n = a.npos(vm).saturating_sub(1);
    if n != 1 {
        return Err(vm.type_error(&format!("{qual}() takes exactly one argument ({n} given)")));
    }
    Ok(a.get(vm, 1))
}

/// Argument Clinic positional-only: `center expected at least 1 argument,
/// got 0`. Returns `max` slots.
pub(crate) fn clinic(
    vm: &mut Vm,
    a: &Args,
    qual: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Parsed> {
    no_keywords(vm, a, qual)?;
    let n = a.npos(vm).saturating_sub(1);
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(&msg));
    }
    let mut p = positional(a, n + 1);
    p.0.resize(max, None);
    Ok(p)
}

/// `PyArg_ParseTuple` style: `find() takes at least 1 argument (0 given)`.
pub(crate) fn tuple_style(
    vm: &mut Vm,
    a: &Args,
    qual: &str,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Parsed> {
    no_keywords(vm, a, qual)?;
    let n = a.npos(vm).saturating_sub(1);
    if n < min || n > max {
        let msg = if n < min {
            let w = if min == max { "exactly" } else { "at least" };
            format!(
                "{name}() takes {w} {min} argument{} ({n} given)",
                plural(min)
            )
        } else {
            let w = if min == max { "exactly" } else { "at most" };
            format!(
                "{name}() takes {w} {max} argument{} ({n} given)",
                plural(max)
            )
        };
        return Err(vm.type_error(&msg));
    }
    let mut p = positional(a, n + 1);
    p.0.resize(max, None);
    Ok(p)
}

/// Keyword-capable parameters (`_PyArg_UnpackKeywords`): `names` in
/// order, the first `min` required.
pub(crate) fn keywords(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    names: &[&str],
    min: usize,
) -> PyResult<Parsed> {
    let npos = a.npos(vm).saturating_sub(1);
    let nkw = a.nkw(vm);
    let max = names.len();
    if npos + nkw > max {
        return Err(vm.type_error(&format!(
            "{name}() takes at most {max} argument{} ({} given)",
            plural(max),
            npos + nkw
        )));
    }
    let mut p = positional(a, npos + 1);
    p.0.resize(max, None);
    if let Some(k) = a.kw {
        let first = a.n - nkw;
        for j in 0..nkw {
            let key = vm.tuple_items(vm.temp(k))[j];
            let text = vm.str_text(key).into_owned();
            match names.iter().position(|n| *n == text) {
                Some(i) if p.0[i].is_some() => {
                    return Err(vm.type_error(&format!(
                        "argument for {name}() given by name ('{text}') and position ({})",
                        i + 1
                    )));
                }
                Some(i) => p.0[i] = Some(a.start + first + j),
                None => {
                    return Err(vm.type_error(&format!(
                        "'{text}' is an invalid keyword argument for {name}()"
                    )));
                }
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(min) {
        if p.0[i].is_none() {
            return Err(vm.type_error(&format!(
                "{name}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(p)
}

/// An index argument: `'str' object cannot be interpreted as an integer`.
pub(crate) fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    // A C `Py_ssize_t` parameter: an int beyond it is CPython's OverflowError.
    if vm.kind_of(v) == Some(crate::runtime::layout::Kind::BigInt)
        && num_traits::ToPrimitive::to_i64(vm.bigint(v)).is_none()
    {
        return Err(vm.raise_msg(
            crate::runtime::types::TypeId::OverflowError,
            "Python int too large to convert to C ssize_t",
        ));
    }
    match vm.index_value(v) {
        Some(i) => Ok(i),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// A `start`/`end` argument of `find` and friends (None or an index).
pub(crate) fn slice_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match vm.index_value(v) {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}
