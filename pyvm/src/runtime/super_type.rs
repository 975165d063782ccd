//! `super`: zero-argument (from the caller's first argument and its
//! `__class__` cell) and explicit `super(C, obj)`.

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, SUPER_FIELDS, SuperField, TypeField};
use super::names::Name;
use super::types::TypeId;

/// Natives of `super`.
pub(crate) const SUPER_NATIVES: NativeTable = &[
    ("super", Place::Constructor(TypeId::Super), super_new),
    ("__get__", Place::Method(TypeId::Super), super_get),
];

/// `super()`, `super(type)`, `super(type, obj)`.
fn super_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    let (this, obj) = match a.npos(vm) {
        0 => vm.super_implicit()?,
        1 => (a.get(vm, 0), Value::NONE),
        2 => (a.get(vm, 0), a.get(vm, 1)),
        n => {
            return Err(vm.type_error(&format!("super() expected at most 2 arguments, got {n}")));
        }
    };
    vm.make_super(this, obj)
}

/// `super.__get__(obj, type)`: binds an unbound super.
fn super_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = a.get(vm, 0);
    let obj = if a.npos(vm) > 1 {
        a.get(vm, 1)
    } else {
        Value::NONE
    };
    if obj.is_none() || !vm.field(s, SuperField::Obj as usize).is_none() {
        return Ok(s);
    }
    let this = vm.field(s, SuperField::ThisClass as usize);
    vm.make_super(this, obj)
}

impl Vm {
    /// A `super` object for `this` and `obj` (None for unbound).
    pub fn make_super(&mut self, this: Value, obj: Value) -> PyResult<Value> {
        if self.kind_of(this) != Some(Kind::Type) {
            let n = self.type_name(this);
            return Err(self.type_error(&format!("super() argument 1 must be a type, not {n}")));
        }
        let obj_type = if obj.is_none() {
            Value::NONE
        } else if self.kind_of(obj) == Some(Kind::Type) && self.is_subclass(obj, this) {
            obj
        } else if self.is_subclass(self.class_of(obj), this) {
            self.class_of(obj)
        } else {
            return Err(
                self.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        };
        let mut f = [Value::NONE; SUPER_FIELDS];
        f[SuperField::ThisClass as usize] = this;
        f[SuperField::Obj as usize] = obj;
        f[SuperField::ObjType as usize] = obj_type;
        let class = self.ty(TypeId::Super);
        self.alloc_record(Kind::Super, class, &f, 0)
    }

    /// The class and first argument a zero-argument `super()` uses: the
    /// calling frame's `__class__` cell and its first argument.
    fn super_implicit(&mut self) -> PyResult<(Value, Value)> {
        let Some(f) = self.m.roots().frames.last() else {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): no current frame"));
        };
        let code = f.code.clone();
        let (base, cells) = (f.base, f.cells);
        if code.arg_count == 0 && !code.flags.contains(pyvm_bytecode::CodeFlags::VARARGS) {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): no arguments"));
        }
        // The first argument: its register, or its cell if it is captured.
        let mut first = self.m.roots().stack[base];
        if let Some(&(cell, _)) = code.cell_args.iter().find(|(_, r)| r.0 == 0)
            && self.kind_of(cells) == Some(Kind::Tuple)
        {
            let c = self.tuple_items(cells)[cell.0 as usize];
            first = self.field(c, 0);
        }
        if code.arg_count == 0 {
            // `def f(*args)`: the first positional argument.
            let t = first;
            first = match self.kind_of(t) {
                Some(Kind::Tuple) if !self.tuple_items(t).is_empty() => self.tuple_items(t)[0],
                _ => return Err(self.raise_msg(TypeId::RuntimeError, "super(): no arguments")),
            };
        }
        if first.is_empty() {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): arg[0] deleted"));
        }
        let pos = code.free_names.iter().position(|n| n == "__class__");
        let Some(pos) = pos else {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): __class__ cell not found"));
        };
        let idx = code.cell_names.len() + pos;
        if self.kind_of(cells) != Some(Kind::Tuple) || idx >= self.tuple_items(cells).len() {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): __class__ cell not found"));
        }
        let cell = self.tuple_items(cells)[idx];
        let class = self.field(cell, 0);
        if class.is_empty() {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): empty __class__ cell"));
        }
        if self.kind_of(class) != Some(Kind::Type) {
            return Err(self.raise_msg(TypeId::RuntimeError, "super(): __class__ is not a type"));
        }
        Ok((class, first))
    }

    /// `super_obj.<key>` with the super object and key at temps `mark`,
    /// `mark + 1`; `None` if not found.
    pub(crate) fn super_getattr(&mut self, mark: usize) -> PyResult<Option<Value>> {
        let s = self.temp(mark);
        let start = self.field(s, SuperField::ObjType as usize);
        let key = self.temp(mark + 1);
        let skip = self.is_name(key, Name::Class);
        if !start.is_none() && !skip {
            let this = self.field(s, SuperField::ThisClass as usize);
            let mro = self.field(start, TypeField::Mro as usize);
            let items = self.tuple_items(mro).to_vec();
            let i = items
                .iter()
                .position(|&t| t == this)
                .map_or(items.len(), |i| i + 1);
            for j in i..items.len() {
                let mro = self.field(
                    self.field(self.temp(mark), SuperField::ObjType as usize),
                    TypeField::Mro as usize,
                );
                let t = self.tuple_items(mro)[j];
                let d = self.field(t, TypeField::Dict as usize);
                if let Some(v) = self.dict_get(d, self.temp(mark + 1))? {
                    let s = self.temp(mark);
                    let obj = self.field(s, SuperField::Obj as usize);
                    let start = self.field(s, SuperField::ObjType as usize);
                    let inst = if obj == start { Value::EMPTY } else { obj };
                    return self.descr_get(v, inst, start).map(Some);
                }
            }
        }
        let s = self.temp(mark);
        if let Some(v) = self.descr_intrinsic(s, self.temp(mark + 1))? {
            return Ok(Some(v));
        }
        if skip {
            return Ok(Some(self.ty(TypeId::Super)));
        }
        // The super object's own attributes (`__get__` of an unbound super).
        let name = self.str_text(self.temp(mark + 1)).into_owned();
        let class = self.class_of(self.temp(mark));
        if let Some(v) = self.lookup_type_attr(class, &name)? {
            let s = self.temp(mark);
            let class = self.class_of(s);
            return self.descr_get(v, s, class).map(Some);
        }
        Ok(None)
    }
}
