//! Where CPython 3.11's standard library is (the directory holding its
//! `os.py`), found without running `python3` at start-up:
//!
//! 1. `PYVM_STDLIB` (used as given);
//! 2. the directory `build.rs` found at build time (`PYVM_BUILD_STDLIB`),
//!    if it still holds `os.py`;
//! 3. for each `python3.11`/`python3` on `PATH` (symlinks resolved): its
//!    prefix's `lib/python3.11`, or the `home` of a `pyvenv.cfg` next to it
//!    or one level up; pyenv shims lead to `$PYENV_ROOT/versions/3.11*`;
//! 4. `/usr/local/lib/python3.11`, `/usr/lib/python3.11`.

use std::path::{Path, PathBuf};

/// The standard library's directory name under a prefix's `lib/`.
const LIBDIR: &str = "python3.11";

fn is_stdlib(dir: &Path) -> bool {
    dir.join("os.py").is_file()
}

/// The standard library directory, if one is found.
pub fn find_stdlib() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PYVM_STDLIB") {
        return Some(PathBuf::from(p));
    }
    if let Some(p) = option_env!("PYVM_BUILD_STDLIB") {
        let p = PathBuf::from(p);
        if is_stdlib(&p) {
            return Some(p);
        }
    }
    if let Some(p) = from_path_env() {
        return Some(p);
    }
    ["/usr/local/lib/python3.11", "/usr/lib/python3.11"]
        .iter()
        .map(PathBuf::from)
        .find(|p| is_stdlib(p))
}

/// The stdlib of a `python3` found on `PATH`.
fn from_path_env() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for exe in ["python3.11", "python3"] {
            let cand = dir.join(exe);
            if !cand.is_file() {
                continue;
            }
            if let Some(p) = stdlib_of_executable(&cand) {
                return Some(p);
            }
        }
    }
    None
}

/// The stdlib belonging to a Python executable.
pub fn stdlib_of_executable(exe: &Path) -> Option<PathBuf> {
    let real = std::fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
    let bin = real.parent()?;
    // A virtual environment: `pyvenv.cfg` names the base installation.
    for cfg in [bin.join("pyvenv.cfg"), bin.parent()?.join("pyvenv.cfg")] {
        if let Ok(text) = std::fs::read_to_string(&cfg) {
            for line in text.lines() {
                if let Some((k, v)) = line.split_once('=')
                    && k.trim() == "home"
                {
                    let home = PathBuf::from(v.trim());
                    if let Some(p) = home.parent().map(|pre| pre.join("lib").join(LIBDIR))
                        && is_stdlib(&p)
                    {
                        return Some(p);
                    }
                }
            }
        }
    }
    let p = bin.parent()?.join("lib").join(LIBDIR);
    if is_stdlib(&p) {
        return Some(p);
    }
    // pyenv's shims are scripts in `$PYENV_ROOT/shims`.
    if bin.file_name().is_some_and(|n| n == "shims") {
        let root = bin.parent()?;
        let mut versions: Vec<PathBuf> = std::fs::read_dir(root.join("versions"))
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("3.11"))
            })
            .collect();
        versions.sort();
        return versions
            .into_iter()
            .rev()
            .map(|v| v.join("lib").join(LIBDIR))
            .find(|p| is_stdlib(p));
    }
    None
}

/// `site-packages` next to the standard library, if present.
pub fn site_packages(stdlib: &Path) -> Option<PathBuf> {
    let p = stdlib.join("site-packages");
    p.is_dir().then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_layout_is_recognized() {
        let root = std::env::temp_dir().join(format!("pyvm-stdlib-{}", std::process::id()));
        let lib = root.join("lib").join(LIBDIR);
        std::fs::create_dir_all(&lib).unwrap();
        std::fs::create_dir_all(root.join("bin")).unwrap();
        std::fs::write(lib.join("os.py"), "").unwrap();
        std::fs::write(root.join("bin/python3"), "").unwrap();
        assert_eq!(
            stdlib_of_executable(&root.join("bin/python3")),
            Some(std::fs::canonicalize(&lib).unwrap())
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
