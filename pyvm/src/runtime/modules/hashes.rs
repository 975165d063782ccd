//! The hash modules `hashlib` falls back to without OpenSSL: `_md5`,
//! `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2`, on the RustCrypto
//! crates.
//!
//! A hash object keeps the bytes fed to it (a bytearray in its state) and
//! hashes them when asked for a digest: simple and safe under a moving
//! collector (no hasher state outside the heap), at the cost of keeping the
//! input. `blake2b`/`blake2s` take `digest_size`; their `key`, `salt`,
//! `person` and tree parameters raise NotImplementedError.

use digest::{Digest, ExtendableOutput, Update, XofReader};
use pyvm_objmodel::Value;

use super::NativeModule;
use super::native_types::{NativeType, Style, bind, check_pos, opt};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// Digest size and block size of each algorithm.
fn sizes(name: &str) -> (usize, usize) {
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

fn hash_of<D: Digest>(data: &[u8]) -> Vec<u8> {
    D::digest(data).to_vec()
}

fn shake<X: Default + Update + ExtendableOutput>(data: &[u8], n: usize) -> Vec<u8> {
    let mut h = X::default();
    h.update(data);
    let mut out = vec![0u8; n];
    h.finalize_xof().read(&mut out);
    out
}

/// A blake2 digest with key, salt and person (`params`, see
/// [`split_params`]; lengths already checked): the key is hashed as a
/// first, zero-padded block, as the BLAKE2 specification says.
macro_rules! blake2_params {
    ($core:ty, $block:expr, $params:expr, $size:expr, $data:expr) => {{
        use digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
        let [key, salt, person] = split_params($params);
        let mut core = <$core>::new_with_params(salt, person, key.len(), $size);
        let mut buffer = Buffer::<$core>::default();
        if !key.is_empty() {
            let mut block = [0u8; $block];
            block[..key.len()].copy_from_slice(key);
            buffer.digest_blocks(&block, |b| core.update_blocks(b));
        }
        buffer.digest_blocks($data, |b| core.update_blocks(b));
        let mut full = digest::Output::<$core>::default();
        core.finalize_variable_core(&mut buffer, &mut full);
        full[..$size].to_vec()
    }};
}

/// The digest of `data` by algorithm `name` (`size`: blake2 digest size
/// or shake length; `params`: blake2 key, salt and person).
fn compute(name: &str, data: &[u8], size: usize, params: &[u8]) -> Vec<u8> {
    match name {
        "md5" => hash_of::<md5::Md5>(data),
        "sha1" => hash_of::<sha1::Sha1>(data),
        "sha224" => hash_of::<sha2::Sha224>(data),
        "sha256" => hash_of::<sha2::Sha256>(data),
        "sha384" => hash_of::<sha2::Sha384>(data),
        "sha512" => hash_of::<sha2::Sha512>(data),
        "sha3_224" => hash_of::<sha3::Sha3_224>(data),
        "sha3_256" => hash_of::<sha3::Sha3_256>(data),
        "sha3_384" => hash_of::<sha3::Sha3_384>(data),
        "sha3_512" => hash_of::<sha3::Sha3_512>(data),
        "shake_128" => shake::<sha3::Shake128>(data, size),
        "shake_256" => shake::<sha3::Shake256>(data, size),
        "blake2b" => blake2_params!(blake2::Blake2bVarCore, 128, params, size, data),
        _ => blake2_params!(blake2::Blake2sVarCore, 64, params, size, data),
    }
}

/// Splits blake2 parameters stored as `[len, bytes]*` (key, salt, person).
fn split_params(params: &[u8]) -> [&[u8]; 3] {
    let mut out: [&[u8]; 3] = [&[], &[], &[]];
    let mut rest = params;
    for slot in &mut out {
        let Some((&n, tail)) = rest.split_first() else {
            break;
        };
        let n = usize::from(n).min(tail.len());
        *slot = &tail[..n];
        rest = &tail[n..];
    }
    out
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
                    ("update", hash_update),
                    ("digest", hash_digest),
                    ("hexdigest", hash_hexdigest),
                    ("copy", hash_copy),
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
fn type_of(name: &str) -> &'static NativeType {
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
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is_str(v) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

/// `md5(string=b'', *, usedforsecurity=True)` and the others.
fn construct(vm: &mut Vm, a: Args, name: &str) -> PyResult<Value> {
    let blake = name.starts_with("blake2");
    let mut size = sizes(name).0;
    let mut params = Vec::new();
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
        // key, salt and person: each stored as its length and its bytes.
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
            params.push(b.len() as u8);
            params.extend_from_slice(&b);
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
    let mark = vm.temps_len();
    let r = (|| {
        let n = vm.new_str(name)?;
        vm.push_temp(n);
        let buf = vm.new_bytearray(&bytes)?;
        vm.push_temp(buf);
        let p = vm.new_bytes(&params)?;
        let size = Value::from_int(size as i64).unwrap_or(Value::NONE);
        let state = [vm.temp(mark), vm.temp(mark + 1), size, p];
        vm.new_native(type_of(name), &state)
    })();
    vm.pop_temps(mark);
    r
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
        "digest_size" => Some(vm.st(s, 2)),
        "block_size" => Some(Value::from_int(sizes(&algo).1 as i64).unwrap_or(Value::NONE)),
        _ => None,
    })
}

fn hash_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "update", 2, 2)?;
    let data = data_arg(vm, a.get(vm, 1))?;
    let buf = vm.field(a.get(vm, 0), 2);
    vm.bytearray_vec(buf).extend_from_slice(&data);
    Ok(Value::NONE)
}

/// The digest, with the shake length argument when the algorithm needs one.
fn digest_bytes(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Vec<u8>> {
    let h = a.get(vm, 0);
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
        vm.field(h, 3).as_int().unwrap_or(0) as usize
    };
    let h = a.get(vm, 0);
    let data = vm.bytearray_vec(vm.field(h, 2)).clone();
    let params = vm.bytes_data(vm.field(h, 4)).to_vec();
    Ok(compute(&algo, &data, size, &params))
}

fn hash_digest(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "digest")?;
    vm.new_bytes(&d)
}

fn hash_hexdigest(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = digest_bytes(vm, &a, "hexdigest")?;
    let hex: String = d.iter().map(|b| format!("{b:02x}")).collect();
    vm.new_str(&hex)
}

fn hash_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_pos(vm, &a, "copy", 1, 1)?;
    let h = a.get(vm, 0);
    let data = vm.bytearray_vec(vm.field(h, 2)).clone();
    let buf = vm.new_bytearray(&data)?;
    let h = a.get(vm, 0);
    let algo = hash_name(vm, h);
    let class = vm.class_of(h);
    let state = [vm.field(h, 1), buf, vm.field(h, 3), vm.field(h, 4)];
    vm.new_native_of(type_of(&algo), class, &state)
}
