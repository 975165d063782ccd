//! `_warnings`: CPython's C half of `warnings`. pyvm runs the pure-Python
//! `warnings` module; this `_warnings` only offers `warn` and
//! `warn_explicit` (delegating to it) for modules that import
//! `_warnings` directly (`zipimport`). It lacks `filters` and the other
//! state on purpose, so `warnings.py`'s `from _warnings import ...` fails
//! and it keeps its own Python implementation.

use super::{ModuleRef, NativeModule};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The `_warnings` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "_warnings",
    functions: &[],
    init: Some(init),
};

const SRC: &str = r#"
def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning, or maybe ignore it or raise an exception."""
    import warnings
    warnings.warn(message, category, stacklevel + 1, source)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    """Low-level interface to warnings functionality."""
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module,
                           registry, module_globals, source)
"#;

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm _warnings>")
}
