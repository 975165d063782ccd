//! Creating the builtin types and the builtins namespace.

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TYPE_FIELDS, TypeField};
use super::types::{GlobalSlot, TYPE_TABLE, TypeId};

/// The kind of instance each builtin type's constructor makes (for user
/// subclasses, which inherit it).
fn instance_kind(t: TypeId) -> Kind {
    if t.is_exception() {
        Kind::Exception
    } else if t == TypeId::Type {
        Kind::Type
    } else if t == TypeId::Random {
        Kind::NativeState
    } else {
        Kind::Instance
    }
}

/// Creates every builtin type object, the empty tuple and the preallocated
/// MemoryError, in `Roots::globals`.
pub fn create_types(vm: &mut Vm) -> PyResult<()> {
    for &(id, name, base) in TYPE_TABLE.iter() {
        let name = vm.new_str(name)?;
        let ni = vm.push_temp(name);
        let dict = vm.new_dict()?;
        let di = vm.push_temp(dict);
        let mut fields = [Value::NONE; TYPE_FIELDS];
        fields[TypeField::Name as usize] = vm.temp(ni);
        fields[TypeField::Dict as usize] = vm.temp(di);
        fields[TypeField::InstanceKind as usize] =
            Value::from_int(instance_kind(id) as i64).unwrap_or(Value::NONE);
        fields[TypeField::Qualname as usize] = vm.temp(ni);
        fields[TypeField::Flags as usize] = Value::from_int(if id == TypeId::Object {
            super::class_create::flags::NO_DICT
        } else {
            0
        })
        .unwrap_or(Value::NONE);
        // The class of every type object is `type` (patched below for the
        // first two, which exist before `type` does).
        let meta = vm.ty(TypeId::Type);
        let t = vm.alloc_record(Kind::Type, meta, &fields, 0)?;
        vm.roots().globals[id as usize] = t;
        vm.pop_temps(ni);
        // Bases and MRO.
        let mut mro = vec![t];
        if let Some(b) = base {
            let bt = vm.ty(b);
            let bm = vm.field(bt, TypeField::Mro as usize);
            mro.extend_from_slice(vm.tuple_items(bm));
        }
        let mro = vm.new_tuple(&mro)?;
        let t = vm.ty(id);
        vm.set_field(t, TypeField::Mro as usize, mro);
        let bases: Vec<Value> = base.map(|b| vm.ty(b)).into_iter().collect();
        let bases = vm.new_tuple(&bases)?;
        let t = vm.ty(id);
        vm.set_field(t, TypeField::Bases as usize, bases);
    }
    let meta = vm.ty(TypeId::Type);
    for id in [TypeId::Object, TypeId::Type] {
        let t = vm.ty(id);
        vm.set_class(t, meta);
    }
    let empty = vm.new_tuple(&[])?;
    vm.roots().globals[GlobalSlot::EmptyTuple as usize] = empty;
    // A MemoryError needs no allocation when raised.
    let class = vm.ty(TypeId::MemoryError);
    let empty = vm.global(GlobalSlot::EmptyTuple);
    let me = vm.new_exception(class, empty)?;
    vm.roots().globals[GlobalSlot::MemoryError as usize] = me;
    let builtins = vm.new_dict()?;
    vm.roots().globals[GlobalSlot::Builtins as usize] = builtins;
    let modules = vm.new_dict()?;
    vm.roots().globals[GlobalSlot::Modules as usize] = modules;
    super::names::create_names(vm)?;
    super::builtins::install(vm)?;
    super::exc_types::fix_hierarchy(vm)
}

impl Vm {
    /// Replaces the class word of a heap object.
    pub fn set_class(&mut self, v: Value, class: Value) {
        let p = v.heap_addr().expect("heap object") as *mut u64;
        // SAFETY: `v` is a live heap object: payload word 1 (after the 8-byte
        // gc header, so address + 16) is its class.
        unsafe {
            *p.add(2) = class.to_bits();
            self.barrier(v);
        }
    }
}
