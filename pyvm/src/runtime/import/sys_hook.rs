//! The import system's part of `sys`: `path`, `modules`, `meta_path`,
//! `path_hooks`, `path_importer_cache`, `dont_write_bytecode`.
//!
//! [`install`] is the hook the `sys` module calls from its `init`;
//! [`MODULE`] is a minimal `sys` used until the full one exists (the
//! first `sys` listed in `modules::MODULES` wins).

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::modules::{ModuleRef, NativeModule};
use crate::runtime::types::GlobalSlot;

/// A minimal `sys` (argv, the import attributes).
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "sys",
    functions: &[],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    install(vm, m)?;
    let args: Vec<String> = vm.import.argv.clone();
    let l = vm.new_list(&[])?;
    let li = vm.push_temp(l);
    for a in &args {
        let s = vm.new_str(a)?;
        vm.list_vec(vm.temp(li)).push(s);
        // SAFETY: the list is live (rooted on temps).
        unsafe { vm.barrier(vm.temp(li)) };
    }
    m.set(vm, "argv", vm.temp(li))?;
    vm.pop_temps(li);
    Ok(())
}

/// `sys.path` as pyvm starts it: `sys.path[0]` (script directory, `''`
/// for `-c`, the current directory for `-m`), `PYTHONPATH`, the standard
/// library, its `site-packages`.
pub fn initial_path(vm: &Vm) -> Vec<String> {
    let mut path = Vec::new();
    if let Some(p0) = &vm.import.path0 {
        path.push(p0.clone());
    }
    if !vm.import.ignore_environment
        && let Some(pp) = std::env::var_os("PYTHONPATH")
    {
        for p in std::env::split_paths(&pp) {
            let s = p.to_string_lossy().into_owned();
            if !s.is_empty() {
                path.push(s);
            }
        }
    }
    if let Some(std) = super::stdlib_path::find_stdlib() {
        path.push(std.to_string_lossy().into_owned());
        if let Some(sp) = super::stdlib_path::site_packages(&std) {
            path.push(sp.to_string_lossy().into_owned());
        }
    }
    path
}

/// Sets the import attributes on the `sys` module being initialized.
pub fn install(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    let path = initial_path(vm);
    let l = vm.new_list(&[])?;
    let li = vm.push_temp(l);
    for p in &path {
        let s = vm.new_str(p)?;
        vm.list_vec(vm.temp(li)).push(s);
        // SAFETY: the list is live (rooted on temps).
        unsafe { vm.barrier(vm.temp(li)) };
    }
    m.set(vm, "path", vm.temp(li))?;
    vm.pop_temps(li);
    let modules = vm.global(GlobalSlot::Modules);
    m.set(vm, "modules", modules)?;
    for name in ["meta_path", "path_hooks"] {
        let l = vm.new_list(&[])?;
        m.set(vm, name, l)?;
    }
    let d = vm.new_dict()?;
    m.set(vm, "path_importer_cache", d)?;
    m.set(
        vm,
        "dont_write_bytecode",
        Value::from_bool(vm.import.dont_write_bytecode),
    )?;
    Ok(())
}
