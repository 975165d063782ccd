//! `itertools`: the iterator building blocks, each a native type whose
//! state lives in the fields of a `Kind::Native` record (see
//! `native_types.rs`). The combinatoric ones are in `itertools_comb.rs`.

use pyvm_objmodel::Value;

use super::native_types::{NativeType, Style, bind, check_pos, export, index_arg, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::ops::BinOp;
use crate::runtime::types::TypeId;

/// The `itertools` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "itertools",
    functions: &[("tee", tee)],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for t in [
        &COUNT,
        &CYCLE,
        &REPEAT,
        &ACCUMULATE,
        &CHAIN,
        &COMPRESS,
        &DROPWHILE,
        &TAKEWHILE,
        &FILTERFALSE,
        &STARMAP,
        &ISLICE,
        &PAIRWISE,
        &ZIP_LONGEST,
        &GROUPBY,
        &GROUPER,
        &TEE,
        &super::itertools_comb::PRODUCT,
        &super::itertools_comb::PERMUTATIONS,
        &super::itertools_comb::COMBINATIONS,
        &super::itertools_comb::CWR,
    ] {
        export(vm, m, t)?;
    }
    Ok(())
}

const fn it_type(name: &'static str) -> NativeType {
    NativeType {
        module: "itertools",
        name,
        ..NativeType::EMPTY
    }
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// A new instance of `t` whose class is the one being called (`temps[cls]`).
pub(crate) fn make(
    vm: &mut Vm,
    t: &'static NativeType,
    cls: usize,
    state: &[Value],
) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.roots().temps.extend_from_slice(state);
    let st = vm.m.roots().temps[mark..].to_vec();
    let r = vm.new_native_of(t, vm.temp(cls), &st);
    vm.pop_temps(mark);
    r
}

/// Calls `f(x)` with `x` at temp `xi`.
fn call1(vm: &mut Vm, f: Value, x: Value) -> PyResult<Value> {
    vm.call_value(f, &[x])
}

// ---- count ----------------------------------------------------------------

/// `itertools.count(start=0, step=1)`: state [current, step].
pub(crate) static COUNT: NativeType = NativeType {
    new: Some(count_new),
    next: Some(count_next),
    repr: Some(count_repr),
    ..it_type("count")
};

fn is_number(vm: &Vm, v: Value) -> bool {
    v.is_int()
        || v.is_float()
        || v.is_bool()
        || matches!(vm.kind_of(v), Some(Kind::BigInt | Kind::Instance))
}

fn count_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "count", &["start", "step"], 2, 0, Style::Old)?;
    let start = opt(vm, p[0]).unwrap_or(int(0));
    let step = opt(vm, p[1]).unwrap_or(int(1));
    if !is_number(vm, start) || !is_number(vm, step) {
        return Err(vm.type_error("a number is required"));
    }
    make(vm, &COUNT, cls, &[start, step])
}

fn count_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let n = vm.binary_op(BinOp::Add, vm.st(s, 0), vm.st(s, 1))?;
    let old = vm.st(s, 0);
    vm.set_st(s, 0, n);
    Ok(Some(old))
}

fn count_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let name = vm.type_name(vm.temp(s));
    let c = vm.repr_of(vm.st(s, 0))?;
    let step = vm.st(s, 1);
    if step.as_int() == Some(1) {
        return Ok(format!("{name}({c})"));
    }
    let st = vm.repr_of(step)?;
    Ok(format!("{name}({c}, {st})"))
}

// ---- cycle ----------------------------------------------------------------

/// `itertools.cycle(iterable)`: state [iterator or None, saved list, index].
pub(crate) static CYCLE: NativeType = NativeType {
    new: Some(cycle_new),
    next: Some(cycle_next),
    ..it_type("cycle")
};

fn cycle_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "cycle", 1, 1)?;
    let it = vm.get_iter(a.get(vm, 0))?;
    let ii = vm.push_temp(it);
    let saved = vm.new_list(&[])?;
    let r = make(vm, &CYCLE, cls, &[vm.temp(ii), saved, int(0)]);
    vm.pop_temps(ii);
    r
}

fn cycle_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let it = vm.st(s, 0);
    if !it.is_none() {
        if let Some(x) = vm.iter_next(it)? {
            let saved = vm.st(s, 1);
            vm.list_vec(saved).push(x);
            // SAFETY: `saved` was read from a rooted object just now.
            unsafe { vm.barrier(saved) };
            return Ok(Some(x));
        }
        vm.set_st(s, 0, Value::NONE);
    }
    let saved = vm.st(s, 1);
    let n = vm.list_vec(saved).len();
    if n == 0 {
        return Ok(None);
    }
    let i = vm.st(s, 2).as_int().unwrap_or(0) as usize % n;
    let x = vm.list_vec(saved)[i];
    vm.set_st(s, 2, int(((i + 1) % n) as i64));
    Ok(Some(x))
}

// ---- repeat ---------------------------------------------------------------

/// `itertools.repeat(object[, times])`: state [object, remaining or -1].
pub(crate) static REPEAT: NativeType = NativeType {
    new: Some(repeat_new),
    next: Some(repeat_next),
    repr: Some(repeat_repr),
    methods: &[("__length_hint__", repeat_length_hint)],
    ..it_type("repeat")
};

fn repeat_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "repeat", &["object", "times"], 2, 1, Style::Old)?;
    let times = match opt(vm, p[1]) {
        None => -1,
        Some(t) => index_arg(vm, t)?.max(0),
    };
    let obj = vm.temp(p[0].unwrap_or(a.start));
    make(vm, &REPEAT, cls, &[obj, int(times)])
}

fn repeat_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let n = vm.st(s, 1).as_int().unwrap_or(0);
    if n == 0 {
        return Ok(None);
    }
    if n > 0 {
        vm.set_st(s, 1, int(n - 1));
    }
    Ok(Some(vm.st(s, 0)))
}

fn repeat_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let name = vm.type_name(vm.temp(s));
    let o = vm.repr_of(vm.st(s, 0))?;
    let n = vm.st(s, 1).as_int().unwrap_or(0);
    Ok(if n < 0 {
        format!("{name}({o})")
    } else {
        format!("{name}({o}, {n})")
    })
}

fn repeat_length_hint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__length_hint__", 1, 1)?;
    let n = vm.field(a.get(vm, 0), 2).as_int().unwrap_or(0);
    if n < 0 {
        return Err(vm.type_error("len() of unsized object"));
    }
    Ok(int(n))
}

// ---- accumulate -----------------------------------------------------------

/// `itertools.accumulate(iterable, func=None, *, initial=None)`: state
/// [iterator, func, total (EMPTY before the first), initial (EMPTY once used)].
pub(crate) static ACCUMULATE: NativeType = NativeType {
    new: Some(accumulate_new),
    next: Some(accumulate_next),
    ..it_type("accumulate")
};

fn accumulate_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "accumulate",
        &["iterable", "func", "initial"],
        2,
        1,
        Style::Clinic,
    )?;
    let it = vm.get_iter(vm.temp(p[0].unwrap_or(a.start)))?;
    let func = opt(vm, p[1]).unwrap_or(Value::NONE);
    let initial = match opt(vm, p[2]) {
        Some(v) if !v.is_none() => v,
        _ => Value::EMPTY,
    };
    make(vm, &ACCUMULATE, cls, &[it, func, Value::EMPTY, initial])
}

fn accumulate_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let initial = vm.st(s, 3);
    if !initial.is_empty() {
        vm.set_st(s, 2, initial);
        vm.set_st(s, 3, Value::EMPTY);
        return Ok(Some(initial));
    }
    let Some(x) = vm.iter_next(vm.st(s, 0))? else {
        return Ok(None);
    };
    let total = vm.st(s, 2);
    let new = if total.is_empty() {
        x
    } else if vm.st(s, 1).is_none() {
        vm.binary_op(BinOp::Add, total, x)?
    } else {
        vm.call_value(vm.st(s, 1), &[total, x])?
    };
    vm.set_st(s, 2, new);
    Ok(Some(new))
}

// ---- chain ----------------------------------------------------------------

/// `itertools.chain(*iterables)`: state [source iterator or None, active
/// iterator or None].
pub(crate) static CHAIN: NativeType = NativeType {
    new: Some(chain_new),
    next: Some(chain_next),
    class_methods: &[("from_iterable", chain_from_iterable)],
    ..it_type("chain")
};

fn chain_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let items: Vec<Value> = (0..a.npos(vm)).map(|i| a.get(vm, i)).collect();
    let t = vm.new_tuple(&items)?;
    let src = vm.get_iter(t)?;
    make(vm, &CHAIN, cls, &[src, Value::NONE])
}

fn chain_from_iterable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "from_iterable", 2, 2)?;
    let src = vm.get_iter(a.get(vm, 1))?;
    make(vm, &CHAIN, a.start, &[src, Value::NONE])
}

fn chain_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    loop {
        let active = vm.st(s, 1);
        if active.is_none() {
            let src = vm.st(s, 0);
            if src.is_none() {
                return Ok(None);
            }
            let Some(next) = vm.iter_next(src)? else {
                vm.set_st(s, 0, Value::NONE);
                return Ok(None);
            };
            let it = vm.get_iter(next)?;
            vm.set_st(s, 1, it);
            continue;
        }
        if let Some(x) = vm.iter_next(active)? {
            return Ok(Some(x));
        }
        vm.set_st(s, 1, Value::NONE);
    }
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap -----------------

/// `itertools.compress(data, selectors)`: state [data, selectors].
pub(crate) static COMPRESS: NativeType = NativeType {
    new: Some(compress_new),
    next: Some(compress_next),
    ..it_type("compress")
};

fn compress_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "compress",
        &["data", "selectors"],
        2,
        2,
        Style::Clinic,
    )?;
    let (d, sel) = (p[0].unwrap_or(0), p[1].unwrap_or(0));
    let di = vm.get_iter(vm.temp(d))?;
    let dt = vm.push_temp(di);
    let si = vm.get_iter(vm.temp(sel));
    let r = match si {
        Ok(si) => make(vm, &COMPRESS, cls, &[vm.temp(dt), si]),
        Err(e) => Err(e),
    };
    vm.pop_temps(dt);
    r
}

fn compress_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    loop {
        let Some(x) = vm.iter_next(vm.st(s, 0))? else {
            return Ok(None);
        };
        let xi = vm.push_temp(x);
        let r = (|| {
            let Some(sel) = vm.iter_next(vm.st(s, 1))? else {
                return Ok(None);
            };
            vm.truthy(sel).map(Some)
        })();
        let x = vm.temp(xi);
        vm.pop_temps(xi);
        match r? {
            None => return Ok(None),
            Some(true) => return Ok(Some(x)),
            Some(false) => {}
        }
    }
}

fn pred_new(vm: &mut Vm, cls: usize, a: Args, t: &'static NativeType) -> PyResult<Value> {
    check_pos(vm, &a, t.name, 2, 2)?;
    let it = vm.get_iter(a.get(vm, 1))?;
    make(vm, t, cls, &[a.get(vm, 0), it, Value::FALSE])
}

/// Calls the predicate (state 0) on `x` and returns its truth.
fn test(vm: &mut Vm, s: usize, x: Value) -> PyResult<bool> {
    let r = call1(vm, vm.st(s, 0), x)?;
    vm.truthy(r)
}

/// `itertools.dropwhile(predicate, iterable)`: state [pred, iterator, started].
pub(crate) static DROPWHILE: NativeType = NativeType {
    new: Some(|vm, cls, a| pred_new(vm, cls, a, &DROPWHILE)),
    next: Some(dropwhile_next),
    ..it_type("dropwhile")
};

fn dropwhile_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    loop {
        let Some(x) = vm.iter_next(vm.st(s, 1))? else {
            return Ok(None);
        };
        if vm.st(s, 2) == Value::TRUE {
            return Ok(Some(x));
        }
        let xi = vm.push_temp(x);
        let r = test(vm, s, x);
        let x = vm.temp(xi);
        vm.pop_temps(xi);
        if !r? {
            vm.set_st(s, 2, Value::TRUE);
            return Ok(Some(x));
        }
    }
}

/// `itertools.takewhile(predicate, iterable)`: state [pred, iterator, stopped].
pub(crate) static TAKEWHILE: NativeType = NativeType {
    new: Some(|vm, cls, a| pred_new(vm, cls, a, &TAKEWHILE)),
    next: Some(takewhile_next),
    ..it_type("takewhile")
};

fn takewhile_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    if vm.st(s, 2) == Value::TRUE {
        return Ok(None);
    }
    let Some(x) = vm.iter_next(vm.st(s, 1))? else {
        return Ok(None);
    };
    let xi = vm.push_temp(x);
    let r = test(vm, s, x);
    let x = vm.temp(xi);
    vm.pop_temps(xi);
    if r? {
        return Ok(Some(x));
    }
    vm.set_st(s, 2, Value::TRUE);
    Ok(None)
}

/// `itertools.filterfalse(function or None, iterable)`: state [func, iterator].
pub(crate) static FILTERFALSE: NativeType = NativeType {
    new: Some(|vm, cls, a| pred_new(vm, cls, a, &FILTERFALSE)),
    next: Some(filterfalse_next),
    ..it_type("filterfalse")
};

fn filterfalse_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    loop {
        let Some(x) = vm.iter_next(vm.st(s, 1))? else {
            return Ok(None);
        };
        let xi = vm.push_temp(x);
        let r = if vm.st(s, 0).is_none() {
            vm.truthy(x)
        } else {
            test(vm, s, x)
        };
        let x = vm.temp(xi);
        vm.pop_temps(xi);
        if !r? {
            return Ok(Some(x));
        }
    }
}

/// `itertools.starmap(function, iterable)`: state [func, iterator].
pub(crate) static STARMAP: NativeType = NativeType {
    new: Some(|vm, cls, a| pred_new(vm, cls, a, &STARMAP)),
    next: Some(starmap_next),
    ..it_type("starmap")
};

fn starmap_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let Some(args) = vm.iter_next(vm.st(s, 1))? else {
        return Ok(None);
    };
    let items = vm.collect_iterable(args)?;
    let f = vm.st(s, 0);
    vm.call_value(f, &items).map(Some)
}

// ---- islice ---------------------------------------------------------------

/// `itertools.islice(iterable, [start,] stop[, step])`: state [iterator or
/// None, next index to yield, stop (-1: none), step, items consumed].
pub(crate) static ISLICE: NativeType = NativeType {
    new: Some(islice_new),
    next: Some(islice_next),
    ..it_type("islice")
};

fn islice_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let n = check_pos(vm, &a, "islice", 2, 4)?;
    let limit = |vm: &mut Vm, v: Value, msg: &str| -> PyResult<i64> {
        if v.is_none() {
            return Ok(-1);
        }
        match vm.index_value(v) {
            Some(i) if i >= 0 && !v.is_float() => Ok(i),
            _ => Err(vm.raise_msg(TypeId::ValueError, msg)),
        }
    };
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, stop) = if n == 2 {
        (0, limit(vm, a.get(vm, 1), stop_msg)?)
    } else {
        let start = limit(
            vm,
            a.get(vm, 1),
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )?;
        (start, limit(vm, a.get(vm, 2), stop_msg)?)
    };
    if start < 0 {
        start = 0;
    }
    let mut step = 1;
    if n == 4 && !a.get(vm, 3).is_none() {
        step = match vm.index_value(a.get(vm, 3)) {
            Some(i) if i >= 1 => i,
            _ => {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    "Step for islice() must be a positive integer or None.",
                ));
            }
        };
    }
    let it = vm.get_iter(a.get(vm, 0))?;
    make(
        vm,
        &ISLICE,
        cls,
        &[it, int(start), int(stop), int(step), int(0)],
    )
}

fn islice_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let it = vm.st(s, 0);
    if it.is_none() {
        return Ok(None);
    }
    let g = |vm: &Vm, k| vm.st(s, k).as_int().unwrap_or(0);
    let (next, stop, step) = (g(vm, 1), g(vm, 2), g(vm, 3));
    while g(vm, 4) < next {
        if vm.iter_next(vm.st(s, 0))?.is_none() {
            vm.set_st(s, 0, Value::NONE);
            return Ok(None);
        }
        let c = g(vm, 4);
        vm.set_st(s, 4, int(c + 1));
    }
    if stop != -1 && g(vm, 4) >= stop {
        vm.set_st(s, 0, Value::NONE);
        return Ok(None);
    }
    let Some(x) = vm.iter_next(vm.st(s, 0))? else {
        vm.set_st(s, 0, Value::NONE);
        return Ok(None);
    };
    let c = g(vm, 4);
    vm.set_st(s, 4, int(c + 1));
    let mut nx = next.saturating_add(step);
    if stop != -1 && nx > stop {
        nx = stop;
    }
    vm.set_st(s, 1, int(nx));
    Ok(Some(x))
}

// ---- pairwise, zip_longest ------------------------------------------------

/// `itertools.pairwise(iterable)`: state [iterator or None, previous or EMPTY].
pub(crate) static PAIRWISE: NativeType = NativeType {
    new: Some(pairwise_new),
    next: Some(pairwise_next),
    ..it_type("pairwise")
};

fn pairwise_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "pairwise", 1, 1)?;
    let it = vm.get_iter(a.get(vm, 0))?;
    make(vm, &PAIRWISE, cls, &[it, Value::EMPTY])
}

fn pairwise_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    if vm.st(s, 0).is_none() {
        return Ok(None);
    }
    if vm.st(s, 1).is_empty() {
        let Some(x) = vm.iter_next(vm.st(s, 0))? else {
            vm.set_st(s, 0, Value::NONE);
            return Ok(None);
        };
        vm.set_st(s, 1, x);
    }
    let Some(new) = vm.iter_next(vm.st(s, 0))? else {
        vm.set_st(s, 0, Value::NONE);
        vm.set_st(s, 1, Value::EMPTY);
        return Ok(None);
    };
    let ni = vm.push_temp(new);
    let r = vm.new_tuple(&[vm.st(s, 1), new]);
    let new = vm.temp(ni);
    vm.pop_temps(ni);
    vm.set_st(s, 1, new);
    r.map(Some)
}

/// `itertools.zip_longest(*iterables, fillvalue=None)`: state [list of
/// iterators (None once exhausted), number still active, fillvalue].
pub(crate) static ZIP_LONGEST: NativeType = NativeType {
    new: Some(zip_longest_new),
    next: Some(zip_longest_next),
    ..it_type("zip_longest")
};

fn zip_longest_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let nkw = a.nkw(vm);
    let fill = a.kwarg(vm, "fillvalue");
    if nkw > 1 || (nkw == 1 && fill.is_none()) {
        return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
    }
    let n = a.npos(vm);
    let l = vm.new_list(&[])?;
    let li = vm.push_temp(l);
    for i in 0..n {
        let it = match vm.get_iter(a.get(vm, i)) {
            Ok(it) => it,
            Err(e) => {
                vm.pop_temps(li);
                return Err(e);
            }
        };
        let l = vm.temp(li);
        vm.list_vec(l).push(it);
        // SAFETY: `l` was just read from a root.
        unsafe { vm.barrier(l) };
    }
    let fill = a.kwarg(vm, "fillvalue").unwrap_or(Value::NONE);
    let r = make(vm, &ZIP_LONGEST, cls, &[vm.temp(li), int(n as i64), fill]);
    vm.pop_temps(li);
    r
}

fn zip_longest_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let n = vm.list_vec(vm.st(s, 0)).len();
    if n == 0 || vm.st(s, 1).as_int().unwrap_or(0) == 0 {
        return Ok(None);
    }
    let mark = vm.temps_len();
    let r = (|| {
        for i in 0..n {
            let it = vm.list_vec(vm.st(s, 0))[i];
            let x = if it.is_none() {
                vm.st(s, 2)
            } else {
                match vm.iter_next(it)? {
                    Some(x) => x,
                    None => {
                        let active = vm.st(s, 1).as_int().unwrap_or(0) - 1;
                        vm.set_st(s, 1, int(active));
                        if active == 0 {
                            return Ok(None);
                        }
                        vm.list_vec(vm.st(s, 0))[i] = Value::NONE;
                        vm.st(s, 2)
                    }
                }
            };
            vm.push_temp(x);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_tuple(&items).map(Some)
    })();
    vm.pop_temps(mark);
    r
}

// ---- groupby --------------------------------------------------------------

/// `itertools.groupby(iterable, key=None)`: state [iterator, key func,
/// target key, current key, current value, current grouper] (EMPTY: unset).
pub(crate) static GROUPBY: NativeType = NativeType {
    new: Some(groupby_new),
    next: Some(groupby_next),
    ..it_type("groupby")
};

/// The group iterators groupby hands out: state [parent, target key].
pub(crate) static GROUPER: NativeType = NativeType {
    next: Some(grouper_next),
    ..it_type("_grouper")
};

fn groupby_new(vm: &mut Vm, cls: usize, a: Args) -> PyResult<Value> {
    let p = bind(vm, &a, "groupby", &["iterable", "key"], 2, 1, Style::Old)?;
    let it = vm.get_iter(vm.temp(p[0].unwrap_or(a.start)))?;
    let key = opt(vm, p[1]).unwrap_or(Value::NONE);
    let e = Value::EMPTY;
    make(vm, &GROUPBY, cls, &[it, key, e, e, e, e])
}

/// Advances the groupby at temp `s`: false when the input is exhausted.
fn groupby_step(vm: &mut Vm, s: usize) -> PyResult<bool> {
    let Some(v) = vm.iter_next(vm.st(s, 0))? else {
        return Ok(false);
    };
    let vi = vm.push_temp(v);
    let key = if vm.st(s, 1).is_none() {
        Ok(v)
    } else {
        call1(vm, vm.st(s, 1), v)
    };
    let v = vm.temp(vi);
    vm.pop_temps(vi);
    let key = key?;
    vm.set_st(s, 4, v);
    vm.set_st(s, 3, key);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    vm.set_st(s, 5, Value::EMPTY);
    loop {
        let (tgt, cur) = (vm.st(s, 2), vm.st(s, 3));
        if !cur.is_empty() && (tgt.is_empty() || !vm.eq_values(tgt, cur)?) {
            break;
        }
        if !groupby_step(vm, s)? {
            return Ok(None);
        }
    }
    let cur = vm.st(s, 3);
    vm.set_st(s, 2, cur);
    let g = vm.new_native(&GROUPER, &[vm.temp(s), cur])?;
    vm.set_st(s, 5, g);
    let r = vm.new_tuple(&[vm.st(s, 3), g])?;
    Ok(Some(r))
}

fn grouper_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let parent = vm.st(s, 0);
    if vm.field(parent, 6) != vm.temp(s) {
        return Ok(None);
    }
    let pi = vm.push_temp(parent);
    let r = (|| {
        if vm.st(pi, 4).is_empty() && !groupby_step(vm, pi)? {
            return Ok(None);
        }
        if !vm.eq_values(vm.st(s, 1), vm.st(pi, 3))? {
            return Ok(None);
        }
        let v = vm.st(pi, 4);
        vm.set_st(pi, 4, Value::EMPTY);
        Ok(Some(v))
    })();
    vm.pop_temps(pi);
    r
}

// ---- tee ------------------------------------------------------------------

/// Values per link of a tee's shared buffer.
const TEE_LINK: i64 = 57;

/// One link of the buffer tee iterators share: state [source iterator,
/// values (a list of up to `TEE_LINK`), next link or None].
pub(crate) static TEE_DATA: NativeType = it_type("_tee_dataobject");

/// A tee iterator: state [buffer link, index in it].
pub(crate) static TEE: NativeType = NativeType {
    next: Some(tee_next),
    methods: &[("__copy__", tee_copy)],
    ..it_type("_tee")
};

fn tee_next(vm: &mut Vm, s: usize) -> PyResult<Option<Value>> {
    let mut idx = vm.st(s, 1).as_int().unwrap_or(0);
    if idx >= TEE_LINK {
        let data = vm.st(s, 0);
        let mut next = vm.field(data, 3);
        if next.is_none() {
            let l = vm.new_list(&[])?;
            let data = vm.st(s, 0);
            next = vm.new_native(&TEE_DATA, &[vm.field(data, 1), l, Value::NONE])?;
            let data = vm.st(s, 0);
            vm.set_field(data, 3, next);
        }
        vm.set_st(s, 0, next);
        idx = 0;
        vm.set_st(s, 1, int(0));
    }
    let data = vm.st(s, 0);
    let values = vm.field(data, 2);
    if let Some(&v) = vm.list_vec(values).get(idx as usize) {
        vm.set_st(s, 1, int(idx + 1));
        return Ok(Some(v));
    }
    let Some(v) = vm.iter_next(vm.field(data, 1))? else {
        return Ok(None);
    };
    let values = vm.field(vm.st(s, 0), 2);
    vm.list_vec(values).push(v);
    // SAFETY: `values` was just read from a rooted object.
    unsafe { vm.barrier(values) };
    vm.set_st(s, 1, int(idx + 1));
    Ok(Some(v))
}

fn tee_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "__copy__", 1, 1)?;
    let t = a.get(vm, 0);
    vm.new_native(&TEE, &[vm.field(t, 1), vm.field(t, 2)])
}

/// `itertools.tee(iterable, n=2)`.
fn tee(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_pos(vm, &a, "tee", 1, 2)?;
    let n = if nargs == 2 {
        index_arg(vm, a.get(vm, 1))?
    } else {
        2
    };
    if n < 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "n must be >= 0"));
    }
    if n == 0 {
        return vm.new_tuple(&[]);
    }
    let it = vm.get_iter(a.get(vm, 0))?;
    let mark = vm.temps_len();
    let r = (|| {
        let first = if super::native_types::is_instance(vm, it, &TEE) {
            it
        } else {
            let ii = vm.push_temp(it);
            let l = vm.new_list(&[])?;
            let data = vm.new_native(&TEE_DATA, &[vm.temp(ii), l, Value::NONE])?;
            vm.new_native(&TEE, &[data, int(0)])?
        };
        let fi = vm.push_temp(first);
        for _ in 1..n {
            let t = vm.temp(fi);
            let c = vm.new_native(&TEE, &[vm.field(t, 1), vm.field(t, 2)])?;
            vm.push_temp(c);
        }
        let items = vm.m.roots().temps[fi..].to_vec();
        vm.new_tuple(&items)
    })();
    vm.pop_temps(mark);
    r
}
