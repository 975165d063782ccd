//! Executable memory: one private mapping per compiled trace, written while
//! read-write, then switched to read-execute (W^X) before anyone can run it,
//! and unmapped when the trace is reclaimed.

use std::io;
use std::ptr::NonNull;

/// A block of machine code in its own read+execute mapping.
///
/// The bytes never change after [`ExecMemory::new`] returns: side-trace links
/// go through data slots, never through code patching, so there is no need
/// to make code writable again.
#[derive(Debug)]
pub struct ExecMemory {
    ptr: NonNull<u8>,
    /// Mapped length (whole pages).
    mapped: usize,
    /// Length of the code proper.
    len: usize,
}

// SAFETY: the mapping is immutable once built and owned by this value; sharing
// a pointer to read-only executable bytes across threads is sound.
unsafe impl Send for ExecMemory {}
// SAFETY: as above, no interior mutability.
unsafe impl Sync for ExecMemory {}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if size <= 0 { 4096 } else { size as usize }
}

impl ExecMemory {
    /// Copies `code` into a fresh mapping and makes it executable.
    pub fn new(code: &[u8]) -> io::Result<ExecMemory> {
        let page = page_size();
        let mapped = code.len().max(1).div_ceil(page) * page;
        // SAFETY: anonymous private mapping, no address hint; the result is
        // checked against MAP_FAILED.
        let raw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = NonNull::new(raw.cast::<u8>()).ok_or_else(io::Error::last_os_error)?;
        // SAFETY: the mapping is `mapped >= code.len()` bytes, writable, and
        // cannot overlap `code` (it was just created).
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), ptr.as_ptr(), code.len()) };
        // SAFETY: `raw` is the start of our own mapping of `mapped` bytes.
        let rc = unsafe { libc::mprotect(raw, mapped, libc::PROT_READ | libc::PROT_EXEC) };
        if rc != 0 {
            let err = io::Error::last_os_error();
            // SAFETY: unmapping the mapping we created above.
            unsafe { libc::munmap(raw, mapped) };
            return Err(err);
        }
        flush_icache(ptr.as_ptr(), code.len());
        Ok(ExecMemory {
            ptr,
            mapped,
            len: code.len(),
        })
    }

    /// Address of the first instruction.
    pub fn as_ptr(&self) -> *const u8 {
        self.ptr.as_ptr()
    }

    /// Length of the code in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the block holds no code.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The machine code bytes.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the mapping is readable and `len` bytes were initialised.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for ExecMemory {
    fn drop(&mut self) {
        // SAFETY: we own the mapping; the code cache only drops an
        // `ExecMemory` once no thread can still be executing it.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.mapped) };
    }
}

#[cfg(target_arch = "aarch64")]
fn flush_icache(start: *mut u8, len: usize) {
    unsafe extern "C" {
        fn __clear_cache(start: *mut libc::c_char, end: *mut libc::c_char);
    }
    // SAFETY: the range lies within one mapping we own.
    unsafe { __clear_cache(start.cast(), start.add(len).cast()) };
}

#[cfg(not(target_arch = "aarch64"))]
fn flush_icache(_start: *mut u8, _len: usize) {
    // x86-64 keeps instruction fetch coherent with data writes.
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_code_and_reports_length() {
        let mem = ExecMemory::new(&[0xc3, 0x90, 0x90]).unwrap();
        assert_eq!(mem.bytes(), &[0xc3, 0x90, 0x90]);
        assert_eq!(mem.len(), 3);
        assert!(!mem.is_empty());
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn runs_hand_written_x86_code() {
        // mov eax, 42 ; ret
        let mem = ExecMemory::new(&[0xb8, 42, 0, 0, 0, 0xc3]).unwrap();
        // SAFETY: the bytes above are a complete C-ABI function returning u32.
        let f: extern "C" fn() -> u32 = unsafe { std::mem::transmute(mem.as_ptr()) };
        assert_eq!(f(), 42);
    }
}
