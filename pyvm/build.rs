//! Build-time probe: the standard library of the `python3` on `PATH` at
//! build time, baked in as the first place `runtime::import::stdlib_path`
//! looks (after `PYVM_STDLIB`). Nothing fails when there is no `python3`.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let probe =
        "import os, sys\nif sys.version_info[:2] == (3, 11): print(os.path.dirname(os.__file__))";
    if let Ok(out) = std::process::Command::new("python3")
        .args(["-c", probe])
        .output()
    {
        let dir = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !dir.is_empty() {
            println!("cargo:rustc-env=PYVM_BUILD_STDLIB={dir}");
        }
    }
}
