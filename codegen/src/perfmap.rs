//! `perf` map files: `/tmp/perf-<pid>.map`, one line per compiled trace,
//! `START SIZE NAME` with hexadecimal start and size, as `perf report`
//! reads them to name code that has no symbol table.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An open perf map, appended to as traces are compiled.
#[derive(Debug)]
pub struct PerfMap {
    file: File,
    path: PathBuf,
}

impl PerfMap {
    /// Opens (appending) `/tmp/perf-<pid>.map` for this process.
    pub fn open_for_process() -> io::Result<PerfMap> {
        PerfMap::open(Path::new(&format!("/tmp/perf-{}.map", std::process::id())))
    }

    /// Opens (appending) a perf map at `path`.
    pub fn open(path: &Path) -> io::Result<PerfMap> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(PerfMap {
            file,
            path: path.to_path_buf(),
        })
    }

    /// Where the map is written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records that `name` occupies `len` bytes at `addr`.
    pub fn record(&mut self, addr: *const u8, len: usize, name: &str) -> io::Result<()> {
        writeln!(self.file, "{:x} {:x} {}", addr as usize, len, name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_perf_format_lines() {
        let path = std::env::temp_dir().join(format!(
            "pyvm-codegen-perfmap-test-{}.map",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&path);
        let mut pm = PerfMap::open(&path).unwrap();
        pm.record(0x7f00_1000 as *const u8, 0x40, "pyvm-trace-t3")
            .unwrap();
        pm.record(0x7f00_2000 as *const u8, 0x8, "pyvm-trace-t4")
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "7f001000 40 pyvm-trace-t3\n7f002000 8 pyvm-trace-t4\n"
        );
        std::fs::remove_file(&path).unwrap();
    }
}
