//! A file descriptor with read and write buffers: the state shared by a
//! `FileIO`, the `Buffered*` object over it and the `TextIOWrapper` over
//! that (one `Rc<RefCell<FdFile>>`), so closing or flushing any layer acts
//! on the same buffers.

use std::io;

/// Size of a read chunk and of the write buffer before it is written out.
pub const BUFFER_SIZE: usize = 8192;

/// An open file descriptor and its buffers.
pub struct FdFile {
    /// The descriptor (-1 once closed).
    pub fd: i32,
    /// Whether closing this object closes the descriptor.
    pub closefd: bool,
    /// Opened for reading.
    pub readable: bool,
    /// Opened for writing.
    pub writable: bool,
    /// Opened in append mode.
    pub append: bool,
    /// Whether writes are buffered (false for `FileIO` and `buffering=0`).
    pub buffered: bool,
    /// The process's original stdout: text written goes to `Vm::out`
    /// (the buffer `print` fills), so the two never interleave wrongly.
    pub to_vm_out: bool,
    /// Bytes written but not yet handed to the OS.
    pub wbuf: Vec<u8>,
    /// Bytes read from the OS and not yet consumed (from `rpos`).
    pub rbuf: Vec<u8>,
    /// Read position in `rbuf`.
    pub rpos: usize,
    /// The descriptor reached end of file at the last fill.
    pub eof: bool,
    /// A `BytesIO`: the bytes stand in for the descriptor's file (`fd` is
    /// [`MEM_FD`] while open) and `mpos` for its OS position.
    pub mem: Option<Vec<u8>>,
    /// The "OS position" in `mem`.
    pub mpos: usize,
}

/// The `fd` of an open in-memory file (`BytesIO`).
pub const MEM_FD: i32 = i32::MAX;

/// Why a read stopped early.
#[derive(Debug)]
pub enum ReadError {
    /// An OS error.
    Os(io::Error),
    /// A SIGINT arrived while blocked (the caller raises KeyboardInterrupt).
    Interrupted,
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Os(e)
    }
}

impl FdFile {
    /// A file over `fd` with the given access.
    pub fn new(fd: i32, readable: bool, writable: bool, append: bool, closefd: bool) -> FdFile {
        FdFile {
            fd,
            closefd,
            readable,
            writable,
            append,
            buffered: true,
            to_vm_out: false,
            wbuf: Vec::new(),
            rbuf: Vec::new(),
            rpos: 0,
            eof: false,
            mem: None,
            mpos: 0,
        }
    }

    /// An in-memory file (`BytesIO`) holding `data`, positioned at 0.
    pub fn memory(data: Vec<u8>) -> FdFile {
        let mut f = FdFile::new(MEM_FD, true, true, false, true);
        f.buffered = false;
        f.mem = Some(data);
        f
    }

    /// Moves the in-memory position like `lseek`.
    fn mem_seek(&mut self, off: i64, whence: i32) -> io::Result<i64> {
        let len = self.mem.as_ref().map_or(0, Vec::len) as i64;
        let base = match whence {
            libc::SEEK_CUR => self.mpos as i64,
            libc::SEEK_END => len,
            _ => 0,
        };
        let p = base + off;
        if p < 0 {
            return Err(io::Error::from_raw_os_error(libc::EINVAL));
        }
        self.mpos = p as usize;
        Ok(p)
    }

    /// `lseek` on the descriptor or the in-memory position.
    fn os_seek(&mut self, off: i64, whence: i32) -> io::Result<i64> {
        if self.mem.is_some() {
            return self.mem_seek(off, whence);
        }
        // SAFETY: lseek on our descriptor.
        let r = unsafe { libc::lseek(self.fd, off, whence) };
        if r < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(r)
    }

    /// Whether the descriptor is closed.
    pub fn is_closed(&self) -> bool {
        self.fd < 0
    }

    fn raw_write(&mut self, mut data: &[u8]) -> io::Result<()> {
        if let Some(m) = self.mem.as_mut() {
            let start = self.mpos;
            let end = start + data.len();
            if m.len() < end {
                m.resize(end, 0);
            }
            m[start..end].copy_from_slice(data);
            self.mpos = end;
            return Ok(());
        }
        while !data.is_empty() {
            // SAFETY: writing from a valid slice to our descriptor.
            let n = unsafe { libc::write(self.fd, data.as_ptr().cast(), data.len()) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            data = &data[n as usize..];
        }
        Ok(())
    }

    /// Writes out the write buffer.
    pub fn flush(&mut self) -> io::Result<()> {
        if self.wbuf.is_empty() || self.fd < 0 {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        self.raw_write(&buf)
    }

    /// Writes `data` (buffered unless the file is unbuffered).
    pub fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.drop_read_buffer()?;
        if !self.buffered {
            self.flush()?;
            self.raw_write(data)?;
            return Ok(data.len());
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= BUFFER_SIZE {
            self.flush()?;
        }
        Ok(data.len())
    }

    /// Discards read-ahead, moving the OS position back to the logical one.
    fn drop_read_buffer(&mut self) -> io::Result<()> {
        let ahead = self.rbuf.len() - self.rpos;
        if ahead > 0 {
            let _ = self.os_seek(-(ahead as i64), libc::SEEK_CUR);
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// Reads one chunk from the OS into the read buffer; returns how many
    /// bytes came (0 at end of file).
    fn fill(&mut self) -> Result<usize, ReadError> {
        self.flush()?;
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let old = self.rbuf.len();
        if let Some(m) = self.mem.as_ref() {
            let start = self.mpos.min(m.len());
            self.rbuf.extend_from_slice(&m[start..]);
            self.mpos = self.mpos.max(m.len());
            let n = self.rbuf.len() - old;
            self.eof = n == 0;
            return Ok(n);
        }
        self.rbuf.resize(old + BUFFER_SIZE, 0);
        loop {
            // SAFETY: reading into the spare tail of our buffer.
            let n =
                unsafe { libc::read(self.fd, self.rbuf[old..].as_mut_ptr().cast(), BUFFER_SIZE) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    if crate::runtime::sysstate::take_interrupt() {
                        self.rbuf.truncate(old);
                        return Err(ReadError::Interrupted);
                    }
                    continue;
                }
                self.rbuf.truncate(old);
                return Err(ReadError::Os(e));
            }
            self.rbuf.truncate(old + n as usize);
            self.eof = n == 0;
            return Ok(n as usize);
        }
    }

    /// Reads up to `n` bytes (all that remains when `None`).
    pub fn read(&mut self, n: Option<usize>) -> Result<Vec<u8>, ReadError> {
        loop {
            let avail = self.rbuf.len() - self.rpos;
            if let Some(n) = n
                && avail >= n
            {
                let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
                self.rpos += n;
                return Ok(out);
            }
            if self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
            // An interactive stream returns what one read gave.
            if n.is_some() && !self.buffered {
                let avail = self.rbuf.len() - self.rpos;
                let take = avail.min(n.unwrap_or(avail));
                let out = self.rbuf[self.rpos..self.rpos + take].to_vec();
                self.rpos += take;
                return Ok(out);
            }
        }
    }

    /// Reads one line including its `\n` (at most `limit` bytes).
    pub fn readline(&mut self, limit: Option<usize>) -> Result<Vec<u8>, ReadError> {
        loop {
            let avail = &self.rbuf[self.rpos..];
            let cap = limit.unwrap_or(usize::MAX);
            if let Some(i) = avail.iter().position(|&b| b == b'\n')
                && i < cap
            {
                let out = avail[..=i].to_vec();
                self.rpos += i + 1;
                return Ok(out);
            }
            if avail.len() >= cap {
                let out = avail[..cap].to_vec();
                self.rpos += cap;
                return Ok(out);
            }
            if self.fill()? == 0 {
                let out = self.rbuf[self.rpos..].to_vec();
                self.rpos = self.rbuf.len();
                return Ok(out);
            }
        }
    }

    /// Reads one more chunk from the OS onto the read buffer; returns how
    /// many bytes came (0 at end of file).
    pub fn fill_chunk(&mut self) -> Result<usize, ReadError> {
        self.fill()
    }

    /// Whether at least one more byte can be read without blocking past
    /// end of file (fills the buffer if needed).
    pub fn peek_more(&mut self) -> Result<bool, ReadError> {
        if self.rpos < self.rbuf.len() {
            return Ok(true);
        }
        Ok(self.fill()? > 0)
    }

    /// `seek(offset, whence)`; returns the new absolute position.
    pub fn seek(&mut self, offset: i64, whence: i32) -> io::Result<i64> {
        self.flush()?;
        let mut off = offset;
        if whence == libc::SEEK_CUR {
            off -= (self.rbuf.len() - self.rpos) as i64;
        }
        self.rbuf.clear();
        self.rpos = 0;
        self.eof = false;
        self.os_seek(off, whence)
    }

    /// The logical position (OS position minus read-ahead plus unwritten).
    pub fn tell(&mut self) -> io::Result<i64> {
        let r = self.os_seek(0, libc::SEEK_CUR)?;
        Ok(r - (self.rbuf.len() - self.rpos) as i64 + self.wbuf.len() as i64)
    }

    /// Truncates the file to `size` bytes.
    pub fn truncate(&mut self, size: i64) -> io::Result<()> {
        self.flush()?;
        if let Some(m) = self.mem.as_mut() {
            m.truncate(size.max(0) as usize);
            return Ok(());
        }
        // SAFETY: ftruncate on our descriptor.
        if unsafe { libc::ftruncate(self.fd, size) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Whether the descriptor supports seeking.
    pub fn seekable(&self) -> bool {
        if self.mem.is_some() {
            return true;
        }
        // SAFETY: lseek on our descriptor.
        unsafe { libc::lseek(self.fd, 0, libc::SEEK_CUR) >= 0 }
    }

    /// Whether the descriptor is a terminal.
    pub fn isatty(&self) -> bool {
        if self.mem.is_some() {
            return false;
        }
        // SAFETY: isatty on our descriptor.
        unsafe { libc::isatty(self.fd) == 1 }
    }

    /// Flushes and (if owned) closes the descriptor.
    pub fn close(&mut self) -> io::Result<()> {
        if self.fd < 0 {
            return Ok(());
        }
        let r = self.flush();
        if self.closefd && self.mem.is_none() {
            // SAFETY: closing our own descriptor once.
            unsafe { libc::close(self.fd) };
        }
        self.fd = -1;
        r
    }
}

impl Drop for FdFile {
    fn drop(&mut self) {
        if !self.to_vm_out {
            let _ = self.close();
        }
    }
}
