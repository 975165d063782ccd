//! `mmap`: memory-mapped files and anonymous memory. The mappings live in
//! a process-wide table here, named by a handle (an index); the `mmap`
//! class (`py/mmap_module.py`) holds its handle, position and access mode
//! and does the argument checks and CPython's errors. Every native checks
//! the handle and bounds-checks its range before touching the memory, so
//! no Python call can reach outside a live mapping.

use std::sync::Mutex;

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

const SRC: &str = include_str!("../py/mmap_module.py");

/// The `mmap` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "mmap",
    functions: &[
        ("_map", map),
        ("_get", get),
        ("_set", set),
        ("_find", find),
        ("_flush", flush),
        ("_move", move_),
        ("_resize", resize),
        ("_close", close),
        ("_size", size),
        ("_madvise", madvise),
    ],
    init: Some(init),
};

/// One live mapping.
struct Mapping {
    /// The address (as an integer, so the table is `Send`).
    addr: usize,
    len: usize,
    /// A duplicate of the mapped file's descriptor (-1: anonymous).
    fd: i32,
    offset: i64,
    flags: i32,
    prot: i32,
}

static MAPS: Mutex<Vec<Option<Mapping>>> = Mutex::new(Vec::new());

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    // SAFETY: sysconf has no pointer arguments.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    for (name, v) in [
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", 0),
        ("ACCESS_READ", 1),
        ("ACCESS_WRITE", 2),
        ("ACCESS_COPY", 3),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
    ] {
        m.set(vm, name, int(v))?;
    }
    m.set(vm, "error", vm.ty(TypeId::OSError))?;
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm mmap>")
}

fn iarg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int() {
        Some(n) => Ok(n),
        None => vm.index_isize(v),
    }
}

fn closed(vm: &mut Vm) -> crate::runtime::exception::Raised {
    vm.raise_msg(TypeId::ValueError, "mmap closed or invalid")
}

/// Runs `f` on the live mapping named by argument 0.
fn with_map<T>(vm: &mut Vm, a: &Args, f: impl FnOnce(&mut Mapping) -> T) -> PyResult<T> {
    let h = iarg(vm, a, 0)?;
    let mut maps = MAPS.lock().unwrap_or_else(|e| e.into_inner());
    match usize::try_from(h)
        .ok()
        .and_then(|h| maps.get_mut(h))
        .and_then(|m| m.as_mut())
    {
        Some(m) => Ok(f(m)),
        None => {
            drop(maps);
            Err(closed(vm))
        }
    }
}

/// Refuses to touch memory the mapping's protection does not allow
/// (`write`: PROT_WRITE needed, else PROT_READ), whatever the Python layer
/// was told: a fault would kill the process.
fn check_prot(vm: &mut Vm, a: &Args, write: bool) -> PyResult<()> {
    let prot = with_map(vm, a, |m| m.prot)?;
    if write && prot & libc::PROT_WRITE == 0 {
        return Err(vm.type_error("mmap can't modify a readonly memory map."));
    }
    if !write && prot & libc::PROT_READ == 0 {
        return Err(vm.type_error("mmap can't read an inaccessible memory map."));
    }
    Ok(())
}

/// Clamps `[start, stop)` to the mapping (the Python layer passes
/// checked indices; this keeps the memory access in bounds regardless).
fn range(m: &Mapping, start: i64, stop: i64) -> (usize, usize) {
    let s = start.clamp(0, m.len as i64) as usize;
    let e = stop.clamp(s as i64, m.len as i64) as usize;
    (s, e)
}

/// The mapping's bytes `[s, e)` (in bounds by construction).
fn bytes_of(m: &Mapping, s: usize, e: usize) -> &[u8] {
    if m.len == 0 {
        return &[];
    }
    // SAFETY: `addr..addr+len` is a live mapping we own and `s <= e <= len`.
    unsafe { std::slice::from_raw_parts((m.addr as *const u8).add(s), e - s) }
}

/// `_map(fd, length, flags, prot, offset)`: `(handle, length)`.
fn map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_map", 5, 5)?;
    let fd = iarg(vm, &a, 0)? as i32;
    let mut length = iarg(vm, &a, 1)?;
    let mut flags = iarg(vm, &a, 2)? as i32;
    let prot = iarg(vm, &a, 3)? as i32;
    let offset = iarg(vm, &a, 4)?;
    let mut dup = -1;
    if fd != -1 {
        // SAFETY: a zeroed stat is a valid buffer for fstat to fill.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fstat of a descriptor number into our struct.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
            let size = st.st_size;
            if length == 0 {
                if size == 0 {
                    return Err(vm.raise_msg(TypeId::ValueError, "cannot mmap an empty file"));
                }
                if offset >= size {
                    return Err(
                        vm.raise_msg(TypeId::ValueError, "mmap offset is greater than file size")
                    );
                }
                length = size - offset;
            } else if offset > size || size - offset < length {
                return Err(
                    vm.raise_msg(TypeId::ValueError, "mmap length is greater than file size")
                );
            }
        }
        // SAFETY: dup of a descriptor number (the map keeps its own).
        dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if dup < 0 {
            let e = super::syscall::errno();
            return Err(vm.raise_os_error(e, None));
        }
    } else {
        flags |= libc::MAP_ANONYMOUS;
    }
    // SAFETY: a fresh mapping chosen by the kernel; failure is MAP_FAILED.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            length as usize,
            prot,
            flags,
            dup,
            offset,
        )
    };
    if p == libc::MAP_FAILED {
        let e = super::syscall::errno();
        if dup >= 0 {
            // SAFETY: closing our duplicate.
            unsafe { libc::close(dup) };
        }
        return Err(vm.raise_os_error(e, None));
    }
    let m = Mapping {
        addr: p as usize,
        len: length as usize,
        fd: dup,
        offset,
        flags,
        prot,
    };
    let h = {
        let mut maps = MAPS.lock().unwrap_or_else(|e| e.into_inner());
        match maps.iter().position(|x| x.is_none()) {
            Some(i) => {
                maps[i] = Some(m);
                i
            }
            None => {
                maps.push(Some(m));
                maps.len() - 1
            }
        }
    };
    vm.new_tuple(&[int(h as i64), int(length)])
}

/// `_get(h, start, stop)`: the bytes in `[start, stop)`.
fn get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_get", 3, 3)?;
    check_prot(vm, &a, false)?;
    let start = iarg(vm, &a, 1)?;
    let stop = iarg(vm, &a, 2)?;
    let data = with_map(vm, &a, |m| {
        let (s, e) = range(m, start, stop);
        bytes_of(m, s, e).to_vec()
    })?;
    vm.new_bytes(&data)
}

/// `_set(h, start, data)`: writes `data` at `start` (as much as fits).
fn set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_set", 3, 3)?;
    check_prot(vm, &a, true)?;
    let start = iarg(vm, &a, 1)?;
    let v = a.get(vm, 2);
    let Some(data) = vm.buffer_copy(v)? else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    with_map(vm, &a, |m| {
        let (s, e) = range(m, start, start.saturating_add(data.len() as i64));
        if e > s {
            // SAFETY: `s..e` is within the live, writable mapping (the
            // Python layer refuses writes to read-only maps; a PROT_READ
            // map is only made for ACCESS_READ).
            unsafe {
                std::ptr::copy_nonoverlapping(data.as_ptr(), (m.addr as *mut u8).add(s), e - s)
            };
        }
    })?;
    Ok(Value::NONE)
}

/// `_find(h, sub, start, end, reverse)`: the index of `sub`, or -1.
fn find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_find", 5, 5)?;
    check_prot(vm, &a, false)?;
    let v = a.get(vm, 1);
    let Some(sub) = vm.buffer_copy(v)? else {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    let start = iarg(vm, &a, 2)?;
    let stop = iarg(vm, &a, 3)?;
    let rev = {
        let r = a.get(vm, 4);
        vm.truthy(r)?
    };
    let r = with_map(vm, &a, |m| {
        let (s, e) = range(m, start, stop);
        let hay = bytes_of(m, s, e);
        if sub.len() > hay.len() {
            return -1;
        }
        let mut positions = 0..=(hay.len() - sub.len());
        let hit = if rev {
            positions.rev().find(|&i| hay[i..i + sub.len()] == sub[..])
        } else {
            positions.find(|&i| hay[i..i + sub.len()] == sub[..])
        };
        hit.map_or(-1, |i| (s + i) as i64)
    })?;
    Ok(int(r))
}

/// `_flush(h, offset, size)`: msync of that range.
fn flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_flush", 3, 3)?;
    let off = iarg(vm, &a, 1)?;
    let n = iarg(vm, &a, 2)?;
    let r = with_map(vm, &a, |m| {
        let (s, e) = range(m, off, off.saturating_add(n));
        if m.fd < 0 || e == s {
            return 0;
        }
        // SAFETY: msync of a range inside the live mapping.
        unsafe { libc::msync((m.addr + s) as *mut libc::c_void, e - s, libc::MS_SYNC) }
    })?;
    if r != 0 {
        let e = super::syscall::errno();
        return Err(vm.raise_os_error(e, None));
    }
    Ok(Value::NONE)
}

/// `_move(h, dest, src, count)` (the Python layer checked the ranges).
fn move_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_move", 4, 4)?;
    check_prot(vm, &a, true)?;
    check_prot(vm, &a, false)?;
    let dest = iarg(vm, &a, 1)?;
    let src = iarg(vm, &a, 2)?;
    let count = iarg(vm, &a, 3)?;
    with_map(vm, &a, |m| {
        let (s, se) = range(m, src, src.saturating_add(count));
        let (d, de) = range(m, dest, dest.saturating_add(count));
        let n = (se - s).min(de - d);
        if n > 0 {
            // SAFETY: both ranges lie inside the live mapping; `copy` allows overlap.
            unsafe { std::ptr::copy((m.addr as *const u8).add(s), (m.addr as *mut u8).add(d), n) };
        }
    })?;
    Ok(Value::NONE)
}

/// `_resize(h, newsize)`: grows or shrinks the file (if any) and the map.
fn resize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_resize", 2, 2)?;
    let newsize = iarg(vm, &a, 1)?;
    let r = with_map(vm, &a, |m| {
        if m.fd >= 0 {
            // SAFETY: ftruncate of our duplicate descriptor.
            if unsafe { libc::ftruncate(m.fd, m.offset + newsize) } != 0 {
                return Err(super::syscall::errno());
            }
        }
        // SAFETY: mremap of our live mapping; it may move (MREMAP_MAYMOVE).
        let p = unsafe {
            libc::mremap(
                m.addr as *mut libc::c_void,
                m.len,
                newsize as usize,
                libc::MREMAP_MAYMOVE,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(super::syscall::errno());
        }
        m.addr = p as usize;
        m.len = newsize as usize;
        Ok(())
    })?;
    if let Err(e) = r {
        return Err(vm.raise_os_error(e, None));
    }
    Ok(Value::NONE)
}

/// `_close(h)`: unmaps and closes the descriptor (a closed handle is
/// left alone).
fn close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_close", 1, 1)?;
    let h = iarg(vm, &a, 0)?;
    let taken = {
        let mut maps = MAPS.lock().unwrap_or_else(|e| e.into_inner());
        usize::try_from(h)
            .ok()
            .and_then(|h| maps.get_mut(h))
            .and_then(|m| m.take())
    };
    if let Some(m) = taken {
        // SAFETY: unmapping our mapping (no longer in the table) and
        // closing our duplicate descriptor.
        unsafe {
            if m.len > 0 {
                libc::munmap(m.addr as *mut libc::c_void, m.len);
            }
            if m.fd >= 0 {
                libc::close(m.fd);
            }
        }
    }
    Ok(Value::NONE)
}

/// `_size(h)`: the mapped file's size (EBADF when anonymous).
fn size(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_size", 1, 1)?;
    let r = with_map(vm, &a, |m| {
        if m.fd < 0 {
            // fstat(-1), as CPython does for an anonymous map.
            return Err(libc::EBADF);
        }
        // SAFETY: a zeroed stat is a valid buffer for fstat to fill.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fstat of our duplicate descriptor.
        if unsafe { libc::fstat(m.fd, &mut st) } != 0 {
            return Err(super::syscall::errno());
        }
        Ok(st.st_size)
    })?;
    match r {
        Ok(n) => Ok(int(n)),
        Err(e) => Err(vm.raise_os_error(e, None)),
    }
}

/// `_madvise(h, option, start, length)`.
fn madvise(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "_madvise", 4, 4)?;
    let opt = iarg(vm, &a, 1)? as i32;
    let start = iarg(vm, &a, 2)?;
    let n = iarg(vm, &a, 3)?;
    let r = with_map(vm, &a, |m| {
        let (s, e) = range(m, start, start.saturating_add(n));
        if e == s {
            return 0;
        }
        let _ = (m.flags, m.prot);
        // SAFETY: madvise on a range inside the live mapping.
        unsafe { libc::madvise((m.addr + s) as *mut libc::c_void, e - s, opt) }
    })?;
    if r != 0 {
        let e = super::syscall::errno();
        return Err(vm.raise_os_error(e, None));
    }
    Ok(Value::NONE)
}
