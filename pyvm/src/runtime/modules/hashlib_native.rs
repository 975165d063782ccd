//! `_hashlib`: what `hashlib` and `hmac` take from CPython's OpenSSL
//! module, on the same RustCrypto hashes as `_md5`/`_sha*` (`hashes.rs`).
//!
//! With it, `hashlib.new`, `hashlib.sha256`... are this module's
//! constructors (CPython's `openssl_*` names), and `hashlib.pbkdf2_hmac` and
//! `hmac.digest` exist, computed here. `hmac.new()` objects stay the
//! pure-Python HMAC of `hmac.py` (`hmac_new` declines with
//! `UnsupportedDigestmodError`, which `hmac.py` answers by falling back),
//! and there is no `scrypt`.

use pyvm_objmodel::Value;

use super::hashes::{HashState, construct, data_arg, sizes};
use super::native_types::{Style, bind, opt};
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The `_hashlib` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_hashlib",
    functions: &[
        ("new", new),
        ("openssl_md5", |vm, a| construct(vm, a, "md5")),
        ("openssl_sha1", |vm, a| construct(vm, a, "sha1")),
        ("openssl_sha224", |vm, a| construct(vm, a, "sha224")),
        ("openssl_sha256", |vm, a| construct(vm, a, "sha256")),
        ("openssl_sha384", |vm, a| construct(vm, a, "sha384")),
        ("openssl_sha512", |vm, a| construct(vm, a, "sha512")),
        ("openssl_sha3_224", |vm, a| construct(vm, a, "sha3_224")),
        ("openssl_sha3_256", |vm, a| construct(vm, a, "sha3_256")),
        ("openssl_sha3_384", |vm, a| construct(vm, a, "sha3_384")),
        ("openssl_sha3_512", |vm, a| construct(vm, a, "sha3_512")),
        ("openssl_shake_128", |vm, a| construct(vm, a, "shake_128")),
        ("openssl_shake_256", |vm, a| construct(vm, a, "shake_256")),
        ("pbkdf2_hmac", pbkdf2_hmac),
        ("hmac_digest", hmac_digest),
        ("hmac_new", hmac_new),
        ("compare_digest", super::operator::compare_digest),
        ("get_fips_mode", |_vm, _a| {
            Ok(Value::from_int(0).unwrap_or(Value::NONE))
        }),
    ],
    init: Some(init),
};

/// Algorithms `new` and the HMAC functions know (OpenSSL's names for them).
const NAMES: &[&str] = &[
    "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3_224",
    "sha3_256",
    "sha3_384",
    "sha3_512",
    "shake_128",
    "shake_256",
    "blake2b",
    "blake2s",
];

/// Auxiliary root: `UnsupportedDigestmodError`.
const UNSUPPORTED: usize = 41;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let e = super::binascii::exception_class(
        vm,
        "UnsupportedDigestmodError",
        "_hashlib",
        TypeId::ValueError,
    )?;
    vm.set_aux_global(UNSUPPORTED, e);
    m.set(vm, "UnsupportedDigestmodError", e)?;
    let names = vm.new_set_like(true)?;
    let ni = vm.push_temp(names);
    for n in NAMES {
        let s = vm.new_str(n)?;
        vm.set_add_value(vm.temp(ni), s)?;
    }
    let names = vm.temp(ni);
    vm.pop_temps(ni);
    m.set(vm, "openssl_md_meth_names", names)
}

/// The algorithm named by `v` (a str, any case), if known.
fn algorithm(vm: &Vm, v: Value) -> Option<&'static str> {
    if !vm.is_str(v) {
        return None;
    }
    let name = String::from_utf8_lossy(vm.str_bytes(v)).to_ascii_lowercase();
    NAMES.iter().copied().find(|n| *n == name)
}

/// OpenSSL's refusal of an algorithm it does not know, as CPython words it
/// (`hashlib.new` then tries its builtin constructors and raises
/// "unsupported hash type NAME").
fn unsupported(vm: &mut Vm) -> crate::runtime::exception::Raised {
    decline(vm, "[digital envelope routines] unsupported")
}

/// `new(name, data=b'', *, usedforsecurity=True, string=None)`.
fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "new",
        &["name", "data", "usedforsecurity", "string"],
        2,
        1,
        Style::Clinic,
    )?;
    let name = opt(vm, p[0]).unwrap_or(Value::NONE);
    if !vm.is_str(name) {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("new() argument 'name' must be str, not {t}")));
    }
    let Some(algo) = algorithm(vm, name) else {
        return Err(unsupported(vm));
    };
    let data = match opt(vm, p[1]).or_else(|| opt(vm, p[3])) {
        Some(d) => data_arg(vm, d)?,
        None => Vec::new(),
    };
    let size = sizes(algo).0;
    let mut state = HashState::new(algo, size, [&[], &[], &[]]);
    state.update(&data);
    let n = vm.new_str(algo)?;
    let size = Value::from_int(size as i64).unwrap_or(Value::NONE);
    vm.new_native_cell(super::hashes::type_of(algo), &[n, size], Box::new(state))
}

/// HMAC with a fixed-size digest: the keyed inner and outer states, cloned
/// for each message (PBKDF2 runs many).
struct Hmac {
    inner: HashState,
    outer: HashState,
    size: usize,
}

impl Hmac {
    /// `None` for algorithms without a fixed digest size (shake) or a
    /// block size HMAC can use (blake2 keys itself).
    fn new(algo: &str, key: &[u8]) -> Option<Hmac> {
        if algo.starts_with("shake") || algo.starts_with("blake2") {
            return None;
        }
        let (size, block) = sizes(algo);
        let fresh = || HashState::new(algo, size, [&[], &[], &[]]);
        let mut k = if key.len() > block {
            let mut h = fresh();
            h.update(key);
            h.finish(size)
        } else {
            key.to_vec()
        };
        k.resize(block, 0);
        let mut inner = fresh();
        inner.update(&k.iter().map(|b| b ^ 0x36).collect::<Vec<u8>>());
        let mut outer = fresh();
        outer.update(&k.iter().map(|b| b ^ 0x5c).collect::<Vec<u8>>());
        Some(Hmac { inner, outer, size })
    }

    fn mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        let mut i = self.inner.clone();
        for p in parts {
            i.update(p);
        }
        let mut o = self.outer.clone();
        o.update(&i.finish(self.size));
        o.finish(self.size)
    }
}

/// `pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None)`
/// (RFC 8018, section 5.2).
fn pbkdf2_hmac(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "pbkdf2_hmac",
        &["hash_name", "password", "salt", "iterations", "dklen"],
        5,
        4,
        Style::Clinic,
    )?;
    let [name, password, salt, iterations] =
        [0, 1, 2, 3].map(|i| opt(vm, p[i]).unwrap_or(Value::NONE));
    if !vm.is_str(name) {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!(
            "pbkdf2_hmac() argument 'hash_name' must be str, not {t}"
        )));
    }
    let password = buffer_arg(vm, password)?;
    let salt = buffer_arg(vm, salt)?;
    let iterations = int_arg(vm, iterations)?;
    if iterations < 1 {
        return Err(vm.raise_msg(
            TypeId::ValueError,
            "iteration value must be greater than 0.",
        ));
    }
    if iterations > i64::from(i32::MAX) {
        return Err(vm.raise_msg(TypeId::OverflowError, "iteration value is too great."));
    }
    let algo = algorithm(vm, name);
    let hmac = algo.and_then(|algo| Hmac::new(algo, &password));
    let Some(hmac) = hmac else {
        return Err(unsupported(vm));
    };
    let dklen = match opt(vm, p[4]).filter(|v| !v.is_none()) {
        Some(v) => {
            let n = int_arg(vm, v)?;
            if n < 1 {
                return Err(vm.raise_msg(TypeId::ValueError, "key length must be greater than 0."));
            }
            if n > i64::from(i32::MAX) {
                return Err(vm.raise_msg(TypeId::OverflowError, "key length is too great."));
            }
            n as usize
        }
        None => hmac.size,
    };
    let mut out = Vec::with_capacity(dklen + hmac.size);
    let mut block: u32 = 1;
    while out.len() < dklen {
        let mut u = hmac.mac(&[&salt, &block.to_be_bytes()]);
        let mut t = u.clone();
        for _ in 1..iterations {
            u = hmac.mac(&[&u]);
            t.iter_mut().zip(&u).for_each(|(t, u)| *t ^= u);
        }
        out.extend_from_slice(&t);
        block = block.wrapping_add(1);
    }
    out.truncate(dklen);
    vm.new_bytes(&out)
}

/// A bytes-like argument (CPython's message for anything else).
fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.buffer_copy(v)? {
        Some(b) if !vm.is_str(v) => Ok(b),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// An int argument (`__index__`), CPython's TypeError otherwise.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v).filter(|_| !v.is_float()) {
        Some(n) => Ok(n),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `UnsupportedDigestmodError(msg)`, raised.
fn decline(vm: &mut Vm, msg: &str) -> crate::runtime::exception::Raised {
    let class = vm.aux_global(UNSUPPORTED);
    match vm.new_str(msg) {
        Ok(s) => match vm.call_value(class, &[s]) {
            Ok(e) => vm.raise_value(e),
            Err(r) => r,
        },
        Err(r) => r,
    }
}

/// `hmac_digest(key, msg, digest)`: one-shot HMAC for a digest named by a
/// str; other digests are declined (hmac.py then computes it itself).
fn hmac_digest(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind(
        vm,
        &a,
        "hmac_digest",
        &["key", "msg", "digest"],
        3,
        3,
        Style::Clinic,
    )?;
    let [key, msg, digest] = [0, 1, 2].map(|i| opt(vm, p[i]).unwrap_or(Value::NONE));
    let key = buffer_arg(vm, key)?;
    let msg = buffer_arg(vm, msg)?;
    let algo = algorithm(vm, digest);
    match algo.and_then(|algo| Hmac::new(algo, &key)) {
        Some(h) => vm.new_bytes(&h.mac(&[&msg])),
        None => Err(unsupported(vm)),
    }
}

/// `hmac_new(key, msg=b'', digestmod=None)`: declined, so that `hmac.HMAC`
/// uses its Python implementation over this module's hash objects.
fn hmac_new(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Err(unsupported(vm))
}
