//! Instantiating a plain class from the dispatch loop: `C(args)` where `C`
//! is a class statement's class with metaclass `type`, `object.__new__`,
//! and a Python `__init__`. The instance is made as `type.__call__` makes
//! it, then `__init__` gets a frame on the VM frame stack (no Rust
//! recursion, no nested dispatch loop) whose return puts the instance,
//! not the returned value, in the caller's register ([`ReturnTo::Init`]).
//! Every other class call takes `type_call`.

use pyvm_bytecode::CodeFlags;
use pyvm_objmodel::Value;

use super::super::call::{Args, Invoked};
use super::super::exception::PyResult;
use super::super::frame::ReturnTo;
use super::super::heap::Vm;
use super::super::layout::{FuncField, Kind, TypeField};
use super::super::names::Name;
use super::super::types::TypeId;

impl Vm {
    /// The `__init__` function of class `t` when `t(...)` can be set up
    /// directly (see the module doc), else `None`.
    fn direct_init(&mut self, t: Value) -> Option<Value> {
        if self.kind_of(t) != Some(Kind::Type)
            || !self.is_heap_type(t)
            || self.class_of(t) != self.ty(TypeId::Type)
            || self.field(t, TypeField::InstanceKind as usize).as_int()
                != Some(Kind::Instance as i64)
        {
            return None;
        }
        let new_key = self.name(Name::New);
        let new = self.lookup_type_cached(t, new_key)??;
        let object_new = self.own_attr_cached(self.ty(TypeId::Object), new_key)??;
        if new != object_new {
            return None;
        }
        let init = self.lookup_type_cached(t, self.name(Name::Init))??;
        if self.kind_of(init) != Some(Kind::Function) {
            return None;
        }
        let code = self.field(init, FuncField::Code as usize);
        let fl = self.code_arc(code).flags;
        if fl.contains(CodeFlags::GENERATOR)
            || fl.contains(CodeFlags::COROUTINE)
            || fl.contains(CodeFlags::ASYNC_GENERATOR)
        {
            return None;
        }
        Some(init)
    }

    /// Tries the direct instantiation of the class at temp `ti` with
    /// positional `args` (temps `ti + 1 ..`); the instance goes to the
    /// absolute register `dst`. `Ok(false)`: not applicable, nothing done.
    pub(super) fn instantiate_direct(
        &mut self,
        ti: usize,
        args: Args,
        dst: usize,
    ) -> PyResult<bool> {
        if args.kw.is_some() || args.start != ti + 1 {
            return Ok(false);
        }
        // What the class needs (`init_cache.rs`), else the generic decision.
        let (init, has_del, fill) = match self.init_plan_cached(self.temp(ti)) {
            Some((init, has_del)) => (init, has_del, false),
            None => {
                let Some(init) = self.direct_init(self.temp(ti)) else {
                    return Ok(false);
                };
                (init, true, true)
            }
        };
        let ii = self.push_temp(init);
        // `object.__new__` (its argument check passes: `__init__` is
        // overridden), then `__del__` registration, as `type_call` does.
        let obj = self.alloc_instance(self.temp(ti))?;
        let oi = self.push_temp(obj);
        let init = if has_del || self.finalizers_pending() {
            self.register_del(oi)?;
            // `register_del` may have run finalizers (Python code): make
            // sure `__init__` is still the one found.
            let init = self.temp(ii);
            let again = self.lookup_type_cached(self.temp(ti), self.name(Name::Init));
            let init = (again == Some(Some(init))).then_some(init);
            if fill && let Some(f) = init {
                self.init_plan_fill(self.temp(ti), f, self.del_name_key());
            }
            init
        } else {
            Some(self.temp(ii))
        };
        let Some(init) = init else {
            // Rare: a finalizer changed the class; finish generically.
            let f = self.get_attr_str(self.temp(oi), "__init__")?;
            let r = self.call_forward(f, &[], &args, 0)?;
            if !r.is_none() {
                let name = self.type_name(r);
                return Err(
                    self.type_error(&format!("__init__() should return None, not '{name}'"))
                );
            }
            let obj = self.temp(oi);
            self.roots().stack[dst] = obj;
            return Ok(true);
        };
        // Lay out `__init__, obj, *args` and push its frame; the caller's
        // register holds the instance while `__init__` runs.
        let fi = self.push_temp(init);
        let obj = self.temp(oi);
        self.push_temp(obj);
        for i in 0..args.n {
            let v = self.temp(args.start + i);
            self.push_temp(v);
        }
        self.roots().stack[dst] = obj;
        let a = Args {
            start: fi + 1,
            n: args.n + 1,
            kw: None,
        };
        match self.invoke(fi, a, ReturnTo::Init(dst)) {
            Ok(Invoked::Pushed) => Ok(true),
            // Not reached: `direct_init` excludes generator functions.
            Ok(Invoked::Done(_)) => Ok(true),
            Err(e) => {
                self.roots().stack[dst] = Value::EMPTY;
                Err(e)
            }
        }
    }
}
