//! `__build_class__`: runs a class body and makes the class (C3 MRO).

use pyvm_objmodel::Value;

use super::super::call::Args;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind, TYPE_FIELDS, TypeField};
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

/// `__build_class__(func, name, *bases)`.
pub fn build_class(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if a.nkw(vm) > 0 {
        return Err(vm.not_supported("class keyword arguments (metaclass=...)"));
    }
    if n < 2 || vm.kind_of(a.get(vm, 0)) != Some(Kind::Function) || !vm.is_str(a.get(vm, 1)) {
        return Err(vm.type_error("__build_class__: func and name are required"));
    }
    let bases: Vec<Value> = (2..n).map(|i| a.get(vm, i)).collect();
    for &b in &bases {
        if vm.kind_of(b) != Some(Kind::Type) {
            return Err(vm.type_error("bases must be types"));
        }
        // Builtin bases other than `object` and the exceptions have
        // layouts (int value, list storage...) instances cannot have yet.
        if b == vm.ty(TypeId::Bool) {
            return Err(vm.type_error("type 'bool' is not an acceptable base type"));
        }
        if vm.is_builtin_type(b)
            && b != vm.ty(TypeId::Object)
            && !vm.is_exception_class(b)
            && vm.field(b, TypeField::InstanceKind as usize).as_int()
                != Some(Kind::NativeState as i64)
            && ![TypeId::Int, TypeId::Float, TypeId::Complex].contains(&vm.builtin_type_id(b))
        {
            let name = vm.class_name(b);
            return Err(vm.not_supported(&format!("subclassing the builtin type '{name}'")));
        }
    }
    // Run the body with a fresh namespace.
    let mark = vm.temps_len();
    let ns = vm.new_dict()?;
    let nsi = vm.push_temp(ns);
    let func = a.get(vm, 0);
    let code = vm.field(func, FuncField::Code as usize);
    let globals = vm.field(func, FuncField::Globals as usize);
    let depth = vm.m.roots().frames.len();
    let r = (|| {
        vm.push_code_frame(code, globals, vm.temp(nsi), a.get(vm, 0))?;
        vm.reentry_depth += 1;
        let r = vm.run_frames(depth);
        vm.reentry_depth -= 1;
        r?;
        // Re-read the bases: running the body may have moved them.
        let mut bases: Vec<Value> = (2..n).map(|i| a.get(vm, i)).collect();
        if bases.is_empty() {
            bases.push(vm.ty(TypeId::Object));
        }
        make_class(vm, a.get(vm, 1), &bases, vm.temp(nsi))
    })();
    vm.pop_temps(mark);
    r
}

fn make_class(vm: &mut Vm, name: Value, bases: &[Value], ns: Value) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.push_temp(name);
    vm.push_temp(ns);
    vm.roots().temps.extend_from_slice(bases);
    let r = (|| {
        let bases: Vec<Value> = vm.m.roots().temps[mark + 2..].to_vec();
        let bases_t = vm.new_tuple(&bases)?;
        let bi = vm.push_temp(bases_t);
        // Instances get the most derived builtin layout among the bases.
        let mut kind = Kind::Instance;
        for &b in &vm.m.roots().temps[mark + 2..bi].to_vec() {
            if vm.field(b, TypeField::InstanceKind as usize).as_int()
                == Some(Kind::Exception as i64)
            {
                kind = Kind::Exception;
            }
            if vm.field(b, TypeField::InstanceKind as usize).as_int()
                == Some(Kind::NativeState as i64)
            {
                kind = Kind::NativeState;
            }
        }
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = vm.temp(mark);
        fields[TypeField::Dict as usize] = vm.temp(mark + 1);
        fields[TypeField::Bases as usize] = vm.temp(bi);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(kind as i64).unwrap_or(Value::NONE);
        let meta = vm.ty(TypeId::Type);
        let t = vm.alloc_record(Kind::Type, meta, &fields, 0)?;
        let ti = vm.push_temp(t);
        let mut seqs = Vec::new();
        let base_list = vm.tuple_items(vm.temp(bi)).to_vec();
        for &b in &base_list {
            let m = vm.field(b, TypeField::Mro as usize);
            seqs.push(vm.tuple_items(m).to_vec());
        }
        seqs.push(base_list);
        let Some(mut mro) = c3_merge(seqs) else {
            return Err(vm.type_error("Cannot create a consistent method resolution order (MRO)"));
        };
        mro.insert(0, vm.temp(ti));
        let mro = vm.new_tuple(&mro)?;
        let t = vm.temp(ti);
        vm.set_field(t, TypeField::Mro as usize, mro);
        Ok(t)
    })();
    vm.pop_temps(mark);
    r
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
