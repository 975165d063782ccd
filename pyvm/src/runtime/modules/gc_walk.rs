//! `gc.get_objects()` and `gc.get_referrers()`: the heap as a program can
//! observe it. pyvm-gc does not enumerate its spaces, so the live objects
//! are found the way a collection finds them: from the VM's roots, through
//! each object's references as the collector traces them
//! (`Binding::trace_object`, with a tracer that records and moves
//! nothing). No allocation happens during a walk; the result is built
//! after it.

use std::collections::HashSet;

use pyvm_gc::{ObjectRef, Tracer, VMBinding};
use pyvm_objmodel::Value;

use super::native_types::{Style, bind, opt};
use crate::runtime::binding::Binding;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// A tracer that records each reference and leaves it where it is.
struct Record(Vec<ObjectRef>);

impl Tracer for Record {
    fn trace(&mut self, object: ObjectRef) -> ObjectRef {
        self.0.push(object);
        object
    }
}

/// The objects `o` refers to directly, as the collector sees them.
fn refs_of(o: ObjectRef) -> Vec<ObjectRef> {
    let mut t = Record(Vec::new());
    Binding::trace_object(o, &mut t);
    t.0
}

/// Every object reachable from the roots, each once, in discovery order.
fn reachable(vm: &mut Vm) -> Vec<ObjectRef> {
    let mut t = Record(Vec::new());
    Binding::scan_roots(vm.roots(), &mut t);
    let mut seen: HashSet<usize> = HashSet::new();
    let mut out = Vec::new();
    let mut work = t.0;
    while let Some(o) = work.pop() {
        if !seen.insert(o.address()) {
            continue;
        }
        out.push(o);
        work.extend(refs_of(o));
    }
    out
}

fn value_of(o: ObjectRef) -> Option<Value> {
    Value::from_heap_addr(o.address())
}

/// Builds a list of `items` (no allocation happened since they were found).
fn list_of(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    vm.new_list(&items)
}

/// `gc.get_objects(generation=None)`: every live object the collector
/// tracks in CPython's sense (containers, not atoms).
pub(super) fn get_objects(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "get_objects", &["generation"], 1, 0, Style::Clinic)?;
    if let Some(g) = opt(vm, p[0])
        && !g.is_none()
    {
        match g.as_int() {
            Some(-1..=2) => {}
            Some(n) if n >= 3 => {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            Some(_) => {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    "generation parameter cannot be negative",
                ));
            }
            None => {
                let t = vm.type_name(g);
                return Err(
                    vm.type_error(&format!("argument should be integer or None, not '{t}'"))
                );
            }
        }
    }
    let all: Vec<Value> = reachable(vm).into_iter().filter_map(value_of).collect();
    let items: Vec<Value> = all
        .into_iter()
        .filter(|&v| super::gc::tracked(vm, v))
        .collect();
    list_of(vm, items)
}

/// `gc.get_referrers(*objs)`: the live objects that refer directly to any
/// of `objs`.
pub(super) fn get_referrers(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    let targets: HashSet<usize> = (0..a.npos(vm))
        .filter_map(|i| a.get(vm, i).heap_addr())
        .collect();
    if targets.is_empty() {
        return vm.new_list(&[]);
    }
    let items: Vec<Value> = reachable(vm)
        .into_iter()
        .filter(|&o| refs_of(o).iter().any(|r| targets.contains(&r.address())))
        .filter_map(value_of)
        .collect();
    let items: Vec<Value> = items
        .into_iter()
        .filter(|&v| super::gc::tracked(vm, v))
        .collect();
    list_of(vm, items)
}
