//! `__build_class__`: runs a class body and makes the class (C3 MRO).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind};
use super::super::names::Name;
use super::super::types::TypeId;

/// The C3 linearization of a class with `bases` (each base's MRO given).
/// `None` when no consistent order exists.
pub fn c3_merge(mut seqs: Vec<Vec<Value>>) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|&h| seqs.iter().all(|s| !s[1..].contains(&h)))?;
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// The classes CPython names when the C3 merge of `seqs` fails: the
/// heads of the sequences left at that point, without repeats.
pub fn c3_failure_heads(mut seqs: Vec<Vec<Value>>) -> Vec<Value> {
    loop {
        seqs.retain(|s| !s.is_empty());
        let head = seqs
            .iter()
            .map(|s| s[0])
            .find(|&h| seqs.iter().all(|s| !s[1..].contains(&h)));
        let Some(head) = head else {
            let mut heads = Vec::new();
            for s in &seqs {
                if !heads.contains(&s[0]) {
                    heads.push(s[0]);
                }
            }
            return heads;
        };
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// PEP 560: bases that are not classes but have `__mro_entries__` (such
/// as `list[int]`) are replaced by what it returns. The original bases
/// tuple is at temp `oi`; returns it unchanged when nothing was replaced.
fn resolve_bases(vm: &mut Vm, oi: usize) -> PyResult<Value> {
    let n = vm.tuple_items(vm.temp(oi)).len();
    let mark = vm.temps_len();
    let mut changed = false;
    let r = (|| {
        for i in 0..n {
            let b = vm.tuple_items(vm.temp(oi))[i];
            if vm.kind_of(b) == Some(Kind::Type) {
                vm.push_temp(b);
                continue;
            }
            let key = vm.new_str("__mro_entries__")?;
            let b = vm.tuple_items(vm.temp(oi))[i];
            let Some(f) = vm.get_attr_opt(b, key)? else {
                let b = vm.tuple_items(vm.temp(oi))[i];
                vm.push_temp(b);
                continue;
            };
            let entries = vm.call_value(f, &[vm.temp(oi)])?;
            if vm.kind_of(entries) != Some(Kind::Tuple) {
                return Err(vm.type_error("__mro_entries__ must return a tuple"));
            }
            changed = true;
            for x in vm.tuple_items(entries).to_vec() {
                vm.push_temp(x);
            }
        }
        if !changed {
            return Ok(vm.temp(oi));
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if n < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    if vm.kind_of(a.get(vm, 0)) != Some(Kind::Function) {
        return Err(vm.type_error("__build_class__: func must be a function"));
    }
    if !vm.is_str(a.get(vm, 1)) {
        return Err(vm.type_error("__build_class__: name is not a string"));
    }
    let mark = vm.temps_len();
    let r = build_class_inner(vm, &a, n);
    vm.pop_temps(mark);
    r
}

fn build_class_inner(vm: &mut Vm, a: &Args, n: usize) -> PyResult<Value> {
    let bases: Vec<Value> = (2..n).map(|i| a.get(vm, i)).collect();
    let bases = vm.new_tuple(&bases)?;
    let oi = vm.push_temp(bases);
    let bases = resolve_bases(vm, oi)?;
    let bi = vm.push_temp(bases);
    let kw = vm.kwargs_dict(a, Some(Name::Metaclass))?;
    let kwi = vm.push_temp(kw);
    let explicit = a.kwarg(vm, "metaclass");
    let meta = match explicit {
        Some(m) => m,
        None => {
            let b = vm.tuple_items(vm.temp(bi)).first().copied();
            match b {
                Some(b) => vm.class_of(b),
                None => vm.ty(TypeId::Type),
            }
        }
    };
    let meta = if vm.kind_of(meta) == Some(Kind::Type) {
        let bases = vm.tuple_items(vm.temp(bi)).to_vec();
        vm.calculate_meta(meta, &bases)?
    } else {
        meta
    };
    let mi = vm.push_temp(meta);
    // The namespace: `meta.__prepare__(name, bases, **kwds)`.
    let ns = if meta == vm.ty(TypeId::Type) {
        vm.new_dict()?
    } else {
        let key = vm.name(Name::Prepare);
        match vm.get_attr_opt(vm.temp(mi), key)? {
            Some(p) => {
                let (name, bases, kw) = (a.get(vm, 1), vm.temp(bi), vm.temp(kwi));
                vm.call_with_kwdict(p, &[name, bases], kw)?
            }
            None => vm.new_dict()?,
        }
    };
    if vm.kind_of(ns) != Some(Kind::Dict) {
        if matches!(vm.kind_of(ns), Some(Kind::Instance)) {
            return Err(vm.not_supported("a __prepare__ namespace that is not a dict"));
        }
        let m = vm.temp(mi);
        let mn = if vm.kind_of(m) == Some(Kind::Type) {
            vm.class_name(m)
        } else {
            "<metaclass>".into()
        };
        let tn = vm.type_name(ns);
        return Err(vm.type_error(&format!(
            "{mn}.__prepare__() must return a mapping, not {tn}"
        )));
    }
    let nsi = vm.push_temp(ns);
    if vm.temp(bi) != vm.temp(oi) {
        vm.dict_set_str(vm.temp(nsi), "__orig_bases__", vm.temp(oi))?;
    }
    // Run the body with the namespace as its locals.
    let func = a.get(vm, 0);
    let code = vm.field(func, FuncField::Code as usize);
    let globals = vm.field(func, FuncField::Globals as usize);
    let depth = vm.m.roots().frames.len();
    vm.push_code_frame(code, globals, vm.temp(nsi), a.get(vm, 0))?;
    vm.reentry_depth += 1;
    let r = vm.run_frames(depth);
    vm.reentry_depth -= 1;
    let cell = r?;
    let ci = vm.push_temp(cell);
    let (m, name, bases, ns, kw) = (
        vm.temp(mi),
        a.get(vm, 1),
        vm.temp(bi),
        vm.temp(nsi),
        vm.temp(kwi),
    );
    let cls = vm.call_with_kwdict(m, &[name, bases, ns], kw)?;
    let cell = vm.temp(ci);
    if vm.kind_of(cell) == Some(Kind::Cell) && vm.field(cell, 0).is_empty() {
        vm.set_field(cell, 0, cls);
    }
    Ok(cls)
}

#[cfg(test)]
mod tests {
    use super::c3_merge;
    use pyvm_objmodel::Value;

    fn v(i: i64) -> Value {
        Value::from_int(i).unwrap()
    }

    #[test]
    fn c3_diamond() {
        // class B(A), C(A), D(B, C): D's MRO after D is B, C, A, object.
        let (o, a, b, c) = (v(0), v(1), v(2), v(3));
        let mro = c3_merge(vec![vec![b, a, o], vec![c, a, o], vec![b, c]]).unwrap();
        assert_eq!(mro, vec![b, c, a, o]);
    }

    #[test]
    fn c3_inconsistent() {
        // class X(A, B) and Y(B, A): Z(X, Y) has no MRO.
        let (o, a, b, x, y) = (v(0), v(1), v(2), v(3), v(4));
        let r = c3_merge(vec![vec![x, a, b, o], vec![y, b, a, o], vec![x, y]]);
        assert!(r.is_none());
    }
}
