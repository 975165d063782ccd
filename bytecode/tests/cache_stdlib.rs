//! Every `.py` file of the CPython 3.11 standard library on this machine
//! (tests included) that compiles survives a trip through the bytecode
//! cache format unchanged. Skipped, with a message, when `python3` is not
//! CPython 3.11.

use std::process::Command;
use std::sync::Arc;

use pyvm_bytecode::cache::{CacheKey, read_cache, write_cache};
use pyvm_bytecode::{Mode, compile_bytes};

fn python_stdlib() -> Option<String> {
    let out = Command::new("python3")
        .args(["-c", "import sys, sysconfig; assert sys.version_info[:2] == (3, 11); print(sysconfig.get_path('stdlib'))"])
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn collect(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}

/// `Err(description)` when the file's code does not round-trip.
fn round_trip(path: &str) -> Result<(), String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(());
    };
    let Ok(code) = compile_bytes(&bytes, path, Mode::Exec) else {
        return Ok(());
    };
    let key = CacheKey {
        tag: "test".into(),
        mtime_ns: 1,
        size: bytes.len() as u64,
    };
    let data = write_cache(&key, &code);
    let back = read_cache(&data, &key, Arc::from(path)).map_err(|e| format!("{path}: {e}"))?;
    if write_cache(&key, &back) != data {
        return Err(format!("{path}: re-encoding differs"));
    }
    Ok(())
}

#[test]
fn every_stdlib_file_round_trips_through_the_cache_format() {
    let Some(stdlib) = python_stdlib() else {
        eprintln!("skipped: python3 (CPython 3.11) not found");
        return;
    };
    let mut files = Vec::new();
    collect(std::path::Path::new(&stdlib), &mut files);
    files.sort();
    assert!(files.len() > 1000, "stdlib at {stdlib} looks incomplete");
    let (a, b) = files.split_at(files.len() / 2);
    let failures: Vec<String> = std::thread::scope(|s| {
        let spawn = |part: &'static [String]| {
            std::thread::Builder::new()
                .stack_size(1 << 20)
                .spawn_scoped(s, move || {
                    part.iter()
                        .filter_map(|p| round_trip(p).err())
                        .collect::<Vec<_>>()
                })
                .expect("spawn worker")
        };
        let a: &'static [String] = Vec::leak(a.to_vec());
        let b: &'static [String] = Vec::leak(b.to_vec());
        let (h1, h2) = (spawn(a), spawn(b));
        let mut f = h1.join().expect("worker");
        f.append(&mut h2.join().expect("worker"));
        f
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
