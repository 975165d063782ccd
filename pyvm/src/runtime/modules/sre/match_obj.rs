//! `re.Match` methods and attributes.

use pyvm_objmodel::Value;

use super::pattern::{P_FLAGS, P_GROUPINDEX, P_GROUPS, P_INDEXGROUP, P_PATTERN, arg};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

const M_STRING: usize = 0;
const M_PATTERN: usize = 1;
const M_POS: usize = 2;
const M_ENDPOS: usize = 3;
const M_REGS: usize = 4;
const M_LASTINDEX: usize = 5;

fn receiver(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 || vm.kind_of(a.get(vm, 0)) != Some(Kind::SreMatch) {
        return Err(vm.type_error(&format!("descriptor '{meth}' requires a 're.Match' object")));
    }
    Ok(a.get(vm, 0))
}

fn ngroups(vm: &Vm, m: Value) -> usize {
    vm.tuple_items(vm.field(m, M_REGS)).len() / 2 - 1
}

fn span_of(vm: &Vm, m: Value, g: usize) -> Option<(usize, usize)> {
    let regs = vm.tuple_items(vm.field(m, M_REGS));
    let a = regs[2 * g].as_int().unwrap_or(-1);
    let b = regs[2 * g + 1].as_int().unwrap_or(-1);
    (a >= 0 && b >= 0).then_some((a as usize, b as usize))
}

/// The group number named by `g` (an int or a group name).
fn group_index(vm: &mut Vm, m: Value, g: Value) -> PyResult<usize> {
    let n = ngroups(vm, m);
    if let Some(i) = vm.index_value(g) {
        if i >= 0 && (i as usize) <= n {
            return Ok(i as usize);
        }
    } else {
        let gi = vm.field(vm.field(m, M_PATTERN), P_GROUPINDEX);
        if matches!(vm.kind_of(gi), Some(Kind::Dict))
            && let Ok(Some(i)) = vm.dict_get(gi, g)
            && let Some(i) = vm.index_value(i)
            && i >= 0
            && (i as usize) <= n
        {
            return Ok(i as usize);
        }
    }
    Err(vm.raise_msg(TypeId::IndexError, "no such group"))
}

fn group_value(vm: &mut Vm, mi: usize, g: usize, default: Value) -> PyResult<Value> {
    let m = vm.temp(mi);
    match span_of(vm, m, g) {
        Some((a, b)) => {
            let s = vm.field(m, M_STRING);
            vm.sre_slice(s, a, b)
        }
        None => Ok(default),
    }
}

/// `Match.group(*groups)`.
pub(super) fn group(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = receiver(vm, &a, "group")?;
    let mi = vm.push_temp(m);
    let r = (|| {
        let n = a.npos(vm);
        if n <= 2 {
            let g = if n == 2 {
                group_index(vm, vm.temp(mi), a.get(vm, 1))?
            } else {
                0
            };
            return group_value(vm, mi, g, Value::NONE);
        }
        let t0 = vm.temps_len();
        for i in 1..n {
            let g = group_index(vm, vm.temp(mi), a.get(vm, i))?;
            let v = group_value(vm, mi, g, Value::NONE)?;
            vm.push_temp(v);
        }
        let items: Vec<Value> = (t0..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let t = vm.new_tuple(&items);
        vm.pop_temps(t0);
        t
    })();
    vm.pop_temps(mi);
    r
}

/// `match[g]`.
pub(super) fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = receiver(vm, &a, "__getitem__")?;
    let mi = vm.push_temp(m);
    let r = (|| {
        let g = group_index(vm, vm.temp(mi), a.get(vm, 1))?;
        group_value(vm, mi, g, Value::NONE)
    })();
    vm.pop_temps(mi);
    r
}

/// `Match.groups(default=None)`.
pub(super) fn groups(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = receiver(vm, &a, "groups")?;
    let default = arg(vm, &a, 1, "default").unwrap_or(Value::NONE);
    let mi = vm.push_temp(m);
    let di = vm.push_temp(default);
    let r = (|| {
        let t0 = vm.temps_len();
        for g in 1..=ngroups(vm, vm.temp(mi)) {
            let v = group_value(vm, mi, g, vm.temp(di))?;
            vm.push_temp(v);
        }
        let items: Vec<Value> = (t0..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let t = vm.new_tuple(&items);
        vm.pop_temps(t0);
        t
    })();
    vm.pop_temps(mi);
    r
}

/// `Match.groupdict(default=None)`.
pub(super) fn groupdict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = receiver(vm, &a, "groupdict")?;
    let default = arg(vm, &a, 1, "default").unwrap_or(Value::NONE);
    let mi = vm.push_temp(m);
    let di = vm.push_temp(default);
    let r = (|| {
        let d = vm.new_dict()?;
        let out = vm.push_temp(d);
        let gi = vm.field(vm.field(vm.temp(mi), M_PATTERN), P_GROUPINDEX);
        if vm.kind_of(gi) != Some(Kind::Dict) {
            return Ok(vm.temp(out));
        }
        let gii = vm.push_temp(gi);
        let keys = vm.collect_iterable(gi)?;
        let ki = vm.temps_len();
        for k in &keys {
            vm.push_temp(*k);
        }
        for j in 0..keys.len() {
            let k = vm.temp(ki + j);
            let Some(g) = vm.dict_get(vm.temp(gii), k)? else {
                continue;
            };
            let Some(g) = vm.index_value(g) else { continue };
            let v = group_value(vm, mi, g as usize, vm.temp(di))?;
            vm.dict_set(vm.temp(out), vm.temp(ki + j), v)?;
        }
        Ok(vm.temp(out))
    })();
    vm.pop_temps(mi);
    r
}

fn span_arg(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<(i64, i64)> {
    let m = receiver(vm, a, meth)?;
    let g = match arg(vm, a, 1, "group") {
        Some(g) => group_index(vm, m, g)?,
        None => 0,
    };
    let m = a.get(vm, 0);
    Ok(span_of(vm, m, g)
        .map(|(x, y)| (x as i64, y as i64))
        .unwrap_or((-1, -1)))
}

/// `Match.start(group=0)`.
pub(super) fn start(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = span_arg(vm, &a, "start")?;
    vm.new_i64(s)
}

/// `Match.end(group=0)`.
pub(super) fn end(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (_, e) = span_arg(vm, &a, "end")?;
    vm.new_i64(e)
}

/// `Match.span(group=0)`.
pub(super) fn span(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, e) = span_arg(vm, &a, "span")?;
    let (s, e) = (vm.new_i64(s)?, vm.new_i64(e)?);
    vm.new_tuple(&[s, e])
}

/// `Match.expand(template)`: `re._expand(pattern, match, template)`.
pub(super) fn expand(vm: &mut Vm, a: Args) -> PyResult<Value> {
    receiver(vm, &a, "expand")?;
    let Some(t) = arg(vm, &a, 1, "template") else {
        return Err(vm.type_error("expand() missing required argument 'template' (pos 1)"));
    };
    let ti = vm.push_temp(t);
    let r = (|| {
        let re = vm.import_module("re")?;
        let f = vm.new_str("_expand")?;
        let f = vm.get_attr(re, f)?;
        let m = a.get(vm, 0);
        let p = vm.field(m, M_PATTERN);
        vm.call_value(f, &[p, m, vm.temp(ti)])
    })();
    vm.pop_temps(ti);
    r
}

/// `repr(match)`: `<re.Match object; span=(0, 3), match='abc'>`.
pub(super) fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = receiver(vm, &a, "__repr__")?;
    let s = repr_text(vm, m)?;
    vm.new_str(&s)
}

pub(super) fn repr_text(vm: &mut Vm, m: Value) -> PyResult<String> {
    let (s, e) = span_of(vm, m, 0).unwrap_or((0, 0));
    let mi = vm.push_temp(m);
    let r = (|| {
        let g = group_value(vm, mi, 0, Value::NONE)?;
        let text = vm.repr_string(g)?;
        let text: String = text.chars().take(50).collect();
        Ok(format!("<re.Match object; span=({s}, {e}), match={text}>"))
    })();
    vm.pop_temps(mi);
    r
}

impl Vm {
    /// Data attributes of `re.Pattern` and `re.Match` objects.
    pub fn sre_attr(&mut self, obj: Value, name: &[u8]) -> PyResult<Option<Value>> {
        match self.kind_of(obj) {
            Some(Kind::SrePattern) => Ok(match name {
                b"pattern" => Some(self.field(obj, P_PATTERN)),
                b"flags" => Some(self.field(obj, P_FLAGS)),
                b"groups" => Some(self.field(obj, P_GROUPS)),
                b"groupindex" => {
                    let gi = self.field(obj, P_GROUPINDEX);
                    if self.kind_of(gi) == Some(Kind::Dict) {
                        let d = self.new_dict()?;
                        let di = self.push_temp(d);
                        let gi = self.field(obj, P_GROUPINDEX);
                        let r = self.dict_update_from(self.temp(di), gi);
                        let d = self.temp(di);
                        self.pop_temps(di);
                        r?;
                        Some(d)
                    } else {
                        Some(gi)
                    }
                }
                _ => None,
            }),
            Some(Kind::SreMatch) => Ok(match name {
                b"string" => Some(self.field(obj, M_STRING)),
                b"re" => Some(self.field(obj, M_PATTERN)),
                b"pos" => Some(self.field(obj, M_POS)),
                b"endpos" => Some(self.field(obj, M_ENDPOS)),
                b"lastindex" => Some(self.field(obj, M_LASTINDEX)),
                b"lastgroup" => {
                    let li = self.field(obj, M_LASTINDEX);
                    let ig = self.field(self.field(obj, M_PATTERN), P_INDEXGROUP);
                    match li.as_int() {
                        Some(i) if self.kind_of(ig) == Some(Kind::Tuple) => self
                            .tuple_items(ig)
                            .get(i as usize)
                            .copied()
                            .or(Some(Value::NONE)),
                        _ => Some(Value::NONE),
                    }
                }
                b"regs" => {
                    let oi = self.push_temp(obj);
                    let n = ngroups(self, obj) + 1;
                    let t0 = self.temps_len();
                    let mut r = Ok(());
                    for g in 0..n {
                        let (s, e) = span_of(self, self.temp(oi), g)
                            .map(|(x, y)| (x as i64, y as i64))
                            .unwrap_or((-1, -1));
                        let (s, e) = (
                            Value::from_int(s).unwrap_or(Value::NONE),
                            Value::from_int(e).unwrap_or(Value::NONE),
                        );
                        match self.new_tuple(&[s, e]) {
                            Ok(t) => {
                                self.push_temp(t);
                            }
                            Err(e) => {
                                r = Err(e);
                                break;
                            }
                        }
                    }
                    let items: Vec<Value> = (t0..self.temps_len()).map(|i| self.temp(i)).collect();
                    let t = r.and_then(|_| self.new_tuple(&items));
                    self.pop_temps(oi);
                    Some(t?)
                }
                _ => None,
            }),
            _ => Ok(None),
        }
    }

    fn dict_update_from(&mut self, dst: Value, src: Value) -> PyResult<()> {
        let mark = self.push_temp(dst);
        self.push_temp(src);
        let keys = self.collect_iterable(src)?;
        let ki = self.temps_len();
        for k in &keys {
            self.push_temp(*k);
        }
        let mut r = Ok(());
        for j in 0..keys.len() {
            let k = self.temp(ki + j);
            match self.dict_get(self.temp(mark + 1), k) {
                Ok(Some(v)) => {
                    if let Err(e) = self.dict_set(self.temp(mark), self.temp(ki + j), v) {
                        r = Err(e);
                        break;
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.pop_temps(mark);
        r
    }
}
