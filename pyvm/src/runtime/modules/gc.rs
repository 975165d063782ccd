//! `gc`: the collector interface, and `__del__`.
//!
//! pyvm's collector is pyvm-gc's precise tracing collector, not reference
//! counting, so an object dies when a collection finds it unreachable
//! rather than when its last reference goes. Instances of classes with a
//! `__del__` are registered as finalizable when created; the collector
//! keeps them alive and queues them (an object before what it reaches), and
//! [`Vm::run_finalizers`] calls their `__del__` at the next safe point:
//! `gc.collect()`, the next instance creation after a collection, and the
//! dispatch loop's periodic check ([`Vm::after_collections`], every 4096
//! instructions), which also runs weak-reference callbacks.
//! Exceptions in `__del__` are reported as CPython does ("Exception
//! ignored in: ...") and otherwise ignored.
//!
//! `gc.get_objects()` and `gc.get_referrers()` walk the heap from the
//! roots (`gc_walk.rs`); `enable`/`disable` only record
//! the setting, since allocation must be able to collect.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use pyvm_gc::{CollectionKind, ObjectRef};
use pyvm_objmodel::Value;

use super::native_types::{Style, bind, check_pos, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `gc` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "gc",
    functions: &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_debug", get_debug),
        ("set_debug", set_debug),
        ("get_objects", super::gc_walk::get_objects),
        ("get_referrers", super::gc_walk::get_referrers),
        ("get_referents", get_referents),
        ("get_stats", get_stats),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("freeze", none),
        ("unfreeze", none),
        ("get_freeze_count", get_freeze_count),
    ],
    init: Some(init),
};

// Settings of the one VM, shared by all its threads (`gil.rs`).
static ENABLED: SharedCell<bool> = SharedCell::new(true);
static THRESHOLD: SharedCell<(i64, i64, i64)> = SharedCell::new((700, 10, 10));
static DEBUG: SharedCell<i64> = SharedCell::new(0);
static COLLECTIONS: SharedCell<(i64, i64)> = SharedCell::new((0, 0));

/// A `Cell`-like value shared by the VM's threads.
struct SharedCell<T: Copy>(std::sync::Mutex<T>);

impl<T: Copy> SharedCell<T> {
    const fn new(v: T) -> Self {
        SharedCell(std::sync::Mutex::new(v))
    }
    fn with<R>(&self, f: impl FnOnce(&Self) -> R) -> R {
        f(self)
    }
    fn get(&self) -> T {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn set(&self, v: T) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = v;
    }
}

/// Auxiliary root: the str `"__del__"`.
const DEL_NAME: usize = 6;

/// Set once any object was registered for `__del__` (so that instance
/// creation only looks at the finalization queue when it may be non-empty).
static ANY_FINALIZER: AtomicBool = AtomicBool::new(false);

/// Collections (minor + major) whose weak references and finalizers
/// [`Vm::after_collections`] has already processed.
static SEEN_COLLECTIONS: AtomicU64 = AtomicU64::new(0);

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        m.set(vm, name, int(v))?;
    }
    let l = vm.new_list(&[])?;
    m.set(vm, "garbage", l)?;
    let l = vm.new_list(&[])?;
    m.set(vm, "callbacks", l)
}

fn none(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn enable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "enable", 0, 0)?;
    ENABLED.with(|e| e.set(true));
    Ok(Value::NONE)
}

fn disable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "disable", 0, 0)?;
    ENABLED.with(|e| e.set(false));
    Ok(Value::NONE)
}

fn isenabled(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "isenabled", 0, 0)?;
    Ok(Value::from_bool(ENABLED.with(|e| e.get())))
}

fn get_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_count", 0, 0)?;
    vm.new_tuple(&[int(0), int(0), int(0)])
}

fn get_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_threshold", 0, 0)?;
    let (x, y, z) = THRESHOLD.with(|t| t.get());
    vm.new_tuple(&[int(x), int(y), int(z)])
}

fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v) {
        Some(i) if !v.is_float() => Ok(i),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

fn set_threshold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "set_threshold() takes at least 1 argument (0 given)".to_string()
        } else {
            format!("set_threshold() takes at most 3 arguments ({n} given)")
        };
        return Err(vm.type_error(&msg));
    }
    let mut t = THRESHOLD.with(|t| t.get());
    t.0 = int_arg(vm, a.get(vm, 0))?;
    if n > 1 {
        t.1 = int_arg(vm, a.get(vm, 1))?;
    }
    if n > 2 {
        t.2 = int_arg(vm, a.get(vm, 2))?;
    }
    THRESHOLD.with(|c| c.set(t));
    Ok(Value::NONE)
}

fn get_debug(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_debug", 0, 0)?;
    Ok(int(DEBUG.with(|d| d.get())))
}

fn set_debug(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "set_debug", 1, 1)?;
    let f = int_arg(vm, a.get(vm, 0))?;
    DEBUG.with(|d| d.set(f));
    Ok(Value::NONE)
}

fn get_freeze_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_freeze_count", 0, 0)?;
    Ok(int(0))
}

fn get_stats(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "get_stats", 0, 0)?;
    let (runs, collected) = COLLECTIONS.with(|c| c.get());
    let mark = vm.temps_len();
    let r = (|| {
        for g in 0..3 {
            let d = vm.new_dict()?;
            let di = vm.push_temp(d);
            let (c, n) = if g == 2 { (runs, collected) } else { (0, 0) };
            vm.dict_set_str(vm.temp(di), "collections", int(c))?;
            vm.dict_set_str(vm.temp(di), "collected", int(n))?;
            vm.dict_set_str(vm.temp(di), "uncollectable", int(0))?;
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// Whether the collector would track `v` in CPython (atoms and dicts of
/// atoms are not tracked).
pub(super) fn tracked(vm: &mut Vm, v: Value) -> bool {
    match vm.kind_of(v) {
        None | Some(Kind::Str | Kind::BigInt | Kind::Complex | Kind::Range | Kind::Slice) => false,
        Some(Kind::Dict) => {
            let items: Vec<(Value, Value)> = vm.dict_mut(v).items(&vm.keys()).collect();
            items.iter().any(|&(k, x)| {
                let atom = |vm: &Vm, y: Value| {
                    matches!(vm.kind_of(y), None | Some(Kind::Str | Kind::BigInt))
                };
                !atom(vm, k) || !atom(vm, x)
            })
        }
        _ => true,
    }
}

fn is_tracked(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "is_tracked", 1, 1)?;
    Ok(Value::from_bool(tracked(vm, a.get(vm, 0))))
}

fn is_finalized(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "is_finalized", 1, 1)?;
    Ok(Value::FALSE)
}

/// `gc.get_referents(*objs)`: the objects each refers to directly.
fn get_referents(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mark = vm.temps_len();
    let r = referents_into(vm, &a, mark);
    vm.pop_temps(mark);
    r
}

fn referents_into(vm: &mut Vm, a: &Args, mark: usize) -> PyResult<Value> {
    for i in 0..a.npos(vm) {
        let o = a.get(vm, i);
        let refs: Vec<Value> = match vm.kind_of(o) {
            Some(Kind::List) => vm.list_vec(o).clone(),
            Some(Kind::Tuple) => vm.tuple_items(o).to_vec(),
            Some(Kind::Dict) => vm
                .dict_mut(o)
                .items(&vm.keys())
                .flat_map(|(k, v)| [k, v])
                .collect(),
            Some(Kind::Set) => vm.dict_mut(o).items(&vm.keys()).map(|p| p.0).collect(),
            Some(Kind::Instance) => vec![vm.field(o, 0), vm.class_of(o)],
            Some(Kind::Str | Kind::BigInt) | None => vec![],
            Some(_) => (0..vm.len_word(o)).map(|f| vm.field(o, f)).collect(),
        };
        let refs: Vec<Value> = refs.into_iter().filter(|v| !v.is_empty()).collect();
        vm.roots().temps.extend(refs);
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    vm.new_list(&items)
}

/// Calls each of `gc.callbacks` with `(phase, info)`.
fn run_callbacks(vm: &mut Vm, phase: &str, collected: i64) -> PyResult<()> {
    let m = vm.import_module("gc")?;
    let d = vm.field(m, 0);
    let Some(cbs) = vm.dict_get_str(d, "callbacks")? else {
        return Ok(());
    };
    if vm.kind_of(cbs) != Some(Kind::List) || vm.list_vec(cbs).is_empty() {
        return Ok(());
    }
    let mark = vm.temps_len();
    vm.push_temp(cbs);
    let r = (|| {
        let p = vm.new_str(phase)?;
        vm.push_temp(p);
        let info = vm.new_dict()?;
        let ii = vm.push_temp(info);
        vm.dict_set_str(vm.temp(ii), "generation", int(2))?;
        vm.dict_set_str(vm.temp(ii), "collected", int(collected))?;
        vm.dict_set_str(vm.temp(ii), "uncollectable", int(0))?;
        let mut i = 0;
        while let Some(&f) = vm.list_vec(vm.temp(mark)).get(i) {
            vm.call_value(f, &[vm.temp(mark + 1), vm.temp(ii)])?;
            i += 1;
        }
        Ok(())
    })();
    vm.pop_temps(mark);
    r
}

/// `gc.collect(generation=2)`: a full collection, then the finalizers it
/// queued; the number of objects finalized.
fn collect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "collect", &["generation"], 1, 0, Style::Clinic)?;
    if let Some(g) = opt(vm, p[0]) {
        let g = int_arg(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.raise_msg(TypeId::ValueError, "invalid generation"));
        }
    }
    run_callbacks(vm, "start", 0)?;
    vm.clear_dead_temps();
    vm.m.collect(CollectionKind::Major);
    vm.run_weakref_callbacks()?;
    let n = vm.with_generator_closing(|vm| vm.run_finalizers())? as i64;
    COLLECTIONS.with(|c| {
        let (runs, total) = c.get();
        c.set((runs + 1, total + n));
    });
    run_callbacks(vm, "stop", n)?;
    Ok(int(n))
}

impl Vm {
    /// The dispatch loop's periodic safe point: if the collector ran since
    /// the last call (an allocation triggered it), calls the callbacks of
    /// weak references whose referents died, forgets dead references, and
    /// runs the `__del__` methods it queued. Without this, weak references
    /// of a program that never calls `gc.collect()` would pile up in the
    /// registry (and `WeakSet` membership tests, which make a reference per
    /// test, would slow down without bound).
    pub(crate) fn after_collections(&mut self) -> PyResult<()> {
        let s = self.m.stats();
        let n = s.minor_collections + s.major_collections;
        if SEEN_COLLECTIONS.swap(n, Ordering::Relaxed) == n {
            return Ok(());
        }
        self.run_weakref_callbacks()?;
        if ANY_FINALIZER.load(Ordering::Relaxed) && self.m.pending_finalizers() > 0 {
            self.run_finalizers()?;
        }
        Ok(())
    }

    /// Registers the new instance at temp `oi` for `__del__` if its class
    /// has one, and runs finalizers a collection queued meanwhile.
    /// The `"__del__"` key `register_del` looks up (EMPTY before its first use).
    pub(crate) fn del_name_key(&self) -> Value {
        self.aux_global(DEL_NAME)
    }

    /// Whether `register_del` would run queued finalizers now.
    pub(crate) fn finalizers_pending(&self) -> bool {
        ANY_FINALIZER.load(Ordering::Relaxed) && self.m.pending_finalizers() > 0
    }

    pub(crate) fn register_del(&mut self, oi: usize) -> PyResult<()> {
        self.run_pending_finalizers()?;
        // The name is kept as a VM root: no allocation per instance.
        let mut key = self.aux_global(DEL_NAME);
        if key.is_empty() {
            key = self.new_str("__del__")?;
            self.set_aux_global(DEL_NAME, key);
        }
        let class = self.class_of(self.temp(oi));
        if self.lookup_type_key(class, key)?.is_some() {
            ANY_FINALIZER.store(true, Ordering::Relaxed);
            let o = self.temp(oi);
            if let Some(r) = o.heap_addr().and_then(ObjectRef::from_address) {
                // SAFETY: `o` was just read from a root.
                unsafe { self.m.register_finalizer(r) };
            }
        }
        Ok(())
    }

    /// Runs the weakref callbacks and finalizers a collection queued, if
    /// any object was ever registered for finalization.
    pub(crate) fn run_pending_finalizers(&mut self) -> PyResult<()> {
        if ANY_FINALIZER.load(Ordering::Relaxed) && self.m.pending_finalizers() > 0 {
            self.run_weakref_callbacks()?;
            self.run_finalizers()?;
        }
        Ok(())
    }

    /// Notes that an object was registered for finalization (so that the
    /// queue is looked at from now on).
    pub(crate) fn note_finalizer_registered(&self) {
        ANY_FINALIZER.store(true, Ordering::Relaxed);
    }

    /// Calls `__del__` on every object the collector queued (closes queued
    /// generators, `gen_finalize.rs`); returns how
    /// many ran. Exceptions are printed and ignored, as in CPython.
    pub fn run_finalizers(&mut self) -> PyResult<usize> {
        let mut n = 0;
        loop {
            let next = self
                .m
                .scope(|s| s.pop_finalizable().map(|h| s.get(h).object_ref().address()));
            let Some(addr) = next else { break };
            let Some(obj) = Value::from_heap_addr(addr) else {
                continue;
            };
            // Rooted before anything allocates (the scope's handle is gone).
            let oi = self.push_temp(obj);
            n += 1;
            if self.is_finalizable_generator(obj) {
                self.finalize_generator(oi)?;
                self.pop_temps(oi);
                continue;
            }
            let class = self.class_of(obj);
            let r = match self.lookup_type_attr(class, "__del__") {
                Ok(Some(m)) => self.call_value(m, &[self.temp(oi)]).map(|_| ()),
                Ok(None) => Ok(()),
                Err(e) => Err(e),
            };
            if r.is_err() {
                self.report_ignored(oi);
            }
            self.pop_temps(oi);
        }
        Ok(n)
    }

    /// Prints "Exception ignored in: <function C.__del__ ...>" and the
    /// traceback of the raised exception to stderr, and clears it.
    fn report_ignored(&mut self, oi: usize) {
        let exc = self.take_raised();
        let ei = self.push_temp(exc);
        let class = self.class_of(self.temp(oi));
        let what = match self.lookup_type_attr(class, "__del__") {
            Ok(Some(m)) => m,
            _ => Value::NONE,
        };
        self.take_raised();
        self.roots().raised = self.temp(ei);
        self.pop_temps(ei);
        self.report_ignored_value(what);
    }

    /// Prints "Exception ignored in: <repr of what>" and the raised
    /// exception's traceback to stderr, and clears the exception.
    pub(crate) fn report_ignored_value(&mut self, what: Value) {
        let exc = self.take_raised();
        let ei = self.push_temp(exc);
        let wi = self.push_temp(what);
        // A hook the program set on `sys` takes the report instead.
        match self.call_unraisable_hook(exc, what) {
            Ok(true) => {
                self.pop_temps(ei);
                return;
            }
            Ok(false) => {}
            Err(_) => {
                self.take_raised();
            }
        }
        let what = self.temp(wi);
        let what = self.repr_of(what).unwrap_or_default();
        self.take_raised();
        self.flush_out();
        let exc = self.temp(ei);
        let text = self.format_exception(exc);
        eprint!("Exception ignored in: {what}\n{text}");
        self.pop_temps(ei);
    }
}

impl Vm {
    /// Before `gc.collect()` collects: in every frame suspended at a call
    /// (the caller of `gc.collect()` and the Python callers below it), the
    /// registers above the call window are dead temporaries (the compiler
    /// allocates temporaries as a stack and a call window on its top), so
    /// they are cleared; otherwise a value computed by an earlier statement
    /// (`print(r() is t)` leaves `t` in a temporary) would outlive its last
    /// use and hide its death from weak references and `__del__`.
    pub(crate) fn clear_dead_temps(&mut self) {
        let roots = self.roots();
        for f in roots.frames.iter() {
            let Some(&(instr, _)) = f.decoded.get(f.last_pc) else {
                continue;
            };
            let end = match instr {
                pyvm_bytecode::Instruction::Call { base, argc, .. } => {
                    base.0 as usize + 1 + argc.0 as usize
                }
                pyvm_bytecode::Instruction::CallMethod { base, argc, .. } => {
                    base.0 as usize + 2 + argc.0 as usize
                }
                _ => continue,
            };
            let (from, to) = (f.base + end, f.base + f.code.nregs as usize);
            if from < to && to <= roots.stack.len() {
                roots.stack[from..to].fill(Value::EMPTY);
            }
        }
    }
}
