//! The names `site` adds to builtins (`help`, `exit`, `quit`, `copyright`,
//! `credits`, `license`), as CPython's `_sitebuiltins` objects: native
//! objects made at start-up (unless `-S`), so that no Python code runs
//! until one is called. `help(...)` imports `pydoc` and calls
//! `pydoc.help`; `exit()`/`quit()` raise `SystemExit`.

use pyvm_objmodel::Value;

use super::native_types::NativeType;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::{GlobalSlot, TypeId};

/// `_sitebuiltins._Helper` (`help`).
pub(crate) static HELPER: NativeType = NativeType {
    module: "_sitebuiltins",
    name: "_Helper",
    call: Some(helper_call),
    repr: Some(|_, _| {
        Ok("Type help() for interactive help, or help(object) for help about object.".into())
    }),
    ..NativeType::EMPTY
};

/// `_sitebuiltins.Quitter` (`exit`, `quit`): state [name].
pub(crate) static QUITTER: NativeType = NativeType {
    module: "_sitebuiltins",
    name: "Quitter",
    call: Some(quitter_call),
    repr: Some(|vm, s| {
        let name = vm.str_text(vm.st(s, 0)).into_owned();
        Ok(format!("Use {name}() or Ctrl-D (i.e. EOF) to exit"))
    }),
    ..NativeType::EMPTY
};

/// `_sitebuiltins._Printer` (`copyright`, `credits`, `license`): state
/// [repr text, text printed by a call].
pub(crate) static PRINTER: NativeType = NativeType {
    module: "_sitebuiltins",
    name: "_Printer",
    call: Some(printer_call),
    repr: Some(|vm, s| Ok(vm.str_text(vm.st(s, 0)).into_owned())),
    ..NativeType::EMPTY
};

const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
const CREDITS: &str = "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";

impl Vm {
    /// Adds `help`, `exit`, `quit`, `copyright`, `credits` and `license`
    /// to the builtins namespace (what `site` does at start-up).
    pub(crate) fn install_site_builtins(&mut self) -> PyResult<()> {
        let h = self.new_native(&HELPER, &[])?;
        self.set_builtin("help", h)?;
        for name in ["exit", "quit"] {
            let n = self.new_str(name)?;
            let q = self.new_native(&QUITTER, &[n])?;
            self.set_builtin(name, q)?;
        }
        for (name, shown, printed) in [
            ("copyright", COPYRIGHT, COPYRIGHT),
            ("credits", CREDITS, CREDITS),
            (
                "license",
                "Type license() to see the full license text",
                "See https://www.python.org/psf/license/",
            ),
        ] {
            let s = self.new_str(shown)?;
            let si = self.push_temp(s);
            let p = self.new_str(printed);
            let s = self.temp(si);
            self.pop_temps(si);
            let obj = self.new_native(&PRINTER, &[s, p?])?;
            self.set_builtin(name, obj)?;
        }
        Ok(())
    }

    /// `builtins.<name> = v`.
    pub(crate) fn set_builtin(&mut self, name: &str, v: Value) -> PyResult<()> {
        let vi = self.push_temp(v);
        let key = self.new_str(name);
        let v = self.temp(vi);
        self.pop_temps(vi);
        let b = self.global(GlobalSlot::Builtins);
        self.dict_set(b, key?, v)
    }
}

/// The arguments after the object itself.
fn rest(a: &Args) -> Args {
    Args {
        start: a.start + 1,
        n: a.n.saturating_sub(1),
        kw: a.kw,
    }
}

/// `help(*args, **kwds)`: `pydoc.help(*args, **kwds)`.
fn helper_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let m = vm.import_module("pydoc")?;
    let f = vm.get_attr_str(m, "help")?;
    let fi = vm.push_temp(f);
    let r = vm.call_args(fi, rest(&a));
    vm.pop_temps(fi);
    r
}

/// `exit(code=None)`: raises `SystemExit(code)`.
fn quitter_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let code = if a.npos(vm) > 1 {
        a.get(vm, 1)
    } else {
        Value::NONE
    };
    let class = vm.ty(TypeId::SystemExit);
    let e = vm.call_value(class, &[code])?;
    Err(vm.raise_value(e))
}

/// `copyright()`: prints the text.
fn printer_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = vm.temp(a.start);
    let text = vm.field(s, 2);
    let print = vm.dict_get_str(vm.global(GlobalSlot::Builtins), "print")?;
    if let Some(p) = print {
        vm.call_value(p, &[text])?;
    }
    Ok(Value::NONE)
}
