//! The bytecode cache: compiled modules are kept in
//! `__pycache__/NAME.pyvm-<version>.bin` next to their source, in
//! `pyvm_bytecode::cache`'s format, keyed by the source's modification time
//! and size and by a tag naming this pyvm build (its version plus a hash of
//! the compiler's sources, so a rebuilt compiler never reads an older
//! compiler's output). `-B`, `PYTHONDONTWRITEBYTECODE` and
//! `sys.dont_write_bytecode` stop writing; reading stays on. Directories
//! that cannot be written are skipped silently. Files are written to a
//! temporary name and renamed, so a reader never sees half a file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use pyvm_bytecode::CodeObject;
use pyvm_bytecode::cache::{CacheKey, read_cache, write_cache};

/// The tag every cache entry of this build carries.
pub fn cache_tag() -> String {
    format!(
        "pyvm-{}-{}",
        env!("CARGO_PKG_VERSION"),
        option_env!("PYVM_BYTECODE_HASH").unwrap_or("dev")
    )
}

/// The cache file for the source file `source`.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let dir = source.parent()?;
    let stem = source.file_stem()?.to_str()?;
    Some(
        dir.join("__pycache__")
            .join(format!("{stem}.pyvm-{}.bin", env!("CARGO_PKG_VERSION"))),
    )
}

/// The key of a source file with this metadata.
pub fn key_for(md: &std::fs::Metadata) -> CacheKey {
    let mtime_ns = md
        .modified()
        .ok()
        .map(|t| match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
        .unwrap_or(0);
    CacheKey {
        tag: cache_tag(),
        mtime_ns,
        size: md.len(),
    }
}

/// The cached code of `source` if a valid entry exists.
pub fn load(source: &Path, key: &CacheKey, filename: &str) -> Option<Arc<CodeObject>> {
    let bytes = std::fs::read(cache_path(source)?).ok()?;
    read_cache(&bytes, key, Arc::from(filename)).ok()
}

/// Writes the cache entry of `source` (errors are ignored: a read-only
/// directory simply has no cache).
pub fn store(source: &Path, key: &CacheKey, code: &CodeObject) {
    let Some(path) = cache_path(source) else {
        return;
    };
    let Some(dir) = path.parent() else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let data = write_cache(key, code);
    let tmp = path.with_extension(format!("bin.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, &path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_live_in_pycache_and_follow_the_source() {
        let dir = std::env::temp_dir().join(format!("pyvm-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let src = dir.join("m.py");
        std::fs::write(&src, "x = 1\n").unwrap();
        let md = std::fs::metadata(&src).unwrap();
        let key = key_for(&md);
        let code = pyvm_bytecode::compile("x = 1\n", "m.py", pyvm_bytecode::Mode::Exec).unwrap();
        assert!(load(&src, &key, "m.py").is_none());
        store(&src, &key, &code);
        assert!(
            cache_path(&src)
                .unwrap()
                .starts_with(dir.join("__pycache__"))
        );
        assert!(load(&src, &key, "m.py").is_some());
        let changed = CacheKey { size: 7, ..key };
        assert!(load(&src, &changed, "m.py").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
