//! Finding a module on a search path (what CPython's `PathFinder` and
//! `FileFinder` do for source files), in plain Rust: no Python objects.
//!
//! For each directory of the path, in order: a subdirectory `NAME` with an
//! `__init__.py` is a regular package (found, stop); a subdirectory without
//! one is remembered as a namespace-package portion (PEP 420) and the
//! search goes on; a file `NAME.py` is a module (found, stop). When nothing
//! was found but portions were, the result is a namespace package spanning
//! them all.

use std::path::{Path, PathBuf};

/// What a search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// A source module: the `.py` file.
    Module(PathBuf),
    /// A regular package: its `__init__.py` and its directory.
    Package(PathBuf, PathBuf),
    /// A namespace package: its portions (directories), in path order.
    Namespace(Vec<PathBuf>),
}

/// The directory a path entry stands for (`""` is the current directory,
/// made absolute as CPython's `FileFinder` does).
pub fn entry_dir(entry: &str) -> PathBuf {
    if entry.is_empty() {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    } else {
        let p = Path::new(entry);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
        }
    }
}

/// Searches `dirs` for the module whose last name component is `name`.
pub fn find_in(name: &str, dirs: &[String]) -> Option<Found> {
    if name.is_empty() || name.contains(['/', '\0']) || name == "." || name == ".." {
        return None;
    }
    let mut portions = Vec::new();
    for entry in dirs {
        let dir = entry_dir(entry);
        let sub = dir.join(name);
        let mut is_dir = false;
        if let Ok(md) = std::fs::metadata(&sub)
            && md.is_dir()
        {
            is_dir = true;
            let init = sub.join("__init__.py");
            if init.is_file() {
                return Some(Found::Package(init, sub));
            }
        }
        let file = dir.join(format!("{name}.py"));
        if file.is_file() {
            return Some(Found::Module(file));
        }
        if is_dir {
            portions.push(sub);
        }
    }
    (!portions.is_empty()).then_some(Found::Namespace(portions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_modules_packages_and_namespace_portions() {
        let root = std::env::temp_dir().join(format!("pyvm-find-{}", std::process::id()));
        let a = root.join("a");
        let b = root.join("b");
        std::fs::create_dir_all(a.join("pkg")).unwrap();
        std::fs::create_dir_all(a.join("ns")).unwrap();
        std::fs::create_dir_all(b.join("ns")).unwrap();
        std::fs::write(a.join("pkg/__init__.py"), "").unwrap();
        std::fs::write(b.join("mod.py"), "").unwrap();
        let dirs = [a.display().to_string(), b.display().to_string()];
        assert_eq!(
            find_in("pkg", &dirs),
            Some(Found::Package(a.join("pkg/__init__.py"), a.join("pkg")))
        );
        assert_eq!(find_in("mod", &dirs), Some(Found::Module(b.join("mod.py"))));
        assert_eq!(
            find_in("ns", &dirs),
            Some(Found::Namespace(vec![a.join("ns"), b.join("ns")]))
        );
        assert_eq!(find_in("missing", &dirs), None);
        assert_eq!(find_in("..", &dirs), None);
        let _ = std::fs::remove_dir_all(&root);
    }
}
