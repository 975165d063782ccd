//! Native modules: what CPython implements in C (`math`, `time`, `_io`...).
//!
//! Each native module is one file here (or a folder for big ones) that
//! exports a [`NativeModule`]: its functions and an `init` hook that adds
//! everything else (constants, types). [`MODULES`] lists them; the import
//! system ([`Vm::import_native`]) creates a module object from the
//! definition the first time the module is imported.
//!
//! Adding a module: write `modules/<name>.rs` with
//! `pub(crate) const MODULE: NativeModule = NativeModule { .. }` and add one
//! line to [`MODULES`].

mod abc;
mod array;
mod atexit;
mod binascii;
mod bisect;
mod builtins_mod;
mod bz2;
mod cmath;
mod codecs;
mod collections;
mod contextvars;
mod csv;
mod csv_parse;
mod errno;
mod expat_tok;
mod faulthandler;
mod fcntl;
mod functools;
mod gc;
mod gc_walk;
mod hashes;
mod hashlib_native;
mod heapq;
pub mod io;
mod itertools;
mod itertools_comb;
mod json_speedups;
mod locale;
mod lzma;
pub(crate) mod mappingproxy;
mod marshal;
mod math;
mod mmap;
mod native_subclass;
pub(crate) mod native_types;
mod operator;
mod posix;
mod posix_bytes;
mod posix_files;
mod posix_owner;
mod posix_proc;
mod posix_sys;
mod posixsubprocess;
mod pwd_grp;
mod pyexpat;
pub(crate) mod random_core;
mod resource;
mod select;
mod signal;
mod site_builtins;
mod socket;
mod socket_addr;
mod socket_consts;
mod socket_names;
pub(crate) mod sre;
mod stat_mod;
mod string;
mod structmod;
mod structseq;
pub mod sys;
pub(crate) mod syscall;
mod termios;
mod thread;
mod time_mod;
mod ucd_3_2_0;
mod unicodedata;
mod unraisable;
mod warnings_shim;
mod weakref;
mod zlib;
mod zlib_codec;

use pyvm_objmodel::Value;

use super::builtins::{MODULE_TAG, new_builtin};
use super::call::NativeFn;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::{GlobalSlot, TypeId};

/// A native module's definition.
pub(crate) struct NativeModule {
    /// The module's name as imported (`"math"`, `"_io"`).
    pub name: &'static str,
    /// Its functions: name and native.
    pub functions: &'static [(&'static str, NativeFn)],
    /// Called once with the new module (its functions already set) to add
    /// constants and types.
    pub init: Option<fn(&mut Vm, ModuleRef) -> PyResult<()>>,
}

/// A module being initialized, rooted on the VM's temps (a raw `Value`
/// would go stale at the first allocation under a moving collector).
#[derive(Clone, Copy, Debug)]
pub(crate) struct ModuleRef(usize);

impl ModuleRef {
    /// The module object (re-read it after anything that allocates).
    pub fn get(self, vm: &Vm) -> Value {
        vm.temp(self.0)
    }

    /// Sets attribute `name` of the module to `value` (`value` is rooted
    /// while the name is allocated).
    pub fn set(self, vm: &mut Vm, name: &str, value: Value) -> PyResult<()> {
        let vi = vm.push_temp(value);
        let key = match vm.new_str(name) {
            Ok(k) => k,
            Err(e) => {
                vm.pop_temps(vi);
                return Err(e);
            }
        };
        let d = vm.field(self.get(vm), 0);
        let r = vm.dict_set(d, key, vm.temp(vi));
        vm.pop_temps(vi);
        r
    }
}

/// Every native module.
const MODULES: &[&NativeModule] = &[
    &math::MODULE,
    &sre::MODULE,
    &sys::MODULE,
    &builtins_mod::MODULE,
    &io::MODULE,
    &io::IO_MODULE,
    &atexit::MODULE,
    &posix::MODULE,
    &errno::MODULE,
    &signal::MODULE,
    &signal::SIGNAL_MODULE,
    &locale::MODULE,
    &faulthandler::MODULE,
    &random_core::MODULE,
    &cmath::MODULE,
    &time_mod::MODULE,
    &itertools::MODULE,
    &operator::MODULE,
    &functools::MODULE,
    &thread::MODULE,
    &gc::MODULE,
    &collections::MODULE,
    &weakref::MODULE,
    &heapq::MODULE,
    &bisect::MODULE,
    &string::MODULE,
    &contextvars::MODULE,
    &unicodedata::MODULE,
    &codecs::MODULE,
    &binascii::MODULE,
    &structmod::MODULE,
    &zlib::MODULE,
    &marshal::MODULE,
    &array::MODULE,
    &hashes::MD5_MODULE,
    &hashes::SHA1_MODULE,
    &hashes::SHA256_MODULE,
    &hashes::SHA512_MODULE,
    &hashes::SHA3_MODULE,
    &hashes::BLAKE2_MODULE,
    &posixsubprocess::MODULE,
    &select::MODULE,
    &csv::MODULE,
    &pyexpat::MODULE,
    &bz2::MODULE,
    &lzma::MODULE,
    &socket::MODULE,
    &stat_mod::MODULE,
    &fcntl::MODULE,
    &pwd_grp::PWD_MODULE,
    &pwd_grp::GRP_MODULE,
    &resource::MODULE,
    &json_speedups::MODULE,
    &abc::MODULE,
    &hashlib_native::MODULE,
    &termios::MODULE,
    &mmap::MODULE,
    &warnings_shim::MODULE,
    &crate::runtime::import::IMP_MODULE,
    &crate::runtime::ast::MODULE,
    // A minimal `sys` until the full one lands (the first `sys` wins).
    &crate::runtime::import::sys_hook::MODULE,
];

pub(crate) use array::{array_bytes, array_store_bytes};
pub(crate) use time_mod::exec_in_module;
pub(crate) use weakref::{
    new_ref as new_weak_ref, referent as weak_referent, set_weak_ref_hash, weak_ref_state,
};

/// The native at `idx` (`module << 16 | entry`).
pub(crate) fn native(idx: usize) -> NativeFn {
    if idx & native_types::TYPE_TAG != 0 {
        return native_types::method(idx & !native_types::TYPE_TAG);
    }
    MODULES
        .get(idx >> 16)
        .and_then(|m| m.functions.get(idx & 0xffff))
        .map(|f| f.1)
        .unwrap_or(super::builtins::bad_native_fn())
}

/// The module a native module function's index (`MODULE_TAG | module << 16
/// | entry`) belongs to (`None` for other builtins and for methods).
pub(crate) fn native_module_name(idx: usize) -> Option<&'static str> {
    if idx & MODULE_TAG == 0 || idx & native_types::TYPE_TAG != 0 {
        return None;
    }
    MODULES.get((idx & !MODULE_TAG) >> 16).map(|m| m.name)
}

/// The names of the native modules.
pub fn native_names() -> Vec<&'static str> {
    MODULES.iter().map(|m| m.name).collect()
}

/// Whether a native module of this name exists.
pub fn is_native(name: &str) -> bool {
    MODULES.iter().any(|m| m.name == name)
}

impl Vm {
    /// A new, empty module object named `name` (its dict holds `__name__`).
    pub fn new_module(&mut self, name: &str) -> PyResult<Value> {
        let d = self.new_dict()?;
        let di = self.push_temp(d);
        let n = self.new_str(name)?;
        let ni = self.push_temp(n);
        self.dict_set_str(self.temp(di), "__name__", self.temp(ni))?;
        self.dict_set_str(self.temp(di), "__doc__", Value::NONE)?;
        let class = self.ty(TypeId::Module);
        let fields = [self.temp(di), self.temp(ni)];
        let m = self.alloc_record(Kind::Module, class, &fields, 0);
        self.pop_temps(di);
        m
    }

    /// The native module `name`, created and entered in `sys.modules` the
    /// first time; `None` when there is no native module of that name.
    pub fn import_native(&mut self, name: &str) -> PyResult<Option<Value>> {
        let Some(idx) = MODULES.iter().position(|m| m.name == name) else {
            return Ok(None);
        };
        let def = MODULES[idx];
        let m = self.new_module(name)?;
        let mi = self.push_temp(m);
        for (entry, &(fname, _)) in def.functions.iter().enumerate() {
            let f = new_builtin(self, MODULE_TAG | idx << 16 | entry, fname)?;
            let d = self.field(self.temp(mi), 0);
            self.dict_set_str(d, fname, f)?;
        }
        // Entered before `init` runs, as CPython does for modules being
        // initialized (an init that imports this module sees it).
        let modules = self.global(GlobalSlot::Modules);
        self.dict_set_str(modules, name, self.temp(mi))?;
        let r = match def.init {
            Some(init) => init(self, ModuleRef(mi)),
            None => Ok(()),
        };
        let m = self.temp(mi);
        self.pop_temps(mi);
        if let Err(e) = r {
            let modules = self.global(GlobalSlot::Modules);
            let key = self.new_str(name)?;
            let _ = self.dict_del(modules, key);
            return Err(e);
        }
        Ok(Some(m))
    }
}
