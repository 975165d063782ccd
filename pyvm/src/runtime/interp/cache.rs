//! Inline caches (the specializing interpreter's first one): `LoadGlobal`
//! guarded by dict keys-versions, in the CPython 3.11 `LOAD_GLOBAL` scheme.

use pyvm_objmodel::Value;

use super::super::code::GlobalCache;
use super::super::exception::PyResult;
use super::super::heap::Vm;
use super::super::types::GlobalSlot;

impl Vm {
    /// `LoadGlobal` through its inline cache `cache`; on a miss, the generic
    /// lookup fills the cache.
    pub(super) fn load_global_cached(&mut self, name: u32, cache: usize) -> PyResult<Value> {
        let (globals, code_obj) = {
            let f = self.m.roots().frames.last().expect("frame");
            (f.globals, f.code_obj)
        };
        let builtins = self.global(GlobalSlot::Builtins);
        if let Some(c) = self
            .code_box(code_obj)
            .caches
            .get(cache)
            .and_then(|c| c.get())
            && self.dict_mut(globals).keys_version() == c.globals_version
        {
            let hit = if c.in_builtins {
                let b = self.dict_mut(builtins);
                if b.keys_version() == c.builtins_version {
                    b.value_at(c.at)
                } else {
                    None
                }
            } else {
                self.dict_mut(globals).value_at(c.at)
            };
            if let Some(v) = hit.filter(|v| !v.is_empty()) {
                return Ok(v);
            }
        }
        let key = self.name_val(name);
        let found = {
            let g = self.dict_mut(globals);
            match g.index_of(&mut self.keys(), key) {
                Ok(Some(at)) => Some((at, false, g.keys_version(), 0)),
                Ok(None) => {
                    let b = self.dict_mut(builtins);
                    match b.index_of(&mut self.keys(), key) {
                        Ok(Some(at)) => Some((at, true, g.keys_version(), b.keys_version())),
                        _ => None,
                    }
                }
                Err(_) => None,
            }
        };
        if let Some((at, in_builtins, gv, bv)) = found
            && !(in_builtins && self.custom_builtins(globals).is_some())
            && let Some(slot) = self.code_box(code_obj).caches.get(cache)
        {
            slot.set(Some(GlobalCache {
                globals_version: gv,
                builtins_version: bv,
                at,
                in_builtins,
            }));
        }
        self.load_global(self.name_val(name))
    }
}

#[cfg(test)]
mod tests {
    use crate::runtime::Vm;
    use crate::str_hash::HashSecret;
    use pyvm_bytecode::{Mode, compile};
    use pyvm_gc::Config;

    fn run(src: &str) -> Vec<u8> {
        let mut vm = Vm::new(Config::default(), HashSecret::from_seed(0)).unwrap();
        let code = compile(src, "<test>", Mode::Exec).unwrap();
        vm.run_main(code).unwrap();
        vm.out
    }

    #[test]
    fn cached_global_sees_rebinding_adding_and_shadowing() {
        // `f` reads the global `x` and the builtin `len` through caches;
        // rebinding `x`, deleting and re-adding it, and shadowing `len` with
        // a global must all be seen.
        let out = run("x = 1\n\
             def f():\n    return x, len('ab')\n\
             print(f())\n\
             x = 2\nprint(f())\n\
             del x\nx = 3\nprint(f())\n\
             def len(s): return 'mine'\nprint(f())\n\
             del len\nprint(f())\n");
        assert_eq!(out, b"(1, 2)\n(2, 2)\n(3, 2)\n(3, 'mine')\n(3, 2)\n");
    }
}
