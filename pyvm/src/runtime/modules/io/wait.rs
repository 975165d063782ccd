//! Waiting for input without the GIL.
//!
//! A file's buffers live in an `Rc<RefCell<FdFile>>` borrowed for the
//! duration of a read, so the read itself cannot let the GIL go (another
//! thread touching the same file would find it borrowed). Instead, a read
//! from a pipe, terminal or socket first waits for the descriptor to be
//! readable with `poll(2)` in [`blocking`], holding no borrow; the read
//! that follows then returns what arrived without waiting. `read()` to end
//! of file of a pipe or socket reads chunk by chunk the same way. Regular
//! files never block, and nothing changes before a second thread exists.

use std::cell::RefCell;
use std::rc::Rc;

use pyvm_objmodel::Value;

use super::{FdFile, IoState, io_box};
use crate::runtime::exception::PyResult;
use crate::runtime::gil;
use crate::runtime::heap::Vm;
use crate::runtime::modules::syscall::retry_eintr;

/// The OS file behind `f` (a `FileIO`, `Buffered*` or `TextIOWrapper`) and
/// whether some input is already buffered above the descriptor.
fn os_file(vm: &Vm, f: Value) -> Option<(Rc<RefCell<FdFile>>, bool)> {
    match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::File(file)) => Some((file.clone(), false)),
        Some(IoState::Text(t)) => Some((
            t.file.clone(),
            !t.pending.is_empty() || !t.undecoded.is_empty(),
        )),
        _ => None,
    }
}

/// The descriptor's file type (`S_IFMT` bits), or None.
fn file_type(fd: i32) -> Option<u32> {
    // SAFETY: a plain C struct, valid zeroed.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat writes into the struct we own.
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return None;
    }
    Some(st.st_mode & libc::S_IFMT)
}

/// A descriptor reads may wait on (not a regular file or an in-memory one).
fn may_block(file: &Rc<RefCell<FdFile>>) -> Option<(i32, u32)> {
    let f = file.try_borrow().ok()?;
    if f.mem.is_some() || f.fd < 0 || !f.readable {
        return None;
    }
    let t = file_type(f.fd)?;
    (t != libc::S_IFREG && t != libc::S_IFDIR).then_some((f.fd, t))
}

/// Waits with the GIL released until `fd` is readable (or at end of file,
/// or in error: the read reports it). Signal handlers run meanwhile.
fn poll_readable(vm: &mut Vm, fd: i32) -> PyResult<()> {
    let _ = retry_eintr(vm, || {
        let mut p = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one pollfd we own.
        unsafe { libc::poll(&mut p, 1, -1) as i64 }
    })?;
    Ok(())
}

/// Before a read from `f`: if nothing is buffered and its descriptor may
/// block, waits without the GIL until input is there.
pub(crate) fn wait_readable(vm: &mut Vm, f: Value) -> PyResult<()> {
    if !gil::threaded() {
        return Ok(());
    }
    let Some((file, buffered)) = os_file(vm, f) else {
        return Ok(());
    };
    let Some((fd, _)) = may_block(&file) else {
        return Ok(());
    };
    let empty = file
        .try_borrow()
        .map(|b| b.rpos >= b.rbuf.len())
        .unwrap_or(false);
    if buffered || !empty {
        return Ok(());
    }
    poll_readable(vm, fd)
}

/// Before `read()` of everything from `f`: a pipe or socket is read to its
/// end chunk by chunk, waiting without the GIL before each chunk.
pub(crate) fn fill_to_eof(vm: &mut Vm, f: Value) -> PyResult<()> {
    if !gil::threaded() {
        return Ok(());
    }
    let Some((file, _)) = os_file(vm, f) else {
        return Ok(());
    };
    // A terminal blocks again after end of file: left to the read.
    let Some((fd, t)) = may_block(&file) else {
        return Ok(());
    };
    if t != libc::S_IFIFO && t != libc::S_IFSOCK {
        return Ok(());
    }
    loop {
        poll_readable(vm, fd)?;
        let more = match file.try_borrow_mut() {
            Ok(mut b) => b.fill_chunk(),
            Err(_) => return Ok(()),
        };
        match more {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(super::methods::read_error(vm, e)),
        }
    }
}
