//! `_random`: the `Random` type (CPython's Mersenne Twister, from
//! `crate::mt19937`) that the stdlib's `random.Random` subclasses.
//!
//! `Random` objects are [`Kind::NativeState`] objects holding an
//! [`Mt19937`]; instances of user subclasses start without one and get a
//! generator seeded from the OS on first use (their `__init__` normally
//! seeds them first, as `random.Random.__init__` does).

use num_bigint::BigInt;
use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::mt19937::Mt19937;
use crate::runtime::builtins::{NativeTable, Place};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `_random` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_random",
    functions: &[],
    init: Some(init),
};

/// The constructor and methods of `_random.Random`.
pub(crate) const NATIVES: NativeTable = &[
    ("Random", Place::Constructor(TypeId::Random), random_new),
    ("random", Place::Method(TypeId::Random), random),
    ("seed", Place::Method(TypeId::Random), seed),
    ("getstate", Place::Method(TypeId::Random), getstate),
    ("setstate", Place::Method(TypeId::Random), setstate),
    ("getrandbits", Place::Method(TypeId::Random), getrandbits),
];

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let t = vm.ty(TypeId::Random);
    m.set(vm, "Random", t)
}

/// A generator seeded from the OS (`seed(None)`): 624 words from
/// `/dev/urandom`, else the time and process id.
fn os_seeded() -> Mt19937 {
    use std::io::Read;
    let mut buf = vec![0u8; 624 * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    let key: Vec<u32> = if ok {
        buf.chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        vec![
            t as u32,
            (t >> 32) as u32,
            (t >> 64) as u32,
            std::process::id(),
        ]
    };
    let mut mt = Mt19937::from_int_seed(&BigInt::from(0));
    mt.seed_words(&key);
    mt
}

/// The generator of the receiver (argument 0).
fn gen_of<'a>(vm: &'a mut Vm, a: &Args, name: &str) -> PyResult<&'a mut Mt19937> {
    let v = if a.n > 0 { a.get(vm, 0) } else { Value::EMPTY };
    if a.n > 0 && vm.native_state::<Mt19937>(v, os_seeded).is_some() {
        return Ok(vm.native_state::<Mt19937>(v, os_seeded).expect("checked"));
    }
    if a.n == 0 {
        return Err(vm.type_error(&format!("unbound method Random.{name}() needs an argument")));
    }
    let t = vm.type_name(v);
    Err(vm.type_error(&format!(
        "descriptor '{name}' for '_random.Random' objects doesn't apply to a '{t}' object"
    )))
}

/// Seeds `mt` from a Python value as `_random.Random.seed` does: None from
/// the OS, an int from its absolute value, anything else from its hash.
fn seed_from(vm: &mut Vm, arg: Option<Value>) -> PyResult<Mt19937> {
    let Some(x) = arg.filter(|x| !x.is_none()) else {
        return Ok(os_seeded());
    };
    if let Some(i) = vm.int_of(x) {
        return Ok(Mt19937::from_int_seed(&i));
    }
    let h = vm.hash_value(x)?;
    let mut mt = Mt19937::from_int_seed(&BigInt::from(0));
    mt.seed_hash(h);
    Ok(mt)
}

/// `_random.Random(x=None)`.
fn random_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let n = a.npos(vm);
    if n > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    let arg = (n == 1).then(|| a.get(vm, 0));
    let mt = seed_from(vm, arg)?;
    let class = vm.ty(TypeId::Random);
    vm.new_native_object(class, Some(Box::new(mt)))
}

fn no_args(vm: &mut Vm, a: &Args, name: &str) -> PyResult<()> {
    if a.n > 1 || a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!(
            "Random.{name}() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    Ok(())
}

/// `Random.random()`.
fn random(vm: &mut Vm, a: Args) -> PyResult<Value> {
    gen_of(vm, &a, "random")?;
    no_args(vm, &a, "random")?;
    Ok(Value::from_float(gen_of(vm, &a, "random")?.random()))
}

/// `Random.seed(n=None)`.
fn seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    gen_of(vm, &a, "seed")?;
    if a.nkw(vm) > 0 {
        return Err(vm.type_error("Random.seed() takes no keyword arguments"));
    }
    if a.n > 2 {
        return Err(vm.type_error(&format!(
            "seed expected at most 1 argument, got {}",
            a.n - 1
        )));
    }
    let arg = (a.n == 2).then(|| a.get(vm, 1));
    let mt = seed_from(vm, arg)?;
    *gen_of(vm, &a, "seed")? = mt;
    Ok(Value::NONE)
}

/// `Random.getstate()`: a tuple of 625 ints.
fn getstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_args(vm, &a, "getstate")?;
    let words = gen_of(vm, &a, "getstate")?.getstate();
    let mark = vm.temps_len();
    for w in words {
        let v = vm.new_i64(i64::from(w));
        match v {
            Ok(v) => {
                vm.push_temp(v);
            }
            Err(e) => {
                vm.pop_temps(mark);
                return Err(e);
            }
        }
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let t = vm.new_tuple(&items);
    vm.pop_temps(mark);
    t
}

/// `Random.setstate(state)`.
fn setstate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    gen_of(vm, &a, "setstate")?;
    if a.n != 2 {
        return Err(vm.type_error(&format!(
            "Random.setstate() takes exactly one argument ({} given)",
            a.n - 1
        )));
    }
    let st = a.get(vm, 1);
    if vm.kind_of(st) != Some(Kind::Tuple) {
        return Err(vm.type_error("state vector must be a tuple"));
    }
    let items = vm.tuple_items(st).to_vec();
    let mut words = Vec::with_capacity(items.len());
    for x in items {
        match vm.int_of(x) {
            Some(i) => words.push(i),
            None => {
                let t = vm.type_name(x);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    let r = gen_of(vm, &a, "setstate")?.setstate(&words);
    r.map_err(|e| vm.raise_pyerror(e))?;
    Ok(Value::NONE)
}

/// `Random.getrandbits(k)`.
fn getrandbits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    gen_of(vm, &a, "getrandbits")?;
    if a.n != 2 || a.nkw(vm) > 0 {
        return Err(vm.type_error(&format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            a.n.saturating_sub(1)
        )));
    }
    let k = vm.index_isize(a.get(vm, 1))?;
    let r = gen_of(vm, &a, "getrandbits")?.getrandbits(k);
    let i = r.map_err(|e| vm.raise_pyerror(e))?;
    vm.new_int(i)
}
