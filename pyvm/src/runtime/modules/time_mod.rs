//! `time`: clocks, `sleep`, and calendar conversions through the C library
//! (`localtime_r`, `gmtime_r`, `mktime`, `strftime`), as CPython does.
//!
//! `struct_time` and the wrappers that build it are a few lines of Python
//! compiled when the module is first imported (`PY_PART`); the natives they
//! call exchange plain tuples.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// The `time` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "time",
    functions: &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("thread_time", thread_time),
        ("thread_time_ns", thread_time_ns),
        ("sleep", sleep),
        ("_gmtime", gmtime_tuple),
        ("_localtime", localtime_tuple),
        ("_mktime", mktime),
        ("_strftime", strftime),
    ],
    init: Some(init),
};

/// The Python part: `struct_time`, the functions returning it, the
/// functions formatting it, `get_clock_info`.
const PY_PART: &str = r#"
def _tuple(t, fname):
    if isinstance(t, struct_time):
        return tuple(t) + (t.tm_zone, t.tm_gmtoff)
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError(fname + '(): illegal time tuple argument')
    return t

def gmtime(seconds=None):
    return struct_time(_gmtime(seconds))

def localtime(seconds=None):
    return struct_time(_localtime(seconds))

def mktime(t):
    return _mktime(_tuple(t, 'mktime'))

def strftime(format, t=None):
    if t is None:
        t = _localtime(None)
    else:
        t = _tuple(t, 'strftime')
    return _strftime(format, t)

_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')

def asctime(t=None):
    if t is None:
        t = _localtime(None)
    else:
        t = _tuple(t, 'asctime')
    day = str(t[2])
    if len(day) < 2:
        day = ' ' + day
    def two(n):
        s = str(n)
        return '0' + s if len(s) < 2 else s
    return (_DAYS[t[6] % 7] + ' ' + _MONTHS[(t[1] - 1) % 12] + ' ' + day + ' ' +
            two(t[3]) + ':' + two(t[4]) + ':' + two(t[5]) + ' ' + str(t[0]))

def ctime(seconds=None):
    return asctime(localtime(seconds))

class _ClockInfo:
    def __init__(self, implementation, monotonic, adjustable, resolution):
        self.implementation = implementation
        self.monotonic = monotonic
        self.adjustable = adjustable
        self.resolution = resolution
    def __repr__(self):
        return ('namespace(implementation=' + repr(self.implementation) +
                ', monotonic=' + repr(self.monotonic) + ', adjustable=' +
                repr(self.adjustable) + ', resolution=' + repr(self.resolution) + ')')

def get_clock_info(name):
    if name == 'time':
        return _ClockInfo('clock_gettime(CLOCK_REALTIME)', False, True, 1e-09)
    if name in ('monotonic', 'perf_counter'):
        return _ClockInfo('clock_gettime(CLOCK_MONOTONIC)', True, False, 1e-09)
    if name == 'process_time':
        return _ClockInfo('clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', True, False, 1e-09)
    if name == 'thread_time':
        return _ClockInfo('clock_gettime(CLOCK_THREAD_CPUTIME_ID)', True, False, 1e-09)
    raise ValueError('unknown clock')
"#;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    // SAFETY: `tzset` reads the TZ environment variable into libc's globals.
    unsafe { tzset() };
    let (tz, alt, daylight, names) = zone_info();
    let v = vm.new_i64(tz)?;
    m.set(vm, "timezone", v)?;
    let v = vm.new_i64(alt)?;
    m.set(vm, "altzone", v)?;
    let v = vm.new_i64(daylight)?;
    m.set(vm, "daylight", v)?;
    let a = vm.new_str(&names.0)?;
    let ai = vm.push_temp(a);
    let b = vm.new_str(&names.1);
    let a = vm.temp(ai);
    vm.pop_temps(ai);
    let t = vm.new_tuple(&[a, b?])?;
    m.set(vm, "tzname", t)?;
    for (name, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ] {
        let x = vm.new_i64(i64::from(v))?;
        m.set(vm, name, x)?;
    }
    super::structseq::define(vm, m, &[STRUCT_TIME])?;
    exec_in_module(vm, m, PY_PART, "<frozen time>")
}

/// `time.struct_time`: nine sequence fields, `tm_zone` and `tm_gmtoff`.
const STRUCT_TIME: super::structseq::StructSeq = super::structseq::StructSeq {
    attr: "struct_time",
    qualname: "time.struct_time",
    fields: &[
        Some("tm_year"),
        Some("tm_mon"),
        Some("tm_mday"),
        Some("tm_hour"),
        Some("tm_min"),
        Some("tm_sec"),
        Some("tm_wday"),
        Some("tm_yday"),
        Some("tm_isdst"),
        Some("tm_zone"),
        Some("tm_gmtoff"),
    ],
    n_sequence: 9,
};

/// Runs Python source with the module's dict as its globals.
pub(crate) fn exec_in_module(vm: &mut Vm, m: ModuleRef, src: &str, file: &str) -> PyResult<()> {
    let code = match pyvm_bytecode::compile(src, file, pyvm_bytecode::Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            return Err(vm.raise_msg(
                TypeId::SystemError,
                &format!("cannot compile {file}: {e:?}"),
            ));
        }
    };
    let code_obj = vm.new_code(code)?;
    let ci = vm.push_temp(code_obj);
    let globals = vm.field(m.get(vm), 0);
    let depth = vm.m.roots().frames.len();
    let r = vm
        .push_code_frame(vm.temp(ci), globals, globals, Value::EMPTY)
        .and_then(|_| vm.run_frames(depth));
    vm.pop_temps(ci);
    r.map(|_| ())
}

unsafe extern "C" {
    fn tzset();
}

/// `timezone`, `altzone`, `daylight` and `tzname` as CPython computes them
/// (from `localtime` in January and July of the current year).
fn zone_info() -> (i64, i64, i64, (String, String)) {
    let now = now_secs() as libc::time_t;
    let year_start = {
        let tm = tm_of(now, true).unwrap_or_else(zero_tm);
        now - libc::time_t::from(tm.tm_yday) * 86400
    };
    let jan = tm_of(year_start, true).unwrap_or_else(zero_tm);
    let jul = tm_of(year_start + 183 * 86400, true).unwrap_or_else(zero_tm);
    let zone = |tm: &libc::tm| -> String {
        if tm.tm_zone.is_null() {
            return "UTC".into();
        }
        // SAFETY: libc's `tm_zone` points to a NUL-terminated static string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let (jan_off, jul_off) = (jan.tm_gmtoff, jul.tm_gmtoff);
    if jan_off < jul_off {
        // Northern hemisphere: DST in July.
        (-jan_off, -jul_off, 1, (zone(&jan), zone(&jul)))
    } else if jan_off > jul_off {
        (-jul_off, -jan_off, 1, (zone(&jul), zone(&jan)))
    } else {
        (-jan_off, -jan_off, 0, (zone(&jan), zone(&jul)))
    }
}

fn zero_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

fn tm_of(t: libc::time_t, local: bool) -> Option<libc::tm> {
    let mut tm = zero_tm();
    // SAFETY: both functions write the broken-down time into `tm`.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    (!r.is_null()).then_some(tm)
}

fn clock(id: libc::clockid_t) -> (i64, i64) {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes into `ts`.
    unsafe { libc::clock_gettime(id, &mut ts) };
    (ts.tv_sec, ts.tv_nsec)
}

fn now_secs() -> i64 {
    clock(libc::CLOCK_REALTIME).0
}

fn as_float((s, ns): (i64, i64)) -> Value {
    Value::from_float(s as f64 + ns as f64 * 1e-9)
}

fn as_ns(vm: &mut Vm, (s, ns): (i64, i64)) -> PyResult<Value> {
    vm.new_int(num_bigint::BigInt::from(s) * 1_000_000_000 + ns)
}

fn time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "time", 0, 0)?;
    Ok(as_float(clock(libc::CLOCK_REALTIME)))
}

fn time_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "time_ns", 0, 0)?;
    as_ns(vm, clock(libc::CLOCK_REALTIME))
}

fn monotonic(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "monotonic", 0, 0)?;
    Ok(as_float(clock(libc::CLOCK_MONOTONIC)))
}

fn monotonic_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "monotonic_ns", 0, 0)?;
    as_ns(vm, clock(libc::CLOCK_MONOTONIC))
}

fn process_time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "process_time", 0, 0)?;
    Ok(as_float(clock(libc::CLOCK_PROCESS_CPUTIME_ID)))
}

fn process_time_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "process_time_ns", 0, 0)?;
    as_ns(vm, clock(libc::CLOCK_PROCESS_CPUTIME_ID))
}

fn thread_time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "thread_time", 0, 0)?;
    Ok(as_float(clock(libc::CLOCK_THREAD_CPUTIME_ID)))
}

fn thread_time_ns(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "thread_time_ns", 0, 0)?;
    as_ns(vm, clock(libc::CLOCK_THREAD_CPUTIME_ID))
}

/// `time.sleep(secs)`.
fn sleep(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "time.sleep", 1, 1)?;
    let v = a.get(vm, 0);
    let secs = match v.as_float() {
        Some(f) => f,
        None => match vm.int_of(v) {
            Some(i) => crate::int_ops::int_to_f64(&i).map_err(|e| vm.raise_pyerror(e))?,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    if secs.is_nan() {
        return Err(vm.raise_msg(TypeId::ValueError, "Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.raise_msg(TypeId::ValueError, "sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 1e10 {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    vm.flush_out();
    let d = std::time::Duration::from_secs_f64(secs);
    vm.allow_threads(|| std::thread::sleep(d));
    Ok(Value::NONE)
}

/// A `seconds` argument of `gmtime`/`localtime` (None: now), floored.
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<libc::time_t> {
    if v.is_none() {
        return Ok(now_secs() as libc::time_t);
    }
    if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(vm.raise_msg(TypeId::ValueError, "Invalid value NaN (not a number)"));
        }
        if !(-9.2e18..9.2e18).contains(&f) {
            return Err(vm.raise_msg(
                TypeId::OverflowError,
                "timestamp out of range for platform time_t",
            ));
        }
        return Ok(f.floor() as libc::time_t);
    }
    let i = vm.index_int(v)?;
    match num_traits::ToPrimitive::to_i64(&i) {
        Some(i) => Ok(i as libc::time_t),
        None => Err(vm.raise_msg(
            TypeId::OverflowError,
            "timestamp out of range for platform time_t",
        )),
    }
}

/// The 11-tuple of a broken-down time (Python's field conventions).
fn tm_tuple(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let nums = [
        i64::from(tm.tm_year) + 1900,
        i64::from(tm.tm_mon) + 1,
        i64::from(tm.tm_mday),
        i64::from(tm.tm_hour),
        i64::from(tm.tm_min),
        i64::from(tm.tm_sec),
        (i64::from(tm.tm_wday) + 6) % 7,
        i64::from(tm.tm_yday) + 1,
        i64::from(tm.tm_isdst),
    ];
    let zone = if tm.tm_zone.is_null() {
        String::from("UTC")
    } else {
        // SAFETY: libc's `tm_zone` points to a NUL-terminated string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let mut items: Vec<Value> = nums
        .iter()
        .map(|&n| Value::from_int(n).unwrap_or(Value::NONE))
        .collect();
    let z = vm.new_str(&zone)?;
    items.push(z);
    items.push(Value::from_int(tm.tm_gmtoff).unwrap_or(Value::NONE));
    vm.new_tuple(&items)
}

fn broken_down(vm: &mut Vm, a: Args, name: &str, local: bool) -> PyResult<Value> {
    let n = arity(vm, &a, name, 0, 1)?;
    let v = if n == 1 { a.get(vm, 0) } else { Value::NONE };
    let t = seconds_arg(vm, v)?;
    match tm_of(t, local) {
        Some(tm) => tm_tuple(vm, &tm),
        None => Err(vm.raise_msg(
            TypeId::OverflowError,
            "timestamp out of range for platform time_t",
        )),
    }
}

fn gmtime_tuple(vm: &mut Vm, a: Args) -> PyResult<Value> {
    broken_down(vm, a, "gmtime", false)
}

fn localtime_tuple(vm: &mut Vm, a: Args) -> PyResult<Value> {
    broken_down(vm, a, "localtime", true)
}

/// A C `tm` from a 9- or 11-tuple of Python fields.
fn tm_from_tuple(vm: &mut Vm, t: Value, name: &str) -> PyResult<libc::tm> {
    if vm.kind_of(t) != Some(Kind::Tuple) || vm.tuple_items(t).len() < 9 {
        return Err(vm.type_error(&format!("{name}(): illegal time tuple argument")));
    }
    let items = vm.tuple_items(t)[..9].to_vec();
    let mut f = [0i64; 9];
    for (slot, x) in f.iter_mut().zip(items) {
        *slot = match vm.int_of(x) {
            Some(i) => num_traits::ToPrimitive::to_i64(&i).unwrap_or(i64::MAX),
            None => {
                let ty = vm.type_name(x);
                return Err(vm.type_error(&format!(
                    "'{ty}' object cannot be interpreted as an integer"
                )));
            }
        };
    }
    let mut tm = zero_tm();
    tm.tm_year = (f[0] - 1900) as i32;
    tm.tm_mon = (f[1] - 1) as i32;
    tm.tm_mday = f[2] as i32;
    tm.tm_hour = f[3] as i32;
    tm.tm_min = f[4] as i32;
    tm.tm_sec = f[5] as i32;
    tm.tm_wday = ((f[6] + 1) % 7) as i32;
    tm.tm_yday = (f[7] - 1) as i32;
    tm.tm_isdst = f[8] as i32;
    Ok(tm)
}

fn mktime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "mktime", 1, 1)?;
    let mut tm = tm_from_tuple(vm, a.get(vm, 0), "mktime")?;
    tm.tm_wday = -1;
    // SAFETY: `mktime` normalizes `tm` in place.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.raise_msg(TypeId::OverflowError, "mktime argument out of range"));
    }
    Ok(Value::from_float(t as f64))
}

fn strftime(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "strftime", 2, 2)?;
    let fmt = a.get(vm, 0);
    if !vm.is_str(fmt) {
        let t = vm.type_name(fmt);
        return Err(vm.type_error(&format!("strftime() argument 1 must be str, not {t}")));
    }
    let tm = tm_from_tuple(vm, a.get(vm, 1), "strftime")?;
    if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.raise_msg(TypeId::ValueError, "month out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.raise_msg(TypeId::ValueError, "seconds out of range"));
    }
    let text = vm.str_text(fmt).into_owned();
    if text.contains('\0') {
        return Err(vm.raise_msg(TypeId::ValueError, "embedded null character"));
    }
    let c = std::ffi::CString::new(text.clone()).unwrap_or_default();
    let mut buf = vec![0u8; 1024 + text.len() * 16];
    // SAFETY: `strftime` writes at most `buf.len()` bytes into `buf`.
    let n = unsafe {
        libc::strftime(
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len(),
            c.as_ptr(),
            &tm,
        )
    };
    let out = String::from_utf8_lossy(&buf[..n]).into_owned();
    vm.new_str(&out)
}
