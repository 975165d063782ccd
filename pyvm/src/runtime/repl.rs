//! The interactive prompt: `>>> `/`... ` prompts, statements compiled in
//! `single` mode (expression values echoed through `sys.displayhook`,
//! which also sets `builtins._`), tracebacks printed and the loop going on,
//! `SystemExit` ending it. On a terminal, lines are read with a small line
//! editor (`lineedit.rs`: cursor keys, history); otherwise plainly.

use pyvm_bytecode::{CompileOptions, Mode};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::modules::io::{call_method, sys_attr};
use super::types::{GlobalSlot, TypeId};

/// `PrintExpr`: calls `sys.displayhook(value)`.
pub fn print_expr(vm: &mut Vm, v: Value) -> PyResult<()> {
    let vi = vm.push_temp(v);
    let r = (|| {
        if vm.global(GlobalSlot::Sys).is_empty() {
            vm.import_module("sys")?;
        }
        match sys_attr(vm, "displayhook")? {
            Some(h) if !h.is_none() => {
                vm.call_value(h, &[vm.temp(vi)])?;
                Ok(())
            }
            _ => Err(vm.raise_msg(TypeId::RuntimeError, "lost sys.displayhook")),
        }
    })();
    vm.pop_temps(vi);
    r
}

/// Whether a compile error means "the statement goes on".
fn incomplete(msg: &str) -> bool {
    msg.contains("was never closed")
        || msg.contains("unexpected EOF")
        || msg.contains("unterminated triple-quoted")
        || msg.contains("expected an indented block")
        || msg.contains("incomplete input")
}

/// Reads one line (without the prompt's newline); None at end of input.
fn read_line(vm: &mut Vm, prompt: &str, tty: bool) -> Result<Option<String>, Interrupted> {
    if tty {
        vm.flush_out();
        return super::lineedit::read_line(prompt, &mut vm.sysio.history);
    }
    vm.flush_out();
    eprint!("{prompt}");
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        // SAFETY: reading one byte from fd 0 into a local buffer.
        let n = unsafe { libc::read(0, byte.as_mut_ptr().cast(), 1) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                if super::sysstate::take_interrupt() {
                    super::sysstate::clear_pending();
                    return Err(Interrupted);
                }
                continue;
            }
            return Ok(None);
        }
        if n == 0 {
            if line.is_empty() {
                return Ok(None);
            }
            break;
        }
        if byte[0] == b'\n' {
            break;
        }
        line.push(byte[0]);
    }
    Ok(Some(String::from_utf8_lossy(&line).into_owned()))
}

/// Ctrl-C while reading a line.
pub struct Interrupted;

fn prompt(vm: &mut Vm, name: &str, default: &str) -> String {
    match sys_attr(vm, name) {
        Ok(Some(p)) if vm.is_str(p) => vm.str_text(p).into_owned(),
        Ok(Some(p)) if !p.is_none() => vm.str_string(p).unwrap_or_else(|_| {
            vm.take_raised();
            default.to_string()
        }),
        Ok(_) => default.to_string(),
        Err(_) => {
            vm.take_raised();
            default.to_string()
        }
    }
}

/// Runs the prompt until end of input or `SystemExit`; returns the exit
/// status SystemExit asked for (None at end of input).
pub fn run_repl(vm: &mut Vm, banner: bool) -> Option<i32> {
    // SAFETY: isatty on fd 0.
    let tty = unsafe { libc::isatty(0) == 1 };
    if vm.import_module("sys").is_err() {
        vm.take_raised();
    }
    for (name, text) in [("ps1", ">>> "), ("ps2", "... ")] {
        if let Ok(None) = sys_attr(vm, name) {
            let sys = vm.global(GlobalSlot::Sys);
            let d = vm.field(sys, 0);
            if let Ok(v) = vm.new_str(text) {
                let d2 = vm.field(vm.global(GlobalSlot::Sys), 0);
                let _ = d;
                let _ = vm.dict_set_str(d2, name, v);
            }
        }
    }
    let globals = match main_globals(vm) {
        Ok(g) => g,
        Err(_) => {
            vm.take_raised();
            return Some(1);
        }
    };
    let gi = vm.push_temp(globals);
    if banner && !vm.sysio.quiet {
        eprintln!(
            "Python 3.11.0 (pyvm {}) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let status = loop {
        let ps1 = prompt(vm, "ps1", ">>> ");
        let first = match read_line(vm, &ps1, tty) {
            Ok(Some(l)) => l,
            Ok(None) => {
                if tty {
                    println!();
                } else {
                    eprintln!();
                }
                break None;
            }
            Err(Interrupted) => {
                eprintln!("\nKeyboardInterrupt");
                continue;
            }
        };
        let mut src = first.clone();
        let mut block = first.trim_end().ends_with(':');
        let code = loop {
            if !block {
                let opts = CompileOptions {
                    optimize: vm.sysio.optimize,
                    ..Default::default()
                };
                match pyvm_bytecode::compile_with(&src, "<stdin>", Mode::Single, &opts) {
                    Ok(c) => break Ok(c),
                    Err(e) if incomplete(&e.msg) => {
                        if e.msg.contains("expected an indented block") {
                            block = true;
                        }
                    }
                    Err(e) => break Err(e),
                }
            }
            let ps2 = prompt(vm, "ps2", "... ");
            match read_line(vm, &ps2, tty) {
                Ok(Some(l)) => {
                    let end = block && l.trim().is_empty();
                    src.push('\n');
                    src.push_str(&l);
                    if end {
                        block = false;
                    }
                }
                Ok(None) => {
                    block = false;
                    src.push('\n');
                }
                Err(Interrupted) => {
                    eprintln!("\nKeyboardInterrupt");
                    src.clear();
                    break Err(pyvm_bytecode::SyntaxError::simple("", "", 0, 0));
                }
            }
        };
        let code = match code {
            Ok(c) => c,
            Err(e) => {
                if !e.msg.is_empty() && !src.trim().is_empty() {
                    eprint!("{}", super::cli::format_syntax_error(&e));
                }
                continue;
            }
        };
        if src.trim().is_empty() {
            continue;
        }
        let r = vm
            .new_code(code)
            .and_then(|c| vm.run_code_in(c, vm.temp(gi), vm.temp(gi)));
        if r.is_err() {
            let exc = vm.take_raised();
            let ei = vm.push_temp(exc);
            if vm.exc_matches(exc, TypeId::SystemExit) {
                let s = vm.system_exit_status(ei);
                vm.pop_temps(ei);
                break Some(s);
            }
            vm.flush_out();
            print_traceback(vm, ei);
            vm.pop_temps(ei);
        }
        if super::modules::io::flush_stdout(vm).is_err() {
            vm.take_raised();
        }
    };
    vm.pop_temps(gi);
    status
}

/// The `__main__` namespace (made if no program ran before the prompt).
fn main_globals(vm: &mut Vm) -> PyResult<Value> {
    let modules = vm.global(GlobalSlot::Modules);
    if let Some(m) = vm.dict_get_str(modules, "__main__")?
        && vm.kind_of(m) == Some(Kind::Module)
    {
        return Ok(vm.field(m, 0));
    }
    let g = vm.new_dict()?;
    let gi = vm.push_temp(g);
    let r = (|| {
        let name = vm.new_str("__main__")?;
        vm.dict_set_str(vm.temp(gi), "__name__", name)?;
        vm.dict_set_str(vm.temp(gi), "__doc__", Value::NONE)?;
        vm.ensure_builtins_in(vm.temp(gi))?;
        vm.register_main_module(vm.temp(gi))?;
        Ok(vm.temp(gi))
    })();
    vm.pop_temps(gi);
    r
}

/// Prints the exception at temp `ei` through `sys.excepthook`.
fn print_traceback(vm: &mut Vm, ei: usize) {
    let r = (|| {
        let Some(hook) = sys_attr(vm, "excepthook")? else {
            return Err(vm.raise_msg(TypeId::RuntimeError, "lost sys.excepthook"));
        };
        let exc = vm.temp(ei);
        let class = vm.class_of(exc);
        let tb = vm.exc_traceback(exc);
        vm.call_value(hook, &[class, exc, tb])
    })();
    if r.is_err() {
        vm.take_raised();
        let text = vm.format_exception(vm.temp(ei));
        eprint!("{text}");
    }
    if let Ok(Some(e)) = sys_attr(vm, "stderr")
        && !e.is_none()
        && call_method(vm, e, "flush", &[]).is_err()
    {
        vm.take_raised();
    }
}
