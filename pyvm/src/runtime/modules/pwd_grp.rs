//! `pwd` and `grp`: the password and group databases through the C
//! library's reentrant lookups (`getpwuid_r`, `getgrnam_r`, ...), as
//! struct sequences (`structseq.rs`).

use std::ffi::{CStr, CString};

use pyvm_objmodel::Value;

use super::structseq::StructSeq;
use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The `pwd` module.
pub(crate) const PWD_MODULE: NativeModule = NativeModule {
    name: "pwd",
    functions: &[
        ("getpwuid", getpwuid),
        ("getpwnam", getpwnam),
        ("getpwall", getpwall),
    ],
    init: Some(pwd_init),
};

/// The `grp` module.
pub(crate) const GRP_MODULE: NativeModule = NativeModule {
    name: "grp",
    functions: &[
        ("getgrgid", getgrgid),
        ("getgrnam", getgrnam),
        ("getgrall", getgrall),
    ],
    init: Some(grp_init),
};

fn pwd_init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let fields = [
        "pw_name",
        "pw_passwd",
        "pw_uid",
        "pw_gid",
        "pw_gecos",
        "pw_dir",
        "pw_shell",
    ]
    .map(Some);
    let spec = StructSeq {
        attr: "struct_passwd",
        qualname: "pwd.struct_passwd",
        fields: &fields,
        n_sequence: 7,
    };
    super::structseq::define(vm, m, &[spec])
}

fn grp_init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let fields = ["gr_name", "gr_passwd", "gr_gid", "gr_mem"].map(Some);
    let spec = StructSeq {
        attr: "struct_group",
        qualname: "grp.struct_group",
        fields: &fields,
        n_sequence: 4,
    };
    super::structseq::define(vm, m, &[spec])
}

/// One database entry as Rust data.
enum Entry {
    Passwd([String; 5], [i64; 2]),
    Group(String, String, i64, Vec<String>),
}

fn text(p: *const libc::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    // SAFETY: the C library hands us NUL-terminated strings inside the
    // buffer we gave it.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// Converts a `passwd` record the C library filled in.
fn passwd_entry(p: &libc::passwd) -> Entry {
    Entry::Passwd(
        [
            text(p.pw_name),
            text(p.pw_passwd),
            text(p.pw_gecos),
            text(p.pw_dir),
            text(p.pw_shell),
        ],
        [p.pw_uid as i64, p.pw_gid as i64],
    )
}

fn group_entry(g: &libc::group) -> Entry {
    let mut mem = Vec::new();
    if !g.gr_mem.is_null() {
        let mut i = 0;
        loop {
            // SAFETY: gr_mem is a NULL-terminated array of strings.
            let p = unsafe { *g.gr_mem.add(i) };
            if p.is_null() {
                break;
            }
            mem.push(text(p));
            i += 1;
        }
    }
    Entry::Group(text(g.gr_name), text(g.gr_passwd), g.gr_gid as i64, mem)
}

/// Runs a `get*_r` lookup with a buffer that grows on ERANGE.
fn lookup<T>(
    mut call: impl FnMut(*mut T, *mut libc::c_char, usize, *mut *mut T) -> libc::c_int,
    convert: fn(&T) -> Entry,
) -> Option<Entry> {
    let mut size = 1024;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: a zeroed C record is a valid value to be filled in.
        let mut rec: T = unsafe { std::mem::zeroed() };
        let mut out: *mut T = std::ptr::null_mut();
        let r = call(&mut rec, buf.as_mut_ptr(), size, &mut out);
        if r == libc::ERANGE && size < 1 << 20 {
            size *= 4;
            continue;
        }
        if r != 0 || out.is_null() {
            return None;
        }
        return Some(convert(&rec));
    }
}

fn make(vm: &mut Vm, class: &str, e: Entry) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        match e {
            Entry::Passwd(s, n) => {
                for (i, t) in s.iter().enumerate() {
                    let v = vm.new_str(t)?;
                    vm.push_temp(v);
                    if i == 1 {
                        vm.push_temp(Value::from_int(n[0]).unwrap_or(Value::NONE));
                        vm.push_temp(Value::from_int(n[1]).unwrap_or(Value::NONE));
                    }
                }
            }
            Entry::Group(name, pw, gid, mem) => {
                let v = vm.new_str(&name)?;
                vm.push_temp(v);
                let v = vm.new_str(&pw)?;
                vm.push_temp(v);
                vm.push_temp(Value::from_int(gid).unwrap_or(Value::NONE));
                let first = vm.temps_len();
                for m in &mem {
                    let v = vm.new_str(m)?;
                    vm.push_temp(v);
                }
                let items = vm.m.roots().temps[first..].to_vec();
                let l = vm.new_list(&items)?;
                vm.pop_temps(first);
                vm.push_temp(l);
            }
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        let t = vm.new_tuple(&items)?;
        let ti = vm.push_temp(t);
        let module = if class == "struct_passwd" {
            "pwd"
        } else {
            "grp"
        };
        let cls = module_attr(vm, module, class)?;
        vm.call_value(cls, &[vm.temp(ti)])
    })();
    vm.pop_temps(mark);
    r
}

/// Attribute `name` of the native module `module` as imported
/// (`sys.modules`), importing it if it is not there.
pub(super) fn module_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult<Value> {
    let modules = vm.global(crate::runtime::types::GlobalSlot::Modules);
    let m = match vm.dict_get_str(modules, module)? {
        Some(m) if vm.kind_of(m) == Some(crate::runtime::layout::Kind::Module) => m,
        _ => vm.import_native(module)?.unwrap_or(Value::NONE),
    };
    if vm.kind_of(m) != Some(crate::runtime::layout::Kind::Module) {
        return Err(vm.raise_msg(TypeId::SystemError, &format!("no module {module}")));
    }
    let d = vm.field(m, 0);
    Ok(vm.dict_get_str(d, name)?.unwrap_or(Value::NONE))
}

fn id_arg(vm: &mut Vm, a: &Args, what: &str) -> PyResult<i64> {
    let v = a.get(vm, 0);
    match v.as_int() {
        Some(n) => Ok(n),
        None if vm.kind_of(v) == Some(crate::runtime::layout::Kind::BigInt) => Ok(-1),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("{what} should be integer, not {t}")))
        }
    }
}

fn name_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<CString> {
    let v = a.get(vm, 0);
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("{fname}() argument must be str, not {t}")));
    }
    let s = vm.str_text(v).into_owned();
    CString::new(s).map_err(|_| vm.raise_msg(TypeId::ValueError, "embedded null character"))
}

fn not_found(vm: &mut Vm, msg: String) -> crate::runtime::exception::Raised {
    vm.raise_msg(TypeId::KeyError, &msg)
}

fn getpwuid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpwuid", 1, 1)?;
    let uid = id_arg(vm, &a, "uid")?;
    let e = (0..=u32::MAX as i64).contains(&uid).then(|| {
        // SAFETY: getpwuid_r fills our record and buffer.
        lookup(
            |r, b, n, o| unsafe { libc::getpwuid_r(uid as libc::uid_t, r, b, n, o) },
            passwd_entry,
        )
    });
    match e.flatten() {
        Some(e) => make(vm, "struct_passwd", e),
        None => Err(not_found(vm, format!("getpwuid(): uid not found: {uid}"))),
    }
}

fn getpwnam(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpwnam", 1, 1)?;
    let name = name_arg(vm, &a, "getpwnam")?;
    // SAFETY: getpwnam_r fills our record and buffer.
    let e = lookup(
        |r, b, n, o| unsafe { libc::getpwnam_r(name.as_ptr(), r, b, n, o) },
        passwd_entry,
    );
    match e {
        Some(e) => make(vm, "struct_passwd", e),
        None => {
            let shown = format!("{:?}", name.to_string_lossy()).replace('"', "'");
            Err(not_found(
                vm,
                format!("getpwnam(): name not found: {shown}"),
            ))
        }
    }
}

fn getgrgid(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getgrgid", 1, 1)?;
    let gid = id_arg(vm, &a, "gid")?;
    let e = (0..=u32::MAX as i64).contains(&gid).then(|| {
        // SAFETY: getgrgid_r fills our record and buffer.
        lookup(
            |r, b, n, o| unsafe { libc::getgrgid_r(gid as libc::gid_t, r, b, n, o) },
            group_entry,
        )
    });
    match e.flatten() {
        Some(e) => make(vm, "struct_group", e),
        None => Err(not_found(vm, format!("getgrgid(): gid not found: {gid}"))),
    }
}

fn getgrnam(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getgrnam", 1, 1)?;
    let name = name_arg(vm, &a, "getgrnam")?;
    // SAFETY: getgrnam_r fills our record and buffer.
    let e = lookup(
        |r, b, n, o| unsafe { libc::getgrnam_r(name.as_ptr(), r, b, n, o) },
        group_entry,
    );
    match e {
        Some(e) => make(vm, "struct_group", e),
        None => {
            let shown = format!("{:?}", name.to_string_lossy()).replace('"', "'");
            Err(not_found(
                vm,
                format!("getgrnam(): name not found: {shown}"),
            ))
        }
    }
}

/// Every entry of a database, read with the `set*ent`/`get*ent` walk.
fn all(vm: &mut Vm, class: &str, entries: Vec<Entry>) -> PyResult<Value> {
    let mark = vm.temps_len();
    let r = (|| {
        for e in entries {
            let v = make(vm, class, e)?;
            vm.push_temp(v);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

fn getpwall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpwall", 0, 0)?;
    let mut v = Vec::new();
    // SAFETY: the non-reentrant walk is safe on pyvm's single Python
    // thread; each record is copied before the next call.
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            v.push(passwd_entry(&*p));
        }
        libc::endpwent();
    }
    all(vm, "struct_passwd", v)
}

fn getgrall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getgrall", 0, 0)?;
    let mut v = Vec::new();
    // SAFETY: as in `getpwall`.
    unsafe {
        libc::setgrent();
        loop {
            let g = libc::getgrent();
            if g.is_null() {
                break;
            }
            v.push(group_entry(&*g));
        }
        libc::endgrent();
    }
    all(vm, "struct_group", v)
}
