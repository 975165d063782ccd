//! `resource`: `getrusage`, `getrlimit`/`setrlimit`, `getpagesize` and
//! the `RLIMIT_*`/`RUSAGE_*` constants; `struct_rusage` is a struct
//! sequence (`structseq.rs`).

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The `resource` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "resource",
    functions: &[
        ("getrusage", getrusage),
        ("getrlimit", getrlimit),
        ("setrlimit", setrlimit),
        ("getpagesize", getpagesize),
    ],
    init: Some(init),
};

const LIMITS: &[(&str, i64)] = &[
    ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
    ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
    ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
    ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
    ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
    ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
    ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
    ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
    ("RLIMIT_AS", libc::RLIMIT_AS as i64),
    ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
    ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
    ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
    ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
    ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
    ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
    ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
    ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    ("RLIM_INFINITY", -1),
];

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, v) in LIMITS {
        m.set(vm, name, int(v))?;
    }
    m.set(vm, "error", vm.ty(TypeId::OSError))?;
    let fields = [
        "ru_utime",
        "ru_stime",
        "ru_maxrss",
        "ru_ixrss",
        "ru_idrss",
        "ru_isrss",
        "ru_minflt",
        "ru_majflt",
        "ru_nswap",
        "ru_inblock",
        "ru_oublock",
        "ru_msgsnd",
        "ru_msgrcv",
        "ru_nsignals",
        "ru_nvcsw",
        "ru_nivcsw",
    ]
    .map(Some);
    let spec = super::structseq::StructSeq {
        attr: "struct_rusage",
        qualname: "resource.struct_rusage",
        fields: &fields,
        n_sequence: 16,
    };
    super::structseq::define(vm, m, &[spec])
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int() {
        Some(n) => Ok(n),
        None => vm.index_isize(v),
    }
}

fn getrusage(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getrusage", 1, 1)?;
    let who = int_arg(vm, &a, 0)?;
    // SAFETY: a zeroed rusage is a valid value to be filled in.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into our struct.
    if unsafe { libc::getrusage(who as libc::c_int, &mut ru) } != 0 {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid who parameter"));
    }
    let mark = vm.temps_len();
    let r = (|| {
        let t = vm.new_tuple(&rusage_fields(&ru))?;
        let ti = vm.push_temp(t);
        let cls = super::pwd_grp::module_attr(vm, "resource", "struct_rusage")?;
        vm.call_value(cls, &[vm.temp(ti)])
    })();
    vm.pop_temps(mark);
    r
}

/// The sixteen fields of `struct_rusage` (two float times, then the
/// counters), all immediate values; shared with `os.wait3`/`wait4`.
pub(super) fn rusage_fields(ru: &libc::rusage) -> Vec<Value> {
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    let mut fields = vec![
        Value::from_float(secs(ru.ru_utime)),
        Value::from_float(secs(ru.ru_stime)),
    ];
    for n in [
        ru.ru_maxrss,
        ru.ru_ixrss,
        ru.ru_idrss,
        ru.ru_isrss,
        ru.ru_minflt,
        ru.ru_majflt,
        ru.ru_nswap,
        ru.ru_inblock,
        ru.ru_oublock,
        ru.ru_msgsnd,
        ru.ru_msgrcv,
        ru.ru_nsignals,
        ru.ru_nvcsw,
        ru.ru_nivcsw,
    ] {
        fields.push(int(n));
    }
    fields
}

fn resource_arg(vm: &mut Vm, a: &Args) -> PyResult<u32> {
    let r = int_arg(vm, a, 0)?;
    // Linux's RLIM_NLIMITS: resources 0 to 15.
    if !(0..16).contains(&r) {
        return Err(vm.raise_msg(TypeId::ValueError, "invalid resource specified"));
    }
    Ok(r as u32)
}

fn rlim_value(n: libc::rlim_t) -> Value {
    if n == libc::RLIM_INFINITY {
        int(-1)
    } else {
        int(n as i64)
    }
}

fn getrlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getrlimit", 1, 1)?;
    let r = resource_arg(vm, &a)?;
    let mut l = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into our struct.
    if unsafe { libc::getrlimit(r as _, &mut l) } != 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(vm.raise_os_error(e, None));
    }
    vm.new_tuple(&[rlim_value(l.rlim_cur), rlim_value(l.rlim_max)])
}

fn setrlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "setrlimit", 2, 2)?;
    let r = resource_arg(vm, &a)?;
    let limits = {
        let v = a.get(vm, 1);
        vm.collect_iterable(v)?
    };
    if limits.len() != 2 {
        return Err(vm.raise_msg(TypeId::ValueError, "expected a tuple of 2 integers"));
    }
    let conv = |v: Value| -> Option<libc::rlim_t> {
        let n = v.as_int()?;
        Some(if n < 0 {
            libc::RLIM_INFINITY
        } else {
            n as libc::rlim_t
        })
    };
    let (Some(cur), Some(max)) = (conv(limits[0]), conv(limits[1])) else {
        return Err(vm.type_error("an integer is required"));
    };
    let l = libc::rlimit {
        rlim_cur: cur,
        rlim_max: max,
    };
    // SAFETY: setrlimit reads our struct.
    if unsafe { libc::setrlimit(r as _, &l) } != 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if e == libc::EINVAL {
            return Err(vm.raise_msg(TypeId::ValueError, "current limit exceeds maximum limit"));
        }
        if e == libc::EPERM {
            return Err(vm.raise_msg(TypeId::ValueError, "not allowed to raise maximum limit"));
        }
        return Err(vm.raise_os_error(e, None));
    }
    Ok(Value::NONE)
}

fn getpagesize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getpagesize", 0, 0)?;
    // SAFETY: sysconf only reads a system value.
    Ok(int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}
