//! The hash modules `hashlib` falls back to without OpenSSL: `_md5`,
//! `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2`, on the RustCrypto
//! crates.
//!
//! A hash object's running state is a [`HashState`] kept off the heap
//! (`Vm::new_native_cell`), its heap fields its name and digest size.
//! `blake2b`/`blake2s` take `digest_size`, `key`, `salt` and `person`; the
//! tree parameters are not accepted.

use digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use digest::{Digest, ExtendableOutput, Update, XofReader};
use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::{NativeType, Style, bind, check_pos, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// Digest size and block size of each algorithm.
pub(super) fn sizes(name: &str) -> (usize, usize) {
    match name {
        "md5" => (16, 64),
        "sha1" => (20, 64),
        "sha224" => (28, 64),
        "sha256" => (32, 64),
        "sha384" => (48, 128),
        "sha512" => (64, 128),
        "sha3_224" => (28, 144),
        "sha3_256" => (32, 136),
        "sha3_384" => (48, 104),
        "sha3_512" => (64, 72),
        "shake_128" => (0, 168),
        "shake_256" => (0, 136),
        "blake2b" => (64, 128),
        _ => (32, 64),
    }
}

/// The running state of a hash object (Rust state off the heap, see
/// `Vm::new_native_cell`; it holds no heap references).
#[derive(Clone)]
pub(super) enum HashState {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2b),
    Blake2s(Blake2s),
}

macro_rules! blake2_impl {
    ($name:ident, $core:ty, $block:expr) => {
        /// A blake2 core with its block buffer (the crate's parameter block
        /// gives key, salt and person, which its plain hashers do not take).
        #[derive(Clone)]
        pub(super) struct $name {
            core: $core,
            buffer: Buffer<$core>,
        }

        impl $name {
            /// A hasher of `size` bytes with key, salt and person (lengths
            /// already checked): the key is hashed as a first, zero-padded
            /// block, as the BLAKE2 specification says.
            fn new(size: usize, key: &[u8], salt: &[u8], person: &[u8]) -> Self {
                let mut h = $name {
                    core: <$core>::new_with_params(salt, person, key.len(), size),
                    buffer: Buffer::<$core>::default(),
                };
                if !key.is_empty() {
                    let mut block = [0u8; $block];
                    block[..key.len()].copy_from_slice(key);
                    h.update(&block);
                }
                h
            }

            fn update(&mut self, data: &[u8]) {
                let core = &mut self.core;
                self.buffer.digest_blocks(data, |b| core.update_blocks(b));
            }

            fn finish(&self, size: usize) -> Vec<u8> {
                let mut h = self.clone();
                let mut full = digest::Output::<$core>::default();
                h.core.finalize_variable_core(&mut h.buffer, &mut full);
                full[..size.min(full.len())].to_vec()
            }
        }
    };
}

blake2_impl!(Blake2b, blake2::Blake2bVarCore, 128);
blake2_impl!(Blake2s, blake2::Blake2sVarCore, 64);

fn fixed<D: Digest + Clone>(h: &D) -> Vec<u8> {
    h.clone().finalize().to_vec()
}

fn xof<X: ExtendableOutput + Clone>(h: &X, n: usize) -> Vec<u8> {
    let mut out = vec![0u8; n];
    h.clone().finalize_xof().read(&mut out);
    out
}

impl HashState {
    /// A fresh state for algorithm `name` (`size`: blake2 digest size;
    /// key, salt and person for blake2).
    pub(super) fn new(name: &str, size: usize, blake: [&[u8]; 3]) -> HashState {
        let [key, salt, person] = blake;
        match name {
            "md5" => HashState::Md5(Default::default()),
            "sha1" => HashState::Sha1(Default::default()),
            "sha224" => HashState::Sha224(Default::default()),
            "sha256" => HashState::Sha256(Default::default()),
            "sha384" => HashState::Sha384(Default::default()),
            "sha512" => HashState::Sha512(Default::default()),
            "sha3_224" => HashState::Sha3_224(Default::default()),
            "sha3_256" => HashState::Sha3_256(Default::default()),
            "sha3_384" => HashState::Sha3_384(Default::default()),
            "sha3_512" => HashState::Sha3_512(Default::default()),
            "shake_128" => HashState::Shake128(Default::default()),
            "shake_256" => HashState::Shake256(Default::default()),
            "blake2b" => HashState::Blake2b(Blake2b::new(size, key, salt, person)),
            _ => HashState::Blake2s(Blake2s::new(size, key, salt, person)),
        }
    }

    pub(super) fn update(&mut self, data: &[u8]) {
        match self {
            HashState::Md5(h) => Update::update(h, data),
            HashState::Sha1(h) => Update::update(h, data),
            HashState::Sha224(h) => Update::update(h, data),
            HashState::Sha256(h) => Update::update(h, data),
            HashState::Sha384(h) => Update::update(h, data),
            HashState::Sha512(h) => Update::update(h, data),
            HashState::Sha3_224(h) => Update::update(h, data),
            HashState::Sha3_256(h) => Update::update(h, data),
            HashState::Sha3_384(h) => Update::update(h, data),
            HashState::Sha3_512(h) => Update::update(h, data),
            HashState::Shake128(h) => Update::update(h, data),
            HashState::Shake256(h) => Update::update(h, data),
            HashState::Blake2b(h) => h.update(data),
            HashState::Blake2s(h) => h.update(data),
        }
    }

    /// The digest so far (`size`: blake2 digest size or shake length); the
    /// state goes on.
    pub(super) fn finish(&self, size: usize) -> Vec<u8> {
        match self {
            HashState::Md5(h) => fixed(h),
            HashState::Sha1(h) => fixed(h),
            HashState::Sha224(h) => fixed(h),
            HashState::Sha256(h) => fixed(h),
            HashState::Sha384(h) => fixed(h),
            HashState::Sha512(h) => fixed(h),
            HashState::Sha3_224(h) => fixed(h),
            HashState::Sha3_256(h) => fixed(h),
            HashState::Sha3_384(h) => fixed(h),
            HashState::Sha3_512(h) => fixed(h),
            HashState::Shake128(h) => xof(h, size),
            HashState::Shake256(h) => xof(h, size),
            HashState::Blake2b(h) => h.finish(size),
            HashState::Blake2s(h) => h.finish(size),
        }
    }
}

macro_rules! hash_types {
    ($($stat:ident, $module:literal, $name:literal;)*) => {
        $(
            /// A hash object type.
            pub(crate) static $stat: NativeType = NativeType {
                module: $module,
                name: $name,
                repr: Some(hash_repr),
                getattr: Some(hash_attr),
                methods: &[
                    ("update", |vm, a| hash_update(vm, a, &$stat)),
                    ("digest", |vm, a| hash_digest(vm, a, &$stat)),
                    ("hexdigest", |vm, a| hash_hexdigest(vm, a, &$stat)),
                    ("copy", |vm, a| hash_copy(vm, a, &$stat)),
                ],
                ..NativeType::EMPTY
            };
        )*
    };
}

hash_types! {
    MD5, "_md5", "md5";
    SHA1, "_sha1", "sha1";
    SHA224, "_sha256", "sha224";
    SHA256, "_sha256", "sha256";
    SHA384, "_sha512", "sha384";
    SHA512, "_sha512", "sha512";
    SHA3_224, "_sha3", "sha3_224";
    SHA3_256, "_sha3", "sha3_256";
    SHA3_384, "_sha3", "sha3_384";
    SHA3_512, "_sha3", "sha3_512";
    SHAKE_128, "_sha3", "shake_128";
    SHAKE_256, "_sha3", "shake_256";
    BLAKE2B, "_blake2", "blake2b";
    BLAKE2S, "_blake2", "blake2s";
}

/// The type of each algorithm.
pub(super) fn type_of(name: &str) -> &'static NativeType {
    match name {
        "md5" => &MD5,
        "sha1" => &SHA1,
        "sha224" => &SHA224,
        "sha256" => &SHA256,
        "sha384" => &SHA384,
        "sha512" => &SHA512,
        "sha3_224" => &SHA3_224,
        "sha3_256" => &SHA3_256,
        "sha3_384" => &SHA3_384,
        "sha3_512" => &SHA3_512,
        "shake_128" => &SHAKE_128,
        "shake_256" => &SHAKE_256,
        "blake2b" => &BLAKE2B,
        _ => &BLAKE2S,
    }
}

macro_rules! hash_modules {
    ($($stat:ident, $module:literal, [$($f:literal),*];)*) => {
        $(
            /// A hash module.
            pub(crate) const $stat: NativeModule = NativeModule {
                name: $module,
                // The constructors are functions; the types are reached
                // through `type(h)` (their names would shadow them).
                functions: &[$(($f, |vm, a| construct(vm, a, $f))),*],
                init: None,
            };
        )*
    };
}

hash_modules! {
    MD5_MODULE, "_md5", ["md5"];
    SHA1_MODULE, "_sha1", ["sha1"];
    SHA256_MODULE, "_sha256", ["sha224", "sha256"];
    SHA512_MODULE, "_sha512", ["sha384", "sha512"];
    SHA3_MODULE, "_sha3", ["sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"];
    BLAKE2_MODULE, "_blake2", ["blake2b", "blake2s"];
}

/// The bytes of a data argument (str is refused as CPython does).
pub(super) fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is_str(v) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

/// `md5(string=b'', *, usedforsecurity=True)` and the others.
pub(super) fn construct(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let blake = name.starts_with("blake2");
    let mut size = sizes(name).0;
    let mut params: Vec<Vec<u8>> = Vec::new();
    let data = if blake {
        let p = bind(
            vm,
            &a,
            name,
            &[
                "data",
                "digest_size",
                "key",
                "salt",
                "person",
                "usedforsecurity",
            ],
            1,
            0,
            Style::Clinic,
        )?;
        let max = sizes(name).0;
        for (k, what) in [(2, "key"), (3, "salt"), (4, "person")] {
            let b = match opt(vm, p[k]) {
                Some(v) => data_arg(vm, v)?,
                None => Vec::new(),
            };
            let limit = if k == 2 { max } else { max / 4 };
            if b.len() > limit {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    &format!("maximum {what} length is {limit} bytes"),
                ));
            }
            params.push(b);
        }
        if let Some(d) = opt(vm, p[1]) {
            let max = sizes(name).0 as i64;
            let n = vm.index_value(d).unwrap_or(0);
            if n < 1 || n > max {
                return Err(vm.raise_msg(
                    TypeId::ValueError,
                    &format!("digest_size must be between 1 and {max} bytes"),
                ));
            }
            size = n as usize;
        }
        opt(vm, p[0])
    } else {
        let p = bind(
            vm,
            &a,
            name,
            &["string", "usedforsecurity"],
            1,
            0,
            Style::Clinic,
        )?;
        opt(vm, p[0])
    };
    let bytes = match data {
        Some(d) => data_arg(vm, d)?,
        None => Vec::new(),
    };
    let blake = [0, 1, 2].map(|i| params.get(i).map_or(&[][..], |b| b.as_slice()));
    let mut state = HashState::new(name, size, blake);
    state.update(&bytes);
    let n = vm.new_str(name)?;
    let size = Value::from_int(size as i64).unwrap_or(Value::NONE);
    vm.new_native_cell(type_of(name), &[n, size], Box::new(state))
}

/// The hash object at argument 0, of type `t` (a method called through
/// the type with another object raises TypeError).
fn receiver(vm: &mut Vm, a: &Args, method: &str, t: &'static NativeType) -> PyResult<Value> {
    let h = a.get(vm, 0);
    if super::native_types::is_instance(vm, h, t) && vm.native_rust::<HashState>(h).is_some() {
        return Ok(h);
    }
    let tn = vm.type_name(h);
    Err(vm.type_error(&format!(
        "descriptor '{method}' for '{}.{}' objects doesn't apply to a '{tn}' object",
        t.module, t.name
    )))
}

fn hash_name(vm: &Vm, h: Value) -> String {
    vm.str_text(vm.field(h, 1)).into_owned()
}

fn hash_repr(vm: &mut Vm, s: usize) -> PyResult<String> {
    let h = vm.temp(s);
    let t = super::native_types::def_of(vm, h);
    Ok(format!(
        "<{}.{} object at {:#x}>",
        t.module,
        t.name,
        vm.id_of(h)
    ))
}

fn hash_attr(vm: &mut Vm, s: usize, name: &str) -> PyResult<Option<Value>> {
    let algo = hash_name(vm, vm.temp(s));
    Ok(match name {
        "name" => Some(vm.st(s, 0)),
        "digest_size" => Some(vm.st(s, 1)),
        "block_size" => Some(Value::from_int(sizes(&algo).1 as i64).unwrap_or(Value::NONE)),
        _ => None,
    })
}

fn hash_update(vm: &mut Vm, a: Args, t: &'static NativeType) -> PyResult<Value> {
    check_pos(vm, &a, "update", 2, 2)?;
    receiver(vm, &a, "update", t)?;
    let data = data_arg(vm, a.get(vm, 1))?;
    if let Some(h) = vm.native_rust::<HashState>(a.get(vm, 0)) {
        h.update(&data);
    }
    Ok(Value::NONE)
}

/// The digest, with the shake length argument when the algorithm needs one.
fn digest_bytes(vm: &mut Vm, a: &Args, fname: &str, t: &'static NativeType) -> PyResult<Vec<u8>> {
    let h = receiver(vm, a, fname, t)?;
    let algo = hash_name(vm, h);
    let size = if algo.starts_with("shake") {
        if a.n == 1 && a.nkw(vm) == 0 {
            return Err(vm.type_error(&format!(
                "{algo}.{fname}() takes exactly one argument (0 given)"
            )));
        }
        let p = bind(
            vm,
            &Args {
                start: a.start + 1,
                n: a.n - 1,
                kw: a.kw,
            },
            fname,
            &["length"],
            1,
            1,
            Style::Clinic,
        )?;
        let l = opt(vm, p[0]).unwrap_or(Value::NONE);
        match vm.index_value(l) {
            Some(n) if n >= 0 => n as usize,
            _ => return Err(vm.raise_msg(TypeId::ValueError, "length must be non-negative")),
        }
    } else {
        check_pos(vm, a, fname, 1, 1)?;
        vm.field(h, 2).as_int().unwrap_or(0) as usize
    };
    let h = a.get(vm, 0);
    Ok(vm
        .native_rust::<HashState>(h)
        .map(|s| s.finish(size))
        .unwrap_or_default())
}

fn hash_digest(vm: &mut Vm, a: Args, t: &'static NativeType) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "digest", t)?;
    vm.new_bytes(&d)
}

fn hash_hexdigest(vm: &mut Vm, a: Args, t: &'static NativeType) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "hexdigest", t)?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    vm.new_str(&hex)
}

fn hash_copy(vm: &mut Vm, a: Args, t: &'static NativeType) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    let h = receiver(vm, &a, "copy", t)?;
    let algo = hash_name(vm, h);
    let Some(state) = vm.native_rust::<HashState>(h).map(|s| s.clone()) else {
        return Err(vm.type_error("copy of an uninitialized hash object"));
    };
    let fields = [vm.field(h, 1), vm.field(h, 2)];
    vm.new_native_cell(type_of(&algo), &fields, Box::new(state))
}
