//! Which builtins bind as methods. CPython's `builtin_function_or_method`
//! is not a descriptor: a native module's function stored in a class stays
//! a plain function when read from an instance. pyvm's builtins that are
//! methods (of builtin types, of native-module types) do bind.

use pyvm_objmodel::Value;

use super::heap::Vm;

impl Vm {
    /// Whether the builtin `f` is a native module's function (not a
    /// method of a native type). Those are not descriptors, as in CPython:
    /// `_buffer_decode = codecs.utf_8_decode` in a class body stays a
    /// plain function when read from an instance.
    pub(crate) fn is_module_function(&self, f: Value) -> bool {
        let idx = self
            .field(f, super::layout::BuiltinField::Native as usize)
            .as_int()
            .unwrap_or(0) as usize;
        idx & super::builtins::MODULE_TAG != 0 && idx & super::modules::native_types::TYPE_TAG == 0
    }
}
