//! `_stat`: the file-mode constants and tests behind `stat` (which falls
//! back to its own Python definitions without it), as native functions.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::{Args, NativeFn};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const S_IFMT: i64 = 0o170000;
const S_IFDIR: i64 = 0o040000;
const S_IFCHR: i64 = 0o020000;
const S_IFBLK: i64 = 0o060000;
const S_IFREG: i64 = 0o100000;
const S_IFIFO: i64 = 0o010000;
const S_IFLNK: i64 = 0o120000;
const S_IFSOCK: i64 = 0o140000;

/// CPython's values on Linux (the `ST_*` indexes into `os.stat_result`
/// too; `S_IFDOOR`/`S_IFPORT`/`S_IFWHT` are 0 where the OS has none).
const CONSTANTS: &[(&str, i64)] = &[
    ("SF_APPEND", 0x40000),
    ("SF_ARCHIVED", 0x10000),
    ("SF_IMMUTABLE", 0x20000),
    ("SF_NOUNLINK", 0x100000),
    ("SF_SNAPSHOT", 0x200000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
    ("S_ENFMT", 0o2000),
    ("S_IEXEC", 0o100),
    ("S_IFBLK", S_IFBLK),
    ("S_IFCHR", S_IFCHR),
    ("S_IFDIR", S_IFDIR),
    ("S_IFDOOR", 0),
    ("S_IFIFO", S_IFIFO),
    ("S_IFLNK", S_IFLNK),
    ("S_IFPORT", 0),
    ("S_IFREG", S_IFREG),
    ("S_IFSOCK", S_IFSOCK),
    ("S_IFWHT", 0),
    ("S_IREAD", 0o400),
    ("S_IRGRP", 0o40),
    ("S_IROTH", 0o4),
    ("S_IRUSR", 0o400),
    ("S_IRWXG", 0o70),
    ("S_IRWXO", 0o7),
    ("S_IRWXU", 0o700),
    ("S_ISGID", 0o2000),
    ("S_ISUID", 0o4000),
    ("S_ISVTX", 0o1000),
    ("S_IWGRP", 0o20),
    ("S_IWOTH", 0o2),
    ("S_IWRITE", 0o200),
    ("S_IWUSR", 0o200),
    ("S_IXGRP", 0o10),
    ("S_IXOTH", 0o1),
    ("S_IXUSR", 0o100),
    ("UF_APPEND", 0x4),
    ("UF_COMPRESSED", 0x20),
    ("UF_HIDDEN", 0x8000),
    ("UF_IMMUTABLE", 0x2),
    ("UF_NODUMP", 0x1),
    ("UF_NOUNLINK", 0x10),
    ("UF_OPAQUE", 0x8),
];

/// The `_stat` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_stat",
    functions: FUNCTIONS,
    init: Some(init),
};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("S_ISDIR", s_isdir),
    ("S_ISCHR", s_ischr),
    ("S_ISBLK", s_isblk),
    ("S_ISREG", s_isreg),
    ("S_ISFIFO", s_isfifo),
    ("S_ISLNK", s_islnk),
    ("S_ISSOCK", s_issock),
    ("S_ISDOOR", s_never),
    ("S_ISPORT", s_never),
    ("S_ISWHT", s_never),
    ("S_IMODE", s_imode),
    ("S_IFMT", s_ifmt),
    ("filemode", filemode),
];

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, v) in CONSTANTS {
        m.set(vm, name, Value::from_int(v).unwrap_or(Value::NONE))?;
    }
    Ok(())
}

/// The mode argument: an int or an object with `__index__`.
fn mode_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<i64> {
    arity(vm, a, name, 1, 1)?;
    let v = a.get(vm, 0);
    if let Some(n) = v.as_int() {
        return Ok(n);
    }
    if vm.is_str(v) || v.as_float().is_some() {
        return Err(vm.type_error("an integer is required"));
    }
    vm.index_isize(v)
}

macro_rules! is_type {
    ($f:ident, $name:literal, $bits:expr) => {
        fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let m = mode_arg(vm, &a, $name)?;
            Ok(Value::from_bool(m & S_IFMT == $bits))
        }
    };
}

is_type!(s_isdir, "S_ISDIR", S_IFDIR);
is_type!(s_ischr, "S_ISCHR", S_IFCHR);
is_type!(s_isblk, "S_ISBLK", S_IFBLK);
is_type!(s_isreg, "S_ISREG", S_IFREG);
is_type!(s_isfifo, "S_ISFIFO", S_IFIFO);
is_type!(s_islnk, "S_ISLNK", S_IFLNK);
is_type!(s_issock, "S_ISSOCK", S_IFSOCK);

fn s_never(vm: &mut Vm, a: Args) -> PyResult<Value> {
    mode_arg(vm, &a, "S_ISDOOR")?;
    Ok(Value::FALSE)
}

fn s_imode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "S_IMODE")?;
    Ok(Value::from_int(m & 0o7777).unwrap_or(Value::NONE))
}

fn s_ifmt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "S_IFMT")?;
    Ok(Value::from_int(m & S_IFMT).unwrap_or(Value::NONE))
}

/// `filemode(mode)`: `'-rwxr-xr-x'` as `ls -l` prints it.
fn filemode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = mode_arg(vm, &a, "filemode")?;
    let kind = match m & S_IFMT {
        S_IFLNK => 'l',
        S_IFSOCK => 's',
        S_IFREG => '-',
        S_IFBLK => 'b',
        S_IFDIR => 'd',
        S_IFCHR => 'c',
        S_IFIFO => 'p',
        _ => '?',
    };
    let mut s = String::with_capacity(10);
    s.push(kind);
    // (read bit, write bit, exec bit, special bit, special letter)
    for (shift, special, letter) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let bits = (m >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        s.push(match (m & special != 0, x) {
            (true, true) => letter,
            (true, false) => letter.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    vm.new_str(&s)
}
