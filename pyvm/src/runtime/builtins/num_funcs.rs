//! Numeric builtins: `abs`, `round`, `divmod`, `pow`, `bin`, `oct`, `hex`,
//! and the argument parser they (and the numeric methods) share.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::Kind;
use super::super::ops::{BinOp, Number};
use super::super::types::TypeId;
use super::{NativeTable, Place};
use crate::int_format::{int_to_bin, int_to_hex, int_to_oct};
use crate::int_ops;

/// The numeric builtins.
pub(crate) const NATIVES: NativeTable = &[
    ("round", Place::Builtins, round),
    ("divmod", Place::Builtins, divmod),
    ("pow", Place::Builtins, pow),
    ("bin", Place::Builtins, bin),
    ("oct", Place::Builtins, oct),
    ("hex", Place::Builtins, hex),
];

/// Binds positional and keyword arguments to `names` as CPython's argument
/// clinic does: at most `names.len()`, the first `required` mandatory, and
/// only the names from `kw_from` on accepted as keywords.
pub(crate) fn bind(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    required: usize,
    kw_from: usize,
) -> PyResult<Vec<Option<Value>>> {
    let npos = a.npos(vm);
    let nkw = a.nkw(vm);
    // Argument Clinic counts keywords too when they are accepted.
    let over = if kw_from < names.len() {
        npos + nkw
    } else {
        npos
    };
    if over > names.len() {
        let total = npos + nkw;
        return Err(if required == names.len() && required == 1 {
            vm.type_error(&format!(
                "{fname}() takes exactly one argument ({total} given)"
            ))
        } else {
            vm.type_error(&format!(
                "{fname}() takes at most {} argument{} ({total} given)",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            ))
        });
    }
    let mut out: Vec<Option<Value>> = (0..names.len())
        .map(|i| (i < npos).then(|| a.get(vm, i)))
        .collect();
    let mut unexpected: Option<String> = None;
    if nkw > 0 {
        let kwnames = vm.tuple_items(vm.temp(a.kw.unwrap_or(0))).to_vec();
        for (j, k) in kwnames.into_iter().enumerate() {
            let text = vm.str_text(k).into_owned();
            let v = vm.temp(a.start + npos + j);
            match names.iter().position(|n| *n == text) {
                Some(p) if p >= kw_from => {
                    if out[p].is_some() {
                        return Err(vm.type_error(&format!(
                            "argument for {fname}() given by name ('{text}') and position ({})",
                            p + 1
                        )));
                    }
                    out[p] = Some(v);
                }
                _ => {
                    if kw_from >= names.len() {
                        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
                    }
                    // Reported after a missing required argument, as
                    // Argument Clinic does.
                    if unexpected.is_none() {
                        unexpected = Some(text);
                    }
                }
            }
        }
    }
    for (i, v) in out.iter().enumerate().take(required) {
        if v.is_none() {
            return Err(if npos == 0 && nkw == 0 && required == 1 && kw_from > 0 {
                vm.type_error(&format!("{fname}() takes exactly one argument (0 given)"))
            } else {
                vm.type_error(&format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                ))
            });
        }
    }
    if let Some(text) = unexpected {
        return Err(vm.type_error(&format!(
            "'{text}' is an invalid keyword argument for {fname}()"
        )));
    }
    Ok(out)
}

impl Vm {
    /// `abs(x)`.
    pub fn abs_value(&mut self, x: Value) -> PyResult<Value> {
        match self.number(x) {
            Some(Number::Int(i)) => return self.new_int(i.abs()),
            Some(Number::Float(f)) => return Ok(Value::from_float(f.abs())),
            None => {}
        }
        if let Some(f) = super::super::complex_obj::complex_abs(self, x)? {
            return Ok(Value::from_float(f));
        }
        let xi = self.push_temp(x);
        let r = self.user_dunder0(x, "__abs__");
        let x = self.temp(xi);
        self.pop_temps(xi);
        match r? {
            Some(v) => Ok(v),
            None => {
                let n = self.type_name(x);
                Err(self.type_error(&format!("bad operand type for abs(): '{n}'")))
            }
        }
    }

    /// `divmod(a, b)`.
    pub fn divmod_values(&mut self, a: Value, b: Value) -> PyResult<Value> {
        match (self.number(a), self.number(b)) {
            (Some(Number::Int(x)), Some(Number::Int(y))) => {
                let (q, r) = int_ops::divmod(&x, &y).map_err(|e| self.raise_pyerror(e))?;
                let q = self.new_int(q)?;
                let qi = self.push_temp(q);
                let r = self.new_int(r);
                let q = self.temp(qi);
                self.pop_temps(qi);
                let r = r?;
                return self.new_tuple(&[q, r]);
            }
            (Some(x), Some(y)) => {
                let x = self.number_f64(x)?;
                let y = self.number_f64(y)?;
                let (q, r) =
                    crate::float_arith::float_divmod(x, y).map_err(|e| self.raise_pyerror(e))?;
                return self.new_tuple(&[Value::from_float(q), Value::from_float(r)]);
            }
            _ => {}
        }
        let mark = self.temps_len();
        self.push_temp(a);
        self.push_temp(b);
        let res = (|| {
            if let Some(v) = self.call_special(mark, "__divmod__", mark + 1)? {
                return Ok(v);
            }
            if let Some(v) = self.call_special(mark + 1, "__rdivmod__", mark)? {
                return Ok(v);
            }
            let (ta, tb) = (
                self.type_name(self.temp(mark)),
                self.type_name(self.temp(mark + 1)),
            );
            Err(self.type_error(&format!(
                "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
            )))
        })();
        self.pop_temps(mark);
        res
    }

    /// A number as a float (OverflowError for huge ints).
    pub fn number_f64(&mut self, n: Number) -> PyResult<f64> {
        match n {
            Number::Float(f) => Ok(f),
            Number::Int(i) => int_ops::int_to_f64(&i).map_err(|e| self.raise_pyerror(e)),
        }
    }

    /// `round(x[, ndigits])`.
    pub fn round_value(&mut self, x: Value, ndigits: Option<Value>) -> PyResult<Value> {
        let ndigits = ndigits.filter(|v| !v.is_none());
        match self.number(x) {
            Some(Number::Int(i)) => {
                let Some(nd) = ndigits else {
                    return self.new_int(i);
                };
                let n = self.index_int(nd)?;
                return self.new_int(int_ops::round_int(&i, &n));
            }
            Some(Number::Float(f)) => {
                let Some(nd) = ndigits else {
                    let r = int_ops::round_f64_to_int(f).map_err(|e| self.raise_pyerror(e))?;
                    return self.new_int(r);
                };
                let n = self.index_int(nd)?;
                let n = n
                    .to_i64()
                    .unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                let r = crate::float_ops::round_f64(f, n).map_err(|e| self.raise_pyerror(e))?;
                return Ok(Value::from_float(r));
            }
            None => {}
        }
        let mark = self.temps_len();
        self.push_temp(x);
        self.push_temp(ndigits.unwrap_or(Value::EMPTY));
        let res = (|| {
            let x = self.temp(mark);
            let class = self.class_of(x);
            let m = if matches!(self.kind_of(x), Some(Kind::Instance | Kind::Exception))
                || self.heap_meta(x)
            {
                self.lookup_type_attr(class, "__round__")?
            } else {
                None
            };
            let Some(m) = m else {
                let t = self.type_name(self.temp(mark));
                return Err(self.type_error(&format!("type {t} doesn't define __round__ method")));
            };
            let nd = self.temp(mark + 1);
            if nd.is_empty() {
                self.call_value(m, &[self.temp(mark)])
            } else {
                self.call_value(m, &[self.temp(mark), nd])
            }
        })();
        self.pop_temps(mark);
        res
    }
}

/// `round(number, ndigits=None)`.
fn round(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(vm, &a, "round", &["number", "ndigits"], 1, 0)?;
    vm.round_value(v[0].unwrap_or(Value::NONE), v[1])
}

/// `divmod(a, b)`.
fn divmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::arity(vm, &a, "divmod", 2, 2)?;
    vm.divmod_values(a.get(vm, 0), a.get(vm, 1))
}

/// `pow(base, exp, mod=None)`.
fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = bind(vm, &a, "pow", &["base", "exp", "mod"], 2, 0)?;
    let (base, exp) = (v[0].unwrap_or(Value::NONE), v[1].unwrap_or(Value::NONE));
    match v[2].filter(|m| !m.is_none()) {
        None => vm.binary_op(BinOp::Pow, base, exp),
        Some(m) if vm.kind_of(base) == Some(Kind::Instance) && vm.boxed_number(base).is_none() => {
            // Three-argument pow on an instance: its `__pow__(exp, mod)`.
            let mark = vm.temps_len();
            vm.roots().temps.extend_from_slice(&[base, exp, m]);
            let r = (|| {
                let class = vm.class_of(vm.temp(mark));
                if let Some(f) = vm.lookup_type_attr(class, "__pow__")? {
                    let args = [vm.temp(mark), vm.temp(mark + 1), vm.temp(mark + 2)];
                    let r = vm.call_value(f, &args)?;
                    if r != Value::NOT_IMPLEMENTED {
                        return Ok(r);
                    }
                }
                let [ta, tb, tc] = [0, 1, 2].map(|i| vm.type_name(vm.temp(mark + i)));
                Err(vm.type_error(&format!(
                    "unsupported operand type(s) for ** or pow(): '{ta}', '{tb}', '{tc}'"
                )))
            })();
            vm.pop_temps(mark);
            r
        }
        Some(m) => {
            if let Some(r) = vm.pow3_dunder(base, exp, m)? {
                return Ok(r);
            }
            // `pow3_dunder` may have run Python code: read them again.
            let v = bind(vm, &a, "pow", &["base", "exp", "mod"], 2, 0)?;
            let (base, exp, m) = (
                v[0].unwrap_or(Value::NONE),
                v[1].unwrap_or(Value::NONE),
                v[2].unwrap_or(Value::NONE),
            );
            let (Some(b), Some(e), Some(md)) = (vm.int_of(base), vm.int_of(exp), vm.int_of(m))
            else {
                let any_complex = [base, exp, m]
                    .iter()
                    .any(|&x| vm.kind_of(x) == Some(Kind::Complex));
                if any_complex {
                    return Err(vm.raise_msg(TypeId::ValueError, "complex modulo"));
                }
                let all_numbers = [base, exp, m].iter().all(|&x| vm.number(x).is_some());
                if all_numbers {
                    return Err(vm.type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ));
                }
                let (ta, tb, tc) = (vm.type_name(base), vm.type_name(exp), vm.type_name(m));
                return Err(vm.type_error(&format!(
                    "unsupported operand type(s) for ** or pow(): '{ta}', '{tb}', '{tc}'"
                )));
            };
            let r = int_ops::pow_mod(&b, &e, &md).map_err(|e| vm.raise_pyerror(e))?;
            vm.new_int(r)
        }
    }
}

fn radix(vm: &mut Vm, a: Args, name: &str, f: fn(&BigInt) -> String) -> PyResult<Value> {
    super::arity(vm, &a, name, 1, 1)?;
    let i = vm.index_int(a.get(vm, 0))?;
    vm.new_str(&f(&i))
}

/// `bin(x)`.
fn bin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "bin", int_to_bin)
}

/// `oct(x)`.
fn oct(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "oct", int_to_oct)
}

/// `hex(x)`.
fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    radix(vm, a, "hex", int_to_hex)
}
