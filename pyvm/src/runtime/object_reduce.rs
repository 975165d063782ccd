//! `object.__reduce_ex__`, `object.__reduce__`, `object.__getstate__`: the
//! defaults of the pickle and copy protocols, written in Python
//! (`py/object_reduce.py`) over the stdlib's `copyreg`, as CPython's C code
//! calls into `copyreg` too.

use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::types::GlobalSlot;

const SRC: &str = include_str!("py/object_reduce.py");

impl Vm {
    /// Calls the helper `name` of `object_reduce.py` with `args`.
    fn reduce_helper(&mut self, name: &str, args: &[Value]) -> PyResult<Value> {
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(args);
        let r = (|| {
            let mut g = self.global(GlobalSlot::ReduceHelpers);
            if g.is_empty() {
                g = self.run_embedded(SRC, "<pyvm object_reduce>", "copyreg")?;
                self.roots().globals[GlobalSlot::ReduceHelpers as usize] = g;
            }
            let f = self.dict_get_str(g, name)?.unwrap_or(Value::NONE);
            let args = self.m.roots().temps[mark..].to_vec();
            self.call_value(f, &args)
        })();
        self.pop_temps(mark);
        r
    }
}

/// `object.__reduce_ex__(protocol)`: the object's own `__reduce__` if its
/// class overrides it, else the default reduction.
pub(crate) fn object_reduce_ex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 2 {
        let n = a.npos(vm).saturating_sub(1);
        return Err(vm.type_error(&format!(
            "object.__reduce_ex__() takes exactly one argument ({n} given)"
        )));
    }
    // `object.__reduce__` first, rooted: looking the class's up allocates
    // the key, and the two are compared by identity.
    let od = vm.field(
        vm.ty(super::types::TypeId::Object),
        super::layout::TypeField::Dict as usize,
    );
    let default = vm.dict_get_str(od, "__reduce__")?.unwrap_or(Value::EMPTY);
    let di = vm.push_temp(default);
    let class = vm.class_of(a.get(vm, 0));
    let own = vm.lookup_type_attr(class, "__reduce__");
    let default = vm.temp(di);
    vm.pop_temps(di);
    if let Some(r) = own?
        && r != default
    {
        let obj = a.get(vm, 0);
        let key = vm.new_str("__reduce__")?;
        let m = vm.get_attr(obj, key)?;
        return vm.call_value(m, &[]);
    }
    let proto = vm.index_isize(a.get(vm, 1))?;
    let p = vm.new_i64(proto)?;
    let obj = a.get(vm, 0);
    vm.reduce_helper("reduce_ex", &[obj, p])
}

/// `object.__reduce__()`: protocol 0's reduction.
pub(crate) fn object_reduce(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let obj = a.get(vm, 0);
    let zero = Value::from_int(0).unwrap_or(Value::NONE);
    vm.reduce_helper("reduce_ex", &[obj, zero])
}

/// `object.__getstate__()`.
pub(crate) fn object_getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let obj = a.get(vm, 0);
    vm.reduce_helper("getstate", &[obj])
}
