//! `open()` in text mode with an encoding or error handler that only the
//! codec registry knows (`cp1252`, `koi8_r`, a handler registered with
//! `codecs.register_error`...): the binary stream `open()` makes, wrapped
//! by `_pyio.TextIOWrapper` (the stdlib's pure-Python implementation, run
//! from the installation), which encodes and decodes through the codecs'
//! incremental encoders and decoders.

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The text stream over `file` (already through `os.fspath`), opened with
/// the other arguments of `open()`.
#[allow(clippy::too_many_arguments)]
pub(super) fn open(
    vm: &mut Vm,
    file: Value,
    mode: &str,
    buffering: i64,
    encoding: &str,
    errors: Option<&str>,
    newline: Option<&str>,
    closefd: bool,
    opener: Value,
) -> PyResult<Value> {
    let mark = vm.temps_len();
    vm.push_temp(file);
    vm.push_temp(opener);
    let r = (|| {
        // LookupError for an unknown encoding, before touching the file.
        vm.codec_lookup(encoding)?;
        let binary: String = mode.chars().filter(|&c| c != 't').chain(['b']).collect();
        let line_buffering = buffering == 1;
        let buffering = if line_buffering { -1 } else { buffering };
        let io = vm.import_module("io")?;
        let open = vm.get_attr_str(io, "open")?;
        vm.push_temp(open);
        let m = vm.new_str(&binary)?;
        vm.push_temp(m);
        let b = vm.new_i64(buffering)?;
        let args = [
            vm.temp(mark),
            vm.temp(mark + 3),
            b,
            Value::NONE,
            Value::NONE,
            Value::NONE,
            Value::from_bool(closefd),
            vm.temp(mark + 1),
        ];
        let buffer = vm.call_value(vm.temp(mark + 2), &args)?;
        let bi = vm.push_temp(buffer);
        let pyio = vm.import_module("_pyio")?;
        let cls = vm.get_attr_str(pyio, "TextIOWrapper")?;
        vm.push_temp(cls);
        let enc = vm.new_str(encoding)?;
        vm.push_temp(enc);
        let errs = match errors {
            Some(e) => vm.new_str(e)?,
            None => Value::NONE,
        };
        vm.push_temp(errs);
        let nl = match newline {
            Some(n) => vm.new_str(n)?,
            None => Value::NONE,
        };
        let args = [
            vm.temp(bi),
            vm.temp(bi + 2),
            vm.temp(bi + 3),
            nl,
            Value::from_bool(line_buffering),
        ];
        let text = vm.call_value(vm.temp(bi + 1), &args)?;
        let ti = vm.push_temp(text);
        let m = vm.new_str(mode)?;
        let k = vm.new_str("mode")?;
        vm.set_attr(vm.temp(ti), k, m)?;
        Ok(vm.temp(ti))
    })();
    vm.pop_temps(mark);
    r
}
