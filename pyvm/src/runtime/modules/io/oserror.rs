//! `OSError` and its errno subclasses as CPython raises them:
//! `FileNotFoundError: [Errno 2] No such file or directory: 'x'`.
//!
//! A natively raised OSError has `args == (errno, strerror)` and the
//! attributes `errno`, `strerror`, `filename`, `filename2` in its dict;
//! `str()` renders `[Errno N] strerror: 'filename'` (`exc_types.rs`).

use pyvm_objmodel::Value;

use crate::runtime::exception::{PyResult, Raised};
use crate::runtime::heap::Vm;
use crate::runtime::layout::ExcField;
use crate::runtime::types::TypeId;

/// The OSError subclass CPython picks for an errno.
pub fn class_for_errno(errno: i32) -> TypeId {
    match errno {
        libc::ENOENT => TypeId::FileNotFoundError,
        libc::EEXIST => TypeId::FileExistsError,
        libc::EACCES | libc::EPERM => TypeId::PermissionError,
        libc::EISDIR => TypeId::IsADirectoryError,
        libc::ENOTDIR => TypeId::NotADirectoryError,
        libc::EINTR => TypeId::InterruptedError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => TypeId::BlockingIOError,
        libc::ESRCH => TypeId::ProcessLookupError,
        libc::ECHILD => TypeId::ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => TypeId::BrokenPipeError,
        libc::ETIMEDOUT => TypeId::TimeoutError,
        libc::ECONNREFUSED => TypeId::ConnectionRefusedError,
        libc::ECONNRESET => TypeId::ConnectionResetError,
        libc::ECONNABORTED => TypeId::ConnectionAbortedError,
        _ => TypeId::OSError,
    }
}

/// The C library's message for an errno.
pub fn strerror(errno: i32) -> String {
    // SAFETY: strerror returns a valid NUL-terminated string (copied at once).
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return format!("Unknown error {errno}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

impl Vm {
    /// Raises the OSError subclass for `errno`, naming `filename`.
    pub fn raise_os_error(&mut self, errno: i32, filename: Option<&str>) -> Raised {
        let msg = strerror(errno);
        self.raise_os_error_msg(errno, &msg, filename)
    }

    /// Raises the OSError for a Rust I/O error (`filename` if any).
    pub fn raise_io_error(&mut self, e: &std::io::Error, filename: Option<&str>) -> Raised {
        match e.raw_os_error() {
            Some(n) => self.raise_os_error(n, filename),
            None => self.raise_msg(TypeId::OSError, &e.to_string()),
        }
    }

    /// Raises an OSError with an explicit message.
    pub fn raise_os_error_msg(&mut self, errno: i32, msg: &str, filename: Option<&str>) -> Raised {
        let made = (|| -> PyResult<Value> {
            let mark = self.temps_len();
            let m = self.new_str(msg)?;
            self.push_temp(m);
            let e = Value::from_int(errno as i64).unwrap_or(Value::NONE);
            let args = self.new_tuple(&[e, self.temp(mark)])?;
            let class = self.ty(class_for_errno(errno));
            let exc = self.new_exception(class, args)?;
            self.push_temp(exc);
            let d = self.new_dict()?;
            self.set_field(self.temp(mark + 1), ExcField::Dict as usize, d);
            let fname = match filename {
                Some(f) => self.new_str(f)?,
                None => Value::NONE,
            };
            self.push_temp(fname);
            for (k, which) in [
                ("errno", 0),
                ("strerror", 1),
                ("filename", 2),
                ("filename2", 3),
            ] {
                let v = match which {
                    0 => e,
                    1 => self.temp(mark),
                    2 => self.temp(mark + 2),
                    _ => Value::NONE,
                };
                let vi = self.push_temp(v);
                let d = self.field(self.temp(mark + 1), ExcField::Dict as usize);
                self.dict_set_str(d, k, self.temp(vi))?;
                self.pop_temps(vi);
            }
            let exc = self.temp(mark + 1);
            self.pop_temps(mark);
            Ok(exc)
        })();
        match made {
            Ok(exc) => self.raise_value(exc),
            Err(r) => r,
        }
    }
}
